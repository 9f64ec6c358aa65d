package dev.tradingsdk.brokers.alpaca;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tradingsdk.brokers.BrokerPosition;
import dev.tradingsdk.brokers.internal.Fields;
import dev.tradingsdk.brokers.internal.InstrumentCatalog;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.instrument.InstrumentId;
import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Quantity;
import dev.tradingsdk.core.order.ClientOrderId;
import dev.tradingsdk.core.order.Fill;
import dev.tradingsdk.core.order.Side;
import dev.tradingsdk.core.portfolio.Position;
import dev.tradingsdk.core.portfolio.PositionLedger;
import dev.tradingsdk.core.portfolio.PositionSide;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The realized P&amp;L of a session at Alpaca, which its account endpoint does not report. The session starts at
 * the first read: the positions then (size and {@code avg_entry_price}) are booked into core's
 * {@link PositionLedger} as opening fills, and every {@code FILL} activity Alpaca lists after the newest one it
 * listed then is booked after them, in Alpaca's order. Average cost, before fees (Alpaca's regulatory fees are
 * separate {@code FEE} activities).
 *
 * <p>The result is only as good as its inputs, so every read checks them: the ledger's size in each symbol must
 * equal the size Alpaca reports. When it does not (a fill listed before the position shows it or the other way
 * round, a split, a transfer, an activity that cannot be booked) the realized P&amp;L is unknown, with the reason,
 * never a guess; a later read that agrees again is known again. Not thread-safe; the broker serializes reads.
 */
final class FillActivityPnl {

    /** Alpaca's largest page of activities. */
    static final int PAGE_SIZE = 100;
    private static final int MAX_PAGES_PER_READ = 50;
    private static final int BASELINE_ATTEMPTS = 3;
    private static final ClientOrderId SEED_ORDER = ClientOrderId.of("session-start");
    /**
     * When a starting position was opened is not known, and it must not be after any later fill's Alpaca time (the
     * local clock can run ahead of Alpaca's), so the opening fills are dated at the epoch.
     */
    private static final Instant SEED_TIME = Instant.EPOCH;

    /** Alpaca's activity listing: FILL activities after {@code pageToken} (null: from the first), oldest first. */
    interface Activities {
        /** The newest FILL activity's id, or null when the account has none. */
        String newestId();

        JsonNode after(String pageToken);
    }

    /** The realized P&amp;L, or why it is unknown now. */
    record Result(Money realized, String unknownReason) {
        static Result unknown(String reason) {
            return new Result(null, reason);
        }
    }

    private final InstrumentCatalog instruments;
    private final Activities activities;
    private PositionLedger ledger;
    private String cursor;
    private String startFailure;

    FillActivityPnl(InstrumentCatalog instruments, Activities activities) {
        this.instruments = Objects.requireNonNull(instruments, "instruments");
        this.activities = Objects.requireNonNull(activities, "activities");
    }

    /**
     * Books the fills listed since the last read and checks the ledger against {@code current}, the positions
     * Alpaca reports now; {@code positions} reads them afresh for the session's start.
     */
    Result read(String accountId, Currency currency, List<BrokerPosition> current,
                Supplier<List<BrokerPosition>> positions) {
        List<BrokerPosition> reported = current;
        if (ledger == null) {
            List<BrokerPosition> opening = start(accountId, positions);
            if (ledger == null) {
                return Result.unknown(startFailure);
            }
            reported = opening;     // read after {@code current}: the fills since are booked against these
        }
        for (int page = 0; page < MAX_PAGES_PER_READ; page++) {
            JsonNode list = activities.after(cursor);
            if (!list.isArray()) {
                return Result.unknown("the FILL activities are not a list");
            }
            for (JsonNode activity : list) {
                String failure = book(activity);
                if (failure != null) {
                    return Result.unknown(failure);
                }
            }
            if (list.size() < PAGE_SIZE) {
                return reconcile(currency, reported);
            }
        }
        return Result.unknown("more than " + MAX_PAGES_PER_READ * PAGE_SIZE + " fills since the last read; "
                + "the rest are booked on the next reads");
    }

    /** The starting positions, with {@link #ledger} seeded from them; else {@link #startFailure} says why not. */
    private List<BrokerPosition> start(String accountId, Supplier<List<BrokerPosition>> positions) {
        for (int attempt = 0; attempt < BASELINE_ATTEMPTS; attempt++) {
            String before = activities.newestId();
            List<BrokerPosition> opening = positions.get();
            if (!Objects.equals(before, activities.newestId())) {
                continue;   // a fill landed while the positions were read: they may or may not include it
            }
            PositionLedger seeded = new PositionLedger(accountId);
            for (BrokerPosition p : opening) {
                Side side = p.side() == PositionSide.SHORT ? Side.SELL : Side.BUY;
                try {
                    seeded.book(new Fill(SEED_ORDER, "session-start", p.instrument(), side, p.averagePrice(),
                            onGrid(p.quantity().toBigDecimal(), "qty", p.instrument()),
                            Money.zero(p.instrument().quoteCurrency()), SEED_TIME));
                } catch (RuntimeException e) {
                    startFailure = "the starting position in " + p.instrument().symbol() + " cannot be booked: "
                            + e.getMessage();
                    return List.of();
                }
            }
            ledger = seeded;
            cursor = before;
            return opening;
        }
        startFailure = "fills kept arriving while the session's starting positions were read";
        return List.of();
    }

    /** Null when booked, else why not; a fill that cannot be booked leaves the cursor on it. */
    private String book(JsonNode a) {
        String id = Fields.optionalText(a, "id");
        try {
            Instrument instrument = instruments.resolve(Fields.text(a, "symbol"));
            String side = Fields.text(a, "side");
            Side s = switch (side) {
                case "buy" -> Side.BUY;
                case "sell", "sell_short" -> Side.SELL;
                default -> throw new IllegalArgumentException("field 'side' is \"" + side + "\"");
            };
            Fill fill = new Fill(ClientOrderId.of(Fields.text(a, "order_id")), Fields.text(a, "id"), instrument, s,
                    Fields.price(Fields.decimal(a, "price"), instrument.pricePrecision()),
                    onGrid(Fields.decimal(a, "qty"), "qty", instrument), Money.zero(instrument.quoteCurrency()),
                    Instant.parse(Fields.text(a, "transaction_time")));
            ledger.book(fill);
            cursor = fill.tradeId();
            return null;
        } catch (RuntimeException e) {
            return "FILL activity " + id + " cannot be booked: " + e.getMessage();
        }
    }

    /** Sizes must sit on the instrument's grid: the ledger books at its size precision and must not round. */
    private static Quantity onGrid(BigDecimal value, String field, Instrument instrument) {
        if (value.signum() <= 0) {
            throw new IllegalArgumentException("field '" + field + "' must be positive, was " + value.toPlainString());
        }
        int precision = instrument.sizePrecision();
        return Quantity.of(Fields.onGrid(value, field, precision, instrument.symbol()), precision);
    }

    private Result reconcile(Currency currency, List<BrokerPosition> current) {
        Map<InstrumentId, BigDecimal> reported = new LinkedHashMap<>();
        Map<InstrumentId, String> symbols = new LinkedHashMap<>();
        for (BrokerPosition p : current) {
            BigDecimal size = p.quantity().toBigDecimal();
            reported.merge(p.instrument().id(), p.side() == PositionSide.SHORT ? size.negate() : size,
                    BigDecimal::add);
            symbols.put(p.instrument().id(), p.instrument().symbol());
        }
        Money realized = Money.zero(currency);
        for (Position p : ledger.positions()) {
            symbols.put(p.instrument().id(), p.instrument().symbol());
            if (!p.realizedPnl().currency().equals(currency)) {
                return Result.unknown(p.instrument().symbol() + " realizes P&L in " + p.realizedPnl().currency()
                        + ", not the account's " + currency);
            }
            realized = realized.plus(p.realizedPnl());
        }
        for (Map.Entry<InstrumentId, String> e : symbols.entrySet()) {
            BigDecimal booked = signedSize(ledger.position(e.getKey()));
            BigDecimal alpaca = reported.getOrDefault(e.getKey(), BigDecimal.ZERO);
            if (booked.compareTo(alpaca) != 0) {
                return Result.unknown(e.getValue() + ": the fills since the session start add up to "
                        + booked.toPlainString() + " but Alpaca reports " + alpaca.toPlainString()
                        + " (a fill not listed yet, a split or a transfer)");
            }
        }
        return new Result(realized, null);
    }

    private static BigDecimal signedSize(Optional<Position> position) {
        if (position.isEmpty()) {
            return BigDecimal.ZERO;
        }
        BigDecimal size = position.get().quantity().toBigDecimal();
        return position.get().side() == PositionSide.SHORT ? size.negate() : size;
    }
}
