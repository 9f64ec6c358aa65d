package dev.tradingsdk.core.options;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsdk.core.instrument.AssetClass;
import dev.tradingsdk.core.instrument.ExerciseStyle;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.instrument.OptionRight;
import dev.tradingsdk.core.instrument.Venue;
import dev.tradingsdk.core.market.MarketState;
import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.order.ClientOrderId;
import dev.tradingsdk.core.order.Fill;
import dev.tradingsdk.core.order.OrderRequest;
import dev.tradingsdk.core.order.Side;
import dev.tradingsdk.core.portfolio.Portfolio;
import dev.tradingsdk.core.risk.RiskDecision;
import dev.tradingsdk.core.risk.RiskGovernor;
import dev.tradingsdk.core.risk.rules.MaxNetDeltaRule;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

/** README-options.md's example must stay identical to {@link #readmeExample()}'s body, which runs here. */
class OptionsReadmeTest {

    @Test
    void readmeExample() {
        Instant now = Instant.parse("2026-11-20T15:00:00Z");
        Instrument future = Instrument.builder("ESZ6", Venue.of("CME")).assetClass(AssetClass.FUTURE)
                .quoteCurrency(Currency.USD).pricePrecision(2).tickSize("0.25").sizePrecision(0).multiplier("50")
                .underlying("ES").expiry(Instant.parse("2026-12-18T14:30:00Z"))
                .future(YearMonth.of(2026, 12), LocalDate.of(2026, 12, 18)).tradableAt(now).build();
        Instrument call = Instrument.builder("ESZ6 C5000", Venue.of("CME")).assetClass(AssetClass.OPTION)
                .quoteCurrency(Currency.USD).pricePrecision(2).tickSize("0.05").sizePrecision(0).multiplier("50")
                .expiry(future.expiryOrNull()).option(future, OptionRight.CALL, "5000").strikeIncrement("5")
                .exerciseStyle(ExerciseStyle.AMERICAN).tradableAt(now).build();

        // Black-76 greeks from the futures price, a volatility and the time; the book is also a DeltaSource.
        GreeksBook book = GreeksBook.builder().rate(0.05).instruments(call).build();
        book.time(now.getEpochSecond() * 1_000_000_000L);
        book.price(future, future.price("5000.00").raw());
        book.volatility(call, 0.20);
        RiskGovernor governor = RiskGovernor.builder().rule(new MaxNetDeltaRule(new BigDecimal("100"), book)).build();

        // Long 10 calls (delta 0.509: +254.6 units of ES) against 5 short futures (−250): net +4.6, in the band.
        Portfolio account = new Portfolio("acc-1", Money.of("1000000.00", Currency.USD));
        account.apply(new Fill(ClientOrderId.of("o-1"), "t-1", call, Side.BUY, call.price("115.00"), call.size("10"),
                Money.zero(Currency.USD), now));
        account.apply(new Fill(ClientOrderId.of("o-2"), "t-2", future, Side.SELL, future.price("5000.00"),
                future.size("5"), Money.zero(Currency.USD), now));
        DeltaHedger hedger = new DeltaHedger(future, new BigDecimal("25"), book);
        assertThat(hedger.netDelta(account)).isBetween(new BigDecimal("4"), new BigDecimal("5"));
        assertThat(hedger.propose(account, ClientOrderId.of("hedge-1"))).isEmpty();

        // The future rallies 60 points: call delta 0.594, net +46.9, beyond the band: sell one future.
        book.price(future, future.price("5060.00").raw());
        OrderRequest hedge = hedger.propose(account, ClientOrderId.of("hedge-1")).orElseThrow();
        assertThat(hedge.side()).isEqualTo(Side.SELL);
        assertThat(hedge.quantity()).isEqualTo(future.size("1"));

        // The hedge passes the governor like any order; five more calls (+148) would breach ±100 and are refused.
        assertThat(governor.check(hedge, account, MarketState.NONE).accepted()).isTrue();
        RiskDecision more = governor.check(OrderRequest.buy(call).quantity("5").limit("140.00").build(), account,
                MarketState.NONE);
        assertThat(more.codes()).containsExactly(MaxNetDeltaRule.CODE);
        assertThat(more.violations().get(0).message()).startsWith("net delta on ES would go from 46.");

        // Per account and underlying, for agents and status pages.
        AccountGreeks greeks = new AccountGreeks(book);
        greeks.recompute(account, now.getEpochSecond() * 1_000_000_000L);
        GreeksSnapshot.Underlying es = greeks.snapshot().of("ES").orElseThrow();
        assertThat(es.netDelta()).isBetween(46.0, 48.0);
        assertThat(es.gamma()).isPositive();
        assertThat(es.theta()).isNegative();
    }

    @Test
    void readmeShowsTheExample() throws IOException {
        String readme = Files.readString(Path.of("README-options.md"));
        int open = readme.indexOf("```java\n") + "```java\n".length();
        String example = readme.substring(open, readme.indexOf("```", open));

        String source = Files.readString(Path.of("src/test/java/dev/tradingsdk/core/options/OptionsReadmeTest.java"));
        int method = source.indexOf("    void readmeExample() {");
        int bodyStart = source.indexOf('\n', method) + 1;
        int bodyEnd = source.indexOf("\n    }\n", bodyStart) + 1;
        StringBuilder body = new StringBuilder();
        for (String line : source.substring(bodyStart, bodyEnd).split("\n", -1)) {
            body.append(line.length() >= 8 ? line.substring(8) : line.strip()).append('\n');
        }
        assertThat(example).isEqualTo(body.substring(0, body.length() - 1));
    }
}
