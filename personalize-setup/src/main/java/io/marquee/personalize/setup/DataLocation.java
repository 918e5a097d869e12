package io.marquee.personalize.setup;

import java.nio.file.Path;

/**
 * Where an import job reads a dataset file from: the file itself ({@code file://}, what
 * personalize-local reads), or a copy uploaded to S3 first ({@link S3Upload}, what Amazon
 * Personalize reads).
 */
@FunctionalInterface
public interface DataLocation {

    /** The {@code dataLocation} of an import of {@code file}. */
    String of(Path file);

    /** The file as it is, as a {@code file://} URI. */
    DataLocation LOCAL_FILE = file -> file.toAbsolutePath().toUri().toString();
}
