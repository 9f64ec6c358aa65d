package dev.tradingsdk.cfd.internal;

import dev.tradingsdk.cfd.CfdMath;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.num.FixedMath;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import java.util.Optional;

/**
 * Pre-trade exposure limits of a CFD account for an order that adds exposure, judged on the account as it would
 * be right after the fill: equity less the commission and the spread crossed by the newly opened size, margin and
 * gross notional with this instrument's position replaced by the new one.
 */
public final class ExposureCheck {

    private ExposureCheck() {
    }

    /** The reason to refuse the trade, or empty to accept it. Limits of 0 are off. */
    public static Optional<String> refusal(Instrument instrument, Price bid, Price ask, long netBefore, long netAfter,
                                           int leverage, Money commission, Money equity, Money usedMargin,
                                           Money grossNotional, Money positionNotional, int maxLeverage,
                                           long maxPositionPercent) {
        int sizePrecision = instrument.sizePrecision();
        long opened = Long.signum(netAfter) == Long.signum(netBefore)
                ? Math.abs(netAfter) - Math.abs(netBefore) : Math.abs(netAfter);
        Money spreadCost = instrument.notional(ask.minus(bid), Quantity.ofRaw(opened, sizePrecision));
        Money equityAfter = equity.minus(commission).minus(spreadCost);
        Price closingPrice = netAfter > 0 ? bid : ask;
        Money notionalAfter = instrument.notional(closingPrice, Quantity.ofRaw(Math.abs(netAfter), sizePrecision));
        Money marginAfter = usedMargin.minus(CfdMath.marginRequired(positionNotional, leverage))
                .plus(CfdMath.marginRequired(notionalAfter, leverage));
        Money grossAfter = grossNotional.minus(positionNotional).plus(notionalAfter);
        if (maxLeverage > 0 && grossAfter.isGreaterThan(equityAfter.times(maxLeverage))) {
            return Optional.of("max leverage " + maxLeverage + ":1 exceeded: gross notional would be " + grossAfter
                    + " against equity of " + equityAfter);
        }
        if (maxPositionPercent > 0
                && notionalAfter.times(100).isGreaterThan(equityAfter.times(maxPositionPercent))) {
            return Optional.of("max position " + maxPositionPercent + "% of equity exceeded: " + instrument
                    + " notional would be " + notionalAfter + " (" + FixedMath.format(netAfter, sizePrecision)
                    + ") against equity of " + equityAfter);
        }
        if (marginAfter.isGreaterThan(equityAfter)) {
            return Optional.of("insufficient margin: " + instrument + " at " + leverage + ":1 would bring used margin"
                    + " to " + marginAfter + " against equity of " + equityAfter);
        }
        return Optional.empty();
    }
}
