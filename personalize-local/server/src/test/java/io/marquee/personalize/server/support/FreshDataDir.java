package io.marquee.personalize.server.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Every test run starts personalize-local on an empty data directory of its own. */
public class FreshDataDir implements QuarkusTestResourceLifecycleManager {

    private static Path dir;

    public static Path dir() {
        return dir;
    }

    /** The import root the server reads file:// imports from by default: imports/ in its data directory. */
    public static Path imports() {
        try {
            return Files.createDirectories(dir.resolve("imports"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Map<String, String> start() {
        try {
            Files.createDirectories(Path.of("target"));
            dir = Files.createTempDirectory(Path.of("target"), "personalize-data-").toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("personalize.data-dir", dir.toString());
    }

    @Override
    public void stop() {
        // Left in target/ for a look after a failure; mvn clean removes it.
    }
}
