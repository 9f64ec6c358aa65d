package dev.tradingsdk.brokers.paper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradingsdk.brokers.BrokerAccount;
import dev.tradingsdk.brokers.BrokerException;
import dev.tradingsdk.brokers.BrokerPosition;
import dev.tradingsdk.brokers.OrderChange;
import dev.tradingsdk.brokers.OrderFilter;
import dev.tradingsdk.brokers.TestInstruments;
import dev.tradingsdk.core.backtest.FeeModel;
import dev.tradingsdk.core.backtest.SlippageModel;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.market.Bar;
import dev.tradingsdk.core.market.Quote;
import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import dev.tradingsdk.core.order.BracketOrder;
import dev.tradingsdk.core.order.ClientOrderId;
import dev.tradingsdk.core.order.Order;
import dev.tradingsdk.core.order.OrderRequest;
import dev.tradingsdk.core.order.OrderStatus;
import dev.tradingsdk.core.portfolio.PositionSide;
import dev.tradingsdk.core.time.SimulatedClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PaperBrokerTest {

    private static final Instant T0 = Instant.parse("2026-03-02T14:30:00Z");
    private final Instrument aapl = TestInstruments.aapl("SIM");
    private final SimulatedClock clock = new SimulatedClock(T0);

    private PaperBroker.Builder broker() {
        return PaperBroker.builder().initialCash(Money.of("100000", Currency.USD)).clock(clock);
    }

    private Bar bar(int minute, String open, String high, String low, String close) {
        Instant start = T0.plus(Duration.ofMinutes(minute));
        return new Bar(aapl, start, start.plus(Duration.ofMinutes(1)), Price.of(open), Price.of(high), Price.of(low),
                Price.of(close), Quantity.of("1000"));
    }

    @Test
    void aMarketOrderFillsAtTheNextBarsOpenWithSlippageAndCommission() {
        try (PaperBroker paper = broker().commission(FeeModel.fixed(Money.of("1.00", Currency.USD)))
                .slippage(SlippageModel.ticks(2)).build()) {
            OrderRequest buy = OrderRequest.buy(aapl).clientOrderId("m1").quantity("10").market().build();
            assertThat(paper.submit(buy).status()).isEqualTo(OrderStatus.ACCEPTED);

            paper.onMarketEvent(bar(1, "150.00", "151.00", "149.00", "150.50"));

            Order filled = paper.order(ClientOrderId.of("m1")).orElseThrow();
            assertThat(filled.status()).isEqualTo(OrderStatus.FILLED);
            assertThat(filled.averageFillPrice().orElseThrow().toBigDecimal()).isEqualByComparingTo("150.02");
            assertThat(filled.fees()).isEqualTo(Money.of("1.00", Currency.USD));
            BrokerAccount account = paper.account();
            // 100000 - 10 x 150.02 - 1.00 commission
            assertThat(account.cash()).isEqualTo(Money.of("98498.80", Currency.USD));
            BrokerPosition position = paper.positions().get(0);
            assertThat(position.side()).isEqualTo(PositionSide.LONG);
            assertThat(position.quantity()).isEqualTo(Quantity.of("10"));
            assertThat(position.marketPrice()).isEqualTo(Price.of("150.50"));
        }
    }

    @Test
    void limitAndStopOrdersFillOnlyWhenThePriceReachesThem() {
        try (PaperBroker paper = broker().build()) {
            paper.submit(OrderRequest.buy(aapl).clientOrderId("l1").quantity("10").limit("149.00").build());
            paper.submit(OrderRequest.buy(aapl).clientOrderId("s1").quantity("5").stop("152.00").build());

            paper.onMarketEvent(bar(1, "150.00", "151.00", "149.50", "150.50"));
            assertThat(paper.orders(OrderFilter.open())).extracting(Order::clientOrderId)
                    .containsExactlyInAnyOrder(ClientOrderId.of("l1"), ClientOrderId.of("s1"));

            paper.onMarketEvent(bar(2, "150.50", "152.50", "148.00", "152.00"));
            assertThat(paper.order(ClientOrderId.of("l1")).orElseThrow().averageFillPrice()).contains(
                    Price.of("149.00"));
            assertThat(paper.order(ClientOrderId.of("s1")).orElseThrow().averageFillPrice()).contains(
                    Price.of("152.00"));
            assertThat(paper.orders(OrderFilter.open())).isEmpty();
        }
    }

    @Test
    void whenTheTakeProfitFillsTheStopLossIsCanceled() {
        try (PaperBroker paper = broker().build()) {
            OrderRequest entry = OrderRequest.buy(aapl).clientOrderId("b1").quantity("10").market().build();
            List<Order> bracket = paper.submit(BracketOrder.of(entry, Price.of("155.00"), Price.of("145.00"),
                    Price.of("150.00")));
            assertThat(bracket).hasSize(3);

            paper.onMarketEvent(bar(1, "150.00", "151.00", "149.00", "150.00"));
            assertThat(paper.order(ClientOrderId.of("b1")).orElseThrow().status()).isEqualTo(OrderStatus.FILLED);
            paper.onMarketEvent(bar(2, "150.00", "156.00", "149.00", "155.50"));

            assertThat(paper.order(ClientOrderId.of("b1-tp")).orElseThrow().status()).isEqualTo(OrderStatus.FILLED);
            Order stop = paper.order(ClientOrderId.of("b1-sl")).orElseThrow();
            assertThat(stop.status()).isEqualTo(OrderStatus.CANCELED);
            assertThat(stop.reason()).contains("one-cancels-other");
            assertThat(paper.positions()).isEmpty();
            assertThat(paper.account().realizedPnl()).isEqualTo(Money.of("50.00", Currency.USD));
        }
    }

    @Test
    void aBuyBeyondTheCashIsRejectedWithTheReason() {
        try (PaperBroker paper = broker().build()) {
            Order order = paper.submit(OrderRequest.buy(aapl).clientOrderId("big").quantity("1000").limit("150.00")
                    .build());
            assertThat(order.status()).isEqualTo(OrderStatus.REJECTED);
            assertThat(order.reason()).contains("insufficient buying power").contains("150000.00");
        }
    }

    @Test
    void replaceCancelsTheOldOrderAndWorksTheNewOne() {
        try (PaperBroker paper = broker().build()) {
            paper.submit(OrderRequest.buy(aapl).clientOrderId("r1").quantity("10").limit("140.00").build());
            Order replaced = paper.replace(ClientOrderId.of("r1"), OrderChange.builder()
                    .limitPrice(Price.of("149.00")).newClientOrderId(ClientOrderId.of("r2")).build());

            assertThat(replaced.clientOrderId()).isEqualTo(ClientOrderId.of("r2"));
            assertThat(replaced.request().limitPrice()).contains(Price.of("149.00"));
            assertThat(paper.order(ClientOrderId.of("r1")).orElseThrow().status()).isEqualTo(OrderStatus.CANCELED);
            paper.onMarketEvent(bar(1, "150.00", "151.00", "148.50", "150.00"));
            assertThat(paper.order(ClientOrderId.of("r2")).orElseThrow().status()).isEqualTo(OrderStatus.FILLED);

            assertThatThrownBy(() -> paper.replace(ClientOrderId.of("r2"), OrderChange.builder()
                    .limitPrice(Price.of("148.00")).build()))
                    .isInstanceOfSatisfying(BrokerException.class, e -> {
                        assertThat(e.type()).isEqualTo(BrokerException.Type.REJECTED);
                        assertThat(e.getMessage()).contains("r2 is FILLED, not open");
                    });
        }
    }

    @Test
    void aDuplicateClientOrderIdIsRefusedBeforeAnythingIsJournaled(@TempDir Path dir) throws Exception {
        try (PaperBroker paper = broker().journal(dir).build()) {
            paper.submit(OrderRequest.buy(aapl).clientOrderId("d1").quantity("1").limit("100.00").build());
            long size = journalBytes(dir);
            assertThatThrownBy(() -> paper.submit(OrderRequest.buy(aapl).clientOrderId("d1").quantity("2")
                    .limit("100.00").build())).hasMessageContaining("clientOrderId d1 was already used");
            assertThat(journalBytes(dir)).isEqualTo(size);
        }
    }

    @Test
    void aRestartOnTheSameJournalResumesOrdersFillsAndCash(@TempDir Path dir) {
        BrokerAccount before;
        try (PaperBroker paper = broker().journal(dir).commission(FeeModel.bps("10"))
                .slippage(SlippageModel.randomTicks(3)).seed(42).build()) {
            paper.submit(OrderRequest.buy(aapl).clientOrderId("j1").quantity("10").market().build());
            paper.onMarketEvent(bar(1, "150.00", "151.00", "149.00", "150.50"));
            paper.submit(BracketOrder.of(OrderRequest.buy(aapl).clientOrderId("j2").quantity("5").limit("149.00")
                    .build(), Price.of("160.00"), Price.of("140.00"), null));
            paper.onMarketEvent(new Quote(aapl, T0.plus(Duration.ofMinutes(2)), Price.of("150.40"),
                    Quantity.of("100"), Price.of("150.60"), Quantity.of("100")));
            before = paper.account();
        }

        try (PaperBroker resumed = PaperBroker.builder().initialCash(Money.of("100000", Currency.USD)).clock(clock)
                .journal(dir).commission(FeeModel.bps("10")).slippage(SlippageModel.randomTicks(3)).seed(42)
                .build()) {
            assertThat(resumed.account()).isEqualTo(before);
            assertThat(resumed.order(ClientOrderId.of("j1")).orElseThrow().status()).isEqualTo(OrderStatus.FILLED);
            assertThat(resumed.orders(OrderFilter.open())).extracting(Order::clientOrderId)
                    .containsExactly(ClientOrderId.of("j2"));
            assertThat(resumed.quote(aapl)).isPresent();

            // The resumed bracket still works: its entry fills, then its stop-loss takes the position out.
            resumed.onMarketEvent(bar(3, "149.00", "149.50", "148.00", "149.00"));
            assertThat(resumed.order(ClientOrderId.of("j2")).orElseThrow().status()).isEqualTo(OrderStatus.FILLED);
            resumed.onMarketEvent(bar(4, "141.00", "141.00", "139.00", "139.50"));
            assertThat(resumed.order(ClientOrderId.of("j2-sl")).orElseThrow().status())
                    .isEqualTo(OrderStatus.FILLED);
            assertThat(resumed.order(ClientOrderId.of("j2-tp")).orElseThrow().status())
                    .isEqualTo(OrderStatus.CANCELED);
        }
    }

    @Test
    void aJournalOfAnotherAccountIsRefusedNamingBoth(@TempDir Path dir) {
        broker().journal(dir).build().close();
        assertThatThrownBy(() -> PaperBroker.builder().initialCash(Money.of("5000", Currency.USD)).journal(dir)
                .build()).hasMessageContaining("cash 100000.00 USD").hasMessageContaining("cash 5000.00");
    }

    private static long journalBytes(Path dir) throws Exception {
        try (var files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().endsWith(".lock"))
                    .mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
