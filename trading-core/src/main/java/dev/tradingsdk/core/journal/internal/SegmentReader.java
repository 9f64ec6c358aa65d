package dev.tradingsdk.core.journal.internal;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads a segment's records in order, stopping at the first one that is incomplete or fails a check. After
 * {@link #next()} returns false, {@link #problem()} says why (null for a clean end) and {@link #validEnd()} is the
 * offset just past the last good record.
 */
public final class SegmentReader implements Closeable {

    private final Path path;
    private final DataInputStream in;
    private final long limit;
    private final long baseSequence;
    private long position;
    private long expectedSequence;
    private long sequence;
    private byte[] payload;
    private String problem;

    /**
     * @param expectedBase the base sequence the file name promises
     * @param limit        read no further than this offset (the writer's committed end), or {@code Long.MAX_VALUE}
     */
    public SegmentReader(Path path, long expectedBase, long limit) throws IOException {
        this.path = path;
        this.limit = Math.min(limit, Files.size(path));
        this.in = new DataInputStream(new BufferedInputStream(Files.newInputStream(path), 1 << 16));
        this.baseSequence = expectedBase;
        this.expectedSequence = expectedBase;
        readHeader(expectedBase);
    }

    private void readHeader(long expectedBase) throws IOException {
        if (limit < RecordFormat.SEGMENT_HEADER_BYTES) {
            problem = "torn segment header (" + limit + " of " + RecordFormat.SEGMENT_HEADER_BYTES + " bytes)";
            return;
        }
        byte[] magic = new byte[RecordFormat.SEGMENT_MAGIC.length];
        in.readFully(magic);
        long base = in.readLong();
        if (!Arrays.equals(magic, RecordFormat.SEGMENT_MAGIC)) {
            problem = "not a journal segment (bad magic) in " + path.getFileName();
        } else if (base != expectedBase) {
            problem = "segment header says base sequence " + base + " but the file name says " + expectedBase;
        } else {
            position = RecordFormat.SEGMENT_HEADER_BYTES;
        }
    }

    /** Advances to the next good record; false at the end or at the first bad record. */
    public boolean next() throws IOException {
        if (problem != null) {
            return false;
        }
        long available = limit - position;
        if (available == 0) {
            return false;
        }
        if (available < RecordFormat.RECORD_HEADER_BYTES) {
            return fail("torn record header (" + available + " of " + RecordFormat.RECORD_HEADER_BYTES + " bytes)");
        }
        int length = in.readInt();
        int storedCrc = in.readInt();
        long seq = in.readLong();
        // No upper bound but the bytes present: the record limit is for new appends, and a record written under a
        // larger limit is still a good record. A damaged length claiming more than the file holds reads as torn.
        if (length < 0) {
            return fail("invalid record length " + length);
        }
        long needed = RecordFormat.RECORD_HEADER_BYTES + 1L + length;
        if (needed > available) {
            return fail("torn record (" + available + " of " + needed + " bytes)");
        }
        byte[] data = new byte[length];
        in.readFully(data);
        byte terminator = in.readByte();
        if (terminator != RecordFormat.TERMINATOR) {
            return fail("missing record terminator");
        }
        if (RecordFormat.checksum(seq, data, 0, length) != storedCrc) {
            return fail("checksum mismatch");
        }
        if (seq != expectedSequence) {
            return fail("sequence " + seq + " where " + expectedSequence + " was expected");
        }
        position += needed;
        sequence = seq;
        payload = data;
        expectedSequence++;
        return true;
    }

    /**
     * The first intact record (length, terminator, checksum) starting after {@code damaged} whose sequence is at
     * least {@code minSequence}, as {offset, sequence}, or null. An intact record after a bad one proves the bad one
     * is not a torn final write but damage in the middle of acknowledged data.
     */
    public static long[] findIntactRecordAfter(Path path, long damaged, long minSequence) throws IOException {
        long size = Files.size(path);
        long start = damaged + 1;
        if (size - start < RecordFormat.recordBytes(0)) {
            return null;
        }
        if (size - start > Integer.MAX_VALUE - 8) {
            // Too large to scan in memory: claim nothing is intact only when we know it; here we do not.
            return new long[] {start, -1};
        }
        byte[] tail = new byte[(int) (size - start)];
        try (var in = Files.newInputStream(path)) {
            in.skipNBytes(start);
            in.readNBytes(tail, 0, tail.length);
        }
        ByteBuffer buffer = ByteBuffer.wrap(tail);
        for (int at = 0; at + RecordFormat.recordBytes(0) <= tail.length; at++) {
            int length = buffer.getInt(at);
            long end = at + RecordFormat.RECORD_HEADER_BYTES + (long) length;
            if (length < 0 || end >= tail.length || tail[(int) end] != RecordFormat.TERMINATOR) {
                continue;
            }
            long seq = buffer.getLong(at + 8);
            if (seq >= minSequence && RecordFormat.checksum(seq, tail, at + RecordFormat.RECORD_HEADER_BYTES, length)
                == buffer.getInt(at + 4)) {
                return new long[] {start + at, seq};
            }
        }
        return null;
    }

    private boolean fail(String reason) {
        problem = reason + " at offset " + position + " of " + path.getFileName();
        return false;
    }

    public long sequence() {
        return sequence;
    }

    public byte[] payload() {
        return payload;
    }

    public long validEnd() {
        return position;
    }

    /** Sequence of the last good record, or base - 1 if none. */
    public long lastSequence() {
        return expectedSequence - 1;
    }

    public long baseSequence() {
        return baseSequence;
    }

    public String problem() {
        return problem;
    }

    /** Whether the segment header itself was unusable. */
    public boolean headerInvalid() {
        return problem != null && position < RecordFormat.SEGMENT_HEADER_BYTES;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
