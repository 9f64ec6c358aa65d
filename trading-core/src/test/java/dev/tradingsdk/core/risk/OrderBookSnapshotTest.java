package dev.tradingsdk.core.risk;

import static dev.tradingsdk.core.order.Side.BUY;
import static dev.tradingsdk.core.order.Side.SELL;
import static dev.tradingsdk.core.risk.RiskFixtures.BTC;
import static dev.tradingsdk.core.risk.RiskFixtures.T0_NANOS;
import static dev.tradingsdk.core.risk.RiskFixtures.context;
import static dev.tradingsdk.core.risk.RiskFixtures.limit;
import static dev.tradingsdk.core.risk.RiskFixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsdk.core.book.OrderBook;
import dev.tradingsdk.core.market.MarketState;
import dev.tradingsdk.core.market.OrderBookSnapshot;
import dev.tradingsdk.core.risk.internal.RawValuation;
import dev.tradingsdk.core.risk.rules.LiquidityRule;
import dev.tradingsdk.core.risk.rules.StaleMarketDataRule;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class OrderBookSnapshotTest {

    private final TestAccount account = new TestAccount("acc-1", usd("100000"));

    @Test
    void liquidityGuardSeesTheDepthOfAnL2Book() {
        OrderBook book = new OrderBook(BTC);
        book.applyDeltaRaw(SELL, 50_001_00, 1_0000);
        book.applyDeltaRaw(SELL, 50_002_00, 2_0000);
        book.applyDeltaRaw(BUY, 49_999_00, 3_0000);
        book.markUpdate(1, T0_NANOS);
        OrderBookSnapshot snapshot = new OrderBookSnapshot(book);
        MarketState market = id -> id.equals(BTC.id()) ? snapshot : null;
        RiskRule liquidity = new LiquidityRule(new BigDecimal("3"));
        assertThat(liquidity.check(context(limit(BTC, BUY, "1", "50002.00"), account, market)).passed()).isTrue();
        assertThat(liquidity.check(context(limit(BTC, BUY, "1", "50001.00"), account, market)).passed()).isFalse();
        assertThat(liquidity.check(context(RiskFixtures.market(BTC, SELL, "1"), account, market)).passed()).isTrue();
        assertThat(RawValuation.markRaw(snapshot)).isEqualTo(50_000_00);
    }

    @Test
    void aBookNeverMarkedAsUpdatedIsStale() {
        OrderBook book = new OrderBook(BTC);
        book.applyDeltaRaw(BUY, 49_999_00, 3_0000);
        OrderBookSnapshot snapshot = new OrderBookSnapshot(book);
        RiskRule stale = new StaleMarketDataRule(Duration.ofSeconds(5));
        RuleResult result = stale.check(context(limit(BTC, BUY, "1", "50000.00"), account, id -> snapshot));
        assertThat(result.passed()).isFalse();
        assertThat(snapshot.hasAsk()).isFalse();
    }
}
