package dev.tradingsdk.core.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Kills a writing process (SIGKILL) mid-stream and checks that every acknowledged append survives intact. */
class JournalKillTest {

    @TempDir
    Path dir;

    @Test
    @Timeout(180)
    void nothingAcknowledgedIsLostWhenTheWriterIsKilled() throws Exception {
        long acknowledged = 0;
        for (int round = 1; round <= 2; round++) {
            acknowledged = Math.max(acknowledged, runAndKill(acknowledged + 120));
            try (Journal<TradeEvent> journal = Journal.builder(dir, JsonCodec.of(TradeEvent.class)).open()) {
                assertThat(journal.lastSequence()).isGreaterThanOrEqualTo(acknowledged);
                List<Long> sequences = new ArrayList<>();
                journal.replay(1, (seq, event) -> {
                    assertThat(event).isEqualTo(TradeEvent.numbered(seq));
                    sequences.add(seq);
                });
                assertThat(sequences).hasSize((int) journal.lastSequence());
                assertThat(sequences.get(sequences.size() - 1)).isEqualTo(journal.lastSequence());
            }
        }
    }

    /** Starts a writer, kills it once it has acknowledged {@code atLeast} appends, returns the last ack seen. */
    private long runAndKill(long atLeast) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process writer = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
            JournalWriterProcess.class.getName(), dir.toString(), "4096")
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
        long last = 0;
        try (BufferedReader acks = new BufferedReader(new InputStreamReader(writer.getInputStream(),
            StandardCharsets.US_ASCII))) {
            String line;
            while ((line = acks.readLine()) != null) {
                if (line.startsWith("ACK ")) {
                    last = Long.parseLong(line.substring(4));
                }
                if (last >= atLeast) {
                    // Killing closes our end of the pipe, so acks still in flight are not counted: only those read.
                    writer.destroyForcibly();
                    break;
                }
            }
        } finally {
            writer.destroyForcibly();
            writer.waitFor(10, TimeUnit.SECONDS);
        }
        assertThat(last).as("writer acknowledged appends before being killed").isGreaterThanOrEqualTo(atLeast);
        return last;
    }
}
