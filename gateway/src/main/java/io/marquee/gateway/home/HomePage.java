package io.marquee.gateway.home;

import io.marquee.common.problem.ProblemException;
import io.quarkus.arc.All;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.context.ThreadContext;
import org.jboss.logging.Logger;

/**
 * Composes the home page: every {@link HomeSection} that applies to the viewer is loaded at the
 * same time, and each gets the same budget counted from the start, so the page takes as long as
 * its slowest row or the budget, whichever is shorter. A row that fails or runs late is left out
 * and named in {@link Home#omitted()}, unless a recent answer for it can stand in: the caller's own
 * for a personal row ({@link PersonalRows}), the last one for a chart ({@link SharedRows}). The page
 * itself never fails for one row. A caller's personal rows are also reused from their recent answers
 * while nothing the caller did should change them. A late load is left to finish so that the next
 * page has it.
 */
@ApplicationScoped
public class HomePage {

    private static final Logger LOG = Logger.getLogger(HomePage.class);

    private final List<HomeSection> sections;
    private final long budgetNanos;
    private final ExecutorService workers;
    private final PersonalRows personalRows;
    private final SharedRows sharedRows;

    @Inject
    HomePage(@All List<HomeSection> sections, HomeConfig config, JWTParser tokens) {
        // A managed executor carries the request's CDI context into the worker threads: the REST
        // clients behind the rows need it. Bounded queue: under overload a row is omitted as "busy"
        // rather than queued past its budget.
        this(sections, config, ManagedExecutor.builder()
                .maxAsync(config.threads())
                .maxQueued(config.threads() * 8)
                .propagated(ThreadContext.ALL_REMAINING)
                .build(), new PersonalRows(limits(config), System::nanoTime, authorization -> valid(tokens, authorization)),
                new SharedRows(config.lateChartMaxAge(), System::nanoTime));
    }

    HomePage(List<HomeSection> sections, HomeConfig config, ExecutorService workers, PersonalRows personalRows,
            SharedRows sharedRows) {
        this.sections = sections.stream().sorted(Comparator.comparingInt(HomeSection::order)).toList();
        this.budgetNanos = config.sectionBudget().toNanos();
        this.workers = workers;
        this.personalRows = personalRows;
        this.sharedRows = sharedRows;
    }

    static PersonalRows.Limits limits(HomeConfig config) {
        return new PersonalRows.Limits(config.reusePersonalRowsFor(), config.refreshPersonalRowsAfter(),
                config.settleAfterWrite(), config.lateRowMaxAge(), 10_000);
    }

    /** Signature, issuer and expiry, as a service would check them: a reused row is served by no service. */
    private static boolean valid(JWTParser tokens, String authorization) {
        try {
            tokens.parse(authorization.substring("Bearer ".length()).trim());
            return true;
        } catch (ParseException | RuntimeException e) {
            return false;
        }
    }

    /** The caller changed something through the gateway: their next pages load the personal rows afresh. */
    public void callerWrote(String authorization) {
        personalRows.wrote(authorization);
    }

    /** The rows for this viewer, each with up to {@code limit} items. */
    public Home compose(Viewer viewer, int limit) {
        long deadline = System.nanoTime() + budgetNanos;
        Map<HomeSection, Future<List<Section>>> loading = new LinkedHashMap<>();
        for (HomeSection section : sections) {
            if (section.personal() && !viewer.signedIn()) {
                continue;
            }
            try {
                loading.put(section, start(section, viewer, limit));
            } catch (RejectedExecutionException e) {
                loading.put(section, CompletableFuture.failedFuture(new SectionUnavailable("busy")));
            }
        }
        List<Section> loaded = new ArrayList<>();
        List<Home.Omitted> omitted = new ArrayList<>();
        for (Map.Entry<HomeSection, Future<List<Section>>> entry : loading.entrySet()) {
            HomeSection section = entry.getKey();
            String missing;
            try {
                loaded.addAll(entry.getValue().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
                continue;
            } catch (TimeoutException e) {
                missing = "timeout";
            } catch (ExecutionException e) {
                missing = reason(section.id(), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                missing = "interrupted";
            }
            Optional<List<Section>> standIn = section.personal()
                    ? personalRows.late(section, viewer, limit) : sharedRows.standIn(section, limit);
            if (standIn.isPresent()) {
                loaded.addAll(standIn.get());
            } else {
                omitted.add(new Home.Omitted(section.id(), missing));
            }
        }
        return new Home(loaded, omitted);
    }

    /**
     * A row's answer: a shared row joins the load in flight for it, if any; a personal row may be
     * the caller's recent answer. Loads are never cancelled when the page stops waiting: what they
     * bring is kept for the next page.
     */
    private Future<List<Section>> start(HomeSection section, Viewer viewer, int limit) {
        if (!section.personal()) {
            return sharedRows.load(section, limit, result -> workers.submit(() -> complete(result, section, viewer, limit)));
        }
        Optional<PersonalRows.Reuse> reuse = personalRows.reusable(section, viewer, limit);
        if (reuse.isEmpty()) {
            return workers.submit(() -> loadPersonal(section, viewer, limit));
        }
        if (reuse.get().refresh()) {
            refreshInBackground(section, viewer, limit);
        }
        return CompletableFuture.completedFuture(reuse.get().rows());
    }

    private static void complete(CompletableFuture<List<Section>> result, HomeSection section, Viewer viewer, int limit) {
        try {
            result.complete(section.load(viewer, limit));
        } catch (Throwable e) { // every page waiting on this load must learn it failed, whatever failed
            result.completeExceptionally(e);
        }
    }

    /** Loads a personal row and keeps it for the caller's next pages (even when this page stopped waiting). */
    private List<Section> loadPersonal(HomeSection section, Viewer viewer, int limit) {
        long startedAt = personalRows.now();
        List<Section> rows = section.load(viewer, limit);
        personalRows.keep(section, viewer, limit, rows, startedAt);
        return rows;
    }

    /**
     * Starts a load of every chart at this page size in the background, unless one is in flight
     * (then that one serves). {@link ChartWarmer} runs it at start and then every few seconds, so a
     * chart's last answer exists before the first page asks (right after a start, catalog-service's
     * first charts take longer than the budget, and a page would have had no chart to show) and is
     * never much older than that.
     */
    void warmCharts(int limit) {
        Viewer nobody = new Viewer(Optional.empty(), "home-warm-" + UUID.randomUUID());
        for (HomeSection section : sections) {
            if (section.personal()) {
                continue;
            }
            try {
                start(section, nobody, limit);
            } catch (RejectedExecutionException e) {
                return; // the workers are busy with pages: the next round tries again
            }
        }
    }

    private void refreshInBackground(HomeSection section, Viewer viewer, int limit) {
        try {
            workers.submit(() -> {
                try {
                    loadPersonal(section, viewer, limit);
                } catch (RuntimeException e) {
                    // The reused answer stays; the next page past refreshAfter tries again.
                    personalRows.refreshFailed(section, viewer, limit);
                }
            });
        } catch (RejectedExecutionException e) {
            personalRows.refreshFailed(section, viewer, limit);
        }
    }

    private static String reason(String id, Throwable cause) {
        if (cause instanceof RejectedExecutionException) {
            return "busy";
        }
        if (cause instanceof SectionUnavailable unavailable) {
            return unavailable.getMessage();
        }
        if (cause instanceof ProblemException problem) {
            return problem.status() == 504 ? "timeout" : "unavailable";
        }
        LOG.warnf(cause, "home section %s failed", id);
        return "unavailable";
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }
}
