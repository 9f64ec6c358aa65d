package dev.tradingsdk.examples.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsdk.llm.arena.ArenaLeaderboard;
import dev.tradingsdk.llm.arena.ArenaRow;
import dev.tradingsdk.llm.log.InvocationLog;
import dev.tradingsdk.llm.log.InvocationRecord;
import dev.tradingsdk.llm.log.ScriptedLlm;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 17's competition tests: three LLM participants on CFD accounts offline, and the replay of a recording. */
class LlmCompetitionTest {

    @TempDir
    Path dir;

    private static LlmCompetitionRun.Result live(InvocationLog log) {
        Map<String, ScriptedLlm> models = Map.of("sonnet-a", ScriptedModels.trend(), "sonnet-b", ScriptedModels.trend(),
            "gpt-contra", ScriptedModels.contrarian());
        return LlmCompetitionRun.run(models::get, log);
    }

    @Test
    void threeLlmParticipantsCompeteOnCfdAccounts() {
        LlmCompetitionRun.Result result = live(InvocationLog.inMemory());
        ArenaLeaderboard board = result.board();

        assertThat(board.rows()).hasSize(4);
        assertThat(board.rows()).filteredOn(ArenaRow::baseline).singleElement()
            .satisfies(r -> assertThat(r.participant()).isEqualTo("buy-and-hold"));
        // Two instances of one model with the same script trade alike.
        assertThat(board.row("sonnet-a").equity()).isEqualTo(board.row("sonnet-b").equity());
        for (String name : new String[] {"sonnet-a", "sonnet-b", "gpt-contra"}) {
            ArenaRow row = board.row(name);
            assertThat(row.trades()).as(name).isPositive();
            assertThat(row.tokens()).as(name).isPositive();
            assertThat(row.llmCost().isPositive()).as(name).isTrue();
            assertThat(row.returnNetOfLlmPercent()).as(name).isLessThan(row.returnPercent());
            assertThat(row.sharpeLow()).as(name).isLessThanOrEqualTo(row.sharpeHigh());
        }
        // 16 invocations (every 3 hours over 47 hours) per participant, every one journaled with its prompt hash.
        for (String name : new String[] {"sonnet-a", "sonnet-b", "gpt-contra"}) {
            assertThat(result.log().records(name)).hasSize(16).allMatch(r -> r.promptHash().length() == 64);
        }
        InvocationRecord first = result.log().records("sonnet-a").get(0);
        assertThat(first.toolCalls()).extracting(InvocationRecord.ToolCallRecord::name)
            .containsExactly("get_account", "propose_trade");
        // The contrarian's prose-only answers are failures with their raw text, never a silent HOLD.
        assertThat(result.log().records("gpt-contra")).filteredOn(r -> r.outcome().equals("failed")).hasSize(4)
            .allMatch(r -> r.outcomeDetail().contains("prose is not read") && r.orders().isEmpty());
        assertThat(result.orders().get("gpt-contra")).isNotEmpty();
        assertThat(board.toString()).contains("sharpe 95% CI").contains("buy-and-hold");
    }

    @Test
    void aRecordedCompetitionReplaysToTheIdenticalLeaderboard() {
        LlmCompetitionRun.Result recorded;
        try (InvocationLog log = InvocationLog.open(dir.resolve("invocations"))) {
            recorded = live(log);
        }
        LlmCompetitionRun.Result replayed;
        try (InvocationLog recording = InvocationLog.open(dir.resolve("invocations"))) {
            ScriptedLlm replay = ScriptedLlm.replaying(recording);
            replayed = LlmCompetitionRun.run(name -> replay, InvocationLog.inMemory());
            assertThat(replay.unusedAnswers()).isZero();
        }
        assertThat(replayed.board()).isEqualTo(recorded.board());
        assertThat(replayed.orders()).isEqualTo(recorded.orders());
        assertThat(replayed.log().records()).extracting(InvocationRecord::promptHash)
            .isEqualTo(recorded.log().records().stream().map(InvocationRecord::promptHash).toList());
    }
}
