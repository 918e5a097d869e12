package io.marquee.personalize.engine;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A trained solution version. Scoring is a function of the history the caller passes, so events
 * recorded after training change the next answer without retraining. Implementations are safe
 * for concurrent use: many scoring threads and {@link #observe} at once.
 */
public interface Model {

    Recipe recipe();

    /**
     * Validation metrics, named as GetSolutionMetrics names them, e.g.
     * {@code normalized_discounted_cumulative_gain_at_10}, {@code precision_at_10},
     * {@code mean_reciprocal_rank_at_25}, {@code coverage}.
     */
    Map<String, Double> metrics();

    /**
     * Top {@code n} items for a user or anonymous session whose history is given oldest first
     * (may be empty: then popular items, with room for new ones). Only items {@code allowed}
     * accepts are returned.
     */
    List<Scored> recommend(List<Interaction> history, int n, Predicate<String> allowed);

    /**
     * As {@link #recommend(List, int, Predicate)}, with a campaign's exploration settings instead of
     * the ones the model was trained with. Recipes that do not explore ignore them.
     */
    default List<Scored> recommend(List<Interaction> history, int n, Predicate<String> allowed,
            Exploration exploration) {
        return recommend(history, n, allowed);
    }

    /**
     * The hyperparameters the model uses (given, tuned by HPO, or defaults), for
     * DescribeSolutionVersion's {@code tunedHPOParams}. Empty for recipes without any.
     */
    default Map<String, String> hyperParameters() {
        return Map.of();
    }

    /** Top {@code n} items related to {@code itemId}; popular items for an unknown item. */
    List<Scored> similar(String itemId, int n, Predicate<String> allowed);

    /** {@code items} re-ordered for the user with this history, best first, each with its score. */
    List<Scored> rank(List<Interaction> history, List<String> items);

    /** Applies one real-time event (PutEvents) to the model's online state: counts, trends. */
    void observe(Interaction event);

    /** Makes a new or updated item (PutItems) known, so it can be recommended and explored. */
    void putItem(ItemMetadata item);

    /** Writes everything needed to restore this model with {@link Models#read}. */
    void write(OutputStream out) throws IOException;
}
