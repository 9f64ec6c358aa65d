package dev.tradingsdk.llm.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradingsdk.llm.LlmRequest;
import dev.tradingsdk.llm.LlmResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InvocationLogTest {

    @TempDir
    Path dir;

    private static InvocationRecord record(LlmRequest request, LlmResponse response) {
        return new InvocationRecord("tenant-a", "scripted:m", Instant.parse("2026-11-01T00:00:00Z"), "decision",
            "ph", List.of(CallRecord.of("scripted", request, response, "0.000123")),
            List.of(new InvocationRecord.ToolCallRecord("t1", "get_account", "{}", "{\"equity\":\"1\"}", false)),
            "decided", "HOLD BTC", List.of("BUY 1 BTC-USD id a-1"), List.of());
    }

    @Test
    void journaledRecordsSurviveReopenAndReplayByRequestHash() {
        ScriptedLlm live = ScriptedLlm.answering(r -> "{\"echo\":\"" + r.messages().size() + "\"}");
        LlmRequest request = LlmRequest.builder("m").temperature(0.0).seed(7).user("hello").build();
        LlmResponse answer = live.complete(request);
        try (InvocationLog log = InvocationLog.open(dir)) {
            log.append(record(request, answer));
        }
        try (InvocationLog reopened = InvocationLog.open(dir)) {
            assertThat(reopened.records()).hasSize(1);
            InvocationRecord r = reopened.records().get(0);
            assertThat(r).isEqualTo(record(request, answer));
            assertThat(r.calls().get(0).temperature()).isEqualTo(0.0);
            assertThat(r.calls().get(0).seed()).isEqualTo(7L);
            ScriptedLlm replay = ScriptedLlm.replaying(reopened);
            LlmResponse again = replay.complete(LlmRequest.builder("m").temperature(0.0).seed(7).user("hello").build());
            assertThat(again.text()).isEqualTo(answer.text());
            assertThat(again.usage()).isEqualTo(answer.usage());
            assertThat(replay.unusedAnswers()).isZero();
            assertThatThrownBy(() -> replay.complete(LlmRequest.builder("m").user("hello?").build()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("diverged");
        }
    }
}
