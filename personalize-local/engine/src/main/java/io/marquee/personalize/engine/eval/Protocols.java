package io.marquee.personalize.engine.eval;

import io.marquee.personalize.engine.Interaction;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The two offline protocols. A user's events are ordered by time; events with the same timestamp
 * keep their order in the file.
 */
public final class Protocols {

    private Protocols() {
    }

    /**
     * (a) Temporal leave-last-one-out: for every user, the truth is the newest item that user had
     * not interacted with before (a rating of an already-viewed title is not a new item), the
     * input is every event before it, and the training data is every user's input. Users whose
     * input would be empty are skipped (their events still train).
     */
    public static EvalSplit leaveLastOut(List<Interaction> all) {
        List<Interaction> training = new ArrayList<>();
        List<EvalCase> cases = new ArrayList<>();
        for (Map.Entry<String, List<Interaction>> e : byUser(all).entrySet()) {
            List<Interaction> events = e.getValue();
            Set<String> earlier = new HashSet<>();
            int last = -1;
            for (int i = 0; i < events.size(); i++) {
                if (earlier.add(events.get(i).itemId())) {
                    last = i;
                }
            }
            if (last <= 0) {
                training.addAll(events);
                continue;
            }
            List<Interaction> input = List.copyOf(events.subList(0, last));
            training.addAll(input);
            cases.add(new EvalCase(e.getKey(), input, Set.of(events.get(last).itemId())));
        }
        return new EvalSplit("leave-last-one-out", training, cases);
    }

    /**
     * (b) Personalize's protocol: {@code userShare} of the users (chosen at random with the seed)
     * are held out of training; for each, the oldest {@code inputShare} of its events are the
     * input and the distinct items of the rest that are not in the input are the truth. All other
     * users' events train.
     */
    public static EvalSplit heldOutUsers(List<Interaction> all, double userShare, double inputShare, long seed) {
        Map<String, List<Interaction>> byUser = byUser(all);
        List<String> users = new ArrayList<>(byUser.keySet());
        Collections.shuffle(users, new java.util.Random(seed));
        int held = (int) Math.round(users.size() * userShare);
        Set<String> test = new HashSet<>(users.subList(0, held));
        List<Interaction> training = new ArrayList<>();
        List<EvalCase> cases = new ArrayList<>();
        for (Map.Entry<String, List<Interaction>> e : byUser.entrySet()) {
            List<Interaction> events = e.getValue();
            if (!test.contains(e.getKey())) {
                training.addAll(events);
                continue;
            }
            int cut = (int) Math.floor(events.size() * inputShare);
            cut = Math.max(1, Math.min(cut, events.size() - 1));
            if (events.size() < 2) {
                continue;
            }
            List<Interaction> input = List.copyOf(events.subList(0, cut));
            Set<String> seen = new HashSet<>();
            input.forEach(i -> seen.add(i.itemId()));
            Set<String> truth = new LinkedHashSet<>();
            for (Interaction i : events.subList(cut, events.size())) {
                if (!seen.contains(i.itemId())) {
                    truth.add(i.itemId());
                }
            }
            if (!truth.isEmpty()) {
                cases.add(new EvalCase(e.getKey(), input, truth));
            }
        }
        return new EvalSplit("held-out users (Personalize 90/10)", training, cases);
    }

    /** A real-time case: the history without the user's last two events, the event sent through PutEvents, the truth. */
    public record RealTimeCase(String user, List<Interaction> before, Interaction sent, Set<String> truth) {
    }

    /** The training data (every user's events but the last two) and one case per user with a new item last. */
    public record RealTimeSplit(List<Interaction> training, List<RealTimeCase> cases) {
    }

    /**
     * (c) The real-time path: the model trains without each user's last two events; the
     * second-to-last then arrives as a PutEvents event would, and the truth is the last, when it
     * is an item the user had not interacted with before (as in (a)). Users with fewer than three
     * events only train.
     */
    public static RealTimeSplit lastTwoOut(List<Interaction> all) {
        List<Interaction> training = new ArrayList<>();
        List<RealTimeCase> cases = new ArrayList<>();
        for (Map.Entry<String, List<Interaction>> e : byUser(all).entrySet()) {
            List<Interaction> events = e.getValue();
            int n = events.size();
            if (n < 3) {
                training.addAll(events);
                continue;
            }
            List<Interaction> before = List.copyOf(events.subList(0, n - 2));
            training.addAll(before);
            Set<String> earlier = new HashSet<>();
            events.subList(0, n - 1).forEach(i -> earlier.add(i.itemId()));
            String last = events.get(n - 1).itemId();
            if (!earlier.contains(last)) {
                cases.add(new RealTimeCase(e.getKey(), before, events.get(n - 2), Set.of(last)));
            }
        }
        return new RealTimeSplit(training, cases);
    }

    static Map<String, List<Interaction>> byUser(List<Interaction> all) {
        Map<String, List<Interaction>> byUser = new LinkedHashMap<>();
        for (Interaction i : all) {
            byUser.computeIfAbsent(i.userId(), k -> new ArrayList<>()).add(i);
        }
        byUser.values().forEach(l -> l.sort(Comparator.comparingLong(Interaction::timestampMillis)));
        return byUser;
    }

}
