package io.marquee.gateway.home;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.marquee.gateway.recommendation.client.RecommendationGateway;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * recommendation-service's rows for a signed-in viewer: "for you" first, then a "because you
 * watched …" row per recent title. A fallback list (the campaign could not answer) still shows,
 * and says so in its {@code source}.
 */
@ApplicationScoped
public class RecommendationSections {

    /** Seed titles the "because you watched" rows are made from. */
    private static final int BECAUSE_ROWS = 2;
    /** The most titles recommendation-service gives per "because you watched" row. */
    private static final int BECAUSE_LIMIT = 25;

    private final RecommendationGateway recommendations;
    private final ObjectMapper json;

    RecommendationSections(RecommendationGateway recommendations, ObjectMapper json) {
        this.recommendations = recommendations;
        this.json = json;
    }

    @Produces
    @Singleton
    HomeSection forYou() {
        return new SectionOf("for-you", 10, true, (viewer, limit) -> {
            JsonNode list = body(recommendations.forYouForPage(limit, viewer.authorization().orElseThrow(), viewer.requestId()));
            return List.of(new Section("for-you", "For you", list.path("source").asText(null),
                    list.path("recommendationId").asText(null), items(list)));
        });
    }

    @Produces
    @Singleton
    HomeSection becauseYouWatched() {
        return new SectionOf("because-you-watched", 20, true, (viewer, limit) -> {
            JsonNode answer = body(recommendations.becauseYouWatchedForPage(BECAUSE_ROWS, Math.min(limit, BECAUSE_LIMIT),
                    viewer.authorization().orElseThrow(), viewer.requestId()));
            List<Section> rows = new ArrayList<>();
            for (JsonNode row : answer.path("rows")) {
                rows.add(new Section("because-you-watched:" + row.path("seedId").asText(),
                        "Because you watched " + row.path("seedTitle").asText(), row.path("source").asText(null),
                        row.path("recommendationId").asText(null), items(row)));
            }
            return rows;
        });
    }

    private JsonNode body(Response answer) {
        if (answer.getStatus() != 200 || !(answer.getEntity() instanceof byte[] body)) {
            throw new SectionUnavailable(answer.getStatus() == 401 ? "unauthorized"
                    : "recommendation-service answered " + answer.getStatus());
        }
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new SectionUnavailable("recommendation-service answered something other than a list");
        }
    }

    private static List<JsonNode> items(JsonNode list) {
        List<JsonNode> items = new ArrayList<>();
        list.path("items").forEach(items::add);
        return items;
    }
}
