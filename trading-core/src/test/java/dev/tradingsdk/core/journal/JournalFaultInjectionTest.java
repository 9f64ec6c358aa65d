package dev.tradingsdk.core.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damages journals the way disks, operators and second processes do (flipped bits, truncated and deleted segments
 * and snapshots, a second writer) and checks that acknowledged records are never silently dropped: the journal
 * either opens with every record intact (only a damaged final record may be cut) or refuses with
 * {@link JournalCorruptedException}.
 */
class JournalFaultInjectionTest {

    private static final JsonCodec<TradeEvent> CODEC = JsonCodec.of(TradeEvent.class);
    private static final JsonCodec<FilledQuantity> STATE = JsonCodec.of(FilledQuantity.class);

    @TempDir
    Path dir;

    private Journal<TradeEvent> open(Path where, long segmentSize) {
        return Journal.builder(where, CODEC).segmentSize(segmentSize).fsync(FsyncPolicy.os()).open();
    }

    private static void appendNumbered(Journal<TradeEvent> journal, long from, long to) {
        for (long n = from; n <= to; n++) {
            assertThat(journal.append(TradeEvent.numbered(n))).isEqualTo(n);
        }
    }

    private static FilledQuantity numberedState(long upTo) {
        FilledQuantity state = FilledQuantity.EMPTY;
        for (long n = 1; n <= upTo; n++) {
            state = state.apply(TradeEvent.numbered(n));
        }
        return state;
    }

    /** Start offsets of the records in a segment file, plus its length as the last element. */
    private static List<Integer> recordOffsets(Path segment) throws IOException {
        byte[] bytes = Files.readAllBytes(segment);
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        List<Integer> offsets = new ArrayList<>();
        int position = 16;
        while (position < bytes.length) {
            offsets.add(position);
            position += 16 + buffer.getInt(position) + 1;
        }
        offsets.add(bytes.length);
        return offsets;
    }

    private static void flip(Path file, int offset, int mask) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        bytes[offset] ^= (byte) mask;
        Files.write(file, bytes);
    }

    private static void truncate(Path file, long size) throws IOException {
        Files.write(file, Arrays.copyOf(Files.readAllBytes(file), (int) size));
    }

    private Path snapshotFile(long sequence) {
        return dir.resolve(String.format("snapshot-%020d.snap", sequence));
    }

    // --- item 1: a bad record followed by good ones is corruption, not a torn tail ---

    @Test
    void aFlippedBitBeforeIntactRecordsOfTheActiveSegmentIsRefusedAndNothingIsCut() throws IOException {
        Path segment;
        try (Journal<TradeEvent> journal = open(dir, 1 << 20)) {
            appendNumbered(journal, 1, 10);
            segment = journal.segmentFiles().get(0);
        }
        byte[] intact = Files.readAllBytes(segment);
        List<Integer> offsets = recordOffsets(segment);
        int fifth = offsets.get(4);
        // Every byte of record 5, and the first byte of every record but the last.
        List<Integer> targets = new ArrayList<>();
        for (int at = fifth; at < offsets.get(5); at++) {
            targets.add(at);
        }
        targets.addAll(offsets.subList(0, 9));
        for (int at : targets) {
            flip(segment, at, 0x10);
            byte[] damaged = Files.readAllBytes(segment);
            assertThatThrownBy(() -> open(dir, 1 << 20)).as("flip at %d", at)
                .isInstanceOf(JournalCorruptedException.class)
                .hasMessageContaining(segment.getFileName().toString())
                .hasMessageContaining("offset")
                .hasMessageContaining("sequence");
            assertThat(Files.readAllBytes(segment)).as("flip at %d must not be cut", at).isEqualTo(damaged);
            Files.write(segment, intact);
        }
        flip(segment, fifth + 20, 0x01);
        assertThatThrownBy(() -> open(dir, 1 << 20))
            .isInstanceOfSatisfying(JournalCorruptedException.class, e -> {
                assertThat(e.segment()).contains(segment);
                assertThat(e.offset()).hasValue(fifth);
                assertThat(e.sequence()).hasValue(5);
            });
    }

    // --- item 2: one writer per directory, across threads and processes ---

    @Test
    @Timeout(60)
    void aRefusedSecondOpenKeepsTheFirstWritersLockAgainstOtherProcesses() throws Exception {
        try (Journal<TradeEvent> journal = open(dir, 1 << 20)) {
            appendNumbered(journal, 1, 5);
            for (int i = 0; i < 3; i++) {
                assertThatThrownBy(() -> open(dir, 1 << 20)).isInstanceOf(JournalException.class)
                    .hasMessageContaining("already open");
            }
            assertThatThrownBy(() -> open(dir.resolve("..").resolve(dir.getFileName()), 1 << 20))
                .isInstanceOf(JournalException.class).hasMessageContaining("already open");
            assertThat(runChild(dir, 50)).startsWith("REFUSED");
            appendNumbered(journal, 6, 10);
        }
        assertThat(runChild(dir, 50)).isEqualTo("APPENDED 60");
        try (Journal<TradeEvent> journal = open(dir, 1 << 20)) {
            List<TradeEvent> events = new ArrayList<>();
            journal.replay(1, (seq, event) -> {
                assertThat(event).isEqualTo(TradeEvent.numbered(seq));
                events.add(event);
            });
            assertThat(events).hasSize(60);
        }
    }

    @Test
    @Timeout(60)
    void aJournalHeldByAnotherProcessCannotBeOpened() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process writer = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
            JournalWriterProcess.class.getName(), dir.toString(), "4096")
            .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (BufferedReader acks = new BufferedReader(new InputStreamReader(writer.getInputStream(),
            StandardCharsets.US_ASCII))) {
            assertThat(acks.readLine()).startsWith("ACK ");
            assertThatThrownBy(() -> open(dir, 4096)).isInstanceOf(JournalException.class)
                .hasMessageContaining("already open");
        } finally {
            writer.destroyForcibly();
            writer.waitFor(10, TimeUnit.SECONDS);
        }
        try (Journal<TradeEvent> journal = open(dir, 4096)) {
            assertThat(journal.lastSequence()).isPositive();
        }
    }

    private static String runChild(Path where, int appends) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
            JournalOpenProcess.class.getName(), where.toString(), Integer.toString(appends))
            .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
            StandardCharsets.US_ASCII))) {
            String line = out.readLine();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            return line;
        } finally {
            child.destroyForcibly();
        }
    }

    // --- item 3: history that exists only in a snapshot ---

    @Test
    void afterCompactionALostSnapshotIsAnErrorNotAWrongState() throws IOException {
        try (Journal<TradeEvent> journal = open(dir, 400)) {
            appendNumbered(journal, 1, 30);
            journal.writeSnapshot(20, numberedState(20), STATE);
            assertThat(journal.compact()).isPositive();
            Files.delete(snapshotFile(20));
            assertThatThrownBy(() -> journal.restore(STATE, FilledQuantity.EMPTY, FilledQuantity::apply))
                .isInstanceOf(JournalCorruptedException.class).hasMessageContaining("snapshot");
        }
        assertThatThrownBy(() -> open(dir, 400)).isInstanceOf(JournalCorruptedException.class)
            .hasMessageContaining("snapshot");
    }

    @Test
    void afterCompactionADamagedSnapshotIsAnError() throws IOException {
        try (Journal<TradeEvent> journal = open(dir, 400)) {
            appendNumbered(journal, 1, 30);
            journal.writeSnapshot(20, numberedState(20), STATE);
            journal.compact();
        }
        flip(snapshotFile(20), 30, 0x04);
        assertThatThrownBy(() -> open(dir, 400)).isInstanceOf(JournalCorruptedException.class)
            .hasMessageContaining("snapshot");
    }

    @Test
    void compactionKeepsWhatTheOlderRetainedSnapshotNeedsSoTheFallbackStillWorks() throws IOException {
        try (Journal<TradeEvent> journal = open(dir, 400)) {
            appendNumbered(journal, 1, 20);
            journal.writeSnapshot(15, numberedState(15), STATE);
            appendNumbered(journal, 21, 40);
            journal.writeSnapshot(35, numberedState(35), STATE);
            journal.compact();
            assertThat(journal.firstSequence()).isLessThanOrEqualTo(16);
        }
        flip(snapshotFile(35), 30, 0x04);
        try (Journal<TradeEvent> journal = open(dir, 400)) {
            assertThat(journal.restore(STATE, FilledQuantity.EMPTY, FilledQuantity::apply))
                .isEqualTo(numberedState(40));
        }
    }

    // --- item 4: sequence numbers never go backwards past a snapshot ---

    @Test
    void aDamagedFinalRecordThatASnapshotCoversIsNotCutAndItsSequenceNotReused() throws IOException {
        Path segment;
        try (Journal<TradeEvent> journal = open(dir, 1 << 20)) {
            appendNumbered(journal, 1, 10);
            journal.writeSnapshot(10, numberedState(10), STATE);
            segment = journal.segmentFiles().get(0);
        }
        List<Integer> offsets = recordOffsets(segment);
        flip(segment, offsets.get(9) + 20, 0x08);
        byte[] damaged = Files.readAllBytes(segment);
        assertThatThrownBy(() -> open(dir, 1 << 20)).isInstanceOf(JournalCorruptedException.class)
            .hasMessageContaining("snapshot").hasMessageContaining("10");
        assertThat(Files.readAllBytes(segment)).isEqualTo(damaged);
    }

    // --- item 5: the record limit applies to new appends only ---

    @Test
    void reopeningWithASmallerRecordLimitStillReadsEveryExistingRecord() throws IOException {
        TradeEvent big = new TradeEvent.OrderPlaced("o-" + "x".repeat(400), "AAPL", 1, java.math.BigDecimal.ONE);
        try (Journal<TradeEvent> journal = open(dir, 1 << 20)) {
            journal.append(big);
            journal.append(big);
        }
        long size = Files.size(dir.resolve(String.format("segment-%020d.log", 1)));
        try (Journal<TradeEvent> journal = Journal.builder(dir, CODEC).maxRecordBytes(100).open()) {
            assertThat(journal.recoveryReport().truncated()).isFalse();
            assertThat(journal.lastSequence()).isEqualTo(2);
            List<TradeEvent> events = new ArrayList<>();
            journal.replay(1, (seq, event) -> events.add(event));
            assertThat(events).containsExactly(big, big);
            assertThatThrownBy(() -> journal.append(big)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxRecordBytes");
        }
        assertThat(Files.size(dir.resolve(String.format("segment-%020d.log", 1)))).isEqualTo(size);
    }

    // --- item 6: lost records or segments are noticed ---

    @Test
    void aSealedSegmentThatLostItsLastRecordsIsReported() throws IOException {
        Path first;
        try (Journal<TradeEvent> journal = open(dir, 400)) {
            appendNumbered(journal, 1, 20);
            first = journal.segmentFiles().get(0);
        }
        List<Integer> offsets = recordOffsets(first);
        truncate(first, offsets.get(offsets.size() - 2));
        try (Journal<TradeEvent> journal = open(dir, 400)) {
            assertThat(journal.lastSequence()).isEqualTo(20);
            assertThatThrownBy(() -> journal.replay(1, (seq, event) -> { }))
                .isInstanceOf(JournalCorruptedException.class)
                .hasMessageContaining(first.getFileName().toString()).hasMessageContaining("missing");
        }
    }

    @Test
    void aMissingMiddleSegmentIsReported() throws IOException {
        List<Path> segments;
        try (Journal<TradeEvent> journal = open(dir, 400)) {
            appendNumbered(journal, 1, 30);
            segments = journal.segmentFiles();
        }
        assertThat(segments).hasSizeGreaterThan(3);
        Files.delete(segments.get(1));
        try (Journal<TradeEvent> journal = open(dir, 400)) {
            assertThatThrownBy(() -> journal.replay(1, (seq, event) -> { }))
                .isInstanceOf(JournalCorruptedException.class).hasMessageContaining("missing");
        }
    }

    @Test
    void aMissingFirstSegmentWithoutASnapshotIsRefused() throws IOException {
        List<Path> segments;
        try (Journal<TradeEvent> journal = open(dir, 400)) {
            appendNumbered(journal, 1, 30);
            segments = journal.segmentFiles();
        }
        Files.delete(segments.get(0));
        assertThatThrownBy(() -> open(dir, 400)).isInstanceOf(JournalCorruptedException.class)
            .hasMessageContaining("snapshot");
    }

    @Test
    void missingLastSegmentsBehindASnapshotAreRefused() throws IOException {
        List<Path> segments;
        try (Journal<TradeEvent> journal = open(dir, 400)) {
            appendNumbered(journal, 1, 30);
            journal.writeSnapshot(30, numberedState(30), STATE);
            segments = journal.segmentFiles();
        }
        Files.delete(segments.get(segments.size() - 1));
        assertThatThrownBy(() -> open(dir, 400)).isInstanceOf(JournalCorruptedException.class)
            .hasMessageContaining("snapshot");
    }

    // --- randomised: whatever the damage, no silent loss and no wrong state ---

    @Test
    @Timeout(180)
    void randomDamageIsEitherHarmlessACutFinalRecordOrRefused() throws IOException {
        Random random = new Random(20261201L);
        int refused = 0;
        int cut = 0;
        // Bounded in rounds and in time: each round is seeded, so a slow machine runs a prefix of the same rounds.
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(25);
        int rounds = 0;
        for (int round = 0; round < 150 && (round < 60 || System.nanoTime() < deadline); round++) {
            rounds++;
            Path where = dir.resolve("round-" + round);
            int records = 15 + random.nextInt(30);
            List<Path> segments;
            try (Journal<TradeEvent> journal = Journal.builder(where, CODEC).segmentSize(400).retainSnapshots(2)
                    .fsync(FsyncPolicy.os()).open()) {
                appendNumbered(journal, 1, records);
                journal.writeSnapshot(records / 3, numberedState(records / 3), STATE);
                journal.writeSnapshot(records / 2, numberedState(records / 2), STATE);
                if (random.nextBoolean()) {
                    journal.compact();
                }
                segments = journal.segmentFiles();
            }
            Path last = segments.get(segments.size() - 1);
            List<Integer> lastOffsets = recordOffsets(last);
            int finalRecord = lastOffsets.size() >= 2 ? lastOffsets.get(lastOffsets.size() - 2) : Integer.MAX_VALUE;
            boolean onlyFinalRecordTouched = false;
            boolean activeTruncated = false;
            List<Path> snapshots;
            try (var files = Files.list(where)) {
                snapshots = files.filter(p -> p.getFileName().toString().endsWith(".snap")).sorted().toList();
            }
            int fault = random.nextInt(5);
            if (fault == 0 || fault == 1) {
                Path target = segments.get(random.nextInt(segments.size()));
                int at = 16 + random.nextInt((int) Files.size(target) - 16);
                if (fault == 0) {
                    flip(target, at, 1 << random.nextInt(8));
                    onlyFinalRecordTouched = target.equals(last) && at >= finalRecord;
                } else {
                    truncate(target, at);
                    activeTruncated = target.equals(last);
                }
            } else if (fault == 2) {
                Path target = segments.get(random.nextInt(segments.size()));
                Files.delete(target);
                // Losing the newest file looks like a crash before those appends: detectable only behind a snapshot.
                activeTruncated = target.equals(last);
            } else if (fault == 3) {
                Path target = snapshots.get(random.nextInt(snapshots.size()));
                flip(target, random.nextInt((int) Files.size(target)), 1 << random.nextInt(8));
            } else {
                Files.delete(snapshots.get(random.nextInt(snapshots.size())));
            }
            try (Journal<TradeEvent> journal = Journal.builder(where, CODEC).segmentSize(400).open()) {
                FilledQuantity restored = journal.restore(STATE, FilledQuantity.EMPTY, FilledQuantity::apply);
                long lastSequence = journal.lastSequence();
                assertThat(restored).as("round %d fault %d", round, fault).isEqualTo(numberedState(lastSequence));
                if (journal.recoveryReport().truncated() && !activeTruncated) {
                    assertThat(onlyFinalRecordTouched).as("round %d: cut although not the final record", round)
                        .isTrue();
                    assertThat(lastSequence).isEqualTo(records - 1);
                    cut++;
                } else if (!activeTruncated) {
                    assertThat(lastSequence).as("round %d fault %d", round, fault).isEqualTo(records);
                } else {
                    assertThat(lastSequence).isGreaterThanOrEqualTo(records / 2);
                }
                List<Long> sequences = new ArrayList<>();
                journal.replay(journal.firstSequence(), (seq, event) -> {
                    assertThat(event).isEqualTo(TradeEvent.numbered(seq));
                    sequences.add(seq);
                });
                assertThat(sequences).hasSize((int) (lastSequence - journal.firstSequence() + 1));
            } catch (JournalCorruptedException e) {
                refused++;
            } catch (JournalException e) {
                fail("round " + round + ": untyped failure " + e);
            }
        }
        assertThat(refused).as("refused in %d rounds", rounds).isGreaterThan(rounds * 20 / 150);
        assertThat(cut).as("cut in %d rounds", rounds).isPositive();
    }
}
