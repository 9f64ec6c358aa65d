package dev.tradingsdk.examples.agent;

import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.instrument.InstrumentId;
import dev.tradingsdk.core.market.Quote;
import dev.tradingsdk.core.market.TopOfBook;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.options.AccountGreeks;
import dev.tradingsdk.core.options.GreeksBook;
import dev.tradingsdk.core.options.GreeksSnapshot;
import dev.tradingsdk.core.order.Fill;
import dev.tradingsdk.core.order.OrderRequest;
import dev.tradingsdk.core.order.Side;
import dev.tradingsdk.core.portfolio.ClosedTrade;
import dev.tradingsdk.core.portfolio.Portfolio;
import dev.tradingsdk.core.risk.RiskDecision;
import dev.tradingsdk.core.risk.RiskGovernor;
import dev.tradingsdk.core.strategy.DecisionContext;
import dev.tradingsdk.core.time.EpochNanos;
import dev.tradingsdk.examples.cli.Amounts;
import dev.tradingsdk.llm.agent.AuditEntry;
import dev.tradingsdk.llm.agent.AuditLog;
import dev.tradingsdk.llm.agent.TradingAgent;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One tenant of the agent backend: its account, its own risk governor, its agent and the latest quotes. Every
 * order the agent releases goes through the governor; accepted orders fill at the touch, denials are audited
 * with each violated rule. One lock per tenant: the HTTP threads and the scenario never interleave inside it.
 */
final class TenantDesk {

    final String tenant;
    final Portfolio account;
    final RiskGovernor governor;
    final TradingAgent agent;
    private final AuditLog audit;
    private final Map<InstrumentId, TopOfBook> books;
    private final AccountGreeks greeks;
    private final Map<InstrumentId, Quote> quotes = new LinkedHashMap<>();
    private final List<String> denials = new ArrayList<>();
    private final List<Fill> fills = new ArrayList<>();
    private int trades;

    TenantDesk(String tenant, Portfolio account, RiskGovernor governor, TradingAgent agent, AuditLog audit,
               Map<InstrumentId, TopOfBook> books, GreeksBook greeksBook) {
        this.tenant = tenant;
        this.greeks = new AccountGreeks(greeksBook);
        this.books = books;
        this.account = account;
        this.governor = governor;
        this.agent = agent;
        this.audit = audit;
    }

    synchronized void quote(Quote q) {
        quotes.put(q.instrument().id(), q);
        books.computeIfAbsent(q.instrument().id(), id -> new TopOfBook(q.instrument())).update(q);
        account.mark(q.instrument(), mid(q));
    }

    private static Price mid(Quote q) {
        return Price.mid(q.bid(), q.ask()).withPrecision(q.instrument().pricePrecision(), RoundingMode.HALF_EVEN);
    }

    /** One agent cycle at {@code now}: released approvals and autonomous orders go through the governor. */
    synchronized List<String> cycle(Instant now) {
        List<String> results = new ArrayList<>();
        for (OrderRequest order : agent.decide(new DecisionContext(now, account, Map.copyOf(quotes)))) {
            results.add(execute(order, now));
        }
        return results;
    }

    private String execute(OrderRequest order, Instant now) {
        RiskDecision decision = governor.check(order, account, books::get);
        String what = order.side() + " " + order.quantity() + " " + order.instrument().symbol();
        if (!decision.accepted()) {
            String why = what + " denied: " + decision.violations();
            denials.add(why);
            audit.append(new AuditEntry(now, tenant, AuditEntry.Type.RISK_VIOLATION, "risk-governor", why));
            return why;
        }
        Quote q = quotes.get(order.instrument().id());
        Instrument instrument = order.instrument();
        Price price = order.side() == Side.BUY ? q.ask() : q.bid();
        Fill fill = new Fill(order.clientOrderId(), "T-" + tenant + "-" + (++trades), instrument, order.side(), price,
            order.quantity(), Money.zero(account.cash().currency()), now);
        Optional<ClosedTrade> closed = account.apply(fill);
        fills.add(fill);
        governor.onFill(tenant, fill);
        closed.ifPresent(governor::onClosedTrade);
        String done = what + " filled at " + Amounts.price(instrument, price);
        audit.append(new AuditEntry(now, tenant, AuditEntry.Type.EXECUTION, "paper-venue", done));
        return done;
    }

    /**
     * The account's greeks per underlying, computed as {@code TradingEngine.status()} computes an account's:
     * {@link AccountGreeks} over its positions with the greeks book, here as the backend last priced it (at the
     * latest quotes), so taking a status never moves the book the governor's delta check reads.
     */
    synchronized GreeksSnapshot greeks(Instant now) {
        greeks.recompute(account, EpochNanos.of(now));
        return greeks.snapshot();
    }

    synchronized List<String> denials() {
        return List.copyOf(denials);
    }

    synchronized List<Fill> fills() {
        return List.copyOf(fills);
    }
}
