package dev.tradingsdk.core.strategy;

import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.instrument.InstrumentId;
import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.portfolio.AccountView;
import dev.tradingsdk.core.portfolio.Position;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An {@link AccountView} that exposes only the view: it has no accessor for, and cannot be cast to, the account
 * behind it, and it hands out position copies, so whoever holds it cannot change the account through them.
 * What a {@link StrategyContext} and a {@link DecisionContext} hand to strategies.
 */
public final class ReadOnlyAccount implements AccountView {

    private final AccountView account;

    private ReadOnlyAccount(AccountView account) {
        this.account = account;
    }

    /** A read-only view of {@code account} (itself when it already is one). */
    public static AccountView of(AccountView account) {
        Objects.requireNonNull(account, "account");
        return account instanceof ReadOnlyAccount ? account : new ReadOnlyAccount(account);
    }

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

    /** Copies, so a holder cannot change the account by applying fills to them. */
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
    public long netRaw(InstrumentId instrument) {
        return account.netRaw(instrument);
    }

    /** Values only (instruments, raw sizes, immutable money): nothing a holder could change the account by. */
    @Override
    public int openPositions(Instrument[] instruments, long[] netRaw, Money[] costBasis) {
        return account.openPositions(instruments, netRaw, costBasis);
    }

    @Override
    public String toString() {
        return "ReadOnlyAccount[" + account.accountId() + "]";
    }
}
