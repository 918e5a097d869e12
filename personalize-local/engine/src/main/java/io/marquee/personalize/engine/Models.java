package io.marquee.personalize.engine;

import java.io.IOException;
import java.io.InputStream;

/**
 * Entry points of the engine: train a model for a recipe, and read one back from what
 * {@link Model#write} wrote.
 */
public final class Models {

    private Models() {
    }

    /** Trains a solution version; may take minutes on large datasets. */
    public static Model train(Recipe recipe, Dataset dataset, TrainingConfig config) {
        throw new UnsupportedOperationException("training lands with the engine");
    }

    /** Restores a model written by {@link Model#write}. */
    public static Model read(InputStream in) throws IOException {
        throw new UnsupportedOperationException("reading lands with the engine");
    }
}
