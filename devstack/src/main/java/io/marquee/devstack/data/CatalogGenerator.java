package io.marquee.devstack.data;

import io.marquee.common.catalog.Genres;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/** Invents the demo catalog: titles, years, genres, runtimes, overviews, series, and hidden traits. */
final class CatalogGenerator {

    /** A movie with the traits that drive the simulation but are never shown. */
    record LatentMovie(Movie movie, int index, double popularity, double quality, int nextInSeries) {
    }

    static final int FIRST_YEAR = 1950;
    static final int LAST_YEAR = 2025;
    private static final double SERIES_SHARE = 0.05;
    private static final String[] ROMAN = {"", "II", "III", "IV"};
    private static final String[] ORDINALS = {"first", "second", "third", "fourth"};

    // Relative genre frequency, after MovieLens's own catalog: Drama and Comedy common, Film-Noir rare.
    private static final Map<String, Double> GENRE_WEIGHT = linkedMap(
            "Drama", 4361, "Comedy", 3756, "Thriller", 1894, "Action", 1828, "Romance", 1596, "Adventure", 1263,
            "Crime", 1199, "Sci-Fi", 980, "Horror", 978, "Fantasy", 779, "Children", 664, "Animation", 611,
            "Mystery", 573, "Documentary", 440, "War", 382, "Musical", 334, "Western", 167, "IMAX", 158,
            "Film-Noir", 87);

    // Genres that tend to appear together; a companion of an already chosen genre is much likelier.
    private static final Map<String, List<String>> COMPANIONS = Map.ofEntries(
            Map.entry("Animation", List.of("Children", "Comedy", "Adventure", "Fantasy")),
            Map.entry("Children", List.of("Animation", "Comedy", "Adventure", "Fantasy")),
            Map.entry("Action", List.of("Adventure", "Thriller", "Sci-Fi", "Crime")),
            Map.entry("Adventure", List.of("Action", "Fantasy", "Children")),
            Map.entry("Crime", List.of("Thriller", "Drama", "Mystery")),
            Map.entry("Thriller", List.of("Crime", "Mystery", "Horror", "Action")),
            Map.entry("Horror", List.of("Thriller", "Mystery")),
            Map.entry("Romance", List.of("Comedy", "Drama")),
            Map.entry("Comedy", List.of("Romance", "Drama")),
            Map.entry("Drama", List.of("Romance", "War", "Crime")),
            Map.entry("War", List.of("Drama", "Action")),
            Map.entry("Sci-Fi", List.of("Action", "Thriller", "Adventure")),
            Map.entry("Fantasy", List.of("Adventure", "Animation")),
            Map.entry("Mystery", List.of("Thriller", "Crime")),
            Map.entry("Musical", List.of("Comedy", "Romance", "Animation")),
            Map.entry("Western", List.of("Action", "Drama")),
            Map.entry("Film-Noir", List.of("Crime", "Mystery", "Thriller")),
            Map.entry("IMAX", List.of("Action", "Adventure", "Sci-Fi", "Documentary")),
            Map.entry("Documentary", List.of()));

    // Typical runtime by genre: animation short, war and drama long.
    private static final Map<String, Integer> RUNTIME = Map.ofEntries(
            Map.entry("Animation", 86), Map.entry("Children", 92), Map.entry("Comedy", 100), Map.entry("Horror", 96),
            Map.entry("Documentary", 95), Map.entry("Drama", 118), Map.entry("War", 138), Map.entry("Western", 116),
            Map.entry("Action", 114), Map.entry("Adventure", 120), Map.entry("Sci-Fi", 116), Map.entry("Fantasy", 118),
            Map.entry("Musical", 120), Map.entry("Film-Noir", 96), Map.entry("Thriller", 108), Map.entry("Crime", 112),
            Map.entry("Mystery", 106), Map.entry("Romance", 108), Map.entry("IMAX", 124));

    private static final List<String> TONES = List.of(
            "gripping", "heartfelt", "sweeping", "vivid", "bold", "intimate", "memorable", "spirited");

    private final SplittableRandom random;
    private final Set<String> titles = new HashSet<>();

    CatalogGenerator(SplittableRandom random) {
        this.random = random;
    }

    /** One planned movie before ids are assigned. */
    private record Draft(String title, int year, List<String> genres, String series, int part, int seriesLength) {
    }

    List<LatentMovie> generate(int count) {
        List<Draft> drafts = new ArrayList<>();
        int seriesTarget = (int) Math.round(count * SERIES_SHARE);
        int inSeries = 0;
        while (seriesTarget - inSeries >= 2) {
            int length = Math.min(2 + random.nextInt(3), seriesTarget - inSeries);
            drafts.addAll(series(length));
            inSeries += length;
        }
        while (drafts.size() < count) {
            int year = year(FIRST_YEAR);
            drafts.add(new Draft(uniqueTitle(), year, genres(year), null, 0, 0));
        }
        shuffle(drafts);

        // Ids follow the shuffled order; series parts point at the next part by index.
        Map<String, Integer> indexOfPart = new LinkedHashMap<>();
        for (int i = 0; i < drafts.size(); i++) {
            Draft d = drafts.get(i);
            if (d.series() != null) {
                indexOfPart.put(d.series() + "#" + d.part(), i);
            }
        }
        List<LatentMovie> movies = new ArrayList<>(drafts.size());
        for (int i = 0; i < drafts.size(); i++) {
            Draft d = drafts.get(i);
            double quality = random.nextGaussian();
            double recency = 0.6 + 0.8 * (d.year() - FIRST_YEAR) / (double) (LAST_YEAR - FIRST_YEAR);
            double popularity = Math.exp(1.4 * random.nextGaussian() + 0.5 * quality) * recency;
            int next = -1;
            Map<String, String> metadata = new LinkedHashMap<>();
            if (d.series() != null) {
                popularity *= 1.5 * Math.pow(0.75, d.part() - 1); // franchises draw crowds, sequels fewer
                next = indexOfPart.getOrDefault(d.series() + "#" + (d.part() + 1), -1);
                metadata.put("series", d.series());
                metadata.put("seriesPart", Integer.toString(d.part()));
            }
            metadata.put("tags", tags(d.genres()));
            Movie movie = new Movie(Integer.toString(i + 1), d.title(), d.year(), d.genres(), runtime(d.genres()),
                    overview(d), metadata);
            movies.add(new LatentMovie(movie, i, popularity, quality, next));
        }
        return movies;
    }

    private List<Draft> series(int length) {
        String base;
        do {
            base = switch (random.nextInt(3)) {
                case 0 -> pick(Vocabulary.ADJECTIVES) + " " + pick(Vocabulary.NOUNS);
                case 1 -> "The " + pick(Vocabulary.ADJECTIVES) + " " + pick(Vocabulary.NOUNS);
                default -> "The " + pick(Vocabulary.NOUNS) + " of " + pick(Vocabulary.PLACES);
            };
        } while (!seriesTitlesFree(base, length));
        int year = year(FIRST_YEAR);
        year = Math.min(year, LAST_YEAR - 4 * (length - 1));
        List<String> genres = genres(year);
        List<Draft> parts = new ArrayList<>();
        for (int part = 1; part <= length; part++) {
            String title = part == 1 ? base : base + " " + ROMAN[part - 1];
            titles.add(title);
            parts.add(new Draft(title, year, genres, base, part, length));
            year += 2 + random.nextInt(3);
        }
        return parts;
    }

    private boolean seriesTitlesFree(String base, int length) {
        for (int part = 1; part <= length; part++) {
            if (titles.contains(part == 1 ? base : base + " " + ROMAN[part - 1])) {
                return false;
            }
        }
        return true;
    }

    private String uniqueTitle() {
        while (true) {
            String title = title();
            if (titles.add(title)) {
                return title;
            }
            // Taken: make it distinct with a word, as a real studio would, not with a number.
            for (int attempt = 0; attempt < 5; attempt++) {
                String distinct = title + " " + pick(Vocabulary.DISTINGUISHERS);
                if (titles.add(distinct)) {
                    return distinct;
                }
            }
        }
    }

    private String title() {
        return switch (random.nextInt(10)) {
            case 0, 1 -> "The " + pick(Vocabulary.ADJECTIVES) + " " + pick(Vocabulary.NOUNS);
            case 2, 3 -> pick(Vocabulary.ADJECTIVES) + " " + pick(Vocabulary.NOUNS);
            case 4 -> pick(Vocabulary.TIME_WORDS) + " in " + pick(Vocabulary.PLACES);
            case 5 -> "The " + pick(Vocabulary.NOUNS) + " of " + pick(Vocabulary.PLACES);
            case 6 -> pick(random.nextBoolean() ? Vocabulary.FEMALE_NAMES : Vocabulary.MALE_NAMES) + "'s "
                    + pick(Vocabulary.NOUNS);
            case 7 -> pick(Vocabulary.NOUNS) + " of the " + pick(Vocabulary.ADJECTIVES) + " " + pick(Vocabulary.NOUNS);
            case 8 -> "A " + pick(Vocabulary.NOUNS) + " for " + pick(random.nextBoolean()
                    ? Vocabulary.FEMALE_NAMES : Vocabulary.MALE_NAMES);
            default -> "The " + pick(Vocabulary.PLACES) + " " + pick(Vocabulary.NOUNS);
        };
    }

    // Skewed to recent decades: about 60% after 2000.
    private int year(int from) {
        double u = Math.pow(random.nextDouble(), 1.6);
        return LAST_YEAR - (int) Math.floor(u * (LAST_YEAR - from + 1));
    }

    private List<String> genres(int year) {
        double u = random.nextDouble();
        int count = u < 0.33 ? 1 : u < 0.75 ? 2 : 3;
        List<String> chosen = new ArrayList<>();
        while (chosen.size() < count) {
            String genre = weightedGenre(chosen, year);
            if (genre == null) {
                break;
            }
            chosen.add(genre);
            if (genre.equals("Documentary") && chosen.size() == 1 && random.nextDouble() < 0.8) {
                break; // documentaries mostly stand alone
            }
            if (genre.equals("Animation") && !chosen.contains("Children") && chosen.size() < 3
                    && random.nextDouble() < 0.6) {
                chosen.add("Children");
            }
        }
        // Canonical order, as MovieLens lists them.
        return Genres.ALL.stream().filter(chosen::contains).toList();
    }

    private String weightedGenre(List<String> chosen, int year) {
        double[] weights = new double[Genres.ALL.size()];
        double total = 0;
        for (int g = 0; g < weights.length; g++) {
            String genre = Genres.ALL.get(g);
            double w = GENRE_WEIGHT.get(genre);
            if (chosen.contains(genre)) {
                w = 0;
            } else if (genre.equals("IMAX")) {
                // IMAX is a format, not a story: only alongside another genre, only since the 1990s.
                w = chosen.isEmpty() || year < 1995 ? 0 : w * 4;
            } else if (genre.equals("Film-Noir")) {
                w *= year < 1962 ? 10 : 0.1;
            }
            for (String c : chosen) {
                if (COMPANIONS.get(c).contains(genre)) {
                    w *= 5;
                    break;
                }
            }
            weights[g] = w;
            total += w;
        }
        if (total <= 0) {
            return null;
        }
        double target = random.nextDouble() * total;
        for (int g = 0; g < weights.length; g++) {
            target -= weights[g];
            if (target < 0 && weights[g] > 0) {
                return Genres.ALL.get(g);
            }
        }
        return null;
    }

    private int runtime(List<String> genres) {
        double base = genres.isEmpty() ? 105
                : genres.stream().mapToInt(RUNTIME::get).average().orElse(105);
        if (genres.contains("Animation")) {
            base = Math.min(base, 90);
        }
        double minutes = base + 11 * random.nextGaussian();
        boolean epicMaterial = (genres.contains("War") || genres.contains("Drama") || genres.contains("Adventure"))
                && !genres.contains("Animation") && !genres.contains("Children");
        if (epicMaterial && random.nextDouble() < 0.08) {
            minutes += 40 + random.nextInt(30);
        }
        return (int) Math.max(75, Math.min(190, Math.round(minutes)));
    }

    private String overview(Draft d) {
        String primary = d.genres().isEmpty() ? "Drama" : d.genres().get(random.nextInt(d.genres().size()));
        String secondary = d.genres().isEmpty() ? primary : d.genres().get(random.nextInt(d.genres().size()));
        Vocabulary.GenreTheme theme = Vocabulary.THEMES.get(primary);
        Vocabulary.GenreTheme other = Vocabulary.THEMES.get(secondary);
        String who = pick(theme.who());
        String what = pick(theme.what());
        String where = pick(theme.where());
        boolean plural = who.startsWith("two ") || who.startsWith("the last ") || who.contains(" and ");
        String first = switch (random.nextInt(3)) {
            case 0 -> "In " + where + ", " + who + " must " + what + ".";
            case 1 -> capitalize(who) + (plural ? " set out to " : " sets out to ") + what + " in " + where + ".";
            default -> "When everything falls apart in " + where + ", " + who + (plural ? " have" : " has")
                    + " one chance to " + what + ".";
        };
        if (d.series() != null && d.part() > 1) {
            String saga = d.series().startsWith("The ") ? d.series().substring(4) : d.series();
            return first + " The " + ORDINALS[d.part() - 1] + " chapter of the " + saga + " saga.";
        }
        if (random.nextDouble() < 0.25) {
            return first;
        }
        String motif = pick(theme.motifs());
        String otherMotif = pick(other.motifs());
        if (otherMotif.equals(motif)) {
            return first + " A " + pick(TONES) + " story of " + motif + ".";
        }
        return first + " A " + pick(TONES) + " story of " + motif + " and " + otherMotif + ".";
    }

    private String tags(List<String> genres) {
        List<String> tags = new ArrayList<>();
        for (String genre : genres) {
            String tag = pick(Vocabulary.THEMES.get(genre).tags());
            if (!tags.contains(tag)) {
                tags.add(tag);
            }
        }
        return String.join("|", tags);
    }

    private void shuffle(List<Draft> list) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            Draft tmp = list.get(i);
            list.set(i, list.get(j));
            list.set(j, tmp);
        }
    }

    private String pick(List<String> words) {
        return words.get(random.nextInt(words.size()));
    }

    private static String capitalize(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** Genre catalog shares the generator aims at, for callers that compare against them. */
    static Map<String, Double> genreWeights() {
        return GENRE_WEIGHT;
    }

    private static Map<String, Double> linkedMap(Object... pairs) {
        Map<String, Double> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], ((Integer) pairs[i + 1]).doubleValue());
        }
        return Collections.unmodifiableMap(map);
    }
}
