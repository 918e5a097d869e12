package io.marquee.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The contract check the fakes run under catches each kind of drift, and passes a true answer. */
class ServiceContractsTest {

    @Test
    void anAnswerAsTheServiceGivesItPasses() {
        assertThat(ServiceContracts.check("catalog-service", "GET", "/items/1", 200, FakeServices.ITEM, List.of()))
                .isEmpty();
        assertThat(ServiceContracts.check("catalog-service", "GET", "/items/search", 200,
                "{\"items\":[]}", List.of())).isEmpty();
    }

    @Test
    void aFieldTheServiceDoesNotHaveIsNamed() {
        assertThat(ServiceContracts.check("catalog-service", "GET", "/items/1", 200,
                "{\"id\":\"1\",\"titel\":\"Toy Story\"}", List.of()))
                .singleElement().asString().contains("'titel'");
    }

    @Test
    void aPromisedHeaderThatIsMissingIsNamed() {
        String rating = "{\"itemId\":\"1\",\"rating\":4.0}";
        assertThat(ServiceContracts.check("rating-service", "PUT", "/items/1/rating", 201, rating, List.of()))
                .singleElement().asString().contains("Location");
        assertThat(ServiceContracts.check("rating-service", "PUT", "/items/1/rating", 201, rating, List.of("location")))
                .isEmpty();
    }

    @Test
    void aStatusOrRouteTheServiceNeverAnswersIsNamed() {
        assertThat(ServiceContracts.check("catalog-service", "GET", "/items/1", 418, "", List.of()))
                .singleElement().asString().contains("never answers 418");
        assertThat(ServiceContracts.check("user-service", "GET", "/no-such-route", 200, "{}", List.of()))
                .singleElement().asString().contains("no route");
        assertThat(ServiceContracts.check("user-service", "GET", "/no-such-route", 404, "", List.of())).isEmpty();
    }
}
