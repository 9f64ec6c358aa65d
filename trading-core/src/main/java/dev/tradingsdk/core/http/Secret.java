package dev.tradingsdk.core.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;

/**
 * A credential (API key secret, passphrase, bearer token) that never shows itself in {@code toString}, logs or
 * exception messages. Read it only where it is used, with {@link #reveal()} or {@link #bytes()}.
 */
public final class Secret {

    private final byte[] value;

    private Secret(byte[] value) {
        this.value = value;
    }

    public static Secret of(String value) {
        Objects.requireNonNull(value, "value");
        if (value.isEmpty()) {
            throw new IllegalArgumentException("secret must not be empty");
        }
        return new Secret(value.getBytes(StandardCharsets.UTF_8));
    }

    /** The secret as text, for the signer or header that needs it; never log the result. */
    public String reveal() {
        return new String(value, StandardCharsets.UTF_8);
    }

    /** A copy of the secret's UTF-8 bytes, e.g. an HMAC key. */
    public byte[] bytes() {
        return value.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret s && MessageDigest.isEqual(value, s.value);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return "Secret[***]";
    }
}
