package io.marquee.devstack.data;

import io.marquee.common.catalog.Genres;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/** Invents demo users and the tastes that drive what they watch. */
final class UserGenerator {

    /**
     * A user with hidden tastes: a weight per genre (index as in {@code Genres.ALL}; a few favourites
     * high, the rest low), a preferred era (center year and width) and a personal rating bias.
     */
    record LatentUser(DemoUser user, double[] genreWeights, double eraCenter, double eraWidth, double ratingBias) {

        double genreAffinity(List<String> genres) {
            if (genres.isEmpty()) {
                return 0.5;
            }
            double sum = 0;
            for (String g : genres) {
                sum += genreWeights[Genres.ALL.indexOf(g)];
            }
            return sum / genres.size();
        }

        /** 1 inside the preferred era, falling off outside it but never to zero. */
        double eraFit(Integer year) {
            if (year == null) {
                return 0.5;
            }
            double z = (year - eraCenter) / eraWidth;
            return 0.15 + 0.85 * Math.exp(-0.5 * z * z);
        }
    }

    private static final double BASE_GENRE_WEIGHT = 0.2;
    private static final double[] FAVOURITE_WEIGHTS = {3.0, 2.0, 1.5};
    private static final int CURRENT_YEAR = 2025;

    private final SplittableRandom random;

    UserGenerator(SplittableRandom random) {
        this.random = random;
    }

    List<LatentUser> generate(int count) {
        List<LatentUser> users = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            users.add(user(Integer.toString(i)));
        }
        return users;
    }

    private LatentUser user(String id) {
        double g = random.nextDouble();
        String gender = g < 0.48 ? "female" : g < 0.96 ? "male" : "nonbinary";
        List<String> firstNames = gender.equals("female") ? Vocabulary.FEMALE_NAMES
                : gender.equals("male") ? Vocabulary.MALE_NAMES : Vocabulary.NEUTRAL_NAMES;
        if (random.nextDouble() < 0.08) {
            firstNames = Vocabulary.NEUTRAL_NAMES;
        }
        String first = pick(firstNames);
        String last = pick(Vocabulary.LAST_NAMES);
        // The id keeps emails unique; example.com is reserved, so nothing is ever delivered.
        String email = emailPart(first) + "." + emailPart(last) + "." + id + "@example.com";

        // Mostly 20-45, with a tail of older viewers.
        int age = random.nextDouble() < 0.15
                ? 45 + random.nextInt(36)
                : (int) Math.round(31 + 9 * random.nextGaussian());
        age = Math.max(16, Math.min(80, age));

        double[] weights = new double[Genres.ALL.size()];
        Arrays.fill(weights, BASE_GENRE_WEIGHT);
        int favourites = 2 + random.nextInt(2);
        for (int f = 0; f < favourites; f++) {
            weights[favouriteGenre(weights)] = FAVOURITE_WEIGHTS[f];
        }
        // Most people like films from when they grew up; some only watch what is new.
        double center = random.nextDouble() < 0.3
                ? 2015 + 5 * random.nextGaussian()
                : (CURRENT_YEAR - age) + 16 + 10 * random.nextGaussian();
        center = Math.max(1955, Math.min(2024, center));
        double width = 8 + 12 * random.nextExponential();
        double bias = 0.35 * random.nextGaussian();
        return new LatentUser(new DemoUser(id, first + " " + last, age, gender, email), weights, center, width, bias);
    }

    // A not-yet-favourite genre, common genres likelier (many people love drama, few love film-noir).
    private int favouriteGenre(double[] weights) {
        double total = 0;
        double[] w = new double[weights.length];
        for (int i = 0; i < w.length; i++) {
            String genre = Genres.ALL.get(i);
            w[i] = weights[i] > BASE_GENRE_WEIGHT || genre.equals("IMAX")
                    ? 0 : Math.sqrt(CatalogGenerator.genreWeights().get(genre));
            total += w[i];
        }
        double target = random.nextDouble() * total;
        for (int i = 0; i < w.length; i++) {
            target -= w[i];
            if (target < 0 && w[i] > 0) {
                return i;
            }
        }
        return 0;
    }

    private String pick(List<String> words) {
        return words.get(random.nextInt(words.size()));
    }

    private static String emailPart(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
    }
}
