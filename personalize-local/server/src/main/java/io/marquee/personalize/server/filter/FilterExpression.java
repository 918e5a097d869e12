package io.marquee.personalize.server.filter;

import io.marquee.personalize.engine.Interaction;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A parsed filter in Personalize's expression language. Grammar (keywords in any case):
 * <pre>
 *   filter     := expression ( '|' expression )*
 *   expression := ( INCLUDE | EXCLUDE ) ItemID WHERE condition ( AND condition )*
 *                 [ IF condition ( AND condition )* ]
 *   condition  := column operator operand
 *   column     := ( Items | Interactions | CurrentUser ) '.' NAME
 *   operator   := IN | NOT IN | '=' | '!=' | '&lt;' | '&gt;' | '&lt;=' | '&gt;='
 *   operand    := '(' value ( ',' value )* ')' | value          (a list only after IN / NOT IN)
 *   value      := "string" | number | $PARAM | CurrentItem '.' NAME
 * </pre>
 * An item passes when every INCLUDE expression matches it and no EXCLUDE expression does. An
 * expression matches when its Items conditions hold for the item and, if it has Interactions
 * conditions, the user has an interaction with the item meeting all of them. An IF clause on the
 * user's own fields switches its expression off when it does not hold. Multi-valued item
 * fields ({@code "Action|Comedy"}) match IN and = when any of their values does.
 */
public final class FilterExpression {

    enum Source { ITEMS, INTERACTIONS, CURRENT_USER }

    enum Operator { IN, NOT_IN, EQ, NE, LT, GT, LE, GE }

    /** A value before binding: a literal, a {@code $PARAM}, or a field of the current item. */
    record Value(String literal, String param, String currentItemField) {
    }

    record Condition(Source source, String column, Operator operator, List<Value> values) {
    }

    record Expression(boolean include, List<Condition> where, List<Condition> when) {
    }

    private final List<Expression> expressions;

    private FilterExpression(List<Expression> expressions) {
        this.expressions = List.copyOf(expressions);
    }

    /** Parses an expression; {@link FilterSyntaxException} says what is wrong and where. */
    public static FilterExpression parse(String text) {
        return new FilterExpression(new Parser(Tokenizer.tokenize(text)).filter());
    }

    /** The {@code $PARAM} names the expression uses. */
    public Set<String> parameters() {
        Set<String> names = new LinkedHashSet<>();
        for (Expression e : expressions) {
            for (List<Condition> conditions : List.of(e.where(), e.when())) {
                for (Condition c : conditions) {
                    for (Value v : c.values()) {
                        if (v.param() != null) {
                            names.add(v.param());
                        }
                    }
                }
            }
        }
        return names;
    }

    /** What a request knows when it applies a filter. */
    public record Context(Map<String, List<String>> params, List<Interaction> history,
                          Function<String, Map<String, String>> items, Map<String, String> user,
                          Map<String, String> currentItem) {
    }

    /**
     * Binds the expression to one request: parameters must all have values
     * ({@link IllegalArgumentException} names the first missing one).
     */
    public Predicate<String> bind(Context context) {
        for (String param : parameters()) {
            if (!context.params().containsKey(param)) {
                throw new IllegalArgumentException("filterValues has no value for $" + param
                        + ", which the filter uses");
            }
        }
        List<Predicate<String>> active = new ArrayList<>();
        for (Expression e : expressions) {
            // Values are resolved once per request, not once per history event or candidate item.
            if (!e.when().stream().allMatch(c -> bound(c, context).test(fieldOf(context.user(), c.column())))) {
                continue;
            }
            List<Bound> itemConditions = e.where().stream().filter(c -> c.source() == Source.ITEMS)
                    .map(c -> bound(c, context)).toList();
            List<Bound> interactionConditions = e.where().stream().filter(c -> c.source() == Source.INTERACTIONS)
                    .map(c -> bound(c, context)).toList();
            Set<String> interacted = null;
            if (!interactionConditions.isEmpty()) {
                interacted = new HashSet<>();
                for (Interaction i : context.history()) {
                    if (allMatch(interactionConditions, i)) {
                        interacted.add(i.itemId());
                    }
                }
            }
            Set<String> fromInteractions = interacted;
            Predicate<String> matches = item -> {
                if (fromInteractions != null && !fromInteractions.contains(item)) {
                    return false;
                }
                if (itemConditions.isEmpty()) {
                    return true;
                }
                Map<String, String> fields = context.items().apply(item);
                for (Bound b : itemConditions) {
                    String value = "ITEM_ID".equals(b.condition().column()) ? item : fieldOf(fields, b.condition().column());
                    if (!b.test(value)) {
                        return false;
                    }
                }
                return true;
            };
            active.add(e.include() ? matches : matches.negate());
        }
        if (active.isEmpty()) {
            return item -> true;
        }
        if (active.size() == 1) {
            return active.get(0);
        }
        return item -> {
            for (Predicate<String> p : active) {
                if (!p.test(item)) {
                    return false;
                }
            }
            return true;
        };
    }

    private static boolean allMatch(List<Bound> conditions, Interaction i) {
        for (Bound b : conditions) {
            if (!b.test(interactionField(i, b.condition().column()))) {
                return false;
            }
        }
        return true;
    }

    /** A condition with its values resolved for one request (their numeric readings too). */
    private record Bound(Condition condition, List<String> expected, Double[] expectedNumbers) {

        boolean test(String actual) {
            Operator op = condition.operator();
            if (actual == null) {
                // A missing value is in no list, and not equal to anything.
                return op == Operator.NOT_IN || op == Operator.NE;
            }
            return switch (op) {
                case IN, EQ -> anyPartMatches(actual);
                case NOT_IN, NE -> !anyPartMatches(actual);
                case LT, GT, LE, GE -> !expected.isEmpty() && compare(op, actual, expected.get(0));
            };
        }

        /**
         * Whether any '|'-separated part of the value equals an expected value (as text or as a
         * number). Parts as {@code String.split} gives them: trailing empty parts do not count.
         */
        private boolean anyPartMatches(String value) {
            String actual = value;
            if (!actual.isEmpty()) {
                int end = actual.length();
                while (end > 0 && actual.charAt(end - 1) == '|') {
                    end--;
                }
                if (end == 0) {
                    return false;
                }
                actual = actual.substring(0, end);
            }
            int from = 0;
            while (true) {
                int bar = actual.indexOf('|', from);
                String part = bar < 0 ? (from == 0 ? actual : actual.substring(from)) : actual.substring(from, bar);
                if (matches(part)) {
                    return true;
                }
                if (bar < 0) {
                    return false;
                }
                from = bar + 1;
            }
        }

        private boolean matches(String part) {
            Double number = null;
            boolean parsed = false;
            for (int k = 0; k < expected.size(); k++) {
                if (part.equals(expected.get(k))) {
                    return true;
                }
                Double y = expectedNumbers[k];
                if (y != null) {
                    if (!parsed) {
                        number = number(part);
                        parsed = true;
                    }
                    if (number != null && number.doubleValue() == y.doubleValue()) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    private static Bound bound(Condition c, Context context) {
        List<String> expected = resolve(c, context);
        Double[] numbers = new Double[expected.size()];
        for (int k = 0; k < numbers.length; k++) {
            numbers[k] = number(expected.get(k));
        }
        return new Bound(c, expected, numbers);
    }

    private static String fieldOf(Map<String, String> fields, String column) {
        return fields == null ? null : fields.get(column);
    }

    private static String interactionField(Interaction i, String column) {
        return switch (column) {
            case "EVENT_TYPE" -> i.eventType();
            case "EVENT_VALUE" -> Double.isNaN(i.eventValue()) ? null : String.valueOf(i.eventValue());
            case "ITEM_ID" -> i.itemId();
            case "USER_ID" -> i.userId();
            default -> null;
        };
    }

    private static List<String> resolve(Condition c, Context context) {
        List<String> values = new ArrayList<>();
        for (Value v : c.values()) {
            if (v.literal() != null) {
                values.add(v.literal());
            } else if (v.param() != null) {
                values.addAll(context.params().get(v.param()));
            } else if (context.currentItem() != null) {
                String field = context.currentItem().get(v.currentItemField());
                if (field != null) {
                    values.addAll(List.of(field.split("\\|")));
                }
            }
        }
        return values;
    }

    private static boolean compare(Operator op, String actual, String expected) {
        Double x = number(actual);
        Double y = number(expected);
        int cmp = x != null && y != null ? Double.compare(x, y) : actual.compareTo(expected);
        return switch (op) {
            case LT -> cmp < 0;
            case GT -> cmp > 0;
            case LE -> cmp <= 0;
            case GE -> cmp >= 0;
            default -> false;
        };
    }

    private static Double number(String text) {
        String t = text.strip();
        // Most values compared are words ("watch", "Comedy"): a thrown NumberFormatException per
        // comparison cost more than the rest of a request. Only text that can start a Java number
        // (digits, sign, point, NaN, Infinity) is parsed.
        if (t.isEmpty()) {
            return null;
        }
        char first = t.charAt(0);
        if (!(first >= '0' && first <= '9') && first != '-' && first != '+' && first != '.' && first != 'N'
                && first != 'I') {
            return null;
        }
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * Parses a {@code filterValues} entry: one or more comma-separated values, each a quoted
     * string ({@code "\"Comedy\",\"Drama\""}) or a bare number.
     */
    public static List<String> parseValues(String raw) {
        List<String> values = new ArrayList<>();
        List<Token> tokens;
        try {
            tokens = Tokenizer.tokenize(raw);
        } catch (FilterSyntaxException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
        int i = 0;
        while (true) {
            Token t = tokens.get(i);
            if (t.is(Token.Type.STRING) || t.is(Token.Type.NUMBER)) {
                values.add(t.text());
            } else {
                throw new IllegalArgumentException("must be quoted strings separated by commas, like "
                        + "\"\\\"Comedy\\\",\\\"Drama\\\"\"");
            }
            i++;
            if (tokens.get(i).is(Token.Type.END)) {
                return values;
            }
            if (!tokens.get(i).is(Token.Type.COMMA)) {
                throw new IllegalArgumentException("must be quoted strings separated by commas");
            }
            i++;
        }
    }

    /** Recursive descent over the grammar above. */
    private static final class Parser {

        private final List<Token> tokens;
        private int at;

        Parser(List<Token> tokens) {
            this.tokens = tokens;
        }

        private Token peek() {
            return tokens.get(at);
        }

        private Token next() {
            return tokens.get(at++);
        }

        private FilterSyntaxException error(String expected) {
            Token t = peek();
            String found = t.is(Token.Type.END) ? "the end of the expression" : "'" + t.text() + "'";
            return new FilterSyntaxException("expected " + expected + " at position " + t.position() + ", found "
                    + found);
        }

        private void expectWord(String word) {
            if (!peek().isWord(word)) {
                throw error(word);
            }
            next();
        }

        List<Expression> filter() {
            List<Expression> expressions = new ArrayList<>();
            expressions.add(expression());
            while (peek().is(Token.Type.PIPE)) {
                next();
                expressions.add(expression());
            }
            if (!peek().is(Token.Type.END)) {
                throw error("'|', AND, IF or the end of the expression");
            }
            return expressions;
        }

        private Expression expression() {
            boolean include;
            if (peek().isWord("INCLUDE")) {
                include = true;
            } else if (peek().isWord("EXCLUDE")) {
                include = false;
            } else {
                throw error("INCLUDE or EXCLUDE");
            }
            next();
            expectWord("ItemID");
            expectWord("WHERE");
            List<Condition> where = new ArrayList<>();
            where.add(condition(false));
            while (peek().isWord("AND")) {
                next();
                where.add(condition(false));
            }
            List<Condition> when = new ArrayList<>();
            if (peek().isWord("IF")) {
                next();
                when.add(condition(true));
                while (peek().isWord("AND")) {
                    next();
                    when.add(condition(true));
                }
            }
            return new Expression(include, where, when);
        }

        private Condition condition(boolean userCondition) {
            Token datasetToken = peek();
            if (!datasetToken.is(Token.Type.WORD)) {
                throw error(userCondition ? "CurrentUser.<field>" : "Items.<field> or Interactions.<field>");
            }
            next();
            Source source;
            if (!userCondition && datasetToken.isWord("Items")) {
                source = Source.ITEMS;
            } else if (!userCondition && datasetToken.isWord("Interactions")) {
                source = Source.INTERACTIONS;
            } else if (userCondition && datasetToken.isWord("CurrentUser")) {
                source = Source.CURRENT_USER;
            } else {
                at--;
                throw error(userCondition ? "CurrentUser.<field> after IF" : "Items.<field> or Interactions.<field>");
            }
            if (!peek().is(Token.Type.DOT)) {
                throw error("'.'");
            }
            next();
            if (!peek().is(Token.Type.WORD)) {
                throw error("a field name");
            }
            String column = next().text().toUpperCase(Locale.ROOT);
            if (source == Source.INTERACTIONS && !Set.of("EVENT_TYPE", "EVENT_VALUE", "ITEM_ID").contains(column)) {
                at--;
                throw error("EVENT_TYPE or EVENT_VALUE after Interactions.");
            }
            Operator operator = operator();
            List<Value> values = new ArrayList<>();
            if (operator == Operator.IN || operator == Operator.NOT_IN) {
                if (!peek().is(Token.Type.LPAREN)) {
                    throw error("'(' starting the list of values");
                }
                next();
                values.add(value());
                while (peek().is(Token.Type.COMMA)) {
                    next();
                    values.add(value());
                }
                if (!peek().is(Token.Type.RPAREN)) {
                    throw error("',' or ')'");
                }
                next();
            } else {
                values.add(value());
            }
            return new Condition(source, column, operator, values);
        }

        private Operator operator() {
            Token t = peek();
            if (t.isWord("IN")) {
                next();
                return Operator.IN;
            }
            if (t.isWord("NOT")) {
                next();
                expectWord("IN");
                return Operator.NOT_IN;
            }
            if (t.is(Token.Type.OPERATOR)) {
                next();
                return switch (t.text()) {
                    case "=" -> Operator.EQ;
                    case "!=" -> Operator.NE;
                    case "<" -> Operator.LT;
                    case ">" -> Operator.GT;
                    case "<=" -> Operator.LE;
                    case ">=" -> Operator.GE;
                    default -> throw new FilterSyntaxException("unknown operator " + t.text());
                };
            }
            throw error("IN, NOT IN, =, !=, <, >, <= or >=");
        }

        private Value value() {
            Token t = peek();
            switch (t.type()) {
                case STRING, NUMBER -> {
                    next();
                    return new Value(t.text(), null, null);
                }
                case PARAM -> {
                    next();
                    return new Value(null, t.text(), null);
                }
                case WORD -> {
                    if (t.isWord("CurrentItem")) {
                        next();
                        if (!peek().is(Token.Type.DOT)) {
                            throw error("'.' after CurrentItem");
                        }
                        next();
                        if (!peek().is(Token.Type.WORD)) {
                            throw error("a field name after CurrentItem.");
                        }
                        return new Value(null, null, next().text().toUpperCase(Locale.ROOT));
                    }
                    throw error("a quoted string, a number, a $PARAMETER or CurrentItem.<field>");
                }
                default -> throw error("a quoted string, a number, a $PARAMETER or CurrentItem.<field>");
            }
        }
    }
}
