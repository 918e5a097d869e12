package io.marquee.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.WithTestResource;
import io.marquee.testsupport.JwtKeysResource;
import io.marquee.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/** /api/v1/movies and /api/v1/charts relayed to a real HTTP peer playing catalog-service. */
@QuarkusTest
@WithTestResource(FakeServices.class)
@WithTestResource(JwtKeysResource.class)
class CatalogRelayTest {

    static JsonPath lastCatalogRequest() {
        return Fakes.last(Fakes.CATALOG);
    }

    static int catalogHits(String methodAndPath) {
        return Fakes.hits(Fakes.CATALOG, methodAndPath);
    }

    private static final String ADMIN = TestTokens.bearer(TestTokens.admin("admin-1"));

    @Test
    void movieIsRelayedWithStatusBodyAndContentType() {
        Response answer = given().get("/api/v1/movies/1").then().statusCode(200).extract().response();

        assertThat(answer.contentType()).startsWith("application/json");
        JsonPath movie = answer.jsonPath();
        assertThat(movie.getMap("")).containsAllEntriesOf(new JsonPath(FakeServices.ITEM).getMap(""));
        assertThat(movie.getInt("reviewSummary.reviews")).as("rating-service's summary joined on").isZero();
        assertThat(answer.header("ETag")).isEqualTo("\"v1\"");
        assertThat(answer.header("X-Internal")).as("internal downstream headers stay behind").isNull();
        assertThat(lastCatalogRequest().getString("path")).isEqualTo("/items/1");
    }

    @Test
    void downstreamNotFoundProblemIsRelayedWithThePublicPathAsInstance() {
        Response answer = given().get("/api/v1/movies/42").then().statusCode(404).extract().response();

        assertThat(answer.contentType()).isEqualTo("application/problem+json");
        // Everything as the service wrote it, except that the internal path /items/42 never leaks.
        assertThat(answer.asString()).isEqualTo("{\"type\":\"about:blank\",\"title\":\"Not found\","
                + "\"status\":404,\"detail\":\"No item with id 42\",\"instance\":\"/api/v1/movies/42\"}");
    }

    @Test
    void listForwardsOnlyTheDeclaredQueryParameters() {
        given().queryParam("genre", "Comedy").queryParam("year", "1995").queryParam("limit", "10")
                .queryParam("cursor", "c1").queryParam("debug", "true").queryParam("admin", "yes")
                .get("/api/v1/movies")
                .then().statusCode(200).contentType("application/json")
                .body("items[0].id", equalTo("1")).body("nextCursor", equalTo("c2"));

        String query = lastCatalogRequest().getString("query");
        assertThat(query.split("&")).containsExactlyInAnyOrder("genre=Comedy", "year=1995", "limit=10", "cursor=c1");
    }

    @Test
    void downstreamValidationProblemIsRelayedUnchanged() {
        given().queryParam("limit", "500").get("/api/v1/movies")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("limit: must be at most 100"))
                .body("errors[0].field", equalTo("limit"));
    }

    @Test
    void putRelaysBodyAuthorizationAndCreatedStatus() {
        String movie = "{\"id\":\"7\",\"title\":\"Heat (1995)\",\"genres\":[\"Action\"],\"year\":1995}";
        given().header("Authorization", ADMIN).contentType("application/json").body(movie)
                .put("/api/v1/movies/7")
                .then().statusCode(201).contentType("application/json").body("title", equalTo("Heat (1995)"))
                .header("Location", org.hamcrest.Matchers.endsWith("/api/v1/movies/7"));

        JsonPath seen = lastCatalogRequest();
        assertThat(seen.getString("method")).isEqualTo("PUT");
        assertThat(seen.getString("path")).isEqualTo("/items/7");
        assertThat(seen.getString("authorization")).isEqualTo(ADMIN);
        assertThat(seen.getString("contentType")).startsWith("application/json");
        assertThat(seen.getString("body")).isEqualTo(movie);
    }

    @Test
    void putWithoutATokenIsRefusedAtTheEdge() {
        int before = catalogHits("PUT:/items/7");
        given().contentType("application/json").body("{\"title\":\"x\"}").put("/api/v1/movies/7")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("instance", equalTo("/api/v1/movies/7"));
        assertThat(catalogHits("PUT:/items/7")).isEqualTo(before);
    }

    @Test
    void searchForwardsOnlyItsParametersAndIsNotMistakenForAMovieId() {
        given().queryParam("q", "toy story").queryParam("limit", "5").queryParam("cursor", "k1")
                .queryParam("genre", "Comedy").get("/api/v1/movies/search")
                .then().statusCode(200).contentType("application/json").body("items[0].id", equalTo("1"));

        JsonPath seen = lastCatalogRequest();
        assertThat(seen.getString("path")).isEqualTo("/items/search");
        assertThat(java.util.Arrays.stream(seen.getString("query").split("&"))
                .map(p -> java.net.URLDecoder.decode(p, java.nio.charset.StandardCharsets.UTF_8)))
                .containsExactlyInAnyOrder("q=toy story", "limit=5", "cursor=k1");
    }

    @Test
    void searchValidationProblemIsRelayedWithThePublicPath() {
        given().queryParam("q", "x").queryParam("limit", "500").get("/api/v1/movies/search")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("limit"))
                .body("instance", equalTo("/api/v1/movies/search"));
    }

    @Test
    void movieCarriesItsStats() {
        given().get("/api/v1/movies/1").then().statusCode(200)
                .body("stats.ratingCount", equalTo(2)).body("stats.viewCount", equalTo(10));
    }

    @Test
    void eachChartIsRelayedWithLimitAndGenre() {
        for (String chart : new String[] {"most-viewed", "top-rated", "trending"}) {
            given().queryParam("limit", "3").queryParam("genre", "Drama").queryParam("extra", "x")
                    .get("/api/v1/charts/" + chart)
                    .then().statusCode(200).contentType("application/json").body("chart", equalTo(chart));
            JsonPath seen = lastCatalogRequest();
            assertThat(seen.getString("path")).isEqualTo("/charts/" + chart);
            assertThat(seen.getString("query").split("&")).containsExactlyInAnyOrder("limit=3", "genre=Drama");
        }
    }

    @Test
    void batchIsRelayedForAdmins() {
        String batch = "{\"items\":[{\"id\":\"9\",\"title\":\"Alien\"}]}";
        given().header("Authorization", ADMIN).contentType("application/json").body(batch)
                .post("/api/v1/movies/batch")
                .then().statusCode(200).body("created", equalTo(1));
        JsonPath seen = lastCatalogRequest();
        assertThat(seen.getString("path")).isEqualTo("/items/batch");
        assertThat(seen.getString("body")).isEqualTo(batch);
        assertThat(seen.getString("authorization")).isEqualTo(ADMIN);
    }

    @Test
    void requestIdIsGeneratedWhenAbsentAndForwardedDownstream() {
        String id = given().get("/api/v1/movies/1").then().statusCode(200).extract().header("X-Request-Id");

        assertThat(id).matches("[0-9a-f-]{36}");
        assertThat(lastCatalogRequest().getString("requestId")).isEqualTo(id);
    }

    @Test
    void validRequestIdIsKeptAndForwardedDownstream() {
        given().header("X-Request-Id", "web-1234.abc:9").get("/api/v1/movies/42")
                .then().statusCode(404).header("X-Request-Id", "web-1234.abc:9");

        assertThat(lastCatalogRequest().getString("requestId")).isEqualTo("web-1234.abc:9");
    }

    @Test
    void hostileRequestIdsAreReplacedAndTheReplacementIsForwarded() {
        for (String hostile : new String[] {"x".repeat(500), "<script>alert(1)</script>",
                "abc%0d%0aSet-Cookie:%20a=b", "id with spaces"}) {
            String id = given().header("X-Request-Id", hostile).get("/api/v1/movies/1")
                    .then().statusCode(200).extract().header("X-Request-Id");

            assertThat(id).as(hostile).isNotEqualTo(hostile).matches("[0-9a-f-]{36}");
            assertThat(lastCatalogRequest().getString("requestId")).isEqualTo(id);
        }
    }

    @Test
    void requestIdFoldedOverCrLfIsReplacedAndTheReplacementIsForwarded() throws Exception {
        // An obsolete line fold puts CR LF inside the header value; HTTP clients refuse to send it.
        String head;
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", io.restassured.RestAssured.port)) {
            socket.getOutputStream().write(("GET /api/v1/movies/1 HTTP/1.1\r\nHost: localhost\r\n"
                    + "X-Request-Id: abc\r\n Set-Cookie: a=b\r\nConnection: close\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            head = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                    .split("\r\n\r\n")[0];
        }
        assertThat(head).startsWith("HTTP/1.1 200").doesNotContainIgnoringCase("set-cookie");
        String id = head.lines().filter(line -> line.regionMatches(true, 0, "X-Request-Id:", 0, 13))
                .map(line -> line.substring(13).trim()).findFirst().orElseThrow();
        assertThat(id).matches("[0-9a-f-]{36}");
        assertThat(lastCatalogRequest().getString("requestId")).isEqualTo(id);
    }

    @Test
    void slowDownstreamAnswers504ProblemWithinTheTimeout() {
        long start = System.nanoTime();
        given().header("X-Request-Id", "slow-1").get("/api/v1/movies/slow")
                .then().statusCode(504).contentType("application/problem+json")
                .body("status", equalTo(504))
                .body("detail", equalTo("catalog-service did not answer in time"))
                .body("instance", equalTo("/api/v1/movies/slow"))
                .body("requestId", equalTo("slow-1"));
        long millis = (System.nanoTime() - start) / 1_000_000;

        // The fake would answer after SLOW_MILLIS; a 504 well before that means the gateway cut it off.
        assertThat(millis).as("the fake sleeps %d ms", FakeServices.SLOW_MILLIS)
                .isLessThan(FakeServices.SLOW_MILLIS);
        assertThat(catalogHits("GET:/items/slow")).as("a timeout is not retried").isEqualTo(1);
    }

    @Test
    void readWhoseConnectionBreaksIsRetriedOnce() {
        int before = catalogHits("GET:/items/flaky");
        given().get("/api/v1/movies/flaky").then().statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("No item with id flaky"));
        assertThat(catalogHits("GET:/items/flaky") - before).isEqualTo(2);
    }

    @Test
    void writeWhoseConnectionBreaksIsNotRetried() {
        int before = catalogHits("PUT:/items/flaky");
        given().header("Authorization", ADMIN).contentType("application/json").body("{}")
                .put("/api/v1/movies/flaky")
                .then().statusCode(503).contentType("application/problem+json")
                .body("detail", equalTo("catalog-service is unavailable"))
                .body("requestId", org.hamcrest.Matchers.notNullValue());
        assertThat(catalogHits("PUT:/items/flaky") - before).isEqualTo(1);
    }

    @Test
    void statusReportsEveryServiceUp() {
        given().get("/api/v1/status").then().statusCode(200).body("services.catalog", equalTo("UP"))
                .body("services.user", equalTo("UP")).body("services.rating", equalTo("UP"))
                .body("services.other", nullValue());
    }
}
