package dev.tradingsdk.core.portfolio;

import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.instrument.InstrumentId;
import dev.tradingsdk.core.num.FixedMath;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import dev.tradingsdk.core.order.Fill;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The one place a fill is booked: an account's positions, one per instrument, and the round trips they close.
 * {@link #book} applies a fill to its instrument's {@link Position} and says what it realized and which
 * {@link ClosedTrade}, if any, it closed. How the fill moves cash is the owner's rule: {@link Portfolio} (a cash
 * account) pays or receives the notional, a margin account (a CFD account) settles only the realized P&amp;L;
 * both book through a ledger, as does the engine's own round-trip tracking for the risk rules.
 *
 * <p>A round trip opens when a position leaves flat and closes when it returns to flat; a fill that flips the
 * position closes one trip and opens the next at the fill price (its whole fee goes to the closed trip). A
 * booking is all or nothing: a fill that cannot be booked (another instrument's, a size or money overflow)
 * throws and changes nothing. The ledger keeps no list of closed trips: owners that report them collect them.
 * Not thread-safe.
 */
public final class PositionLedger {

    private final String accountId;
    private final Map<InstrumentId, Position> positions = new LinkedHashMap<>();
    /** The map's positions in its order, and where each instrument's sits: walked by index on every risk check. */
    private final List<Position> live = new ArrayList<>();
    private final Map<InstrumentId, Integer> liveIndex = new HashMap<>();
    private final List<Position> liveView = Collections.unmodifiableList(live);
    private final Map<InstrumentId, OpenTrip> open = new LinkedHashMap<>();

    /** An empty ledger for {@code accountId} (named in the trips it closes). */
    public PositionLedger(String accountId) {
        if (accountId == null || accountId.isBlank()) {
            throw new IllegalArgumentException("accountId must not be blank, was \"" + accountId + "\"");
        }
        this.accountId = accountId;
    }

    /** What booking a fill did: the P&amp;L it realized (before fees) and the round trip it closed, if any. */
    public record Booking(Money realizedPnl, Optional<ClosedTrade> closedTrade) {
        public Booking {
            Objects.requireNonNull(realizedPnl, "realizedPnl");
            Objects.requireNonNull(closedTrade, "closedTrade");
        }
    }

    /** Books {@code fill}; throws, changing nothing, when it cannot be booked. */
    public Booking book(Fill fill) {
        Pending pending = prepare(fill);
        InstrumentId id = fill.instrument().id();
        positions.put(id, pending.position);
        Integer at = liveIndex.get(id);
        if (at == null) {
            liveIndex.put(id, live.size());
            live.add(pending.position);
        } else {
            live.set(at, pending.position);
        }
        if (pending.trip == null) {
            open.remove(id);
        } else {
            open.put(id, pending.trip);
        }
        return pending.booking;
    }

    /** What {@link #book} would return for {@code fill}, changing nothing; throws what it would throw. */
    public Booking preview(Fill fill) {
        return prepare(fill).booking;
    }

    private Pending prepare(Fill fill) {
        Objects.requireNonNull(fill, "fill");
        Instrument instrument = fill.instrument();
        Position current = positions.get(instrument.id());
        Position next = current == null ? new Position(instrument) : current.snapshot();
        long before = next.netRaw();
        Money realizedBefore = next.realizedPnl();
        next.apply(fill);
        long after = next.netRaw();
        OpenTrip trip = open.get(instrument.id());
        ClosedTrade closed = null;
        if (before != 0 && trip != null) {
            trip = trip.copy();
            if (Long.signum(before) != fill.side().sign()) {
                long fillRaw = fill.quantity().rawAt(instrument.sizePrecision());
                trip.add(false, fill.price(), Math.min(Math.abs(before), fillRaw), instrument);
                if (after == 0 || Long.signum(after) != Long.signum(before)) {
                    closed = trip.close(accountId, fill, next, instrument);
                    trip = after == 0 ? null : OpenTrip.start(instrument, fill, next, Math.abs(after), next.fees());
                }
            } else {
                trip.add(true, fill.price(), fill.quantity().rawAt(instrument.sizePrecision()), instrument);
                trip.maxRaw = Math.max(trip.maxRaw, Math.abs(after));
            }
        } else if (after != 0) {
            trip = OpenTrip.start(instrument, fill, next, Math.abs(after), next.fees().minus(fill.fee()));
        }
        return new Pending(next, trip, new Booking(next.realizedPnl().minus(realizedBefore),
                Optional.ofNullable(closed)));
    }

    /** A copy of the position in {@code instrument}, flat or not, if it was ever traded. */
    public Optional<Position> position(InstrumentId instrument) {
        Position p = positions.get(instrument);
        return p == null ? Optional.empty() : Optional.of(p.snapshot());
    }

    /** Copies of every position ever opened, flat ones included (their realized P&amp;L and fees stay). */
    public List<Position> positions() {
        List<Position> copies = new ArrayList<>(positions.size());
        for (Position p : positions.values()) {
            copies.add(p.snapshot());
        }
        return List.copyOf(copies);
    }

    /** Copies of the open positions, in the order their instruments were first traded. */
    public List<Position> openPositions() {
        List<Position> copies = new ArrayList<>();
        for (Position p : positions.values()) {
            if (!p.isFlat()) {
                copies.add(p.snapshot());
            }
        }
        return List.copyOf(copies);
    }

    /** The live positions, flat ones included, for the owning account's valuation; callers must not apply fills. */
    List<Position> livePositions() {
        return liveView;
    }

    /** Signed net size in {@code instrument}, raw at its size precision; 0 when never traded or flat. */
    public long netRaw(InstrumentId instrument) {
        Position p = positions.get(instrument);
        return p == null ? 0 : p.netRaw();
    }

    public String accountId() {
        return accountId;
    }

    private record Pending(Position position, OpenTrip trip, Booking booking) {
    }

    /**
     * The open round trip of one instrument. Volume-weighted prices are statistics for reports, so their sums are
     * plain decimals; the trip's P&amp;L and fees come exactly from the position.
     */
    private static final class OpenTrip {
        PositionSide side;
        Instant entryTime;
        Money realizedAtStart;
        Money feesAtStart;
        long maxRaw;
        BigDecimal entryNotional = BigDecimal.ZERO;
        BigDecimal entryUnits = BigDecimal.ZERO;
        BigDecimal exitNotional = BigDecimal.ZERO;
        BigDecimal exitUnits = BigDecimal.ZERO;

        static OpenTrip start(Instrument instrument, Fill fill, Position position, long sizeRaw, Money feesBefore) {
            OpenTrip trip = new OpenTrip();
            trip.side = position.side();
            trip.entryTime = fill.timestamp();
            trip.realizedAtStart = position.realizedPnl();
            trip.feesAtStart = feesBefore;
            trip.maxRaw = sizeRaw;
            trip.add(true, fill.price(), sizeRaw, instrument);
            return trip;
        }

        OpenTrip copy() {
            OpenTrip c = new OpenTrip();
            c.side = side;
            c.entryTime = entryTime;
            c.realizedAtStart = realizedAtStart;
            c.feesAtStart = feesAtStart;
            c.maxRaw = maxRaw;
            c.entryNotional = entryNotional;
            c.entryUnits = entryUnits;
            c.exitNotional = exitNotional;
            c.exitUnits = exitUnits;
            return c;
        }

        void add(boolean entry, Price price, long sizeRaw, Instrument instrument) {
            BigDecimal units = BigDecimal.valueOf(sizeRaw, instrument.sizePrecision());
            BigDecimal notional = price.toBigDecimal().multiply(units);
            if (entry) {
                entryNotional = entryNotional.add(notional);
                entryUnits = entryUnits.add(units);
            } else {
                exitNotional = exitNotional.add(notional);
                exitUnits = exitUnits.add(units);
            }
        }

        ClosedTrade close(String accountId, Fill fill, Position position, Instrument instrument) {
            int precision = Math.min(instrument.pricePrecision() + 4, FixedMath.MAX_PRECISION);
            Price entry = Price.of(entryNotional.divide(entryUnits, precision, RoundingMode.HALF_EVEN), precision);
            Price exit = Price.of(exitNotional.divide(exitUnits, precision, RoundingMode.HALF_EVEN), precision);
            return new ClosedTrade(accountId, instrument.id(), side, entryTime, fill.timestamp(), entry, exit,
                    Quantity.ofRaw(maxRaw, instrument.sizePrecision()),
                    position.realizedPnl().minus(realizedAtStart), position.fees().minus(feesAtStart));
        }
    }
}
