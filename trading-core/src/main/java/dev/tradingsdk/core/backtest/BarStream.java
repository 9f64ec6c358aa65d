package dev.tradingsdk.core.backtest;

import dev.tradingsdk.core.backtest.internal.BarSequencer;
import dev.tradingsdk.core.market.Bar;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bars read one at a time from a file in time order ({@link BarCsvReader#stream}); an {@link Iterator} a replay
 * can consume directly. It holds one record and one bar, so memory does not grow with the file (the warnings
 * list grows with the quirks met, one line each). The file is closed at the end, on the first error, or by
 * {@link #close()}, which also logs the warnings. Not thread-safe.
 */
public final class BarStream implements Iterator<Bar>, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BarStream.class);

    private final Supplier<BarSequencer.Row> rows;
    private final AutoCloseable file;
    private final BarSequencer sequencer;
    private final List<String> warnings;
    private Bar next;
    private boolean done;

    BarStream(Supplier<BarSequencer.Row> rows, AutoCloseable file, BarSequencer sequencer, List<String> warnings) {
        this.rows = rows;
        this.file = file;
        this.sequencer = sequencer;
        this.warnings = warnings;
    }

    @Override
    public boolean hasNext() {
        while (next == null && !done) {
            BarSequencer.Row row;
            try {
                row = rows.get();
            } catch (RuntimeException e) {
                close();
                throw e;
            }
            if (row == null) {
                next = sequencer.flush();
                close();
            } else {
                try {
                    next = sequencer.push(row);
                } catch (RuntimeException e) {
                    close();
                    throw e;
                }
            }
        }
        return next != null;
    }

    @Override
    public Bar next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more bars");
        }
        Bar bar = next;
        next = null;
        return bar;
    }

    /** The quirks met so far (skipped repeats, gaps, ...), one line each. */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    @Override
    public void close() {
        if (done) {
            return;
        }
        done = true;
        for (String warning : warnings) {
            LOG.warn(warning);
        }
        try {
            file.close();
        } catch (Exception e) {
            throw new IllegalStateException("cannot close the bar file", e);
        }
    }
}
