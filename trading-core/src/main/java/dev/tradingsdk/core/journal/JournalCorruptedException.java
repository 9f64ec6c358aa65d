package dev.tradingsdk.core.journal;

import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The journal's files contradict each other or a record that is not the final one failed its checks (checksum,
 * length, sequence), or history the journal promised to keep (records a snapshot covers, a compacted prefix held
 * only by a snapshot) is gone. Unlike a torn final record this is not a crash artefact, so the journal refuses to
 * guess and changes nothing on disk: nothing is truncated or deleted. The message names the file, offset and
 * sequence where known; an operator restores the files from a copy, or moves the damaged ones aside deliberately.
 */
public class JournalCorruptedException extends JournalException {

    private static final long serialVersionUID = 1L;

    private final transient Path segment;
    private final long offset;
    private final long sequence;

    public JournalCorruptedException(String message) {
        this(message, null, -1, -1);
    }

    /**
     * @param segment  the damaged file, or null if the damage is not in one file
     * @param offset   byte offset of the damage in {@code segment}, or -1
     * @param sequence sequence of the first record affected, or -1
     */
    public JournalCorruptedException(String message, Path segment, long offset, long sequence) {
        super(message);
        this.segment = segment;
        this.offset = offset;
        this.sequence = sequence;
    }

    /** The damaged file, when the damage is in one file. */
    public Optional<Path> segment() {
        return Optional.ofNullable(segment);
    }

    /** Byte offset of the damage within {@link #segment()}, when known. */
    public OptionalLong offset() {
        return offset < 0 ? OptionalLong.empty() : OptionalLong.of(offset);
    }

    /** Sequence of the first record affected, when known. */
    public OptionalLong sequence() {
        return sequence < 0 ? OptionalLong.empty() : OptionalLong.of(sequence);
    }
}
