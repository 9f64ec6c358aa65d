package dev.tradingsdk.core.journal;

/**
 * A record that is not at the tail of the journal failed its checks (checksum, length, sequence). Unlike a torn
 * tail this is not a crash artefact, so the journal refuses to guess and stops.
 */
public class JournalCorruptedException extends JournalException {

    private static final long serialVersionUID = 1L;

    public JournalCorruptedException(String message) {
        super(message);
    }
}
