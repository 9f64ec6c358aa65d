package dev.tradingsdk.polymarket.internal;

import java.nio.charset.StandardCharsets;
import org.bouncycastle.crypto.digests.KeccakDigest;

/** Keccak-256 (Ethereum's pre-standard SHA-3) with a per-thread digest, so hashing allocates only the result. */
public final class Keccak {
    private static final ThreadLocal<KeccakDigest> DIGEST = ThreadLocal.withInitial(() -> new KeccakDigest(256));

    private Keccak() {
    }

    public static byte[] hash(byte[] input) {
        return hash(input, 0, input.length);
    }

    public static byte[] hash(byte[] input, int offset, int length) {
        byte[] out = new byte[32];
        hashInto(input, offset, length, out, 0);
        return out;
    }

    /** Hashes {@code input[offset, offset+length)} into {@code out[outOffset, outOffset+32)}. */
    public static void hashInto(byte[] input, int offset, int length, byte[] out, int outOffset) {
        KeccakDigest digest = DIGEST.get();
        digest.update(input, offset, length);
        digest.doFinal(out, outOffset);
    }

    public static byte[] hash(String utf8) {
        return hash(utf8.getBytes(StandardCharsets.UTF_8));
    }
}
