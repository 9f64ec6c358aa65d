package dev.tradingsdk.polymarket.signing;

import dev.tradingsdk.polymarket.internal.Hex;
import dev.tradingsdk.polymarket.internal.Secp256k1;
import java.math.BigInteger;

/**
 * An Ethereum private key. The only type holding key material: it never prints, logs or serialises the key
 * ({@link #toString()} shows the address only), and error messages never quote the input.
 */
public final class WalletKey {
    private final BigInteger privateKey;
    private final EthAddress address;

    private WalletKey(BigInteger privateKey) {
        this.privateKey = privateKey;
        this.address = EthAddress.ofBytes(Secp256k1.address(privateKey));
    }

    /** Parses a 32-byte private key in hex, with or without {@code 0x}. */
    public static WalletKey fromHex(String privateKeyHex) {
        byte[] bytes;
        try {
            bytes = Hex.decode(privateKeyHex == null ? null : privateKeyHex.strip(), "private key");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("private key is not valid hex (value not shown)");
        }
        if (bytes.length != 32) {
            throw new IllegalArgumentException("private key must be 32 bytes, got " + bytes.length + " (value not shown)");
        }
        BigInteger d = new BigInteger(1, bytes);
        if (!Secp256k1.isValidPrivateKey(d)) {
            throw new IllegalArgumentException("private key is outside the secp256k1 range (value not shown)");
        }
        return new WalletKey(d);
    }

    /** The address this key signs for (the EOA). */
    public EthAddress address() {
        return address;
    }

    /** Signs a 32-byte digest without any prefix; returns r ‖ s ‖ v (v = 27/28). */
    public byte[] signDigest(byte[] digest32) {
        return Secp256k1.sign(digest32, privateKey);
    }

    @Override
    public String toString() {
        return "WalletKey[address=" + address + "]";
    }
}
