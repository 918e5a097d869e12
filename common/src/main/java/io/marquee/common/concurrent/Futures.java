package io.marquee.common.concurrent;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Waiting on work handed to another thread as if it had run on this one. */
public final class Futures {

    private Futures() {
    }

    /**
     * The result of {@code future}; what its work threw (a DynamoDB failure, a 503 problem) is
     * rethrown as it was, not wrapped, so callers see the same exception as without the hand-off.
     */
    public static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw e;
        }
    }
}
