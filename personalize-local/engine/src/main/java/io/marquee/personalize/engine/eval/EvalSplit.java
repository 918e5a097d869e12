package io.marquee.personalize.engine.eval;

import io.marquee.personalize.engine.Interaction;

import java.util.List;

/** A protocol applied to a dataset: what the models train on, and the users they are tested on. */
public record EvalSplit(String name, List<Interaction> training, List<EvalCase> cases) {
}
