package io.marquee.devstack.launch;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** One service running as its own JVM ({@code quarkus-run.jar}), its output in its own log file. */
public final class ServiceProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final String name;
    private final int port;
    private final int healthPort;
    private final Path log;
    private final Process process;
    /** Its class archive (mapped, or to be recorded), or null when it uses none. */
    private final ClassArchive classes;

    private ServiceProcess(String name, int port, int healthPort, Path log, Process process, ClassArchive classes) {
        this.name = name;
        this.port = port;
        this.healthPort = healthPort;
        this.log = log;
        this.process = process;
        this.classes = classes;
    }

    /** A process that answers {@code /q/health} on its HTTP port (personalize-local). */
    public static ServiceProcess start(String name, Path jar, int port, Path log, List<String> javaOptions,
                                       Map<String, String> env) throws IOException {
        return start(name, jar, port, port, log, javaOptions, env);
    }

    /**
     * @param port       its HTTP port ({@code QUARKUS_HTTP_PORT})
     * @param healthPort where {@code /q/health} answers: a service's management interface (the
     *                   caller sets {@code QUARKUS_MANAGEMENT_PORT}), or {@code port} for a process
     *                   without one (personalize-local)
     */
    public static ServiceProcess start(String name, Path jar, int port, int healthPort, Path log,
                                       List<String> javaOptions, Map<String, String> env) throws IOException {
        return start(name, jar, port, healthPort, log, javaOptions, env, null);
    }

    /** As above, mapping or recording {@code classes} (see {@link ClassArchive}) unless it is null. */
    static ServiceProcess start(String name, Path jar, int port, int healthPort, Path log,
                                List<String> javaOptions, Map<String, String> env, ClassArchive classes)
            throws IOException {
        List<String> options = new ArrayList<>(javaOptions);
        if (classes != null) {
            classes.discard(); // what a run that did not stop gracefully may have left
            options.addAll(classes.javaOptions());
        }
        List<String> command = command(jar, options);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(jar.getParent().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        Files.writeString(log, "---- devstack starting " + name + " on port " + port + "\n",
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        return new ServiceProcess(name, port, healthPort, log, builder.start(), classes);
    }

    /** The command line: this JVM's {@code java} with the options and the jar. */
    static List<String> command(Path jar, List<String> javaOptions) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(javaOptions);
        command.add("-jar");
        command.add(jar.toString());
        return command;
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public Path log() {
        return log;
    }

    public long pid() {
        return process.pid();
    }

    /**
     * Polls {@code /q/health/ready} until it answers 200. Fails early, naming the log, if the process
     * exits or the deadline passes.
     */
    public void awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest probe = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + healthPort + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2)).GET().build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new StartFailure(name, "exited with code " + process.exitValue(), log);
            }
            try {
                if (HTTP.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYetListening) {
                // Still starting: poll again.
            }
            Thread.sleep(200);
        }
        throw new StartFailure(name, "was not ready within " + timeout.toSeconds() + " s", log);
    }

    /** Whether the JVM is still running. */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** Completes when the JVM has exited, however it ended. */
    public CompletableFuture<Process> onExit() {
        return process.onExit();
    }

    /** The exit code; only meaningful once {@link #isAlive()} is false. */
    public int exitValue() {
        return process.exitValue();
    }

    /**
     * Whether {@code path} (e.g. {@code /q/health/live}) answers 200 on the health port within
     * {@code timeout}; never throws.
     */
    public boolean answers(String path, Duration timeout) {
        HttpRequest probe = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + healthPort + path))
                .timeout(timeout).GET().build();
        try {
            return HTTP.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * SIGTERM (Quarkus shuts down gracefully), then SIGKILL if it takes longer than {@code grace};
     * returns once the JVM and anything it started are gone, so its port is free again.
     */
    public void stop(Duration grace) throws InterruptedException {
        List<ProcessHandle> descendants = process.descendants().toList();
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                // SIGKILL cannot be refused; the wait only covers the kernel reaping it.
                process.waitFor();
            }
        }
        for (ProcessHandle child : descendants) {
            child.destroyForcibly();
            child.onExit().join();
        }
    }

    /**
     * Writes its class archive if it started without one (see {@link ClassArchive#record});
     * returns whether it has one now.
     */
    public boolean recordClassArchive(Duration timeout) {
        return needsClassArchive() ? classes.record(process.pid(), timeout) : classes != null && classes.present();
    }

    /** Whether it runs without an archive of its build and could write one now. */
    public boolean needsClassArchive() {
        return classes != null && !classes.present() && process.isAlive();
    }

    /** SIGKILL, as a crash or the OOM killer would end it; used to replace a hung process. */
    public void kill() {
        process.destroyForcibly();
    }

    /** Resident set size in kB, read from /proc; 0 where /proc is not available. */
    public long rssKb() {
        return Rss.ofPid(process.pid());
    }
}
