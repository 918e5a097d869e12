package io.marquee.gateway.home;

import io.marquee.common.problem.ProblemException;
import io.quarkus.arc.All;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * and named in {@link Home#omitted()}; the page itself never fails for one row. A personal row that
 * runs late is answered instead from the same caller's last answer for it, if recent enough
 * ({@link LateRows}); it is left to finish so that the next page has it.
 */
@ApplicationScoped
public class HomePage {

    private static final Logger LOG = Logger.getLogger(HomePage.class);

    private final List<HomeSection> sections;
    private final long budgetNanos;
    private final ExecutorService workers;
    private final LateRows lateRows;

    @Inject
    HomePage(@All List<HomeSection> sections, HomeConfig config) {
        // A managed executor carries the request's CDI context into the worker threads: the REST
        // clients behind the rows need it. Bounded queue: under overload a row is omitted as "busy"
        // rather than queued past its budget.
        this(sections, config, ManagedExecutor.builder()
                .maxAsync(config.threads())
                .maxQueued(config.threads() * 8)
                .propagated(ThreadContext.ALL_REMAINING)
                .build());
    }

    HomePage(List<HomeSection> sections, HomeConfig config, ExecutorService workers) {
        this.sections = sections.stream().sorted(Comparator.comparingInt(HomeSection::order)).toList();
        this.budgetNanos = config.sectionBudget().toNanos();
        this.workers = workers;
        this.lateRows = new LateRows(config.lateRowMaxAge(), 10_000, System::nanoTime);
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
            try {
                loading.put(section, workers.submit(() -> {
                    List<Section> rows = section.load(viewer, limit);
                    if (section.personal()) {
                        lateRows.keep(section, viewer, limit, rows);
                    }
                    return rows;
                }));
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
                        ? lateRows.recent(section, viewer, limit) : Optional.empty();
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
