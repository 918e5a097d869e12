package io.marquee.personalize.engine;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The request path's blend must give the numbers the offline path (and HPO) gives, to the bit. */
class ComponentsBlendTest {

    @Test
    void blendIntoEqualsBlendOfAllComponentsWithAndWithoutExclusions() {
        Dataset data = Fixtures.dataset();
        Catalog catalog = Catalog.of(data);
        Sequences seqs = Sequences.of(data.interactions(), catalog);
        // Few dense items and SLIT items, so some items are reached only by transitions and popularity.
        Params p = Params.of(Fixtures.hp("max_dense_items", "30", "max_slit_items", "20"));
        Components c = Components.fit(catalog.counts(), catalog.size(), seqs, p);
        int n = catalog.size();
        double[] counts = catalog.counts();
        Catalog.View view = catalog.view();
        Components.Scratch scratch = new Components.Scratch();
        // Scratch arrays longer than the catalog, as when another model grew them.
        scratch.ensure(n + 7, c.k + 3);
        SplittableRandom r = new SplittableRandom(3);
        for (int u = 0; u < seqs.size(); u++) {
            int[] seq = seqs.items[u];
            boolean[] excluded = null;
            if (u % 2 == 0) {
                excluded = new boolean[n];
                for (int i : seq) {
                    excluded[i] = true;
                }
                excluded[r.nextInt(n)] = true;
            }
            double[] expected = Components.blend(c.all(seq, n, p), Components.weights(p), counts, excluded);
            c.blendInto(seq, n, p, view.popularity(1e-3), excluded, scratch.scores, scratch);
            for (int i = 0; i < n; i++) {
                assertThat(scratch.scores[i]).as("user %d item %d", u, i).isEqualTo(expected[i]);
            }
            for (double t : scratch.transitions) {
                assertThat(t).isZero();
            }
        }
    }

    @Test
    void aViewIsRebuiltAfterAnEventAndKeptOtherwise() {
        Catalog catalog = Catalog.of(Fixtures.dataset());
        Catalog.View before = catalog.view();
        assertThat(catalog.view()).isSameAs(before);
        catalog.observe(Fixtures.event("u", "brand-new", Fixtures.START + 1));
        Catalog.View after = catalog.view();
        assertThat(after).isNotSameAs(before);
        assertThat(after.size()).isEqualTo(before.size() + 1);
        assertThat(after.ids[after.size() - 1]).isEqualTo("brand-new");
    }
}
