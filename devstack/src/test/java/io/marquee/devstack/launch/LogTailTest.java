package io.marquee.devstack.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The "last error" of a piece: the last line of its log that reports an error. */
class LogTailTest {

    @TempDir
    Path dir;

    private Path log(String text) throws IOException {
        return Files.writeString(dir.resolve("piece.log"), text);
    }

    @Test
    void findsTheLastQuarkusErrorOrExceptionLineNotInfoOrStackFrames() throws IOException {
        Path log = log("""
                2027-01-15 08:00:00,001 ERROR [io.sma.rea.mes.kafka] (vert.x-eventloop-thread-0) an older error
                2027-01-15 08:00:01,002 INFO  [io.quarkus] (main) catalog-service started
                2027-01-15 08:00:02,003 ERROR [io.mar.cat.sta.eve.EventConsumers] (executor-thread-1) batch failed: java.lang.NullPointerException
                java.lang.NullPointerException: Cannot invoke "Object.hashCode()" because "key" is null
                \tat java.base/java.util.concurrent.ConcurrentHashMap.get(ConcurrentHashMap.java:936)
                2027-01-15 08:00:03,004 INFO  [io.quarkus] (main) catalog-service stopped in 0.2s
                """);

        assertThat(LogTail.lastErrorLine(log)).contains(
                "java.lang.NullPointerException: Cannot invoke \"Object.hashCode()\" because \"key\" is null");
    }

    @Test
    void theJvmRefusingToGoOnCounts() throws IOException {
        Path log = log("""
                2027-01-15 08:00:01,002 INFO  [io.quarkus] (main) personalize-local started
                Terminating due to java.lang.OutOfMemoryError: Java heap space
                """);

        assertThat(LogTail.lastErrorLine(log)).contains("Terminating due to java.lang.OutOfMemoryError: Java heap space");
    }

    @Test
    void aLogWithoutErrorsOrNoLogAtAllHasNone() throws IOException {
        assertThat(LogTail.lastErrorLine(log("2027-01-15 08:00:01,002 INFO  [io.quarkus] (main) all fine\n"))).isEmpty();
        assertThat(LogTail.lastErrorLine(dir.resolve("absent.log"))).isEmpty();
    }

    @Test
    void aVeryLongLineIsShortened() throws IOException {
        assertThat(LogTail.lastErrorLine(log("ERROR " + "x".repeat(1000) + "\n")).orElseThrow()).hasSize(LogTail.MAX_LINE);
    }
}
