package dev.tradingsdk.llm.decision;

import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * A validated trading decision for one instrument. Built only by {@link DecisionParser} (or code that validates
 * the same way), so a decision in hand is within what the rules allowed when it was parsed.
 *
 * @param action           what to do
 * @param instrument       the instrument, resolved from the symbol against the tradable set
 * @param quantity         the size in units of the instrument, on its lot; absent when sized by percent or unsized
 * @param percentOfEquity  the size as a percentage of equity (0 excluded, up to the allowed maximum), or absent
 * @param leverage         the leverage asked for (1 up to the allowed maximum), or absent
 * @param confidence       0..1
 * @param stopLoss         protective stop, on the tick; below the price for a long, above for a short
 * @param takeProfit       profit target, on the tick; above the price for a long, below for a short
 * @param invalidation     the model's condition for abandoning the idea (text, never interpreted), or empty
 * @param reasoning        the model's reasoning (text, never interpreted), or empty
 */
public record TradeDecision(TradeAction action, Instrument instrument, Quantity quantity, BigDecimal percentOfEquity,
                            Integer leverage, BigDecimal confidence, Price stopLoss, Price takeProfit,
                            String invalidation, String reasoning) {

    public TradeDecision {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(confidence, "confidence");
        invalidation = invalidation == null ? "" : invalidation;
        reasoning = reasoning == null ? "" : reasoning;
        if (quantity != null && percentOfEquity != null) {
            throw new IllegalArgumentException("a decision has a quantity or a percent of equity, not both: "
                + quantity + " and " + percentOfEquity + "%");
        }
    }

    public Optional<Quantity> quantityValue() {
        return Optional.ofNullable(quantity);
    }

    public Optional<BigDecimal> percentOfEquityValue() {
        return Optional.ofNullable(percentOfEquity);
    }

    public Optional<Integer> leverageValue() {
        return Optional.ofNullable(leverage);
    }

    public Optional<Price> stopLossValue() {
        return Optional.ofNullable(stopLoss);
    }

    public Optional<Price> takeProfitValue() {
        return Optional.ofNullable(takeProfit);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(action.name()).append(' ').append(instrument.symbol());
        if (quantity != null) {
            sb.append(' ').append(quantity);
        }
        if (percentOfEquity != null) {
            sb.append(' ').append(percentOfEquity.toPlainString()).append("% of equity");
        }
        if (leverage != null) {
            sb.append(" x").append(leverage);
        }
        sb.append(" confidence ").append(confidence.toPlainString());
        if (stopLoss != null) {
            sb.append(" stop ").append(stopLoss);
        }
        if (takeProfit != null) {
            sb.append(" target ").append(takeProfit);
        }
        return sb.toString();
    }
}
