package io.marquee.devstack.launch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A piece of the stack that did not start; the message names the piece and its log file. */
public final class StartFailure extends RuntimeException {

    private final transient Path log;

    public StartFailure(String piece, String what, Path log) {
        super(piece + " " + what + (log == null ? "" : " (log: " + log + ")"));
        this.log = log;
    }

    public StartFailure(String piece, String what, Path log, Throwable cause) {
        super(piece + " " + what + (log == null ? "" : " (log: " + log + ")") + ": " + cause.getMessage(), cause);
        this.log = log;
    }

    /** The last lines of the piece's log, to show with the failure. */
    public List<String> logTail(int lines) {
        if (log == null || !Files.exists(log)) {
            return List.of();
        }
        try {
            List<String> all = Files.readAllLines(log);
            return all.subList(Math.max(0, all.size() - lines), all.size());
        } catch (IOException e) {
            return List.of();
        }
    }
}
