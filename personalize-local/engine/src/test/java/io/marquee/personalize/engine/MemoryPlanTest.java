package io.marquee.personalize.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MemoryPlanTest {

    private static final MemoryPlan.Size TEN_K_ITEMS = new MemoryPlan.Size(9_700, 100_000, 600);

    @Test
    void theDenseModelsDominateAndGrowWithTheSquareOfTheDenseItems() {
        long full = MemoryPlan.estimate(Recipe.USER_PERSONALIZATION, TEN_K_ITEMS, TrainingConfig.defaults());
        long half = MemoryPlan.estimate(Recipe.USER_PERSONALIZATION, TEN_K_ITEMS,
                new TrainingConfig(false, Map.of("max_dense_items", "2500", "max_slit_items", "2500")));
        assertThat(full).isGreaterThan(600L << 20);
        assertThat(half).isLessThan(full / 2);
        assertThat(MemoryPlan.estimate(Recipe.USER_PERSONALIZATION, TEN_K_ITEMS, new TrainingConfig(true, Map.of())))
                .isGreaterThan(full);
        assertThat(MemoryPlan.estimate(Recipe.POPULARITY_COUNT, TEN_K_ITEMS, TrainingConfig.defaults()))
                .isLessThan(20L << 20);
    }

    @Test
    void aConfigurationThatFitsIsKeptAsAsked() throws MemoryPlan.DoesNotFit {
        MemoryPlan.Plan plan = MemoryPlan.fit(Recipe.USER_PERSONALIZATION, TEN_K_ITEMS, TrainingConfig.defaults(),
                4L << 30);
        assertThat(plan.change()).isNull();
        assertThat(plan.config()).isEqualTo(TrainingConfig.defaults());
    }

    @Test
    void tooLittleHeapTrainsFewerDenseItemsThenWithoutTheSearchAndSaysSo() throws MemoryPlan.DoesNotFit {
        MemoryPlan.Plan smaller = MemoryPlan.fit(Recipe.USER_PERSONALIZATION, TEN_K_ITEMS, TrainingConfig.defaults(),
                200L << 20);
        int dense = Integer.parseInt(smaller.config().hyperParameters().get("max_dense_items"));
        assertThat(dense).isBetween(MemoryPlan.MIN_DENSE_ITEMS, 4999);
        assertThat(smaller.bytes()).isLessThanOrEqualTo(200L << 20);
        assertThat(smaller.change()).contains("max_dense_items 5000 → " + dense).contains("MB");

        MemoryPlan.Plan noSearch = MemoryPlan.fit(Recipe.USER_PERSONALIZATION, TEN_K_ITEMS,
                new TrainingConfig(true, Map.of()), 40L << 20);
        assertThat(noSearch.config().performHpo()).isFalse();
        assertThat(noSearch.change()).contains("performHPO off");
    }

    @Test
    void whatCannotFitAtItsSmallestFailsNamingWhatItNeeds() {
        assertThatThrownBy(() -> MemoryPlan.fit(Recipe.USER_PERSONALIZATION, TEN_K_ITEMS, TrainingConfig.defaults(),
                1L << 20)).isInstanceOf(MemoryPlan.DoesNotFit.class).hasMessageContaining("Not enough memory to train")
                .hasMessageContaining("9700 items").hasMessageContaining("-Xmx");
    }
}
