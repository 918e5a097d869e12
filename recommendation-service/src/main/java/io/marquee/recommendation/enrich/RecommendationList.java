package io.marquee.recommendation.enrich;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.marquee.recommendation.source.Sourced;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A list of titles, best first.
 *
 * @param source           how it was made: {@code campaign:<arn>} (with {@code filter:<arn>}, {@code ranked-by:<arn>})
 *                         or {@code fallback:<reason> chart:top-rated}; also the {@code X-Recommendation-Source} header
 * @param recommendationId Personalize's id of the answer, to send impressions and clicks back with; absent in a fallback
 */
public record RecommendationList(
        @Schema(description = "How the list was made: `campaign:<arn>` [`filter:<arn>`] [`ranked-by:<arn>`], "
                + "or `fallback:<reason> chart:top-rated`") String source,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(nullable = true, description = "Personalize's recommendationId; absent in a fallback answer")
        String recommendationId,
        List<RecommendedItem> items) implements Sourced {

    public RecommendationList {
        items = List.copyOf(items);
    }
}
