package dev.tradingsdk.brokers;

import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.instrument.InstrumentId;
import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.CurrencyMismatchException;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Quantity;
import dev.tradingsdk.core.portfolio.PositionSide;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Several broker accounts under one facade, as a multi-account fund runs them (several Alpaca accounts, or any
 * brokers): orders go to one named account, positions and account summaries are read across all of them.
 * Positions aggregate by symbol (instruments of the same symbol and currency from different venues count as
 * one holding, since each account names its own venue); the summary needs all accounts in one currency.
 */
public final class AccountGroup {

    private final Map<String, Broker> accounts;

    private AccountGroup(Map<String, Broker> accounts) {
        this.accounts = Map.copyOf(accounts);
    }

    /** Accounts keyed by {@link Broker#name()}; two with the same name are refused. */
    public static AccountGroup of(Broker... brokers) {
        Map<String, Broker> byName = new LinkedHashMap<>();
        for (Broker b : brokers) {
            Objects.requireNonNull(b, "broker");
            Broker previous = byName.putIfAbsent(b.name(), b);
            if (previous != null) {
                throw new IllegalArgumentException("two accounts are named " + b.name() + ": " + previous + " and " + b
                        + "; give each broker its own name");
            }
        }
        if (byName.isEmpty()) {
            throw new IllegalArgumentException("an account group needs at least one account");
        }
        return new AccountGroup(byName);
    }

    /** The account named {@code name}, to trade in. */
    public Broker account(String name) {
        Broker b = accounts.get(name);
        if (b == null) {
            throw new IllegalArgumentException("no account named " + name + "; accounts: "
                    + new java.util.TreeSet<>(accounts.keySet()));
        }
        return b;
    }

    public java.util.Set<String> names() {
        return new java.util.TreeSet<>(accounts.keySet());
    }

    /** Totals over every account, plus each account's own summary. */
    public Summary summary() {
        List<BrokerAccount> each = new ArrayList<>();
        for (String name : names()) {
            each.add(accounts.get(name).account());
        }
        Currency currency = each.get(0).currency();
        Money cash = Money.zero(currency);
        Money equity = Money.zero(currency);
        Money buyingPower = Money.zero(currency);
        Money unrealized = Money.zero(currency);
        for (BrokerAccount a : each) {
            if (!a.currency().equals(currency)) {
                throw new CurrencyMismatchException(currency, a.currency());
            }
            cash = cash.plus(a.cash());
            equity = equity.plus(a.equity());
            buyingPower = buyingPower.plus(a.buyingPower());
            unrealized = unrealized.plus(a.unrealizedPnl());
        }
        return new Summary(currency, cash, equity, buyingPower, unrealized, List.copyOf(each));
    }

    /** The net holding of every symbol across the accounts, with each account's part. */
    public List<AggregatePosition> positions() {
        Map<String, List<Map.Entry<String, BrokerPosition>>> bySymbol = new LinkedHashMap<>();
        for (String name : names()) {
            for (BrokerPosition p : accounts.get(name).positions()) {
                bySymbol.computeIfAbsent(p.instrument().symbol(), s -> new ArrayList<>()).add(Map.entry(name, p));
            }
        }
        List<AggregatePosition> out = new ArrayList<>();
        for (Map.Entry<String, List<Map.Entry<String, BrokerPosition>>> e : bySymbol.entrySet()) {
            Instrument instrument = e.getValue().get(0).getValue().instrument();
            int precision = 0;
            for (Map.Entry<String, BrokerPosition> part : e.getValue()) {
                precision = Math.max(precision, part.getValue().quantity().precision());
            }
            long net = 0;
            Money value = Money.zero(instrument.quoteCurrency());
            Money unrealized = Money.zero(instrument.quoteCurrency());
            Map<String, BrokerPosition> parts = new LinkedHashMap<>();
            for (Map.Entry<String, BrokerPosition> part : e.getValue()) {
                BrokerPosition p = part.getValue();
                long raw = p.quantity().rawAt(precision);
                net = Math.addExact(net, p.side() == PositionSide.SHORT ? Math.negateExact(raw) : raw);
                value = value.plus(p.marketValue());
                unrealized = unrealized.plus(p.unrealizedPnl());
                parts.put(part.getKey(), p);
            }
            PositionSide side = net > 0 ? PositionSide.LONG : net < 0 ? PositionSide.SHORT : PositionSide.FLAT;
            out.add(new AggregatePosition(e.getKey(), instrument.id(), side,
                    Quantity.ofRaw(Math.absExact(net), precision), value, unrealized, Map.copyOf(parts)));
        }
        return out;
    }

    /**
     * Totals of a group, in its one currency.
     *
     * @param accounts each account's own summary, by name order
     */
    public record Summary(Currency currency, Money cash, Money equity, Money buyingPower, Money unrealizedPnl,
                          List<BrokerAccount> accounts) {
    }

    /**
     * One symbol's holding across accounts.
     *
     * @param instrument the instrument of the first account holding it
     * @param byAccount  each holding account's position, by account name
     */
    public record AggregatePosition(String symbol, InstrumentId instrument, PositionSide side, Quantity quantity,
                                    Money marketValue, Money unrealizedPnl, Map<String, BrokerPosition> byAccount) {
    }
}
