package io.marquee.user.web;

import static io.marquee.user.Api.bearer;
import static io.marquee.user.Api.email;
import static io.marquee.user.Api.loginOk;
import static io.marquee.user.Api.signupOk;
import static org.assertj.core.api.Assertions.assertThat;

import io.marquee.testsupport.RawHttp;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.URL;
import org.junit.jupiter.api.Test;

/**
 * A service behind the gateway refuses unreadable request heads with problem+json too (common's
 * RequestHeadCheck), and a user stored before them is untouched and served as before.
 */
@QuarkusTest
class MalformedRequestTest {

    @TestHTTPResource("/")
    URL server;

    private static JsonPath problem(RawHttp.Answer answer, int status) {
        assertThat(answer.status()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
        JsonPath body = JsonPath.from(answer.body());
        assertThat(body.getInt("status")).isEqualTo(status);
        assertThat(body.getString("requestId")).isNotBlank();
        return body;
    }

    @Test
    void malformedTargetsLongLinesAndHugeHeadersAreProblemsAndTheStoredUserIsUntouched() throws Exception {
        String address = email("malformed");
        String id = signupOk(address);
        String token = loginOk(address).getString("accessToken");
        String authorization = "Authorization: Bearer " + token + "\r\n";

        JsonPath query = problem(RawHttp.send(server, "GET /me/history?limit=%zz HTTP/1.1\r\nHost: localhost\r\n"
                + authorization + "Connection: close\r\n\r\n"), 400);
        assertThat(query.getString("detail")).isEqualTo(
                "The query string is not valid percent-encoding: every '%' must be followed by two hexadecimal digits");
        assertThat(query.getString("instance")).isEqualTo("/me/history");

        JsonPath path = problem(RawHttp.get(server, "/admin/users/%E0%A4%A"), 400);
        assertThat(path.getString("detail")).startsWith("The path is not valid percent-encoding");
        JsonPath utf8 = problem(RawHttp.get(server, "/admin/users/%C0%80"), 400);
        assertThat(utf8.getString("detail")).isEqualTo("The path is not valid UTF-8 once percent-decoded");

        JsonPath longLine = problem(RawHttp.get(server, "/me?x=" + "a".repeat(5000)), 414);
        assertThat(longLine.getString("detail")).startsWith("The request line is longer than 4096 characters");

        JsonPath headers = problem(RawHttp.send(server, "GET /me HTTP/1.1\r\nHost: localhost\r\nX-Filler: "
                + "b".repeat(25_000) + "\r\nConnection: close\r\n\r\n"), 431);
        assertThat(headers.getString("detail")).isEqualTo("The request headers are larger than 20480 bytes in total");

        // A PATCH whose target is malformed changes nothing, although its body is valid.
        String rename = "{\"name\":\"Renamed By A Bad Request\"}";
        problem(RawHttp.send(server, "PATCH /me?%zz HTTP/1.1\r\nHost: localhost\r\n" + authorization
                + "Content-Type: application/json\r\nContent-Length: " + rename.length()
                + "\r\nConnection: close\r\n\r\n" + rename), 400);

        bearer(token).get("/me").then().statusCode(200)
                .body("id", org.hamcrest.Matchers.equalTo(id))
                .body("email", org.hamcrest.Matchers.equalTo(address))
                .body("name", org.hamcrest.Matchers.equalTo("Test User"));
    }
}
