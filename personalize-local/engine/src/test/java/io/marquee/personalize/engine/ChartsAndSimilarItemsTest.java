package io.marquee.personalize.engine;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.marquee.personalize.engine.Fixtures.DAY;
import static io.marquee.personalize.engine.Fixtures.START;
import static io.marquee.personalize.engine.Fixtures.event;
import static io.marquee.personalize.engine.Fixtures.series;
import static org.assertj.core.api.Assertions.assertThat;

class ChartsAndSimilarItemsTest {

    private static List<String> ids(List<Scored> scored) {
        return scored.stream().map(Scored::itemId).toList();
    }

    private static Model roundTrip(Model m) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        m.write(out);
        return Models.read(new ByteArrayInputStream(out.toByteArray()));
    }

    @Test
    void popularityCountRanksByInteractionsAndCountsObservedEvents() {
        List<Interaction> events = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            events.add(event("u" + i, "a", START + i));
        }
        for (int i = 0; i < 3; i++) {
            events.add(event("u" + i, "b", START + i));
        }
        events.add(event("u9", "c", START));
        Model m = Models.train(Recipe.POPULARITY_COUNT, new Dataset(events, Map.of(), Map.of()), TrainingConfig.defaults());
        assertThat(ids(m.recommend(List.of(), 3, id -> true))).containsExactly("a", "b", "c");
        for (int i = 0; i < 5; i++) {
            m.observe(event("v" + i, "c", START + 100 + i));
        }
        assertThat(ids(m.recommend(List.of(), 3, id -> true))).containsExactly("c", "a", "b");
        assertThat(ids(m.recommend(List.of(), 3, id -> !id.equals("c")))).containsExactly("a", "b");
    }

    @Test
    void trendingNowPutsTheFastestRisingItemFirstAndFollowsNewEvents() throws IOException {
        List<Interaction> events = new ArrayList<>();
        // "steady": 10 a week for four weeks; "rising": 1 in the week before last, 6 in the last.
        for (int w = 0; w < 4; w++) {
            for (int i = 0; i < 10; i++) {
                events.add(event("s" + i, "steady", START + w * 7 * DAY + i * 1000));
            }
        }
        long lastWeek = START + 3 * 7 * DAY;
        events.add(event("r", "rising", lastWeek - 3 * DAY));
        for (int i = 0; i < 6; i++) {
            events.add(event("r" + i, "rising", lastWeek + i * 1000));
        }
        events.add(event("x", "late", lastWeek - 2 * DAY));
        Model m = Models.train(Recipe.TRENDING_NOW, new Dataset(events, Map.of(), Map.of()),
                new TrainingConfig(false, Fixtures.hp("trend_window_seconds", Long.toString(7 * 86400))));
        assertThat(ids(m.recommend(List.of(), 1, id -> true))).containsExactly("rising");
        for (int i = 0; i < 12; i++) {
            m.observe(event("n" + i, "late", lastWeek + DAY + i));
        }
        assertThat(ids(m.recommend(List.of(), 1, id -> true))).containsExactly("late");
        assertThat(ids(roundTrip(m).recommend(List.of(), 3, id -> true))).isEqualTo(ids(m.recommend(List.of(), 3, id -> true)));
    }

    @Test
    void similarItemsFollowCoOccurrenceAndSeries() {
        Model m = Models.train(Recipe.SIMILAR_ITEMS, Fixtures.dataset(), TrainingConfig.defaults());
        List<String> similar = ids(m.similar(series(2, 2), 2, id -> true));
        assertThat(similar).containsExactlyInAnyOrder(series(2, 1), series(2, 3));
        assertThat(ids(m.similar("i0", 10, id -> true))).doesNotContain("i0");
    }

    @Test
    void anItemKnownOnlyFromPutItemsGetsItemsOfItsGenres() throws IOException {
        Model m = Models.train(Recipe.SIMILAR_ITEMS, Fixtures.dataset(), TrainingConfig.defaults());
        m.putItem(new ItemMetadata("fresh-horror", Map.of("GENRES", "Horror", "YEAR", "2001")));
        List<String> similar = ids(m.similar("fresh-horror", 5, id -> true));
        Map<String, ItemMetadata> items = Fixtures.items();
        assertThat(similar).hasSize(5).allSatisfy(id -> assertThat(items.get(id).fields().get("GENRES")).isEqualTo("Horror"));
        assertThat(ids(roundTrip(m).similar("fresh-horror", 5, id -> true))).isEqualTo(similar);
    }

    @Test
    void anUnknownItemGetsPopularItems() {
        Model sims = Models.train(Recipe.SIMILAR_ITEMS, Fixtures.dataset(), TrainingConfig.defaults());
        Model pop = Models.train(Recipe.POPULARITY_COUNT, Fixtures.dataset(), TrainingConfig.defaults());
        assertThat(ids(sims.similar("never-seen", 5, id -> true))).isEqualTo(ids(pop.recommend(List.of(), 5, id -> true)));
    }

    @Test
    void everyRecipeReadsBackWhatItWrote() throws IOException {
        for (Recipe r : Recipe.values()) {
            Model m = Models.train(r, Fixtures.dataset(), new TrainingConfig(false, Fixtures.hp("compute_metrics", "0")));
            Model back = roundTrip(m);
            assertThat(back.recipe()).isEqualTo(r);
            List<Interaction> h = List.of(event("u", "i5", START), event("u", series(0, 1), START + 1));
            assertThat(back.recommend(h, 8, id -> true)).as(r.name()).isEqualTo(m.recommend(h, 8, id -> true));
            assertThat(back.similar("i5", 8, id -> true)).as(r.name()).isEqualTo(m.similar("i5", 8, id -> true));
        }
    }

    @Test
    void aHyperparameterThatIsNotANumberIsRejected() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Models.train(Recipe.USER_PERSONALIZATION,
                Fixtures.dataset(), new TrainingConfig(false, Fixtures.hp("ease_lambda", "lots"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ease_lambda");
    }
}
