package io.marquee.catalog.item.service;

/** How many items of a batch were new and how many replaced existing ones. */
public record BatchResult(int created, int updated) {
}
