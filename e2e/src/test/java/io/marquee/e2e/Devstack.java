package io.marquee.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Drives {@code ./marquee} as a developer would, on its own home directory and shifted ports so it
 * never meets a developer's running stack.
 */
final class Devstack {

    static final Path ROOT = Path.of(System.getProperty("marquee.root", "..")).toAbsolutePath().normalize();
    static final int PORT_OFFSET = Integer.getInteger("marquee.e2e.port-offset", 20000);

    private static final ObjectMapper STATUS_JSON = new ObjectMapper();

    private final Path home;
    private final List<String> output = Collections.synchronizedList(new ArrayList<>());
    private final CountDownLatch ready = new CountDownLatch(1);
    private Process process;

    Devstack(Path home) {
        this.home = home;
    }

    /** {@code ./marquee up}; the reactor has just built every module, so the build step is skipped. */
    Devstack start(String... extraArgs) throws IOException {
        List<String> command = new ArrayList<>(List.of("bash", ROOT.resolve("marquee").toString(), "up",
                "--no-build", "--home", home.toString(), "--port-offset", Integer.toString(PORT_OFFSET)));
        command.addAll(List.of(extraArgs));
        process = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true).start();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    output.add(line);
                    System.out.println("[e2e devstack] " + line);
                    if (line.startsWith("DEVSTACK READY")) {
                        ready.countDown();
                    }
                }
            } catch (IOException e) {
                output.add("(output closed: " + e.getMessage() + ")");
            }
        }, "devstack-output");
        reader.setDaemon(true);
        reader.start();
        return this;
    }

    /** Waits for the ready line; fails with the devstack's output if it exits or times out first. */
    void awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (ready.await(500, TimeUnit.MILLISECONDS)) {
                return;
            }
            if (!process.isAlive()) {
                throw new AssertionError("devstack exited with " + process.exitValue() + " before it was ready:\n"
                        + String.join("\n", output));
            }
        }
        throw new AssertionError("devstack not ready within " + timeout + ":\n" + String.join("\n", output));
    }

    /**
     * Waits until the status file ({@code <home>/status.json}) reports the background work
     * {@code name} as done; fails with the devstack's output past the timeout.
     */
    void awaitBackgroundDone(String name, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                for (JsonNode work : STATUS_JSON.readTree(home.resolve("status.json").toFile()).path("background")) {
                    if (name.equals(work.path("name").asText()) && "done".equals(work.path("state").asText())) {
                        return;
                    }
                }
            } catch (IOException e) {
                // Being rewritten: read it again.
            }
            Thread.sleep(1000);
        }
        throw new AssertionError(name + " not done within " + timeout + ":\n" + String.join("\n", output));
    }

    /** Waits for the devstack process to end by itself and returns its exit code. */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("devstack still running after " + timeout + ":\n" + String.join("\n", output));
        }
        return process.exitValue();
    }

    /** {@code ./marquee down} for this home; returns its exit code. */
    int down() throws IOException, InterruptedException {
        Process down = new ProcessBuilder("bash", ROOT.resolve("marquee").toString(), "down", "--home", home.toString())
                .directory(ROOT.toFile()).inheritIO().start();
        if (!down.waitFor(120, TimeUnit.SECONDS)) {
            down.destroyForcibly();
            throw new AssertionError("./marquee down did not finish");
        }
        return down.exitValue();
    }

    /** Runs another {@code ./marquee} command against this stack; returns its exit code and output. */
    Result run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", ROOT.resolve("marquee").toString()));
        command.addAll(List.of(args));
        command.addAll(List.of("--home", home.toString(), "--port-offset", Integer.toString(PORT_OFFSET)));
        Process run = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true).start();
        String text = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!run.waitFor(120, TimeUnit.SECONDS)) {
            run.destroyForcibly();
            throw new AssertionError("./marquee " + String.join(" ", args) + " did not finish:\n" + text);
        }
        System.out.println("[e2e marquee " + args[0] + "] " + text.replace("\n", "\n[e2e marquee " + args[0] + "] "));
        return new Result(run.exitValue(), text);
    }

    record Result(int exitCode, String output) {
    }

    /** Last resort for a failed test: never leave a stack running behind the build. */
    void kill() {
        if (process != null && process.isAlive()) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    List<String> output() {
        synchronized (output) {
            return List.copyOf(output);
        }
    }

    static String url(int defaultPort, String path) {
        return "http://127.0.0.1:" + (defaultPort + PORT_OFFSET) + path;
    }
}
