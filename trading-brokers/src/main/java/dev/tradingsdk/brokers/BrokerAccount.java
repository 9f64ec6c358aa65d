package dev.tradingsdk.brokers;

import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.CurrencyMismatchException;
import dev.tradingsdk.core.num.Money;
import java.util.Objects;
import java.util.Optional;

/**
 * An account summary as the broker reports it, in the account's base currency.
 *
 * @param buyingPower   what the broker lets the account commit to new positions now
 * @param marginUsed    initial margin held by open positions; zero for a cash account
 * @param realizedPnl         realized P&amp;L as reported or computed (Alpaca: from its fills, see
 *                            {@code AlpacaBroker#account()}); zero when {@code realizedPnlUnknown} is present
 * @param unrealizedPnl       unrealized P&amp;L of the open positions
 * @param realizedPnlUnknown  why the realized P&amp;L cannot be told now; {@link BrokerGateway#realizedPnl()} then
 *                            throws rather than report zero
 */
public record BrokerAccount(String accountId, Currency currency, Money cash, Money equity, Money buyingPower,
                            Money marginUsed, Money realizedPnl, Money unrealizedPnl,
                            Optional<String> realizedPnlUnknown) {

    /** An account whose realized P&amp;L is known. */
    public BrokerAccount(String accountId, Currency currency, Money cash, Money equity, Money buyingPower,
                         Money marginUsed, Money realizedPnl, Money unrealizedPnl) {
        this(accountId, currency, cash, equity, buyingPower, marginUsed, realizedPnl, unrealizedPnl,
                Optional.empty());
    }

    public BrokerAccount {
        Objects.requireNonNull(realizedPnlUnknown, "realizedPnlUnknown");
        if (realizedPnlUnknown.isPresent() && !realizedPnl.isZero()) {
            throw new IllegalArgumentException("realizedPnl must be zero when it is unknown, was " + realizedPnl);
        }
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(currency, "currency");
        check(currency, cash, "cash");
        check(currency, equity, "equity");
        check(currency, buyingPower, "buyingPower");
        check(currency, marginUsed, "marginUsed");
        check(currency, realizedPnl, "realizedPnl");
        check(currency, unrealizedPnl, "unrealizedPnl");
    }

    private static void check(Currency currency, Money value, String field) {
        Objects.requireNonNull(value, field);
        if (!value.currency().equals(currency)) {
            throw new CurrencyMismatchException(currency, value.currency());
        }
    }
}
