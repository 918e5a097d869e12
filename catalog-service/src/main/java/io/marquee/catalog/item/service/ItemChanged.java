package io.marquee.catalog.item.service;

/**
 * Fired (synchronously, as a CDI event) once an item write through this instance is stored and
 * its stats row follows it: readers that cache what the item shows, such as search results and
 * charts, forget it before the write is answered.
 */
public record ItemChanged(String id) {
}
