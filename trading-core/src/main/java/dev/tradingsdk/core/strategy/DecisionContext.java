package dev.tradingsdk.core.strategy;

import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.instrument.InstrumentId;
import dev.tradingsdk.core.market.Quote;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.portfolio.AccountView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a {@link DecisionFunction} sees: the time, its account (read-only: position copies, no way back to the
 * account) and the latest quotes, in the order the instruments were first quoted.
 */
public record DecisionContext(Instant time, AccountView account, Map<InstrumentId, Quote> quotes) {

    public DecisionContext {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(account, "account");
        quotes = Collections.unmodifiableMap(new LinkedHashMap<>(quotes));
    }

    /** The latest quote for {@code instrument}; throws when there is none. */
    public Quote quote(Instrument instrument) {
        Quote q = quotes.get(instrument.id());
        if (q == null) {
            throw new IllegalArgumentException("no quote for " + instrument + " at " + time);
        }
        return q;
    }

    /** The bid/ask midpoint of {@code instrument}, exact at one more decimal than the quote: {@link Price#mid}. */
    public Price mid(Instrument instrument) {
        Quote q = quote(instrument);
        return Price.mid(q.bid(), q.ask());
    }

    /** The instruments with a quote, in the order the prices arrived. */
    public List<Instrument> instruments() {
        List<Instrument> list = new ArrayList<>();
        for (Quote q : quotes.values()) {
            list.add(q.instrument());
        }
        return list;
    }
}
