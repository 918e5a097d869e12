package io.marquee.catalog.item;

import static io.restassured.RestAssured.given;

import io.marquee.testsupport.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.http.Header;
import io.restassured.response.ValidatableResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small helpers the API tests share. */
public final class Api {

    public static final String PROBLEM = "application/problem+json";

    private Api() {
    }

    /** An admin's Authorization header, freshly signed (tokens expire). */
    public static Header admin() {
        return new Header("Authorization", TestTokens.bearer(TestTokens.admin("catalog-test-admin")));
    }

    public static ValidatableResponse put(String id, String json) {
        return given().header(admin()).contentType(ContentType.JSON).body(json).when().put("/items/{id}", id).then();
    }

    public static ValidatableResponse putOk(String id, String json) {
        return put(id, json).statusCode(org.hamcrest.Matchers.anyOf(
                org.hamcrest.Matchers.is(200), org.hamcrest.Matchers.is(201)));
    }

    public static String item(String title, Integer year, String... genres) {
        StringBuilder json = new StringBuilder("{\"title\":\"").append(title).append('"');
        if (year != null) {
            json.append(",\"year\":").append(year);
        }
        json.append(",\"genres\":[");
        for (int i = 0; i < genres.length; i++) {
            json.append(i == 0 ? "" : ",").append('"').append(genres[i]).append('"');
        }
        return json.append("]}").toString();
    }

    /** One entry of a {@code POST /items/batch} body. */
    public static Map<String, Object> movie(String id, String title, int year, String... genres) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", id);
        item.put("title", title);
        item.put("year", year);
        item.put("genres", List.of(genres));
        return item;
    }

    /** Every id of a listing, following cursors, with the page size given. */
    public static List<String> listAll(Map<String, ?> query, int limit) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().queryParams(query).queryParam("limit", limit);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.when().get("/items").then().statusCode(200).extract().jsonPath();
            List<String> pageIds = page.getList("items.id", String.class);
            if (pageIds.size() > limit) {
                throw new AssertionError("page longer than limit");
            }
            ids.addAll(pageIds);
            cursor = page.getString("nextCursor");
            if (++pages > 1000) {
                throw new AssertionError("listing does not end");
            }
        } while (cursor != null);
        return ids;
    }
}
