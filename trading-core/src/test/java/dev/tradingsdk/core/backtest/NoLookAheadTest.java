package dev.tradingsdk.core.backtest;

import dev.tradingsdk.core.strategy.Strategy;
import dev.tradingsdk.core.strategy.StrategyContext;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsdk.core.market.Bar;
import dev.tradingsdk.core.market.MarketEvent;
import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.order.Fill;
import dev.tradingsdk.core.order.OrderRequest;
import dev.tradingsdk.core.portfolio.ClosedTrade;
import dev.tradingsdk.core.portfolio.Position;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A strategy that chases the bar it has just seen (buys after an up bar, exits on the next bar) over bars that
 * alternate up and down. Filled at the open of the bar it decided on (look-ahead) it would win every trade;
 * the engine fills it at the next bar's open, where the move is already over, so it loses every trade.
 */
class NoLookAheadTest {

    private static List<Bar> alternatingBars(int count) {
        List<Bar> bars = new ArrayList<>();
        BigDecimal open = new BigDecimal("1000.00");
        for (int day = 0; day < count; day++) {
            BigDecimal close = day % 2 == 0 ? open.add(BigDecimal.TEN) : open.subtract(BigDecimal.TEN);
            String hi = open.max(close).toPlainString();
            String lo = open.min(close).toPlainString();
            bars.add(Bars.daily(TestData.BTC, day, open.toPlainString(), hi, lo, close.toPlainString()));
            open = close;
        }
        return bars;
    }

    /** Buys after an up bar when flat; exits whenever long. Records what it saw and when it ordered. */
    private static final class ChasingStrategy implements Strategy {
        final Map<String, Instant> submittedAt = new HashMap<>();
        final Map<String, Integer> decidedOnBar = new HashMap<>();
        final List<Bar> seen = new ArrayList<>();
        int ids;

        @Override
        public void onEvent(MarketEvent event, StrategyContext context) {
            Bar bar = (Bar) event;
            assertThat(context.clock().now()).isEqualTo(bar.timestamp());
            assertThat(seen).allSatisfy(b -> assertThat(b.timestamp()).isBefore(bar.timestamp()));
            seen.add(bar);
            long net = context.account().position(TestData.BTC.id()).map(Position::netRaw).orElse(0L);
            OrderRequest request = null;
            if (net > 0) {
                request = OrderRequest.sell(TestData.BTC).clientOrderId("o-" + (++ids)).quantity("1").build();
            } else if (bar.close().isGreaterThan(bar.open())) {
                request = OrderRequest.buy(TestData.BTC).clientOrderId("o-" + (++ids)).quantity("1").build();
            }
            if (request != null) {
                submittedAt.put(request.clientOrderId().value(), context.clock().now());
                decidedOnBar.put(request.clientOrderId().value(), seen.size() - 1);
                context.orders().submit(request);
            }
        }
    }

    @Test
    void strategyThatOnlyWinsWithLookAheadLosesEveryTrade() {
        List<Bar> bars = alternatingBars(40);
        ChasingStrategy strategy = new ChasingStrategy();
        BacktestResult result = Backtest.builder().initialCash(Money.of("100000", Currency.USD)).events(bars)
                .strategy(strategy).run();

        assertThat(result.trades()).hasSize(19);
        // 20 buys and 19 sells: the last buy is still open, the sell decided on the last bar never fills.
        assertThat(result.fills()).hasSize(39);
        BigDecimal lookAheadPnl = BigDecimal.ZERO;
        for (Fill fill : result.fills()) {
            String id = fill.orderId().value();
            int decided = strategy.decidedOnBar.get(id);
            Bar next = bars.get(decided + 1);
            assertThat(fill.timestamp()).isEqualTo(next.openTime()).isAfterOrEqualTo(strategy.submittedAt.get(id));
            assertThat(fill.price()).isEqualTo(next.open());
            Bar decisionBar = bars.get(decided);
            BigDecimal atDecisionOpen = decisionBar.open().toBigDecimal();
            if (fill != result.fills().get(result.fills().size() - 1)) {
                lookAheadPnl = fill.side().sign() > 0 ? lookAheadPnl.subtract(atDecisionOpen)
                        : lookAheadPnl.add(atDecisionOpen);
            }
        }
        // Filled on the bar it decided on, each round trip would have made +10 (buy at the up bar's open,
        // sell at the following down bar's open, which is the up bar's close).
        assertThat(lookAheadPnl).isEqualByComparingTo("190");
        for (ClosedTrade trade : result.trades()) {
            assertThat(trade.netPnl().toBigDecimal()).isEqualByComparingTo("-10");
        }
        // 19 losing round trips and the open last buy (at 1010, marked at 1000).
        assertThat(result.finalEquity().toBigDecimal()).isEqualByComparingTo("99800");
    }

    @Test
    void orderArrivingDuringABarWaitsForThatBarsClose() {
        List<Bar> bars = alternatingBars(4);
        ChasingStrategy strategy = new ChasingStrategy();
        BacktestResult result = Backtest.builder().initialCash(Money.of("100000", Currency.USD)).events(bars)
                .strategy(strategy).latency(Duration.ofHours(1)).run();

        Fill first = result.fills().get(0);
        assertThat(first.timestamp()).isEqualTo(bars.get(1).closeTime());
        assertThat(first.price()).isEqualTo(bars.get(1).close());
    }
}
