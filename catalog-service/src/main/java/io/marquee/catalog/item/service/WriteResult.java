package io.marquee.catalog.item.service;

/** The stored item after a create-or-replace, and whether it was new. */
public record WriteResult(Item item, boolean created) {
}
