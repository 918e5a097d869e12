package io.marquee.devstack.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Throw-away directories of engines (in-memory runs, tests). */
public final class Directories {

    private Directories() {
    }

    /** Deletes {@code dir} and everything below it; what cannot be deleted is left (it is temporary). */
    public static void deleteRecursively(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // Left-over temporary files are harmless.
        }
    }
}
