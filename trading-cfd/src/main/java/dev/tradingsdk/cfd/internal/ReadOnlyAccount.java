package dev.tradingsdk.cfd.internal;

import dev.tradingsdk.core.gateway.AccountView;
import dev.tradingsdk.core.instrument.InstrumentId;
import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.portfolio.Position;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An {@link AccountView} that exposes only the view, so a participant cannot cast it back to the account, and hands
 * out position copies, so it cannot change the account through them either.
 */
public record ReadOnlyAccount(AccountView account) implements AccountView {

    @Override
    public String accountId() {
        return account.accountId();
    }

    @Override
    public Currency currency() {
        return account.currency();
    }

    @Override
    public Money cash() {
        return account.cash();
    }

    @Override
    public Money equity() {
        return account.equity();
    }

    @Override
    public Money marginUsed() {
        return account.marginUsed();
    }

    @Override
    public Money marginAvailable() {
        return account.marginAvailable();
    }

    @Override
    public Money realizedPnl() {
        return account.realizedPnl();
    }

    @Override
    public Money unrealizedPnl() {
        return account.unrealizedPnl();
    }

    /** Copies, so a participant cannot change the account by applying fills to them. */
    @Override
    public List<Position> positions() {
        List<Position> copies = new ArrayList<>();
        for (Position p : account.positions()) {
            copies.add(p.snapshot());
        }
        return List.copyOf(copies);
    }

    @Override
    public Optional<Position> position(InstrumentId instrument) {
        return account.position(instrument).map(Position::snapshot);
    }

    @Override
    public String toString() {
        return "ReadOnlyAccount[" + account.accountId() + "]";
    }
}
