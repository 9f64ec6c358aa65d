package dev.tradingsdk.polymarket.arb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsdk.core.journal.Journal;
import dev.tradingsdk.core.journal.JsonCodec;
import dev.tradingsdk.core.market.BookSnapshot;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BookRecorderTest {

    @Test
    void recordsToTheJournalAndToCsvThatReadsBackAsTheSameBooks(@TempDir Path dir) {
        DepthRecording original = ArbFixtures.recording("btc-updown-15m-1767397500");
        List<BookSnapshot> merged = new ArrayList<>(original.yes());
        merged.addAll(original.no());
        merged.sort(Comparator.comparing(BookSnapshot::timestamp)); // stable: YES before NO at each instant
        StringWriter csv = new StringWriter();
        List<BookRecorder.Row> journaled = new ArrayList<>();
        try (Journal<BookRecorder.Row> journal = Journal.builder(dir, JsonCodec.of(BookRecorder.Row.class)).open()) {
            try (BookRecorder recorder = BookRecorder.to(original.market(), csv, journal,
                    ZoneId.of("America/New_York"))) {
                merged.forEach(recorder::onEvent);
            }
            journal.replay(1, (sequence, row) -> journaled.add(row));
        }
        DepthRecording reread = DepthRecording.read(new StringReader(csv.toString()), "recorded",
                original.market());
        assertThat(reread.yes()).isEqualTo(original.yes());
        assertThat(reread.no()).isEqualTo(original.no());
        assertThat(journaled).hasSize(original.yes().size());
        assertThat(csv.toString()).startsWith(DepthRecording.HEADER + "\n2026-01-02T18:58:17.699638-05:00,");
        assertThat(journaled.get(0).csv()).isEqualTo(csv.toString().split("\n")[1]);
    }
}
