package io.marquee.gateway.home;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.marquee.common.problem.ProblemException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How the home page treats its rows: parallel, each within the budget, a bad row never the page. */
class HomePageTest {

    private static final Viewer ANONYMOUS = new Viewer(Optional.empty(), "r-1");
    private static final Viewer SIGNED_IN = new Viewer(Optional.of("Bearer t"), "r-2");

    private final CountDownLatch never = new CountDownLatch(1);
    private HomePage page;

    @AfterEach
    void stop() {
        never.countDown();
        if (page != null) {
            page.stop();
        }
    }

    @Test
    void rowsComeInPageOrderWithTheLimitAndRequestIdEachRowWasAskedFor() {
        page = page(Duration.ofSeconds(5),
                section("b", 20, false, (viewer, limit) -> row("b", viewer.requestId() + ":" + limit)),
                section("a", 10, false, (viewer, limit) -> row("a", viewer.requestId() + ":" + limit)));

        Home home = page.compose(ANONYMOUS, 7);

        assertThat(home.sections()).extracting(Section::id).containsExactly("a", "b");
        assertThat(home.sections()).extracting(Section::source).containsOnly("r-1:7");
        assertThat(home.omitted()).isEmpty();
    }

    @Test
    void aSectionMayGiveSeveralRowsWhichKeepTheirPlace() {
        page = page(Duration.ofSeconds(5),
                new SectionOf("because", 20, true, (viewer, limit) -> List.of(row("because:1", "s"), row("because:2", "s"))),
                section("first", 10, false, (viewer, limit) -> row("first", "s")),
                section("last", 30, false, (viewer, limit) -> row("last", "s")));

        assertThat(page.compose(SIGNED_IN, 5).sections()).extracting(Section::id)
                .containsExactly("first", "because:1", "because:2", "last");
    }

    @Test
    void personalRowsAreOnlyForSignedInViewers() {
        page = page(Duration.ofSeconds(5),
                section("charts", 10, false, (viewer, limit) -> row("charts", "chart")),
                section("for-you", 5, true, (viewer, limit) -> row("for-you", viewer.authorization().orElseThrow())));

        assertThat(page.compose(ANONYMOUS, 5).sections()).extracting(Section::id).containsExactly("charts");
        Home signedIn = page.compose(SIGNED_IN, 5);
        assertThat(signedIn.sections()).extracting(Section::id).containsExactly("for-you", "charts");
        assertThat(signedIn.sections().get(0).source()).isEqualTo("Bearer t");
    }

    @Test
    void aRowThatRunsPastTheBudgetIsOmittedAsTimeoutAndTheRestStillAnswer() {
        page = page(Duration.ofMillis(200),
                section("stuck", 10, false, (viewer, limit) -> {
                    await(never);
                    return row("stuck", "never");
                }),
                section("quick", 20, false, (viewer, limit) -> row("quick", "ok")));

        Home home = page.compose(ANONYMOUS, 5);

        assertThat(home.sections()).extracting(Section::id).containsExactly("quick");
        assertThat(home.omitted()).containsExactly(new Home.Omitted("stuck", "timeout"));
    }

    @Test
    void aPersonalRowThatRunsLateFinishesAndStandsInOnlyForTheSameCallersNextPage() throws Exception {
        CountDownLatch firstCall = new CountDownLatch(1);
        CountDownLatch firstDone = new CountDownLatch(1);
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        page = page(Duration.ofMillis(200),
                section("for-you", 5, true, (viewer, limit) -> {
                    if (calls.incrementAndGet() == 1) {
                        await(firstCall);
                        firstDone.countDown();
                        return row("for-you", "late answer");
                    }
                    await(never);
                    return row("for-you", "never");
                }),
                section("chart", 10, false, (viewer, limit) -> row("chart", "ok")));

        Home first = page.compose(SIGNED_IN, 5);
        assertThat(first.sections()).extracting(Section::id).containsExactly("chart");
        assertThat(first.omitted()).containsExactly(new Home.Omitted("for-you", "timeout"));

        firstCall.countDown(); // the late call was not cancelled: it finishes after the page answered
        assertThat(firstDone.await(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        // The row is kept on the worker right after the load returns: wait for both tasks to end.
        awaitTasks(2);

        Home next = page.compose(SIGNED_IN, 5);
        assertThat(next.sections()).extracting(Section::id, Section::source)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("for-you", "late answer"),
                        org.assertj.core.groups.Tuple.tuple("chart", "ok"));
        assertThat(next.omitted()).isEmpty();

        Home someoneElse = page.compose(new Viewer(Optional.of("Bearer other"), "r-3"), 5);
        assertThat(someoneElse.sections()).extracting(Section::id).containsExactly("chart");
        assertThat(someoneElse.omitted()).containsExactly(new Home.Omitted("for-you", "timeout"));
        Home otherLimit = page.compose(SIGNED_IN, 6);
        assertThat(otherLimit.omitted()).containsExactly(new Home.Omitted("for-you", "timeout"));
    }

    @Test
    void aCallersPersonalRowIsReusedRefreshedInTheBackgroundAndLoadedAfreshAfterTheyWrite() throws Exception {
        AtomicInteger loads = new AtomicInteger();
        page = page(Duration.ofSeconds(5),
                section("for-you", 5, true, (viewer, limit) -> row("for-you", "answer " + loads.incrementAndGet())));

        assertThat(sourceOfFirstRow(page.compose(SIGNED_IN, 5))).isEqualTo("answer 1");
        clock.addAndGet(TimeUnit.SECONDS.toNanos(1));
        assertThat(sourceOfFirstRow(page.compose(SIGNED_IN, 5))).as("reused at once").isEqualTo("answer 1");
        assertThat(loads).hasValue(1);

        clock.addAndGet(TimeUnit.SECONDS.toNanos(5));
        assertThat(sourceOfFirstRow(page.compose(SIGNED_IN, 5))).as("still reused, and refreshed behind it").isEqualTo("answer 1");
        awaitTasks(2);
        assertThat(sourceOfFirstRow(page.compose(SIGNED_IN, 5))).isEqualTo("answer 2");

        page.callerWrote("Bearer t");
        assertThat(sourceOfFirstRow(page.compose(SIGNED_IN, 5))).as("the write may change it: loaded").isEqualTo("answer 3");
        assertThat(sourceOfFirstRow(page.compose(SIGNED_IN, 5))).as("still settling: loaded again").isEqualTo("answer 4");
        clock.addAndGet(TimeUnit.SECONDS.toNanos(3));
        assertThat(sourceOfFirstRow(page.compose(SIGNED_IN, 5))).isEqualTo("answer 5");
        assertThat(sourceOfFirstRow(page.compose(SIGNED_IN, 5))).as("made after the write settled: reused").isEqualTo("answer 5");

        Viewer reloading = new Viewer(SIGNED_IN.authorization(), "r-9", true);
        assertThat(sourceOfFirstRow(page.compose(reloading, 5))).as("Cache-Control: no-cache").isEqualTo("answer 6");
    }

    @Test
    void aChartThatFailsOrRunsLateIsAnsweredFromItsLastAnswerWhileRecentAndOneLoadRunsAtATime() {
        AtomicInteger calls = new AtomicInteger();
        page = page(Duration.ofMillis(200),
                section("chart", 10, false, (viewer, limit) -> switch (calls.incrementAndGet()) {
                    case 1 -> row("chart", "first");
                    case 2 -> throw new ProblemException(503, "Service unavailable", "catalog restarting", List.of());
                    default -> {
                        await(never);
                        yield row("chart", "never");
                    }
                }));

        assertThat(page.compose(ANONYMOUS, 5).sections()).extracting(Section::source).containsExactly("first");
        Home failed = page.compose(SIGNED_IN, 5);
        assertThat(failed.sections()).as("catalog failed: the last chart stands in").extracting(Section::source)
                .containsExactly("first");
        assertThat(failed.omitted()).isEmpty();
        Home late = page.compose(ANONYMOUS, 5);
        assertThat(late.sections()).as("catalog is late: the same").extracting(Section::source).containsExactly("first");
        assertThat(page.compose(ANONYMOUS, 6).omitted()).as("nothing kept for that page size")
                .containsExactly(new Home.Omitted("chart", "timeout"));

        clock.addAndGet(Duration.ofMinutes(10).plusSeconds(1).toNanos());
        Home tooOld = page.compose(ANONYMOUS, 5);
        assertThat(tooOld.sections()).isEmpty();
        assertThat(tooOld.omitted()).containsExactly(new Home.Omitted("chart", "timeout"));
        assertThat(calls).as("the pages after the stuck load joined it instead of starting their own").hasValue(4);
    }

    @Test
    void chartsWarmedBeforeAnyPageStandInForTheFirstPageWhoseChartRunsLate() throws Exception {
        AtomicInteger chartLoads = new AtomicInteger();
        AtomicInteger personalLoads = new AtomicInteger();
        page = page(Duration.ofMillis(200),
                section("chart", 10, false, (viewer, limit) -> {
                    if (chartLoads.incrementAndGet() == 1) {
                        return row("chart", "warm " + limit + " " + viewer.signedIn());
                    }
                    await(never); // from now on catalog-service is too slow for the budget
                    return row("chart", "never");
                }),
                section("mine", 20, true, (viewer, limit) -> {
                    personalLoads.incrementAndGet();
                    return row("mine", "personal");
                }));

        page.warmCharts(5);
        awaitTasks(1);
        Home first = page.compose(SIGNED_IN, 5);

        assertThat(first.sections()).extracting(Section::source).containsExactly("warm 5 false", "personal");
        assertThat(first.omitted()).isEmpty();
        assertThat(page.compose(ANONYMOUS, 6).omitted()).as("only the warmed page size has a stand-in")
                .containsExactly(new Home.Omitted("chart", "timeout"));
        assertThat(personalLoads).as("warming loads charts only, as nobody").hasValue(1);
    }

    @Test
    void aFailingRowIsOmittedWithItsReason() {
        page = page(Duration.ofSeconds(5),
                section("unready", 10, false, (viewer, limit) -> {
                    throw new SectionUnavailable("campaign-not-ready");
                }),
                section("slow-service", 20, false, (viewer, limit) -> {
                    throw new ProblemException(504, "Gateway timeout", "too slow", List.of());
                }),
                section("down", 30, false, (viewer, limit) -> {
                    throw new ProblemException(503, "Service unavailable", "down", List.of());
                }),
                section("broken", 40, false, (viewer, limit) -> {
                    throw new IllegalStateException("bug");
                }),
                section("fine", 50, false, (viewer, limit) -> row("fine", "ok")));

        Home home = page.compose(ANONYMOUS, 5);

        assertThat(home.sections()).extracting(Section::id).containsExactly("fine");
        assertThat(home.omitted()).containsExactly(
                new Home.Omitted("unready", "campaign-not-ready"),
                new Home.Omitted("slow-service", "timeout"),
                new Home.Omitted("down", "unavailable"),
                new Home.Omitted("broken", "unavailable"));
    }

    private static String sourceOfFirstRow(Home home) {
        return home.sections().get(0).source();
    }

    /** Background loads run on the pool: wait until it has finished this many tasks in all. */
    private void awaitTasks(long count) throws InterruptedException {
        for (int i = 0; i < 500 && pool.getCompletedTaskCount() < count; i++) {
            Thread.sleep(10);
        }
    }

    private static Section row(String id, String source) {
        return new Section(id, id.toUpperCase(), source, null, List.of(JsonNodeFactory.instance.objectNode().put("id", "1")));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private final AtomicLong clock = new AtomicLong();
    private final java.util.concurrent.ThreadPoolExecutor pool =
            (java.util.concurrent.ThreadPoolExecutor) Executors.newFixedThreadPool(4);

    private HomePage page(Duration budget, HomeSection... sections) {
        HomeConfig config = config(budget);
        return new HomePage(List.of(sections), config, pool, new PersonalRows(HomePage.limits(config), clock::get, token -> true),
                new SharedRows(config.lateChartMaxAge(), clock::get));
    }

    private static HomeConfig config(Duration budget) {
        return new HomeConfig() {
            @Override
            public Duration sectionBudget() {
                return budget;
            }

            @Override
            public Duration lateRowMaxAge() {
                return Duration.ofMinutes(2);
            }

            @Override
            public Duration lateChartMaxAge() {
                return Duration.ofMinutes(10);
            }

            @Override
            public Duration keepChartsWarm() {
                return Duration.ZERO;
            }

            @Override
            public Duration reusePersonalRowsFor() {
                return Duration.ofSeconds(30);
            }

            @Override
            public Duration refreshPersonalRowsAfter() {
                return Duration.ofSeconds(5);
            }

            @Override
            public Duration settleAfterWrite() {
                return Duration.ofSeconds(3);
            }

            @Override
            public int threads() {
                return 4;
            }
        };
    }

    private static HomeSection section(String id, int order, boolean personal, BiFunction<Viewer, Integer, Section> load) {
        return new SectionOf(id, order, personal, (viewer, limit) -> List.of(load.apply(viewer, limit)));
    }
}
