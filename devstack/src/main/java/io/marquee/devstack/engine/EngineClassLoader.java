package io.marquee.devstack.engine;

import java.util.concurrent.Callable;

/**
 * Runs engine start-up with the engine's own class loader as the thread context loader. Inside a
 * Quarkus test the caller's context loader is Quarkus's; logging back-ends (log4j, slf4j) look up
 * their providers through it, and the engine threads started here inherit it. Without this, a
 * DynamoDB Local start in a {@code @QuarkusTest} occasionally failed with "ExtendedLogger not
 * visible from class loader QuarkusClassLoader".
 */
final class EngineClassLoader {

    private EngineClassLoader() {
    }

    static <T> T call(Callable<T> start) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(EngineClassLoader.class.getClassLoader());
        try {
            return start.call();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
