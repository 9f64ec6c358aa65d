package dev.tradingsdk.core.sweep;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A sweep: configurations × one pure task over shared data, cut into chunks (the unit of scheduling and of
 * resumption). Run it with a {@link SweepExecutor}; every executor returns one row per configuration, in the
 * configurations' order, equal to what a serial loop returns.
 * <pre>{@code
 * Sweep<List<Bar>> sweep = Sweep.<List<Bar>>builder()
 *         .configurations(space.grid())
 *         .data(() -> loadBars())
 *         .task((params, bars) -> backtest(params, bars))
 *         .build();
 * SweepResults results = LocalSweepExecutor.builder().build().execute(sweep);
 * }</pre>
 *
 * @param <D> the shared data each run reads
 */
public final class Sweep<D> implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String name;
    private final List<ParameterSet> configurations;
    private final SweepTask<D> task;
    private final DataLoader<D> data;
    private final int chunkSize;
    private final String fingerprint;

    private Sweep(Builder<D> b) {
        this.name = b.name;
        this.configurations = List.copyOf(b.configurations);
        this.task = b.task;
        this.data = b.data;
        this.chunkSize = b.chunkSize;
        this.fingerprint = fingerprint(name, configurations, chunkSize);
    }

    public static <D> Builder<D> builder() {
        return new Builder<>();
    }

    private static String fingerprint(String name, List<ParameterSet> configurations, int chunkSize) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(name.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(Integer.toString(chunkSize).getBytes(StandardCharsets.UTF_8));
            for (ParameterSet p : configurations) {
                sha.update((byte) '\n');
                sha.update(p.canonical().getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    public String name() {
        return name;
    }

    public List<ParameterSet> configurations() {
        return configurations;
    }

    public SweepTask<D> task() {
        return task;
    }

    public DataLoader<D> data() {
        return data;
    }

    public int chunkSize() {
        return chunkSize;
    }

    /** How many chunks the configurations make. */
    public int chunkCount() {
        return (configurations.size() + chunkSize - 1) / chunkSize;
    }

    /** The configurations of chunk {@code chunk}, with their indexes starting at {@code chunk × chunkSize}. */
    public List<ParameterSet> chunk(int chunk) {
        if (chunk < 0 || chunk >= chunkCount()) {
            throw new IndexOutOfBoundsException("chunk " + chunk + " of " + chunkCount());
        }
        int from = chunk * chunkSize;
        return configurations.subList(from, Math.min(from + chunkSize, configurations.size()));
    }

    /**
     * Runs chunk {@code chunk} serially on {@code loaded} data: what every executor does with one chunk, so they
     * cannot differ in how a run is made.
     */
    public List<SweepRow> runChunk(int chunk, D loaded) {
        List<ParameterSet> configs = chunk(chunk);
        List<SweepRow> rows = new ArrayList<>(configs.size());
        int first = chunk * chunkSize;
        for (int i = 0; i < configs.size(); i++) {
            ParameterSet p = configs.get(i);
            SweepOutcome outcome;
            try {
                outcome = task.run(p, loaded);
            } catch (RuntimeException | StackOverflowError e) {
                throw new SweepTaskException(name, first + i, p, e);
            }
            if (outcome == null) {
                throw new IllegalStateException("sweep " + name + ": the task returned no outcome for " + p);
            }
            rows.add(new SweepRow(first + i, p, outcome));
        }
        return rows;
    }

    /**
     * A SHA-256 of the name, the chunk size and every configuration in order: results saved for one sweep are
     * never taken for another's.
     */
    public String fingerprint() {
        return fingerprint;
    }

    @Override
    public String toString() {
        return "Sweep[" + name + ", " + configurations.size() + " configurations in " + chunkCount() + " chunks of "
                + chunkSize + "]";
    }

    /** Every option once; {@link #build()} refuses missing ones and duplicate configurations. */
    public static final class Builder<D> {
        private String name = "sweep";
        private List<ParameterSet> configurations;
        private SweepTask<D> task;
        private DataLoader<D> data;
        private Integer chunkSize;

        private Builder() {
        }

        public Builder<D> name(String name) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("name must not be blank, was \"" + name + "\"");
            }
            this.name = name;
            return this;
        }

        public Builder<D> configurations(List<ParameterSet> configurations) {
            if (this.configurations != null) {
                throw new IllegalStateException("configurations were already set");
            }
            this.configurations = List.copyOf(Objects.requireNonNull(configurations, "configurations"));
            return this;
        }

        public Builder<D> task(SweepTask<D> task) {
            if (this.task != null) {
                throw new IllegalStateException("task was already set to " + this.task);
            }
            this.task = Objects.requireNonNull(task, "task");
            return this;
        }

        public Builder<D> data(DataLoader<D> data) {
            if (this.data != null) {
                throw new IllegalStateException("data was already set to " + this.data);
            }
            this.data = Objects.requireNonNull(data, "data");
            return this;
        }

        /** Configurations per chunk (default 64): the unit of work stealing and of resumption. */
        public Builder<D> chunkSize(int chunkSize) {
            if (this.chunkSize != null) {
                throw new IllegalStateException("chunkSize was already set to " + this.chunkSize);
            }
            if (chunkSize < 1) {
                throw new IllegalArgumentException("chunkSize must be at least 1, was " + chunkSize);
            }
            this.chunkSize = chunkSize;
            return this;
        }

        public Sweep<D> build() {
            if (configurations == null || configurations.isEmpty()) {
                throw new IllegalStateException("a sweep needs at least one configuration");
            }
            if (task == null) {
                throw new IllegalStateException("a sweep needs a task");
            }
            if (data == null) {
                throw new IllegalStateException("a sweep needs data (a DataLoader; return null for none)");
            }
            Set<ParameterSet> seen = new HashSet<>();
            for (ParameterSet p : configurations) {
                if (!seen.add(p)) {
                    throw new IllegalStateException("configuration " + p + " is listed twice");
                }
            }
            if (chunkSize == null) {
                chunkSize = 64;
            }
            return new Sweep<>(this);
        }
    }
}
