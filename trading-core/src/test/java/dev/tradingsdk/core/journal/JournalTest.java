package dev.tradingsdk.core.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {

    private static final JsonCodec<TradeEvent> CODEC = JsonCodec.of(TradeEvent.class);
    private static final JsonCodec<FilledQuantity> STATE = JsonCodec.of(FilledQuantity.class);

    @TempDir
    Path dir;

    private static List<TradeEvent> replayAll(Journal<TradeEvent> journal) {
        List<TradeEvent> events = new ArrayList<>();
        List<Long> sequences = new ArrayList<>();
        journal.replay(journal.firstSequence(), (seq, event) -> {
            sequences.add(seq);
            events.add(event);
        });
        for (int i = 0; i < sequences.size(); i++) {
            assertThat(sequences.get(i)).isEqualTo(journal.firstSequence() + i);
        }
        return events;
    }

    private static List<TradeEvent> numbered(long from, long to) {
        List<TradeEvent> events = new ArrayList<>();
        for (long n = from; n <= to; n++) {
            events.add(TradeEvent.numbered(n));
        }
        return events;
    }

    @Test
    void appendsAndReplaysTypedEventsInOrderAcrossReopen() {
        try (Journal<TradeEvent> journal = Journal.builder(dir, CODEC).open()) {
            assertThat(journal.lastSequence()).isZero();
            assertThat(journal.append(TradeEvent.numbered(1))).isEqualTo(1);
            assertThat(journal.append(TradeEvent.numbered(2))).isEqualTo(2);
        }
        try (Journal<TradeEvent> journal = Journal.builder(dir, CODEC).open()) {
            assertThat(journal.recoveryReport().truncated()).isFalse();
            assertThat(journal.append(TradeEvent.numbered(3))).isEqualTo(3);
            assertThat(replayAll(journal)).containsExactlyElementsOf(numbered(1, 3));
            List<Long> fromTwo = new ArrayList<>();
            assertThat(journal.replay(2, (seq, event) -> fromTwo.add(seq))).isEqualTo(2);
            assertThat(fromTwo).containsExactly(2L, 3L);
        }
    }

    @Test
    void recordsAreOneLineJsonReadableWithStandardTools() throws IOException {
        Path segment;
        try (Journal<TradeEvent> journal = Journal.builder(dir, CODEC).open()) {
            journal.append(new TradeEvent.OrderPlaced("o-1", "AAPL", 10, new BigDecimal("187.25")));
            segment = journal.segmentFiles().get(0);
        }
        String text = Files.readString(segment, StandardCharsets.ISO_8859_1);
        assertThat(text.lines()).anyMatch(line -> line.endsWith(
            "{\"type\":\"order_placed\",\"orderId\":\"o-1\",\"symbol\":\"AAPL\",\"quantity\":10,\"limitPrice\":187.25}"));
    }

    @Test
    void rollsOverSegmentsAndReplaysAcrossThem() {
        try (Journal<TradeEvent> journal = Journal.builder(dir, CODEC).segmentSize(512).fsync(FsyncPolicy.os()).open()) {
            for (long n = 1; n <= 40; n++) {
                journal.append(TradeEvent.numbered(n));
            }
            assertThat(journal.segmentFiles()).hasSizeGreaterThan(5);
            assertThat(replayAll(journal)).containsExactlyElementsOf(numbered(1, 40));
            List<TradeEvent> tail = new ArrayList<>();
            journal.replay(33, (seq, event) -> tail.add(event));
            assertThat(tail).containsExactlyElementsOf(numbered(33, 40));
        }
        try (Journal<TradeEvent> journal = Journal.builder(dir, CODEC).segmentSize(512).open()) {
            assertThat(journal.lastSequence()).isEqualTo(40);
            assertThat(journal.append(TradeEvent.numbered(41))).isEqualTo(41);
        }
    }

    @Test
    void truncationAtEveryByteOfTheLastRecordLosesOnlyThatRecord() throws IOException {
        Path segment;
        try (Journal<TradeEvent> journal = Journal.builder(dir, CODEC).fsync(FsyncPolicy.os()).open()) {
            for (long n = 1; n <= 4; n++) {
                journal.append(TradeEvent.numbered(n));
            }
            segment = journal.segmentFiles().get(0);
        }
        long beforeLast = Files.size(segment);
        try (Journal<TradeEvent> journal = Journal.builder(dir, CODEC).fsync(FsyncPolicy.os()).open()) {
            journal.append(TradeEvent.numbered(5));
        }
        byte[] full = Files.readAllBytes(segment);
        assertThat(full.length).isGreaterThan((int) beforeLast + 16);

        for (int cut = (int) beforeLast; cut < full.length; cut++) {
            Files.write(segment, java.util.Arrays.copyOf(full, cut));
            try (Journal<TradeEvent> journal = Journal.builder(dir, CODEC).fsync(FsyncPolicy.os()).open()) {
                RecoveryReport report = journal.recoveryReport();
                assertThat(report.lastSequence()).as("cut at %d", cut).isEqualTo(4);
                assertThat(report.truncatedBytes()).as("cut at %d", cut).isEqualTo(cut - beforeLast);
                assertThat(report.truncated()).as("cut at %d", cut).isEqualTo(cut > beforeLast);
                assertThat(replayAll(journal)).as("cut at %d", cut).containsExactlyElementsOf(numbered(1, 4));
                assertThat(journal.append(TradeEvent.numbered(5))).isEqualTo(5);
            }
            try (Journal<TradeEvent> journal = Journal.builder(dir, CODEC).fsync(FsyncPolicy.os()).open()) {
                assertThat(journal.recoveryReport().truncated()).isFalse();
                assertThat(replayAll(journal)).containsExactlyElementsOf(numbered(1, 5));
            }
            assertThat(Files.readAllBytes(segment)).isEqualTo(full);
        }
    }

    @Test
    void aCorruptByteAnywhereInTheLastRecordIsDetectedAndCutOff() throws IOException {
        Path segment;
        long beforeLast;
        try (Journal<TradeEvent> journal = Journal.builder(dir, CODEC).open()) {
            for (long n = 1; n <= 3; n++) {
                journal.append(TradeEvent.numbered(n));
            }
            segment = journal.segmentFiles().get(0);
            beforeLast = Files.size(segment);
            journal.append(TradeEvent.numbered(4));
        }
        byte[] full = Files.readAllBytes(segment);
        for (int at = (int) beforeLast; at < full.length; at++) {
            byte[] damaged = full.clone();
            damaged[at] ^= 0x5A;
            Files.write(segment, damaged);
            try (Journal<TradeEvent> journal = Journal.builder(dir, CODEC).open()) {
                assertThat(journal.recoveryReport().truncated()).as("flip at %d", at).isTrue();
                assertThat(journal.recoveryReport().truncatedBytes()).isEqualTo(full.length - beforeLast);
                assertThat(replayAll(journal)).as("flip at %d", at).containsExactlyElementsOf(numbered(1, 3));
            }
        }
    }

    @Test
    void damageInASealedSegmentIsReportedNotSilentlyDropped() throws IOException {
        Path first;
        try (Journal<TradeEvent> journal = Journal.builder(dir, CODEC).segmentSize(400).open()) {
            for (long n = 1; n <= 20; n++) {
                journal.append(TradeEvent.numbered(n));
            }
            first = journal.segmentFiles().get(0);
        }
        try (FileChannel channel = FileChannel.open(first, StandardOpenOption.WRITE)) {
            channel.write(java.nio.ByteBuffer.wrap(new byte[] {'X'}), 40);
        }
        try (Journal<TradeEvent> journal = Journal.builder(dir, CODEC).segmentSize(400).open()) {
            assertThat(journal.recoveryReport().truncated()).isFalse();
            assertThatThrownBy(() -> journal.replay(1, (seq, event) -> { }))
                .isInstanceOf(JournalCorruptedException.class)
                .hasMessageContaining(first.getFileName().toString())
                .hasMessageContaining("checksum mismatch");
        }
    }

    @Test
    void aSegmentWhoseHeaderWasTornAtCreationIsRepaired() throws IOException {
        Path second;
        try (Journal<TradeEvent> journal = Journal.builder(dir, CODEC).segmentSize(300).open()) {
            for (long n = 1; n <= 6; n++) {
                journal.append(TradeEvent.numbered(n));
            }
            second = journal.segmentFiles().get(journal.segmentFiles().size() - 1);
        }
        long base = Long.parseLong(second.getFileName().toString().replaceAll("\\D", ""));
        try (FileChannel channel = FileChannel.open(second, StandardOpenOption.WRITE)) {
            channel.truncate(5);
        }
        try (Journal<TradeEvent> journal = Journal.builder(dir, CODEC).segmentSize(300).open()) {
            assertThat(journal.recoveryReport().problem()).contains("torn segment header");
            assertThat(journal.lastSequence()).isEqualTo(base - 1);
            assertThat(journal.append(TradeEvent.numbered(base))).isEqualTo(base);
            assertThat(replayAll(journal)).containsExactlyElementsOf(numbered(1, base));
        }
    }

    @Test
    void snapshotsBoundRecoveryAndCompactionDropsCoveredSegments() throws IOException {
        try (Journal<TradeEvent> journal = Journal.builder(dir, CODEC).segmentSize(400).open()) {
            FilledQuantity state = FilledQuantity.EMPTY;
            for (long n = 1; n <= 30; n++) {
                state = state.apply(TradeEvent.numbered(n));
                journal.append(TradeEvent.numbered(n));
                if (n == 20) {
                    journal.writeSnapshot(n, state, STATE);
                }
            }
            int segmentsBefore = journal.segmentFiles().size();
            int deleted = journal.compact();

            assertThat(deleted).isPositive();
            assertThat(journal.segmentFiles()).hasSize(segmentsBefore - deleted);
            assertThat(journal.firstSequence()).isLessThanOrEqualTo(21).isGreaterThan(1);
            assertThat(journal.latestSnapshot(STATE)).contains(new Snapshot<>(20, numberedState(20)));
            assertThatThrownBy(() -> journal.replay(1, (seq, event) -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("compacted");
            assertThat(journal.restore(STATE, FilledQuantity.EMPTY, FilledQuantity::apply)).isEqualTo(state);
        }
        try (Journal<TradeEvent> reopened = Journal.builder(dir, CODEC).segmentSize(400).open()) {
            assertThat(reopened.restore(STATE, FilledQuantity.EMPTY, FilledQuantity::apply))
                .isEqualTo(numberedState(30));
        }
    }

    @Test
    void aDamagedNewestSnapshotFallsBackToTheOlderOne() throws IOException {
        try (Journal<TradeEvent> journal = Journal.builder(dir, CODEC).open()) {
            for (long n = 1; n <= 10; n++) {
                journal.append(TradeEvent.numbered(n));
            }
            journal.writeSnapshot(4, numberedState(4), STATE);
            journal.writeSnapshot(8, numberedState(8), STATE);
            Path newest = dir.resolve(String.format("snapshot-%020d.snap", 8));
            byte[] bytes = Files.readAllBytes(newest);
            bytes[bytes.length - 3] ^= 1;
            Files.write(newest, bytes);

            assertThat(journal.latestSnapshot(STATE)).contains(new Snapshot<>(4, numberedState(4)));
            assertThat(journal.restore(STATE, FilledQuantity.EMPTY, FilledQuantity::apply))
                .isEqualTo(numberedState(10));
        }
    }

    @Test
    void retainsOnlyTheConfiguredNumberOfSnapshots() throws IOException {
        try (Journal<TradeEvent> journal = Journal.builder(dir, CODEC).retainSnapshots(2).open()) {
            for (long n = 1; n <= 5; n++) {
                journal.append(TradeEvent.numbered(n));
                journal.writeSnapshot(n, numberedState(n), STATE);
            }
        }
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(name -> name.startsWith("snapshot-")))
                .containsExactlyInAnyOrder(String.format("snapshot-%020d.snap", 4), String.format("snapshot-%020d.snap", 5));
        }
    }

    @Test
    void everyFsyncPolicyKeepsWhatWasAppendedAcrossReopen() {
        for (FsyncPolicy policy : List.of(FsyncPolicy.everyRecord(), FsyncPolicy.batched(8, Duration.ofMillis(5)),
            FsyncPolicy.os())) {
            Path sub = dir.resolve(policy.mode().name());
            try (Journal<TradeEvent> journal = Journal.builder(sub, CODEC).fsync(policy).open()) {
                for (long n = 1; n <= 20; n++) {
                    journal.append(TradeEvent.numbered(n));
                }
                journal.sync();
            }
            try (Journal<TradeEvent> journal = Journal.builder(sub, CODEC).fsync(policy).open()) {
                assertThat(replayAll(journal)).as(policy.toString()).containsExactlyElementsOf(numbered(1, 20));
            }
        }
    }

    @Test
    void replayWhileAnotherThreadAppendsSeesAnIntactPrefix() throws Exception {
        try (Journal<TradeEvent> journal = Journal.builder(dir, CODEC).segmentSize(2048).fsync(FsyncPolicy.os())
                .open()) {
            Thread writer = new Thread(() -> {
                for (long n = 1; n <= 2000; n++) {
                    journal.append(TradeEvent.numbered(n));
                }
            });
            writer.start();
            while (writer.isAlive()) {
                List<Long> seen = new ArrayList<>();
                journal.replay(1, (seq, event) -> {
                    assertThat(event).isEqualTo(TradeEvent.numbered(seq));
                    seen.add(seq);
                });
                for (int i = 0; i < seen.size(); i++) {
                    assertThat(seen.get(i)).isEqualTo(i + 1L);
                }
            }
            writer.join();
            assertThat(replayAll(journal)).hasSize(2000);
        }
    }

    @Test
    void aDirectoryCannotBeOpenedTwiceAtOnce() {
        try (Journal<TradeEvent> journal = Journal.builder(dir, CODEC).open()) {
            journal.append(TradeEvent.numbered(1));
            assertThatThrownBy(() -> Journal.builder(dir, CODEC).open())
                .isInstanceOf(JournalException.class).hasMessageContaining("already open");
        }
        try (Journal<TradeEvent> reopened = Journal.builder(dir, CODEC).open()) {
            assertThat(reopened.lastSequence()).isEqualTo(1);
        }
    }

    @Test
    void badInputIsRejectedWithoutWritingAnything() {
        try (Journal<TradeEvent> journal = Journal.builder(dir, CODEC).maxRecordBytes(120).open()) {
            assertThatThrownBy(() -> journal.append(null)).hasMessageContaining("event");
            assertThatThrownBy(() -> journal.append(new TradeEvent.OrderPlaced("o-" + "x".repeat(200), "AAPL", 1,
                BigDecimal.ONE))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxRecordBytes");
            assertThatThrownBy(() -> journal.writeSnapshot(1, FilledQuantity.EMPTY, STATE))
                .hasMessageContaining("snapshot sequence 1");
            assertThat(journal.lastSequence()).isZero();
            assertThat(journal.append(TradeEvent.numbered(1))).isEqualTo(1);
        }
        assertThatThrownBy(() -> FsyncPolicy.batched(0, Duration.ofMillis(1))).hasMessageContaining("maxRecords");
        Journal<TradeEvent> closed = Journal.builder(dir, CODEC).open();
        closed.close();
        assertThatThrownBy(() -> closed.append(TradeEvent.numbered(2))).isInstanceOf(IllegalStateException.class);
    }

    private static FilledQuantity numberedState(long upTo) {
        FilledQuantity state = FilledQuantity.EMPTY;
        for (long n = 1; n <= upTo; n++) {
            state = state.apply(TradeEvent.numbered(n));
        }
        return state;
    }
}
