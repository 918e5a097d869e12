package io.marquee.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.marquee.testsupport.JwtKeysResource;
import io.marquee.testsupport.RawHttp;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.URL;
import org.junit.jupiter.api.Test;

/**
 * Requests refused below JAX-RS (by the URI check, the HTTP codec's limits) get problem+json saying
 * what was wrong, like every other refusal, and never reach a service. Sent over a raw socket: an
 * HTTP client would re-encode or refuse them. The texts are common's RequestTargets / RequestHeadCheck.
 */
@QuarkusTest
@WithTestResource(FakeServices.class)
@WithTestResource(JwtKeysResource.class)
class MalformedRequestTest {

    private static final String BAD_ESCAPE =
            "is not valid percent-encoding: every '%' must be followed by two hexadecimal digits";
    private static final String NOT_UTF8 = "is not valid UTF-8 once percent-decoded";

    @TestHTTPResource("/")
    URL server;

    private JsonPath problem(RawHttp.Answer answer, int status) {
        assertThat(answer.status()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(answer.header("X-Request-Id")).isNotBlank();
        JsonPath body = JsonPath.from(answer.body());
        assertThat(body.getInt("status")).isEqualTo(status);
        return body;
    }

    @Test
    void malformedPercentEncodingInTheQueryIs400ProblemNamingTheQueryAndNeverReachesTheCatalog() throws Exception {
        int before = Fakes.hits(Fakes.CATALOG, "GET:/items/search");
        for (String q : new String[] {"%zz", "%E0%A4%A", "a%", "%0", "%u0000", "%%00"}) {
            RawHttp.Answer answer = RawHttp.get(server, "/api/v1/movies/search?q=" + q);
            JsonPath body = problem(answer, 400);
            assertThat(body.getString("detail")).as(q).isEqualTo("The query string " + BAD_ESCAPE);
            assertThat(body.getString("instance")).isEqualTo("/api/v1/movies/search");
            assertThat(answer.body()).as("the input is never echoed").doesNotContain(q);
        }
        assertThat(Fakes.hits(Fakes.CATALOG, "GET:/items/search")).isEqualTo(before);
    }

    @Test
    void escapesThatAreNotUtf8Are400ProblemIncludingOverlongNul() throws Exception {
        for (String q : new String[] {"%C0%80", "%E0%A4", "%FF", "%ED%A0%80"}) {
            JsonPath body = problem(RawHttp.get(server, "/api/v1/movies/search?q=" + q), 400);
            assertThat(body.getString("detail")).as(q).isEqualTo("The query string " + NOT_UTF8);
        }
        JsonPath body = problem(RawHttp.get(server, "/api/v1/movies/%C0%AE%C0%AE"), 400);
        assertThat(body.getString("detail")).isEqualTo("The path " + NOT_UTF8);
        assertThat(body.getString("instance")).as("a malformed path is not echoed as the instance").isNull();
    }

    @Test
    void malformedPercentEncodingInThePathIs400ProblemWithoutEchoingThePath() throws Exception {
        for (String path : new String[] {"/api/v1/movies/%E0%A4%A", "/api/v1/movies/%zz", "/nothing/%", "/api/v1/movies/1%2"}) {
            RawHttp.Answer answer = RawHttp.get(server, path);
            JsonPath body = problem(answer, 400);
            assertThat(body.getString("detail")).as(path).isEqualTo("The path " + BAD_ESCAPE);
            assertThat(body.getString("instance")).isNull();
        }
    }

    @Test
    void charactersAUriMayNotCarryAre400Problem() throws Exception {
        JsonPath body = problem(RawHttp.get(server, "/api/v1/movies/search?q=a|b<script>"), 400);
        assertThat(body.getString("detail")).startsWith("The query string has a character that must be percent-encoded");
        body = problem(RawHttp.get(server, "/api/v1/movies/{1}"), 400);
        assertThat(body.getString("detail")).startsWith("The path has a character that must be percent-encoded");
    }

    @Test
    void anOverLongRequestLineIs414ProblemSayingTheLimit() throws Exception {
        String longPath = "/api/v1/movies/" + "a".repeat(5000);
        RawHttp.Answer answer = RawHttp.get(server, longPath);
        JsonPath body = problem(answer, 414);
        assertThat(body.getString("detail"))
                .isEqualTo("The request line is longer than 4096 characters; shorten the path or query string");
        assertThat(answer.body()).doesNotContain("aaaaaaaaaa");
        problem(RawHttp.get(server, "/api/v1/movies/search?q=" + "b".repeat(5000)), 414);
        // Just under the limit: the request is answered by the resource, which judges the id.
        JsonPath underLimit = problem(RawHttp.get(server, "/api/v1/movies/" + "a".repeat(4000)), 400);
        assertThat(underLimit.getString("errors[0].field")).isEqualTo("id");
    }

    @Test
    void oversizedHeadersAre431ProblemSayingTheLimit() throws Exception {
        RawHttp.Answer answer = RawHttp.send(server, "GET /api/v1/movies/1 HTTP/1.1\r\nHost: localhost\r\n"
                + "X-Filler: " + "c".repeat(25_000) + "\r\nConnection: close\r\n\r\n");
        JsonPath body = problem(answer, 431);
        assertThat(body.getString("detail")).isEqualTo("The request headers are larger than 20480 bytes in total");
        assertThat(answer.body()).doesNotContain("cccccccccc");
    }

    @Test
    void wellFormedRequestsAreServedAsBefore() throws Exception {
        RawHttp.Answer search = RawHttp.get(server, "/api/v1/movies/search?q=Am%C3%A9lie%20toy");
        assertThat(search.status()).isEqualTo(200);
        assertThat(search.header("Content-Type")).startsWith("application/json");
        String seen = Fakes.last(Fakes.CATALOG).getString("query");
        assertThat(java.net.URLDecoder.decode(seen, java.nio.charset.StandardCharsets.UTF_8)).contains("Amélie toy");
        // A NUL is valid percent-encoding and UTF-8: the route judges it, as before.
        assertThat(RawHttp.get(server, "/api/v1/movies/search?q=a%00b").status()).isEqualTo(200);
        given().get("/api/v1/movies/1").then().statusCode(200);
        given().header("X-Filler", "d".repeat(8_000)).get("/api/v1/movies/1").then().statusCode(200);
    }
}
