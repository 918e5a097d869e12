package io.marquee.user;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Requests the tests make again and again. */
public final class Api {

    public static final String PROBLEM = "application/problem+json";
    public static final String PASSWORD = "correct horse battery";

    private Api() {
    }

    /** A fresh, unused email address. */
    public static String email(String label) {
        return label + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    /** A client address of its own, so one test's failed logins never throttle another's. */
    public static String clientAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }

    /** A request as the gateway would send it for a client at {@code address}. */
    public static RequestSpecification from(String address) {
        return given().header("X-Forwarded-For", address + ", 127.0.0.1");
    }

    public static Map<String, Object> signupBody(String email) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Test User");
        body.put("age", 30);
        body.put("gender", "female");
        body.put("email", email);
        body.put("password", PASSWORD);
        return body;
    }

    public static ValidatableResponse signup(Object body) {
        return given().contentType(ContentType.JSON).body(body).post("/auth/signup").then();
    }

    /** Signs up {@code email} with {@link #PASSWORD}; the new user's id. */
    public static String signupOk(String email) {
        return signup(signupBody(email)).statusCode(201).extract().path("id");
    }

    public static ValidatableResponse login(String email, String password) {
        return login(email, password, clientAddress());
    }

    public static ValidatableResponse login(String email, String password, String address) {
        return from(address).contentType(ContentType.JSON).body(Map.of("email", email, "password", password))
                .post("/auth/login").then();
    }

    /** Logs in with {@link #PASSWORD}; the token answer. */
    public static JsonPath loginOk(String email) {
        return login(email, PASSWORD).statusCode(200).extract().jsonPath();
    }

    /** Signs up a new user and logs in; the access token. */
    public static String newUserToken(String label) {
        String email = email(label);
        signupOk(email);
        return loginOk(email).getString("accessToken");
    }

    public static ValidatableResponse refresh(String refreshToken) {
        return given().contentType(ContentType.JSON).body(Map.of("refreshToken", refreshToken))
                .post("/auth/refresh").then();
    }

    public static RequestSpecification bearer(String token) {
        return given().header("Authorization", "Bearer " + token);
    }
}
