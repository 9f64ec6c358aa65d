package dev.tradingsdk.kalshi;

import dev.tradingsdk.core.num.FixedMath;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A V2 event order ({@code CreateOrderV2Request}): one side of the single YES book at one YES dollar price.
 * Buying NO at {@code q} is an ask at {@code 1 - q}; {@link #buyNo} and {@link #sellNo} do that mapping.
 *
 * <p>The client order id is required here (Kalshi made it optional in 2026): it is the only way to find an order
 * after a timeout, since fills no longer carry it. Validated on {@link Builder#build()}; the errors name the field.
 *
 * <pre>{@code
 * KalshiOrderRequest order = KalshiOrderRequest.buyNo("KXHIGHNY-26MAY05-B74.5", "0.60", "5")
 *     .clientOrderId("bot-0002").timeInForce(KalshiTimeInForce.IMMEDIATE_OR_CANCEL).build();
 * // side "ask", price "0.4000"
 * }</pre>
 */
public final class KalshiOrderRequest {

    private static final int MAX_CLIENT_ID = 64;

    private final String ticker;
    private final BookSide side;
    private final Price price;
    private final Quantity count;
    private final KalshiTimeInForce timeInForce;
    private final SelfTradePrevention selfTradePrevention;
    private final String clientOrderId;
    private final Instant expiration;
    private final boolean postOnly;
    private final boolean reduceOnly;
    private final boolean cancelOnPause;
    private final Integer subaccount;
    private final Integer exchangeIndex;

    private KalshiOrderRequest(Builder b) {
        this.ticker = b.ticker;
        this.side = b.side;
        this.price = b.price;
        this.count = b.count;
        this.timeInForce = b.timeInForce;
        this.selfTradePrevention = b.selfTradePrevention;
        this.clientOrderId = b.clientOrderId;
        this.expiration = b.expiration;
        this.postOnly = b.postOnly;
        this.reduceOnly = b.reduceOnly;
        this.cancelOnPause = b.cancelOnPause;
        this.subaccount = b.subaccount;
        this.exchangeIndex = b.exchangeIndex;
    }

    /** An order on {@code side} of the YES book at YES price {@code yesPrice} (dollars, e.g. {@code "0.42"}). */
    public static Builder builder(String ticker, BookSide side, String yesPrice, String count) {
        return new Builder(ticker, side, parsePrice("price", yesPrice), parseCount(count));
    }

    /** Buy YES at {@code price}: a bid at {@code price}. */
    public static Builder buyYes(String ticker, String price, String count) {
        return builder(ticker, BookSide.BID, price, count);
    }

    /** Sell YES at {@code price}: an ask at {@code price}. */
    public static Builder sellYes(String ticker, String price, String count) {
        return builder(ticker, BookSide.ASK, price, count);
    }

    /** Buy NO at {@code noPrice}: an ask at {@code 1 - noPrice}. */
    public static Builder buyNo(String ticker, String noPrice, String count) {
        return new Builder(ticker, BookSide.ASK, complement(parsePrice("noPrice", noPrice)), parseCount(count));
    }

    /** Sell NO at {@code noPrice}: a bid at {@code 1 - noPrice}. */
    public static Builder sellNo(String ticker, String noPrice, String count) {
        return new Builder(ticker, BookSide.BID, complement(parsePrice("noPrice", noPrice)), parseCount(count));
    }

    public String ticker() {
        return ticker;
    }

    public BookSide side() {
        return side;
    }

    /** The YES price. */
    public Price price() {
        return price;
    }

    public Quantity count() {
        return count;
    }

    public KalshiTimeInForce timeInForce() {
        return timeInForce;
    }

    public SelfTradePrevention selfTradePrevention() {
        return selfTradePrevention;
    }

    public String clientOrderId() {
        return clientOrderId;
    }

    public Optional<Instant> expiration() {
        return Optional.ofNullable(expiration);
    }

    public boolean postOnly() {
        return postOnly;
    }

    public boolean reduceOnly() {
        return reduceOnly;
    }

    /** The JSON body Kalshi expects, field names and fixed-point strings as documented. */
    public Map<String, Object> toJson() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ticker", ticker);
        body.put("client_order_id", clientOrderId);
        body.put("side", side.wireName());
        body.put("count", count.toString());
        body.put("price", price.toString());
        body.put("time_in_force", timeInForce.wireName());
        body.put("self_trade_prevention_type", selfTradePrevention.wireName());
        if (expiration != null) {
            body.put("expiration_time", expiration.getEpochSecond());
        }
        if (postOnly) {
            body.put("post_only", true);
        }
        if (reduceOnly) {
            body.put("reduce_only", true);
        }
        if (cancelOnPause) {
            body.put("cancel_order_on_pause", true);
        }
        if (subaccount != null) {
            body.put("subaccount", subaccount);
        }
        if (exchangeIndex != null) {
            body.put("exchange_index", exchangeIndex);
        }
        return body;
    }

    @Override
    public String toString() {
        return "KalshiOrderRequest[" + clientOrderId + " " + side.wireName() + " " + count + " " + ticker + " @ "
            + price + " " + timeInForce.wireName() + "]";
    }

    static Price parsePrice(String field, String text) {
        Objects.requireNonNull(text, field);
        Price parsed;
        try {
            parsed = Price.of(text, KalshiInstruments.PRICE_PRECISION);
        } catch (IllegalArgumentException e) {
            throw new InvalidKalshiOrderException(field, "\"" + text + "\"", "is not a dollar price with at most "
                + KalshiInstruments.PRICE_PRECISION + " decimals");
        }
        if (parsed.signum() <= 0 || parsed.raw() >= FixedMath.powerOfTen(parsed.precision())) {
            throw new InvalidKalshiOrderException(field, text, "must be strictly between 0 and 1 dollar");
        }
        return parsed;
    }

    static Quantity parseCount(String text) {
        Objects.requireNonNull(text, "count");
        Quantity parsed;
        try {
            parsed = Quantity.of(new BigDecimal(text), KalshiInstruments.SIZE_PRECISION, RoundingMode.UNNECESSARY);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new InvalidKalshiOrderException("count", "\"" + text + "\"",
                "is not a non-negative contract count with at most 2 decimals");
        }
        if (parsed.isZero()) {
            throw new InvalidKalshiOrderException("count", text, "must be at least 0.01 contract");
        }
        return parsed;
    }

    /** {@code 1 - price}: the YES price of the same book level seen from the NO side. */
    static Price complement(Price price) {
        return Price.ofRaw(FixedMath.powerOfTen(price.precision()) - price.raw(), price.precision());
    }

    /** Optional fields of a V2 order; {@link #build()} checks the combination. */
    public static final class Builder {
        private final String ticker;
        private final BookSide side;
        private final Price price;
        private final Quantity count;
        private KalshiTimeInForce timeInForce = KalshiTimeInForce.GOOD_TILL_CANCELED;
        private SelfTradePrevention selfTradePrevention = SelfTradePrevention.TAKER_AT_CROSS;
        private String clientOrderId;
        private Instant expiration;
        private boolean postOnly;
        private boolean reduceOnly;
        private boolean cancelOnPause;
        private Integer subaccount;
        private Integer exchangeIndex;
        private final GivenOptions given = new GivenOptions();

        private Builder(String ticker, BookSide side, Price price, Quantity count) {
            if (ticker == null || ticker.isBlank()) {
                throw new InvalidKalshiOrderException("ticker", ticker == null ? null : "\"" + ticker + "\"",
                    "must not be blank");
            }
            this.ticker = ticker;
            this.side = Objects.requireNonNull(side, "side");
            this.price = price;
            this.count = count;
        }

        /** The idempotency key (required): 1 to 64 characters of letters, digits, '-' and '_'. */
        public Builder clientOrderId(String id) {
            this.clientOrderId = given.first("clientOrderId", id);
            return this;
        }

        public Builder timeInForce(KalshiTimeInForce tif) {
            this.timeInForce = given.first("timeInForce", Objects.requireNonNull(tif, "timeInForce"));
            return this;
        }

        public Builder selfTradePrevention(SelfTradePrevention stp) {
            this.selfTradePrevention = given.first("selfTradePrevention", Objects.requireNonNull(stp, "selfTradePrevention"));
            return this;
        }

        /** Expiry of a good-till-canceled order (sent as Unix seconds). */
        public Builder expiration(Instant at) {
            this.expiration = given.first("expiration", Objects.requireNonNull(at, "expiration"));
            return this;
        }

        public Builder postOnly(boolean value) {
            this.postOnly = given.first("postOnly", value);
            return this;
        }

        /** Only with {@link KalshiTimeInForce#IMMEDIATE_OR_CANCEL}, which Kalshi requires. */
        public Builder reduceOnly(boolean value) {
            this.reduceOnly = given.first("reduceOnly", value);
            return this;
        }

        public Builder cancelOnPause(boolean value) {
            this.cancelOnPause = given.first("cancelOnPause", value);
            return this;
        }

        /** 0 = primary, 1..63 = a subaccount. */
        public Builder subaccount(int number) {
            if (number < 0 || number > 63) {
                throw new InvalidKalshiOrderException("subaccount", number, "must be in 0..63");
            }
            this.subaccount = given.first("subaccount", number);
            return this;
        }

        /** The shard to send to; leave unset (or -1) to let Kalshi route by ticker. */
        public Builder exchangeIndex(int index) {
            if (index < -1) {
                throw new InvalidKalshiOrderException("exchange_index", index, "must be -1 or a shard number >= 0");
            }
            this.exchangeIndex = given.first("exchangeIndex", index);
            return this;
        }

        public KalshiOrderRequest build() {
            if (clientOrderId == null || !clientOrderId.matches("[A-Za-z0-9_-]{1," + MAX_CLIENT_ID + "}")) {
                throw new InvalidKalshiOrderException("client_order_id",
                    clientOrderId == null ? null : "\"" + clientOrderId + "\"",
                    "is required: 1 to " + MAX_CLIENT_ID + " letters, digits, '-' or '_'");
            }
            if (expiration != null && timeInForce != KalshiTimeInForce.GOOD_TILL_CANCELED) {
                throw new InvalidKalshiOrderException("expiration_time", expiration,
                    "is only allowed with good_till_canceled, not " + timeInForce.wireName());
            }
            if (reduceOnly && timeInForce != KalshiTimeInForce.IMMEDIATE_OR_CANCEL) {
                throw new InvalidKalshiOrderException("reduce_only", true,
                    "is only accepted with immediate_or_cancel, not " + timeInForce.wireName());
            }
            if (postOnly && timeInForce != KalshiTimeInForce.GOOD_TILL_CANCELED) {
                throw new InvalidKalshiOrderException("post_only", true,
                    "conflicts with time_in_force " + timeInForce.wireName() + " (a post-only order must rest)");
            }
            return new KalshiOrderRequest(this);
        }
    }
}
