package dev.tradingsdk.polymarket.internal;

import java.math.BigInteger;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

/**
 * Ethereum-style ECDSA over secp256k1 with RFC 6979 deterministic nonces.
 *
 * <p>The recovery id comes straight from the nonce point R (y parity, flipped when s is normalised to the
 * low half), so unlike web3j's {@code Sign.signMessage} no public-key recovery is needed to find v.
 * The resulting (r, s, v) are identical to web3j's, which also uses HMacDSAKCalculator(SHA-256).
 */
public final class Secp256k1 {
    private static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256k1");
    private static final ECPoint G = CURVE.getG();
    private static final BigInteger N = CURVE.getN();
    private static final BigInteger HALF_N = N.shiftRight(1);
    private static final FixedPointCombMultiplier MULTIPLIER = new FixedPointCombMultiplier();

    private Secp256k1() {
    }

    /** True if {@code d} is a valid private scalar (1 ≤ d < n). */
    public static boolean isValidPrivateKey(BigInteger d) {
        return d.signum() > 0 && d.compareTo(N) < 0;
    }

    /** The 20-byte Ethereum address of the private key {@code d}. */
    public static byte[] address(BigInteger d) {
        byte[] uncompressed = MULTIPLIER.multiply(G, d).normalize().getEncoded(false);
        byte[] hash = Keccak.hash(uncompressed, 1, 64);
        byte[] address = new byte[20];
        System.arraycopy(hash, 12, address, 0, 20);
        return address;
    }

    /** Signs a 32-byte digest as is (no prefix); returns r(32) ‖ s(32) ‖ v(1) with v = 27 + recovery id. */
    public static byte[] sign(byte[] digest32, BigInteger d) {
        if (digest32.length != 32) {
            throw new IllegalArgumentException("digest must be 32 bytes, got " + digest32.length);
        }
        HMacDSAKCalculator nonces = new HMacDSAKCalculator(new SHA256Digest());
        nonces.init(N, d, digest32);
        BigInteger e = new BigInteger(1, digest32);
        while (true) {
            BigInteger k = nonces.nextK();
            ECPoint point = MULTIPLIER.multiply(G, k).normalize();
            BigInteger x = point.getAffineXCoord().toBigInteger();
            BigInteger r = x.mod(N);
            if (r.signum() == 0) {
                continue;
            }
            BigInteger s = k.modInverse(N).multiply(e.add(d.multiply(r))).mod(N);
            if (s.signum() == 0) {
                continue;
            }
            int recoveryId = point.getAffineYCoord().testBitZero() ? 1 : 0;
            if (x.compareTo(N) >= 0) {
                recoveryId |= 2;
            }
            if (s.compareTo(HALF_N) > 0) {
                s = N.subtract(s);
                recoveryId ^= 1;
            }
            byte[] signature = new byte[65];
            writeUnsigned(r, signature, 0);
            writeUnsigned(s, signature, 32);
            signature[64] = (byte) (27 + recoveryId);
            return signature;
        }
    }

    private static void writeUnsigned(BigInteger value, byte[] out, int offset) {
        byte[] bytes = value.toByteArray();
        int skip = bytes.length > 32 ? bytes.length - 32 : 0;
        int length = bytes.length - skip;
        System.arraycopy(bytes, skip, out, offset + 32 - length, length);
    }
}
