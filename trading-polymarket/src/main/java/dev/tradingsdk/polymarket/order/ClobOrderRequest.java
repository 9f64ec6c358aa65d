package dev.tradingsdk.polymarket.order;

import dev.tradingsdk.core.order.InvalidOrderException;
import dev.tradingsdk.core.order.Side;
import dev.tradingsdk.polymarket.ClobClient;
import dev.tradingsdk.polymarket.signing.EthAddress;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * What to trade, before amounts, salt and signature are filled in by {@link ClobClient}. Limit orders give a size
 * in shares; market orders an amount (USDC to spend for BUY, shares for SELL) and the worst acceptable price.
 * Tick size and neg-risk flag are looked up (and cached) when not given. {@link #fromAmounts} passes the on-chain
 * amounts as they are (the V2 clients' create-from-amounts), for orders computed elsewhere.
 */
public final class ClobOrderRequest {
    private final String tokenId;
    private final Side side;
    private final BigDecimal price;
    private final BigDecimal quantity;
    private final ClobOrderType orderType;
    private final boolean postOnly;
    private final long expirationSeconds;
    private final TickSize tickSize;
    private final Boolean negRisk;
    private final long feeRateBps;
    private final String builderCode;
    private final String metadata;
    private final OrderAmounts amounts;
    private final EthAddress taker;
    private final long nonce;

    private ClobOrderRequest(Builder b) {
        this.tokenId = b.tokenId;
        this.side = b.side;
        this.price = b.price;
        this.quantity = b.quantity;
        this.orderType = b.orderType;
        this.postOnly = b.postOnly;
        this.expirationSeconds = b.expirationSeconds;
        this.tickSize = b.tickSize;
        this.negRisk = b.negRisk;
        this.feeRateBps = b.feeRateBps;
        this.builderCode = b.builderCode;
        this.metadata = b.metadata;
        this.amounts = b.amounts;
        this.taker = b.taker;
        this.nonce = b.nonce;
    }

    /** A GTC limit order for {@code size} shares at {@code price}. */
    public static Builder limit(String tokenId, Side side, BigDecimal price, BigDecimal size) {
        return new Builder(tokenId, side, price, size, ClobOrderType.GTC);
    }

    /** A FOK market order: BUY spends {@code amount} USDC, SELL sells {@code amount} shares, no worse than price. */
    public static Builder market(String tokenId, Side side, BigDecimal worstPrice, BigDecimal amount) {
        return new Builder(tokenId, side, worstPrice, amount, ClobOrderType.FOK);
    }

    /**
     * An order with explicit on-chain amounts (6 decimals; BUY: maker = collateral paid, taker = shares received;
     * SELL: maker = shares given, taker = collateral received). The implied price must lie strictly between 0 and 1;
     * no tick rounding is applied.
     */
    public static Builder fromAmounts(String tokenId, Side side, OrderAmounts amounts, ClobOrderType type) {
        Objects.requireNonNull(amounts, "amounts");
        Objects.requireNonNull(side, "side");
        long shares = side == Side.BUY ? amounts.takerAmount() : amounts.makerAmount();
        long collateral = side == Side.BUY ? amounts.makerAmount() : amounts.takerAmount();
        if (collateral >= shares) {
            throw new InvalidOrderException("amounts", amounts, "implies a price of " + collateral + "/" + shares
                    + " per share, not below 1");
        }
        BigDecimal price = BigDecimal.valueOf(collateral).divide(BigDecimal.valueOf(shares), MathContext.DECIMAL64);
        Builder builder = new Builder(tokenId, side, price, BigDecimal.valueOf(shares, 6), Objects.requireNonNull(type,
                "orderType"));
        builder.amounts = amounts;
        return builder;
    }

    public String tokenId() {
        return tokenId;
    }

    public Side side() {
        return side;
    }

    public BigDecimal price() {
        return price;
    }

    /** Shares for limit orders; USDC (BUY) or shares (SELL) for market orders. */
    public BigDecimal quantity() {
        return quantity;
    }

    public ClobOrderType orderType() {
        return orderType;
    }

    public boolean postOnly() {
        return postOnly;
    }

    public long expirationSeconds() {
        return expirationSeconds;
    }

    /** Null when it should be looked up. */
    public TickSize tickSize() {
        return tickSize;
    }

    /** Null when it should be looked up. */
    public Boolean negRisk() {
        return negRisk;
    }

    /** Signed only in V1 orders; -1 = look up the market's base fee. */
    public long feeRateBps() {
        return feeRateBps;
    }

    public String builderCode() {
        return builderCode;
    }

    public String metadata() {
        return metadata;
    }

    /** Explicit amounts ({@link #fromAmounts}), or null when they are computed from price and size. */
    public OrderAmounts amounts() {
        return amounts;
    }

    /** V1 only: the taker the order is reserved for, or null for anyone (the zero address). */
    public EthAddress taker() {
        return taker;
    }

    /** V1 only: the exchange nonce (orders with a nonce below the maker's current one are void); -1 = not set (0). */
    public long nonce() {
        return nonce;
    }

    @Override
    public String toString() {
        return "ClobOrderRequest[" + orderType + (postOnly ? " post-only " : " ") + side + " " + quantity.toPlainString()
                + " @ " + price.toPlainString() + " token " + tokenId + "]";
    }

    /**
     * Fluent options; {@link #build()} validates the combination. Each option takes one value ({@code goodTill} sets
     * the order type too): a second throws {@link IllegalStateException} naming both.
     */
    public static final class Builder {
        private final Set<String> given = new HashSet<>();
        private final String tokenId;
        private final Side side;
        private final BigDecimal price;
        private final BigDecimal quantity;
        private ClobOrderType orderType;
        private boolean postOnly;
        private long expirationSeconds;
        private TickSize tickSize;
        private Boolean negRisk;
        private long feeRateBps = -1;
        private String builderCode;
        private String metadata;
        private OrderAmounts amounts;
        private EthAddress taker;
        private long nonce = -1;

        private Builder(String tokenId, Side side, BigDecimal price, BigDecimal quantity, ClobOrderType type) {
            if (tokenId == null || !tokenId.matches("[0-9]+")) {
                throw new InvalidOrderException("tokenId", tokenId, "must be a decimal integer");
            }
            this.tokenId = tokenId;
            this.side = Objects.requireNonNull(side, "side");
            this.price = Objects.requireNonNull(price, "price");
            this.quantity = Objects.requireNonNull(quantity, "size");
            if (quantity.signum() <= 0) {
                throw new InvalidOrderException("size", quantity.toPlainString(), "must be positive");
            }
            this.orderType = type;
        }

        private void once(String option, Object previous, Object next) {
            if (!given.add(option)) {
                throw new IllegalStateException(option + " set twice: " + previous + " and " + next);
            }
        }

        /** GTC or GTD for a limit order, FOK or FAK for a market order. */
        public Builder orderType(ClobOrderType type) {
            Objects.requireNonNull(type, "orderType");
            if (type.isMarket() != orderType.isMarket()) {
                throw new InvalidOrderException("orderType", type, type + " does not fit a "
                        + (orderType.isMarket() ? "market" : "limit")
                        + " order: limit orders are GTC/GTD (ClobOrderRequest.limit), market orders FOK/FAK "
                        + "(ClobOrderRequest.market)");
            }
            once("orderType", given.contains("orderType") ? orderType : null, type);
            this.orderType = type;
            return this;
        }

        /** Rejected by the exchange instead of taking liquidity (GTC/GTD only). */
        public Builder postOnly() {
            once("postOnly", true, true);
            this.postOnly = true;
            return this;
        }

        /** Good-till-date: sets GTD with this unix-seconds expiry. */
        public Builder goodTill(long expirationSeconds) {
            once("goodTill", this.expirationSeconds, expirationSeconds);
            orderType(ClobOrderType.GTD);
            this.expirationSeconds = expirationSeconds;
            return this;
        }

        public Builder tickSize(TickSize tick) {
            once("tickSize", tickSize, tick);
            this.tickSize = Objects.requireNonNull(tick, "tickSize");
            return this;
        }

        public Builder negRisk(boolean negRiskMarket) {
            once("negRisk", negRisk, negRiskMarket);
            this.negRisk = negRiskMarket;
            return this;
        }

        public Builder feeRateBps(long bps) {
            if (bps < 0) {
                throw new InvalidOrderException("feeRateBps", bps, "must not be negative");
            }
            once("feeRateBps", feeRateBps, bps);
            this.feeRateBps = bps;
            return this;
        }

        /** bytes32 builder code for order attribution (V2). */
        public Builder builderCode(String bytes32Hex) {
            once("builderCode", builderCode, bytes32Hex);
            this.builderCode = Objects.requireNonNull(bytes32Hex, "builderCode");
            return this;
        }

        public Builder metadata(String bytes32Hex) {
            once("metadata", metadata, bytes32Hex);
            this.metadata = Objects.requireNonNull(bytes32Hex, "metadata");
            return this;
        }

        /** V1 only (the V2 struct has no taker): reserves the order for one taker address. */
        public Builder taker(EthAddress address) {
            once("taker", taker, address);
            this.taker = Objects.requireNonNull(address, "taker");
            return this;
        }

        /** V1 only (the V2 struct has no nonce): the exchange nonce signed into the order. */
        public Builder nonce(long exchangeNonce) {
            if (exchangeNonce < 0) {
                throw new InvalidOrderException("nonce", exchangeNonce, "must not be negative");
            }
            once("nonce", nonce, exchangeNonce);
            this.nonce = exchangeNonce;
            return this;
        }

        public ClobOrderRequest build() {
            boolean market = orderType.isMarket();
            if (postOnly && market) {
                throw new InvalidOrderException("postOnly", true, "postOnly is only allowed for GTC/GTD orders, not "
                        + orderType);
            }
            if (orderType == ClobOrderType.GTD && expirationSeconds <= 0) {
                throw new InvalidOrderException("expiration", expirationSeconds,
                        "GTD orders need an expiration (unix seconds)");
            }
            if (orderType != ClobOrderType.GTD && expirationSeconds != 0) {
                throw new InvalidOrderException("expiration", expirationSeconds,
                        "expiration is only used by GTD orders, not " + orderType);
            }
            return new ClobOrderRequest(this);
        }
    }
}
