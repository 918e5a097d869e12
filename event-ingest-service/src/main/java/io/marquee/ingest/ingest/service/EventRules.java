package io.marquee.ingest.ingest.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.marquee.common.problem.Problem.FieldError;
import io.marquee.common.text.SafeText;
import io.marquee.ingest.config.AcceptConfig;
import io.marquee.ingest.kafka.IsoInstants;
import io.marquee.ingest.ingest.rest.ClientEvent;
import io.marquee.ingest.ingest.rest.EventBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What an event must be to be accepted: within the limits Amazon Personalize's PutEvents applies
 * (so the relay never meets a refusal it could have been spared), and tighter where our own
 * consumers need it (item ids as the catalog knows them, ids safe in keys and logs; free text such as
 * {@code page} and property values by common's {@code SafeText} rule, as names and reviews). Every problem
 * is reported as {@code events[i].field}, so a client fixes a batch in one round.
 */
@ApplicationScoped
public class EventRules {

    public static final int MAX_EVENTS = 100;
    /** Personalize: eventId, sessionId 1–256; ours are tighter so they are safe in keys and logs. */
    static final Token ID = new Token(Token.First.LETTER_OR_DIGIT, "_.:-", 128);
    /** As catalog-service's item ids: an item it cannot know would count for nothing. */
    static final Token ITEM_ID = new Token(Token.First.LETTER_OR_DIGIT, "_.:-", 64);
    static final Token EVENT_TYPE = new Token(Token.First.LETTER, "_-", 64);
    /** Personalize: recommendationId 1–40. */
    static final Token RECOMMENDATION_ID = new Token(Token.First.ANY_ALLOWED, "_.:-", 40);
    static final Token DEVICE = new Token(Token.First.ANY_ALLOWED, "_.-", 32);
    /** Personalize reads property names as the dataset's column names in camelCase. */
    static final Token PROPERTY_NAME = new Token(Token.First.LETTER, "_", 64);
    /** Personalize: impression 1–25 item ids. */
    static final int MAX_IMPRESSION = 25;
    /** Personalize: the properties JSON string is 1–1024 characters. */
    static final int MAX_PROPERTIES_JSON = 1024;
    static final int MAX_PAGE = 256;
    static final int MAX_PROPERTY_VALUE = 256;
    private static final String SAFE_TEXT = "without control, bidirectional or invisible characters";
    /** Personalize refuses these property names (case-insensitive): each has a member of its own. */
    static final Set<String> RESERVED_PROPERTIES = Set.of("userid", "sessionid", "eventtype", "timestamp",
            "recommendationid", "impression");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final AcceptConfig config;

    public EventRules(AcceptConfig config) {
        this.config = config;
    }

    /** Every problem of the batch, empty when it may be accepted. */
    public List<FieldError> check(EventBatch batch, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        if (batch == null || batch.events() == null) {
            errors.add(new FieldError("events", "is required: an array of 1 to " + MAX_EVENTS + " events"));
            return errors;
        }
        int size = batch.events().size();
        if (size < 1 || size > MAX_EVENTS) {
            errors.add(new FieldError("events", "must hold 1 to " + MAX_EVENTS + " events, not " + size));
            return errors;
        }
        Map<String, Integer> firstIndexOfId = new HashMap<>();
        Instant latest = now.plus(config.maxClockSkew());
        Instant earliest = now.minus(config.maxAge());
        for (int i = 0; i < size; i++) {
            // Field names ("events[3].itemId") are only built for a problem: most batches have none.
            ClientEvent e = batch.events().get(i);
            if (e == null) {
                errors.add(new FieldError(at(i, null), "must be an event object, not null"));
                continue;
            }
            requireMatch(errors, i, "eventId", e.eventId(), ID);
            if (e.eventId() != null) {
                Integer first = firstIndexOfId.putIfAbsent(e.eventId(), i);
                if (first != null) {
                    errors.add(new FieldError(at(i, "eventId"), "repeats events[" + first + "].eventId"));
                }
            }
            requireMatch(errors, i, "sessionId", e.sessionId(), ID);
            requireMatch(errors, i, "eventType", e.eventType(), EVENT_TYPE);
            requireMatch(errors, i, "itemId", e.itemId(), ITEM_ID);
            checkSentAt(errors, i, e.sentAt(), latest, earliest);
            if (e.eventValue() != null && (e.eventValue().isNaN() || e.eventValue().isInfinite())) {
                errors.add(new FieldError(at(i, "eventValue"), "must be a finite number"));
            }
            optionalMatch(errors, i, "recommendationId", e.recommendationId(), RECOMMENDATION_ID);
            if (e.impression() != null) {
                checkImpression(errors, at(i, "impression"), e.impression());
            }
            if (e.page() != null && (e.page().isEmpty() || e.page().length() > MAX_PAGE || !safeText(e.page()))) {
                errors.add(new FieldError(at(i, "page"), "must be 1 to " + MAX_PAGE + " characters " + SAFE_TEXT));
            }
            optionalMatch(errors, i, "device", e.device(), DEVICE);
            if (e.properties() != null) {
                checkProperties(errors, at(i, "properties"), e.properties());
            }
        }
        return errors;
    }

    /** Parses a {@code sentAt} that {@link #check} accepted. */
    public static Instant sentAt(ClientEvent event) {
        return IsoInstants.parse(event.sentAt());
    }

    private static String at(int i, String field) {
        return field == null ? "events[" + i + "]" : "events[" + i + "]." + field;
    }

    private void checkSentAt(List<FieldError> errors, int i, String value, Instant latest, Instant earliest) {
        if (value == null) {
            errors.add(new FieldError(at(i, "sentAt"), "is required: when it happened, ISO-8601 such as 2026-12-06T08:00:00Z"));
            return;
        }
        Instant at;
        try {
            at = IsoInstants.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(at(i, "sentAt"), "must be an ISO-8601 instant such as 2026-12-06T08:00:00Z"));
            return;
        }
        if (at.isAfter(latest)) {
            errors.add(new FieldError(at(i, "sentAt"), "lies more than " + config.maxClockSkew().toMinutes()
                    + " minutes in the future"));
        } else if (at.isBefore(earliest)) {
            errors.add(new FieldError(at(i, "sentAt"), "is more than " + config.maxAge().toDays()
                    + " days old: send history as a dataset import"));
        }
    }

    private static void checkImpression(List<FieldError> errors, String field, List<String> impression) {
        if (impression == null) {
            return;
        }
        if (impression.isEmpty() || impression.size() > MAX_IMPRESSION) {
            errors.add(new FieldError(field, "must hold 1 to " + MAX_IMPRESSION + " item ids"));
            return;
        }
        for (int j = 0; j < impression.size(); j++) {
            requireMatch(errors, field + "[" + j + "]", impression.get(j), ITEM_ID);
        }
    }

    private static void checkProperties(List<FieldError> errors, String field, Map<String, String> properties) {
        if (properties == null) {
            return;
        }
        if (properties.isEmpty()) {
            errors.add(new FieldError(field, "must not be empty; leave it out instead"));
            return;
        }
        boolean namesOk = true;
        for (Map.Entry<String, String> p : properties.entrySet()) {
            String name = p.getKey();
            boolean nameOk = PROPERTY_NAME.matches(name);
            String at = field + "." + (nameOk ? name : "<name>");
            if (!nameOk) {
                errors.add(new FieldError(at, "property names must match " + PROPERTY_NAME.pattern()));
                namesOk = false;
            } else if (RESERVED_PROPERTIES.contains(name.toLowerCase(Locale.ROOT))) {
                errors.add(new FieldError(at, "is reserved: it has a field of its own"));
                namesOk = false;
            }
            String value = p.getValue();
            if (value == null || value.isEmpty() || value.length() > MAX_PROPERTY_VALUE || !safeText(value)) {
                errors.add(new FieldError(at, "must be a string of 1 to " + MAX_PROPERTY_VALUE
                        + " characters " + SAFE_TEXT));
                namesOk = false;
            }
        }
        if (namesOk && propertiesJson(properties).length() > MAX_PROPERTIES_JSON) {
            errors.add(new FieldError(field, "must be at most " + MAX_PROPERTIES_JSON + " characters as JSON"));
        }
    }

    /** The properties as the JSON string PutEvents carries. */
    public static String propertiesJson(Map<String, String> properties) {
        try {
            return JSON.writeValueAsString(properties);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("string properties always serialize", e);
        }
    }

    private static void requireMatch(List<FieldError> errors, int i, String field, String value, Token pattern) {
        if (value == null) {
            errors.add(new FieldError(at(i, field), "is required"));
        } else {
            optionalMatch(errors, i, field, value, pattern);
        }
    }

    private static void optionalMatch(List<FieldError> errors, int i, String field, String value, Token pattern) {
        if (value != null && !pattern.matches(value)) {
            errors.add(new FieldError(at(i, field), "must match " + pattern.pattern()));
        }
    }

    private static void requireMatch(List<FieldError> errors, String field, String value, Token pattern) {
        if (value == null) {
            errors.add(new FieldError(field, "is required"));
        } else if (!pattern.matches(value)) {
            errors.add(new FieldError(field, "must match " + pattern.pattern()));
        }
    }

    /**
     * The platform's one rule for text people read back (common's {@code SafeText}, one line): pages
     * show as sessions' entry and exit pages, properties travel to the tracker.
     */
    private static boolean safeText(String s) {
        return SafeText.Validator.problem(s, false) == null;
    }
}
