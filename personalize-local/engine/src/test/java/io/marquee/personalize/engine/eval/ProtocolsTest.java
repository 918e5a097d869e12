package io.marquee.personalize.engine.eval;

import io.marquee.personalize.engine.Interaction;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ProtocolsTest {

    private static Interaction e(String u, String i, long t) {
        return new Interaction(u, i, t, "view", Double.NaN);
    }

    @Test
    void leaveLastOutHoldsOutTheNewestNewItemAndTrainsOnWhatCameBefore() {
        List<Interaction> all = List.of(e("u1", "a", 1), e("u1", "b", 2), e("u1", "c", 3), e("u1", "a", 4),
                e("u2", "b", 1), e("u2", "d", 5), e("u3", "a", 1));
        EvalSplit split = Protocols.leaveLastOut(all);
        assertThat(split.cases()).extracting(EvalCase::userId).containsExactly("u1", "u2");
        EvalCase u1 = split.cases().get(0);
        assertThat(u1.truth()).containsExactly("c");
        assertThat(u1.input()).extracting(Interaction::itemId).containsExactly("a", "b");
        assertThat(split.training()).extracting(Interaction::itemId).containsExactlyInAnyOrder("a", "b", "b", "a");
    }

    @Test
    void lastTwoOutTrainsWithoutTheLastTwoEventsAndSendsTheSecondToLast() {
        List<Interaction> all = List.of(e("u1", "a", 1), e("u1", "b", 2), e("u1", "c", 3), e("u1", "d", 4),
                e("u2", "a", 1), e("u2", "b", 2), e("u2", "a", 3), e("u3", "a", 1), e("u3", "b", 2));
        Protocols.RealTimeSplit split = Protocols.lastTwoOut(all);
        assertThat(split.cases()).extracting(Protocols.RealTimeCase::user).containsExactly("u1");
        Protocols.RealTimeCase u1 = split.cases().get(0);
        assertThat(u1.before()).extracting(Interaction::itemId).containsExactly("a", "b");
        assertThat(u1.sent().itemId()).isEqualTo("c");
        assertThat(u1.truth()).containsExactly("d");
        assertThat(split.training()).extracting(Interaction::itemId).containsExactlyInAnyOrder("a", "b", "a", "a", "b");
    }

    @Test
    void heldOutUsersGiveTheirOldestNinetyPercentAsInputAndTheRestAsTruth() {
        List<Interaction> all = new ArrayList<>();
        for (int u = 0; u < 10; u++) {
            for (int t = 0; t < 10; t++) {
                all.add(e("u" + u, "i" + (u + t), t));
            }
        }
        EvalSplit split = Protocols.heldOutUsers(all, 0.1, 0.9, 7);
        assertThat(split.cases()).hasSize(1);
        EvalCase c = split.cases().get(0);
        int u = Integer.parseInt(c.userId().substring(1));
        assertThat(c.input()).hasSize(9);
        assertThat(c.truth()).containsExactly("i" + (u + 9));
        assertThat(split.training()).hasSize(90).noneMatch(i -> i.userId().equals(c.userId()));
    }

    @Test
    void metricsOfAHandMadeExampleAreTheTextbookValues() {
        // u1: truth at rank 1; u2: truth at rank 2; u3: truth {x, y} with y at rank 3 only.
        EvalSplit split = new EvalSplit("hand-made", List.of(e("t", "a", 1), e("t", "b", 1), e("t", "c", 1),
                e("t", "x", 1), e("t", "y", 1)), List.of(
                new EvalCase("u1", List.of(e("u1", "z", 1)), Set.of("a")),
                new EvalCase("u2", List.of(e("u2", "z", 1)), Set.of("b")),
                new EvalCase("u3", List.of(e("u3", "z", 1)), Set.of("x", "y"))));
        Map<String, List<String>> answers = Map.of("u1", List.of("a", "b", "c"), "u2", List.of("a", "b", "c"),
                "u3", List.of("a", "b", "y"));
        Map<String, Double> m = Evaluator.evaluate(split,
                (h, n, allowed) -> answers.get(h.get(0).userId()));
        double log2of3 = Math.log(3) / Math.log(2);
        double u3 = (1 / 2.0) / (1 + 1 / log2of3); // DCG 1/log2(4), ideal for two truths 1 + 1/log2(3)
        assertThat(m.get("normalized_discounted_cumulative_gain_at_10")).isCloseTo((1 + 1 / log2of3 + u3) / 3, within(1e-9));
        assertThat(m.get("hit_rate_at_10")).isCloseTo(1.0, within(1e-9));
        assertThat(m.get("precision_at_10")).isCloseTo(0.1, within(1e-9));
        assertThat(m.get("mean_reciprocal_rank_at_25")).isCloseTo((1 + 0.5 + 1 / 3.0) / 3, within(1e-9));
        assertThat(m.get("coverage")).isCloseTo(4 / 5.0, within(1e-9)); // a, b, c, y of a, b, c, x, y
    }
}
