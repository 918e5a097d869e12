package io.marquee.personalize.engine;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.marquee.personalize.engine.Fixtures.START;
import static io.marquee.personalize.engine.Fixtures.event;
import static io.marquee.personalize.engine.Fixtures.series;
import static org.assertj.core.api.Assertions.assertThat;

class PersonalizationModelTest {

    static Model model;
    static final TrainingConfig NO_EXPLORATION = new TrainingConfig(false, Fixtures.hp("exploration_weight", "0"));

    @BeforeAll
    static void train() {
        model = Models.train(Recipe.USER_PERSONALIZATION, Fixtures.dataset(), NO_EXPLORATION);
    }

    private static List<String> ids(List<Scored> scored) {
        return scored.stream().map(Scored::itemId).toList();
    }

    @Test
    void aUserWhoWatchedPartsOneAndTwoOfASeriesGetsPartThreeFirst() {
        for (int k = 0; k < 4; k++) {
            List<Interaction> history = List.of(event("new", "i" + ((k + 1) % 4), START),
                    event("new", series(k, 1), START + 1000), event("new", series(k, 2), START + 2000));
            assertThat(ids(model.recommend(history, 5, id -> true))).first().isEqualTo(series(k, 3));
        }
    }

    @Test
    void aNewEventInTheHistoryChangesTheNextAnswerWithoutRetraining() {
        List<Interaction> history = new ArrayList<>(List.of(event("u", "i2", START), event("u", "i6", START + 1)));
        List<String> before = ids(model.recommend(history, 5, id -> true));
        Interaction put = event("u", series(1, 1), START + 2);
        model.observe(put);
        history.add(put);
        List<String> after = ids(model.recommend(history, 5, id -> true));
        assertThat(after).isNotEqualTo(before).first().isEqualTo(series(1, 2));
    }

    @Test
    void recommendLeavesOutItemsOfTheHistoryAndKeepsToTheFilter() {
        List<Interaction> history = List.of(event("u", "i0", START), event("u", "i4", START + 1));
        List<String> top = ids(model.recommend(history, 10, id -> !id.equals("i8")));
        assertThat(top).hasSize(10).doesNotContain("i0", "i4", "i8").doesNotHaveDuplicates();
    }

    @Test
    void anUnknownUserGetsTheMostPopularItems() {
        Map<String, Long> counts = new java.util.HashMap<>();
        Fixtures.dataset().interactions().forEach(i -> counts.merge(i.itemId(), 1L, Long::sum));
        String mostPopular = counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        assertThat(ids(model.recommend(List.of(), 3, id -> true))).first().isEqualTo(mostPopular);
    }

    @Test
    void aNewItemFromPutItemsIsExploredWhenExplorationIsOn() {
        Model explore = Models.train(Recipe.USER_PERSONALIZATION, Fixtures.dataset(),
                new TrainingConfig(false, Fixtures.hp("exploration_weight", "0.2", "compute_metrics", "0")));
        List<Interaction> history = List.of(event("u", "i3", START), event("u", "i7", START + 1));
        assertThat(ids(explore.recommend(history, 10, id -> true))).doesNotContain("brand-new");
        explore.putItem(new ItemMetadata("brand-new", Map.of("GENRES", "Horror")));
        List<String> withNew = ids(explore.recommend(history, 10, id -> true));
        assertThat(withNew).contains("brand-new").hasSize(10);
        assertThat(withNew.indexOf("brand-new")).isGreaterThanOrEqualTo(8); // in the reserved tail
        assertThat(ids(explore.recommend(history, 10, id -> true, new Exploration(0, 30)))).doesNotContain("brand-new");
        model.putItem(new ItemMetadata("brand-new-2", Map.of("GENRES", "Horror")));
        assertThat(ids(model.recommend(history, 10, id -> true))).doesNotContain("brand-new-2");
        assertThat(ids(model.recommend(history, 10, id -> true, new Exploration(0.3, 30)))).contains("brand-new-2");
    }

    @Test
    void rankReordersTheInputListAndPutsUnknownItemsLast() {
        List<Interaction> history = List.of(event("u", series(2, 1), START));
        List<Scored> ranked = model.rank(history, List.of("i1", "nope", series(2, 2), "i5"));
        assertThat(ids(ranked)).hasSize(4).startsWith(series(2, 2)).endsWith("nope");
        assertThat(ranked.get(0).score()).isGreaterThanOrEqualTo(ranked.get(1).score());
    }

    @Test
    void aModelWrittenAndReadBackGivesIdenticalAnswers() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        model.write(out);
        Model back = Models.read(new ByteArrayInputStream(out.toByteArray()));
        assertThat(back.recipe()).isEqualTo(Recipe.USER_PERSONALIZATION);
        assertThat(back.metrics()).isEqualTo(model.metrics());
        for (List<Interaction> h : List.of(List.<Interaction>of(), List.of(event("u", "i1", START)),
                List.of(event("u", series(0, 1), START), event("u", "i9", START + 1)))) {
            assertThat(back.recommend(h, 10, id -> true)).isEqualTo(model.recommend(h, 10, id -> true));
            assertThat(back.rank(h, List.of("i1", "i2", "i3"))).isEqualTo(model.rank(h, List.of("i1", "i2", "i3")));
        }
    }

    @Test
    void validationMetricsAreReportedUnderGetSolutionMetricsNames() {
        assertThat(model.metrics()).containsKeys("normalized_discounted_cumulative_gain_at_10", "precision_at_10",
                "mean_reciprocal_rank_at_25", "coverage", "hit_rate_at_10");
        assertThat(model.metrics().values()).allSatisfy(v -> assertThat(v).isGreaterThanOrEqualTo(0));
    }

    @Test
    void hpoPicksParametersKeepsTheOnesTheCallerSetAndReportsMetrics() {
        Model tuned = Models.train(Recipe.USER_PERSONALIZATION, Fixtures.dataset(),
                new TrainingConfig(true, Fixtures.hp("slitWindow", "3", "exploration_weight", "0")));
        Map<String, String> hp = tuned.hyperParameters();
        assertThat(hp).containsEntry("slit_window", "3").containsKeys("ease_lambda", "weight_transitions");
        assertThat(tuned.metrics().get("normalized_discounted_cumulative_gain_at_10")).isGreaterThan(0);
        assertThat(tuned.metrics().get("hit_rate_at_10")).isLessThanOrEqualTo(1);
        List<Interaction> history = List.of(event("x", series(3, 1), START), event("x", series(3, 2), START + 1));
        assertThat(ids(tuned.recommend(history, 3, id -> true))).contains(series(3, 3));
    }

    @Test
    void hpoNeverDoesWorseOnItsValidationUsersThanTheParametersItStartsFrom() {
        String ndcg = "normalized_discounted_cumulative_gain_at_10";
        double start = Models.train(Recipe.USER_PERSONALIZATION, Fixtures.dataset(), NO_EXPLORATION).metrics().get(ndcg);
        double tuned = Models.train(Recipe.USER_PERSONALIZATION, Fixtures.dataset(),
                new TrainingConfig(true, Fixtures.hp("exploration_weight", "0"))).metrics().get(ndcg);
        assertThat(tuned).isGreaterThanOrEqualTo(start);
    }

    @Test
    void personalizedRankingIsTheSameScorerRestrictedToTheInputList() {
        Model ranking = Models.train(Recipe.PERSONALIZED_RANKING, Fixtures.dataset(), NO_EXPLORATION);
        assertThat(ranking.recipe()).isEqualTo(Recipe.PERSONALIZED_RANKING);
        List<Interaction> history = List.of(event("u", series(1, 1), START), event("u", series(1, 2), START + 1));
        assertThat(ids(ranking.rank(history, List.of("i0", "i1", series(1, 3))))).first().isEqualTo(series(1, 3));
    }

    @Test
    void concurrentRecommendationsAndEventsNeitherFailNorBlock() throws Exception {
        Model m = Models.train(Recipe.USER_PERSONALIZATION, Fixtures.dataset(),
                new TrainingConfig(false, Fixtures.hp("compute_metrics", "0")));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                for (int i = 0; i < 200; i++) {
                    if (thread % 2 == 0) {
                        m.observe(event("c" + thread, "live-" + (i % 17), START + i));
                        m.putItem(new ItemMetadata("put-" + i, Map.of("GENRES", "Drama")));
                    } else {
                        List<Scored> r = m.recommend(List.of(event("c", "i" + (i % 40), START)), 10, id -> true);
                        assertThat(r).hasSize(10);
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(m.recommend(List.of(), 100, id -> id.startsWith("live-"))).isNotEmpty();
    }
}
