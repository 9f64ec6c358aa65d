package dev.tradingsdk.llm.log;

import dev.tradingsdk.core.journal.FsyncPolicy;
import dev.tradingsdk.core.journal.Journal;
import dev.tradingsdk.core.journal.JsonCodec;
import dev.tradingsdk.llm.internal.RecordMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Every agent invocation, in order: prompt hash, request and response bytes, model and parameters, tokens, cost,
 * latency, outcome, orders and rejections. Durable when opened on a directory (core's {@link Journal}: one
 * record appended and synced per invocation, a torn tail cut off on reopen, corruption reported), or in memory for
 * tests. A recorded log replays offline through {@link ScriptedLlm#replaying(InvocationLog)}.
 */
public final class InvocationLog implements AutoCloseable {

    private final Journal<InvocationRecord> journal;
    private final List<InvocationRecord> records = new ArrayList<>();

    private InvocationLog(Journal<InvocationRecord> journal) {
        this.journal = journal;
        if (journal != null) {
            journal.replay(1, (sequence, record) -> records.add(record));
        }
    }

    /** A log kept in memory only. */
    public static InvocationLog inMemory() {
        return new InvocationLog(null);
    }

    /** A durable log in {@code directory} (created if missing), with what it already holds loaded. */
    public static InvocationLog open(Path directory) {
        Journal<InvocationRecord> journal = Journal.builder(directory,
            JsonCodec.of(RecordMapper.create(), InvocationRecord.class)).fsync(FsyncPolicy.everyRecord()).open();
        return new InvocationLog(journal);
    }

    /** Appends {@code record} (durably first when journaled); returns its 1-based position. */
    public synchronized long append(InvocationRecord record) {
        Objects.requireNonNull(record, "record");
        if (journal != null) {
            journal.append(record);
        }
        records.add(record);
        return records.size();
    }

    public synchronized List<InvocationRecord> records() {
        return List.copyOf(records);
    }

    public synchronized List<InvocationRecord> records(String tenant) {
        return records.stream().filter(r -> r.tenant().equals(tenant)).toList();
    }

    @Override
    public synchronized void close() {
        if (journal != null) {
            journal.close();
        }
    }
}
