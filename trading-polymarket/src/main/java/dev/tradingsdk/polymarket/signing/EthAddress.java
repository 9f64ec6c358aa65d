package dev.tradingsdk.polymarket.signing;

import dev.tradingsdk.polymarket.internal.Hex;
import dev.tradingsdk.polymarket.internal.Keccak;
import java.util.Arrays;
import java.util.Locale;

/** A 20-byte Ethereum address; prints in EIP-55 checksummed form. */
public final class EthAddress {
    public static final EthAddress ZERO = new EthAddress(new byte[20]);

    private final byte[] bytes;

    private EthAddress(byte[] bytes) {
        this.bytes = bytes;
    }

    /**
     * Parses {@code 0x} + 40 hex digits. A mixed-case address must carry a valid EIP-55 checksum, which catches
     * typing mistakes in funder addresses before they turn into "invalid signature" answers.
     */
    public static EthAddress of(String hex) {
        if (hex == null || !(hex.startsWith("0x") || hex.startsWith("0X")) || hex.length() != 42) {
            throw new IllegalArgumentException("address must be 0x followed by 40 hex digits, got " + hex);
        }
        byte[] bytes = Hex.decode(hex, "address " + hex);
        String digits = hex.substring(2);
        boolean mixedCase = !digits.equals(digits.toLowerCase(Locale.ROOT))
                && !digits.equals(digits.toUpperCase(Locale.ROOT));
        if (mixedCase && !checksummed(digits.toLowerCase(Locale.ROOT)).substring(2).equals(digits)) {
            throw new IllegalArgumentException("address " + hex + " has a wrong EIP-55 checksum");
        }
        return new EthAddress(bytes);
    }

    /** Wraps 20 raw bytes (copied). */
    public static EthAddress ofBytes(byte[] bytes) {
        if (bytes.length != 20) {
            throw new IllegalArgumentException("address must be 20 bytes, got " + bytes.length);
        }
        return new EthAddress(bytes.clone());
    }

    /** The raw bytes (a copy). */
    public byte[] toBytes() {
        return bytes.clone();
    }

    byte[] rawBytes() {
        return bytes;
    }

    /** Lowercase {@code 0x} hex. */
    public String toLowerHex() {
        return Hex.encode0x(bytes);
    }

    /** EIP-55 checksummed {@code 0x} hex. */
    public String toChecksumHex() {
        return checksummed(toLowerHex().substring(2));
    }

    /**
     * EIP-55: hex digit i is upper case when nibble i of keccak256(the 40 lower-case hex digits as ASCII) is 8 or
     * more.
     */
    private static String checksummed(String lowerDigits) {
        byte[] hash = Keccak.hash(lowerDigits);
        StringBuilder out = new StringBuilder(42).append("0x");
        for (int i = 0; i < lowerDigits.length(); i++) {
            char c = lowerDigits.charAt(i);
            int nibble = (hash[i >> 1] >> ((i & 1) == 0 ? 4 : 0)) & 0xF;
            out.append(c >= 'a' && nibble >= 8 ? Character.toUpperCase(c) : c);
        }
        return out.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EthAddress && Arrays.equals(bytes, ((EthAddress) other).bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return toChecksumHex();
    }
}
