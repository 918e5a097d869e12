package io.marquee.devstack.data;

/** A skipped input row: the file name, the 1-based line it starts on, and why it was rejected. */
public record RowError(String file, long line, String reason) {
}
