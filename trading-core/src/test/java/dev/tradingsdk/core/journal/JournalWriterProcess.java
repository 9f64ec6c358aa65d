package dev.tradingsdk.core.journal;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * A separate process for {@link JournalKillTest}: appends numbered events forever with fsync per record and
 * prints "ACK n" after each append returns, until it is killed.
 */
public final class JournalWriterProcess {

    private JournalWriterProcess() {
    }

    public static void main(String[] args) {
        PrintStream out = System.out;
        Journal<TradeEvent> journal = Journal.builder(Path.of(args[0]), JsonCodec.of(TradeEvent.class))
            .segmentSize(Long.parseLong(args[1]))
            .fsync(FsyncPolicy.everyRecord())
            .open();
        for (long n = journal.lastSequence() + 1; ; n++) {
            long sequence = journal.append(TradeEvent.numbered(n));
            out.println("ACK " + sequence);
            out.flush();
        }
    }
}
