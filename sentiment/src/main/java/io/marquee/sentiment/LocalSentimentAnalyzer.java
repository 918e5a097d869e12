package io.marquee.sentiment;

import io.marquee.sentiment.lexicon.Lexicon;
import io.marquee.sentiment.lexicon.ValenceAnalyzer;
import io.marquee.sentiment.model.Features;
import io.marquee.sentiment.model.LogisticModel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The default analyzer: VADER-style valence rules feed a logistic regression trained on labelled
 * review sentences (weights in model.tsv, written by the Train command). Runs in the JVM, in
 * microseconds, with no network. Thread-safe.
 */
public final class LocalSentimentAnalyzer implements SentimentAnalyzer {

    public static final String SOURCE = "local";
    /** The weights the Train command writes into this module's resources. */
    public static final String MODEL_RESOURCE = "/io/marquee/sentiment/model.tsv";
    /** Scores closer to 0 than this are neutral: the classifier cannot tell (P between 0.4 and 0.6). */
    public static final double DEFAULT_NEUTRAL_BAND = 0.2;
    /** Longer texts are judged on their first this-many characters: the rules are linear in length. */
    public static final int MAX_CHARS = 20_000;

    private final Features features;
    private final LogisticModel model;
    private final double neutralBand;

    public LocalSentimentAnalyzer(Features features, LogisticModel model, double neutralBand) {
        this.features = features;
        this.model = model;
        this.neutralBand = neutralBand;
    }

    /** The shipped lexicon and model. */
    public static LocalSentimentAnalyzer standard() {
        return new LocalSentimentAnalyzer(standardFeatures(), shippedModel(), DEFAULT_NEUTRAL_BAND);
    }

    public static Features standardFeatures() {
        return new Features(new ValenceAnalyzer(Lexicon.standard()));
    }

    public static LogisticModel shippedModel() {
        try (InputStream in = LocalSentimentAnalyzer.class.getResourceAsStream(MODEL_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(MODEL_RESOURCE + " is missing: run bench/sentiment.sh train");
            }
            return LogisticModel.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Sentiment analyze(String text) {
        if (text == null || text.isBlank()) {
            return Sentiment.neutral(SOURCE);
        }
        String judged = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
        double score = 2 * model.probability(features.extract(judged).values()) - 1;
        score = Math.max(-1, Math.min(1, score));
        Label label = score >= neutralBand ? Label.POSITIVE : score <= -neutralBand ? Label.NEGATIVE : Label.NEUTRAL;
        return new Sentiment(label, score, SOURCE);
    }

    /** P(positive) for the binary evaluation (positive when at least 0.5). */
    public double probability(String text) {
        return model.probability(features.extract(text).values());
    }
}
