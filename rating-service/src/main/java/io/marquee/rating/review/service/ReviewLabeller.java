package io.marquee.rating.review.service;

import io.marquee.rating.config.RatingsConfig;
import io.marquee.sentiment.Label;
import io.marquee.sentiment.Sentiment;
import io.marquee.sentiment.SentimentAnalyzer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * Labels review text and decides what the moderation view lists. Pure rules over the configured
 * analyzer, shared by writes and the backfill so both store the same thing for the same text.
 */
@ApplicationScoped
public class ReviewLabeller {

    /** The review scores at or below {@code ratings.sentiment.strongly-negative}. */
    public static final String STRONGLY_NEGATIVE = "strongly-negative";
    /** The review's text and its stars point opposite ways (5 stars, a very negative text). */
    public static final String STARS_DISAGREE = "stars-disagree";

    private final SentimentAnalyzer analyzer;
    private final RatingsConfig.Sentiment config;

    public ReviewLabeller(SentimentAnalyzer analyzer, RatingsConfig config) {
        this.analyzer = analyzer;
        this.config = config.sentiment();
    }

    /** The label of a review text; null when there is no text (a rating alone has no sentiment). */
    public Sentiment label(String review) {
        return review == null ? null : analyzer.analyze(review);
    }

    /** Labels of many texts at once (a remote analyzer batches them); null stays null. */
    public List<Sentiment> labelAll(List<String> reviews) {
        List<String> texts = reviews.stream().filter(t -> t != null).toList();
        List<Sentiment> labels = texts.isEmpty() ? List.of() : analyzer.analyzeAll(texts);
        List<Sentiment> out = new ArrayList<>(reviews.size());
        int next = 0;
        for (String review : reviews) {
            out.add(review == null ? null : labels.get(next++));
        }
        return out;
    }

    /** Why the moderation view lists a review with this rating and label; empty when it does not. */
    public List<String> flags(double rating, Sentiment sentiment) {
        if (sentiment == null) {
            return List.of();
        }
        List<String> flags = new ArrayList<>(2);
        double score = sentiment.score();
        if (sentiment.label() == Label.NEGATIVE && score <= config.stronglyNegative()) {
            flags.add(STRONGLY_NEGATIVE);
        }
        if ((rating >= config.highRating() && score <= -config.disagreement())
                || (rating <= config.lowRating() && score >= config.disagreement())) {
            flags.add(STARS_DISAGREE);
        }
        return flags;
    }
}
