package io.marquee.recommendation.because;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.marquee.recommendation.enrich.RecommendedItem;
import io.marquee.recommendation.source.Sourced;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Rows of titles similar to the caller's most recent titles, newest seed first; no title appears
 * twice across rows.
 *
 * @param source how the rows were made: the rows' sources, each once, separated by {@code "; "}
 */
public record BecauseYouWatched(String source, List<Row> rows) implements Sourced {

    public BecauseYouWatched {
        rows = List.copyOf(rows);
    }

    /** One row, named after its seed title. */
    public record Row(String seedId, String seedTitle, String source,
                      @JsonInclude(JsonInclude.Include.NON_NULL)
                      @Schema(nullable = true, description = "Personalize's recommendationId; absent in a fallback row")
                      String recommendationId,
                      List<RecommendedItem> items) {

        public Row {
            items = List.copyOf(items);
        }
    }
}
