package io.marquee.rating.service;

/** A stored rating and whether it was new (201) rather than a replacement (200). */
public record WriteResult(Rating rating, boolean created) {
}
