package io.marquee.personalize.engine;

import java.util.Map;

/**
 * CreateSolution's settings that matter to training: {@code performHPO}, and the recipe's
 * hyperparameters as Personalize passes them (strings), which override tuned or default values.
 */
public record TrainingConfig(boolean performHpo, Map<String, String> hyperParameters) {

    public static TrainingConfig defaults() {
        return new TrainingConfig(false, Map.of());
    }
}
