package io.marquee.personalize.engine.eval;

import io.marquee.personalize.engine.Interaction;

import java.util.List;
import java.util.Set;

/** One evaluated user: the history given to the model (oldest first) and the items that count as hits. */
public record EvalCase(String userId, List<Interaction> input, Set<String> truth) {
}
