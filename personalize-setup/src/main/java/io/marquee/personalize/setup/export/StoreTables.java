package io.marquee.personalize.setup.export;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * Items from catalog-service's table and users from user-service's, by paginated Scans that read
 * only the attributes a dataset needs (never an account's email or password hash). The attribute
 * names are the ones {@code ItemRepository} and {@code AccountRepository} write.
 */
final class StoreTables {

    private final DynamoDbClient dynamo;
    private final ExportSources sources;

    StoreTables(DynamoDbClient dynamo, ExportSources sources) {
        this.dynamo = dynamo;
        this.sources = sources;
    }

    /** Every item as ITEM_ID, GENRES ({@code |}-joined), YEAR and CREATION_TIMESTAMP. */
    void items(Consumer<SourceRow> rows) {
        scan(sources.itemsTable(), List.of("itemId", "genres", "year"), row -> {
            String id = string(row, "itemId");
            String key = "item " + (id == null ? "(no itemId)" : shorten(id));
            Map<String, String> values = new HashMap<>();
            values.put("ITEM_ID", id);
            AttributeValue genres = row.get("genres");
            if (genres != null) {
                if (!genres.hasL() || genres.l().stream().anyMatch(g -> g.s() == null)) {
                    return SourceRow.unreadable(key, "GENRES is not a list of strings");
                }
                List<String> names = genres.l().stream().map(AttributeValue::s).toList();
                if (names.stream().anyMatch(g -> g.contains(RowRules.CATEGORY_SEPARATOR))) {
                    return SourceRow.unreadable(key, "GENRES has a genre containing '|', Personalize's separator");
                }
                values.put("GENRES", String.join(RowRules.CATEGORY_SEPARATOR, names));
            }
            AttributeValue year = row.get("year");
            if (year != null) {
                Integer y = wholeNumber(year);
                if (y == null || y < 1 || y > 9999) {
                    return SourceRow.unreadable(key, "YEAR is not a year");
                }
                values.put("YEAR", Integer.toString(y));
                // As the devstack's demo files: an item is "created" on the first day of its release
                // year, which is what lets the recipes tell new titles from old ones.
                values.put("CREATION_TIMESTAMP",
                        Long.toString(LocalDate.of(y, 1, 1).atStartOfDay(ZoneOffset.UTC).toEpochSecond()));
            }
            return SourceRow.of(key, values);
        }, rows);
    }

    /** Every account as USER_ID, AGE and GENDER. */
    void users(Consumer<SourceRow> rows) {
        scan(sources.usersTable(), List.of("userId", "age", "gender"), row -> {
            String id = string(row, "userId");
            String key = "user " + (id == null ? "(no userId)" : shorten(id));
            Map<String, String> values = new HashMap<>();
            values.put("USER_ID", id);
            AttributeValue age = row.get("age");
            if (age != null) {
                Integer a = wholeNumber(age);
                if (a == null) {
                    return SourceRow.unreadable(key, "AGE is not an int");
                }
                values.put("AGE", Integer.toString(a));
            }
            AttributeValue gender = row.get("gender");
            if (gender != null) {
                if (gender.s() == null) {
                    return SourceRow.unreadable(key, "GENDER is not a string");
                }
                if (gender.s().contains(RowRules.CATEGORY_SEPARATOR)) {
                    return SourceRow.unreadable(key, "GENDER contains '|', Personalize's separator");
                }
                values.put("GENDER", gender.s());
            }
            return SourceRow.of(key, values);
        }, rows);
    }

    /** A paginated Scan reading only {@code attributes} (each behind a name placeholder: YEAR is a reserved word). */
    private void scan(String table, List<String> attributes, Function<Map<String, AttributeValue>, SourceRow> convert,
                      Consumer<SourceRow> rows) {
        Map<String, String> names = new LinkedHashMap<>();
        attributes.forEach(a -> names.put("#" + a, a));
        ScanRequest request = ScanRequest.builder().tableName(table)
                .projectionExpression(String.join(", ", names.keySet())).expressionAttributeNames(names).build();
        dynamo.scanPaginator(request).items().forEach(row -> rows.accept(convert.apply(row)));
    }

    private static String string(Map<String, AttributeValue> row, String name) {
        AttributeValue value = row.get(name);
        return value == null ? null : value.s();
    }

    /** An N attribute holding a whole number in int range, else null. */
    private static Integer wholeNumber(AttributeValue value) {
        if (value.n() == null) {
            return null;
        }
        try {
            return new BigDecimal(value.n()).intValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            return null;
        }
    }

    /** An id fit for a report line: at most 40 characters, control characters shown as '?'. */
    static String shorten(String id) {
        String printable = id.codePoints().map(c -> c < 0x20 || c == 0x7f ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return printable.length() > 40 ? printable.substring(0, 40) + "…" : printable;
    }
}
