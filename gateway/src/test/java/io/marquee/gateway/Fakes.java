package io.marquee.gateway;

import static io.restassured.RestAssured.given;

import io.restassured.path.json.JsonPath;
import org.eclipse.microprofile.config.ConfigProvider;

/** The tests' side of {@link FakeServices}: what a fake service saw, and switching one off and on. */
final class Fakes {

    static final String CATALOG = "catalog";
    static final String USER = "user";
    static final String RATING = "rating";
    static final String RECOMMENDATION = "recommendation";
    static final String INGEST = "event-ingest";
    static final String ENGINE = "engine";

    private Fakes() {
    }

    /** The last request {@code service} received (method, path, query, headers, body). */
    static JsonPath last(String service) {
        return given().baseUri(controlUrl()).get("/" + service + "/last").then().statusCode(200).extract().jsonPath();
    }

    /** How often {@code service} was asked {@code methodAndPath}, e.g. {@code GET:/items/1}. */
    static int hits(String service, String methodAndPath) {
        return Integer.parseInt(given().baseUri(controlUrl()).queryParam("path", methodAndPath)
                .get("/" + service + "/hits").then().statusCode(200).extract().asString());
    }

    /** Closes the service's port: connections are refused until {@link #up}. */
    static void down(String service) {
        given().baseUri(controlUrl()).post("/" + service + "/down").then().statusCode(204);
    }

    static void up(String service) {
        given().baseUri(controlUrl()).post("/" + service + "/up").then().statusCode(204);
    }

    private static String controlUrl() {
        return ConfigProvider.getConfig().getValue(FakeServices.CONTROL_URL, String.class);
    }
}
