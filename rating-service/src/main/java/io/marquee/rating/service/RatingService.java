package io.marquee.rating.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.marquee.common.events.InteractionEvent;
import io.marquee.common.events.RatingEvent;
import io.marquee.common.problem.Problem;
import io.marquee.common.problem.ProblemException;
import io.marquee.common.web.PageCursor;
import io.marquee.common.web.QueryNumbers;
import io.marquee.rating.client.KnownItems;
import io.marquee.rating.config.RatingsConfig;
import io.marquee.rating.events.OutboxPublisher;
import io.marquee.rating.repository.ConcurrentChangeException;
import io.marquee.rating.repository.RatingRepository;
import io.marquee.rating.repository.RatingRow;
import io.marquee.rating.repository.SummaryChange;
import io.marquee.rating.review.service.ReviewLabeller;
import io.marquee.rating.review.service.SummaryCache;
import io.marquee.sentiment.Label;
import io.marquee.sentiment.Sentiment;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

/**
 * Reading and changing ratings. Every change is committed together with its outbox row (the
 * {@code ratings} event carrying the exact previous value, and the {@code interactions} event),
 * then published right away; see {@link OutboxPublisher}.
 */
@ApplicationScoped
public class RatingService {

    /**
     * The {@code sessionId} of {@code rate} interactions: a rating is made through the API, not in
     * a tracked browsing session, and Personalize requires some session id.
     */
    static final String SESSION_PREFIX = "ratings:";

    private final SummaryCache summaries;
    private final RatingRepository repository;
    private final KnownItems knownItems;
    private final OutboxPublisher publisher;
    private final RatingsConfig config;
    private final ObjectMapper json;
    private final ReviewLabeller labeller;
    private final Clock clock = Clock.systemUTC();

    public RatingService(RatingRepository repository, KnownItems knownItems, OutboxPublisher publisher,
                         RatingsConfig config, ObjectMapper json, ReviewLabeller labeller, SummaryCache summaries) {
        this.repository = repository;
        this.summaries = summaries;
        this.labeller = labeller;
        this.knownItems = knownItems;
        this.publisher = publisher;
        this.config = config;
        this.json = json;
    }

    public Rating get(String userId, String itemId) {
        return repository.find(userId, itemId).map(Rating::of)
                .orElseThrow(() -> ProblemException.notFound("You have not rated item " + itemId));
    }

    /**
     * Creates or replaces the user's rating of an item the catalog knows (request already validated).
     * A write that lost a race re-reads and retries, so the previous value published is always
     * the one really replaced.
     */
    public WriteResult put(String userId, String itemId, BigDecimal rating, String review) {
        knownItems.require(itemId);
        String text = RatingRules.normalizeReview(review);
        double value = rating.doubleValue();
        // Labelled once, before the retry loop: the analyzer may be a remote service.
        Sentiment sentiment = labeller.label(text);
        List<String> flags = labeller.flags(value, sentiment);
        for (int attempt = 1; ; attempt++) {
            Optional<RatingRow> previous = repository.find(userId, itemId);
            // The change's number, computed once: the event carries it and the commit moves the
            // user's head to it (only if nobody else did first).
            long sequence = repository.head(userId) + 1;
            Instant now = now();
            RatingRow next = new RatingRow(userId, itemId, value, text,
                    previous.map(RatingRow::ratedAt).orElse(now), now, previous.map(p -> p.version() + 1).orElse(1L),
                    sentiment, previous.map(RatingRow::helpful).orElse(0), flags);
            // Numbered with the change's own outbox sequence: a copy published again carries the
            // same number, so consumers can recognise it whatever its Kafka offset.
            RatingEvent event = new RatingEvent(UUID.randomUUID().toString(), userId, itemId, value,
                    previous.map(RatingRow::rating).orElse(null), text != null, now).withSequence(sequence);
            if (sentiment != null) {
                event = event.withSentiment(sentiment.label().wire(), sentiment.score());
            }
            InteractionEvent interaction = InteractionEvent.of(UUID.randomUUID().toString(), userId,
                    SESSION_PREFIX + userId, itemId, InteractionEvent.RATE, value, now);
            SummaryChange summary = SummaryChange.between(previous.map(RatingRow::sentiment).orElse(null), sentiment);
            try {
                repository.commit(userId, itemId, previous, Optional.of(next), sequence, write(event), write(interaction),
                        now, summary);
            } catch (ConcurrentChangeException e) {
                retryAfter(attempt, itemId);
                continue;
            }
            summaries.changed(itemId);
            publisher.publishSoon(userId);
            return new WriteResult(Rating.of(next), previous.isEmpty());
        }
    }

    /**
     * Deletes the user's rating of an item; nothing to delete is fine (DELETE is idempotent) and
     * publishes nothing. A delete publishes a {@code ratings} event with a null rating and no
     * {@code interactions} event: there is no "unrate" interaction to learn from.
     */
    public void delete(String userId, String itemId) {
        for (int attempt = 1; ; attempt++) {
            Optional<RatingRow> previous = repository.find(userId, itemId);
            if (previous.isEmpty()) {
                return;
            }
            long sequence = repository.head(userId) + 1;
            Instant now = now();
            RatingEvent event = new RatingEvent(UUID.randomUUID().toString(), userId, itemId, null,
                    previous.get().rating(), false, now).withSequence(sequence);
            try {
                repository.commit(userId, itemId, previous, Optional.empty(), sequence, write(event), null, now,
                        SummaryChange.between(previous.get().sentiment(), null));
            } catch (ConcurrentChangeException e) {
                retryAfter(attempt, itemId);
                continue;
            }
            summaries.changed(itemId);
            publisher.publishSoon(userId);
            return;
        }
    }

    /** The user's ratings, newest change first, from raw query parameters. */
    public RatingPage mine(String userId, String limit, String cursor) {
        String query = "me:" + userId;
        int size = pageSize(limit, cursor, query);
        String after = present(cursor) ? PageCursor.decode(cursor, query, RatingService::isIndexKey) : null;
        return page(repository.byUser(userId, after, size), query);
    }

    /** The item's ratings with a review, newest change first, from raw query parameters. */
    public RatingPage reviews(String itemId, String limit, String cursor) {
        return reviews(itemId, null, limit, cursor);
    }

    /**
     * The item's reviews, newest change first, only those labelled {@code sentiment} when it is
     * given ({@code positive}, {@code negative} or {@code neutral}), from raw query parameters.
     */
    public RatingPage reviews(String itemId, String sentiment, String limit, String cursor) {
        if (!present(sentiment)) {
            String query = "item:" + itemId;
            int size = pageSize(limit, cursor, query);
            String after = present(cursor) ? PageCursor.decode(cursor, query, RatingService::isIndexKey) : null;
            return page(repository.reviews(itemId, after, size), query);
        }
        Label label = Label.fromWire(sentiment);
        String query = "item:" + itemId + ":" + sentiment;
        Predicate<String> position = k -> RatingRepository.isSentimentKey(k) && k.startsWith(sentiment + "#")
                && isIndexKey(k.substring(k.indexOf('#') + 1));
        int size = pageSize(limit, label == null ? null : cursor, query, position,
                label == null ? new Problem.FieldError("sentiment", "must be one of positive, negative, neutral") : null);
        String after = present(cursor) ? PageCursor.decode(cursor, query, position) : null;
        return page(repository.reviews(itemId, label, after, size), query);
    }

    private static RatingPage page(RatingRepository.Page page, String query) {
        String next = page.lastKey() == null ? null : new PageCursor(query, page.lastKey()).encode();
        return new RatingPage(page.ratings().stream().map(Rating::of).toList(), next);
    }

    /** The page size, reporting a bad limit and a bad cursor together. */
    private int pageSize(String limit, String cursor, String query) {
        return pageSize(limit, cursor, query, RatingService::isIndexKey, null);
    }

    /**
     * The page size, reporting a bad limit, a bad cursor (one whose position fails {@code position})
     * and {@code other} (if not null) together.
     */
    private int pageSize(String limit, String cursor, String query, Predicate<String> position,
                         Problem.FieldError other) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (other != null) {
            errors.add(other);
        }
        int max = config.page().maxSize();
        int size = config.page().defaultSize();
        if (present(limit)) {
            Integer parsed = QueryNumbers.inRange(limit, 1, max);
            if (parsed == null) {
                errors.add(new Problem.FieldError("limit", "must be a whole number from 1 to " + max));
            } else {
                size = parsed;
            }
        }
        if (present(cursor)) {
            try {
                PageCursor.decode(cursor, query, position);
            } catch (ProblemException e) {
                errors.addAll(e.errors());
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return size;
    }

    private void retryAfter(int attempt, String itemId) {
        if (attempt >= config.write().maxAttempts()) {
            throw ProblemException.conflict("Your rating of " + itemId + " is being changed concurrently; try again");
        }
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 5L * Math.min(attempt, 10) + 2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a write", e);
        }
    }

    private String write(Object event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("events are always serializable", e);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static boolean present(String parameter) {
        return parameter != null && !parameter.isEmpty();
    }

    /**
     * A cursor's position is an index key of a rating row whose id part is an item or user id
     * (queries are {@code me:<userId>} or {@code item:<itemId>}, so another user's cursor is refused).
     */
    private static boolean isIndexKey(String position) {
        if (!RatingRepository.isIndexKey(position)) {
            return false;
        }
        String id = position.substring(14);
        return id.matches(RatingRules.ITEM_ID_REGEX) || RatingRules.USER_ID.matcher(id).matches();
    }
}
