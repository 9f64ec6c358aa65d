package dev.tradingsdk.core.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** A sweep's rows, in the configurations' order, with ranking and CSV output for users' own tools. */
public final class SweepResults {

    private final List<SweepRow> rows;

    /** Rows in any order; they are sorted by index, and indexes must be 0..n-1 exactly once. */
    public SweepResults(List<SweepRow> rows) {
        List<SweepRow> sorted = new ArrayList<>(Objects.requireNonNull(rows, "rows"));
        sorted.sort(Comparator.comparingInt(SweepRow::index));
        for (int i = 0; i < sorted.size(); i++) {
            if (sorted.get(i).index() != i) {
                throw new IllegalArgumentException("rows must have the indexes 0.." + (sorted.size() - 1)
                        + " once each; found index " + sorted.get(i).index() + " at position " + i);
            }
        }
        this.rows = List.copyOf(sorted);
    }

    public List<SweepRow> rows() {
        return rows;
    }

    public int size() {
        return rows.size();
    }

    /**
     * The {@code n} best rows by {@code metric}, highest first when {@code descending}; ties keep the
     * configurations' order, so the ranking is stable. A NaN metric ranks last either way.
     */
    public List<SweepRow> top(String metric, int n, boolean descending) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative, was " + n);
        }
        Comparator<SweepRow> byMetric = (a, b) -> {
            double x = a.metric(metric);
            double y = b.metric(metric);
            if (Double.isNaN(x) || Double.isNaN(y)) {
                return Boolean.compare(Double.isNaN(x), Double.isNaN(y));
            }
            return descending ? Double.compare(y, x) : Double.compare(x, y);
        };
        List<SweepRow> sorted = new ArrayList<>(rows);
        sorted.sort(byMetric.thenComparingInt(SweepRow::index));
        return List.copyOf(sorted.subList(0, Math.min(n, sorted.size())));
    }

    /**
     * Writes {@code index}, each parameter, each metric and {@code run_hash} as CSV with a header. Metrics are
     * written in Java's shortest round-trip form, so reading the file back gives the same doubles.
     */
    public void writeCsv(Writer out) throws IOException {
        if (rows.isEmpty()) {
            return;
        }
        List<String> params = List.copyOf(rows.get(0).parameters().values().keySet());
        List<String> metrics = List.copyOf(rows.get(0).metrics().keySet());
        StringBuilder header = new StringBuilder("index");
        params.forEach(p -> header.append(',').append(p));
        metrics.forEach(m -> header.append(',').append(m));
        out.write(header.append(",run_hash\n").toString());
        for (SweepRow r : rows) {
            if (!List.copyOf(r.parameters().values().keySet()).equals(params)
                    || !List.copyOf(r.metrics().keySet()).equals(metrics)) {
                throw new IllegalStateException("row " + r.index() + " has parameters " + r.parameters().values()
                        .keySet() + " and metrics " + r.metrics().keySet() + ", unlike row 0's " + params + " and "
                        + metrics);
            }
            StringBuilder line = new StringBuilder(Integer.toString(r.index()));
            params.forEach(p -> line.append(',').append(r.parameters().get(p)));
            metrics.forEach(m -> line.append(',').append(r.metric(m)));
            out.write(line.append(',').append(r.runHash()).append('\n').toString());
        }
    }

    /** {@link #writeCsv(Writer)} to {@code file}, replacing it. */
    public Path writeCsv(Path file) {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            writeCsv(w);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("writing sweep results to " + file, e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SweepResults r && rows.equals(r.rows);
    }

    @Override
    public int hashCode() {
        return rows.hashCode();
    }

    @Override
    public String toString() {
        return "SweepResults[" + rows.size() + " rows]";
    }
}
