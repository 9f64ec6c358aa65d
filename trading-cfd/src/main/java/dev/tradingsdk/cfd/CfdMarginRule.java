package dev.tradingsdk.cfd;

import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.market.MarketSnapshot;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import dev.tradingsdk.core.order.Side;
import dev.tradingsdk.core.portfolio.AccountView;
import dev.tradingsdk.core.risk.RiskContext;
import dev.tradingsdk.core.risk.RiskRule;
import dev.tradingsdk.core.risk.RiskViolation;
import dev.tradingsdk.core.risk.RuleResult;
import java.util.Objects;

/**
 * The CFD margin check as a {@link RiskRule}: an order that adds exposure is rejected when, right after its
 * fill, the used margin would exceed equity. Margin is each position's notional at its closing price (bid for
 * longs, ask for shorts) over the instrument's leverage from {@link CfdTerms#leverageFor}; equity after the fill
 * is the current equity less the commission and the spread crossed by the newly opened size. Orders that only
 * reduce a position always pass.
 */
public final class CfdMarginRule implements RiskRule {

    public static final String CODE = "CFD_MARGIN";
    /** Code of the violation for an instrument whose asset class has no leverage limit. */
    public static final String NO_LEVERAGE_LIMIT = "NO_LEVERAGE_LIMIT";

    private final CfdTerms terms;

    public CfdMarginRule(CfdTerms terms) {
        this.terms = Objects.requireNonNull(terms, "terms");
    }

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public RuleResult check(RiskContext context) {
        if (context.reducesPosition()) {
            return RuleResult.pass();
        }
        RiskViolation unavailable = context.moneyFiguresUnavailable(CODE);
        if (unavailable != null) {
            return unavailable;
        }
        Instrument instrument = context.instrument();
        MarketSnapshot market = context.snapshot();
        if (market == null || !market.isTwoSided()) {
            return RiskViolation.of(RiskContext.NO_PRICE, CODE + " needs a bid and an ask for " + instrument);
        }
        int leverage;
        try {
            leverage = terms.leverageFor(instrument);
        } catch (IllegalArgumentException e) {
            return RiskViolation.of(NO_LEVERAGE_LIMIT, e.getMessage());
        }
        int pricePrecision = instrument.pricePrecision();
        int sizePrecision = instrument.sizePrecision();
        Price bid = Price.ofRaw(market.bidRaw(), pricePrecision);
        Price ask = Price.ofRaw(market.askRaw(), pricePrecision);
        long before = context.positionNetRaw();
        long after = context.positionAfterRaw();
        long opened = Long.signum(after) == Long.signum(before) ? Math.abs(after) - Math.abs(before) : Math.abs(after);
        Price fillPrice = context.order().side() == Side.BUY ? ask : bid;
        Money commission = terms.commission(instrument, fillPrice, context.order().quantity());
        Money spreadCost = instrument.notional(ask.minus(bid), Quantity.ofRaw(opened, sizePrecision));
        AccountView account = context.account();
        Money equityAfter = account.equity().minus(commission).minus(spreadCost);
        Money notionalBefore = instrument.notional(before > 0 ? bid : ask,
                Quantity.ofRaw(Math.abs(before), sizePrecision));
        Money notionalAfter = instrument.notional(after > 0 ? bid : ask, Quantity.ofRaw(Math.abs(after), sizePrecision));
        Money marginAfter = account.marginUsed().minus(CfdMath.marginRequired(notionalBefore, leverage))
                .plus(CfdMath.marginRequired(notionalAfter, leverage));
        if (!marginAfter.isGreaterThan(equityAfter)) {
            return RuleResult.pass();
        }
        return new RiskViolation(CODE, "insufficient margin: " + instrument + " at " + leverage
                + ":1 would bring used margin above equity after the trade", equityAfter.toBigDecimal(),
                marginAfter.toBigDecimal());
    }
}
