package io.marquee.recommendation.caller;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.marquee.recommendation.config.RecommendationsConfig;
import io.marquee.recommendation.timing.Steps;
import io.micrometer.core.annotation.Timed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The titles the caller viewed or rated most recently, from user-service's history. Kept per
 * caller in {@link KeptHistories} until the caller's next interaction event (see there for why a
 * read that does not show the caller's latest events yet is not kept).
 */
@ApplicationScoped
public class RecentTitles {

    private final UserClient client;
    private final KeptHistories histories;
    private final Neighbour user;

    RecentTitles(@RestClient UserClient client, KeptHistories histories, RecommendationsConfig config) {
        this.client = client;
        this.histories = histories;
        this.user = new Neighbour("user-service", config.neighbours());
    }

    /** Distinct item ids, newest first, viewed and rated together. */
    @Timed(value = Steps.TIMER, percentiles = {0.5, 0.99, 0.999})
    public List<String> of(Caller caller) {
        History history = histories.kept(caller.id());
        if (history == null) {
            KeptHistories.Ticket ticket = histories.ticket(caller.id());
            history = user.call(() -> read(caller), History.class);
            histories.keep(ticket, history);
        }
        List<Entry> all = new ArrayList<>();
        Stream.concat(history.viewed().stream(), history.rated().stream()).forEach(all::add);
        all.sort(Comparator.comparing(Entry::at, Comparator.nullsLast(Comparator.reverseOrder())));
        LinkedHashSet<String> ids = new LinkedHashSet<>();
        all.forEach(e -> ids.add(e.itemId()));
        return List.copyOf(ids);
    }

    private History read(Caller caller) {
        try (Response answer = client.history(caller.authorization())) {
            if (answer.getStatus() != 200) {
                throw new IllegalStateException("user-service answered " + answer.getStatus());
            }
            return answer.readEntity(History.class);
        }
    }

    /** user-service's history, the fields read here. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record History(List<Entry> viewed, List<Entry> rated) {
        History {
            viewed = viewed == null ? List.of() : viewed;
            rated = rated == null ? List.of() : rated;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Entry(String itemId, Instant at) {
    }
}
