package dev.tradingsdk.core.options;

import dev.tradingsdk.core.instrument.AssetClass;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.num.FixedMath;
import dev.tradingsdk.core.num.Quantity;
import dev.tradingsdk.core.order.ClientOrderId;
import dev.tradingsdk.core.order.OrderRequest;
import dev.tradingsdk.core.portfolio.AccountView;
import dev.tradingsdk.core.risk.DeltaSource;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.Optional;

/**
 * Proposes the order in a hedge instrument (typically the future) that brings an account's net delta on the
 * hedge's underlying back to zero once it leaves a band: |net delta| ≤ band needs no hedge; beyond it, the
 * hedge size is −net delta / (multiplier × hedge delta) rounded half-even to whole lots, and nothing is
 * proposed when that rounds to zero. Net delta is exact fixed point ({@link DeltaSource#netDeltaRaw}).
 *
 * <p>It only proposes: the caller submits the order through the normal order path, so the risk governor
 * still checks it. Immutable.
 */
public final class DeltaHedger {

    private static final int P = DeltaSource.DELTA_PRECISION;

    private final Instrument hedge;
    private final BigDecimal band;
    private final long bandRaw;
    private final DeltaSource deltas;

    /**
     * Hedges with {@code hedge} whenever |net delta| on its underlying exceeds {@code band} (units of the
     * underlying, up to six decimals, zero or more), deltas from {@code deltas}.
     */
    public DeltaHedger(Instrument hedge, BigDecimal band, DeltaSource deltas) {
        this.hedge = Objects.requireNonNull(hedge, "hedge");
        this.deltas = Objects.requireNonNull(deltas, "deltas");
        if (hedge.assetClass() == AssetClass.OPTION) {
            throw new IllegalArgumentException("hedge " + hedge + " is an option: hedge with a linear instrument");
        }
        if (band == null || band.signum() < 0) {
            throw new IllegalArgumentException("band must be zero or positive, was " + band);
        }
        try {
            this.bandRaw = FixedMath.fromBigDecimal(band, P, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("band " + band.toPlainString() + " has more than " + P
                    + " decimal places or is out of range", e);
        }
        this.band = band;
        long hedgeDelta = deltas.deltaRaw(hedge);
        if (hedgeDelta == DeltaSource.UNKNOWN || hedgeDelta == 0) {
            throw new IllegalArgumentException("hedge " + hedge + " has no usable delta: " + hedgeDelta);
        }
    }

    public Instrument hedge() {
        return hedge;
    }

    public BigDecimal band() {
        return band;
    }

    /** Net delta of {@code account} on the hedge's underlying, in units of it; throws when a delta is unknown. */
    public BigDecimal netDelta(AccountView account) {
        return FixedMath.toBigDecimal(netDeltaRaw(account), P);
    }

    private long netDeltaRaw(AccountView account) {
        long net = deltas.netDeltaRaw(account.positions(), hedge.underlying());
        if (net == DeltaSource.UNKNOWN) {
            throw new IllegalStateException("net delta of " + account.accountId() + " on " + hedge.underlying()
                    + " is unknown: a position has no delta yet");
        }
        return net;
    }

    /**
     * The market order that flattens net delta, or empty when it is within the band or the hedge rounds to
     * zero lots.
     */
    public Optional<OrderRequest> propose(AccountView account, ClientOrderId clientOrderId) {
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        long net = netDeltaRaw(account);
        if (Math.absExact(net) <= bandRaw) {
            return Optional.empty();
        }
        long perLot = DeltaSource.exposureRaw(hedge, hedge.lotRaw(), deltas.deltaRaw(hedge));
        long lots = FixedMath.divide(Math.negateExact(net), perLot, RoundingMode.HALF_EVEN);
        if (lots == 0) {
            return Optional.empty();
        }
        Quantity size = Quantity.ofRaw(Math.multiplyExact(Math.absExact(lots), hedge.lotRaw()), hedge.sizePrecision());
        OrderRequest.Builder order = lots > 0 ? OrderRequest.buy(hedge) : OrderRequest.sell(hedge);
        return Optional.of(order.quantity(size).market().clientOrderId(clientOrderId).build());
    }
}
