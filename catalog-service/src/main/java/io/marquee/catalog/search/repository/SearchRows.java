package io.marquee.catalog.search.repository;

import io.marquee.catalog.item.service.Item;
import io.marquee.catalog.search.service.SearchText;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The rows of the title index ({@code catalog-search}) for one item: one per distinct word of
 * the title, partition = the word's first two characters ({@link SearchText#partitionOf}), sort
 * key = {@code word#itemId}. Whole words and prefixes are both {@code begins_with} range queries
 * on one partition. Each row carries what a result needs (title, year, genres) and the title's
 * words, so ranking needs no further read of the item.
 */
final class SearchRows {

    static final String PARTITION = "part";
    static final String TERM = "term";
    static final String ITEM_ID = "itemId";
    static final String TITLE = "title";
    static final String YEAR = "year";
    static final String GENRES = "genres";
    static final String WORDS = "words";

    private SearchRows() {
    }

    /** A row's primary key. */
    record Key(String partition, String term) {

        public Map<String, AttributeValue> attributes() {
            return Map.of(PARTITION, AttributeValue.fromS(partition), TERM, AttributeValue.fromS(term));
        }
    }

    /** Every index row {@code item} calls for, by key. */
    static Map<Key, Map<String, AttributeValue>> of(Item item) {
        String words = String.join(" ", SearchText.words(item.title()));
        Map<Key, Map<String, AttributeValue>> rows = new LinkedHashMap<>();
        for (String word : SearchText.indexedWords(item.title())) {
            Key key = new Key(SearchText.partitionOf(word), word + "#" + item.id());
            Map<String, AttributeValue> row = new HashMap<>(key.attributes());
            row.put(ITEM_ID, AttributeValue.fromS(item.id()));
            row.put(TITLE, AttributeValue.fromS(item.title()));
            if (item.year() != null) {
                row.put(YEAR, AttributeValue.fromN(item.year().toString()));
            }
            row.put(GENRES, AttributeValue.fromL(item.genres().stream().map(AttributeValue::fromS).toList()));
            row.put(WORDS, AttributeValue.fromS(words));
            rows.put(key, row);
        }
        return rows;
    }

    static List<String> genres(Map<String, AttributeValue> row) {
        AttributeValue value = row.get(GENRES);
        return value == null || !value.hasL() ? List.of() : value.l().stream().map(AttributeValue::s).toList();
    }
}
