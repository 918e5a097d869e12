package io.marquee.devstack.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.marquee.devstack.data.Dataset;
import io.marquee.devstack.data.DatasetFiles;
import io.marquee.devstack.data.DemoDataGenerator;
import io.marquee.devstack.data.ImportResult;
import io.marquee.devstack.data.MovieLensReader;
import io.marquee.devstack.data.RowError;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Loads data into a fresh stack once: the seeded demo dataset, or MovieLens files when given. It
 * works in two steps so that personalize-local can import the files before the services start:
 * {@link #prepare} writes the dataset files (including Personalize's interactions and items
 * formats), {@link #load} puts the movies into the catalog and the historical events on Kafka and
 * then writes a marker; a later start finds the marker and skips both.
 */
public final class DemoDataLoader {

    static final String MARKER = "loaded.json";

    private final CatalogLoader catalog;
    private final EventPublisher events;
    private final PrintStream out;

    public DemoDataLoader(String catalogUrl, String kafkaBootstrapServers, PrintStream out) {
        this(catalogUrl, kafkaBootstrapServers, out, 0);
    }

    /** @param eventsPerSecond the pace of publishing the history (see {@link EventPublisher}); 0 for none */
    public DemoDataLoader(String catalogUrl, String kafkaBootstrapServers, PrintStream out, double eventsPerSecond) {
        this.catalog = new CatalogLoader(catalogUrl, out);
        this.events = new EventPublisher(kafkaBootstrapServers, out, eventsPerSecond);
        this.out = out;
    }

    /** A dataset whose files are written but which is not loaded into the services yet. */
    public record Prepared(Dataset dataset, String source, Path dir) {
    }

    /** Whether {@code dir} holds files of a dataset that was fully loaded before. */
    public static boolean loadedBefore(Path dir) {
        return Files.exists(dir.resolve(MARKER));
    }

    /** Generates or reads the dataset and writes its files; empty when {@code dir} was loaded before. */
    public Optional<Prepared> prepare(Path dir, long seed, Path movieLensDir) throws Exception {
        if (loadedBefore(dir)) {
            out.println("[devstack] data already loaded (" + dir.resolve(MARKER) + "), skipping");
            return Optional.empty();
        }
        Dataset dataset;
        String source;
        if (movieLensDir != null) {
            dataset = readMovieLens(movieLensDir);
            source = "movielens:" + movieLensDir.toAbsolutePath();
        } else {
            out.println("[devstack] generating demo data (seed " + seed + ")");
            dataset = DemoDataGenerator.generate(seed);
            source = "demo:seed=" + seed;
        }
        Files.createDirectories(dir);
        DatasetFiles.writeAll(dir, dataset);
        return Optional.of(new Prepared(dataset, source, dir));
    }

    /** Loads a prepared dataset into the running services, then writes the marker. */
    public void load(Prepared prepared) throws Exception {
        loadCatalog(prepared);
        publishHistory(prepared);
    }

    /** The first half of {@link #load}: the movies, into catalog-service. */
    public void loadCatalog(Prepared prepared) throws Exception {
        long start = System.nanoTime();
        CatalogLoader.Result result = catalog.load(prepared.dataset().movies());
        result.refused().forEach(r -> out.println("[import] catalog refused " + r));
        out.printf("[devstack] loaded %d movies into the catalog in %.1f s%n", result.loaded(),
                (System.nanoTime() - start) / 1e9);
    }

    /**
     * The second half of {@link #load}: the historical events, onto Kafka for the services to
     * absorb; then the marker, so a later start loads nothing. Until the marker is written, a
     * later start loads everything again (the catalog's writes are upserts, the events keep their ids).
     */
    public void publishHistory(Prepared prepared) throws Exception {
        long start = System.nanoTime();
        Dataset dataset = prepared.dataset();
        events.publish(prepared.source(), dataset.interactions());
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("source", prepared.source());
        record.put("movies", dataset.movies().size());
        record.put("users", dataset.users().size());
        record.put("interactions", dataset.interactions().size());
        record.put("loadedAt", Instant.now().toString());
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(prepared.dir().resolve(MARKER).toFile(), record);
        out.printf("[devstack] published the history of %d movies, %d users, %d interactions in %.1f s (files in %s)%n",
                dataset.movies().size(), dataset.users().size(), dataset.interactions().size(),
                (System.nanoTime() - start) / 1e9, prepared.dir());
    }

    /** Reads MovieLens files, reporting every malformed row with its line; the rest loads. */
    public Dataset readMovieLens(Path movieLensDir) {
        ImportResult result = new MovieLensReader().read(movieLensDir);
        for (RowError error : result.errors()) {
            out.printf("[import] %s line %d skipped: %s%n", error.file(), error.line(), error.reason());
        }
        out.printf("[import] %d movies, %d ratings read; %d malformed rows skipped%n",
                result.dataset().movies().size(), result.dataset().interactions().size(), result.errors().size());
        return result.dataset();
    }
}
