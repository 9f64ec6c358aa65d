package dev.tradingsdk.llm.arena;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Price;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArenaLeaderboardTest {

    private static Money usd(String s) {
        return Money.of(s, Currency.USD);
    }

    private static ArenaLeaderboard board() {
        return ArenaLeaderboard.builder(usd("1000.00"), 365)
            .participant("a", "scripted:m", List.of(usd("1000.00"), usd("1100.00"), usd("990.00"), usd("1200.00")),
                usd("3.00"), 4, new BigDecimal("50"), 1200, Money.of("2.5", Currency.USD))
            .participant("b", "scripted:m", List.of(usd("1000.00"), usd("1000.00"), usd("1000.00"), usd("1000.00")),
                usd("0.00"), 0, null, 300, Money.of("0.1", Currency.USD))
            .buyAndHold("hold", List.of(Price.of("100.00"), Price.of("110.00"), Price.of("90.00"), Price.of("105.00")))
            .build();
    }

    @Test
    void figuresByHand() {
        ArenaLeaderboard board = board();
        assertThat(board.rows()).extracting(ArenaRow::participant).containsExactly("a", "hold", "b");
        ArenaRow a = board.row("a");
        assertThat(a.rank()).isEqualTo(1);
        assertThat(a.returnPercent()).isEqualByComparingTo("20.0000");
        // 1100 -> 990: 10% off the peak.
        assertThat(a.maxDrawdownPercent()).isEqualByComparingTo("10.0000");
        // (1200 - 2.5 - 1000) / 1000.
        assertThat(a.returnNetOfLlmPercent()).isEqualByComparingTo("19.7500");
        assertThat(a.sharpeLow()).isLessThanOrEqualTo(a.sharpe());
        assertThat(a.sharpeHigh()).isGreaterThanOrEqualTo(a.sharpeLow());
        ArenaRow hold = board.row("hold");
        assertThat(hold.baseline()).isTrue();
        assertThat(hold.equity()).isEqualTo(usd("1050.00"));
        assertThat(hold.maxDrawdownPercent()).isEqualByComparingTo("18.1818");
        ArenaRow b = board.row("b");
        assertThat(Double.isNaN(b.sharpe())).isTrue();
        assertThat(b.returnNetOfLlmPercent()).isEqualByComparingTo("-0.0100");
        assertThat(board.toString()).contains("buy-and-hold").contains("sharpe 95% CI");
    }

    @Test
    void theSameInputsGiveTheSameBoard() {
        assertThat(board()).isEqualTo(board());
    }

    @Test
    void refusesMismatchedSeriesAndDuplicates() {
        assertThatThrownBy(() -> ArenaLeaderboard.builder(usd("1000.00"), 365)
            .participant("a", "x", List.of(usd("1.00")), usd("0"), 0, null, 0, usd("0"))
            .participant("a", "x", List.of(usd("1.00")), usd("0"), 0, null, 0, usd("0")))
            .hasMessageContaining("added twice");
        assertThatThrownBy(() -> ArenaLeaderboard.builder(usd("1000.00"), 365)
            .participant("a", "x", List.of(usd("1.00")), usd("0"), 0, null, 0, usd("0"))
            .participant("b", "x", List.of(usd("1.00"), usd("2.00")), usd("0"), 0, null, 0, usd("0")))
            .hasMessageContaining("equity samples");
    }
}
