package dev.tradingsdk.core.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal example in trading-core/README-http-journal.md, verbatim between the marker comments. */
class ReadmeExampleTest {

    @TempDir
    Path dir;

    @Test
    void journalExample() {
        List<Long> replayed = new ArrayList<>();
        FilledQuantity restored;

        // README example: begin
        JsonCodec<FilledQuantity> stateCodec = JsonCodec.of(FilledQuantity.class);
        try (Journal<TradeEvent> journal = Journal.builder(dir, JsonCodec.of(TradeEvent.class))
                .fsync(FsyncPolicy.batched(100, Duration.ofMillis(5)))
                .open()) {
            journal.append(new TradeEvent.OrderPlaced("o-1", "AAPL", 10, new BigDecimal("187.25")));
            long seq = journal.append(new TradeEvent.Filled("o-1", 10, new BigDecimal("187.20")));
            journal.sync();
            journal.writeSnapshot(seq, new FilledQuantity(1, 10), stateCodec);
            journal.replay(1, (sequence, event) -> replayed.add(sequence));
            restored = journal.restore(stateCodec, FilledQuantity.EMPTY, FilledQuantity::apply);
        }
        // README example: end

        assertThat(replayed).containsExactly(1L, 2L);
        assertThat(restored).isEqualTo(new FilledQuantity(1, 10));
    }
}
