package io.marquee.personalize.setup;

import java.io.PrintStream;
import java.time.Duration;

/** What the tool is doing, one line per step and per status change, prefixed so it reads well inside the devstack's output. */
final class Progress {

    private final PrintStream out;

    Progress(PrintStream out) {
        this.out = out;
    }

    void say(String what) {
        out.println("[personalize] " + what);
        out.flush();
    }

    void status(String what, String status, Duration after) {
        say(String.format("%-48s %-20s %5.1f s", what, status, after.toMillis() / 1000.0));
    }
}
