package dev.tradingsdk.core.risk;

import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.market.MarketSnapshot;
import dev.tradingsdk.core.market.MarketState;
import dev.tradingsdk.core.num.FixedMath;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.order.OrderRequest;
import dev.tradingsdk.core.order.Side;
import dev.tradingsdk.core.portfolio.AccountView;
import dev.tradingsdk.core.risk.internal.RawValuation;
import java.math.RoundingMode;

/**
 * Everything a rule may read about the order being checked: the order, the account, the market, the time and
 * the account's trading state, plus figures derived from them (position after the order, notional, exposure)
 * that are computed once per check and shared by all rules.
 *
 * <p>Money figures are raw values at {@link #MONEY_PRECISION} decimals in the account currency; prices and
 * sizes are raw at the order instrument's precisions. The governor reuses one context for every check, so a
 * rule must not keep a reference to it. Computing a figure allocates nothing when the account and market
 * views themselves do not allocate.
 */
public final class RiskContext {

    /** Decimal places of every money figure in the context and of money limits in rules. */
    public static final int MONEY_PRECISION = 6;

    /** Code of the violation rules report when the order's quote currency is not the account currency. */
    public static final String CURRENCY_MISMATCH = "CURRENCY_MISMATCH";

    /** Code of the violation rules report when no price is known to value the order. */
    public static final String NO_PRICE = "NO_PRICE";

    private OrderRequest order;
    private Instrument instrument;
    private AccountView account;
    private MarketState market;
    private long nowNanos;
    private TradingState state;

    private long orderQuantityRaw;
    private boolean positionKnown;
    private boolean reducesKnown;
    private boolean reduces;
    private boolean currencyKnown;
    private boolean sameCurrency;
    private long positionNetRaw;
    private boolean snapshotKnown;
    private MarketSnapshot snapshot;
    private boolean priceKnown;
    private boolean hasReferencePrice;
    private long referencePriceRaw;
    private boolean notionalKnown;
    private long orderNotionalRaw;
    private boolean equityKnown;
    private long equityRaw;
    private boolean exposureKnown;
    /** The account's open positions as flat arrays, read once per check and only by the rules that need them. */
    private boolean positionsKnown;
    private int openPositions;
    private Instrument[] positionInstruments = new Instrument[8];
    private long[] positionNets = new long[8];
    private Money[] positionCosts = new Money[8];
    private long grossExposureRaw;
    private long netExposureRaw;

    RiskContext() {
    }

    /** A context for checking one order outside a governor, e.g. in tests of a single rule. */
    public static RiskContext of(OrderRequest order, AccountView account, MarketState market, long nowNanos,
                                 TradingState state) {
        RiskContext context = new RiskContext();
        context.reset(order, account, market, nowNanos, state);
        return context;
    }

    void reset(OrderRequest order, AccountView account, MarketState market, long nowNanos, TradingState state) {
        this.order = order;
        this.instrument = order.instrument();
        this.account = account;
        this.market = market;
        this.nowNanos = nowNanos;
        this.state = state;
        this.orderQuantityRaw = order.quantity().rawAt(instrument.sizePrecision());
        positionKnown = false;
        reducesKnown = false;
        currencyKnown = false;
        snapshotKnown = false;
        priceKnown = false;
        notionalKnown = false;
        equityKnown = false;
        exposureKnown = false;
        positionsKnown = false;
    }

    public OrderRequest order() {
        return order;
    }

    public Instrument instrument() {
        return instrument;
    }

    public AccountView account() {
        return account;
    }

    public MarketState market() {
        return market;
    }

    /** The check time in nanoseconds since the epoch, from the governor's clock. */
    public long nowNanos() {
        return nowNanos;
    }

    /** The account's effective trading state (the stricter of its own and the global state). */
    public TradingState state() {
        return state;
    }

    /** Order size, raw at the instrument's size precision. */
    public long orderQuantityRaw() {
        return orderQuantityRaw;
    }

    /** Order size with the side's sign: positive for a buy. */
    public long signedOrderQuantityRaw() {
        long q = orderQuantityRaw();
        return order.side() == Side.BUY ? q : -q;
    }

    /** The account's signed net position in the order's instrument before the order, raw. */
    public long positionNetRaw() {
        if (!positionKnown) {
            positionNetRaw = account.netRaw(instrument.id());
            positionKnown = true;
        }
        return positionNetRaw;
    }

    /** The number of open positions in the account before the order. */
    public int openPositionCount() {
        loadPositions();
        return openPositions;
    }

    private void loadPositions() {
        if (positionsKnown) {
            return;
        }
        int n = account.openPositions(positionInstruments, positionNets, positionCosts);
        if (n > positionInstruments.length) {
            int size = Integer.highestOneBit(n) << 1;
            positionInstruments = new Instrument[size];
            positionNets = new long[size];
            positionCosts = new Money[size];
            n = account.openPositions(positionInstruments, positionNets, positionCosts);
        }
        openPositions = n;
        positionsKnown = true;
    }

    /** The signed net position if the order filled completely, raw. */
    public long positionAfterRaw() {
        return Math.addExact(positionNetRaw(), signedOrderQuantityRaw());
    }

    /**
     * True when the order only reduces exposure: it is opposite to the current position and not larger than
     * it. Such orders pass the exposure rules and are the only ones allowed in {@link TradingState#REDUCING}.
     */
    public boolean reducesPosition() {
        if (!reducesKnown) {
            long net = positionNetRaw();
            boolean opposite = net != 0 && (net > 0) == (order.side() == Side.SELL);
            reduces = opposite && orderQuantityRaw <= Math.abs(net);
            reducesKnown = true;
        }
        return reduces;
    }

    /** The market of the order's instrument, or {@code null} when none is known. */
    public MarketSnapshot snapshot() {
        if (!snapshotKnown) {
            snapshot = market.snapshot(instrument.id());
            snapshotKnown = true;
        }
        return snapshot;
    }

    /** True when {@link #referencePriceRaw()} is known. */
    public boolean hasReferencePrice() {
        computeReferencePrice();
        return hasReferencePrice;
    }

    /**
     * The price the order is valued at, raw at the instrument's price precision: its limit price, else its
     * stop price, else the price it would take (ask for a buy, bid for a sell), else the other side.
     */
    public long referencePriceRaw() {
        computeReferencePrice();
        if (!hasReferencePrice) {
            throw new IllegalStateException("no reference price for " + order.clientOrderId()
                    + ": a market order needs a market for " + instrument);
        }
        return referencePriceRaw;
    }

    private void computeReferencePrice() {
        if (priceKnown) {
            return;
        }
        priceKnown = true;
        Price limit = order.limitPriceOrNull();
        if (limit != null) {
            referencePriceRaw = limit.rawAt(instrument.pricePrecision());
            hasReferencePrice = true;
            return;
        }
        Price stop = order.stopPrice().orElse(null);
        if (stop != null) {
            referencePriceRaw = stop.rawAt(instrument.pricePrecision());
            hasReferencePrice = true;
            return;
        }
        MarketSnapshot s = snapshot();
        hasReferencePrice = s != null && (s.hasAsk() || s.hasBid());
        if (hasReferencePrice) {
            boolean takeAsk = order.side() == Side.BUY ? s.hasAsk() : !s.hasBid();
            referencePriceRaw = takeAsk ? s.askRaw() : s.bidRaw();
        }
    }

    /** True when the order's instrument is quoted in the account currency, so money figures are comparable. */
    public boolean sameCurrency() {
        if (!currencyKnown) {
            sameCurrency = instrument.quoteCurrency().equals(account.currency());
            currencyKnown = true;
        }
        return sameCurrency;
    }

    /**
     * The violation a money rule reports when it cannot value the order (currency mismatch or no price), or
     * {@code null} when the money figures are available.
     */
    public RiskViolation moneyFiguresUnavailable(String ruleCode) {
        if (!sameCurrency()) {
            return RiskViolation.of(CURRENCY_MISMATCH, ruleCode + " cannot value " + instrument + " quoted in "
                    + instrument.quoteCurrency() + " against an account in " + account.currency());
        }
        if (!hasReferencePrice()) {
            return RiskViolation.of(NO_PRICE, ruleCode + " has no price for market order "
                    + order.clientOrderId() + " on " + instrument);
        }
        return null;
    }

    /** |order size| × reference price × multiplier, raw at {@link #MONEY_PRECISION}, rounded up. */
    public long orderNotionalRaw() {
        if (!notionalKnown) {
            orderNotionalRaw = RawValuation.notionalRaw(instrument, orderQuantityRaw(), referencePriceRaw());
            notionalKnown = true;
        }
        return orderNotionalRaw;
    }

    /** Account equity, raw at {@link #MONEY_PRECISION}. */
    public long equityRaw() {
        if (!equityKnown) {
            equityRaw = RawValuation.moneyRaw(account.equity());
            equityKnown = true;
        }
        return equityRaw;
    }

    /** Sum of the absolute values of all positions as if the order filled, raw at {@link #MONEY_PRECISION}. */
    public long grossExposureAfterRaw() {
        computeExposure();
        return grossExposureRaw;
    }

    /** Sum of the signed values (long minus short) of all positions as if the order filled. */
    public long netExposureAfterRaw() {
        computeExposure();
        return netExposureRaw;
    }

    private void computeExposure() {
        if (exposureKnown) {
            return;
        }
        long gross = 0;
        long net = 0;
        boolean orderInstrumentSeen = false;
        loadPositions();
        for (int i = 0; i < openPositions; i++) {
            long netAfter = positionNets[i];
            if (isOrderInstrument(positionInstruments[i])) {
                netAfter = positionAfterRaw();
                orderInstrumentSeen = true;
            }
            long value = positionValueRaw(i, netAfter);
            gross = Math.addExact(gross, value);
            net = netAfter >= 0 ? Math.addExact(net, value) : Math.subtractExact(net, value);
        }
        if (!orderInstrumentSeen) {
            long value = orderNotionalRaw();
            gross = Math.addExact(gross, value);
            net = order.side() == Side.BUY ? Math.addExact(net, value) : Math.subtractExact(net, value);
        }
        grossExposureRaw = gross;
        netExposureRaw = net;
        exposureKnown = true;
    }

    private boolean isOrderInstrument(Instrument other) {
        return other == instrument || other.equals(instrument);
    }

    /**
     * The absolute value of open position {@code i} at a size of {@code netRaw}: at the market mid when known (the
     * order's reference price for the order's instrument), else at its cost basis.
     */
    private long positionValueRaw(int i, long netRaw) {
        if (netRaw == 0) {
            return 0;
        }
        Instrument pi = positionInstruments[i];
        long abs = Math.abs(netRaw);
        if (isOrderInstrument(pi) && hasReferencePrice()) {
            return RawValuation.notionalRaw(pi, abs, referencePriceRaw);
        }
        long mark = RawValuation.markRaw(market.snapshot(pi.id()));
        if (mark != Long.MIN_VALUE) {
            return RawValuation.notionalRaw(pi, abs, mark);
        }
        long held = Math.abs(positionNets[i]);
        if (held == 0) {
            throw new IllegalStateException("no price to value " + pi);
        }
        return FixedMath.multiplyDivide(RawValuation.moneyRaw(positionCosts[i]), abs, held, RoundingMode.UP);
    }
}
