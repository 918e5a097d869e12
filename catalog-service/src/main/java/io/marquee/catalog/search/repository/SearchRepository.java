package io.marquee.catalog.search.repository;

import io.marquee.catalog.item.repository.ItemCompanionRows;
import io.marquee.catalog.item.service.Item;
import io.marquee.catalog.search.service.SearchText;
import io.marquee.catalog.storage.CatalogTables;
import io.marquee.catalog.storage.OwnedTables;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The title index, the {@code catalog-search} table ({@link SearchRows}): read with one range
 * query per query word, written in the same transaction as the item whose title it indexes.
 */
@ApplicationScoped
public class SearchRepository implements OwnedTables, ItemCompanionRows {

    private final DynamoDbClient dynamo;
    private final CatalogTables tables;

    public SearchRepository(DynamoDbClient dynamo, CatalogTables tables) {
        this.dynamo = dynamo;
        this.tables = tables;
    }

    @Override
    public List<CreateTableRequest> tableDefinitions() {
        return List.of(CreateTableRequest.builder().tableName(tables.search())
                .attributeDefinitions(OwnedTables.string(SearchRows.PARTITION), OwnedTables.string(SearchRows.TERM))
                .keySchema(OwnedTables.partitionKey(SearchRows.PARTITION), OwnedTables.sortKey(SearchRows.TERM))
                .build());
    }

    /**
     * The item's word rows, and the deletion of {@code previous}'s that its title no longer has. At
     * most {@link SearchText#MAX_INDEXED_WORDS} rows each way, so even a replace that changes the
     * title and all ten genres stays within the 100 actions of the item's transaction.
     */
    @Override
    public List<TransactWriteItem> changes(Item item, Optional<Item> previous) {
        List<TransactWriteItem> actions = new ArrayList<>();
        Map<SearchRows.Key, Map<String, AttributeValue>> newWords = SearchRows.of(item);
        newWords.values().forEach(row -> actions.add(
                TransactWriteItem.builder().put(p -> p.tableName(tables.search()).item(row)).build()));
        previous.ifPresent(old -> SearchRows.of(old).keySet().stream()
                .filter(key -> !newWords.containsKey(key))
                .forEach(key -> actions.add(TransactWriteItem.builder()
                        .delete(d -> d.tableName(tables.search()).key(key.attributes())).build())));
        return actions;
    }

    /** An item whose title has the word, with what a result shows and the title's words for ranking. */
    public record Posting(String itemId, String title, Integer year, List<String> genres, List<String> words) {
    }

    /**
     * The items with {@code word} in their title (as a whole word, or as the start of a word when
     * {@code prefix}), at most {@code limit}.
     *
     * @param complete false when more items have the word than were read
     */
    public record Postings(List<Posting> postings, boolean complete) {
    }

    public Postings find(String word, boolean prefix, int limit) {
        String start = prefix ? word : word + "#";
        QueryResponse response = dynamo.query(b -> b.tableName(tables.search())
                .keyConditionExpression("#p = :p AND begins_with(#t, :t)")
                .expressionAttributeNames(Map.of("#p", SearchRows.PARTITION, "#t", SearchRows.TERM))
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS(SearchText.partitionOf(word)),
                        ":t", AttributeValue.fromS(start)))
                .limit(limit + 1));
        List<Map<String, AttributeValue>> rows = response.items();
        boolean complete = rows.size() <= limit;
        List<Posting> postings = (complete ? rows : rows.subList(0, limit)).stream()
                .map(SearchRepository::toPosting).toList();
        return new Postings(postings, complete);
    }

    private static Posting toPosting(Map<String, AttributeValue> row) {
        AttributeValue year = row.get(SearchRows.YEAR);
        String words = row.get(SearchRows.WORDS).s();
        return new Posting(row.get(SearchRows.ITEM_ID).s(), row.get(SearchRows.TITLE).s(),
                year == null ? null : Integer.valueOf(year.n()), SearchRows.genres(row),
                words.isEmpty() ? List.of() : Arrays.asList(words.split(" ")));
    }
}
