package io.marquee.sentiment.eval;

import java.util.Locale;

/** Binary classification counts with positive as the first class. */
record Metrics(int truePositive, int falseNegative, int falsePositive, int trueNegative) {

    static Metrics of(boolean[] actual, boolean[] predicted) {
        int tp = 0, fn = 0, fp = 0, tn = 0;
        for (int i = 0; i < actual.length; i++) {
            if (actual[i]) {
                if (predicted[i]) tp++; else fn++;
            } else {
                if (predicted[i]) fp++; else tn++;
            }
        }
        return new Metrics(tp, fn, fp, tn);
    }

    double accuracy() {
        return (truePositive + trueNegative) / (double) (truePositive + falseNegative + falsePositive + trueNegative);
    }

    /** Mean of the F1 of each class. */
    double macroF1() {
        return (f1(truePositive, falsePositive, falseNegative) + f1(trueNegative, falseNegative, falsePositive)) / 2;
    }

    private static double f1(int tp, int fp, int fn) {
        return tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
    }

    String report(String title) {
        return String.format(Locale.ROOT,
                "%s%n  accuracy %.3f  macro-F1 %.3f%n  confusion (rows actual, columns predicted):%n"
                        + "              pos    neg%n    pos   %5d  %5d%n    neg   %5d  %5d%n",
                title, accuracy(), macroF1(), truePositive, falseNegative, falsePositive, trueNegative);
    }
}
