package io.marquee.personalize.engine;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import static io.marquee.personalize.engine.Fixtures.START;
import static io.marquee.personalize.engine.Fixtures.event;
import static org.assertj.core.api.Assertions.assertThat;

/** performHPO moves away from its starting parameters only on evidence from users it did not choose on. */
class HpoTest {

    private static final String NDCG = "normalized_discounted_cumulative_gain_at_10";

    @Test
    void aGainWithinTheNoiseOfThePairedDifferencesIsNotTaken() {
        // 400 users: the candidate wins 21 more hits of NDCG 1 than the start, loses 19 others.
        double[] start = new double[400];
        double[] candidate = new double[400];
        for (int u = 0; u < 21; u++) {
            candidate[u] = 1;
        }
        for (int u = 21; u < 40; u++) {
            start[u] = 1;
        }
        Hpo.Confirmation c = Hpo.significance(Params.defaults(), candidate, start);
        assertThat(c.gain()).isPositive();
        assertThat(c.gain()).isLessThan(Hpo.CONFIRM_Z * c.standardError());
        assertThat(c.accepted()).isFalse();
    }

    @Test
    void aGainOfManyStandardErrorsIsTakenButNotOnTooFewUsers() {
        double[] start = new double[400];
        double[] candidate = new double[400];
        for (int u = 0; u < 60; u++) {
            candidate[u] = 1;
        }
        for (int u = 60; u < 70; u++) {
            start[u] = 1;
        }
        assertThat(Hpo.significance(Params.defaults(), candidate, start).accepted()).isTrue();
        int few = Hpo.MIN_CONFIRM_USERS - 1;
        double[] allWins = new double[few];
        Arrays.fill(allWins, 1);
        assertThat(Hpo.significance(Params.defaults(), allWins, new double[few]).accepted()).isFalse();
    }

    @Test
    void onDataWithNoSignalTheSearchKeepsItsStartingParameters() {
        // Every user picks distinct items uniformly at random: any setting the search prefers on its
        // validation users is luck, and the second split does not confirm it.
        SplittableRandom r = new SplittableRandom(3);
        List<Interaction> events = new ArrayList<>();
        for (int u = 0; u < 400; u++) {
            List<Integer> pool = new ArrayList<>();
            for (int i = 0; i < 120; i++) {
                pool.add(i);
            }
            for (int e = 0; e < 12; e++) {
                int item = pool.remove(r.nextInt(pool.size()));
                events.add(event("u" + u, "i" + item, START + u * 100_000L + e * 1000L));
            }
        }
        Hpo.Result result = search(events, Params.defaults());
        assertThat(result.confirmation()).as("the search found a candidate it had to confirm").isNotNull();
        assertThat(result.confirmation().candidate().asMap()).isNotEqualTo(Params.defaults().asMap());
        assertThat(result.confirmation().accepted()).isFalse();
        assertThat(result.params().asMap()).isEqualTo(Params.defaults().asMap());
    }

    @Test
    void aClearlyBetterSettingIsConfirmedAndTaken() {
        // Users walk chains of items in order (c0-0, c0-1, ...), so the next item follows from the
        // last one. Starting from plain EASE with no recency and no sequence model, which cannot see
        // order, the search finds the transitions and the second split confirms them.
        SplittableRandom r = new SplittableRandom(5);
        List<Interaction> events = new ArrayList<>();
        for (int u = 0; u < 300; u++) {
            int chain = r.nextInt(20);
            int from = r.nextInt(4);
            for (int e = 0; e < 8; e++) {
                events.add(event("u" + u, "c" + chain + "-" + (from + e), START + u * 100_000L + e * 1000L));
            }
        }
        Params start = Params.defaults().with("weight_transitions", 0).with("weight_slit", 0)
                .with("ease_recency_weight", 0);
        Hpo.Result result = search(events, start);
        assertThat(result.confirmation()).isNotNull();
        assertThat(result.confirmation().accepted()).isTrue();
        assertThat(result.confirmation().gain()).isGreaterThan(Hpo.CONFIRM_Z * result.confirmation().standardError());
        assertThat(result.params().asMap()).isEqualTo(result.confirmation().candidate().asMap())
                .isNotEqualTo(start.asMap());
        assertThat(result.params().get("weight_transitions") + result.params().get("weight_slit")).isPositive();
        Catalog catalog = Catalog.of(new Dataset(events, Map.of(), Map.of()));
        double atStart = Hpo.validate(catalog, Sequences.of(events, catalog), start).metrics().get(NDCG);
        assertThat(result.metrics().get(NDCG)).isGreaterThan(atStart);
    }

    private static Hpo.Result search(List<Interaction> events, Params start) {
        Catalog catalog = Catalog.of(new Dataset(events, Map.of(), Map.of()));
        return Hpo.search(catalog, Sequences.of(events, catalog), start, Set.of());
    }
}
