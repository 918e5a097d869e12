package io.marquee.catalog.item;

import static io.marquee.catalog.item.Api.PROBLEM;
import static io.marquee.catalog.item.Api.movie;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code POST /items/batch}: validate everything, then write everything. Years 1890..1899 are reserved here. */
@QuarkusTest
class BatchApiTest {


    private static ValidatableResponse batch(Object body) {
        return given().header(Api.admin()).contentType(ContentType.JSON).body(body).post("/items/batch").then();
    }

    @Test
    void batchCreatesThenUpdatesAndCountsBoth() {
        batch(Map.of("items", List.of(movie("batch-a", "Batch A", 1890, "drama"), movie("batch-b", "Batch B", 1890))))
                .statusCode(200).body("created", is(2)).body("updated", is(0));
        batch(Map.of("items", List.of(movie("batch-b", "Batch B2", 1891, "Comedy"),
                movie("batch-c", "Batch C", 1890, "Drama"))))
                .statusCode(200).body("created", is(1)).body("updated", is(1));
        given().get("/items/batch-b").then().statusCode(200).body("title", equalTo("Batch B2")).body("version", is(2));
        assertThat(Api.listAll(Map.of("year", "1890"), 10)).containsExactly("batch-a", "batch-c");
        assertThat(Api.listAll(Map.of("year", "1891", "genre", "comedy"), 10)).containsExactly("batch-b");
    }

    @Test
    void anInvalidItemRejectsTheWholeBatchAndNamesEveryBadField() {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            items.add(movie("all-or-nothing-" + i, "Fine " + i, 1892, "Drama"));
        }
        items.get(1).put("title", " ");
        items.get(3).put("genres", List.of("Drama", "Cartoons"));
        items.get(3).put("year", 1700);
        items.get(4).put("id", "all-or-nothing-0");
        items.get(2).put("metadata", Map.of("bad key", "v"));
        batch(Map.of("items", items)).statusCode(400).contentType(startsWith(PROBLEM))
                .body("errors.field", containsInAnyOrder("items[1].title", "items[2].metadata[bad key]",
                        "items[3].genres[1]", "items[3].year", "items[4].id"));
        given().get("/items/all-or-nothing-0").then().statusCode(404);
        assertThat(Api.listAll(Map.of("year", "1892"), 10)).isEmpty();
    }

    @Test
    void batchSizeAndShapeAreChecked() {
        batch(Map.of("items", List.of())).statusCode(400).body("errors.field", hasItem("items"));
        batch("{}").statusCode(400).body("errors.field", hasItem("items"));
        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            tooMany.add(movie("too-many-" + i, "T", 1893));
        }
        batch(Map.of("items", tooMany)).statusCode(400).body("errors.field", hasItem("items"));
        batch("{\"items\":[null]}").statusCode(400).body("errors.field", hasItem("items[0]"));
        batch("{\"items\":[{\"id\":\"x\",\"title\":\"t\",\"colour\":\"red\"}]}").statusCode(400)
                .contentType(startsWith(PROBLEM)).body("errors.field", hasItem("items[0].colour"));
        batch("{\"items\":[{\"title\":\"t\"},{\"id\":\"-bad\",\"title\":\"t\"}]}").statusCode(400)
                .body("errors.field", containsInAnyOrder("items[0].id", "items[1].id"));
        batch("{\"items\":[{\"id\":\"x\",\"title\":\"t\",\"year\":\"nineteen\"}]}").statusCode(400)
                .body("errors.field", hasItem("items[0].year"));
        given().get("/items/too-many-0").then().statusCode(404);
    }
}
