package dev.tradingsdk.polymarket.internal;

/** Lowercase hex with an optional {@code 0x} prefix, as Ethereum tooling writes it. */
public final class Hex {
    private static final char[] DIGITS = "0123456789abcdef".toCharArray();

    private Hex() {
    }

    public static String encode0x(byte[] bytes) {
        char[] out = new char[2 + bytes.length * 2];
        out[0] = '0';
        out[1] = 'x';
        for (int i = 0; i < bytes.length; i++) {
            out[2 + 2 * i] = DIGITS[(bytes[i] >> 4) & 0xF];
            out[3 + 2 * i] = DIGITS[bytes[i] & 0xF];
        }
        return new String(out);
    }

    /** Decodes hex with or without {@code 0x}; {@code field} names the input in the error message. */
    public static byte[] decode(String hex, String field) {
        if (hex == null) {
            throw new IllegalArgumentException(field + " must not be null");
        }
        String digits = hex.startsWith("0x") || hex.startsWith("0X") ? hex.substring(2) : hex;
        if (digits.length() % 2 != 0) {
            throw new IllegalArgumentException(field + " has an odd number of hex digits");
        }
        byte[] out = new byte[digits.length() / 2];
        for (int i = 0; i < out.length; i++) {
            int hi = Character.digit(digits.charAt(2 * i), 16);
            int lo = Character.digit(digits.charAt(2 * i + 1), 16);
            if (hi < 0 || lo < 0) {
                throw new IllegalArgumentException(field + " is not hex");
            }
            out[i] = (byte) ((hi << 4) | lo);
        }
        return out;
    }
}
