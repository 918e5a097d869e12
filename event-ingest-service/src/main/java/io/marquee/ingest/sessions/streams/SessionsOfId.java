package io.marquee.ingest.sessions.streams;

import io.marquee.ingest.sessions.service.SessionAggregate;
import java.util.ArrayList;
import java.util.List;

/**
 * What the {@link Sessioniser} keeps for one session id: its session windows, earliest first,
 * never within the inactivity gap of each other (an event within the gap of two joins them). Usually
 * one; more when a client kept its session id across a pause longer than the gap.
 *
 * @param windows its windows by start
 */
record SessionsOfId(List<Window> windows) {

    /**
     * One session window.
     *
     * @param session what it holds; its start and end are the window's bounds
     * @param emitted whether it was emitted as closed already; kept so that a late event may still join it (it
     *                is then emitted again, merged), as Kafka's session store kept closed windows until its
     *                retention (gap + grace of stream time) had passed
     */
    record Window(SessionAggregate session, boolean emitted) {

        long start() {
            return session.start().toEpochMilli();
        }

        long end() {
            return session.end().toEpochMilli();
        }
    }

    static final SessionsOfId NONE = new SessionsOfId(List.of());

    /** These windows with {@code window} added in its place by start. */
    SessionsOfId with(Window window) {
        List<Window> all = new ArrayList<>(windows.size() + 1);
        boolean added = false;
        for (Window w : windows) {
            if (!added && window.start() < w.start()) {
                all.add(window);
                added = true;
            }
            all.add(w);
        }
        if (!added) {
            all.add(window);
        }
        return new SessionsOfId(all);
    }

    /** These windows without the one starting at {@code start}. */
    SessionsOfId without(long start) {
        List<Window> rest = new ArrayList<>(windows.size());
        for (Window w : windows) {
            if (w.start() != start) {
                rest.add(w);
            }
        }
        return new SessionsOfId(rest);
    }

    /** The window starting at {@code start}, or null. */
    Window at(long start) {
        for (Window w : windows) {
            if (w.start() == start) {
                return w;
            }
        }
        return null;
    }
}
