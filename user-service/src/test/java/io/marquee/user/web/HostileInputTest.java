package io.marquee.user.web;

import static io.marquee.user.Api.PASSWORD;
import static io.marquee.user.Api.PROBLEM;
import static io.marquee.user.Api.bearer;
import static io.marquee.user.Api.email;
import static io.marquee.user.Api.loginOk;
import static io.marquee.user.Api.signupOk;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import io.marquee.user.storage.UserTables;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Bad and hostile input on every endpoint: always a 4xx problem naming the field, never a 500,
 * and nothing stored changes.
 */
@QuarkusTest
class HostileInputTest {

    /** The address every refused sign-up below tries to register. */
    private static final String VICTIM = "hostile@example.org";

    @Inject
    DynamoDbClient dynamo;
    @Inject
    UserTables tables;

    private static ValidatableResponse problem(ValidatableResponse response, int status) {
        return response.statusCode(status).contentType(startsWith(PROBLEM)).body("status", is(status));
    }

    private static void badField(ValidatableResponse response, String field) {
        problem(response, 400).body("errors.field", hasItem(field));
    }

    private static ValidatableResponse post(String path, String body) {
        return given().contentType(ContentType.JSON).body(body).post(path).then();
    }

    private boolean registered(String email) {
        Map<String, AttributeValue> row = dynamo.getItem(b -> b.tableName(tables.emails())
                .key(Map.of("email", AttributeValue.fromS(email))).consistentRead(true)).item();
        return row != null && !row.isEmpty();
    }

    @BeforeEach
    void victimIsNotRegistered() {
        assertThat(registered(VICTIM)).isFalse();
    }

    private static String signup(String name, String age, String gender, String email, String password) {
        return "{\"name\":" + name + ",\"age\":" + age + ",\"gender\":" + gender + ",\"email\":" + email
                + ",\"password\":" + password + "}";
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // missing fields
            "{\"age\":30,\"gender\":\"male\",\"email\":\"hostile@example.org\",\"password\":\"long enough\"}|name",
            "{\"name\":\"N\",\"gender\":\"male\",\"email\":\"hostile@example.org\",\"password\":\"long enough\"}|age",
            "{\"name\":\"N\",\"age\":30,\"email\":\"hostile@example.org\",\"password\":\"long enough\"}|gender",
            "{\"name\":\"N\",\"age\":30,\"gender\":\"male\",\"password\":\"long enough\"}|email",
            "{\"name\":\"N\",\"age\":30,\"gender\":\"male\",\"email\":\"hostile@example.org\"}|password",
            "{}|email",
            // wrong types
            "{\"name\":42,\"age\":30,\"gender\":\"male\",\"email\":\"hostile@example.org\",\"password\":\"long enough\"}|name",
            "{\"name\":\"N\",\"age\":\"30\",\"gender\":\"male\",\"email\":\"hostile@example.org\",\"password\":\"long enough\"}|age",
            "{\"name\":\"N\",\"age\":30.5,\"gender\":\"male\",\"email\":\"hostile@example.org\",\"password\":\"long enough\"}|age",
            "{\"name\":\"N\",\"age\":true,\"gender\":\"male\",\"email\":\"hostile@example.org\",\"password\":\"long enough\"}|age",
            "{\"name\":[\"N\"],\"age\":30,\"gender\":\"male\",\"email\":\"hostile@example.org\",\"password\":\"long enough\"}|name",
            "{\"name\":\"N\",\"age\":30,\"gender\":\"male\",\"email\":{\"a\":1},\"password\":\"long enough\"}|email",
            "{\"name\":\"N\",\"age\":30,\"gender\":\"male\",\"email\":\"hostile@example.org\",\"password\":12345678}|password",
            "{\"name\":\"N\",\"age\":99999999999,\"gender\":\"male\",\"email\":\"hostile@example.org\",\"password\":\"long enough\"}|age",
            // unknown fields
            "{\"name\":\"N\",\"age\":30,\"gender\":\"male\",\"email\":\"hostile@example.org\",\"password\":\"long enough\",\"roles\":[\"admin\"]}|roles",
            "{\"name\":\"N\",\"age\":30,\"gender\":\"male\",\"email\":\"hostile@example.org\",\"password\":\"long enough\",\"id\":\"x\"}|id",
    })
    void badSignupShapeIs400NamingTheField(String body, String field) {
        badField(post("/auth/signup", body), field);
        assertThat(registered(VICTIM)).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\"\"|30|\"male\"|\"hostile@example.org\"|\"long enough\"|name",
            "\"   \"|30|\"male\"|\"hostile@example.org\"|\"long enough\"|name",
            "\"N\"|12|\"male\"|\"hostile@example.org\"|\"long enough\"|age",
            "\"N\"|121|\"male\"|\"hostile@example.org\"|\"long enough\"|age",
            "\"N\"|-1|\"male\"|\"hostile@example.org\"|\"long enough\"|age",
            "\"N\"|30|\"Male\"|\"hostile@example.org\"|\"long enough\"|gender",
            "\"N\"|30|\"robot\"|\"hostile@example.org\"|\"long enough\"|gender",
            "\"N\"|30|\"\"|\"hostile@example.org\"|\"long enough\"|gender",
            "\"N\"|30|\"male\"|\"not an email\"|\"long enough\"|email",
            "\"N\"|30|\"male\"|\"hostile@localhost\"|\"long enough\"|email",
            "\"N\"|30|\"male\"|\" hostile@example.org\"|\"long enough\"|email",
            "\"N\"|30|\"male\"|\"hostile@example.org\\n\"|\"long enough\"|email",
            "\"N\"|30|\"male\"|\"hostile@example.org'; DROP TABLE users;--\"|\"long enough\"|email",
            "\"N\"|30|\"male\"|\"hostile@exa\\u0000mple.org\"|\"long enough\"|email",
            "\"N\"|30|\"male\"|\"höstile@example.org\"|\"long enough\"|email",
            "\"N\"|30|\"male\"|\"hostile@example.org\"|\"short\"|password",
            "\"N\"|30|\"male\"|\"hostile@example.org\"|\"\"|password",
            "\"N\"|30|\"male\"|\"hostile@example.org\"|\"\\ud800 lone surrogate\"|password",
            "\"line\\nbreak\"|30|\"male\"|\"hostile@example.org\"|\"long enough\"|name",
            "\"nul\\u0000\"|30|\"male\"|\"hostile@example.org\"|\"long enough\"|name",
            "\"lone \\ud800 surrogate\"|30|\"male\"|\"hostile@example.org\"|\"long enough\"|name",
            "\"\\u202egnp.exe\"|30|\"male\"|\"hostile@example.org\"|\"long enough\"|name",
            "\"esc\\u001b[31m\"|30|\"male\"|\"hostile@example.org\"|\"long enough\"|name",
    })
    void outOfRangeOrHostileSignupValueIs400NamingTheField(String name, String age, String gender, String email,
                                                           String password, String field) {
        badField(post("/auth/signup", signup(name, age, gender, email, password)), field);
        assertThat(registered(VICTIM)).isFalse();
    }

    @Test
    void tooLongSignupValuesAreRefused() {
        String ok = "\"long enough\"";
        String email = "\"hostile@example.org\"";
        badField(post("/auth/signup", signup("\"" + "n".repeat(101) + "\"", "30", "\"male\"", email, ok)), "name");
        badField(post("/auth/signup", signup("\"N\"", "30", "\"male\"",
                "\"" + "a".repeat(250) + "@example.org\"", ok)), "email");
        // 73 bytes: one more than bcrypt reads. 24 three-byte characters are 72 bytes but 24 characters.
        badField(post("/auth/signup", signup("\"N\"", "30", "\"male\"", email, "\"" + "p".repeat(73) + "\"")),
                "password");
        badField(post("/auth/signup", signup("\"N\"", "30", "\"male\"", email, "\"" + "€".repeat(25) + "\"")),
                "password");
        assertThat(registered(VICTIM)).isFalse();
    }

    @Test
    void unicodeThatIsFineIsStoredIntact() {
        String email = email("unicode");
        String name = "Zoë 李 🎬 e\u0301";
        String password = "пароль-€-🔑";
        String body = "{\"name\":\"" + name + "\",\"age\":13,\"gender\":\"non-binary\",\"email\":\"" + email
                + "\",\"password\":\"" + password + "\"}";
        post("/auth/signup", body).statusCode(201).body("name", equalTo(java.text.Normalizer.normalize(name,
                java.text.Normalizer.Form.NFC)));
        // The same password in another Unicode form (NFD) logs in too.
        io.marquee.user.Api.login(email, java.text.Normalizer.normalize(password, java.text.Normalizer.Form.NFD))
                .statusCode(200);
    }

    @Test
    void injectionLookingTextIsStoredAsPlainText() {
        String email = email("o'brien+tag");
        String name = "Robert'); DROP TABLE users;-- <script>alert(1)</script> ${jndi:ldap://x}";
        post("/auth/signup", "{\"name\":\"" + name + "\",\"age\":30,\"gender\":\"other\",\"email\":\"" + email
                + "\",\"password\":\"" + PASSWORD + "\"}").statusCode(201).body("name", equalTo(name));
        bearer(loginOk(email).getString("accessToken")).get("/me").then().statusCode(200)
                .body("name", equalTo(name)).body("email", equalTo(email));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"name\":", "not json", "{\"email\":\"a@b.org\"} trailing",
            "{\"email\":\"hostile@example.org\",\"email\":\"x@y.org\"}", "[]", "\"just a string\"", "null", ""})
    void malformedJsonIs400ProblemOnEveryPost(String body) {
        for (String path : new String[] {"/auth/signup", "/auth/login", "/auth/refresh"}) {
            problem(post(path, body), 400);
        }
        assertThat(registered(VICTIM)).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"password\":\"whatever1\"}|email",
            "{\"email\":\"a@example.org\"}|password",
            "{\"email\":\"a@example.org\",\"password\":\"\"}|password",
            "{\"email\":42,\"password\":\"whatever1\"}|email",
            "{\"email\":\"a@example.org\",\"password\":[1]}|password",
            "{\"email\":\"not-an-email\",\"password\":\"whatever1\"}|email",
            "{\"email\":\"a@example.org' OR '1'='1\",\"password\":\"' OR '1'='1\"}|email",
            "{\"email\":\"a@example.org\",\"password\":\"whatever1\",\"remember\":true}|remember",
    })
    void badLoginIs400NamingTheField(String body, String field) {
        badField(given().header("X-Forwarded-For", io.marquee.user.Api.clientAddress()).contentType(ContentType.JSON)
                .body(body).post("/auth/login").then(), field);
    }

    @Test
    void overlongLoginPasswordIs400NotA500() {
        badField(post("/auth/login", "{\"email\":\"a@example.org\",\"password\":\"" + "p".repeat(1025) + "\"}"),
                "password");
        // Longer than bcrypt reads but within the field's limit: just wrong.
        problem(io.marquee.user.Api.login(email("long"), "p".repeat(500)), 401);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{}|refreshToken",
            "{\"refreshToken\":null}|refreshToken",
            "{\"refreshToken\":42}|refreshToken",
            "{\"refreshToken\":\"short\"}|refreshToken",
            "{\"refreshToken\":\"has spaces in it and is long\"}|refreshToken",
            "{\"refreshToken\":\"token#abc'; DROP TABLE x;--\"}|refreshToken",
            "{\"refreshToken\":\"AAAAAAAAAAAAAAAAAAAA\",\"extra\":1}|extra",
    })
    void badRefreshIs400NamingTheField(String body, String field) {
        badField(post("/auth/refresh", body), field);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"name\":\"\"}|name",
            "{\"name\":\"   \"}|name",
            "{\"name\":null,\"age\":12}|age",
            "{\"age\":\"forty\"}|age",
            "{\"age\":121}|age",
            "{\"gender\":\"GIRAFFE\"}|gender",
            "{\"email\":\"nope\"}|email",
            "{\"password\":\"short\",\"currentPassword\":\"correct horse battery\"}|password",
            "{\"name\":\"nul\\u0000\"}|name",
            "{\"name\":\"lone \\udc00\"}|name",
            "{\"role\":\"admin\"}|role",
            "{\"id\":\"someone-else\"}|id",
            "{\"createdAt\":\"2020-01-01T00:00:00Z\"}|createdAt",
    })
    void badPatchIs400NamingTheFieldAndChangesNothing(String body, String field) {
        String email = email("patched");
        signupOk(email);
        String token = loginOk(email).getString("accessToken");
        badField(bearer(token).contentType(ContentType.JSON).body(body).patch("/me").then(), field);
        bearer(token).get("/me").then().statusCode(200).body("name", equalTo("Test User")).body("age", is(30))
                .body("gender", equalTo("female")).body("email", equalTo(email));
    }

    @Test
    void malformedPatchBodyIs400() {
        String token = io.marquee.user.Api.newUserToken("malformed-patch");
        for (String body : new String[] {"{", "[]", "nope", "{\"age\":30} {}", ""}) {
            problem(bearer(token).contentType(ContentType.JSON).body(body).patch("/me").then(), 400);
        }
    }

    @Test
    void bodyOverTheSizeLimitIs413Problem() {
        String huge = "{\"name\":\"" + "n".repeat(20_000) + "\"}";
        problem(post("/auth/signup", huge), 413).body("detail", containsString("at most"));
        problem(post("/auth/login", huge), 413);
        problem(post("/auth/refresh", huge), 413);
        String token = io.marquee.user.Api.newUserToken("huge");
        problem(bearer(token).contentType(ContentType.JSON).body(huge).patch("/me").then(), 413);
    }

    @Test
    void wrongContentTypeIs415Problem() {
        problem(given().contentType(ContentType.TEXT).body("email=a").post("/auth/login").then(), 415);
        problem(given().contentType(ContentType.URLENC).formParam("email", "a").post("/auth/signup").then(), 415);
    }

    @Test
    void unknownPathsAndMethodsAreProblems() {
        problem(given().get("/auth/nothing-here").then(), 404);
        problem(given().delete("/me/history").then(), 405);
        problem(given().get("/auth/login").then(), 405);
    }
}
