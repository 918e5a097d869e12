package io.marquee.rating;

import static io.marquee.rating.Api.as;
import static io.marquee.rating.Api.fresh;
import static io.marquee.rating.Api.rate;
import static org.assertj.core.api.Assertions.assertThat;

import io.marquee.common.events.Topics;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A rating's trace goes on past the outbox: the records published for it carry the W3C
 * {@code traceparent} of the request that committed it, so a consumer's work joins the same trace.
 */
@QuarkusTest
class TracePropagationTest {

    private static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";

    @Test
    void theRecordsOfARatingCarryTheTraceOfTheRequestThatMadeIt() {
        String user = fresh("traced");
        as(user).header("traceparent", "00-" + TRACE_ID + "-b7ad6b7169203331-01")
                .contentType(Api.JSON_UTF8).body("{\"rating\":4}")
                .when().put("/items/{id}/rating", fresh("film")).then().statusCode(201);

        List<String> ratings = PublishedEvents.traceparentsOf(Topics.RATINGS, user, 1);
        List<String> interactions = PublishedEvents.traceparentsOf(Topics.INTERACTIONS, user, 1);

        assertThat(ratings).singleElement().asString().matches("00-" + TRACE_ID + "-[0-9a-f]{16}-0[01]");
        assertThat(interactions).singleElement().asString().startsWith("00-" + TRACE_ID + "-");
    }

    @Test
    void aRatingMadeWithoutTraceContextStillStartsOneItsRecordsCarry() {
        String user = fresh("untraced");
        rate(user, fresh("film"), 3).statusCode(201);

        assertThat(PublishedEvents.traceparentsOf(Topics.RATINGS, user, 1))
                .singleElement().asString().matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
    }
}
