package io.marquee.personalize.server.store;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Whole-file writes that a crash cannot tear: a temporary file in the data directory's
 * {@code tmp/} (same file system), forced to disk, then moved into place atomically.
 */
final class AtomicFiles {

    @FunctionalInterface
    interface Writer {
        void write(OutputStream out) throws IOException;
    }

    private final Path tmp;

    AtomicFiles(Path dataDir) {
        this.tmp = dataDir.resolve("tmp");
    }

    void write(Path target, Writer writer) throws IOException {
        Files.createDirectories(target.getParent());
        Files.createDirectories(tmp);
        Path part = Files.createTempFile(tmp, target.getFileName().toString(), ".part");
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(part))) {
                writer.write(out);
            }
            try (FileChannel channel = FileChannel.open(part, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(part);
        }
    }

    /** Copies a file into place the same way. */
    void copy(Path source, Path target) throws IOException {
        Files.createDirectories(tmp);
        Path part = tmp.resolve(target.getFileName() + ".part");
        Files.copy(source, part, StandardCopyOption.REPLACE_EXISTING);
        Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** A scratch file in the data directory (same file system, so moves are atomic). */
    Path scratch(String name) throws IOException {
        Files.createDirectories(tmp);
        return Files.createTempFile(tmp, name, ".part");
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(root)) {
            paths = new ArrayList<>(walk.toList());
        }
        paths.sort(Comparator.reverseOrder());
        for (Path p : paths) {
            Files.deleteIfExists(p);
        }
    }
}
