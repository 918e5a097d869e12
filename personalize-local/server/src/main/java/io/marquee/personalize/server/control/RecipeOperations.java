package io.marquee.personalize.server.control;

import static io.marquee.personalize.server.control.ResourceOperations.object;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.marquee.personalize.engine.Recipe;
import io.marquee.personalize.server.web.AwsException;
import io.marquee.personalize.server.web.Input;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Recipes: the fixed list of what personalize-local can train, described as AWS describes its own. */
@ApplicationScoped
class RecipeOperations implements Operations {

    private static final double RECIPES_CREATED = 1_543_622_400.0;

    @Override
    public Map<String, Function<Input, ObjectNode>> operations() {
        Map<String, Function<Input, ObjectNode>> table = new LinkedHashMap<>();
        table.put("DescribeRecipe", this::describeRecipe);
        table.put("ListRecipes", this::listRecipes);
        return table;
    }

    private ObjectNode describeRecipe(Input in) {
        String arn = in.arn("recipeArn", true);
        Recipe recipe = Recipe.fromArn(arn).orElseThrow(() -> AwsException.notFound("The recipe " + arn
                + " does not exist"));
        ObjectNode wire = recipeSummary(arn);
        String name = arn.substring(arn.lastIndexOf('/') + 1);
        wire.put("algorithmArn", "arn:aws:personalize:::algorithm/" + name)
                .put("featureTransformationArn", "arn:aws:personalize:::feature-transformation/" + name)
                .put("description", description(recipe))
                .put("recipeType", switch (recipe) {
                    case SIMILAR_ITEMS -> "RELATED_ITEMS";
                    case PERSONALIZED_RANKING -> "PERSONALIZED_RANKING";
                    default -> "USER_PERSONALIZATION";
                });
        return object().set("recipe", wire);
    }

    private static String description(Recipe recipe) {
        return switch (recipe) {
            case USER_PERSONALIZATION -> "Items for a user, updated in real time from PutEvents";
            case SIMILAR_ITEMS -> "Items related to an item, from co-occurrence and item metadata";
            case PERSONALIZED_RANKING -> "A given list of items re-ordered for a user";
            case POPULARITY_COUNT -> "The most interacted items";
            case TRENDING_NOW -> "The items whose interactions rise fastest";
        };
    }

    private static ObjectNode recipeSummary(String arn) {
        return object().put("name", arn.substring(arn.lastIndexOf('/') + 1)).put("recipeArn", arn)
                .put("status", "ACTIVE").put("creationDateTime", RECIPES_CREATED)
                .put("lastUpdatedDateTime", RECIPES_CREATED);
    }

    private ObjectNode listRecipes(Input in) {
        in.oneOf("recipeProvider", false, List.of("SERVICE"));
        in.oneOf("domain", false, List.of("ECOMMERCE", "VIDEO_ON_DEMAND"));
        in.integer("maxResults", 1, 100);
        ObjectNode out = object();
        ArrayNode recipes = out.putArray("recipes");
        for (Recipe r : Recipe.values()) {
            recipes.add(recipeSummary(r.arn()));
        }
        return out;
    }
}
