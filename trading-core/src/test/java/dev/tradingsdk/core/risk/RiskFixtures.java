package dev.tradingsdk.core.risk;

import dev.tradingsdk.core.instrument.AssetClass;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.instrument.InstrumentId;
import dev.tradingsdk.core.instrument.Venue;
import dev.tradingsdk.core.market.MarketSnapshot;
import dev.tradingsdk.core.market.MarketState;
import dev.tradingsdk.core.market.TopOfBook;
import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import dev.tradingsdk.core.order.ClientOrderId;
import dev.tradingsdk.core.order.Fill;
import dev.tradingsdk.core.order.OrderRequest;
import dev.tradingsdk.core.order.Side;
import dev.tradingsdk.core.portfolio.AccountView;
import dev.tradingsdk.core.portfolio.Position;
import dev.tradingsdk.core.time.EpochNanos;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** Instruments, orders, positions and markets shared by the risk tests. */
final class RiskFixtures {

    static final Currency USD = Currency.USD;

    static final Instrument BTC = Instrument.builder("BTCUSD", Venue.SIM).assetClass(AssetClass.CRYPTO)
            .quoteCurrency(USD).pricePrecision(2).sizePrecision(4).build();
    static final Instrument ETH = Instrument.builder("ETHUSD", Venue.SIM).assetClass(AssetClass.CRYPTO)
            .quoteCurrency(USD).pricePrecision(2).sizePrecision(4).build();
    /** An FX-like instrument with four price decimals, for fine spread and collar boundaries. */
    static final Instrument EURUSD = Instrument.builder("EURUSD", Venue.SIM).assetClass(AssetClass.FX)
            .quoteCurrency(USD).pricePrecision(4).sizePrecision(0).build();
    static final Instant ES_EXPIRY = Instant.parse("2026-12-18T14:30:00Z");
    /** An index future: multiplier 50, expires 2026-12-18 14:30 UTC. */
    static final Instrument ES = Instrument.builder("ESZ6", Venue.of("CME")).assetClass(AssetClass.FUTURE)
            .quoteCurrency(USD).pricePrecision(2).tickSize("0.25").sizePrecision(0).multiplier("50")
            .underlying("SPX").expiry(ES_EXPIRY).build();
    /** A call option on the same underlying, multiplier 100. */
    static final Instrument SPX_CALL = Instrument.builder("SPX261218C4000", Venue.of("CBOE"))
            .assetClass(AssetClass.OPTION).quoteCurrency(USD).pricePrecision(2).sizePrecision(0).multiplier("100")
            .underlying("SPX").expiry(ES_EXPIRY).build();

    /** Friday 2026-11-20 15:00 UTC (10:00 in New York). */
    static final Instant T0 = Instant.parse("2026-11-20T15:00:00Z");
    static final long T0_NANOS = nanos(T0);

    private static int orderIds;
    private static int tradeIds;

    private RiskFixtures() {
    }

    static long nanos(Instant instant) {
        return EpochNanos.of(instant);
    }

    static Money usd(String amount) {
        return Money.of(amount, USD);
    }

    static OrderRequest limit(Instrument instrument, Side side, String quantity, String price) {
        return OrderRequest.builder(instrument, side).clientOrderId("t-" + (++orderIds)).quantity(quantity)
                .limit(price).build();
    }

    static OrderRequest market(Instrument instrument, Side side, String quantity) {
        return OrderRequest.builder(instrument, side).clientOrderId("t-" + (++orderIds)).quantity(quantity)
                .market().build();
    }

    static Fill fill(Instrument instrument, Side side, String quantity, String price) {
        return new Fill(ClientOrderId.of("f-" + (++tradeIds)), "trade-" + tradeIds, instrument, side,
                Price.of(price, instrument.pricePrecision()), Quantity.of(quantity, instrument.sizePrecision()),
                Money.zero(instrument.quoteCurrency()), T0);
    }

    /** A position opened by one fill. */
    static Position position(Instrument instrument, Side side, String quantity, String price) {
        Position p = new Position(instrument);
        p.apply(fill(instrument, side, quantity, price));
        return p;
    }

    /** A two-sided top of book with the given prices and sizes, updated at {@code atNanos}. */
    static TopOfBook book(Instrument instrument, String bid, String bidSize, String ask, String askSize,
                          long atNanos) {
        return new TopOfBook(instrument).update(
                Price.of(bid, instrument.pricePrecision()).raw(),
                Quantity.of(bidSize, instrument.sizePrecision()).raw(),
                Price.of(ask, instrument.pricePrecision()).raw(),
                Quantity.of(askSize, instrument.sizePrecision()).raw(), atNanos);
    }

    /** A market made of the given books. */
    static MarketState market(TopOfBook... books) {
        Map<InstrumentId, MarketSnapshot> byId = new HashMap<>();
        for (TopOfBook b : books) {
            byId.put(b.instrument().id(), b);
        }
        return byId::get;
    }

    static RiskContext context(OrderRequest order, AccountView account, MarketState market) {
        return RiskContext.of(order, account, market, T0_NANOS, TradingState.ACTIVE);
    }

    static RiskContext context(OrderRequest order, AccountView account, MarketState market, long nowNanos) {
        return RiskContext.of(order, account, market, nowNanos, TradingState.ACTIVE);
    }
}
