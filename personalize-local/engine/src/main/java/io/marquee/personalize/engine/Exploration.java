package io.marquee.personalize.engine;

/**
 * A campaign's {@code itemExplorationConfig}: the share of an answer kept for fresh items, and how
 * many days after its creation an item still counts as fresh.
 *
 * @param weight            Personalize's {@code explorationWeight}, 0 (none) to 1
 * @param itemAgeCutOffDays Personalize's {@code explorationItemAgeCutOff}, in days
 */
public record Exploration(double weight, double itemAgeCutOffDays) {

    public Exploration {
        if (!(weight >= 0 && weight <= 1)) {
            throw new IllegalArgumentException("explorationWeight must be within [0, 1]: " + weight);
        }
        if (!(itemAgeCutOffDays > 0)) {
            throw new IllegalArgumentException("explorationItemAgeCutOff must be positive: " + itemAgeCutOffDays);
        }
    }
}
