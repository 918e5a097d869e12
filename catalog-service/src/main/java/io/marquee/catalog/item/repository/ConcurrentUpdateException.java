package io.marquee.catalog.item.repository;

/** The item (or one of several written together) changed, or a conflicting transaction ran, between reading and writing it. */
public class ConcurrentUpdateException extends RuntimeException {

    /** @param itemIds the id of the item, or the ids of the items written together */
    public ConcurrentUpdateException(String itemIds, Throwable cause) {
        super("item " + itemIds + " changed concurrently", cause, false, false);
    }
}
