package dev.tradingsdk.core.journal;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * A separate process for {@link JournalFaultInjectionTest}: tries to open the journal in {@code args[0]}; prints
 * "REFUSED" if it is locked, otherwise appends {@code args[1]} numbered events, prints "APPENDED n" and exits.
 */
public final class JournalOpenProcess {

    private JournalOpenProcess() {
    }

    public static void main(String[] args) {
        PrintStream out = System.out;
        Journal<TradeEvent> journal;
        try {
            journal = Journal.builder(Path.of(args[0]), JsonCodec.of(TradeEvent.class)).open();
        } catch (JournalException e) {
            out.println("REFUSED " + e.getMessage());
            out.flush();
            return;
        }
        try (journal) {
            long last = 0;
            for (int i = 0; i < Integer.parseInt(args[1]); i++) {
                last = journal.append(TradeEvent.numbered(journal.lastSequence() + 1));
            }
            out.println("APPENDED " + last);
            out.flush();
        }
    }
}
