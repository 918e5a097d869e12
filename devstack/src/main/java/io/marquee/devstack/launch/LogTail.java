package io.marquee.devstack.launch;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** The end of a piece's log: what {@code ./marquee status} shows as its last error. */
public final class LogTail {

    /** How much of the end of a log is read: errors further back are history, not news. */
    static final int TAIL_BYTES = 256 * 1024;
    static final int MAX_LINE = 200;
    /**
     * A Quarkus log line at ERROR or FATAL, an exception or error named at the start of a line (a
     * stack trace's head, the JVM's own "Exception in thread"), or the JVM refusing to start.
     */
    private static final Pattern ERROR = Pattern.compile(
            "(^|\\s)(ERROR|FATAL|SEVERE)(\\s|\\]|$)|^(Exception in thread|Caused by:|Error:)|^[\\w.$]+(Exception|Error)(:|$)"
                    + "|OutOfMemoryError|Terminating due to java\\.lang");

    private LogTail() {
    }

    /** The last error line in the end of {@code log}, trimmed and shortened; empty if there is none. */
    public static Optional<String> lastErrorLine(Path log) {
        List<String> lines = tail(log);
        for (int i = lines.size() - 1; i >= 0; i--) {
            String line = lines.get(i).strip();
            if (!line.isEmpty() && ERROR.matcher(line).find()) {
                return Optional.of(line.length() <= MAX_LINE ? line : line.substring(0, MAX_LINE - 1) + "…");
            }
        }
        return Optional.empty();
    }

    /** The lines of the last {@link #TAIL_BYTES} of the file (the first one possibly cut); none if unreadable. */
    static List<String> tail(Path log) {
        if (!Files.isRegularFile(log)) {
            return List.of();
        }
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long length = file.length();
            long from = Math.max(0, length - TAIL_BYTES);
            byte[] bytes = new byte[(int) (length - from)];
            file.seek(from);
            file.readFully(bytes);
            List<String> lines = new String(bytes, StandardCharsets.UTF_8).lines().toList();
            return from > 0 && !lines.isEmpty() ? lines.subList(1, lines.size()) : lines;
        } catch (IOException e) {
            return List.of();
        }
    }
}
