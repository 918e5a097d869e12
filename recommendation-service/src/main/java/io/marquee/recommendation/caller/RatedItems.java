package io.marquee.recommendation.caller;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.marquee.recommendation.config.RecommendationsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The titles the caller rated, from rating-service, so recommendations never offer them again.
 * Personalize's exclude-rated filter covers ratings it has seen; this covers the ones made a
 * moment ago, which reach Personalize only later.
 */
@ApplicationScoped
public class RatedItems {

    static final int PAGE = 100;

    private final RatingClient client;
    private final Neighbour rating;
    private final int maxPages;

    RatedItems(@RestClient RatingClient client, RecommendationsConfig config) {
        this.client = client;
        this.rating = new Neighbour("rating-service", config.neighbours());
        this.maxPages = Math.max(1, config.neighbours().maxRatingPages());
    }

    /** The ids of the caller's ratings, newest first, at most {@code recommendations.neighbours.max-rating-pages} pages. */
    public Set<String> of(Caller caller) {
        Set<String> ids = new LinkedHashSet<>();
        String cursor = null;
        for (int page = 0; page < maxPages; page++) {
            String after = cursor;
            RatingPage answer = rating.call(() -> read(caller, after), RatingPage.class);
            answer.items().forEach(r -> ids.add(r.itemId()));
            cursor = answer.nextCursor();
            if (cursor == null) {
                break;
            }
        }
        return ids;
    }

    private RatingPage read(Caller caller, String cursor) {
        try (Response answer = client.myRatings(caller.authorization(), PAGE, cursor)) {
            if (answer.getStatus() != 200) {
                throw new IllegalStateException("rating-service answered " + answer.getStatus());
            }
            return answer.readEntity(RatingPage.class);
        }
    }

    /** rating-service's page of ratings, the fields read here. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record RatingPage(List<Rated> items, String nextCursor) {
        RatingPage {
            items = items == null ? List.of() : items;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Rated(String itemId) {
    }
}
