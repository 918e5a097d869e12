package io.marquee.user.history.service;

import io.marquee.common.events.AnonymousUsers;
import io.marquee.common.events.EventBounds;
import io.marquee.common.events.InteractionEvent;
import io.marquee.user.config.UsersConfig;
import io.marquee.user.history.repository.HistoryRepository;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Set;
import org.jboss.logging.Logger;

/** Keeps each user's history up to date from interaction events, and reads it back. */
@ApplicationScoped
public class HistoryService {

    /** Event types that count as having looked at an item. */
    static final Set<String> VIEW_TYPES = Set.of(InteractionEvent.VIEW, InteractionEvent.CLICK, InteractionEvent.WATCH);
    static final int MAX_ID_LENGTH = 256;
    private static final int MAX_ATTEMPTS = 20;
    private static final Logger LOG = Logger.getLogger(HistoryService.class);

    private final HistoryRepository repository;
    private final KnownAccounts accounts;
    private final int maxEntries;
    // users.history.events by outcome, resolved once: a burst counts tens of thousands of events a second.
    private final Counter recorded;
    private final Counter unchanged;
    private final Counter skipped;
    private final Counter noAccount;
    private final Counter anonymous;

    public HistoryService(HistoryRepository repository, KnownAccounts accounts, UsersConfig config,
            MeterRegistry metrics) {
        this.repository = repository;
        this.accounts = accounts;
        this.maxEntries = config.history().maxEntries();
        this.recorded = outcome(metrics, "recorded");
        this.unchanged = outcome(metrics, "unchanged");
        this.skipped = outcome(metrics, "skipped");
        this.noAccount = outcome(metrics, "no-account");
        this.anonymous = outcome(metrics, "anonymous");
    }

    public History of(String userId) {
        return repository.find(userId).history();
    }

    /** Counts an anonymous visitor's event that was dropped by its key, unread: no history concerns it. */
    public void skippedAnonymous() {
        anonymous.increment();
    }

    /**
     * Applies one event (null: an unreadable record). Events that do not concern the history (other
     * types, incomplete ones, anonymous visitors, users without an account) are skipped; an event
     * seen before changes nothing and writes nothing.
     */
    public void record(InteractionEvent event) {
        String problem = problemWith(event);
        if (problem != null) {
            LOG.debugf("skipping interaction event %s: %s", event == null ? null : event.eventId(), problem);
            skipped.increment();
            return;
        }
        if (AnonymousUsers.is(event.userId())) {
            // Keyed otherwise than its user (not as event-ingest writes them); no account has this prefix.
            anonymous.increment();
            return;
        }
        if (!accounts.exists(event.userId())) {
            noAccount.increment();
            return;
        }
        boolean view = VIEW_TYPES.contains(event.eventType());
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            HistoryRepository.Versioned stored = repository.find(event.userId());
            History next = view
                    ? stored.history().withViewed(event.itemId(), event.sentAt(), maxEntries)
                    : stored.history().withRated(event.itemId(), event.eventValue(), event.sentAt(),
                            event.eventId(), maxEntries);
            if (next.equals(stored.history())) {
                unchanged.increment();
                return;
            }
            if (repository.replace(event.userId(), next, stored.version())) {
                recorded.increment();
                return;
            }
        }
        throw new IllegalStateException("history of user " + event.userId() + " kept changing; event "
                + event.eventId() + " not recorded");
    }

    private static Counter outcome(MeterRegistry metrics, String outcome) {
        return metrics.counter("users.history.events", "outcome", outcome);
    }

    /** Why {@code event} cannot go into a history, or null if it can. */
    static String problemWith(InteractionEvent event) {
        if (event == null) {
            return "unreadable";
        }
        if (event.eventType() == null
                || !(VIEW_TYPES.contains(event.eventType()) || InteractionEvent.RATE.equals(event.eventType()))) {
            return "not a history event type";
        }
        if (!EventBounds.validUserId(event.userId()) || !EventBounds.validItemId(event.itemId())
                || !usable(event.eventId()) || event.sentAt() == null) {
            return "missing or malformed userId, itemId, eventId or sentAt";
        }
        if (!EventBounds.plausibleTime(event.sentAt(), Instant.now())) {
            // A forged future time would keep its entry at the top of the list until then.
            return "sentAt in the future";
        }
        if (InteractionEvent.RATE.equals(event.eventType())
                && (event.eventValue() == null || !EventBounds.validRatingOrNone(event.eventValue()))) {
            return "rate event without a rating from 0.5 to 5.0 in steps of 0.5";
        }
        return null;
    }

    private static boolean usable(String id) {
        return id != null && !id.isBlank() && id.length() <= MAX_ID_LENGTH;
    }
}
