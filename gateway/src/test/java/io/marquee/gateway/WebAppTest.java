package io.marquee.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.marquee.testsupport.JwtKeysResource;
import io.marquee.testsupport.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The web app as the gateway serves it, and the home page API it is built on. */
@QuarkusTest
@WithTestResource(FakeServices.class)
@WithTestResource(JwtKeysResource.class)
class WebAppTest {

    private static final Pattern IMPORT = Pattern.compile("(?m)^import .* from '(\\./|\\.\\./)([^']+)';$");

    @Test
    void everyClientRouteServesTheShellUnderAStrictContentSecurityPolicy() {
        for (String path : new String[] {"/", "/search?q=x", "/movies/42", "/me", "/login", "/signup"}) {
            given().accept("text/html").get(path).then().statusCode(200)
                    .contentType(containsString("text/html"))
                    .header("Content-Security-Policy", containsString("script-src 'self'"))
                    .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                    .body(containsString("<script type=\"module\" src=\"/app/main.js\"></script>"));
        }
    }

    @Test
    void aScriptAskingForJsonAtTheRootGetsTheLinks() {
        given().accept("application/json").get("/").then().statusCode(200)
                .body("api", equalTo("/api/v1")).body("openapi", equalTo("/q/openapi")).body("app", equalTo("/"));
    }

    /** Follows every relative import from main.js: a module that is missing or misnamed fails here, not in a browser. */
    @Test
    void everyModuleTheAppImportsIsServedAsJavaScript() {
        Deque<String> toVisit = new ArrayDeque<>();
        Set<String> seen = new HashSet<>();
        toVisit.add("/app/main.js");
        while (!toVisit.isEmpty()) {
            String path = toVisit.pop();
            if (!seen.add(path)) {
                continue;
            }
            String source = given().get(path).then().statusCode(200)
                    .contentType(containsString("javascript")).extract().asString();
            Matcher imports = IMPORT.matcher(source);
            String folder = path.substring(0, path.lastIndexOf('/') + 1);
            while (imports.find()) {
                String base = imports.group(1).equals("../") ? folder.substring(0, folder.lastIndexOf('/', folder.length() - 2) + 1) : folder;
                toVisit.add(base + imports.group(2));
            }
        }
        assertThat(seen).contains("/app/api.js", "/app/events.js", "/app/views/home.js", "/app/views/title.js",
                "/app/views/me.js", "/app/views/search.js", "/app/views/account.js");
        given().get("/app/style.css").then().statusCode(200).contentType(containsString("text/css"));
    }

    @Test
    void homeComposesTheChartsForAnAnonymousVisitor() {
        given().get("/api/v1/home?limit=5").then().statusCode(200)
                .body("sections.id", equalTo(java.util.List.of("trending", "top-rated", "most-viewed")))
                .body("sections[0].source", equalTo("chart:trending"))
                .body("sections[0].items", hasSize(1))
                .body("sections[0].items[0].id", equalTo("1"))
                .body("omitted", hasSize(0));
        assertThat(Fakes.last(Fakes.CATALOG).getString("query")).contains("limit=5");
    }

    @Test
    void aSignedInViewerGetsForYouFirstMadeWithTheirOwnToken() {
        String token = TestTokens.user("user-42");
        given().auth().oauth2(token).get("/api/v1/home?limit=5").then().statusCode(200)
                .body("sections.id", equalTo(java.util.List.of("for-you", "trending", "top-rated", "most-viewed")))
                .body("sections[0].recommendationId", equalTo("rid-1"))
                .body("sections[0].source", equalTo(FakeServices.SOURCE))
                .body("sections[0].items[0].title", equalTo("Toy Story (1995)"))
                .body("omitted", hasSize(0));
        assertThat(Fakes.last("recommendation").getString("authorization")).isEqualTo("Bearer " + token);
    }

    /** The gateway's side of ADR 26: rows reused for a caller until a write of theirs passes through it. */
    @Test
    void aCallersPersonalRowsAreReusedUntilTheyRateSomethingOrAskForFreshOnes() {
        String token = TestTokens.user("user-reuse");
        int before = forYouCalls();
        signedInHome(token, null);
        signedInHome(token, null);
        assertThat(forYouCalls() - before).as("the second page reused the first one's row").isEqualTo(1);

        signedInHome(TestTokens.user("someone-else"), null);
        assertThat(forYouCalls() - before).as("another caller's rows are their own").isEqualTo(2);

        given().auth().oauth2(token).contentType("application/json").body("{\"rating\":4.5}")
                .put("/api/v1/movies/1/rating").then().statusCode(201);
        signedInHome(token, null);
        assertThat(forYouCalls() - before).as("after a rating the row is loaded again").isEqualTo(3);

        given().auth().oauth2(token).contentType("application/json").body("{\"rating\":9}")
                .put("/api/v1/movies/1/rating").then().statusCode(400);
        signedInHome(token, "no-cache");
        assertThat(forYouCalls() - before).as("Cache-Control: no-cache").isEqualTo(4);
    }

    private static void signedInHome(String token, String cacheControl) {
        var request = given().auth().oauth2(token);
        if (cacheControl != null) {
            request = request.header("Cache-Control", cacheControl);
        }
        request.get("/api/v1/home?limit=5").then().statusCode(200).body("sections[0].id", equalTo("for-you"));
    }

    private static int forYouCalls() {
        return Fakes.hits("recommendation", "GET:/recommendations/for-you");
    }

    @Test
    void homeStillAnswersWhenTheCatalogIsDownNamingEveryRowItLeftOut() {
        Fakes.down(Fakes.CATALOG);
        try {
            given().get("/api/v1/home").then().statusCode(200)
                    .body("sections", hasSize(0))
                    .body("omitted.id", equalTo(java.util.List.of("trending", "top-rated", "most-viewed")))
                    .body("omitted.reason", equalTo(java.util.List.of("unavailable", "unavailable", "unavailable")));
        } finally {
            Fakes.up(Fakes.CATALOG);
        }
    }

    @Test
    void homeRefusesAnOutOfRangeOrNonNumericLimitAsAProblem() {
        for (String limit : new String[] {"0", "51", "-1", "abc", "99999999999999999999", "1%27%20OR%201=1"}) {
            given().get("/api/v1/home?limit=" + limit).then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("limit"));
        }
    }
}
