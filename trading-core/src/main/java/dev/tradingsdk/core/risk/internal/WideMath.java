package dev.tradingsdk.core.risk.internal;

import java.math.BigInteger;

/** Exact comparisons of products of raw values, with a 128-bit intermediate so limits never overflow. */
public final class WideMath {

    private WideMath() {
    }

    /** Compares {@code a × b} with {@code c × d} exactly: negative, zero or positive. */
    public static int compareProducts(long a, long b, long c, long d) {
        long leftHigh = Math.multiplyHigh(a, b);
        long leftLow = a * b;
        long rightHigh = Math.multiplyHigh(c, d);
        long rightLow = c * d;
        if (fitsLong(leftHigh, leftLow) && fitsLong(rightHigh, rightLow)) {
            return Long.compare(leftLow, rightLow);
        }
        return BigInteger.valueOf(a).multiply(BigInteger.valueOf(b))
                .compareTo(BigInteger.valueOf(c).multiply(BigInteger.valueOf(d)));
    }

    private static boolean fitsLong(long high, long low) {
        return (high == 0 && low >= 0) || (high == -1 && low < 0);
    }
}
