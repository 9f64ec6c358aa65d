package dev.tradingsdk.kalshi;

import dev.tradingsdk.core.backtest.FeeModel;
import dev.tradingsdk.core.backtest.Liquidity;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import dev.tradingsdk.core.order.Side;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Objects;

/**
 * Kalshi's trading fee per fill: {@code roundUpToCent(coefficient × multiplier × C × P × (1 − P))}, with C the
 * contracts and P the price in dollars (symmetric, so YES at p and NO at 1 − p pay the same). Takers use the
 * schedule's taker coefficient (0.07); makers pay the maker coefficient (0.0175) only on series whose
 * {@code fee_type} is {@code quadratic_with_maker_fees}, else nothing. Fee type and multiplier come from each
 * market's {@link Series}; the coefficients are the published schedule's and can be replaced with
 * {@link #withCoefficients}. Computed exactly in decimal. No fee at settlement.
 */
public final class KalshiFeeModel implements FeeModel {

    public static final BigDecimal SCHEDULE_TAKER = new BigDecimal("0.07");
    public static final BigDecimal SCHEDULE_MAKER = new BigDecimal("0.0175");

    private final Map<String, Series> seriesByMarket;
    private final BigDecimal taker;
    private final BigDecimal maker;

    private KalshiFeeModel(Map<String, Series> seriesByMarket, BigDecimal taker, BigDecimal maker) {
        this.seriesByMarket = Map.copyOf(seriesByMarket);
        this.seriesByMarket.forEach((market, series) -> {
            if (series.feeType() == FeeType.FLAT) {
                throw new IllegalArgumentException("market " + market + ": series " + series.ticker()
                    + " has fee_type flat, a per-contract table this model does not know");
            }
        });
        this.taker = taker;
        this.maker = maker;
    }

    /** Fees for markets by ticker, each with its series (from {@link KalshiClient#series}). */
    public static KalshiFeeModel forMarkets(Map<String, Series> seriesByMarketTicker) {
        return new KalshiFeeModel(seriesByMarketTicker, SCHEDULE_TAKER, SCHEDULE_MAKER);
    }

    /** Fees for one market of {@code series}. */
    public static KalshiFeeModel forMarket(String marketTicker, Series series) {
        return forMarkets(Map.of(marketTicker, series));
    }

    /** The same series with other schedule coefficients (Kalshi changed them in 2025). */
    public KalshiFeeModel withCoefficients(BigDecimal takerCoefficient, BigDecimal makerCoefficient) {
        Objects.requireNonNull(takerCoefficient, "takerCoefficient");
        Objects.requireNonNull(makerCoefficient, "makerCoefficient");
        if (takerCoefficient.signum() < 0 || makerCoefficient.signum() < 0) {
            throw new IllegalArgumentException("fee coefficients must not be negative: taker " + takerCoefficient
                + ", maker " + makerCoefficient);
        }
        return new KalshiFeeModel(seriesByMarket, takerCoefficient, makerCoefficient);
    }

    @Override
    public Money fee(Instrument instrument, Side side, Price price, Quantity quantity, Liquidity liquidity) {
        Series series = seriesByMarket.get(instrument.symbol());
        if (series == null) {
            throw new IllegalArgumentException("no series known for market " + instrument.symbol()
                + "; the fee depends on it (known: " + seriesByMarket.keySet() + ")");
        }
        BigDecimal coefficient;
        if (liquidity == Liquidity.TAKER) {
            coefficient = taker;
        } else if (series.feeType() == FeeType.QUADRATIC_WITH_MAKER_FEES) {
            coefficient = maker;
        } else {
            return Money.zero(Currency.USD);
        }
        return fee(coefficient.multiply(series.feeMultiplier()), quantity, price);
    }

    /** {@code roundUpToCent(coefficient × C × P × (1 − P))} in USD. */
    public static Money fee(BigDecimal coefficient, Quantity contracts, Price price) {
        BigDecimal p = price.toBigDecimal();
        if (p.signum() < 0 || p.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("Kalshi price must be within 0..1 dollar, was " + price);
        }
        BigDecimal raw = coefficient.multiply(contracts.toBigDecimal()).multiply(p).multiply(BigDecimal.ONE.subtract(p));
        return Money.of(raw.setScale(2, RoundingMode.CEILING), Currency.USD);
    }

    @Override
    public String toString() {
        return "KalshiFeeModel[taker " + taker + ", maker " + maker + ", " + seriesByMarket.size() + " markets]";
    }
}
