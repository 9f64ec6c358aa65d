package dev.tradingsdk.llm.agent;

import dev.tradingsdk.core.journal.FsyncPolicy;
import dev.tradingsdk.core.journal.Journal;
import dev.tradingsdk.core.journal.JsonCodec;
import dev.tradingsdk.llm.internal.RecordMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Decisions, proposals, approvals, rejections, executions, mode changes and risk violations, per tenant, in order.
 * Journaled when opened on a directory (each entry durable before the call that made it returns).
 */
public final class AuditLog implements AutoCloseable {

    private final Journal<AuditEntry> journal;
    private final List<AuditEntry> entries = new ArrayList<>();

    private AuditLog(Journal<AuditEntry> journal) {
        this.journal = journal;
        if (journal != null) {
            journal.replay(1, (sequence, entry) -> entries.add(entry));
        }
    }

    public static AuditLog inMemory() {
        return new AuditLog(null);
    }

    public static AuditLog open(Path directory) {
        return new AuditLog(Journal.builder(directory, JsonCodec.of(RecordMapper.create(), AuditEntry.class))
            .fsync(FsyncPolicy.everyRecord()).open());
    }

    public synchronized void append(AuditEntry entry) {
        if (journal != null) {
            journal.append(entry);
        }
        entries.add(entry);
    }

    public synchronized List<AuditEntry> entries() {
        return List.copyOf(entries);
    }

    public synchronized List<AuditEntry> entries(String tenant) {
        return entries.stream().filter(e -> e.tenant().equals(tenant)).toList();
    }

    public synchronized List<AuditEntry> entries(String tenant, AuditEntry.Type type) {
        return entries.stream().filter(e -> e.tenant().equals(tenant) && e.type() == type).toList();
    }

    @Override
    public synchronized void close() {
        if (journal != null) {
            journal.close();
        }
    }
}
