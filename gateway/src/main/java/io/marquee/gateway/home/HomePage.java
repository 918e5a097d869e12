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
 * and named in {@link Home#omitted()}; the page itself never fails for one row. A caller's personal
 * rows are reused from their recent answers while nothing the caller did should change them, and
 * stand in for a personal row that runs late ({@link PersonalRows}); a late one is left to finish so
 * that the next page has it.
 */
@ApplicationScoped
public class HomePage {

    private static final Logger LOG = Logger.getLogger(HomePage.class);

    private final List<HomeSection> sections;
    private final long budgetNanos;
    private final ExecutorService workers;
    private final PersonalRows personalRows;

    @Inject
    HomePage(@All List<HomeSection> sections, HomeConfig config, JWTParser tokens) {
        // A managed executor carries the request's CDI context into the worker threads: the REST
        // clients behind the rows need it. Bounded queue: under overload a row is omitted as "busy"
        // rather than queued past its budget.
        this(sections, config, ManagedExecutor.builder()
                .maxAsync(config.threads())
                .maxQueued(config.threads() * 8)
                .propagated(ThreadContext.ALL_REMAINING)
                .build(), new PersonalRows(limits(config), System::nanoTime, authorization -> valid(tokens, authorization)));
    }

    HomePage(List<HomeSection> sections, HomeConfig config, ExecutorService workers, PersonalRows personalRows) {
        this.sections = sections.stream().sorted(Comparator.comparingInt(HomeSection::order)).toList();
        this.budgetNanos = config.sectionBudget().toNanos();
        this.workers = workers;
        this.personalRows = personalRows;
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
        List<Home.Omitted> omitted = new ArrayList<>();
        for (HomeSection section : sections) {
            if (section.personal() && !viewer.signedIn()) {
                continue;
            }
            Optional<List<Section>> reused = section.personal()
                    ? personalRows.reusable(section, viewer, limit) : Optional.empty();
            if (reused.isPresent()) {
                loading.put(section, CompletableFuture.completedFuture(reused.get()));
                if (personalRows.startRefresh(section, viewer, limit)) {
                    refreshInBackground(section, viewer, limit);
                }
                continue;
            }
            try {
                loading.put(section, workers.submit(() -> load(section, viewer, limit)));
            } catch (RejectedExecutionException e) {
                omitted.add(new Home.Omitted(section.id(), "busy"));
            }
        }
        List<Section> loaded = new ArrayList<>();
        for (Map.Entry<HomeSection, Future<List<Section>>> entry : loading.entrySet()) {
            HomeSection section = entry.getKey();
            String id = section.id();
            try {
                loaded.addAll(entry.getValue().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
            } catch (TimeoutException e) {
                Optional<List<Section>> recent = section.personal()
                        ? personalRows.late(section, viewer, limit) : Optional.empty();
                if (recent.isPresent()) {
                    loaded.addAll(recent.get());
                    continue;
                }
                if (!section.personal()) {
                    entry.getValue().cancel(true);
                }
                omitted.add(new Home.Omitted(id, "timeout"));
            } catch (ExecutionException e) {
                omitted.add(new Home.Omitted(id, reason(id, e.getCause())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                omitted.add(new Home.Omitted(id, "interrupted"));
            }
        }
        return new Home(loaded, omitted);
    }

    /** Loads a row; a personal one is kept for the caller's next pages (even when this page stopped waiting). */
    private List<Section> load(HomeSection section, Viewer viewer, int limit) {
        long startedAt = personalRows.now();
        List<Section> rows = section.load(viewer, limit);
        if (section.personal()) {
            personalRows.keep(section, viewer, limit, rows, startedAt);
        }
        return rows;
    }

    private void refreshInBackground(HomeSection section, Viewer viewer, int limit) {
        try {
            workers.submit(() -> {
                try {
                    load(section, viewer, limit);
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
