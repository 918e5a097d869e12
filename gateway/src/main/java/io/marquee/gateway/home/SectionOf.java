package io.marquee.gateway.home;

import java.util.List;

/** A {@link HomeSection} made of its id, place on the page, audience and what loads it. */
record SectionOf(String id, int order, boolean personal, Loader loader) implements HomeSection {

    /** Loads a section's rows for one viewer (see {@link HomeSection#load}). */
    @FunctionalInterface
    interface Loader {
        List<Section> load(Viewer viewer, int limit);
    }

    @Override
    public List<Section> load(Viewer viewer, int limit) {
        return loader.load(viewer, limit);
    }
}
