package dev.tradingsdk.llm.agent;

import dev.tradingsdk.core.journal.FsyncPolicy;
import dev.tradingsdk.core.journal.Journal;
import dev.tradingsdk.core.journal.JsonCodec;
import dev.tradingsdk.llm.internal.RecordMapper;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Per-tenant agent memory: a bounded summary of past decisions and outcomes (the newest {@code capacity} lines),
 * shown to the model in the next prompt. Explicit, journaled state: every line is appended to the journal before it
 * counts, and reopening the journal restores exactly the same summaries. Tenants never see each other's lines.
 */
public final class AgentMemory implements AutoCloseable {

    /** One remembered line. */
    public record Entry(String tenant, Instant time, String line) {
        public Entry {
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(line, "line");
        }
    }

    /** Longest remembered line; longer ones are cut. */
    public static final int MAX_LINE = 300;

    private final int capacity;
    private final Journal<Entry> journal;
    private final Map<String, Deque<Entry>> byTenant = new HashMap<>();

    private AgentMemory(int capacity, Journal<Entry> journal) {
        if (capacity < 1 || capacity > 1000) {
            throw new IllegalArgumentException("memory capacity must be in 1..1000, was " + capacity);
        }
        this.capacity = capacity;
        this.journal = journal;
        if (journal != null) {
            journal.replay(1, (sequence, entry) -> keep(entry));
        }
    }

    public static AgentMemory inMemory(int capacity) {
        return new AgentMemory(capacity, null);
    }

    public static AgentMemory open(Path directory, int capacity) {
        return new AgentMemory(capacity, Journal.builder(directory, JsonCodec.of(RecordMapper.create(), Entry.class))
            .fsync(FsyncPolicy.everyRecord()).open());
    }

    public synchronized void remember(String tenant, Instant time, String line) {
        String clean = line.replaceAll("\\p{Cntrl}", " ").strip();
        Entry e = new Entry(tenant, time, clean.length() <= MAX_LINE ? clean : clean.substring(0, MAX_LINE));
        if (journal != null) {
            journal.append(e);
        }
        keep(e);
    }

    private void keep(Entry e) {
        Deque<Entry> lines = byTenant.computeIfAbsent(e.tenant(), t -> new ArrayDeque<>());
        lines.addLast(e);
        while (lines.size() > capacity) {
            lines.removeFirst();
        }
    }

    public synchronized List<Entry> entries(String tenant) {
        return List.copyOf(byTenant.getOrDefault(tenant, new ArrayDeque<>()));
    }

    /** The tenant's lines, oldest first, one per line ({@code time: line}). */
    public synchronized String summary(String tenant) {
        StringBuilder sb = new StringBuilder();
        for (Entry e : byTenant.getOrDefault(tenant, new ArrayDeque<>())) {
            sb.append(e.time()).append(": ").append(e.line()).append('\n');
        }
        return sb.toString();
    }

    @Override
    public synchronized void close() {
        if (journal != null) {
            journal.close();
        }
    }
}
