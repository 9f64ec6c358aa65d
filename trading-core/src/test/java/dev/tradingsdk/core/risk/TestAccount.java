package dev.tradingsdk.core.risk;

import dev.tradingsdk.core.instrument.InstrumentId;
import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.portfolio.AccountView;
import dev.tradingsdk.core.portfolio.Position;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** An account whose figures a test sets directly (a margin account with chosen equity and margin). */
final class TestAccount implements AccountView {

    private final String id;
    private final Currency currency;
    private Money cash;
    private Money equity;
    private Money marginUsed;
    private Money marginAvailable;
    private Money realized;
    private Money unrealized;
    private final List<Position> positions = new ArrayList<>();

    TestAccount(String id, Money equity) {
        this.id = id;
        this.currency = equity.currency();
        this.cash = equity;
        this.equity = equity;
        this.marginUsed = Money.zero(currency);
        this.marginAvailable = equity;
        this.realized = Money.zero(currency);
        this.unrealized = Money.zero(currency);
    }

    TestAccount equity(Money value) {
        equity = value;
        return this;
    }

    TestAccount margin(Money used, Money available) {
        marginUsed = used;
        marginAvailable = available;
        return this;
    }

    TestAccount pnl(Money realizedPnl, Money unrealizedPnl) {
        realized = realizedPnl;
        unrealized = unrealizedPnl;
        return this;
    }

    TestAccount hold(Position position) {
        positions.add(position);
        return this;
    }

    @Override
    public String accountId() {
        return id;
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
        return equity;
    }

    @Override
    public Money marginUsed() {
        return marginUsed;
    }

    @Override
    public Money marginAvailable() {
        return marginAvailable;
    }

    @Override
    public Money realizedPnl() {
        return realized;
    }

    @Override
    public Money unrealizedPnl() {
        return unrealized;
    }

    @Override
    public List<Position> positions() {
        return positions;
    }

    @Override
    public Optional<Position> position(InstrumentId instrument) {
        for (Position p : positions) {
            if (p.instrument().id().equals(instrument)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
