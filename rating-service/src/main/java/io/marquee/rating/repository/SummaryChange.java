package io.marquee.rating.repository;

import io.marquee.sentiment.Label;
import io.marquee.sentiment.Sentiment;

/**
 * How one change moves an item's review counters: minus one for the label the review had, plus
 * one for the label it has now (either may be absent). Relabelling to the same label moves nothing.
 */
public record SummaryChange(int positive, int negative, int neutral) {

    public static final SummaryChange NONE = new SummaryChange(0, 0, 0);

    public static SummaryChange between(Sentiment before, Sentiment after) {
        int[] d = new int[Label.values().length];
        if (before != null) {
            d[before.label().ordinal()]--;
        }
        if (after != null) {
            d[after.label().ordinal()]++;
        }
        return new SummaryChange(d[Label.POSITIVE.ordinal()], d[Label.NEGATIVE.ordinal()], d[Label.NEUTRAL.ordinal()]);
    }

    public int delta(Label label) {
        return switch (label) {
            case POSITIVE -> positive;
            case NEGATIVE -> negative;
            case NEUTRAL -> neutral;
        };
    }

    public boolean isEmpty() {
        return positive == 0 && negative == 0 && neutral == 0;
    }
}
