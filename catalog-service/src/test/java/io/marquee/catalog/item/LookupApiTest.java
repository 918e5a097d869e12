package io.marquee.catalog.item;

import static io.marquee.catalog.item.Api.PROBLEM;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code POST /items/lookup}: many items in one read, for lists. Year 1906 is reserved here. */
@QuarkusTest
class LookupApiTest {

    private static ValidatableResponse lookup(Object body) {
        return given().contentType(ContentType.JSON).body(body).post("/items/lookup").then();
    }

    @Test
    void answersTheItemsFoundInTheOrderAskedEachOnceAndNamesTheMissing() {
        Api.putOk("lookup-a", Api.item("Lookup A", 1906, "Drama"));
        Api.putOk("lookup-b", Api.item("Lookup B", 1906, "Comedy", "Romance"));
        lookup(Map.of("ids", List.of("lookup-b", "lookup-nope", "lookup-a", "lookup-b")))
                .statusCode(200)
                .body("items.id", contains("lookup-b", "lookup-a"))
                .body("items[0].title", equalTo("Lookup B"))
                .body("items[0].year", is(1906))
                .body("items[0].genres", contains("Comedy", "Romance"))
                .body("items[0].stats.ratingCount", is(0))
                .body("items[0].stats.ratingAverage", nullValue())
                .body("missing", contains("lookup-nope"));
    }

    @Test
    void aReadNeedsNoToken() {
        lookup(Map.of("ids", List.of("lookup-never-stored"))).statusCode(200)
                .body("items", empty()).body("missing", contains("lookup-never-stored"));
    }

    @Test
    void badInputIsA400NamingEachBadId() {
        lookup("{}").statusCode(400).contentType(startsWith(PROBLEM)).body("errors.field", hasItem("ids"));
        lookup(Map.of("ids", List.of())).statusCode(400).body("errors.field", hasItem("ids"));
        lookup("{\"ids\":[\"ok-1\",null,\"../../etc/passwd\",\"<script>\",\"" + "x".repeat(65) + "\"]}")
                .statusCode(400).contentType(startsWith(PROBLEM))
                .body("errors.field", containsInAnyOrder("ids[1]", "ids[2]", "ids[3]", "ids[4]"));
        List<String> tooMany = new ArrayList<>();
        for (int i = 0; i < 501; i++) {
            tooMany.add("many-" + i);
        }
        lookup(Map.of("ids", tooMany)).statusCode(400).body("errors.field", hasItem("ids"));
        lookup("{\"ids\":\"lookup-a\"}").statusCode(400).contentType(startsWith(PROBLEM));
        lookup("{\"ids\":[1,2]").statusCode(400).contentType(startsWith(PROBLEM));
        lookup("{\"ids\":[\"a\"],\"extra\":true}").statusCode(400).body("errors.field", hasItem("extra"));
        given().contentType(ContentType.TEXT).body("ids=a").post("/items/lookup").then().statusCode(415);
    }

    @Test
    void fiveHundredIdsAreOneAnswer() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            ids.add("lookup-bulk-" + i);
        }
        lookup(Map.of("ids", ids)).statusCode(200).body("missing.size()", is(500));
    }
}
