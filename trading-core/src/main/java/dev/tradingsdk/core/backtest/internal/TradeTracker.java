package dev.tradingsdk.core.backtest.internal;

import dev.tradingsdk.core.analytics.Trade;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.instrument.InstrumentId;
import dev.tradingsdk.core.num.FixedMath;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import dev.tradingsdk.core.order.Fill;
import dev.tradingsdk.core.portfolio.Position;
import dev.tradingsdk.core.portfolio.PositionSide;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns fills into closed round trips: a trade opens when a position leaves flat and closes when it returns
 * to flat; a fill that flips the position closes one trade and opens the next (its fee goes to the closed one).
 */
public final class TradeTracker {

    private final Map<InstrumentId, OpenTrade> open = new HashMap<>();
    private final List<Trade> closed = new ArrayList<>();

    private static final class OpenTrade {
        PositionSide side;
        Instant entryTime;
        Money realizedAtStart;
        Money feesAtStart;
        long maxRaw;
        BigDecimal entryNotional = BigDecimal.ZERO;
        BigDecimal entryUnits = BigDecimal.ZERO;
        BigDecimal exitNotional = BigDecimal.ZERO;
        BigDecimal exitUnits = BigDecimal.ZERO;
    }

    /** Call after {@code position} has applied {@code fill}; {@code netBefore} is its signed size before. */
    public void onFill(Fill fill, Position position, long netBefore) {
        Instrument instrument = position.instrument();
        long netAfter = position.netRaw();
        long fillRaw = fill.quantity().rawAt(instrument.sizePrecision());
        OpenTrade trade = open.get(instrument.id());
        if (netBefore != 0 && trade != null) {
            boolean reducing = Long.signum(netBefore) != fill.side().sign();
            if (reducing) {
                long closing = Math.min(Math.abs(netBefore), fillRaw);
                add(trade, false, fill.price(), closing, instrument);
                if (netAfter == 0 || Long.signum(netAfter) != Long.signum(netBefore)) {
                    closed.add(close(trade, fill, position, instrument));
                    open.remove(instrument.id());
                    if (netAfter != 0) {
                        start(instrument, fill, position, Math.abs(netAfter), position.fees());
                    }
                }
            } else {
                add(trade, true, fill.price(), fillRaw, instrument);
                trade.maxRaw = Math.max(trade.maxRaw, Math.abs(netAfter));
            }
        } else if (netAfter != 0) {
            start(instrument, fill, position, Math.abs(netAfter), position.fees().minus(fill.fee()));
        }
    }

    private void start(Instrument instrument, Fill fill, Position position, long sizeRaw, Money feesBefore) {
        OpenTrade trade = new OpenTrade();
        trade.side = position.side();
        trade.entryTime = fill.timestamp();
        trade.realizedAtStart = position.realizedPnl();
        trade.feesAtStart = feesBefore;
        trade.maxRaw = sizeRaw;
        add(trade, true, fill.price(), sizeRaw, instrument);
        open.put(instrument.id(), trade);
    }

    private static void add(OpenTrade trade, boolean entry, Price price, long sizeRaw, Instrument instrument) {
        BigDecimal units = BigDecimal.valueOf(sizeRaw, instrument.sizePrecision());
        BigDecimal notional = price.toBigDecimal().multiply(units);
        if (entry) {
            trade.entryNotional = trade.entryNotional.add(notional);
            trade.entryUnits = trade.entryUnits.add(units);
        } else {
            trade.exitNotional = trade.exitNotional.add(notional);
            trade.exitUnits = trade.exitUnits.add(units);
        }
    }

    private static Trade close(OpenTrade trade, Fill fill, Position position, Instrument instrument) {
        int precision = Math.min(instrument.pricePrecision() + 4, FixedMath.MAX_PRECISION);
        Price entry = Price.of(trade.entryNotional.divide(trade.entryUnits, precision, RoundingMode.HALF_EVEN),
                precision);
        Price exit = Price.of(trade.exitNotional.divide(trade.exitUnits, precision, RoundingMode.HALF_EVEN),
                precision);
        return new Trade(instrument.id(), trade.side, trade.entryTime, fill.timestamp(), entry, exit,
                Quantity.ofRaw(trade.maxRaw, instrument.sizePrecision()),
                position.realizedPnl().minus(trade.realizedAtStart), position.fees().minus(trade.feesAtStart));
    }

    public List<Trade> closedTrades() {
        return List.copyOf(closed);
    }
}
