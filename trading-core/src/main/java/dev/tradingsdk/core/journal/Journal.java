package dev.tradingsdk.core.journal;

import dev.tradingsdk.core.internal.SingleAssignment;
import dev.tradingsdk.core.journal.internal.RecordFormat;
import dev.tradingsdk.core.journal.internal.SegmentFiles;
import dev.tradingsdk.core.journal.internal.SegmentReader;
import dev.tradingsdk.core.journal.internal.SnapshotFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An append-only event journal in a local directory: checksummed, length-prefixed records in segment files
 * that roll over at a configured size, replayed in order; plus snapshots so recovery reads only the tail.
 *
 * <p>Opening a journal checks its last segment: an incomplete or corrupt <em>final</em> record (a crash mid-write)
 * is cut off and described in {@link #recoveryReport()}; every record before it is kept. A bad record followed by
 * intact ones, a cut record that a snapshot covers, or a compacted prefix whose snapshot is gone is corruption:
 * opening fails with {@link JournalCorruptedException} and nothing is cut. Earlier segments are sealed and are
 * checked as they are replayed (records and contiguity with the next segment); damage there raises
 * {@link JournalCorruptedException}.
 *
 * <p>Thread-safe. A journal directory is locked while open, so a second writer (thread or process) fails fast;
 * within one process the lock is held by the first journal until it is closed, whatever later opens attempt.
 *
 * @param <E> the event type
 */
public final class Journal<E> implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Journal.class);
    private static final String LOCK_FILE = "journal.lock";
    /**
     * Directories open in this process. OS file locks are per process and closing <em>any</em> channel on the lock
     * file drops them, so a second open must be refused before it touches the lock file.
     */
    private static final Set<Path> OPEN_IN_THIS_PROCESS = ConcurrentHashMap.newKeySet();

    private final Path dir;
    private final Path lockKey;
    private final JournalCodec<E> codec;
    private final long segmentBytes;
    private final int maxRecordBytes;
    private final FsyncPolicy fsync;
    private final int retainSnapshots;
    private final RecoveryReport recovery;
    private final TreeMap<Long, Path> segments;
    private final ScheduledExecutorService flusher;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private FileChannel channel;
    private long segmentBase;
    private long segmentEnd;
    private long nextSequence;
    private int unsynced;
    private long oldestUnsyncedNanos;
    private ByteBuffer buffer = ByteBuffer.allocate(4096);
    private boolean closed;
    private IOException writeFailure;

    private Journal(Builder<E> b) throws IOException {
        this.dir = b.dir;
        this.codec = b.codec;
        this.segmentBytes = b.segmentBytes;
        this.maxRecordBytes = b.maxRecordBytes;
        this.fsync = b.fsync;
        this.retainSnapshots = b.retainSnapshots;
        Files.createDirectories(dir);
        this.lockKey = dir.toRealPath();
        if (!OPEN_IN_THIS_PROCESS.add(lockKey)) {
            throw new JournalException("journal " + dir + " is already open (in this process)");
        }
        FileChannel opened;
        FileLock acquired;
        try {
            opened = FileChannel.open(dir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            acquired = acquireLock(opened, dir);
        } catch (IOException | RuntimeException e) {
            OPEN_IN_THIS_PROCESS.remove(lockKey);
            throw e;
        }
        this.lockChannel = opened;
        this.lock = acquired;
        try {
            this.segments = SegmentFiles.list(dir);
            long snapshotSequence = latestSnapshotSequence();
            if (segments.isEmpty()) {
                if (snapshotSequence > 0) {
                    throw new JournalCorruptedException("journal " + dir + ": snapshot at " + snapshotSequence
                        + " exists but every segment is missing");
                }
                segments.put(1L, createSegment(1L));
            }
            checkCompactedPrefix(snapshotSequence);
            this.recovery = recoverTail(snapshotSequence);
            if (snapshotSequence > nextSequence - 1) {
                throw new JournalCorruptedException("journal " + dir + ": snapshot at " + snapshotSequence
                    + " covers records up to " + snapshotSequence + " but the journal ends at " + (nextSequence - 1)
                    + " (segments deleted or truncated); refusing to reuse those sequence numbers", null, -1,
                    nextSequence);
            }
            if (recovery.truncated()) {
                LOG.warn("journal {}: cut {} bytes off {} ({}); last intact record is {}", dir, recovery.truncatedBytes(),
                    recovery.segment().getFileName(), recovery.problem(), recovery.lastSequence());
            }
            this.channel = FileChannel.open(segments.lastEntry().getValue(), StandardOpenOption.WRITE);
            channel.position(segmentEnd);
            if (fsync.mode() == FsyncPolicy.Mode.BATCHED) {
                this.flusher = Executors.newSingleThreadScheduledExecutor(task -> {
                    Thread thread = new Thread(task, "journal-fsync-" + dir.getFileName());
                    thread.setDaemon(true);
                    return thread;
                });
                long period = fsync.maxDelay().toNanos();
                flusher.scheduleWithFixedDelay(this::flushIfDue, period, period, TimeUnit.NANOSECONDS);
            } else {
                this.flusher = null;
            }
        } catch (IOException | RuntimeException e) {
            releaseLock();
            throw e;
        }
    }

    private static FileLock acquireLock(FileChannel channel, Path dir) throws IOException {
        FileLock acquired;
        try {
            acquired = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            acquired = null;
        }
        if (acquired == null) {
            channel.close();
            throw new JournalException("journal " + dir + " is already open (by another process)");
        }
        return acquired;
    }

    /** Sequence of the newest intact snapshot, 0 if none. */
    private long latestSnapshotSequence() throws IOException {
        SnapshotFiles.Stored stored = SnapshotFiles.latestValid(dir);
        return stored == null ? 0 : stored.sequence();
    }

    /** History before the first kept segment exists only in a snapshot: without one it is lost, not empty. */
    private void checkCompactedPrefix(long snapshotSequence) {
        long first = segments.firstKey();
        if (first > 1 && snapshotSequence < first - 1) {
            throw new JournalCorruptedException("journal " + dir + ": the first kept segment starts at sequence "
                + first + " but " + (snapshotSequence == 0 ? "no intact snapshot exists"
                : "the newest intact snapshot is at " + snapshotSequence) + " to cover records 1.." + (first - 1),
                segments.firstEntry().getValue(), -1, snapshotSequence + 1);
        }
    }

    /** Starts a journal in {@code dir} (created if missing) storing events with {@code codec}. */
    public static <E> Builder<E> builder(Path dir, JournalCodec<E> codec) {
        return new Builder<>(dir, codec);
    }

    /**
     * Validates the last segment and cuts off a torn or corrupt final record, unless that record is not final
     * (intact records follow) or a snapshot covers it: then the damage is corruption and nothing is cut.
     */
    private RecoveryReport recoverTail(long snapshotSequence) throws IOException {
        Map.Entry<Long, Path> last = segments.lastEntry();
        Path file = last.getValue();
        long size = Files.size(file);
        try (SegmentReader reader = new SegmentReader(file, last.getKey(), Long.MAX_VALUE)) {
            while (reader.next()) {
                // Reading validates; only the end position matters here.
            }
            segmentBase = last.getKey();
            nextSequence = reader.lastSequence() + 1;
            if (reader.problem() == null) {
                segmentEnd = reader.validEnd();
                return new RecoveryReport(0, file, nextSequence - 1, null);
            }
            if (reader.headerInvalid()) {
                // A short header is a crash while creating the segment; a full but wrong one is not.
                if (size >= RecordFormat.SEGMENT_HEADER_BYTES) {
                    throw new JournalCorruptedException("journal " + dir + ": " + reader.problem(), file, 0,
                        last.getKey());
                }
                rewriteHeader(file, last.getKey());
                segmentEnd = RecordFormat.SEGMENT_HEADER_BYTES;
                return new RecoveryReport(size, file, nextSequence - 1, reader.problem());
            }
            long bad = reader.validEnd();
            if (nextSequence <= snapshotSequence) {
                throw new JournalCorruptedException("journal " + dir + ": " + reader.problem() + " (sequence "
                    + nextSequence + "), but snapshot " + snapshotSequence + " covers it, so it was durable: not a torn"
                    + " write; refusing to cut it", file, bad, nextSequence);
            }
            long[] intact = SegmentReader.findIntactRecordAfter(file, bad, nextSequence);
            if (intact != null) {
                throw new JournalCorruptedException("journal " + dir + ": " + reader.problem() + " (sequence "
                    + nextSequence + ") is followed by intact records (sequence " + intact[1] + " at offset "
                    + intact[0] + "): damage in acknowledged data, not a torn tail; refusing to cut it", file, bad,
                    nextSequence);
            }
            segmentEnd = bad;
            try (FileChannel truncating = FileChannel.open(file, StandardOpenOption.WRITE)) {
                truncating.truncate(segmentEnd);
                truncating.force(true);
            }
            return new RecoveryReport(size - segmentEnd, file, nextSequence - 1, reader.problem());
        }
    }

    private static void rewriteHeader(Path file, long base) throws IOException {
        try (FileChannel repair = FileChannel.open(file, StandardOpenOption.WRITE)) {
            repair.truncate(0);
            writeFully(repair, RecordFormat.segmentHeader(base));
            repair.force(true);
        }
    }

    private Path createSegment(long base) throws IOException {
        Path file = SegmentFiles.fileFor(dir, base);
        try (FileChannel created = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            writeFully(created, RecordFormat.segmentHeader(base));
            created.force(true);
        }
        SegmentFiles.forceDirectory(dir);
        return file;
    }

    /**
     * Appends an event and returns its sequence number (1, 2, 3, ...). Durable on return under
     * {@link FsyncPolicy#everyRecord()}; otherwise see {@link FsyncPolicy}.
     *
     * @throws IllegalArgumentException if the event cannot be encoded or is larger than the record limit; nothing
     *                                  is written then
     */
    public synchronized long append(E event) {
        Objects.requireNonNull(event, "event");
        ensureWritable();
        byte[] payload = codec.encode(event);
        if (payload.length > maxRecordBytes) {
            throw new IllegalArgumentException("event of " + payload.length + " bytes exceeds maxRecordBytes "
                + maxRecordBytes);
        }
        int size = RecordFormat.recordBytes(payload.length);
        try {
            if (segmentEnd + size > segmentBytes && nextSequence > segmentBase) {
                roll();
            }
            long sequence = nextSequence;
            if (buffer.capacity() < size) {
                buffer = ByteBuffer.allocate(Math.max(size, buffer.capacity() * 2));
            }
            buffer.clear();
            RecordFormat.putRecord(buffer, sequence, payload);
            buffer.flip();
            writeFully(channel, buffer);
            segmentEnd += size;
            nextSequence++;
            afterWrite();
            return sequence;
        } catch (IOException e) {
            // The tail may now hold part of a record; refuse further appends until reopened (which repairs it).
            writeFailure = e;
            throw new JournalException("journal " + dir + ": append failed; reopen the journal to recover", e);
        }
    }

    private void afterWrite() throws IOException {
        switch (fsync.mode()) {
            case EVERY_RECORD -> channel.force(false);
            case BATCHED -> {
                if (unsynced == 0) {
                    oldestUnsyncedNanos = System.nanoTime();
                }
                unsynced++;
                if (unsynced >= fsync.maxRecords()
                    || System.nanoTime() - oldestUnsyncedNanos >= fsync.maxDelay().toNanos()) {
                    force();
                }
            }
            case OS -> unsynced++;
        }
    }

    private synchronized void flushIfDue() {
        if (closed || writeFailure != null || unsynced == 0
            || System.nanoTime() - oldestUnsyncedNanos < fsync.maxDelay().toNanos()) {
            return;
        }
        try {
            force();
        } catch (IOException e) {
            writeFailure = e;
            LOG.error("journal {}: background fsync failed; further appends will fail", dir, e);
        }
    }

    private void force() throws IOException {
        channel.force(false);
        unsynced = 0;
    }

    /** Forces everything appended so far to disk. */
    public synchronized void sync() {
        ensureWritable();
        try {
            force();
        } catch (IOException e) {
            writeFailure = e;
            throw new JournalException("journal " + dir + ": fsync failed", e);
        }
    }

    private void roll() throws IOException {
        force();
        channel.close();
        long base = nextSequence;
        Path file = createSegment(base);
        segments.put(base, file);
        channel = FileChannel.open(file, StandardOpenOption.WRITE);
        channel.position(RecordFormat.SEGMENT_HEADER_BYTES);
        segmentBase = base;
        segmentEnd = RecordFormat.SEGMENT_HEADER_BYTES;
        LOG.debug("journal {}: rolled to segment {}", dir, file.getFileName());
    }

    private void ensureWritable() {
        if (closed) {
            throw new IllegalStateException("journal " + dir + " is closed");
        }
        if (writeFailure != null) {
            throw new JournalException("journal " + dir + " failed earlier; reopen it to recover", writeFailure);
        }
    }

    /**
     * Replays, in order, every event with sequence {@code >= fromSequence} that was appended before this call.
     *
     * @return the number of events replayed
     * @throws IllegalArgumentException   if {@code fromSequence} precedes the first kept record (compacted away)
     * @throws JournalCorruptedException if a sealed segment is damaged
     */
    public long replay(long fromSequence, ReplayHandler<? super E> handler) {
        Objects.requireNonNull(handler, "handler");
        List<Map.Entry<Long, Path>> files;
        Map<Long, Long> nextBases = new TreeMap<>();
        long activeBase;
        long activeEnd;
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("journal " + dir + " is closed");
            }
            if (fromSequence < segments.firstKey()) {
                throw new IllegalArgumentException("fromSequence " + fromSequence + " precedes the first kept record "
                    + segments.firstKey() + " (earlier ones were compacted into a snapshot)");
            }
            Long start = segments.floorKey(fromSequence);
            files = new ArrayList<>(segments.tailMap(start, true).entrySet());
            for (Map.Entry<Long, Path> segment : files) {
                Long next = segments.higherKey(segment.getKey());
                if (next != null) {
                    nextBases.put(segment.getKey(), next);
                }
            }
            activeBase = segmentBase;
            activeEnd = segmentEnd;
        }
        long count = 0;
        for (Map.Entry<Long, Path> segment : files) {
            boolean active = segment.getKey() == activeBase;
            long limit = active ? activeEnd : Long.MAX_VALUE;
            try (SegmentReader reader = new SegmentReader(segment.getValue(), segment.getKey(), limit)) {
                while (reader.next()) {
                    if (reader.sequence() >= fromSequence) {
                        handler.accept(reader.sequence(), decode(reader));
                        count++;
                    }
                }
                if (reader.problem() != null) {
                    throw new JournalCorruptedException("journal " + dir + ": " + reader.problem(),
                        segment.getValue(), reader.validEnd(), reader.lastSequence() + 1);
                }
                if (!active && nextBases.containsKey(segment.getKey())
                    && reader.lastSequence() != nextBases.get(segment.getKey()) - 1) {
                    long nextBase = nextBases.get(segment.getKey());
                    throw new JournalCorruptedException("journal " + dir + ": sealed segment "
                        + segment.getValue().getFileName() + " ends at sequence " + reader.lastSequence()
                        + " but the next segment starts at " + nextBase + ": records " + (reader.lastSequence() + 1)
                        + ".." + (nextBase - 1) + " are missing", segment.getValue(), reader.validEnd(),
                        reader.lastSequence() + 1);
                }
            } catch (IOException e) {
                throw new JournalException("journal " + dir + ": cannot read " + segment.getValue().getFileName(), e);
            }
            if (active) {
                break;
            }
        }
        return count;
    }

    private E decode(SegmentReader reader) {
        try {
            return codec.decode(reader.payload());
        } catch (RuntimeException e) {
            throw new JournalException("journal " + dir + ": record " + reader.sequence() + " passed its checksum but "
                + codec + " cannot decode it", e);
        }
    }

    /** Sequence of the last appended event, 0 if none. */
    public synchronized long lastSequence() {
        return nextSequence - 1;
    }

    /** Sequence of the oldest event still kept (1 unless {@link #compact()} removed segments). */
    public synchronized long firstSequence() {
        return segments.firstKey();
    }

    /** What opening the journal found and repaired at its tail. */
    public RecoveryReport recoveryReport() {
        return recovery;
    }

    /**
     * Saves {@code state} as the result of applying events up to and including {@code sequence}. Written to a
     * temporary file, forced and renamed, so a crash leaves either the previous snapshot or this one.
     */
    public <S> void writeSnapshot(long sequence, S state, JournalCodec<S> stateCodec) {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(stateCodec, "stateCodec");
        long last = lastSequence();
        if (sequence < 0 || sequence > last) {
            throw new IllegalArgumentException("snapshot sequence " + sequence + " must be within 0.." + last);
        }
        byte[] payload = stateCodec.encode(state);
        synchronized (this) {
            ensureWritable();
            try {
                // Events the snapshot covers must be on disk before it: otherwise a crash could keep the snapshot but
                // lose the events after it that a restore would replay.
                force();
                SnapshotFiles.write(dir, sequence, payload);
                List<Path> all = SnapshotFiles.list(dir);
                for (Path old : all.subList(Math.min(retainSnapshots, all.size()), all.size())) {
                    Files.deleteIfExists(old);
                }
            } catch (IOException e) {
                throw new JournalException("journal " + dir + ": cannot write snapshot at " + sequence, e);
            }
        }
    }

    /** The newest intact snapshot, decoded; damaged snapshot files are skipped with a warning. */
    public <S> Optional<Snapshot<S>> latestSnapshot(JournalCodec<S> stateCodec) {
        Objects.requireNonNull(stateCodec, "stateCodec");
        SnapshotFiles.Stored stored;
        try {
            stored = SnapshotFiles.latestValid(dir);
        } catch (IOException e) {
            throw new JournalException("journal " + dir + ": cannot read snapshots", e);
        }
        if (stored == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Snapshot<>(stored.sequence(), stateCodec.decode(stored.payload())));
        } catch (RuntimeException e) {
            throw new JournalException("journal " + dir + ": snapshot " + stored.file().getFileName()
                + " passed its checksum but " + stateCodec + " cannot decode it", e);
        }
    }

    /**
     * Rebuilds state: the latest snapshot (or {@code initial}) with every later event folded in by {@code apply}.
     * Recovery time depends on the events since the snapshot, not on the journal's age.
     */
    public <S> S restore(JournalCodec<S> stateCodec, S initial, BiFunction<S, ? super E, S> apply) {
        Objects.requireNonNull(apply, "apply");
        Optional<Snapshot<S>> snapshot = latestSnapshot(stateCodec);
        long covered = snapshot.map(Snapshot::sequence).orElse(0L);
        long first = firstSequence();
        long last = lastSequence();
        if (covered < first - 1) {
            throw new JournalCorruptedException("journal " + dir + ": records 1.." + (first - 1) + " were compacted"
                + " and " + (snapshot.isEmpty() ? "no intact snapshot exists" : "the newest intact snapshot is at "
                + covered) + ", so the state before sequence " + first + " is lost", null, -1, covered + 1);
        }
        if (covered > last) {
            throw new JournalCorruptedException("journal " + dir + ": snapshot at " + covered + " is newer than the"
                + " last record " + last, null, -1, last + 1);
        }
        List<S> holder = new ArrayList<>(1);
        holder.add(snapshot.map(Snapshot::state).orElse(initial));
        replay(covered + 1, (sequence, event) -> holder.set(0, apply.apply(holder.get(0), event)));
        return holder.get(0);
    }

    /**
     * Deletes sealed segments whose every record is covered by the <em>oldest</em> retained intact snapshot, so
     * that if the newest snapshot is later found damaged, the older one plus the kept records still restore the
     * state. The active segment is never deleted.
     *
     * @return the number of segment files deleted
     */
    public synchronized int compact() {
        ensureWritable();
        try {
            SnapshotFiles.Stored latest = SnapshotFiles.oldestValid(dir);
            if (latest == null) {
                return 0;
            }
            int deleted = 0;
            while (segments.size() > 1) {
                Map.Entry<Long, Path> first = segments.firstEntry();
                long nextBase = segments.higherKey(first.getKey());
                if (nextBase - 1 > latest.sequence()) {
                    break;
                }
                Files.delete(first.getValue());
                segments.remove(first.getKey());
                deleted++;
            }
            if (deleted > 0) {
                SegmentFiles.forceDirectory(dir);
                LOG.info("journal {}: compacted {} segments up to snapshot {}", dir, deleted, latest.sequence());
            }
            return deleted;
        } catch (IOException e) {
            throw new JournalException("journal " + dir + ": compaction failed", e);
        }
    }

    /** Segment files currently kept, oldest first. */
    public synchronized List<Path> segmentFiles() {
        return List.copyOf(segments.values());
    }

    /** Forces outstanding appends to disk and closes the files. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (flusher != null) {
            flusher.shutdownNow();
        }
        try {
            if (writeFailure == null) {
                channel.force(false);
            }
            channel.close();
        } catch (IOException e) {
            throw new JournalException("journal " + dir + ": close failed", e);
        } finally {
            releaseLock();
        }
    }

    private void releaseLock() {
        try {
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            LOG.warn("journal {}: cannot release the directory lock", dir, e);
        } finally {
            OPEN_IN_THIS_PROCESS.remove(lockKey);
        }
    }

    private static void writeFully(FileChannel target, ByteBuffer data) throws IOException {
        while (data.hasRemaining()) {
            target.write(data);
        }
    }

    @Override
    public String toString() {
        return "Journal[" + dir + ", " + fsync + ", last " + (nextSequence - 1) + "]";
    }

    /** Configures a {@link Journal}. Each option takes one value: a second call throws, naming both values. */
    public static final class Builder<E> {

        private final SingleAssignment given = new SingleAssignment();
        private final Path dir;
        private final JournalCodec<E> codec;
        private long segmentBytes = 64L << 20;
        private int maxRecordBytes = 16 << 20;
        private FsyncPolicy fsync = FsyncPolicy.everyRecord();
        private int retainSnapshots = 2;

        private Builder(Path dir, JournalCodec<E> codec) {
            this.dir = Objects.requireNonNull(dir, "dir");
            this.codec = Objects.requireNonNull(codec, "codec");
        }

        /** Roll to a new segment once a segment would exceed this size (default 64 MiB). */
        public Builder<E> segmentSize(long bytes) {
            if (bytes < RecordFormat.SEGMENT_HEADER_BYTES + RecordFormat.recordBytes(0)) {
                throw new IllegalArgumentException("segmentSize too small: " + bytes);
            }
            this.segmentBytes = given.once("segmentSize", bytes);
            return this;
        }

        /**
         * Largest encoded event {@link Journal#append} accepts (default 16 MiB). Existing records are read whatever
         * their size, so lowering it never makes older records unreadable.
         */
        public Builder<E> maxRecordBytes(int bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("maxRecordBytes must be >= 1: " + bytes);
            }
            this.maxRecordBytes = given.once("maxRecordBytes", bytes);
            return this;
        }

        /** Default {@link FsyncPolicy#everyRecord()}. */
        public Builder<E> fsync(FsyncPolicy policy) {
            this.fsync = given.onceShown("fsync", Objects.requireNonNull(policy, "fsync"));
            return this;
        }

        /** How many snapshot files to keep (default 2, so a damaged newest one has a fallback). */
        public Builder<E> retainSnapshots(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("retainSnapshots must be >= 1: " + count);
            }
            this.retainSnapshots = given.once("retainSnapshots", count);
            return this;
        }

        /** Opens (or creates) the journal, repairing a torn tail; see {@link Journal#recoveryReport()}. */
        public Journal<E> open() {
            try {
                return new Journal<>(this);
            } catch (IOException e) {
                throw new JournalException("cannot open journal " + dir, e);
            }
        }
    }
}
