package dev.tradingsdk.core.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParameterSpaceTest {

    private final ParameterSpace space = ParameterSpace.builder()
            .integers("fast", 5, 20, 5)
            .decimals("k", "0.1", "0.3", "0.1")
            .choices("side", "long", "both")
            .build();

    @Test
    void the_grid_enumerates_every_combination_last_parameter_fastest() {
        List<ParameterSet> grid = space.grid();
        assertThat(space.size()).isEqualTo(4 * 3 * 2);
        assertThat(grid).hasSize(24);
        assertThat(grid.get(0).canonical()).isEqualTo("fast=5,k=0.1,side=long");
        assertThat(grid.get(1).canonical()).isEqualTo("fast=5,k=0.1,side=both");
        assertThat(grid.get(2).canonical()).isEqualTo("fast=5,k=0.2,side=long");
        assertThat(grid.get(23).canonical()).isEqualTo("fast=20,k=0.3,side=both");
        assertThat(new HashSet<>(grid)).hasSize(24);
    }

    @Test
    void decimal_steps_are_exact() {
        List<ParameterSet> grid = ParameterSpace.builder().decimals("x", "0", "1", "0.1").build().grid();
        assertThat(grid).hasSize(11);
        assertThat(grid.get(3).get("x")).isEqualTo("0.3");
        assertThat(grid.get(10).decimal("x")).isEqualByComparingTo("1");
    }

    @Test
    void random_search_is_seeded_distinct_and_inside_the_grid() {
        List<ParameterSet> a = space.random(10, 42L);
        List<ParameterSet> b = space.random(10, 42L);
        assertThat(a).isEqualTo(b).hasSize(10);
        assertThat(new HashSet<>(a)).hasSize(10);
        assertThat(space.grid()).containsAll(a);
        assertThat(space.random(10, 43L)).isNotEqualTo(a);
        assertThat(space.random(24, 1L)).containsExactlyInAnyOrderElementsOf(space.grid());
    }

    @Test
    void bad_declarations_are_refused_naming_the_parameter() {
        assertThatThrownBy(() -> ParameterSpace.builder().integers("a", 1, 2, 1).integers("a", 1, 2, 1))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("a is declared twice");
        assertThatThrownBy(() -> ParameterSpace.builder().integers("slow", 10, 5, 1))
                .hasMessageContaining("slow.from 10 is above slow.to 5");
        assertThatThrownBy(() -> ParameterSpace.builder().decimals("k", "0", "1", "-0.1"))
                .hasMessageContaining("k.step must be positive");
        assertThatThrownBy(() -> ParameterSpace.builder().decimals("k", "zero", "1", "0.1"))
                .hasMessageContaining("k.from is not a decimal").hasMessageContaining("zero");
        assertThatThrownBy(() -> ParameterSpace.builder().choices("mode", "a", "a"))
                .hasMessageContaining("mode lists the choice \"a\" twice");
        assertThatThrownBy(() -> ParameterSpace.builder().build()).hasMessageContaining("at least one parameter");
        assertThatThrownBy(() -> space.random(25, 1L)).hasMessageContaining("grid size 24");
    }

    @Test
    void parameter_sets_refuse_values_that_would_break_their_text_form() {
        assertThatThrownBy(() -> ParameterSet.of("a", "1,2")).hasMessageContaining("parameter a")
                .hasMessageContaining("1,2");
        assertThatThrownBy(() -> ParameterSet.of("1a", "1")).hasMessageContaining("1a");
        assertThatThrownBy(() -> ParameterSet.of("a", "1", "a", "2")).hasMessageContaining("a is given twice");
        assertThatThrownBy(() -> ParameterSet.of("a", "x").integer("a")).hasMessageContaining("not a whole number: x");
        assertThatThrownBy(() -> ParameterSet.of("a", "1").get("b")).hasMessageContaining("no parameter b in {a=1}");
    }
}
