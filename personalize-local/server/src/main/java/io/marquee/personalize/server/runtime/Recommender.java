package io.marquee.personalize.server.runtime;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.marquee.personalize.engine.Interaction;
import io.marquee.personalize.engine.Model;
import io.marquee.personalize.engine.Recipe;
import io.marquee.personalize.engine.Scored;
import io.marquee.personalize.server.filter.FilterExpression;
import io.marquee.personalize.server.store.GroupData;
import io.marquee.personalize.server.store.Kind;
import io.marquee.personalize.server.store.Resource;
import io.marquee.personalize.server.store.Store;
import io.marquee.personalize.server.web.AwsException;
import io.marquee.personalize.server.web.Input;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * GetRecommendations, GetPersonalizedRanking and GetActionRecommendations: validates the request
 * against the service model, finds the campaign's model, builds the user's filter and answers
 * with scores, a recommendationId, the promotion and the requested item metadata.
 */
@ApplicationScoped
public class Recommender {

    static final int DEFAULT_RESULTS = 25;
    static final int MAX_RESULTS = 500;
    static final int MAX_RESULTS_WITH_METADATA = 50;
    private static final Pattern FILTER_KEY = Pattern.compile("[A-Za-z0-9_]+");
    private static final Pattern CONTEXT_KEY = Pattern.compile("[A-Za-z\\d_]+");

    private final Store store;
    private final Map<String, FilterExpression> parsedFilters = new ConcurrentHashMap<>();

    public Recommender(Store store) {
        this.store = store;
    }

    /** A campaign ready to answer, with what each answer needs. */
    private record Serving(Resource campaign, Recipe recipe, Model model, String groupArn, GroupData data) {
    }

    public String recommendations(Input in) {
        String campaignArn = in.arn("campaignArn", false);
        String recommenderArn = in.arn("recommenderArn", false);
        String userId = in.string("userId", false, 0, 256);
        String itemId = in.string("itemId", false, 0, 256);
        Integer numResults = in.integer("numResults", 0, Integer.MAX_VALUE);
        String filterArn = in.arn("filterArn", false);
        Map<String, String> filterValues = filterValues(in);
        in.stringMap("context", 150, 150, CONTEXT_KEY, 1000);
        List<String> columns = metadataColumns(in);
        Promotion promotion = promotion(in);
        if (campaignArn == null && recommenderArn == null) {
            throw AwsException.invalid("campaignArn or recommenderArn is required");
        }
        if (campaignArn == null) {
            throw AwsException.notFound("The recommender " + recommenderArn + " does not exist "
                    + "(personalize-local serves campaigns, not domain recommenders)");
        }
        int max = columns == null ? MAX_RESULTS : MAX_RESULTS_WITH_METADATA;
        int n = numResults == null || numResults == 0 ? DEFAULT_RESULTS : numResults;
        if (n > max) {
            throw AwsException.invalid("numResults must be at most " + max
                    + (columns == null ? "" : " when metadataColumns is given"));
        }
        Serving s = serving(campaignArn);
        String subject;
        switch (s.recipe()) {
            case USER_PERSONALIZATION -> {
                if (userId == null || userId.isEmpty()) {
                    throw AwsException.invalid("userId is required for a user-personalization campaign");
                }
                subject = userId;
            }
            case SIMILAR_ITEMS -> {
                if (itemId == null || itemId.isEmpty()) {
                    throw AwsException.invalid("itemId is required for a similar-items campaign");
                }
                subject = itemId;
            }
            case PERSONALIZED_RANKING -> throw AwsException.invalid("The campaign " + campaignArn
                    + " serves personalized-ranking: call GetPersonalizedRanking");
            default -> subject = userId;
        }
        List<Interaction> history = s.data().history(userId);
        Predicate<String> allowed = filter(s, filterArn, filterValues, "filterValues", history, userId, itemId);
        if (s.recipe() == Recipe.SIMILAR_ITEMS) {
            allowed = allowed.and(candidate -> !candidate.equals(subject));
        }
        List<Scored> promoted = List.of();
        if (promotion != null) {
            int k = Math.max(1, (int) Math.round(n * promotion.percent() / 100.0));
            Predicate<String> promotable = filter(s, promotion.filterArn(), promotion.filterValues(),
                    "promotions[0].filterValues", history, userId, itemId);
            if (s.recipe() == Recipe.SIMILAR_ITEMS) {
                promotable = promotable.and(candidate -> !candidate.equals(subject));
            }
            promoted = top(s, history, itemId, k, promotable);
        }
        Set<String> promotedIds = new HashSet<>();
        promoted.forEach(p -> promotedIds.add(p.itemId()));
        // The model asks this of every item that would make the cut: no set lookup without a promotion.
        Predicate<String> rest = promotedIds.isEmpty() ? allowed
                : allowed.and(candidate -> !promotedIds.contains(candidate));
        List<Scored> main = top(s, history, itemId, n - promoted.size(), rest);

        // Promoted items are spread evenly through the answer, as Personalize mixes them in.
        int total = main.size() + promoted.size();
        int step = promoted.isEmpty() ? Integer.MAX_VALUE : Math.max(1, total / promoted.size());
        Iterator<Scored> mainIt = main.iterator();
        Iterator<Scored> promoIt = promoted.iterator();
        try (Answer out = new Answer("itemList")) {
            for (int position = 0; position < total; position++) {
                boolean takePromoted = promoIt.hasNext() && (position % step == 0 || !mainIt.hasNext());
                Scored next = takePromoted ? promoIt.next() : mainIt.next();
                out.item(s, next, columns, takePromoted ? promotion.name() : null);
            }
            return out.finish();
        }
    }

    private List<Scored> top(Serving s, List<Interaction> history, String itemId, int n, Predicate<String> allowed) {
        if (n <= 0) {
            return List.of();
        }
        return s.recipe() == Recipe.SIMILAR_ITEMS ? s.model().similar(itemId, n, allowed)
                : s.model().recommend(history, n, allowed);
    }

    public String personalizedRanking(Input in) {
        String campaignArn = in.arn("campaignArn", true);
        String userId = in.string("userId", true, 0, 256);
        List<String> columns = metadataColumns(in);
        int max = columns == null ? MAX_RESULTS : MAX_RESULTS_WITH_METADATA;
        List<String> inputList = in.strings("inputList", true, 1, MAX_RESULTS, 256);
        if (inputList.size() > max) {
            throw AwsException.invalid("inputList must have at most " + max + " items when metadataColumns is given");
        }
        String filterArn = in.arn("filterArn", false);
        Map<String, String> filterValues = filterValues(in);
        in.stringMap("context", 150, 150, CONTEXT_KEY, 1000);
        Serving s = serving(campaignArn);
        List<Interaction> history = s.data().history(userId);
        Predicate<String> allowed = filter(s, filterArn, filterValues, "filterValues", history, userId, null);
        List<String> candidates = inputList.stream().distinct().filter(allowed).toList();
        try (Answer out = new Answer("personalizedRanking")) {
            for (Scored scored : s.model().rank(history, candidates)) {
                out.item(s, scored, columns, null);
            }
            return out.finish();
        }
    }

    public String actionRecommendations(Input in) {
        String campaignArn = in.arn("campaignArn", false);
        in.string("userId", false, 0, 256);
        in.integer("numResults", 0, 100);
        in.arn("filterArn", false);
        filterValues(in);
        if (campaignArn == null) {
            throw AwsException.invalid("campaignArn is required");
        }
        serving(campaignArn);
        throw AwsException.invalid("The campaign " + campaignArn + " is not trained on actions; personalize-local "
                + "has no Actions datasets");
    }

    // ---------------------------------------------------------------- parts

    private Serving serving(String campaignArn) {
        Resource campaign = store.find(campaignArn).filter(r -> r.kind() == Kind.CAMPAIGN)
                .orElseThrow(() -> AwsException.notFound("The campaign " + campaignArn + " does not exist"));
        if (!campaign.isActive()) {
            throw AwsException.notFound("The campaign " + campaignArn + " is " + campaign.status() + ", not ACTIVE");
        }
        String versionArn = campaign.member("solutionVersionArn");
        Resource version = store.find(versionArn).orElseThrow(() -> AwsException.notFound("The solution version "
                + versionArn + " of campaign " + campaignArn + " no longer exists"));
        Model model = store.model(versionArn).orElseThrow(() -> AwsException.notFound("The model of "
                + versionArn + " is not loaded"));
        String groupArn = version.member("datasetGroupArn");
        return new Serving(campaign, model.recipe(), model, groupArn, store.group(groupArn));
    }

    private Predicate<String> filter(Serving s, String filterArn, Map<String, String> rawValues, String valuesField,
                                     List<Interaction> history, String userId, String itemId) {
        if (filterArn == null) {
            return item -> true;
        }
        Resource filter = store.find(filterArn).filter(r -> r.kind() == Kind.FILTER)
                .orElseThrow(() -> AwsException.notFound("The filter " + filterArn + " does not exist"));
        if (!filter.isActive()) {
            throw AwsException.notFound("The filter " + filterArn + " is " + filter.status() + ", not ACTIVE");
        }
        if (!s.groupArn().equals(filter.member("datasetGroupArn"))) {
            throw AwsException.invalid("The filter " + filterArn + " belongs to another dataset group than the campaign");
        }
        FilterExpression expression = parsedFilters.computeIfAbsent(filter.arn() + "\n" + filter.created(),
                k -> FilterExpression.parse(filter.member("filterExpression")));
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (rawValues != null) {
            rawValues.forEach((key, raw) -> {
                try {
                    params.put(key, FilterExpression.parseValues(raw));
                } catch (IllegalArgumentException e) {
                    throw AwsException.invalid(valuesField + "." + key + " " + e.getMessage());
                }
            });
        }
        try {
            return expression.bind(new FilterExpression.Context(params, history, s.data()::item, s.data().user(userId),
                    itemId == null ? null : s.data().item(itemId)));
        } catch (IllegalArgumentException e) {
            throw AwsException.invalid(e.getMessage().replace("filterValues", valuesField));
        }
    }

    /**
     * An answer written straight to JSON text as it is produced (a tree of nodes per item cost
     * more than writing it): {@code {"<list>": [{itemId, score, metadata?, promotionName?}…],
     * "recommendationId": …}}.
     */
    private static final class Answer implements AutoCloseable {

        private final StringWriter text = new StringWriter(2048);
        private final JsonGenerator json;

        Answer(String list) {
            try {
                json = Input.mapper().getFactory().createGenerator(text);
                json.writeStartObject();
                json.writeArrayFieldStart(list);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void item(Serving s, Scored scored, List<String> columns, String promotionName) {
            try {
                json.writeStartObject();
                json.writeStringField("itemId", scored.itemId());
                json.writeNumberField("score", Double.isFinite(scored.score()) ? scored.score() : 0.0);
                if (columns != null) {
                    json.writeObjectFieldStart("metadata");
                    Map<String, String> fields = s.data().item(scored.itemId());
                    if (fields != null) {
                        for (String column : columns) {
                            String value = fields.get(column.toUpperCase(java.util.Locale.ROOT));
                            if (value != null) {
                                json.writeStringField(column, value);
                            }
                        }
                    }
                    json.writeEndObject();
                }
                if (promotionName != null) {
                    json.writeStringField("promotionName", promotionName);
                }
                json.writeEndObject();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String finish() {
            try {
                json.writeEndArray();
                json.writeStringField("recommendationId", "RID-" + recommendationId());
                json.writeEndObject();
                json.flush();
                return text.toString();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            try {
                json.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * A random (version 4) UUID from the thread's generator: the id only has to be unique, and
     * {@link UUID#randomUUID()} draws on one shared SecureRandom that every request would queue for.
     */
    private static UUID recommendationId() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        long high = (r.nextLong() & ~0xF000L) | 0x4000L;
        long low = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }

    private static Map<String, String> filterValues(Input in) {
        return in.stringMap("filterValues", 25, 50, FILTER_KEY, 1000);
    }

    /** The ITEMS columns to return, or null when metadata is not asked for. */
    private static List<String> metadataColumns(Input in) {
        JsonNode node = in.node().get("metadataColumns");
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw AwsException.invalid("metadataColumns must be an object");
        }
        if (node.size() > 1) {
            throw AwsException.invalid("metadataColumns must have at most 1 entry");
        }
        if (node.isEmpty()) {
            return null;
        }
        String dataset = node.fieldNames().next();
        if (!"ITEMS".equals(dataset)) {
            throw AwsException.invalid("metadataColumns key must be ITEMS");
        }
        Input wrapper = Input.of((ObjectNode) node, "metadataColumns.");
        List<String> columns = wrapper.strings("ITEMS", true, 0, 10, 150);
        return new ArrayList<>(columns);
    }

    private record Promotion(String name, int percent, String filterArn, Map<String, String> filterValues) {
    }

    private static Promotion promotion(Input in) {
        List<Input> promotions = in.objects("promotions", false, 0, 1);
        if (promotions == null || promotions.isEmpty()) {
            return null;
        }
        Input p = promotions.get(0);
        String name = p.string("name", true, 1, 63, Input.NAME);
        Integer percent = p.integer("percentPromotedItems", 1, 100);
        if (percent == null) {
            throw AwsException.invalid("promotions[0].percentPromotedItems is required");
        }
        String filterArn = p.arn("filterArn", true);
        Map<String, String> values = p.stringMap("filterValues", 25, 50, FILTER_KEY, 1000);
        return new Promotion(name, percent, filterArn, values);
    }
}
