package dev.tradingsdk.core.journal;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What opening a journal found at its tail.
 *
 * @param truncatedBytes bytes cut off the last segment because they did not form a whole valid record (a torn or
 *                       corrupt write at crash time); 0 when the tail was clean
 * @param segment        the segment that was checked
 * @param lastSequence   the last intact record's sequence (0 if the journal is empty)
 * @param problem        what was wrong with the first bad record, or null when clean
 */
public record RecoveryReport(long truncatedBytes, Path segment, long lastSequence, String problem) {

    public boolean truncated() {
        return problem != null;
    }

    public Optional<String> problemDescription() {
        return Optional.ofNullable(problem);
    }
}
