package io.marquee.gateway.home;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.marquee.gateway.catalog.client.CatalogGateway;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** The catalog's charts as home rows, for everyone: trending first, then top rated, then most viewed. */
@ApplicationScoped
public class ChartSections {

    private final CatalogGateway catalog;
    private final ObjectMapper json;

    ChartSections(CatalogGateway catalog, ObjectMapper json) {
        this.catalog = catalog;
        this.json = json;
    }

    @Produces
    @Singleton
    HomeSection trending() {
        return chart("trending", "Trending now", 30);
    }

    @Produces
    @Singleton
    HomeSection topRated() {
        return chart("top-rated", "Top rated", 40);
    }

    @Produces
    @Singleton
    HomeSection mostViewed() {
        return chart("most-viewed", "Most viewed", 50);
    }

    private HomeSection chart(String name, String title, int order) {
        return new SectionOf(name, order, false, (viewer, limit) -> List.of(
                new Section(name, title, "chart:" + name, null, items(catalog.chartForPage(name, limit, viewer.requestId())))));
    }

    /** The {@code items} of a 200 answer; anything else makes the row unavailable. */
    List<JsonNode> items(Response answer) {
        if (answer.getStatus() != 200 || !(answer.getEntity() instanceof byte[] body)) {
            throw new SectionUnavailable("catalog-service answered " + answer.getStatus());
        }
        try {
            List<JsonNode> items = new ArrayList<>();
            json.readTree(body).path("items").forEach(items::add);
            return items;
        } catch (IOException e) {
            throw new SectionUnavailable("catalog-service answered something other than a chart");
        }
    }
}
