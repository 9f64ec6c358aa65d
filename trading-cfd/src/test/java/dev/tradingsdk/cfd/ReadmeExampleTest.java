package dev.tradingsdk.cfd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsdk.core.analytics.Metrics;
import dev.tradingsdk.core.instrument.AssetClass;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.instrument.Venue;
import dev.tradingsdk.core.market.Quote;
import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.order.Order;
import dev.tradingsdk.core.order.OrderRequest;
import dev.tradingsdk.core.order.OrderStatus;
import dev.tradingsdk.core.portfolio.ClosedTrade;
import dev.tradingsdk.core.time.SimulatedClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The examples in trading-cfd/README.md, verbatim between the markers. */
class ReadmeExampleTest {

    private final Instrument btc = Instrument.builder("BTCUSD", Venue.SIM).assetClass(AssetClass.CRYPTO)
            .quoteCurrency(Currency.USD).pricePrecision(2).sizePrecision(4).build();

    @Test
    void account() {
        // README account begin
        SimulatedClock clock = new SimulatedClock(Instant.parse("2024-01-02T10:00:00Z"));
        CfdTerms terms = CfdTerms.builder().commissionBps(10).spreadBps(AssetClass.CRYPTO, 10)
                .financingBps(500, 300).maxPositionPercent(200).build();
        CfdAccount account = CfdAccount.builder("alice", Money.of("10000", Currency.USD))
                .terms(terms).clock(clock).build();

        account.markMid(btc, Price.of("40000.00"));            // bid 39 980.00, ask 40 020.00
        Order order = account.submit(OrderRequest.buy(btc).quantity("0.25").build());

        assertThat(order.status()).isEqualTo(OrderStatus.FILLED);  // at the ask; commission 10.005
        assertThat(account.cash()).isEqualTo(Money.of("9989.995", Currency.USD));
        assertThat(account.equity()).isEqualTo(Money.of("9979.995", Currency.USD));  // long valued at the bid
        assertThat(account.marginUsed()).isEqualTo(Money.of("4997.50", Currency.USD)); // 9995 at 2:1 (crypto)

        Order tooBig = account.submit(OrderRequest.buy(btc).quantity("1").build());
        assertThat(tooBig.reason()).startsWith("MAX_POSITION_PERCENT");

        account.markMid(btc, Price.of("41000.00"));            // bid 40 979.50, ask 41 020.50
        account.submit(OrderRequest.sell(btc).quantity("0.10").build());  // a partial close: no round trip yet
        assertThat(account.closedTrades()).isEmpty();
        account.submit(OrderRequest.sell(btc).quantity("0.15").build());  // flat: one round trip, core's type
        ClosedTrade trip = account.closedTrades().get(0);
        assertThat(trip.grossPnl()).isEqualTo(Money.of("239.875", Currency.USD));   // 0.25 × 959.50
        assertThat(trip.netPnl()).isEqualTo(Money.of("219.625125", Currency.USD));  // less its three commissions
        assertThat(Metrics.winRate(account.closedTrades())).isEqualTo(1.0);
        // README account end
    }

    @Test
    void competition() {
        // README competition begin
        SimulatedClock clock = new SimulatedClock(Instant.parse("2024-01-01T00:00:00Z"));
        Competition competition = Competition.builder("weekly")
                .window(Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2024-01-08T00:00:00Z"))
                .initialCapital(Money.of("10000", Currency.USD)).maxLeverage(10).maxPositionPercent(200)
                .allowedAssetClasses(Set.of(AssetClass.CRYPTO)).invocationInterval(Duration.ofDays(1))
                .clock(clock).build();
        competition.join(new Participant("dip-buyer", "rule:buy-below-41k"), context -> {
            Quote quote = context.quote(btc);
            return context.account().positions().isEmpty() && quote.ask().isLessThan(Price.of("41000.00"))
                    ? List.of(OrderRequest.buy(btc).quantity("0.1").build()) : List.of();
        });
        competition.join(new Participant("idle", "rule:nothing"), context -> List.of());

        NavigableMap<Instant, Map<Instrument, Price>> closes = new TreeMap<>();
        closes.put(Instant.parse("2024-01-01T00:00:00Z"), Map.of(btc, Price.of("42000.00")));
        closes.put(Instant.parse("2024-01-02T00:00:00Z"), Map.of(btc, Price.of("40000.00")));
        closes.put(Instant.parse("2024-01-08T00:00:00Z"), Map.of(btc, Price.of("45000.00")));
        competition.replayMids(closes);

        Leaderboard board = competition.leaderboard();
        assertThat(competition.status()).isEqualTo(CompetitionStatus.COMPLETED);
        assertThat(board.entries().get(0).participant().name()).isEqualTo("dip-buyer");
        assertThat(board.entry("dip-buyer").orElseThrow().equity()).isEqualTo(Money.of("10500", Currency.USD));
        // README competition end
    }

    @Test
    void readmeShowsTheseExamplesVerbatim() throws IOException {
        String source = Files.readString(Path.of("src/test/java/dev/tradingsdk/cfd/ReadmeExampleTest.java"));
        String readme = Files.readString(Path.of("README.md"));
        for (String name : List.of("account", "competition")) {
            Matcher m = Pattern.compile("// README " + name + " begin\\n(.*?)\\n\\s*// README " + name + " end",
                    Pattern.DOTALL).matcher(source);
            assertThat(m.find()).as(name + " markers").isTrue();
            String example = m.group(1).lines().map(l -> l.startsWith("        ") ? l.substring(8) : l)
                    .collect(Collectors.joining("\n"));
            assertThat(readme).contains("```java\n" + example + "\n```");
        }
    }
}
