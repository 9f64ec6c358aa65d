package dev.tradingsdk.core.journal.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.TreeMap;

/** Naming and listing of segment files: {@code segment-<base sequence, 20 digits>.log}. */
public final class SegmentFiles {

    private static final String PREFIX = "segment-";
    private static final String SUFFIX = ".log";

    private SegmentFiles() {
    }

    static String padded(long sequence) {
        return String.format("%020d", sequence);
    }

    public static Path fileFor(Path dir, long baseSequence) {
        return dir.resolve(PREFIX + padded(baseSequence) + SUFFIX);
    }

    /** Segments by base sequence. */
    public static TreeMap<Long, Path> list(Path dir) throws IOException {
        TreeMap<Long, Path> segments = new TreeMap<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, PREFIX + "*" + SUFFIX)) {
            for (Path file : stream) {
                String name = file.getFileName().toString();
                String digits = name.substring(PREFIX.length(), name.length() - SUFFIX.length());
                try {
                    segments.put(Long.parseLong(digits), file);
                } catch (NumberFormatException e) {
                    throw new IOException("unexpected file in journal directory: " + name, e);
                }
            }
        }
        return segments;
    }

    /** Makes a file creation, rename or deletion in {@code dir} durable (a no-op where the OS cannot do it). */
    public static void forceDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Some platforms (Windows) cannot open a directory; their file systems order metadata themselves.
        }
    }
}
