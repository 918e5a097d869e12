package io.marquee.ingest.relay;

import io.marquee.common.concurrent.BackgroundThreads;
import io.marquee.common.events.InteractionEvent;
import io.marquee.common.events.Topics;
import io.marquee.ingest.config.RelayConfig;
import io.marquee.ingest.kafka.EventJson;
import io.marquee.common.kafka.KafkaClients;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

/**
 * Relays {@code interactions} to Personalize's event tracker, at least once and without
 * duplicates at the tracker (docs/adr/0014):
 * <ol>
 *   <li>poll a batch (behind, several polls as one unit, {@code ingest.relay.max-batch-records},
 *       so a session's events share calls); skip history records ({@link Topics#HISTORY_HEADER}) and ids handled before
 *       ({@link HandledWindow}, read back from {@link DeliveredRanges} when a partition is taken;
 *       a dead-lettered one only comes back through a DLQ replay);</li>
 *   <li>group per user and session, in order, into PutEvents calls of at most 10 events, paced by
 *       the rate limit; throttling, 5xx and no answer are retried with back-off and jitter. Up to
 *       {@code ingest.relay.max-in-flight} calls of different sessions are under way at once; one
 *       session's calls go one after another, in order;</li>
 *   <li>a final refusal (4xx) of a call of several events is retried event by event, so only the
 *       refused events go to {@code interactions-dlq}, with the tracker's error;</li>
 *   <li>only then commit the batch's offsets. Anything that fails before the commit (the broker
 *       gone, DynamoDB, a stop) rewinds to the batch's start: redelivered, not lost.</li>
 * </ol>
 * One polling thread per replica (the consumer group spreads the partitions over replicas) and a
 * small pool for the calls: a call is a network round trip, so one at a time left the relay far
 * behind the ingest (docs/benchmarks.md, the clickstream).
 */
@ApplicationScoped
public class TrackerRelay {

    private static final Logger LOG = Logger.getLogger(TrackerRelay.class);
    /** Personalize: eventList holds 1 to 10 events. */
    static final int MAX_EVENTS_PER_CALL = 10;
    private static final Duration POLL = Duration.ofMillis(500);
    /**
     * Polls after a full one, while gathering a unit: an empty one means the relay has caught up.
     * As long as a first poll: on a loaded machine a fetch takes a few hundred ms, and 100 ms
     * ended units after one poll (1.0 event per call, docs/benchmarks.md).
     */
    private static final Duration GATHER_POLL = POLL;
    /**
     * A unit is gathered for at most this long. Only a relay that is behind gathers, and a unit
     * then takes far longer to deliver than this, so it is room for slow fetches, not a delay.
     */
    private static final Duration GATHER_AT_MOST = Duration.ofSeconds(3);

    private final RelayConfig config;
    private final Tracker tracker;
    private final DeliveredRanges deliveredRanges;
    private final DeadLetters deadLetters;
    private final KafkaClients kafka;
    private final Counter delivered;
    private final Counter retried;
    private final Counter duplicates;
    private final Counter history;
    /** Kafka timestamp (ms) of the oldest record polled but not yet committed; 0 when none. */
    private final AtomicLong oldestPending = new AtomicLong();
    private final AtomicLong lagEvents = new AtomicLong();

    private volatile boolean running;
    private Thread worker;
    private ExecutorService calls;
    private KafkaConsumer<String, String> consumer;
    private long lagCheckedAt;

    public TrackerRelay(RelayConfig config, Tracker tracker, DeliveredRanges deliveredRanges, DeadLetters deadLetters,
                        KafkaClients kafka, MeterRegistry metrics) {
        this.config = config;
        this.tracker = tracker;
        this.deliveredRanges = deliveredRanges;
        this.deadLetters = deadLetters;
        this.kafka = kafka;
        this.delivered = Counter.builder("marquee.ingest.relay.delivered").description("Events the tracker took")
                .register(metrics);
        this.retried = Counter.builder("marquee.ingest.relay.retries")
                .description("PutEvents calls retried after throttling, 5xx or no answer").register(metrics);
        this.duplicates = Counter.builder("marquee.ingest.relay.duplicates")
                .description("Redelivered events not sent again (delivered before)").register(metrics);
        this.history = Counter.builder("marquee.ingest.relay.history.skipped")
                .description("History records (demo data, imports) not sent to the tracker").register(metrics);
        Gauge.builder("marquee.ingest.relay.lag.seconds", this, TrackerRelay::lagSeconds)
                .description("Age of the oldest event taken from Kafka and not yet delivered; 0 when caught up")
                .register(metrics);
        Gauge.builder("marquee.ingest.relay.lag.events", lagEvents, AtomicLong::get)
                .description("Records on interactions behind the relay's position").register(metrics);
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.enabled()) {
            LOG.info("relay to the event tracker is off (ingest.relay.enabled=false)");
            return;
        }
        if (!tracker.configured()) {
            LOG.warn("relay to the event tracker is off: no PERSONALIZE_TRACKING_ID; events wait in Kafka");
            return;
        }
        deliveredRanges.createTableIfAbsent();
        start();
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    /** Starts relaying (a no-op when running). */
    public synchronized void start() {
        if (running) {
            return;
        }
        Properties props = kafka.asProperties();
        props.put(CommonClientConfigs.CLIENT_ID_CONFIG, "event-ingest-relay");
        props.put(ConsumerConfig.GROUP_ID_CONFIG, config.groupId());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // A new group starts at the beginning: events accepted before the first relay started count too.
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.maxPollRecords());
        // A batch may wait for the tracker as long as the relay retries, plus room to dead-letter it.
        props.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG,
                (int) Math.min(Integer.MAX_VALUE, config.giveUpAfter().plusMinutes(5).toMillis()));
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        consumer = new KafkaConsumer<>(props);
        // A new run knows nothing yet: each partition's window is read back before its first poll is
        // relayed. It must hold a whole poll, so that a rewound poll never sends what it delivered.
        int windowSize = Math.max(config.dedupeWindow(), 2 * config.maxPollRecords());
        HandledWindow window = new HandledWindow(deliveredRanges, windowSize, config.recordEvery());
        // Partitions taken away in a poll (the listener runs on the polling thread, inside poll()).
        Set<TopicPartition> revoked = new HashSet<>();
        consumer.subscribe(List.of(Topics.INTERACTIONS), new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                window.forget(partitions);
                revoked.addAll(partitions);
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                // Read back lazily, in relay(): a failure there rewinds the poll and is retried.
            }
        });
        running = true;
        KafkaConsumer<String, String> mine = consumer;
        calls = callThreads(config.maxInFlight());
        ExecutorService myCalls = calls;
        worker = BackgroundThreads.newThread(() -> run(mine, myCalls, window, windowSize, revoked), "tracker-relay");
        worker.start();
        LOG.infof("relaying %s to the event tracker", Topics.INTERACTIONS);
    }

    /** Stops relaying; what was polled and not committed is redelivered to whoever relays next. */
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        consumer.wakeup();
        try {
            worker.join(Duration.ofSeconds(30).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // Sessions still queued (the worker did not finish in time) end as cancelled, not waited for.
        calls.shutdownNow().forEach(queued -> {
            if (queued instanceof Future<?> session) {
                session.cancel(false);
            }
        });
        oldestPending.set(0);
    }

    /** The threads PutEvents calls run on: at most {@code maxInFlight} calls at once. */
    private static ExecutorService callThreads(int maxInFlight) {
        return Executors.newFixedThreadPool(Math.max(1, maxInFlight), BackgroundThreads.daemonFactory("tracker-relay-call"));
    }

    public boolean running() {
        return running;
    }

    double lagSeconds() {
        long oldest = oldestPending.get();
        return oldest == 0 ? 0.0 : Math.max(0, System.currentTimeMillis() - oldest) / 1000.0;
    }

    private void run(KafkaConsumer<String, String> consumer, ExecutorService calls, HandledWindow window,
                     int windowSize, Set<TopicPartition> revoked) {
        int failures = 0;
        CallPacer pacer = new CallPacer(config.callsPerSecond(), config.initialBackoff(), config.maxBackoff());
        // The unit being relayed, per partition in offset order: what a failure rewinds.
        Map<TopicPartition, List<ConsumerRecord<String, String>>> unit = new LinkedHashMap<>();
        try {
            while (running) {
                unit.clear();
                try {
                    ConsumerRecords<String, String> first = consumer.poll(POLL);
                    for (TopicPartition partition : first.partitions()) {
                        unit.put(partition, new ArrayList<>(first.records(partition)));
                    }
                    if (first.count() >= config.maxPollRecords() || behind(consumer) >= config.maxPollRecords()) {
                        gather(consumer, unit, first.count(), windowSize, revoked);
                    }
                    ConsumerRecords<String, String> records = new ConsumerRecords<>(unit, Map.of());
                    if (records.isEmpty()) {
                        oldestPending.set(0);
                    } else {
                        oldestPending.set(oldestTimestamp(records));
                        relay(records, pacer, calls, window);
                        consumer.commitSync(nextOffsets(records));
                        oldestPending.set(0);
                    }
                    failures = 0;
                    measureLag(consumer);
                } catch (WakeupException | Stopped e) {
                    // Only stop() wakes the consumer: leave the batch to whoever relays next.
                    rewind(consumer, unit);
                } catch (RuntimeException e) {
                    failures++;
                    LOG.warnf("relay batch failed (%s); it will be taken again", e.toString());
                    rewind(consumer, unit);
                    pause(pacer.backoff(failures));
                }
            }
        } finally {
            try {
                consumer.close(Duration.ofSeconds(5));
            } catch (RuntimeException e) {
                LOG.debugf("relay consumer close: %s", e);
            }
        }
    }

    /**
     * The relay is behind (a poll came back full): polls on into {@code unit}, up to
     * {@code ingest.relay.max-batch-records}, so that a session's events go in fewer PutEvents
     * calls (one session per call). Stops when a poll comes back empty (caught up), after
     * {@link #GATHER_AT_MOST}, or before a partition could hold more than {@code windowSize}
     * records: the dedupe window must hold a whole unit, so that a rewound unit never sends
     * again what it delivered.
     */
    private void gather(KafkaConsumer<String, String> consumer,
                        Map<TopicPartition, List<ConsumerRecord<String, String>>> unit, int count, int windowSize,
                        Set<TopicPartition> revoked) {
        int perPoll = config.maxPollRecords();
        long until = System.nanoTime() + GATHER_AT_MOST.toNanos();
        int total = count;
        // Only what is taken away from here on concerns the unit: the first poll's records came after.
        revoked.clear();
        while (running && total + perPoll <= config.maxBatchRecords() && fullest(unit) + perPoll <= windowSize
                && System.nanoTime() < until) {
            ConsumerRecords<String, String> more = consumer.poll(GATHER_POLL);
            // A rebalance inside that poll: what was gathered from a partition taken away is left to
            // its next owner, which starts at the committed offset (so does this relay if it gets
            // the partition back: the poll's records for it then start there again).
            for (TopicPartition gone : revoked) {
                List<ConsumerRecord<String, String>> dropped = unit.remove(gone);
                total -= dropped == null ? 0 : dropped.size();
            }
            revoked.clear();
            if (more.isEmpty()) {
                return;
            }
            for (TopicPartition partition : more.partitions()) {
                unit.computeIfAbsent(partition, k -> new ArrayList<>()).addAll(more.records(partition));
            }
            total += more.count();
        }
    }

    /**
     * Records behind the position on this relay's partitions, as the consumer knows from its last
     * fetches (no request to the broker; unknown counts as none). A burst that starts while the
     * relay is caught up fills the topic before a poll comes back full: the unit under way then
     * was one poll at 1-2 events per call and took ~40 s (docs/benchmarks.md).
     */
    private static long behind(KafkaConsumer<String, String> consumer) {
        long behind = 0;
        for (TopicPartition partition : consumer.assignment()) {
            behind += consumer.currentLag(partition).orElse(0);
        }
        return behind;
    }

    private static int fullest(Map<TopicPartition, List<ConsumerRecord<String, String>>> unit) {
        int most = 0;
        for (List<ConsumerRecord<String, String>> records : unit.values()) {
            most = Math.max(most, records.size());
        }
        return most;
    }

    /** Delivers or dead-letters every event of the batch; throws when that is not done. */
    private void relay(ConsumerRecords<String, String> records, CallPacer pacer, ExecutorService calls,
                       HandledWindow window) {
        for (TopicPartition partition : records.partitions()) {
            if (!window.seeded(partition)) {
                // Taken just now (start, rebalance): what a predecessor handled there is not sent again.
                window.seed(partition, records.records(partition).get(0).offset());
            }
        }
        List<DeadLetters.Keyed> letters = Collections.synchronizedList(new ArrayList<>());
        Map<String, InteractionEvent> byId = new LinkedHashMap<>();
        Map<String, ConsumerRecord<String, String>> sources = new HashMap<>();
        Set<String> replayed = new HashSet<>();
        for (ConsumerRecord<String, String> record : records) {
            if (record.headers().lastHeader(Topics.HISTORY_HEADER) != null) {
                history.increment();
                continue;
            }
            InteractionEvent event = EventJson.readInteraction(record.value());
            if (!deliverable(event)) {
                letters.add(new DeadLetters.Keyed(record.key(), new DeadLetter(null, record.value(),
                        "unreadable: not an interaction event with eventId, sessionId, eventType and sentAt",
                        source(record), Instant.now())));
            } else if (byId.putIfAbsent(event.eventId(), event) != null) {
                duplicates.increment();
            } else {
                sources.put(event.eventId(), record);
                if (record.headers().lastHeader(Topics.DLQ_REPLAY_HEADER) != null) {
                    replayed.add(event.eventId());
                }
            }
        }
        // Per session, then per user within it (a session that signs in changes user): one session's
        // calls go one after another, in order; different sessions' calls overlap.
        Map<String, Map<String, List<InteractionEvent>>> bySession = new LinkedHashMap<>();
        for (InteractionEvent event : byId.values()) {
            DeliveredRanges.Outcome outcome = window.outcome(event.eventId());
            // A dead-lettered event comes back only through a replay; a delivered one never goes twice.
            boolean again = outcome == DeliveredRanges.Outcome.DELIVERED
                    || outcome == DeliveredRanges.Outcome.DEAD_LETTERED && !replayed.contains(event.eventId());
            if (again) {
                duplicates.increment();
            } else {
                bySession.computeIfAbsent(event.sessionId(), k -> new LinkedHashMap<>())
                        .computeIfAbsent(String.valueOf(event.userId()), k -> new ArrayList<>()).add(event);
            }
        }
        try {
            List<Future<?>> sessions = new ArrayList<>(bySession.size());
            for (Map<String, List<InteractionEvent>> session : bySession.values()) {
                sessions.add(calls.submit(() -> {
                    for (List<InteractionEvent> events : session.values()) {
                        for (int from = 0; from < events.size(); from += MAX_EVENTS_PER_CALL) {
                            deliver(events.subList(from, Math.min(events.size(), from + MAX_EVENTS_PER_CALL)), pacer,
                                    sources, letters, window);
                        }
                    }
                }));
            }
            awaitAll(sessions);
        } finally {
            // Also when the batch failed: what the tracker took is not sent again after the rewind.
            window.flush();
        }
        deadLetters.write(letters);
        List<DeliveredRanges.Handled> dead = new ArrayList<>();
        for (DeadLetters.Keyed letter : letters) {
            if (letter.letter().event() != null) {
                ConsumerRecord<String, String> record = sources.get(letter.letter().event().eventId());
                dead.add(handled(record, letter.letter().event().eventId(), DeliveredRanges.Outcome.DEAD_LETTERED));
            }
        }
        if (!dead.isEmpty()) {
            window.add(dead);
            window.flush();
        }
    }

    private static DeliveredRanges.Handled handled(ConsumerRecord<String, String> record, String eventId,
                                                   DeliveredRanges.Outcome outcome) {
        return new DeliveredRanges.Handled(new TopicPartition(record.topic(), record.partition()), record.offset(),
                eventId, outcome);
    }

    /**
     * Waits for every task of the batch (no session may still be sending when the batch is
     * rewound), then throws the first failure.
     */
    private static void awaitAll(List<? extends Future<?>> tasks) {
        RuntimeException failure = null;
        boolean interrupted = false;
        for (Future<?> task : tasks) {
            while (true) {
                try {
                    task.get();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (CancellationException e) {
                    failure = failure == null ? e : failure;
                    break;
                } catch (ExecutionException e) {
                    if (failure == null) {
                        failure = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                    }
                    break;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure != null) {
            throw failure;
        }
    }

    private void deliver(List<InteractionEvent> call, CallPacer pacer, Map<String, ConsumerRecord<String, String>> sources,
                         List<DeadLetters.Keyed> letters, HandledWindow window) {
        InteractionEvent first = call.get(0);
        long started = System.nanoTime();
        for (int attempt = 1; ; attempt++) {
            if (!running) {
                throw new Stopped();
            }
            pacer.awaitTurn();
            try {
                tracker.put(first.userId(), first.sessionId(), call);
                delivered.increment(call.size());
                window.add(call.stream().map(e -> handled(sources.get(e.eventId()), e.eventId(),
                        DeliveredRanges.Outcome.DELIVERED)).toList());
                return;
            } catch (Tracker.NotDelivered refused) {
                if (refused.refusal() == Tracker.Refusal.FINAL) {
                    if (call.size() > 1) {
                        // Find the events that cannot be taken; the others still go through.
                        for (InteractionEvent single : call) {
                            deliver(List.of(single), pacer, sources, letters, window);
                        }
                    } else {
                        letters.add(new DeadLetters.Keyed(sources.get(first.eventId()).key(),
                                new DeadLetter(first, null, refused.getMessage(), null, Instant.now())));
                    }
                    return;
                }
                if (Duration.ofNanos(System.nanoTime() - started).compareTo(config.giveUpAfter()) > 0) {
                    for (InteractionEvent event : call) {
                        letters.add(new DeadLetters.Keyed(sources.get(event.eventId()).key(), new DeadLetter(event, null,
                                "still failing after " + config.giveUpAfter() + ": " + refused.getMessage(), null,
                                Instant.now())));
                    }
                    return;
                }
                retried.increment();
                pause(pacer.backoff(attempt));
            }
        }
    }

    private static boolean deliverable(InteractionEvent event) {
        return event != null && notBlank(event.eventId()) && notBlank(event.sessionId())
                && notBlank(event.eventType()) && event.sentAt() != null;
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    /** Sleeps, unless the relay is stopping: then the batch is left for whoever relays next. */
    private void pause(Duration wait) {
        long until = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < until) {
            if (!running) {
                throw new Stopped();
            }
            LockSupport.parkNanos(Math.min(until - System.nanoTime(), Duration.ofMillis(100).toNanos()));
        }
        if (!running) {
            throw new Stopped();
        }
    }

    private void measureLag(KafkaConsumer<String, String> consumer) {
        long now = System.currentTimeMillis();
        if (now - lagCheckedAt < 1000) {
            return;
        }
        lagCheckedAt = now;
        Set<TopicPartition> assigned = consumer.assignment();
        if (assigned.isEmpty()) {
            return;
        }
        try {
            long behind = 0;
            for (Map.Entry<TopicPartition, Long> end : consumer.endOffsets(assigned, Duration.ofSeconds(1)).entrySet()) {
                behind += Math.max(0, end.getValue() - consumer.position(end.getKey(), Duration.ofSeconds(1)));
            }
            lagEvents.set(behind);
        } catch (RuntimeException e) {
            LOG.debugf("relay lag not measured: %s", e);
        }
    }

    private static long oldestTimestamp(ConsumerRecords<String, String> records) {
        long oldest = Long.MAX_VALUE;
        for (ConsumerRecord<String, String> record : records) {
            oldest = Math.min(oldest, record.timestamp());
        }
        return oldest == Long.MAX_VALUE ? System.currentTimeMillis() : oldest;
    }

    private static Map<TopicPartition, OffsetAndMetadata> nextOffsets(ConsumerRecords<String, String> records) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition partition : records.partitions()) {
            List<ConsumerRecord<String, String>> inPartition = records.records(partition);
            offsets.put(partition, new OffsetAndMetadata(inPartition.get(inPartition.size() - 1).offset() + 1));
        }
        return offsets;
    }

    /** Back to the first record of the batch on every partition still ours, so it is taken again. */
    private static void rewind(KafkaConsumer<String, String> consumer,
                               Map<TopicPartition, List<ConsumerRecord<String, String>>> unit) {
        try {
            Set<TopicPartition> assigned = new HashSet<>(consumer.assignment());
            for (Map.Entry<TopicPartition, List<ConsumerRecord<String, String>>> partition : unit.entrySet()) {
                if (assigned.contains(partition.getKey()) && !partition.getValue().isEmpty()) {
                    consumer.seek(partition.getKey(), partition.getValue().get(0).offset());
                }
            }
        } catch (RuntimeException e) {
            LOG.debugf("relay rewind: %s", e);
        }
    }

    private static String source(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }

    /** The relay is stopping in the middle of a batch. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super("stopping", null, false, false);
        }
    }
}
