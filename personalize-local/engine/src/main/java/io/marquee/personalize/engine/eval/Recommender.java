package io.marquee.personalize.engine.eval;

import io.marquee.personalize.engine.Interaction;
import io.marquee.personalize.engine.Model;
import io.marquee.personalize.engine.Scored;

import java.util.List;
import java.util.function.Predicate;

/** What the evaluator asks of a model: the best {@code n} allowed items for a history. */
@FunctionalInterface
public interface Recommender {

    List<String> recommend(List<Interaction> history, int n, Predicate<String> allowed);

    /** A trained engine model, through {@link Model#recommend}. */
    static Recommender of(Model model) {
        return (h, n, allowed) -> model.recommend(h, n, allowed).stream().map(Scored::itemId).toList();
    }
}
