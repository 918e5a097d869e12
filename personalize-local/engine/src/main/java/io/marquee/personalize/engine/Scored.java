package io.marquee.personalize.engine;

/** An item with its score; higher is better. */
public record Scored(String itemId, double score) {
}
