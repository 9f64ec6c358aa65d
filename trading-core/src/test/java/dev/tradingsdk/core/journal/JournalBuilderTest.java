package dev.tradingsdk.core.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalBuilderTest {

    record Event(String name) {
    }

    @TempDir
    Path dir;

    @Test
    void anOptionSetTwiceIsRefusedNamingBothValuesAndNothingIsOpened() {
        Journal.Builder<Event> builder = Journal.builder(dir.resolve("j"), JsonCodec.of(Event.class))
                .fsync(FsyncPolicy.os()).segmentSize(4096).retainSnapshots(3);

        assertThatThrownBy(() -> builder.fsync(FsyncPolicy.batched(10, Duration.ofMillis(5))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("fsync set twice: " + FsyncPolicy.os() + " and FsyncPolicy.batched(10, PT0.005S)");
        assertThatThrownBy(() -> builder.segmentSize(8192))
                .isInstanceOf(IllegalStateException.class).hasMessage("segmentSize set twice: 4096 and 8192");
        assertThatThrownBy(() -> builder.retainSnapshots(2))
                .isInstanceOf(IllegalStateException.class).hasMessage("retainSnapshots set twice: 3 and 2");
        assertThat(dir.resolve("j")).doesNotExist();

        try (Journal<Event> journal = builder.maxRecordBytes(1000).open()) {
            assertThat(journal.toString()).contains(FsyncPolicy.os().toString());
        }
    }
}
