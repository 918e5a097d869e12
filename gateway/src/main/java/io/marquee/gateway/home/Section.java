package io.marquee.gateway.home;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One row of the home page as the client gets it.
 *
 * @param items the service's own entries, unchanged (chart entries, or recommended items with their score)
 */
@Schema(name = "HomeSection", description = "One row of the home page")
public record Section(
        @Schema(description = "Stable id of the row", examples = "trending") String id,
        @Schema(description = "Heading to show", examples = "Trending now") String title,
        @Schema(description = "How the row was made, e.g. a chart or a campaign; for recommendations as in X-Recommendation-Source",
                examples = "chart:trending") String source,
        @Schema(description = "Personalize's id for this list, to send back with clicks on it; absent for charts")
        String recommendationId,
        @Schema(description = "The movies, best first", type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY)
        List<JsonNode> items) {
}
