package dev.tradingsdk.polymarket.internal;

import java.math.BigInteger;

/** EIP-712 building blocks: 32-byte ABI words, domain separators and the final 0x1901 digest. */
public final class Eip712 {
    public static final byte[] DOMAIN_WITH_CONTRACT_TYPEHASH = Keccak.hash(
            "EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)");
    public static final byte[] DOMAIN_WITHOUT_CONTRACT_TYPEHASH = Keccak.hash(
            "EIP712Domain(string name,string version,uint256 chainId)");

    private static final ThreadLocal<byte[]> DIGEST_INPUT = ThreadLocal.withInitial(() -> {
        byte[] buffer = new byte[66];
        buffer[0] = 0x19;
        buffer[1] = 0x01;
        return buffer;
    });

    private Eip712() {
    }

    /** Domain separator; {@code verifyingContract} may be null for domains without one (ClobAuth). */
    public static byte[] domainSeparator(String name, String version, long chainId, byte[] verifyingContract) {
        byte[] words = new byte[verifyingContract == null ? 128 : 160];
        System.arraycopy(verifyingContract == null ? DOMAIN_WITHOUT_CONTRACT_TYPEHASH : DOMAIN_WITH_CONTRACT_TYPEHASH,
                0, words, 0, 32);
        System.arraycopy(Keccak.hash(name), 0, words, 32, 32);
        System.arraycopy(Keccak.hash(version), 0, words, 64, 32);
        putUint(words, 96, chainId);
        if (verifyingContract != null) {
            putAddress(words, 128, verifyingContract);
        }
        return Keccak.hash(words);
    }

    /** keccak256(0x19 0x01 ‖ domainSeparator ‖ structHash). */
    public static byte[] digest(byte[] domainSeparator, byte[] structHash) {
        byte[] input = DIGEST_INPUT.get();
        System.arraycopy(domainSeparator, 0, input, 2, 32);
        System.arraycopy(structHash, 0, input, 34, 32);
        return Keccak.hash(input);
    }

    /** Writes a non-negative long as a uint256 word (the buffer's word must already be zero or is overwritten). */
    public static void putUint(byte[] out, int offset, long value) {
        if (value < 0) {
            throw new IllegalArgumentException("uint256 value must not be negative: " + value);
        }
        for (int i = 0; i < 24; i++) {
            out[offset + i] = 0;
        }
        for (int i = 0; i < 8; i++) {
            out[offset + 31 - i] = (byte) (value >>> (8 * i));
        }
    }

    /** Writes a 32-byte big-endian word prepared earlier (see {@link #uint256Word(BigInteger)}). */
    public static void putWord(byte[] out, int offset, byte[] word32) {
        System.arraycopy(word32, 0, out, offset, 32);
    }

    public static void putAddress(byte[] out, int offset, byte[] address20) {
        for (int i = 0; i < 12; i++) {
            out[offset + i] = 0;
        }
        System.arraycopy(address20, 0, out, offset + 12, 20);
    }

    /** A uint256 as its 32-byte big-endian word; rejects negative values and values above 2^256 − 1. */
    public static byte[] uint256Word(BigInteger value, String field) {
        if (value.signum() < 0 || value.bitLength() > 256) {
            throw new IllegalArgumentException(field + " must be a uint256, got " + value);
        }
        byte[] bytes = value.toByteArray();
        byte[] word = new byte[32];
        int skip = bytes.length > 32 ? bytes.length - 32 : 0;
        System.arraycopy(bytes, skip, word, 32 - (bytes.length - skip), bytes.length - skip);
        return word;
    }
}
