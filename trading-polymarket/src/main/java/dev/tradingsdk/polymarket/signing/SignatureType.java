package dev.tradingsdk.polymarket.signing;

/** How the exchange verifies an order signature; the wire value is {@link #code()}. */
public enum SignatureType {
    /** A plain wallet: maker = signer = the key's address. */
    EOA(0),
    /** Polymarket proxy wallet (email/Magic accounts): maker = proxy wallet, signer = the key's address. */
    POLY_PROXY(1),
    /** Gnosis Safe (browser-wallet accounts): maker = the Safe, signer = the key's address. */
    POLY_GNOSIS_SAFE(2),
    /** EIP-1271 deposit wallet (V2+ only): maker = signer = the deposit wallet; ERC-7739 wrapped signature. */
    POLY_1271(3);

    private final int code;

    SignatureType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static SignatureType ofCode(int code) {
        for (SignatureType type : values()) {
            if (type.code == code) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown signatureType " + code + " (expected 0..3)");
    }
}
