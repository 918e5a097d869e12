package io.marquee.personalize.engine;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The Personalize recipes the engine stands in for, by the ARNs Personalize gives them. */
public enum Recipe {
    USER_PERSONALIZATION("arn:aws:personalize:::recipe/aws-user-personalization-v2",
            "arn:aws:personalize:::recipe/aws-user-personalization"),
    SIMILAR_ITEMS("arn:aws:personalize:::recipe/aws-similar-items", "arn:aws:personalize:::recipe/aws-sims"),
    PERSONALIZED_RANKING("arn:aws:personalize:::recipe/aws-personalized-ranking-v2",
            "arn:aws:personalize:::recipe/aws-personalized-ranking"),
    POPULARITY_COUNT("arn:aws:personalize:::recipe/aws-popularity-count"),
    TRENDING_NOW("arn:aws:personalize:::recipe/aws-trending-now");

    private final String arn;
    private final List<String> aliases;

    Recipe(String arn, String... aliases) {
        this.arn = arn;
        this.aliases = List.of(aliases);
    }

    /** The ARN DescribeRecipe and CreateSolution use. */
    public String arn() {
        return arn;
    }

    /** The recipe for an ARN, including older names Personalize still accepts. */
    public static Optional<Recipe> fromArn(String arn) {
        return Arrays.stream(values()).filter(r -> r.arn.equals(arn) || r.aliases.contains(arn)).findFirst();
    }
}
