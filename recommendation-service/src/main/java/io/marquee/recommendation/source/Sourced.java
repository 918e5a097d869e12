package io.marquee.recommendation.source;

/** An answer that says how it was made; {@link SourceHeader} repeats it as {@code X-Recommendation-Source}. */
public interface Sourced {

    String source();
}
