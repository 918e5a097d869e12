package io.marquee.devstack.launch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A child JVM's class-data-sharing archive (JDK 17's dynamic AppCDS): the classes a run of this
 * build loaded, stored pre-parsed and pre-verified so that the next start maps them instead of
 * loading them again. Six JVMs booting at once on two cores are bound by CPU, and class loading is
 * a large part of a service's start (ADR 0035).
 *
 * <p>The archive lives beside the child's {@code quarkus-run.jar}, named after a key of everything
 * it depends on: the JVM, the options and every file of the application. A rebuild, another JDK or
 * other options give another name, so a stale archive is never used; {@code mvn clean} removes them.
 * Without an archive for the key, the child starts ready to write one, and the launcher has it
 * written when the stack stops, before the child's SIGTERM ({@link #record}, {@code jcmd VM.cds
 * dynamic_dump}): a child pauses while it writes, which a stopping stack does not mind, and seven
 * JVMs writing at exit instead outlasted the stop's grace. It is written to a temporary file and
 * renamed when complete, so nothing half-written is ever mapped.
 */
final class ClassArchive {

    static final String SUFFIX = ".jsa";
    private static final String PREFIX = "devstack-classes-";
    private static final String RECORDING = ".recording";
    /** The JVM's CDS notes (classes it skips, archives it cannot use) would fill the child's log; failures fall back silently. */
    private static final String QUIET = "-Xlog:cds=off,cds+dynamic=off";

    private final Path archive;
    private final Path recording;
    private final boolean present;

    private ClassArchive(Path archive) {
        this.archive = archive;
        this.recording = archive.resolveSibling(archive.getFileName() + RECORDING);
        this.present = Files.isRegularFile(archive);
    }

    /** Whether children use class archives: yes unless {@code MARQUEE_CLASS_ARCHIVES=off} (to measure without, or to rule them out). */
    static boolean enabled(java.util.Map<String, String> env) {
        return !"off".equals(env.get("MARQUEE_CLASS_ARCHIVES"));
    }

    /** The archive for {@code jar} (a {@code quarkus-run.jar}) run with {@code javaOptions} on this JVM. */
    static ClassArchive of(Path jar, List<String> javaOptions) {
        return new ClassArchive(jar.resolveSibling(PREFIX + key(jar.getParent(), javaOptions) + SUFFIX));
    }

    /** The options that use the archive, or that record it when this build has none yet. */
    List<String> javaOptions() {
        if (present) {
            return List.of("-XX:SharedArchiveFile=" + archive, QUIET);
        }
        return List.of("-XX:+RecordDynamicDumpInfo", QUIET);
    }

    /** Whether a start with {@link #javaOptions()} maps an archive (else it records one). */
    boolean present() {
        return present;
    }

    Path path() {
        return archive;
    }

    /**
     * Has the running child {@code pid}, started with {@link #javaOptions()}, write the classes it
     * has loaded so far (the JVM pauses while it writes: seconds); then the archive replaces those
     * of earlier builds. Returns whether there is an archive now; never throws.
     */
    boolean record(long pid, Duration timeout) {
        if (present || Files.isRegularFile(archive)) {
            return true;
        }
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        if (!Files.isExecutable(jcmd)) {
            return false; // a runtime without the JDK's tools: the children start without archives
        }
        try {
            Process dump = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "VM.cds", "dynamic_dump",
                    recording.toString()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!dump.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                dump.destroyForcibly();
                discard();
                return false;
            }
            return dump.exitValue() == 0 && keep();
        } catch (IOException e) {
            discard();
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            discard();
            return false;
        }
    }

    /** The finished recording becomes the archive, and the archives of earlier builds go. */
    private boolean keep() {
        if (!Files.isRegularFile(recording)) {
            return false;
        }
        try {
            Files.move(recording, archive, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            try (Stream<Path> files = Files.list(archive.getParent())) {
                for (Path old : files.filter(ClassArchive::isArchive).filter(p -> !p.equals(archive)).toList()) {
                    Files.deleteIfExists(old);
                }
            }
            return true;
        } catch (IOException e) {
            discard();
            return Files.isRegularFile(archive);
        }
    }

    /** Before a start, or after a recording that did not finish: whatever was written is not trusted. */
    void discard() {
        try {
            Files.deleteIfExists(recording);
        } catch (IOException ignored) {
            // Named after the archive: the next recording overwrites it.
        }
    }

    private static boolean isArchive(Path p) {
        String name = p.getFileName().toString();
        return name.startsWith(PREFIX) && (name.endsWith(SUFFIX) || name.endsWith(SUFFIX + RECORDING));
    }

    /** A digest of the JVM, the options and each application file's path, size and modification time. */
    static String key(Path appDir, List<String> javaOptions) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        update(digest, System.getProperty("java.home"));
        update(digest, System.getProperty("java.vm.version"));
        javaOptions.forEach(o -> update(digest, o));
        try (Stream<Path> files = Files.walk(appDir)) {
            for (Path f : files.filter(Files::isRegularFile).filter(p -> !isArchive(p)).sorted().toList()) {
                update(digest, appDir.relativize(f) + " " + Files.size(f) + " " + Files.getLastModifiedTime(f).toMillis());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HexFormat.of().formatHex(digest.digest(), 0, 8);
    }

    private static void update(MessageDigest digest, String value) {
        digest.update(value.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
    }
}
