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
import io.marquee.rating.service.RatingRules;
import io.marquee.sentiment.Label;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/** Review summaries, helpful votes and the moderation view. */
@ApplicationScoped
public class ReviewService {

    private static final String MODERATION_SCOPE = "moderation";

    private final RatingRepository repository;
    private final RatingsConfig config;
    private final SummaryCache summaries;

    public ReviewService(RatingRepository repository, RatingsConfig config, SummaryCache summaries) {
        this.repository = repository;
        this.config = config;
        this.summaries = summaries;
    }

    /**
     * The item's summary: counts per label from the summary table (moved in the same transaction as
     * every labelled write), the most helpful excerpts from the helpful index; kept briefly in
     * {@link SummaryCache}.
     */
    @CacheResult(cacheName = SummaryCache.NAME)
    public ReviewSummary summary(String itemId) {
        Map<Label, Long> counts = repository.summaryCounts(itemId);
        long positive = counts.get(Label.POSITIVE);
        long negative = counts.get(Label.NEGATIVE);
        long neutral = counts.get(Label.NEUTRAL);
        long total = positive + negative + neutral;
        return new ReviewSummary(itemId, total, positive, negative, neutral, share(positive, total),
                share(negative, total), excerpt(repository.mostHelpful(itemId, Label.POSITIVE)),
                excerpt(repository.mostHelpful(itemId, Label.NEGATIVE)));
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

    private ReviewSummary.Excerpt excerpt(Optional<RatingRow> row) {
        if (row.isEmpty() || row.get().review() == null || row.get().sentiment() == null) {
            return null;
        }
        RatingRow r = row.get();
        String text = r.review();
        int max = config.sentiment().excerptLength();
        boolean truncated = text.codePointCount(0, text.length()) > max;
        if (truncated) {
            String head = text.substring(0, text.offsetByCodePoints(0, max));
            int space = head.lastIndexOf(' ');
            // Cut at the last word boundary unless that throws most of the excerpt away.
            text = (space > max / 2 ? head.substring(0, space) : head).strip() + "…";
        }
        return new ReviewSummary.Excerpt(r.userId(), r.rating(), text, truncated, r.helpful(), r.sentiment().score(),
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
