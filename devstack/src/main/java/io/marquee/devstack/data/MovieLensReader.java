package io.marquee.devstack.data;

import io.marquee.common.catalog.Genres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a MovieLens directory: {@code movies.csv} and {@code ratings.csv} (required), {@code links.csv}
 * and {@code tags.csv} (optional), each with a header row.
 *
 * <p>Rows that cannot be used (wrong column count, non-numeric ids, bad rating or timestamp, unknown
 * genre, reference to an unknown movie, duplicate movieId, broken quoting) are reported as
 * {@link RowError}s and skipped whole. A file whose first row is not the expected header gets an error
 * for that row and is then read in the standard column order.
 *
 * <p>Ratings become "rate" interactions; sessions are cut per user at gaps over 30 minutes and named
 * "&lt;userId&gt;-&lt;n&gt;". MovieLens has no user table, so every userId seen in ratings.csv becomes a
 * placeholder {@link DemoUser}: name "MovieLens user &lt;id&gt;", age 0, gender "unknown",
 * email movielens-&lt;id&gt;@example.com. links become metadata imdbId/tmdbId (as written, leading zeros
 * kept); tags become metadata "tags": the movie's 10 most frequent distinct tags joined with '|'.
 */
public final class MovieLensReader {

    static final long SESSION_GAP_SECONDS = 30 * 60;
    static final int MAX_TAGS = 10;

    private static final List<String> MOVIES_HEADER = List.of("movieId", "title", "genres");
    private static final List<String> RATINGS_HEADER = List.of("userId", "movieId", "rating", "timestamp");
    private static final List<String> LINKS_HEADER = List.of("movieId", "imdbId", "tmdbId");
    private static final List<String> TAGS_HEADER = List.of("userId", "movieId", "tag", "timestamp");

    /** A row's fields by column name, or the reason it is unusable. */
    private interface RowHandler {
        /** Applies the row, or returns why it cannot be applied (and then changes nothing). */
        String apply(Map<String, String> row);
    }

    public ImportResult read(Path dir) {
        Path moviesFile = dir.resolve("movies.csv");
        Path ratingsFile = dir.resolve("ratings.csv");
        requireFile(moviesFile);
        requireFile(ratingsFile);
        List<RowError> errors = new ArrayList<>();

        Map<String, MovieRow> movies = new LinkedHashMap<>();
        readFile(moviesFile, MOVIES_HEADER, errors, row -> {
            String id = numericId(row.get("movieId"));
            if (id == null) {
                return "movieId is not a number: '" + row.get("movieId") + "'";
            }
            if (movies.containsKey(id)) {
                return "duplicate movieId " + id;
            }
            String rawTitle = row.get("title").strip();
            if (rawTitle.isEmpty()) {
                return "empty title";
            }
            List<String> genres = new ArrayList<>();
            String problem = parseGenres(row.get("genres"), genres);
            if (problem != null) {
                return problem;
            }
            MovieLensTitles.ParsedTitle title = MovieLensTitles.parse(rawTitle);
            movies.put(id, new MovieRow(id, title.title(), title.year(), List.copyOf(genres), new HashMap<>()));
            return null;
        });

        Path linksFile = dir.resolve("links.csv");
        if (Files.isRegularFile(linksFile)) {
            Map<String, Boolean> linked = new HashMap<>();
            readFile(linksFile, LINKS_HEADER, errors, row -> {
                String id = numericId(row.get("movieId"));
                if (id == null) {
                    return "movieId is not a number: '" + row.get("movieId") + "'";
                }
                MovieRow movie = movies.get(id);
                if (movie == null) {
                    return "unknown movie " + id;
                }
                if (linked.containsKey(id)) {
                    return "duplicate link for movie " + id;
                }
                String imdb = row.get("imdbId").strip();
                String tmdb = row.get("tmdbId").strip();
                if (!imdb.isEmpty() && !isDigits(imdb)) {
                    return "imdbId is not a number: '" + imdb + "'";
                }
                if (!tmdb.isEmpty() && !isDigits(tmdb)) {
                    return "tmdbId is not a number: '" + tmdb + "'";
                }
                linked.put(id, Boolean.TRUE);
                if (!imdb.isEmpty()) {
                    movie.metadata().put("imdbId", imdb);
                }
                if (!tmdb.isEmpty()) {
                    movie.metadata().put("tmdbId", tmdb);
                }
                return null;
            });
        }

        Path tagsFile = dir.resolve("tags.csv");
        if (Files.isRegularFile(tagsFile)) {
            // Per movie: tag (case-insensitive) -> first spelling seen and count, in first-seen order.
            Map<String, LinkedHashMap<String, TagCount>> tags = new HashMap<>();
            readFile(tagsFile, TAGS_HEADER, errors, row -> {
                if (numericId(row.get("userId")) == null) {
                    return "userId is not a number: '" + row.get("userId") + "'";
                }
                String id = numericId(row.get("movieId"));
                if (id == null) {
                    return "movieId is not a number: '" + row.get("movieId") + "'";
                }
                if (!movies.containsKey(id)) {
                    return "unknown movie " + id;
                }
                if (parseTimestamp(row.get("timestamp")) == null) {
                    return "timestamp is not epoch seconds: '" + row.get("timestamp") + "'";
                }
                // '|' separates tags in the metadata, so it cannot be part of one.
                String tag = row.get("tag").replace('|', ' ').strip();
                if (tag.isEmpty()) {
                    return "empty tag";
                }
                tags.computeIfAbsent(id, k -> new LinkedHashMap<>())
                        .computeIfAbsent(tag.toLowerCase(Locale.ROOT), k -> new TagCount(tag)).count++;
                return null;
            });
            tags.forEach((id, counts) -> movies.get(id).metadata().put("tags", topTags(counts)));
        }

        List<RatingRow> ratings = new ArrayList<>();
        readFile(ratingsFile, RATINGS_HEADER, errors, row -> {
            String user = numericId(row.get("userId"));
            if (user == null) {
                return "userId is not a number: '" + row.get("userId") + "'";
            }
            String id = numericId(row.get("movieId"));
            if (id == null) {
                return "movieId is not a number: '" + row.get("movieId") + "'";
            }
            Double rating = parseRating(row.get("rating"));
            if (rating == null) {
                return "rating must be 0.5 to 5.0 in steps of 0.5: '" + row.get("rating") + "'";
            }
            Long timestamp = parseTimestamp(row.get("timestamp"));
            if (timestamp == null) {
                return "timestamp is not epoch seconds: '" + row.get("timestamp") + "'";
            }
            if (!movies.containsKey(id)) {
                return "unknown movie " + id;
            }
            ratings.add(new RatingRow(user, id, rating, timestamp, ratings.size()));
            return null;
        });

        List<Movie> movieList = movies.values().stream().map(MovieRow::toMovie).toList();
        return new ImportResult(new Dataset(movieList, users(ratings), interactions(ratings)), errors);
    }

    private static void requireFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("not a MovieLens directory: " + file.getFileName()
                    + " is missing in " + file.getParent());
        }
    }

    private static void readFile(Path file, List<String> expectedHeader, List<RowError> errors, RowHandler handler) {
        String name = file.getFileName().toString();
        try (CsvReader reader = CsvReader.open(file)) {
            CsvReader.CsvRecord first = reader.next();
            if (first == null) {
                errors.add(new RowError(name, 1, "missing header: expected " + String.join(",", expectedHeader)));
                return;
            }
            int[] columns = headerColumns(first, expectedHeader);
            int width = first.size();
            if (columns == null) {
                errors.add(new RowError(name, first.line(),
                        "missing header: expected " + String.join(",", expectedHeader)));
                columns = new int[expectedHeader.size()];
                for (int i = 0; i < columns.length; i++) {
                    columns[i] = i;
                }
                width = expectedHeader.size();
            }
            for (CsvReader.CsvRecord record = reader.next(); record != null; record = reader.next()) {
                String problem;
                if (!record.wellFormed()) {
                    problem = record.problem();
                } else if (record.size() != width) {
                    problem = "expected " + width + " columns but found " + record.size();
                } else {
                    Map<String, String> row = new HashMap<>();
                    for (int i = 0; i < columns.length; i++) {
                        row.put(expectedHeader.get(i), record.get(columns[i]));
                    }
                    problem = handler.apply(row);
                }
                if (problem != null) {
                    errors.add(new RowError(name, record.line(), problem));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    // Column index of each expected name in the header (any order, case-insensitive), or null if absent.
    private static int[] headerColumns(CsvReader.CsvRecord header, List<String> expected) {
        if (!header.wellFormed()) {
            return null;
        }
        int[] columns = new int[expected.size()];
        for (int i = 0; i < expected.size(); i++) {
            columns[i] = -1;
            for (int j = 0; j < header.size(); j++) {
                if (header.get(j).strip().equalsIgnoreCase(expected.get(i))) {
                    columns[i] = j;
                }
            }
            if (columns[i] < 0) {
                return null;
            }
        }
        return columns;
    }

    private static String parseGenres(String field, List<String> out) {
        String value = field.strip();
        if (value.isEmpty() || value.equals(Genres.NONE_LISTED)) {
            return null;
        }
        for (String part : value.split("\\|", -1)) {
            Optional<String> genre = Genres.canonical(part);
            if (genre.isEmpty()) {
                return "unknown genre '" + part + "'";
            }
            if (!out.contains(genre.get())) {
                out.add(genre.get());
            }
        }
        return null;
    }

    /** The id in canonical decimal form ("007" is "7"), or null if it is not a non-negative integer. */
    static String numericId(String value) {
        String v = value.strip();
        if (!isDigits(v) || v.length() > 18) {
            return null;
        }
        return Long.toString(Long.parseLong(v));
    }

    private static boolean isDigits(String v) {
        if (v.isEmpty()) {
            return false;
        }
        for (int i = 0; i < v.length(); i++) {
            if (v.charAt(i) < '0' || v.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static Double parseRating(String value) {
        try {
            double rating = Double.parseDouble(value.strip());
            boolean halfStep = rating * 2 == Math.rint(rating * 2);
            return rating >= 0.5 && rating <= 5.0 && halfStep ? rating : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Long parseTimestamp(String value) {
        String v = value.strip();
        return isDigits(v) && v.length() <= 18 ? Long.parseLong(v) : null;
    }

    private static String topTags(Map<String, TagCount> counts) {
        List<TagCount> ordered = new ArrayList<>(counts.values());
        // Stable sort: equal counts stay in first-seen order.
        ordered.sort(Comparator.comparingInt((TagCount t) -> t.count).reversed());
        return String.join("|", ordered.stream().limit(MAX_TAGS).map(t -> t.spelling).toList());
    }

    private static List<DemoUser> users(List<RatingRow> ratings) {
        return ratings.stream().map(RatingRow::user).distinct()
                .sorted(Comparator.comparingLong(Long::parseLong))
                .map(id -> new DemoUser(id, "MovieLens user " + id, 0, "unknown", "movielens-" + id + "@example.com"))
                .toList();
    }

    private static List<Interaction> interactions(List<RatingRow> ratings) {
        Comparator<RatingRow> byTime = Comparator.comparingLong(RatingRow::timestamp).thenComparingInt(RatingRow::order);
        Map<String, List<RatingRow>> byUser = new LinkedHashMap<>();
        for (RatingRow r : ratings) {
            byUser.computeIfAbsent(r.user(), k -> new ArrayList<>()).add(r);
        }
        String[] sessions = new String[ratings.size()];
        for (Map.Entry<String, List<RatingRow>> entry : byUser.entrySet()) {
            List<RatingRow> rows = entry.getValue();
            rows.sort(byTime);
            int session = 0;
            long previous = Long.MIN_VALUE;
            for (RatingRow r : rows) {
                if (session == 0 || r.timestamp() - previous > SESSION_GAP_SECONDS) {
                    session++;
                }
                previous = r.timestamp();
                sessions[r.order()] = entry.getKey() + "-" + session;
            }
        }
        List<RatingRow> sorted = new ArrayList<>(ratings);
        sorted.sort(byTime);
        return sorted.stream()
                .map(r -> new Interaction(r.user(), r.movie(), r.timestamp(), Interaction.RATE, r.rating(), sessions[r.order()]))
                .toList();
    }

    private record MovieRow(String id, String title, Integer year, List<String> genres, Map<String, String> metadata) {
        Movie toMovie() {
            return new Movie(id, title, year, genres, null, null, metadata);
        }
    }

    private record RatingRow(String user, String movie, double rating, long timestamp, int order) {
    }

    private static final class TagCount {
        final String spelling;
        int count;

        TagCount(String spelling) {
            this.spelling = spelling;
        }
    }
}
