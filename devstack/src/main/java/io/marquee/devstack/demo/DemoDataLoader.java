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

/**
 * Loads data into a fresh stack once: the seeded demo dataset, or MovieLens files when given. The
 * dataset files (including Personalize's interactions format) are written next to a marker file;
 * a later start finds the marker and skips the load.
 */
public final class DemoDataLoader {

    static final String MARKER = "loaded.json";

    private final CatalogLoader catalog;
    private final PrintStream out;

    public DemoDataLoader(String catalogUrl, PrintStream out) {
        this.catalog = new CatalogLoader(catalogUrl, out);
        this.out = out;
    }

    public void loadOnce(Path dir, long seed, Path movieLensDir) throws Exception {
        Path marker = dir.resolve(MARKER);
        if (Files.exists(marker)) {
            out.println("[devstack] data already loaded (" + marker + "), skipping");
            return;
        }
        long start = System.nanoTime();
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
        load(dataset, dir);
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("source", source);
        record.put("movies", dataset.movies().size());
        record.put("users", dataset.users().size());
        record.put("interactions", dataset.interactions().size());
        record.put("loadedAt", Instant.now().toString());
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(marker.toFile(), record);
        out.printf("[devstack] loaded %d movies, %d users, %d interactions in %.1f s (files in %s)%n",
                dataset.movies().size(), dataset.users().size(), dataset.interactions().size(),
                (System.nanoTime() - start) / 1e9, dir);
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

    /** Writes the dataset files into {@code dir} and loads the movies into the catalog. */
    public void load(Dataset dataset, Path dir) throws Exception {
        Files.createDirectories(dir);
        DatasetFiles.writeAll(dir, dataset);
        CatalogLoader.Result result = catalog.load(dataset.movies());
        result.refused().forEach(r -> out.println("[import] catalog refused " + r));
    }
}
