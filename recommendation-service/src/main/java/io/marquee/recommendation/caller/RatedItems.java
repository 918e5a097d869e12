package io.marquee.recommendation.caller;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.marquee.recommendation.config.RecommendationsConfig;
import io.marquee.recommendation.timing.Steps;
import io.micrometer.core.annotation.Timed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The titles the caller rated, from rating-service, so recommendations never offer them again.
 * Personalize's exclude-rated filter covers ratings it has seen; this covers the ones made a
 * moment ago, which reach Personalize only later. Kept per caller in {@link RatedSets} until the
 * caller's next rating event (see there for the read-your-writes window).
 */
@ApplicationScoped
public class RatedItems {

    static final int PAGE = 100;

    private final RatingClient client;
    private final RatedSets sets;
    private final Neighbour rating;
    private final int maxPages;

    RatedItems(@RestClient RatingClient client, RatedSets sets, RecommendationsConfig config) {
        this.client = client;
        this.sets = sets;
        this.rating = new Neighbour("rating-service", config.neighbours());
        this.maxPages = Math.max(1, config.neighbours().maxRatingPages());
    }

    /**
     * The ids of the caller's ratings, newest first, at most {@code recommendations.neighbours.max-rating-pages}
     * pages; unmodifiable.
     */
    @Timed(value = Steps.TIMER, percentiles = {0.5, 0.99, 0.999})
    public Set<String> of(Caller caller) {
        Set<String> kept = sets.kept(caller.id());
        if (kept != null) {
            return kept;
        }
        RatedSets.Ticket ticket = sets.ticket(caller.id());
        Set<String> ids = read(caller);
        sets.keep(ticket, ids);
        return ids;
    }

    private Set<String> read(Caller caller) {
        Set<String> ids = new LinkedHashSet<>();
        String cursor = null;
        for (int page = 0; page < maxPages; page++) {
            String after = cursor;
            RatingPage answer = rating.call(() -> page(caller, after), RatingPage.class);
            answer.items().forEach(r -> ids.add(r.itemId()));
            cursor = answer.nextCursor();
            if (cursor == null) {
                break;
            }
        }
        return Collections.unmodifiableSet(ids);
    }

    private RatingPage page(Caller caller, String cursor) {
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
