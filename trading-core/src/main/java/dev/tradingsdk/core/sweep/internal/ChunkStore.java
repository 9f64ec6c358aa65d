package dev.tradingsdk.core.sweep.internal;

import dev.tradingsdk.core.sweep.ParameterSet;
import dev.tradingsdk.core.sweep.Sweep;
import dev.tradingsdk.core.sweep.SweepOutcome;
import dev.tradingsdk.core.sweep.SweepResumeException;
import dev.tradingsdk.core.sweep.SweepRow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One file per finished chunk, written to a temporary name, forced to disk and renamed, so a killed sweep leaves
 * only whole chunks behind. A chunk file names its sweep's fingerprint; one from another sweep, or a damaged one,
 * is reported and left in place.
 */
public final class ChunkStore {

    private static final String MAGIC = "# trading-sdk sweep chunk v1";

    private final Path directory;

    public ChunkStore(Path directory) {
        this.directory = directory;
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("creating sweep results directory " + directory, e);
        }
    }

    private Path file(int chunk) {
        return directory.resolve(String.format("chunk-%06d.tsv", chunk));
    }

    /** The rows saved for {@code chunk} of {@code sweep}, if a whole file for it exists. */
    public Optional<List<SweepRow>> load(Sweep<?> sweep, int chunk) {
        Path file = file(chunk);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file, e);
        }
        List<ParameterSet> expected = sweep.chunk(chunk);
        String header = MAGIC + " " + sweep.fingerprint() + " " + chunk + " " + expected.size();
        if (lines.isEmpty() || !lines.get(0).startsWith(MAGIC)) {
            throw new SweepResumeException(file, "not a sweep chunk file");
        }
        if (!lines.get(0).equals(header)) {
            throw new SweepResumeException(file, "saved for another sweep or chunk: header '" + lines.get(0)
                    + "', expected '" + header + "'");
        }
        if (lines.size() != expected.size() + 1) {
            throw new SweepResumeException(file, "has " + (lines.size() - 1) + " rows, expected " + expected.size());
        }
        List<SweepRow> rows = new ArrayList<>(expected.size());
        int first = chunk * sweep.chunkSize();
        for (int i = 0; i < expected.size(); i++) {
            rows.add(parse(file, i + 2, lines.get(i + 1), first + i, expected.get(i)));
        }
        return Optional.of(rows);
    }

    private static SweepRow parse(Path file, int lineNumber, String line, int index, ParameterSet expected) {
        String[] fields = line.split("\t", -1);
        if (fields.length != 4) {
            throw new SweepResumeException(file, "line " + lineNumber + " has " + fields.length + " fields, expected 4");
        }
        if (!fields[0].equals(Integer.toString(index)) || !fields[1].equals(expected.canonical())) {
            throw new SweepResumeException(file, "line " + lineNumber + " is for configuration " + fields[0] + " "
                    + fields[1] + ", expected " + index + " " + expected.canonical());
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        if (!fields[2].isEmpty()) {
            for (String pair : fields[2].split(",")) {
                int eq = pair.indexOf('=');
                try {
                    metrics.put(pair.substring(0, eq), Double.parseDouble(pair.substring(eq + 1)));
                } catch (RuntimeException e) {
                    throw new SweepResumeException(file, "line " + lineNumber + " has a damaged metric '" + pair + "'");
                }
            }
        }
        try {
            return new SweepRow(index, expected, new SweepOutcome(metrics, fields[3]));
        } catch (IllegalArgumentException e) {
            throw new SweepResumeException(file, "line " + lineNumber + ": " + e.getMessage());
        }
    }

    /** Saves the rows of {@code chunk}; when this returns, they survive a crash. */
    public void save(Sweep<?> sweep, int chunk, List<SweepRow> rows) {
        StringBuilder sb = new StringBuilder(MAGIC).append(' ').append(sweep.fingerprint()).append(' ').append(chunk)
                .append(' ').append(rows.size()).append('\n');
        for (SweepRow r : rows) {
            sb.append(r.index()).append('\t').append(r.parameters().canonical()).append('\t');
            boolean first = true;
            for (Map.Entry<String, Double> m : r.metrics().entrySet()) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                sb.append(m.getKey()).append('=').append(m.getValue());
            }
            sb.append('\t').append(r.runHash()).append('\n');
        }
        Path target = file(chunk);
        Path temp = target.resolveSibling(target.getFileName() + ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ch.write(java.nio.ByteBuffer.wrap(sb.toString().getBytes(StandardCharsets.UTF_8)));
                ch.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("saving sweep chunk " + chunk + " to " + target, e);
        }
    }
}
