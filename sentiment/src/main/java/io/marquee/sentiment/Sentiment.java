package io.marquee.sentiment;

/**
 * The sentiment of one text: a label and a score in [-1, 1] (-1 very negative, 1 very positive).
 *
 * @param label  positive, negative or neutral
 * @param score  the classifier's confidence mapped to [-1, 1]: {@code 2 * P(positive) - 1}
 * @param source which analyzer produced it ("local" or "comprehend"), so a stored label says where it came from
 */
public record Sentiment(Label label, double score, String source) {

    public Sentiment {
        if (label == null || source == null) {
            throw new IllegalArgumentException("label and source are required");
        }
        if (!(score >= -1.0 && score <= 1.0)) {
            throw new IllegalArgumentException("score must lie in [-1, 1], was " + score);
        }
    }

    /** What an empty text or a text with nothing to judge gets. */
    public static Sentiment neutral(String source) {
        return new Sentiment(Label.NEUTRAL, 0.0, source);
    }
}
