package io.marquee.devstack.launch;

import static org.assertj.core.api.Assertions.assertThat;

import io.marquee.devstack.engine.Ports;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A child started without a class archive writes one when asked, the next start maps its classes
 * from it, a failed recording leaves nothing behind, and an archive of another build is never used.
 */
class ClassArchiveTest {

    private static final List<String> OPTIONS = List.of("-Xmx32m", "-XX:+UseSerialGC");
    private static final Duration GRACE = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void aRecordedArchiveIsMappedByTheNextStart() throws Exception {
        Path jar = FakeServiceJar.writeSelfContainedTo(dir.resolve("quarkus-app/quarkus-run.jar"));
        ChildSpec spec = new ChildSpec("fake", jar, Ports.free(), dir.resolve("fake.log"), OPTIONS, Map.of());
        assertThat(ClassArchive.of(jar, OPTIONS).present()).as("no archive before a first run").isFalse();

        ServiceProcess first = spec.start();
        first.awaitReady(GRACE);
        boolean recorded = first.recordClassArchive(GRACE);
        first.stop(GRACE);

        assertThat(recorded).isTrue();
        ClassArchive archive = ClassArchive.of(jar, OPTIONS);
        assertThat(archive.present()).as("the recording became the archive").isTrue();
        assertThat(archive.javaOptions()).contains("-XX:SharedArchiveFile=" + archive.path());
        // -Xshare:on fails the start if the archive cannot be mapped; the class log names where FakeService came from.
        List<String> mapping = new java.util.ArrayList<>(OPTIONS);
        mapping.addAll(archive.javaOptions());
        mapping.addAll(List.of("-Xshare:on", "-Xlog:class+load=info"));
        Path log = dir.resolve("second.log");
        ServiceProcess second = ServiceProcess.start("fake", jar, spec.port(), spec.port(), log, mapping, Map.of(), null);
        second.awaitReady(GRACE);
        second.stop(GRACE);

        assertThat(Files.readAllLines(log)).anyMatch(line ->
                line.contains(FakeService.class.getName() + " source: shared objects file (top)"));
    }

    @Test
    void aRecordingTheJvmRefusesLeavesNothingBehind() throws Exception {
        // Started without the archive's options (not ready to record): the JVM refuses the dump.
        Path jar = FakeServiceJar.writeSelfContainedTo(dir.resolve("quarkus-app/quarkus-run.jar"));
        int port = Ports.free();
        ServiceProcess started = ServiceProcess.start("fake", jar, port, port, dir.resolve("fake.log"), OPTIONS, Map.of(), null);
        started.awaitReady(GRACE);
        boolean recorded = ClassArchive.of(jar, OPTIONS).record(started.pid(), GRACE);
        boolean stillServing = started.answers("/q/health/live", Duration.ofSeconds(5));
        started.stop(GRACE);

        assertThat(recorded).isFalse();
        assertThat(stillServing).as("a refused recording does not harm the child").isTrue();
        try (var files = Files.list(jar.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("quarkus-run.jar");
        }
    }

    @Test
    void anotherBuildOrOtherOptionsNameAnotherArchive() throws Exception {
        Path jar = FakeServiceJar.writeSelfContainedTo(dir.resolve("quarkus-app/quarkus-run.jar"));
        Path lib = Files.writeString(Files.createDirectories(dir.resolve("quarkus-app/lib")).resolve("a.jar"), "one");
        Path before = ClassArchive.of(jar, OPTIONS).path();

        assertThat(ClassArchive.of(jar, OPTIONS).path()).as("same build, same options").isEqualTo(before);
        assertThat(ClassArchive.of(jar, List.of("-Xmx64m")).path()).isNotEqualTo(before);
        Files.setLastModifiedTime(lib, FileTime.fromMillis(Files.getLastModifiedTime(lib).toMillis() + 1000));
        assertThat(ClassArchive.of(jar, OPTIONS).path()).as("a rebuilt library").isNotEqualTo(before);
    }
}
