package io.marquee.rating;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import io.marquee.testsupport.TestTokens;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;

/** Small helpers the API tests share. */
public final class Api {

    public static final String PROBLEM = "application/problem+json";
    public static final String JSON_UTF8 = "application/json; charset=UTF-8";

    private Api() {
    }

    /** A fresh id, so tests never see each other's data. */
    public static String fresh(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 13);
    }

    public static RequestSpecification as(String userId) {
        return given().header("Authorization", TestTokens.bearer(TestTokens.user(userId)));
    }

    public static ValidatableResponse put(String userId, String itemId, String json) {
        return as(userId).contentType(JSON_UTF8).body(json).when().put("/items/{id}/rating", itemId).then();
    }

    public static ValidatableResponse rate(String userId, String itemId, double rating) {
        return put(userId, itemId, "{\"rating\":" + rating + "}");
    }

    public static ValidatableResponse get(String userId, String itemId) {
        return as(userId).when().get("/items/{id}/rating", itemId).then();
    }

    public static ValidatableResponse delete(String userId, String itemId) {
        return as(userId).when().delete("/items/{id}/rating", itemId).then();
    }

    /** Asserts a problem+json answer with {@code status} and returns it for more checks. */
    public static ValidatableResponse problem(ValidatableResponse response, int status) {
        return response.statusCode(status).contentType(startsWith(PROBLEM)).body("status", is(status));
    }

    /** How often the fake catalog was asked about {@code itemId}. */
    public static int catalogHits(String itemId) throws Exception {
        String base = ConfigProvider.getConfig().getValue("quarkus.rest-client.catalog.url", String.class);
        HttpResponse<String> answer = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(base + "/__hits?id=" + itemId)).build(),
                HttpResponse.BodyHandlers.ofString());
        return Integer.parseInt(answer.body().trim());
    }
}
