package io.marquee.recommendation.source;

import io.marquee.recommendation.personalize.CampaignAnswer;

/**
 * The words of a {@code source}: {@code campaign:<arn>}, optionally {@code filter:<arn>} and
 * {@code ranked-by:<arn>}, or {@code fallback:<reason> chart:top-rated} with {@code genre:<g>}.
 * One place, so "why did I get this list" always reads the same.
 */
public final class Sources {

    public static final String HEADER = "X-Recommendation-Source";

    private Sources() {
    }

    /** A list a campaign made. */
    public static String campaign(CampaignAnswer answer) {
        return "campaign:" + answer.campaignArn() + (answer.filterArn() == null ? "" : " filter:" + answer.filterArn());
    }

    /** A campaign's list put in the caller's order by a ranking campaign. */
    public static String ranked(CampaignAnswer made, CampaignAnswer ranking) {
        return campaign(made) + " ranked-by:" + ranking.campaignArn();
    }

    /** A campaign's list that could not be put in the caller's order, and why. */
    public static String unranked(CampaignAnswer made, String reason) {
        return campaign(made) + " unranked:" + reason;
    }

    /** A list made from catalog-service's top-rated chart because a campaign could not answer. */
    public static String fallback(String reason, String genre) {
        return "fallback:" + reason + " chart:top-rated" + (genre == null ? "" : " genre:" + genre);
    }

    /** A list put in order by the catalog's average ratings because the ranking campaign could not answer. */
    public static String fallbackByRating(String reason) {
        return "fallback:" + reason + " order:catalog-rating";
    }

    /** Whether {@code source} names a fallback. */
    public static boolean isFallback(String source) {
        return source.startsWith("fallback:");
    }
}
