package io.marquee.devstack.data;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything the devstack loads, in one directory: the MovieLens files ({@link CatalogFiles}),
 * {@code users.csv} (USER_ID,NAME,AGE,GENDER,EMAIL), {@code interactions.csv} in Personalize's format
 * ({@link InteractionsCsv}), {@code items.csv} in Personalize's items format ({@link ItemsCsv}) and {@code catalog.jsonl}, one {@link Movie} per line with every field,
 * which is what the catalog loader reads.
 */
public final class DatasetFiles {

    public static final String CATALOG = "catalog.jsonl";
    public static final String USERS = "users.csv";
    public static final String INTERACTIONS = "interactions.csv";
    public static final String ITEMS = "items.csv";

    private static final ObjectMapper JSON = new ObjectMapper();

    private DatasetFiles() {
    }

    public static void writeAll(Path dir, Dataset dataset) {
        CatalogFiles.writeMovies(dir, dataset);
        InteractionsCsv.write(dir.resolve(INTERACTIONS), dataset.interactions());
        ItemsCsv.write(dir.resolve(ITEMS), dataset.movies());
        try {
            try (Writer out = Files.newBufferedWriter(dir.resolve(USERS), StandardCharsets.UTF_8)) {
                CsvWriter.row(out, "USER_ID", "NAME", "AGE", "GENDER", "EMAIL");
                for (DemoUser u : dataset.users()) {
                    CsvWriter.row(out, u.id(), u.name(), Integer.toString(u.age()), u.gender(), u.email());
                }
            }
            ObjectWriter writer = JSON.writerFor(Movie.class);
            try (Writer out = Files.newBufferedWriter(dir.resolve(CATALOG), StandardCharsets.UTF_8)) {
                for (Movie m : dataset.movies()) {
                    out.write(writer.writeValueAsString(m));
                    out.write('\n');
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write dataset files to " + dir, e);
        }
    }

    /** The movies of a {@code catalog.jsonl} file, in file order; blank lines are ignored. */
    public static List<Movie> readCatalog(Path file) {
        List<Movie> movies = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            long lineNumber = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    movies.add(JSON.readValue(line, Movie.class));
                } catch (IOException e) {
                    throw new IllegalArgumentException(file + ":" + lineNumber + ": not a movie: " + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return movies;
    }

    /** The users of a {@code users.csv} file written by {@link #writeAll}. */
    public static List<DemoUser> readUsers(Path file) {
        try {
            List<CsvReader.CsvRecord> records = CsvReader.readAll(file);
            List<DemoUser> users = new ArrayList<>();
            for (CsvReader.CsvRecord r : records.subList(Math.min(1, records.size()), records.size())) {
                if (!r.wellFormed() || r.size() != 5) {
                    throw new IllegalArgumentException(file + ":" + r.line() + ": expected 5 columns");
                }
                try {
                    users.add(new DemoUser(r.get(0), r.get(1), Integer.parseInt(r.get(2).strip()), r.get(3), r.get(4)));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(file + ":" + r.line() + ": AGE is not a number", e);
                }
            }
            return users;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
