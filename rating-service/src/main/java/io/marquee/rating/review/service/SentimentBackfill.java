package io.marquee.rating.review.service;

import io.marquee.common.problem.ProblemException;
import io.marquee.rating.config.RatingsConfig;
import io.marquee.rating.repository.ConcurrentChangeException;
import io.marquee.rating.repository.JobRepository;
import io.marquee.rating.repository.JobRepository.Job;
import io.marquee.rating.repository.RatingRepository;
import io.marquee.rating.repository.RatingRow;
import io.marquee.rating.repository.SummaryChange;
import io.marquee.sentiment.Sentiment;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * Labels reviews stored before labelling existed (mode {@code missing}), or relabels every review
 * after the model changed (mode {@code all}). Scans the ratings table a page at a time and saves the
 * scan position after each page in the jobs table, so a run that stopped (crash, restart, failure)
 * resumes where it stopped when started again, on this replica or another; a finished run started
 * again begins anew. A relabel is a guarded write like any change: a review edited meanwhile keeps
 * the label its edit gave it. Relabels publish no event: the rating did not change.
 */
@ApplicationScoped
public class SentimentBackfill {

    public static final String JOB_ID = "sentiment-backfill";
    public static final String RUNNING = "running";
    public static final String DONE = "done";
    public static final String FAILED = "failed";
    public static final List<String> MODES = List.of("missing", "all");
    private static final Logger LOG = Logger.getLogger(SentimentBackfill.class);

    private final SummaryCache summaries;
    private final RatingRepository ratings;
    private final JobRepository jobs;
    private final ReviewLabeller labeller;
    private final RatingsConfig config;
    private final Clock clock = Clock.systemUTC();
    // One runner thread per replica: a backfill is background work, never on the request path.
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "sentiment-backfill");
        t.setDaemon(true);
        return t;
    });

    public SentimentBackfill(RatingRepository ratings, JobRepository jobs, ReviewLabeller labeller, RatingsConfig config,
                             SummaryCache summaries) {
        this.summaries = summaries;
        this.ratings = ratings;
        this.jobs = jobs;
        this.labeller = labeller;
        this.config = config;
    }

    /** The last run's progress, or null if no backfill ever ran. */
    public BackfillProgress progress() {
        return jobs.find(JOB_ID).map(BackfillProgress::of).orElse(null);
    }

    /**
     * Starts a run, or resumes a stopped one from its saved position; a run that is going on (its
     * lease is live) is left alone and its progress returned.
     *
     * @param mode {@code missing} (default) or {@code all}; a resumed run keeps its own mode
     * @return the progress right after the start, and whether this call started or resumed anything
     */
    public Start start(String mode) {
        String chosen = mode == null || mode.isEmpty() ? "missing" : mode;
        if (!MODES.contains(chosen)) {
            throw ProblemException.invalid("mode", "must be missing or all");
        }
        Instant now = clock.instant();
        Optional<Job> last = jobs.find(JOB_ID);
        if (last.isPresent() && RUNNING.equals(last.get().status()) && last.get().leaseUntil().isAfter(now)) {
            return new Start(BackfillProgress.of(last.get()), false);
        }
        boolean resume = last.isPresent() && !DONE.equals(last.get().status()) && last.get().afterUser() != null;
        String owner = UUID.randomUUID().toString();
        Job job = resume
                ? new Job(JOB_ID, RUNNING, last.get().mode(), last.get().scanned(), last.get().labelled(),
                        last.get().afterUser(), last.get().afterItem(), last.get().startedAt(), now, null, owner, lease(now), null)
                : new Job(JOB_ID, RUNNING, chosen, 0, 0, null, null, now, now, null, owner, lease(now), null);
        if (!jobs.claim(job, now)) {
            return new Start(progress(), false);
        }
        runner.submit(() -> run(job));
        return new Start(BackfillProgress.of(job), true);
    }

    /** What a start did. */
    public record Start(BackfillProgress progress, boolean started) {
    }

    private void run(Job start) {
        Job job = start;
        try {
            String[] after = job.afterUser() == null ? null : new String[] {job.afterUser(), job.afterItem()};
            boolean all = "all".equals(job.mode());
            do {
                RatingRepository.ScanPage page = ratings.scan(after, config.sentiment().backfill().pageSize());
                List<RatingRow> todo = new ArrayList<>();
                for (RatingRow row : page.ratings()) {
                    if (row.review() != null && (all || row.sentiment() == null)) {
                        todo.add(row);
                    }
                }
                List<Sentiment> labels = labeller.labelAll(todo.stream().map(RatingRow::review).toList());
                long labelled = 0;
                for (int i = 0; i < todo.size(); i++) {
                    if (relabel(todo.get(i), labels.get(i))) {
                        labelled++;
                    }
                }
                after = page.last();
                Instant now = clock.instant();
                job = new Job(JOB_ID, after == null ? DONE : RUNNING, job.mode(), job.scanned() + page.ratings().size(),
                        job.labelled() + labelled, after == null ? null : after[0], after == null ? null : after[1],
                        job.startedAt(), now, after == null ? now : null, job.owner(), lease(now), null);
                if (!jobs.save(job)) {
                    LOG.warnf("sentiment backfill: another runner took the job over; this one stops");
                    return;
                }
            } while (after != null);
            LOG.infof("sentiment backfill done: %d ratings scanned, %d labelled", job.scanned(), job.labelled());
        } catch (RuntimeException e) {
            LOG.errorf(e, "sentiment backfill failed; starting it again resumes from the last saved page");
            Instant now = clock.instant();
            jobs.save(new Job(JOB_ID, FAILED, job.mode(), job.scanned(), job.labelled(), job.afterUser(), job.afterItem(),
                    job.startedAt(), now, null, job.owner(), now, e.getClass().getSimpleName()));
        }
    }

    /**
     * Stores a label on one rating unless it changed meanwhile; re-reads and retries on a race with
     * a vote. Returns whether a label was written.
     */
    private boolean relabel(RatingRow seen, Sentiment label) {
        RatingRow row = seen;
        for (int attempt = 1; attempt <= config.write().maxAttempts(); attempt++) {
            if (label.equals(row.sentiment())) {
                return false;
            }
            try {
                ratings.relabel(row, row.relabelled(label, labeller.flags(row.rating(), label)),
                        SummaryChange.between(row.sentiment(), label));
                summaries.changed(row.itemId());
                return true;
            } catch (ConcurrentChangeException e) {
                Optional<RatingRow> now = ratings.find(row.userId(), row.itemId());
                // Deleted, or its text was edited (and so labelled by the edit): nothing left to do.
                if (now.isEmpty() || now.get().review() == null || !now.get().review().equals(seen.review())) {
                    return false;
                }
                row = now.get();
            }
        }
        return false;
    }

    private Instant lease(Instant now) {
        return now.plus(config.sentiment().backfill().lease());
    }

    @PreDestroy
    void stop() {
        runner.shutdownNow();
    }
}
