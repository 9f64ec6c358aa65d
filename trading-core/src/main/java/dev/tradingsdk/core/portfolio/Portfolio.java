package dev.tradingsdk.core.portfolio;

import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.instrument.InstrumentId;
import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.CurrencyMismatchException;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.order.Fill;
import dev.tradingsdk.core.order.Side;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A cash account: a balance plus positions, marked to the latest prices. A buy pays its notional and fee out
 * of cash and a sell receives its notional less fee, so equity = cash + Σ signed market value. All positions
 * must be quoted in the portfolio's currency. Fills are booked through a {@link PositionLedger}, which also
 * yields the closed round trips ({@link #closedTrades()}). Not thread-safe.
 */
public final class Portfolio implements AccountView {

    private final String accountId;
    private final Currency currency;
    private Money cash;
    private final PositionLedger ledger;
    private final List<ClosedTrade> closedTrades = new ArrayList<>();
    private final Map<InstrumentId, Price> marks = new LinkedHashMap<>();
    private final Money zero;

    public Portfolio(String accountId, Money initialCash) {
        this.accountId = Objects.requireNonNull(accountId, "accountId");
        this.currency = initialCash.currency();
        this.cash = initialCash;
        this.ledger = new PositionLedger(accountId);
        this.zero = Money.zero(currency);
    }

    /**
     * Books a fill: moves cash and updates the instrument's position; returns the round trip it closed, if any.
     * Changes nothing if it throws.
     */
    public Optional<ClosedTrade> apply(Fill fill) {
        Instrument instrument = fill.instrument();
        if (!instrument.quoteCurrency().equals(currency)) {
            throw new CurrencyMismatchException(currency, instrument.quoteCurrency());
        }
        Money notional = fill.notional();
        Money newCash = (fill.side() == Side.BUY ? cash.minus(notional) : cash.plus(notional)).minus(fill.fee());
        Optional<ClosedTrade> closed = ledger.book(fill).closedTrade();
        cash = newCash;
        closed.ifPresent(closedTrades::add);
        marks.putIfAbsent(instrument.id(), fill.price());
        return closed;
    }

    /** The round trips closed so far, oldest first. */
    public List<ClosedTrade> closedTrades() {
        return List.copyOf(closedTrades);
    }

    /** Records the latest price for {@code instrument}, used for equity and unrealized P&amp;L. */
    public void mark(Instrument instrument, Price price) {
        marks.put(instrument.id(), Objects.requireNonNull(price, "price"));
    }

    public Optional<Price> markOf(InstrumentId instrument) {
        return Optional.ofNullable(marks.get(instrument));
    }

    /** Adds (or with a negative amount withdraws) cash. */
    public void deposit(Money amount) {
        cash = cash.plus(amount);
    }

    @Override
    public String accountId() {
        return accountId;
    }

    @Override
    public Currency currency() {
        return currency;
    }

    @Override
    public Money cash() {
        return cash;
    }

    @Override
    public Money equity() {
        Money equity = cash;
        List<Position> live = ledger.livePositions();
        for (int i = 0; i < live.size(); i++) {
            Position p = live.get(i);
            if (!p.isFlat()) {
                equity = equity.plus(p.marketValue(mark(p)));
            }
        }
        return equity;
    }

    private Price mark(Position p) {
        Price mark = marks.get(p.instrument().id());
        if (mark == null) {
            throw new IllegalStateException("no mark price for " + p.instrument());
        }
        return mark;
    }

    @Override
    public Money marginUsed() {
        return Money.zero(currency);
    }

    @Override
    public Money marginAvailable() {
        return cash;
    }

    @Override
    public Money realizedPnl() {
        Money total = zero;
        List<Position> live = ledger.livePositions();
        for (int i = 0; i < live.size(); i++) {
            total = total.plus(live.get(i).realizedPnl());
        }
        return total;
    }

    @Override
    public Money unrealizedPnl() {
        Money total = zero;
        List<Position> live = ledger.livePositions();
        for (int i = 0; i < live.size(); i++) {
            Position p = live.get(i);
            if (!p.isFlat()) {
                total = total.plus(p.unrealizedPnl(mark(p)));
            }
        }
        return total;
    }

    /** Total fees paid across all positions. */
    public Money fees() {
        Money total = Money.zero(currency);
        for (Position p : ledger.livePositions()) {
            total = total.plus(p.fees());
        }
        return total;
    }

    /** Copies of the open positions: later fills do not change them, and they cannot change this portfolio. */
    @Override
    public List<Position> positions() {
        return ledger.openPositions();
    }

    /** A copy of the position, flat or not, if the instrument was ever traded. */
    @Override
    public Optional<Position> position(InstrumentId instrument) {
        return ledger.position(instrument);
    }

    @Override
    public long netRaw(InstrumentId instrument) {
        return ledger.netRaw(instrument);
    }

    @Override
    public int openPositions(Instrument[] instruments, long[] netRaw, Money[] costBasis) {
        int room = Math.min(instruments.length, Math.min(netRaw.length, costBasis.length));
        List<Position> live = ledger.livePositions();
        int open = 0;
        for (int i = 0; i < live.size(); i++) {
            Position p = live.get(i);
            if (p.isFlat()) {
                continue;
            }
            if (open < room) {
                instruments[open] = p.instrument();
                netRaw[open] = p.netRaw();
                costBasis[open] = p.costBasis();
            }
            open++;
        }
        return open;
    }

    @Override
    public String toString() {
        return "Portfolio[" + accountId + " cash=" + cash + " positions=" + positions().size() + "]";
    }
}
