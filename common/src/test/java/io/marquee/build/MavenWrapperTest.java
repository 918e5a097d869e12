package io.marquee.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./mvnw} on a machine with Java and nothing else: no Maven, no curl, no wget. The Maven
 * distribution is served by a local HTTP server standing in for a repository (the copy the build
 * machine's own Maven resolved), reached through {@code MVNW_REPOURL}; the same download code
 * serves the Maven Central fallback.
 */
class MavenWrapperTest {

    private static final String VERSION = "3.9.16";
    private static final Path REPO_ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path LOCAL_COPY = Path.of(System.getProperty("user.home"), ".m2", "repository", "org",
            "apache", "maven", "apache-maven", VERSION, "apache-maven-" + VERSION + "-bin.tar.gz");
    /** What a machine with only a JDK and a shell has: no mvn, curl or wget. */
    private static final List<String> TOOLS = List.of("bash", "sh", "java", "tar", "gzip", "sed", "tr", "cut",
            "dirname", "basename", "mktemp", "mv", "rm", "cp", "mkdir", "cat", "sha256sum", "uname", "expr", "grep",
            "readlink", "ls", "head", "env", "which");

    @TempDir
    Path dir;
    private HttpServer server;
    private byte[] served;

    @BeforeEach
    void serve() throws IOException {
        assumeTrue(Files.isRegularFile(LOCAL_COPY), "the build machine's Maven resolved " + LOCAL_COPY);
        served = Files.readAllBytes(LOCAL_COPY);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                if (!exchange.getRequestURI().getPath().endsWith("/org/apache/maven/apache-maven/" + VERSION
                        + "/apache-maven-" + VERSION + "-bin.tar.gz")) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                exchange.sendResponseHeaders(200, served.length);
                exchange.getResponseBody().write(served);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() throws IOException {
        if (server != null) {
            server.stop(0);
        }
        // Links out of the temporary directory: removed here so JUnit need not warn about each.
        Path bin = dir.resolve("bin");
        if (Files.isDirectory(bin)) {
            try (var links = Files.list(bin)) {
                for (Path link : links.toList()) {
                    Files.delete(link);
                }
            }
        }
    }

    @Test
    void withOnlyJavaTheWrapperFetchesChecksAndRunsThePinnedMaven() throws Exception {
        Result result = mvnw();
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("Apache Maven " + VERSION);
        assertThat(dir.resolve("maven-home/wrapper/dists/apache-maven-" + VERSION + "/bin/mvn")).isExecutable();
    }

    @Test
    void anArchiveThatDoesNotMatchThePinnedSha256IsNeverRun() throws Exception {
        served = served.clone();
        served[served.length / 2] ^= 1;
        Result result = mvnw();
        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains("SHA-256").contains("refusing");
        assertThat(dir.resolve("maven-home/wrapper/dists/apache-maven-" + VERSION)).doesNotExist();
    }

    private record Result(int exitCode, String output) {
    }

    private Result mvnw() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        for (String tool : TOOLS) {
            for (String place : List.of("/usr/local/bin", "/usr/bin", "/bin")) {
                Path found = Path.of(place, tool);
                if (Files.isExecutable(found) && !Files.exists(bin.resolve(tool))) {
                    Files.createSymbolicLink(bin.resolve(tool), found.toRealPath());
                }
            }
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Files.deleteIfExists(bin.resolve("java"));
        Files.createSymbolicLink(bin.resolve("java"), java);
        List<String> command = new ArrayList<>(List.of(bin.resolve("bash").toString(),
                REPO_ROOT.resolve("mvnw").toString(), "--version"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).directory(dir.toFile());
        Map<String, String> env = builder.environment();
        env.clear();
        env.put("PATH", bin.toString());
        env.put("HOME", dir.resolve("home").toString());
        env.put("MAVEN_USER_HOME", dir.resolve("maven-home").toString());
        env.put("MVNW_REPOURL", "http://127.0.0.1:" + server.getAddress().getPort());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }
}
