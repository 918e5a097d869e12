package io.marquee.personalize.engine;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Objects;

/**
 * Entry points of the engine: train a model for a recipe, and read one back from what
 * {@link Model#write} wrote.
 *
 * <p>Recipes: USER_PERSONALIZATION and PERSONALIZED_RANKING share one model (recency-weighted
 * EASE + SLIT + item transitions); SIMILAR_ITEMS is co-occurrence with sequential neighbours
 * and metadata; POPULARITY_COUNT counts interactions; TRENDING_NOW compares the newest window
 * with the one before. {@link Params} lists the hyperparameters each accepts.
 */
public final class Models {

    private static final int MAGIC = 0x4d51504c; // "MQPL"
    private static final int FORMAT = 1;

    private Models() {
    }

    /**
     * Trains a solution version; may take minutes on large datasets.
     *
     * @throws IllegalArgumentException when a hyperparameter is not a number
     */
    public static Model train(Recipe recipe, Dataset dataset, TrainingConfig config) {
        Objects.requireNonNull(recipe, "recipe");
        Objects.requireNonNull(dataset, "dataset");
        TrainingConfig c = config == null ? TrainingConfig.defaults() : config;
        Dataset d = new Dataset(dataset.interactions() == null ? java.util.List.of() : dataset.interactions(),
                dataset.items() == null ? Map.of() : dataset.items(),
                dataset.users() == null ? Map.of() : dataset.users());
        return switch (recipe) {
            case USER_PERSONALIZATION, PERSONALIZED_RANKING -> PersonalizationModel.train(recipe, d, c);
            case SIMILAR_ITEMS -> SimilarItemsModel.train(d, c);
            case POPULARITY_COUNT -> PopularityModel.train(d);
            case TRENDING_NOW -> TrendingModel.train(d, c);
        };
    }

    /** The hyperparameters a recipe accepts, with their defaults (names as TrainingConfig takes them). */
    public static Map<String, Double> defaultHyperParameters() {
        return new java.util.TreeMap<>(Params.DEFAULTS);
    }

    /** Restores a model written by {@link Model#write}. */
    public static Model read(InputStream in) throws IOException {
        DataInputStream d = new DataInputStream(new BufferedInputStream(in, 1 << 16));
        if (d.readInt() != MAGIC) {
            throw new IOException("not a personalize-local model");
        }
        int format = d.readInt();
        if (format != FORMAT) {
            throw new IOException("model format " + format + " is not supported (expected " + FORMAT + ")");
        }
        Recipe recipe = Recipe.valueOf(d.readUTF());
        return switch (recipe) {
            case USER_PERSONALIZATION, PERSONALIZED_RANKING -> PersonalizationModel.read(recipe, d);
            case SIMILAR_ITEMS -> SimilarItemsModel.read(d);
            case POPULARITY_COUNT -> PopularityModel.read(d);
            case TRENDING_NOW -> TrendingModel.read(d);
        };
    }

    static void writeHeader(DataOutputStream out, Recipe recipe) throws IOException {
        out.writeInt(MAGIC);
        out.writeInt(FORMAT);
        out.writeUTF(recipe.name());
    }
}
