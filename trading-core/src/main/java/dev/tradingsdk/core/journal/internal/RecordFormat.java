package dev.tradingsdk.core.journal.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * On-disk layout, big-endian.
 *
 * <pre>
 * segment  = magic "TSDKJNL1" (8 bytes) | base sequence (long) | record*
 * record   = payload length (int) | CRC32C of (sequence, payload) (int) | sequence (long) | payload | '\n'
 * snapshot = magic "TSDKSNP1" (8 bytes) | sequence (long) | payload length (int) | CRC32C of (sequence, payload)
 *            (int) | payload | '\n'
 * </pre>
 *
 * The trailing newline keeps a JSON payload on a line of its own, so {@code grep} shows whole records.
 */
public final class RecordFormat {

    public static final byte[] SEGMENT_MAGIC = "TSDKJNL1".getBytes(StandardCharsets.US_ASCII);
    public static final byte[] SNAPSHOT_MAGIC = "TSDKSNP1".getBytes(StandardCharsets.US_ASCII);
    public static final int SEGMENT_HEADER_BYTES = 16;
    public static final int RECORD_HEADER_BYTES = 16;
    public static final int SNAPSHOT_HEADER_BYTES = 24;
    public static final byte TERMINATOR = '\n';

    private RecordFormat() {
    }

    /** Bytes a record with this payload occupies. */
    public static int recordBytes(int payloadLength) {
        return RECORD_HEADER_BYTES + payloadLength + 1;
    }

    public static int checksum(long sequence, byte[] payload, int offset, int length) {
        CRC32C crc = new CRC32C();
        ByteBuffer seq = ByteBuffer.allocate(Long.BYTES).putLong(0, sequence);
        crc.update(seq);
        crc.update(payload, offset, length);
        return (int) crc.getValue();
    }

    /** Writes one whole record into {@code out}, which must have room for {@link #recordBytes(int)}. */
    public static void putRecord(ByteBuffer out, long sequence, byte[] payload) {
        out.putInt(payload.length);
        out.putInt(checksum(sequence, payload, 0, payload.length));
        out.putLong(sequence);
        out.put(payload);
        out.put(TERMINATOR);
    }

    public static ByteBuffer segmentHeader(long baseSequence) {
        ByteBuffer header = ByteBuffer.allocate(SEGMENT_HEADER_BYTES);
        header.put(SEGMENT_MAGIC).putLong(baseSequence).flip();
        return header;
    }

    public static ByteBuffer snapshot(long sequence, byte[] payload) {
        ByteBuffer out = ByteBuffer.allocate(SNAPSHOT_HEADER_BYTES + payload.length + 1);
        out.put(SNAPSHOT_MAGIC).putLong(sequence).putInt(payload.length)
            .putInt(checksum(sequence, payload, 0, payload.length)).put(payload).put(TERMINATOR).flip();
        return out;
    }
}
