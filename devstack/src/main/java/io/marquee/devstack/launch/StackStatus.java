package io.marquee.devstack.launch;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;

/**
 * What a running launcher says about its stack, rewritten in {@code <home>/status.json} whenever a
 * piece changes and every few seconds; {@code ./marquee status} reads it.
 *
 * @param launcherPid the launcher's pid (DynamoDB Local and Kafka run inside it)
 * @param phase       {@code starting}, {@code ready} or {@code stopping}
 * @param gateway     the gateway's base URL, or null in engines-only mode
 * @param updatedAt   when this was written (epoch millis)
 * @param pieces      every process of the stack
 * @param background  work that goes on after READY: training, the demo history, consumers catching up
 */
public record StackStatus(long launcherPid, String phase, String gateway, long updatedAt,
                          List<Supervisor.Snapshot> pieces, List<Background> background) {

    /**
     * One piece of background work.
     *
     * @param name   e.g. {@code personalize-local setup}, {@code consumer catalog-service}
     * @param state  {@code running}, {@code done} or {@code failed}
     * @param detail progress in words, e.g. {@code 120,345 of 254,027 events (47%)}
     */
    public record Background(String name, String state, String detail) {
    }

    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** Writes atomically, so a reader never sees half a file. */
    public void writeTo(Path file) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        JSON.writerWithDefaultPrettyPrinter().writeValue(temporary.toFile(), this);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The status a launcher wrote, if there is a readable one. */
    public static Optional<StackStatus> readFrom(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), StackStatus.class));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
