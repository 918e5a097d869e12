package io.marquee.catalog.search.repository;

import io.marquee.catalog.item.repository.CatalogTables;
import io.marquee.catalog.search.service.SearchText;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/** Reads the title index ({@link SearchRows}): one range query per query word. */
@ApplicationScoped
public class SearchRepository {

    private final DynamoDbClient dynamo;
    private final CatalogTables tables;

    public SearchRepository(DynamoDbClient dynamo, CatalogTables tables) {
        this.dynamo = dynamo;
        this.tables = tables;
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
