package io.marquee.sentiment.model;

/** One labelled text: positive (true) or negative (false). */
public record Example(String text, boolean positive) {
}
