package io.marquee.personalize.setup;

/**
 * The names of everything the tool creates, from one prefix ({@code marquee} by default), so
 * several environments can share one account and region. ARNs follow from names, except the
 * tracking id.
 */
public record Names(String prefix) {

    /** One campaign per recipe; the key names the service configuration ({@code PERSONALIZE_CAMPAIGNS_FOR_YOU_ARN}). */
    public enum Campaign {
        FOR_YOU("for-you", "forYou", "arn:aws:personalize:::recipe/aws-user-personalization-v2"),
        SIMILAR_ITEMS("similar-items", "similarItems", "arn:aws:personalize:::recipe/aws-similar-items"),
        RANKING("ranking", "ranking", "arn:aws:personalize:::recipe/aws-personalized-ranking-v2"),
        POPULAR("popular", "popular", "arn:aws:personalize:::recipe/aws-popularity-count"),
        TRENDING("trending", "trending", "arn:aws:personalize:::recipe/aws-trending-now");

        public final String suffix;
        /** Its key under {@code personalize.campaignArns} in the Helm chart's values. */
        public final String valuesKey;
        public final String recipeArn;

        Campaign(String suffix, String valuesKey, String recipeArn) {
            this.suffix = suffix;
            this.valuesKey = valuesKey;
            this.recipeArn = recipeArn;
        }
    }

    /**
     * The filters recommendation-service uses: every one excludes what the user rated; the others
     * also narrow to a genre ({@code $GENRE}, a quoted name) and/or a year ({@code $YEAR}).
     */
    public enum Filter {
        EXCLUDE_RATED("exclude-rated", "excludeRated", Filter.RATED),
        EXCLUDE_RATED_GENRE("exclude-rated-genre", "excludeRatedGenre",
                Filter.RATED + " | INCLUDE ItemID WHERE Items.GENRES IN ($GENRE)"),
        EXCLUDE_RATED_YEAR("exclude-rated-year", "excludeRatedYear",
                Filter.RATED + " | INCLUDE ItemID WHERE Items.YEAR = $YEAR"),
        EXCLUDE_RATED_GENRE_YEAR("exclude-rated-genre-year", "excludeRatedGenreYear",
                Filter.RATED + " | INCLUDE ItemID WHERE Items.GENRES IN ($GENRE) AND Items.YEAR = $YEAR");

        private static final String RATED = "EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN (\"rate\")";

        public final String suffix;
        /** Its key under {@code personalize.filterArns} in the Helm chart's values. */
        public final String valuesKey;
        public final String expression;

        Filter(String suffix, String valuesKey, String expression) {
            this.suffix = suffix;
            this.valuesKey = valuesKey;
            this.expression = expression;
        }
    }

    public static final Names DEFAULT = new Names("marquee");

    public Names {
        if (prefix == null || !prefix.matches("[a-zA-Z0-9][a-zA-Z0-9_-]{0,40}")) {
            throw new IllegalArgumentException("the name prefix must be 1 to 41 of a-z A-Z 0-9 _ -, starting with a "
                    + "letter or digit: " + prefix);
        }
    }

    public String datasetGroup() {
        return prefix;
    }

    public String dataset(String type) {
        return prefix + "-" + type.toLowerCase();
    }

    public String tracker() {
        return prefix + "-clickstream";
    }

    public String campaign(Campaign c) {
        return prefix + "-" + c.suffix;
    }

    public String filter(Filter f) {
        return prefix + "-" + f.suffix;
    }
}
