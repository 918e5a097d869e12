package io.marquee.gateway.home;

import java.util.List;

/**
 * One kind of row of the home page (a chart, "for you", "because you watched …"). Each implementation is a CDI bean; {@link HomePage} finds them all,
 * loads them in parallel and leaves out the ones that fail or miss their budget, so adding a row
 * is adding a bean.
 */
public interface HomeSection {

    /** Stable id clients key on, e.g. {@code trending}. */
    String id();

    /** Where the row sits on the page: lower first. */
    int order();

    /**
     * Whether the row is only for a signed-in viewer (it is skipped for anonymous ones). A row that
     * is not personal must be the same for every viewer: one load of it serves every page waiting
     * at that moment, and its last answer stands in when a load fails ({@link SharedRows}).
     */
    boolean personal();

    /**
     * Loads the rows (usually one; "because you watched" gives one per seed title). Runs on a
     * worker thread, not the request's, so everything the call needs from the request is in
     * {@code viewer}.
     *
     * @throws SectionUnavailable when the service behind it answered, but not with rows
     */
    List<Section> load(Viewer viewer, int limit);
}
