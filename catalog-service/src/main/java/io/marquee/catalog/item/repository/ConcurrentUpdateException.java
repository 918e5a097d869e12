package io.marquee.catalog.item.repository;

/** The item changed (or a conflicting transaction ran) between reading and writing it. */
public class ConcurrentUpdateException extends RuntimeException {

    public ConcurrentUpdateException(String itemId, Throwable cause) {
        super("item " + itemId + " changed concurrently", cause, false, false);
    }
}
