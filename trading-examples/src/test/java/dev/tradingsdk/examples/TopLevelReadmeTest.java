package dev.tradingsdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsdk.core.instrument.AssetClass;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.instrument.Venue;
import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.order.OrderRequest;
import dev.tradingsdk.core.portfolio.Portfolio;
import dev.tradingsdk.core.risk.RiskDecision;
import dev.tradingsdk.core.risk.RiskGovernor;
import dev.tradingsdk.core.risk.rules.MaxOrderNotionalRule;
import dev.tradingsdk.core.time.Clock;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Keeps the code in the top-level README compiling and true. */
class TopLevelReadmeTest {

    @Test
    void readmeExample() {
        // README example: begin
        Instrument btc = Instrument.builder("BTC-USD", Venue.SIM).assetClass(AssetClass.CRYPTO)
                .quoteCurrency(Currency.USD).pricePrecision(2).sizePrecision(4).build();
        Portfolio account = new Portfolio("demo", Money.of("100000", Currency.USD));
        RiskGovernor governor = RiskGovernor.builder().clock(Clock.system())
                .rule(new MaxOrderNotionalRule(Money.of("50000", Currency.USD)))
                .build();

        OrderRequest order = OrderRequest.buy(btc).quantity("0.25").limit("64000.50").build(); // on tick and lot, or throws
        RiskDecision decision = governor.check(order, account, instrument -> null);            // every failing rule, with numbers
        // README example: end

        assertThat(decision.accepted()).isTrue();
        assertThat(governor.check(OrderRequest.buy(btc).quantity("1").limit("64000.50").build(), account,
                instrument -> null).codes()).containsExactly("MAX_ORDER_NOTIONAL");
    }

    @Test
    void readmeShowsTheExampleVerbatim() throws Exception {
        String source = Files.readString(Path.of("src/test/java/dev/tradingsdk/examples/TopLevelReadmeTest.java"));
        String body = source.substring(source.indexOf("// README example: begin\n") + 25,
                source.indexOf("        // README example: end"));
        StringBuilder unindented = new StringBuilder();
        body.lines().forEach(line -> unindented.append(line.startsWith("        ") ? line.substring(8) : line)
                .append('\n'));
        assertThat(Files.readString(Path.of("../README.md"))).contains("```java\n" + unindented + "```\n");
    }
}
