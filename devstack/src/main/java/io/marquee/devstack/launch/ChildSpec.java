package io.marquee.devstack.launch;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Everything needed to start one child JVM, and to start it again the same way after it died.
 *
 * @param name        the piece's name in logs and {@code ./marquee status}, e.g. {@code catalog-service}
 * @param jar         its packaged {@code quarkus-run.jar}
 * @param port        its HTTP port
 * @param healthPort  where its health checks are probed: a service's management port, or
 *                    {@code port} for a child without a management interface (personalize-local)
 * @param log         the file its output is appended to
 * @param javaOptions JVM options (heap, GC)
 * @param env         environment on top of the launcher's
 */
public record ChildSpec(String name, Path jar, int port, int healthPort, Path log, List<String> javaOptions,
                        Map<String, String> env) {

    public ChildSpec {
        javaOptions = List.copyOf(javaOptions);
        env = Map.copyOf(env);
    }

    /** A child whose health checks answer on its HTTP port. */
    public ChildSpec(String name, Path jar, int port, Path log, List<String> javaOptions, Map<String, String> env) {
        this(name, jar, port, port, log, javaOptions, env);
    }

    /** Starts it, with the class archive of its build (see {@link ClassArchive}). */
    ServiceProcess start() throws IOException {
        return ServiceProcess.start(name, jar, port, healthPort, log, javaOptions, env,
                ClassArchive.enabled(System.getenv()) ? ClassArchive.of(jar, javaOptions) : null);
    }
}
