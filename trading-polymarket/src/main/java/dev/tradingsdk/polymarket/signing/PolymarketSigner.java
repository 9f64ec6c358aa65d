package dev.tradingsdk.polymarket.signing;

import dev.tradingsdk.polymarket.internal.Eip712;
import dev.tradingsdk.polymarket.internal.Hex;
import dev.tradingsdk.polymarket.internal.Keccak;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs CLOB orders (EIP-712, V1 and V2 structs, all four signature types), the L1 {@code ClobAuth} message and
 * L2 HMAC request headers. Thread-safe.
 */
public final class PolymarketSigner {
    public static final String CLOB_AUTH_MESSAGE = "This message attests that I control the given wallet";

    private static final byte[] V1_TYPEHASH = Keccak.hash(OrderStruct.V1.typeString());
    private static final byte[] V2_TYPEHASH = Keccak.hash(OrderStruct.V2.typeString());
    private static final byte[] CLOB_AUTH_TYPEHASH =
            Keccak.hash("ClobAuth(address address,string timestamp,uint256 nonce,string message)");
    private static final byte[] CLOB_AUTH_MESSAGE_HASH = Keccak.hash(CLOB_AUTH_MESSAGE);
    private static final String TYPED_DATA_SIGN_PREFIX = "TypedDataSign(Order contents,string name,string version,"
            + "uint256 chainId,address verifyingContract,bytes32 salt)";
    private static final byte[] TYPED_DATA_SIGN_TYPEHASH =
            Keccak.hash(TYPED_DATA_SIGN_PREFIX + OrderStruct.V2.typeString());
    private static final byte[] DEPOSIT_WALLET_NAME_HASH = Keccak.hash("DepositWallet");
    private static final byte[] DEPOSIT_WALLET_VERSION_HASH = Keccak.hash("1");
    private static final byte[] V2_TYPE_STRING_BYTES = OrderStruct.V2.typeString().getBytes(StandardCharsets.UTF_8);
    private static final ThreadLocal<byte[]> STRUCT_BUFFER = ThreadLocal.withInitial(() -> new byte[416]);

    private final WalletKey key;

    public PolymarketSigner(WalletKey key) {
        this.key = Objects.requireNonNull(key, "key");
    }

    /** The address of the signing key (the EOA). */
    public EthAddress address() {
        return key.address();
    }

    /** hashStruct(order) for the given struct layout. */
    public static byte[] structHash(ClobOrder order, OrderStruct struct) {
        byte[] buffer = STRUCT_BUFFER.get();
        int length = order.encode(struct, struct == OrderStruct.V1 ? V1_TYPEHASH : V2_TYPEHASH, buffer);
        return Keccak.hash(buffer, 0, length);
    }

    /** The EIP-712 digest of the order in the given exchange domain (the "order hash"). */
    public static byte[] orderDigest(ClobOrder order, ExchangeDomain domain) {
        return Eip712.digest(domain.rawSeparator(), structHash(order, domain.struct()));
    }

    /** The order hash as lowercase {@code 0x} hex. */
    public static String orderHash(ClobOrder order, ExchangeDomain domain) {
        return Hex.encode0x(orderDigest(order, domain));
    }

    /**
     * Validates the maker/signer/signature-type pairing, then signs.
     *
     * @throws SignatureSetupException when the pairing would be rejected as "invalid signature"
     */
    public SignedClobOrder sign(ClobOrder order, ExchangeDomain domain) {
        checkPairing(order, domain);
        if (order.signatureType() == SignatureType.POLY_1271) {
            return new SignedClobOrder(order, domain, depositWalletSignature(order, domain));
        }
        return new SignedClobOrder(order, domain, Hex.encode0x(key.signDigest(orderDigest(order, domain))));
    }

    /** Explains why the order's maker, signer and signature type do not fit this key and domain. */
    public void checkPairing(ClobOrder order, ExchangeDomain domain) {
        if (order.signatureType() == SignatureType.POLY_1271 && domain.struct() != OrderStruct.V2) {
            throw new SignatureSetupException("signatureType POLY_1271 (3) exists only on exchange V2 and "
                    + "later, but the domain is " + domain + ".");
        }
        checkAccounts(order.signatureType(), order.maker(), order.signer());
    }

    /** The domain-independent part of {@link #checkPairing}, so a client can refuse a bad setup when built. */
    public void checkAccounts(SignatureType type, EthAddress maker, EthAddress signer) {
        EthAddress own = key.address();
        switch (type) {
            case EOA -> {
                if (!signer.equals(own) || !maker.equals(own)) {
                    throw new SignatureSetupException("signatureType EOA (0) needs maker (funder) = signer = the key's "
                            + "address " + own + ", but maker is " + maker + " and signer is " + signer + ". If "
                            + maker + " is your Polymarket wallet, use POLY_PROXY (1) for email/Magic accounts or "
                            + "POLY_GNOSIS_SAFE (2) for browser-wallet accounts.");
                }
            }
            case POLY_PROXY, POLY_GNOSIS_SAFE -> {
                if (!signer.equals(own)) {
                    throw new SignatureSetupException("signatureType " + type + " needs signer = the "
                            + "key's address " + own + ", but signer is " + signer + ".");
                }
                if (maker.equals(own)) {
                    throw new SignatureSetupException("signatureType " + type + " needs maker = the "
                            + "funder (your " + (type == SignatureType.POLY_PROXY ? "proxy wallet"
                            : "Safe") + " address shown on polymarket.com), not the key's own address " + own
                            + "; for a plain wallet use EOA (0).");
                }
            }
            case POLY_1271 -> {
                if (!maker.equals(signer) || maker.equals(own)) {
                    throw new SignatureSetupException("signatureType POLY_1271 (3) needs maker = signer = the deposit "
                            + "wallet address (not the key's address " + own + "), but maker is " + maker
                            + " and signer is " + signer + ".");
                }
            }
            default -> throw new IllegalStateException("unhandled signature type " + type);
        }
    }

    /**
     * ERC-7739 wrapped signature for a deposit wallet: the key signs TypedDataSign(contents = order) under the
     * exchange domain; the wire form appends the app domain separator, the contents hash, the type string and
     * its uint16 length so the wallet can rebuild the hash.
     */
    private String depositWalletSignature(ClobOrder order, ExchangeDomain domain) {
        byte[] contentsHash = structHash(order, OrderStruct.V2);
        byte[] words = new byte[32 * 7];
        Eip712.putWord(words, 0, TYPED_DATA_SIGN_TYPEHASH);
        Eip712.putWord(words, 32, contentsHash);
        Eip712.putWord(words, 64, DEPOSIT_WALLET_NAME_HASH);
        Eip712.putWord(words, 96, DEPOSIT_WALLET_VERSION_HASH);
        Eip712.putUint(words, 128, domain.chainId());
        Eip712.putAddress(words, 160, order.maker().rawBytes());
        byte[] digest = Eip712.digest(domain.rawSeparator(), Keccak.hash(words));
        byte[] ecdsa = key.signDigest(digest);
        int typeLength = V2_TYPE_STRING_BYTES.length;
        byte[] wire = new byte[65 + 32 + 32 + typeLength + 2];
        System.arraycopy(ecdsa, 0, wire, 0, 65);
        System.arraycopy(domain.rawSeparator(), 0, wire, 65, 32);
        System.arraycopy(contentsHash, 0, wire, 97, 32);
        System.arraycopy(V2_TYPE_STRING_BYTES, 0, wire, 129, typeLength);
        wire[129 + typeLength] = (byte) (typeLength >>> 8);
        wire[130 + typeLength] = (byte) typeLength;
        return Hex.encode0x(wire);
    }

    /** The L1 ClobAuth signature; {@code timestamp} is unix seconds as the decimal string that is also sent. */
    public String clobAuthSignature(long chainId, String timestamp, long nonce) {
        Objects.requireNonNull(timestamp, "timestamp");
        if (nonce < 0) {
            throw new IllegalArgumentException("nonce must not be negative, got " + nonce);
        }
        byte[] words = new byte[32 * 5];
        Eip712.putWord(words, 0, CLOB_AUTH_TYPEHASH);
        Eip712.putAddress(words, 32, key.address().rawBytes());
        Eip712.putWord(words, 64, Keccak.hash(timestamp));
        Eip712.putUint(words, 96, nonce);
        Eip712.putWord(words, 128, CLOB_AUTH_MESSAGE_HASH);
        byte[] separator = Eip712.domainSeparator("ClobAuthDomain", "1", chainId, null);
        return Hex.encode0x(key.signDigest(Eip712.digest(separator, Keccak.hash(words))));
    }

    /** L1 headers for create/derive API key. */
    public Map<String, String> l1Headers(long chainId, long timestampSeconds, long nonce) {
        String timestamp = Long.toString(timestampSeconds);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("POLY_ADDRESS", key.address().toChecksumHex());
        headers.put("POLY_SIGNATURE", clobAuthSignature(chainId, timestamp, nonce));
        headers.put("POLY_TIMESTAMP", timestamp);
        headers.put("POLY_NONCE", Long.toString(nonce));
        return headers;
    }

    /** L2 headers; {@code body} must be the exact bytes that are sent (or null/empty for none). */
    public Map<String, String> l2Headers(ApiCredentials credentials, long timestampSeconds, String method,
            String requestPath, byte[] body) {
        String timestamp = Long.toString(timestampSeconds);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("POLY_ADDRESS", key.address().toChecksumHex());
        headers.put("POLY_SIGNATURE", hmacSignature(credentials.secret(), timestamp, method, requestPath, body));
        headers.put("POLY_TIMESTAMP", timestamp);
        headers.put("POLY_API_KEY", credentials.apiKey());
        headers.put("POLY_PASSPHRASE", credentials.passphrase());
        return headers;
    }

    /**
     * HMAC-SHA256 over {@code timestamp + method + requestPath + body} keyed with the url-safe base64 decoded
     * secret; url-safe base64 output with padding. A null or empty body is omitted.
     */
    public static String hmacSignature(String secret, String timestamp, String method, String requestPath,
            byte[] body) {
        byte[] keyBytes;
        try {
            keyBytes = Base64.getUrlDecoder().decode(secret.replace('+', '-').replace('/', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("API secret is not valid base64 (value not shown)");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(keyBytes, "HmacSHA256"));
            mac.update((timestamp + method + requestPath).getBytes(StandardCharsets.UTF_8));
            if (body != null && body.length > 0) {
                mac.update(body);
            }
            return Base64.getUrlEncoder().encodeToString(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    @Override
    public String toString() {
        return "PolymarketSigner[" + key.address() + "]";
    }
}
