package dev.tradingsdk.core.risk.internal;

import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.market.MarketSnapshot;
import dev.tradingsdk.core.num.FixedMath;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.risk.RiskContext;
import java.math.RoundingMode;

/**
 * Raw-value valuation shared by the risk context, the rules and the monitors: the mark of a snapshot, an order's
 * notional and money at the context's precision. Internal so that users see one public model, {@link RiskContext}.
 */
public final class RawValuation {

    private RawValuation() {
    }

    /** The mid (or the one side present) of {@code snapshot}, raw; {@code Long.MIN_VALUE} when unknown. */
    public static long markRaw(MarketSnapshot snapshot) {
        if (snapshot == null) {
            return Long.MIN_VALUE;
        }
        if (snapshot.isTwoSided()) {
            return FixedMath.midRaw(snapshot.bidRaw(), snapshot.askRaw());
        }
        if (snapshot.hasBid()) {
            return snapshot.bidRaw();
        }
        return snapshot.hasAsk() ? snapshot.askRaw() : Long.MIN_VALUE;
    }

    /**
     * size × price × multiplier of {@code instrument} from raw values, at {@link RiskContext#MONEY_PRECISION},
     * rounded up.
     */
    public static long notionalRaw(Instrument instrument, long sizeRaw, long priceRaw) {
        int productPrecision = instrument.pricePrecision() + instrument.sizePrecision();
        long perUnit = productPrecision <= RiskContext.MONEY_PRECISION
                // exact without a division, the common case on the accept path
                ? Math.multiplyExact(Math.multiplyExact(Math.abs(priceRaw), sizeRaw),
                        FixedMath.powerOfTen(RiskContext.MONEY_PRECISION - productPrecision))
                : FixedMath.multiply(Math.abs(priceRaw), instrument.pricePrecision(), sizeRaw,
                        instrument.sizePrecision(), RiskContext.MONEY_PRECISION, RoundingMode.UP);
        long multiplierRaw = instrument.multiplier().raw();
        int multiplierPrecision = instrument.multiplier().precision();
        if (multiplierRaw == FixedMath.powerOfTen(multiplierPrecision)) {
            return perUnit;
        }
        return FixedMath.multiply(perUnit, RiskContext.MONEY_PRECISION, multiplierRaw, multiplierPrecision,
                RiskContext.MONEY_PRECISION,
                RoundingMode.UP);
    }

    /** {@code money} as a raw value at {@link RiskContext#MONEY_PRECISION}, rounded half-even. */
    public static long moneyRaw(Money money) {
        return FixedMath.rescale(money.raw(), money.precision(), RiskContext.MONEY_PRECISION, RoundingMode.HALF_EVEN);
    }
}
