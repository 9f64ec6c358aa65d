package dev.tradingsdk.core.risk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IdWindowTest {

    /** Keys with few distinct hashes, so probe runs are long and removal must shift entries back. */
    private record Colliding(int id) {
        @Override
        public int hashCode() {
            return id % 7;
        }
    }

    @Test
    void removingTheLatestKeyKeepsEveryOtherKeyFindableAgainstASetModel() {
        Random random = new Random(11);
        for (int round = 0; round < 200; round++) {
            IdWindow window = new IdWindow(64);
            Set<Colliding> model = new HashSet<>();
            List<Colliding> added = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                Colliding key = new Colliding(random.nextInt(500));
                if (window.add(key)) {
                    model.add(key);
                    added.add(key);
                }
                if (random.nextInt(3) == 0 && !added.isEmpty()) {
                    Colliding last = added.remove(added.size() - 1);
                    assertThat(window.remove(last)).isTrue();
                    model.remove(last);
                }
            }
            for (int id = 0; id < 500; id++) {
                Colliding key = new Colliding(id);
                assertThat(window.contains(key)).as("round %d id %d", round, id).isEqualTo(model.contains(key));
            }
            assertThat(window.remove(new Colliding(9999))).isFalse();
        }
    }
}
