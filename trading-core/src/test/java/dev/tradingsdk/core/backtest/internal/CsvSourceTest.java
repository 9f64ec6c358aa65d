package dev.tradingsdk.core.backtest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

class CsvSourceTest {

    @Test
    void quotedFieldsWithCommasStayOneField() {
        List<String> questions = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        try (CsvSource csv = CsvSource.open(new InputStreamReader(Objects.requireNonNull(getClass()
                .getResourceAsStream("/data/polymarket_wallet_trades_excerpt.csv")), StandardCharsets.UTF_8),
                "trades.csv")) {
            int question = csv.column("market_question");
            int price = csv.column("price");
            while (csv.next()) {
                questions.add(csv.field(question));
                lines.add(csv.line());
                assertThat(csv.field(price)).startsWith("0.49");
            }
        }
        assertThat(questions).hasSize(5).containsOnly("Bitcoin Up or Down - January 10, 2:15AM-2:30AM ET");
        assertThat(lines).containsExactly(2L, 3L, 4L, 5L, 6L);
    }

    @Test
    void lineNumbersCountLinesInsideQuotedFieldsAndSkipBlankLines() {
        try (CsvSource csv = CsvSource.open(new StringReader("a,b\n\"x\ny\",1\n\n3,4"), "t.csv")) {
            assertThat(csv.next()).isTrue();
            assertThat(csv.line()).isEqualTo(2);
            assertThat(csv.field(0)).isEqualTo("x\ny");
            assertThat(csv.next()).isTrue();
            assertThat(csv.line()).isEqualTo(5);
            assertThat(csv.field(1)).isEqualTo("4");
            assertThat(csv.next()).isFalse();
        }
    }
}
