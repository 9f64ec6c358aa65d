package dev.tradingsdk.core.sweep;

import dev.tradingsdk.core.sweep.internal.ChunkStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The embedded executor: the sweep's chunks on a work-stealing pool over this machine's cores, the data loaded
 * once and shared read-only by every run. With a {@link Builder#resultsDirectory(Path) results directory} each
 * finished chunk is saved as it completes, and a sweep restarted with the same inputs (after a crash, a kill, a
 * failed run) computes only the chunks not saved yet.
 * <pre>{@code
 * SweepResults results = LocalSweepExecutor.builder()
 *         .threads(4)
 *         .resultsDirectory(Path.of("sweep-results"))
 *         .progress((done, total, elapsed, remaining) -> log.info("{}/{}", done, total))
 *         .build()
 *         .execute(sweep);
 * }</pre>
 */
public final class LocalSweepExecutor implements SweepExecutor {

    private final int threads;
    private final Path resultsDirectory;
    private final SweepProgress progress;

    private LocalSweepExecutor(Builder b) {
        this.threads = b.threads;
        this.resultsDirectory = b.resultsDirectory;
        this.progress = b.progress;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public <D> SweepResults execute(Sweep<D> sweep) {
        Objects.requireNonNull(sweep, "sweep");
        long started = System.nanoTime();
        ChunkStore store = resultsDirectory == null ? null : new ChunkStore(resultsDirectory);
        int chunks = sweep.chunkCount();
        List<List<SweepRow>> byChunk = new ArrayList<>(chunks);
        List<Integer> missing = new ArrayList<>();
        int restored = 0;
        for (int c = 0; c < chunks; c++) {
            Optional<List<SweepRow>> saved = store == null ? Optional.empty() : store.load(sweep, c);
            byChunk.add(saved.orElse(null));
            if (saved.isPresent()) {
                restored += saved.get().size();
            } else {
                missing.add(c);
            }
        }
        int total = sweep.configurations().size();
        if (!missing.isEmpty()) {
            D data = sweep.data().load();
            AtomicInteger done = new AtomicInteger(restored);
            AtomicInteger computed = new AtomicInteger();
            ForkJoinPool pool = new ForkJoinPool(threads);
            try {
                List<Future<List<SweepRow>>> futures = new ArrayList<>(missing.size());
                for (int c : missing) {
                    futures.add(pool.submit(() -> {
                        List<SweepRow> rows = sweep.runChunk(c, data);
                        if (store != null) {
                            store.save(sweep, c, rows);
                        }
                        int n = computed.addAndGet(rows.size());
                        report(done.addAndGet(rows.size()), total, n, started);
                        return rows;
                    }));
                }
                for (int i = 0; i < missing.size(); i++) {
                    byChunk.set(missing.get(i), await(futures.get(i)));
                }
            } finally {
                pool.shutdownNow();
            }
        } else {
            report(restored, total, 0, started);
        }
        List<SweepRow> rows = new ArrayList<>(total);
        byChunk.forEach(rows::addAll);
        return new SweepResults(rows);
    }

    private void report(int done, int total, int computed, long started) {
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        Optional<Duration> remaining = computed == 0 ? Optional.empty()
                : Optional.of(elapsed.multipliedBy(total - done).dividedBy(computed));
        progress.onProgress(done, total, elapsed, remaining);
    }

    private static List<SweepRow> await(Future<List<SweepRow>> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the sweep", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public String toString() {
        return "LocalSweepExecutor[threads=" + threads + (resultsDirectory == null ? "" : ", results in "
                + resultsDirectory) + "]";
    }

    /** Options, each settable once. */
    public static final class Builder {
        private int threads = Runtime.getRuntime().availableProcessors();
        private boolean threadsSet;
        private Path resultsDirectory;
        private SweepProgress progress = SweepProgress.NONE;
        private boolean progressSet;

        private Builder() {
        }

        /** Worker threads; default the machine's available processors. */
        public Builder threads(int threads) {
            if (threadsSet) {
                throw new IllegalStateException("threads was already set to " + this.threads);
            }
            if (threads < 1 || threads > 32_767) {
                throw new IllegalArgumentException("threads must be between 1 and 32767, was " + threads);
            }
            this.threads = threads;
            this.threadsSet = true;
            return this;
        }

        /** Where finished chunks are saved and, on a restart, found again; default none (nothing saved). */
        public Builder resultsDirectory(Path directory) {
            if (resultsDirectory != null) {
                throw new IllegalStateException("resultsDirectory was already set to " + resultsDirectory);
            }
            this.resultsDirectory = Objects.requireNonNull(directory, "directory");
            return this;
        }

        public Builder progress(SweepProgress progress) {
            if (progressSet) {
                throw new IllegalStateException("progress was already set");
            }
            this.progress = Objects.requireNonNull(progress, "progress");
            this.progressSet = true;
            return this;
        }

        public LocalSweepExecutor build() {
            return new LocalSweepExecutor(this);
        }
    }
}
