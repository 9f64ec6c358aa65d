package dev.tradingsdk.polymarket.signing;

import dev.tradingsdk.core.order.Side;
import dev.tradingsdk.polymarket.internal.Eip712;
import dev.tradingsdk.polymarket.internal.Hex;
import dev.tradingsdk.polymarket.order.OrderAmounts;
import java.math.BigInteger;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * An unsigned CLOB order: the union of the V1 and V2 struct fields. Which fields are signed depends on the
 * {@link OrderStruct} of the domain it is signed for (V1: taker/expiration/nonce/feeRateBps; V2: timestamp,
 * metadata, builder). Amounts are on-chain integers with 6 decimals.
 */
public final class ClobOrder {
    private static final byte[] ZERO_WORD = new byte[32];

    private final long salt;
    private final EthAddress maker;
    private final EthAddress signer;
    private final EthAddress taker;
    private final BigInteger tokenId;
    private final byte[] tokenIdWord;
    private final long makerAmount;
    private final long takerAmount;
    private final Side side;
    private final SignatureType signatureType;
    private final long expiration;
    private final long nonce;
    private final long feeRateBps;
    private final long timestamp;
    private final byte[] metadata;
    private final byte[] builderCode;

    private ClobOrder(Builder b) {
        this.salt = nonNegative(b.salt, "salt");
        this.maker = Objects.requireNonNull(b.maker, "maker");
        this.signer = Objects.requireNonNull(b.signer, "signer");
        this.taker = b.taker;
        this.tokenId = Objects.requireNonNull(b.tokenId, "tokenId");
        this.tokenIdWord = Eip712.uint256Word(b.tokenId, "tokenId");
        this.makerAmount = positive(b.makerAmount, "makerAmount");
        this.takerAmount = positive(b.takerAmount, "takerAmount");
        this.side = Objects.requireNonNull(b.side, "side");
        this.signatureType = Objects.requireNonNull(b.signatureType, "signatureType");
        this.expiration = nonNegative(b.expiration, "expiration");
        this.nonce = nonNegative(b.nonce, "nonce");
        this.feeRateBps = nonNegative(b.feeRateBps, "feeRateBps");
        this.timestamp = nonNegative(b.timestamp, "timestamp");
        this.metadata = b.metadata;
        this.builderCode = b.builderCode;
    }

    private static long nonNegative(long value, String field) {
        if (value < 0) {
            throw new IllegalArgumentException(field + " must not be negative, got " + value);
        }
        return value;
    }

    private static long positive(long value, String field) {
        if (value <= 0) {
            throw new IllegalArgumentException(field + " must be positive, got " + value);
        }
        return value;
    }

    public static Builder builder() {
        return new Builder();
    }

    public long salt() {
        return salt;
    }

    public EthAddress maker() {
        return maker;
    }

    public EthAddress signer() {
        return signer;
    }

    public EthAddress taker() {
        return taker;
    }

    public BigInteger tokenId() {
        return tokenId;
    }

    public long makerAmount() {
        return makerAmount;
    }

    public long takerAmount() {
        return takerAmount;
    }

    public Side side() {
        return side;
    }

    public SignatureType signatureType() {
        return signatureType;
    }

    /** Unix seconds, 0 = no expiry. Signed in V1, only sent in V2. */
    public long expiration() {
        return expiration;
    }

    public long nonce() {
        return nonce;
    }

    public long feeRateBps() {
        return feeRateBps;
    }

    /** Creation time in milliseconds (V2). */
    public long timestamp() {
        return timestamp;
    }

    public String metadataHex() {
        return Hex.encode0x(metadata);
    }

    public String builderHex() {
        return Hex.encode0x(builderCode);
    }

    /**
     * Writes the EIP-712 encodeData words (type hash first) of this order for {@code struct} into {@code out},
     * returning the number of bytes written.
     */
    int encode(OrderStruct struct, byte[] typeHash, byte[] out) {
        Eip712.putWord(out, 0, typeHash);
        Eip712.putUint(out, 32, salt);
        Eip712.putAddress(out, 64, maker.rawBytes());
        Eip712.putAddress(out, 96, signer.rawBytes());
        if (struct == OrderStruct.V1) {
            Eip712.putAddress(out, 128, taker.rawBytes());
            Eip712.putWord(out, 160, tokenIdWord);
            Eip712.putUint(out, 192, makerAmount);
            Eip712.putUint(out, 224, takerAmount);
            Eip712.putUint(out, 256, expiration);
            Eip712.putUint(out, 288, nonce);
            Eip712.putUint(out, 320, feeRateBps);
            Eip712.putUint(out, 352, sideCode());
            Eip712.putUint(out, 384, signatureType.code());
            return 416;
        }
        Eip712.putWord(out, 128, tokenIdWord);
        Eip712.putUint(out, 160, makerAmount);
        Eip712.putUint(out, 192, takerAmount);
        Eip712.putUint(out, 224, sideCode());
        Eip712.putUint(out, 256, signatureType.code());
        Eip712.putUint(out, 288, timestamp);
        Eip712.putWord(out, 320, metadata);
        Eip712.putWord(out, 352, builderCode);
        return 384;
    }

    /** BUY = 0, SELL = 1 in the signed struct. */
    private int sideCode() {
        return side == Side.BUY ? 0 : 1;
    }

    @Override
    public String toString() {
        return "ClobOrder[" + side + " token " + tokenId + ", maker " + maker + ", makerAmount " + makerAmount
                + ", takerAmount " + takerAmount + ", " + signatureType + ", salt " + salt + "]";
    }

    /**
     * Fluent builder; salt, maker, signer, tokenId, amounts and side are required. Each field takes one value
     * ({@code amounts} sets both amounts): a second throws {@link IllegalStateException} naming both.
     */
    public static final class Builder {
        private final Set<String> given = new HashSet<>();
        private long salt = -1;
        private EthAddress maker;
        private EthAddress signer;
        private EthAddress taker = EthAddress.ZERO;
        private BigInteger tokenId;
        private long makerAmount;
        private long takerAmount;
        private Side side;
        private SignatureType signatureType = SignatureType.EOA;
        private long expiration;
        private long nonce;
        private long feeRateBps;
        private long timestamp;
        private byte[] metadata = ZERO_WORD;
        private byte[] builderCode = ZERO_WORD;

        private Builder() {
        }

        private void once(String option, Object previous, Object next) {
            if (!given.add(option)) {
                throw new IllegalStateException(option + " set twice: " + previous + " and " + next);
            }
        }

        /** Random salt; keep it below 2^53 so JavaScript servers parse the JSON number exactly. */
        public Builder salt(long salt) {
            once("salt", this.salt, salt);
            this.salt = salt;
            return this;
        }

        /** The funder: the address holding the funds (EOA, proxy wallet, Safe or deposit wallet). */
        public Builder maker(EthAddress maker) {
            once("maker", this.maker, maker);
            this.maker = maker;
            return this;
        }

        public Builder signer(EthAddress signer) {
            once("signer", this.signer, signer);
            this.signer = signer;
            return this;
        }

        public Builder taker(EthAddress taker) {
            once("taker", this.taker, taker);
            this.taker = Objects.requireNonNull(taker, "taker");
            return this;
        }

        public Builder tokenId(BigInteger tokenId) {
            once("tokenId", this.tokenId, tokenId);
            this.tokenId = tokenId;
            return this;
        }

        public Builder tokenId(String decimalTokenId) {
            once("tokenId", this.tokenId, decimalTokenId);
            try {
                this.tokenId = new BigInteger(Objects.requireNonNull(decimalTokenId, "tokenId"));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("tokenId must be a decimal integer, got " + decimalTokenId, e);
            }
            return this;
        }

        public Builder makerAmount(long makerAmount) {
            once("makerAmount", this.makerAmount, makerAmount);
            this.makerAmount = makerAmount;
            return this;
        }

        public Builder takerAmount(long takerAmount) {
            once("takerAmount", this.takerAmount, takerAmount);
            this.takerAmount = takerAmount;
            return this;
        }

        public Builder amounts(OrderAmounts amounts) {
            once("makerAmount", this.makerAmount, amounts.makerAmount());
            once("takerAmount", this.takerAmount, amounts.takerAmount());
            this.makerAmount = amounts.makerAmount();
            this.takerAmount = amounts.takerAmount();
            return this;
        }

        public Builder side(Side side) {
            once("side", this.side, side);
            this.side = side;
            return this;
        }

        public Builder signatureType(SignatureType signatureType) {
            once("signatureType", this.signatureType, signatureType);
            this.signatureType = signatureType;
            return this;
        }

        public Builder expiration(long expirationSeconds) {
            once("expiration", this.expiration, expirationSeconds);
            this.expiration = expirationSeconds;
            return this;
        }

        public Builder nonce(long nonce) {
            once("nonce", this.nonce, nonce);
            this.nonce = nonce;
            return this;
        }

        public Builder feeRateBps(long feeRateBps) {
            once("feeRateBps", this.feeRateBps, feeRateBps);
            this.feeRateBps = feeRateBps;
            return this;
        }

        public Builder timestamp(long timestampMillis) {
            once("timestamp", this.timestamp, timestampMillis);
            this.timestamp = timestampMillis;
            return this;
        }

        public Builder metadata(String bytes32Hex) {
            once("metadata", Hex.encode0x(this.metadata), bytes32Hex);
            this.metadata = bytes32(bytes32Hex, "metadata");
            return this;
        }

        /** The builder code (bytes32) for order attribution. */
        public Builder builderCode(String bytes32Hex) {
            once("builderCode", Hex.encode0x(this.builderCode), bytes32Hex);
            this.builderCode = bytes32(bytes32Hex, "builder");
            return this;
        }

        private static byte[] bytes32(String hex, String field) {
            byte[] bytes = Hex.decode(hex, field);
            if (bytes.length != 32) {
                throw new IllegalArgumentException(field + " must be 32 bytes, got " + bytes.length + ": " + hex);
            }
            return bytes;
        }

        public ClobOrder build() {
            if (salt < 0) {
                throw new IllegalArgumentException("salt must be set (non-negative), got " + salt);
            }
            return new ClobOrder(this);
        }
    }
}
