package io.marquee.devstack.data;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A deterministic synthetic catalog, user base and interaction history. The same seed and sizes
 * always give the same {@link Dataset}.
 *
 * <p>Interactions come from a latent-taste model so recommendation quality can be measured on them:
 * users have favourite genres and a preferred era, movies have long-tailed popularity and a hidden
 * quality, users have long-tailed activity, and views follow habits (the next part of a series,
 * something like the previous movie). About 35% of views are followed by a rating.
 */
public final class DemoDataGenerator {

    /** The seed the devstack uses unless told otherwise, so every laptop sees the same demo data. */
    public static final long DEFAULT_SEED = 20_240_601L;

    /** How much to generate; {@code interactions} is a target the result meets or slightly exceeds. */
    public record Sizes(int movies, int users, int interactions) {

        public static final Sizes DEFAULT = new Sizes(3_000, 2_000, 200_000);

        public Sizes {
            if (movies < 1 || users < 1 || interactions < 0) {
                throw new IllegalArgumentException("sizes must be positive: " + movies + ", " + users + ", " + interactions);
            }
        }
    }

    private DemoDataGenerator() {
    }

    public static Dataset generate(long seed) {
        return generate(seed, Sizes.DEFAULT);
    }

    public static Dataset generate(long seed, int movies, int users, int targetInteractions) {
        return generate(seed, new Sizes(movies, users, targetInteractions));
    }

    public static Dataset generate(long seed, Sizes sizes) {
        SplittableRandom root = new SplittableRandom(seed);
        // Separate streams, so that e.g. a change to user generation does not reshuffle the catalog.
        SplittableRandom movieRandom = root.split();
        SplittableRandom userRandom = root.split();
        SplittableRandom interactionRandom = root.split();

        List<CatalogGenerator.LatentMovie> movies = new CatalogGenerator(movieRandom).generate(sizes.movies());
        List<UserGenerator.LatentUser> users = new UserGenerator(userRandom).generate(sizes.users());
        List<Interaction> interactions = new InteractionSimulator(interactionRandom, movies)
                .simulate(users, sizes.interactions());

        List<Interaction> sorted = new ArrayList<>(interactions);
        sorted.sort(Comparator.comparingLong(Interaction::timestamp)); // stable: ties keep generation order
        return new Dataset(
                movies.stream().map(CatalogGenerator.LatentMovie::movie).toList(),
                users.stream().map(UserGenerator.LatentUser::user).toList(),
                sorted);
    }
}
