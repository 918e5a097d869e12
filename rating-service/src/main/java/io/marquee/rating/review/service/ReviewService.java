package io.marquee.rating.review.service;

import io.quarkus.cache.CacheResult;
import io.marquee.common.problem.Problem;
import io.marquee.common.problem.ProblemException;
import io.marquee.common.web.PageCursor;
import io.marquee.common.web.QueryNumbers;
import io.marquee.rating.config.RatingsConfig;
import io.marquee.rating.repository.ConcurrentChangeException;
import io.marquee.rating.repository.RatingRepository;
import io.marquee.rating.repository.RatingRow;
import io.marquee.rating.repository.StoredSummary;
import io.marquee.rating.repository.TopReview;
import io.marquee.rating.service.RatingRules;
import io.marquee.sentiment.Label;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/** Review summaries, helpful votes and the moderation view. */
@ApplicationScoped
public class ReviewService {

    private static final String MODERATION_SCOPE = "moderation";
    /** The labels whose most helpful review a summary shows. */
    private static final List<Label> SHOWN = List.of(Label.POSITIVE, Label.NEGATIVE);

    private final RatingRepository repository;
    private final RatingsConfig config;
    private final SummaryCache summaries;
    private final Clock clock = Clock.systemUTC();

    public ReviewService(RatingRepository repository, RatingsConfig config, SummaryCache summaries) {
        this.repository = repository;
        this.config = config;
        this.summaries = summaries;
    }

    /**
     * The item's summary, usually from its one summary row (ADR 0041): the counters (moved in the
     * same transaction as every labelled write) and the most helpful reviews kept there at the
     * row's current revision. Only when the revision moved since they were kept (or they aged
     * past {@code ratings.summaries.top-max-age}) are they derived again from the helpful index,
     * two more reads, and kept for the next reader. Kept briefly per replica in {@link SummaryCache}.
     */
    @CacheResult(cacheName = SummaryCache.NAME)
    public ReviewSummary summary(String itemId) {
        StoredSummary stored = repository.summary(itemId);
        // No row: no labelled review of the item was ever counted, so there is nothing to show
        // and nothing to look up (most titles of a catalog).
        Map<Label, TopReview> top = stored.exists() ? topReviews(itemId, stored) : Map.of();
        long positive = stored.counts().get(Label.POSITIVE);
        long negative = stored.counts().get(Label.NEGATIVE);
        long neutral = stored.counts().get(Label.NEUTRAL);
        long total = positive + negative + neutral;
        return new ReviewSummary(itemId, total, positive, negative, neutral, share(positive, total),
                share(negative, total), excerpt(top.get(Label.POSITIVE)), excerpt(top.get(Label.NEGATIVE)));
    }

    /** The most helpful review of each shown label: as kept on the row when current, else derived and kept. */
    private Map<Label, TopReview> topReviews(String itemId, StoredSummary stored) {
        Instant now = clock.instant();
        RatingsConfig.Summaries settings = config.summaries();
        if (stored.topCurrent(now, settings.topMaxAge())) {
            return stored.top();
        }
        Map<Label, TopReview> derived = new EnumMap<>(Label.class);
        for (Label label : SHOWN) {
            repository.mostHelpful(itemId, label).flatMap(TopReview::of).ifPresent(review -> derived.put(label, review));
        }
        // Kept only once the change is old enough for the index to show it (DynamoDB's indexes are
        // eventually consistent): kept too early, a lagging index's answer would stand until the
        // next change. Conditional on the revision read, so a change committed meanwhile wins.
        if (stored.settled(now, settings.topSettle())) {
            repository.keepTop(itemId, stored.revision(), derived, now);
        }
        return derived;
    }

    /**
     * Marks ({@code add}) or unmarks {@code authorId}'s review of the item as helpful for
     * {@code voterId}. One vote per user and review, never on one's own; repeating either is a no-op.
     * Two parallel votes both count: each is one guarded transaction, and the loser re-reads and retries.
     */
    public HelpfulVotes vote(String itemId, String authorId, String voterId, boolean add) {
        if (!RatingRules.USER_ID.matcher(authorId).matches()) {
            throw ProblemException.invalid("authorId", "must be a user id");
        }
        if (authorId.equals(voterId)) {
            throw new ProblemException(403, "Forbidden", "You cannot vote on your own review",
                    List.of(new Problem.FieldError("authorId", "is you")));
        }
        for (int attempt = 1; ; attempt++) {
            Optional<RatingRow> found = repository.find(authorId, itemId);
            if (found.isEmpty() || found.get().review() == null) {
                throw ProblemException.notFound("User " + authorId + " has no review of item " + itemId);
            }
            RatingRow review = found.get();
            try {
                boolean changed = repository.vote(review, voterId, add);
                if (changed) {
                    summaries.changed(itemId);
                }
                int count = changed ? Math.max(0, review.helpful() + (add ? 1 : -1)) : review.helpful();
                return new HelpfulVotes(itemId, authorId, count, add);
            } catch (ConcurrentChangeException e) {
                backOff(attempt, itemId);
            }
        }
    }

    /** Reviews flagged for moderation, newest first, from raw query parameters. */
    public ModerationEntry.Page moderation(String limit, String cursor) {
        int max = config.page().maxSize();
        int size = config.page().defaultSize();
        List<Problem.FieldError> errors = new java.util.ArrayList<>();
        if (limit != null && !limit.isEmpty()) {
            Integer parsed = QueryNumbers.inRange(limit, 1, max);
            if (parsed == null) {
                errors.add(new Problem.FieldError("limit", "must be a whole number from 1 to " + max));
            } else {
                size = parsed;
            }
        }
        String after = null;
        if (cursor != null && !cursor.isEmpty()) {
            try {
                after = PageCursor.decode(cursor, MODERATION_SCOPE, ReviewService::isFlagKey);
            } catch (ProblemException e) {
                errors.addAll(e.errors());
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        RatingRepository.Page page = repository.flagged(after, size);
        String next = page.lastKey() == null ? null : new PageCursor(MODERATION_SCOPE, page.lastKey()).encode();
        return new ModerationEntry.Page(page.ratings().stream().map(ModerationEntry::of).toList(), next);
    }

    private static boolean isFlagKey(String key) {
        if (!RatingRepository.isFlagKey(key)) {
            return false;
        }
        String ids = key.substring(14);
        int slash = ids.indexOf('/');
        return RatingRules.USER_ID.matcher(ids.substring(0, slash)).matches()
                && ids.substring(slash + 1).matches(RatingRules.ITEM_ID_REGEX);
    }

    private ReviewSummary.Excerpt excerpt(TopReview r) {
        if (r == null) {
            return null;
        }
        String text = r.review();
        int max = config.sentiment().excerptLength();
        boolean truncated = text.codePointCount(0, text.length()) > max;
        if (truncated) {
            String head = text.substring(0, text.offsetByCodePoints(0, max));
            int space = head.lastIndexOf(' ');
            // Cut at the last word boundary unless that throws most of the excerpt away.
            text = (space > max / 2 ? head.substring(0, space) : head).strip() + "…";
        }
        return new ReviewSummary.Excerpt(r.userId(), r.rating(), text, truncated, r.helpful(), r.score(),
                r.updatedAt());
    }

    private static double share(long part, long total) {
        return total == 0 ? 0 : Math.round(part * 1000.0 / total) / 1000.0;
    }

    private void backOff(int attempt, String itemId) {
        if (attempt >= config.write().maxAttempts()) {
            throw ProblemException.conflict("The review of " + itemId + " is being changed concurrently; try again");
        }
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 5L * Math.min(attempt, 10) + 2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a vote", e);
        }
    }
}
