package io.marquee.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.marquee.testsupport.JwtKeysResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** One request can be followed across services: the caller's W3C trace id reaches the service behind. */
@QuarkusTest
@WithTestResource(FakeServices.class)
@WithTestResource(JwtKeysResource.class)
class TraceContextTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

    @Test
    void theCallersTraceIdTravelsToTheServiceBehindTheGateway() {
        given().header("traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01")
                .get("/api/v1/movies/1").then().statusCode(200);

        String seen = Fakes.last(Fakes.CATALOG).getString("traceparent");
        assertThat(seen).startsWith("00-" + TRACE_ID + "-").doesNotContain("00f067aa0ba902b7");
    }

    @Test
    void aRequestWithoutTraceContextStartsATraceTheServiceSees() {
        given().get("/api/v1/movies/1").then().statusCode(200);

        assertThat(Fakes.last(Fakes.CATALOG).getString("traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
    }
}
