package io.marquee.recommendation.personalize;

/** One item of a campaign's answer with Personalize's score for it (null when the recipe gives none). */
public record Scored(String itemId, Double score) {
}
