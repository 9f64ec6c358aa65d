package dev.tradingsdk.core.journal.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Snapshot files: written whole to a temporary name, forced, then renamed, so a crash leaves old or new. */
public final class SnapshotFiles {

    private static final Logger LOG = LoggerFactory.getLogger(SnapshotFiles.class);
    private static final String PREFIX = "snapshot-";
    private static final String SUFFIX = ".snap";

    /** A verified snapshot's sequence and payload. */
    public record Stored(long sequence, byte[] payload, Path file) {
    }

    private SnapshotFiles() {
    }

    public static Path fileFor(Path dir, long sequence) {
        return dir.resolve(PREFIX + SegmentFiles.padded(sequence) + SUFFIX);
    }

    public static void write(Path dir, long sequence, byte[] payload) throws IOException {
        Path target = fileFor(dir, sequence);
        Path temp = dir.resolve(target.getFileName() + ".tmp");
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer data = RecordFormat.snapshot(sequence, payload);
            while (data.hasRemaining()) {
                channel.write(data);
            }
            channel.force(true);
        }
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        SegmentFiles.forceDirectory(dir);
    }

    /** Snapshot files, newest first. */
    public static List<Path> list(Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, PREFIX + "*" + SUFFIX)) {
            stream.forEach(files::add);
        }
        files.sort(Collections.reverseOrder());
        return files;
    }

    /** The newest snapshot that passes its checks; damaged ones are logged and skipped. */
    public static Stored latestValid(Path dir) throws IOException {
        for (Path file : list(dir)) {
            Stored stored = read(file);
            if (stored != null) {
                return stored;
            }
        }
        return null;
    }

    /** The oldest snapshot that passes its checks: what compaction may rely on while newer ones exist. */
    public static Stored oldestValid(Path dir) throws IOException {
        List<Path> files = list(dir);
        Collections.reverse(files);
        for (Path file : files) {
            Stored stored = read(file);
            if (stored != null) {
                return stored;
            }
        }
        return null;
    }

    static Stored read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        String problem = null;
        if (bytes.length < RecordFormat.SNAPSHOT_HEADER_BYTES + 1) {
            problem = "too short";
        } else {
            byte[] magic = new byte[RecordFormat.SNAPSHOT_MAGIC.length];
            buffer.get(magic);
            long sequence = buffer.getLong();
            int length = buffer.getInt();
            int crc = buffer.getInt();
            if (!Arrays.equals(magic, RecordFormat.SNAPSHOT_MAGIC)) {
                problem = "bad magic";
            } else if (length < 0 || length != bytes.length - RecordFormat.SNAPSHOT_HEADER_BYTES - 1) {
                problem = "length " + length + " does not match the file size " + bytes.length;
            } else if (RecordFormat.checksum(sequence, bytes, RecordFormat.SNAPSHOT_HEADER_BYTES, length) != crc) {
                problem = "checksum mismatch";
            } else {
                return new Stored(sequence, Arrays.copyOfRange(bytes, RecordFormat.SNAPSHOT_HEADER_BYTES,
                    RecordFormat.SNAPSHOT_HEADER_BYTES + length), file);
            }
        }
        LOG.warn("ignoring damaged snapshot {}: {}", file.getFileName(), problem);
        return null;
    }
}
