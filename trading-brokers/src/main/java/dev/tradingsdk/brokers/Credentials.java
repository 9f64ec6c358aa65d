package dev.tradingsdk.brokers;

import dev.tradingsdk.core.http.Secret;
import java.util.Map;
import java.util.Objects;

/**
 * An API key id and its secret. Never prints either: {@code toString} shows only the first and last two
 * characters of the key id, so logs can tell accounts apart without leaking them. Not serializable.
 */
public final class Credentials {

    private final String keyId;
    private final Secret secret;

    private Credentials(String keyId, Secret secret) {
        if (keyId == null || keyId.isBlank()) {
            throw new IllegalArgumentException("credentials need a non-blank key id");
        }
        this.keyId = keyId;
        this.secret = Objects.requireNonNull(secret, "secret");
    }

    public static Credentials of(String keyId, Secret secret) {
        return new Credentials(keyId, secret);
    }

    public static Credentials of(String keyId, String secret) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("credentials need a non-empty secret");
        }
        return new Credentials(keyId, Secret.of(secret));
    }

    /**
     * Reads the key id and secret from {@code env} (normally {@link System#getenv()}); a missing or blank
     * variable fails naming the variable, never its value.
     */
    public static Credentials fromEnvironment(Map<String, String> env, String keyIdVariable, String secretVariable) {
        return new Credentials(variable(env, keyIdVariable), Secret.of(variable(env, secretVariable)));
    }

    private static String variable(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("environment variable " + name + " is not set");
        }
        return value.trim();
    }

    /** The key id, for the header that needs it; never log it whole. */
    public String keyId() {
        return keyId;
    }

    public Secret secret() {
        return secret;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Credentials c && keyId.equals(c.keyId) && secret.equals(c.secret);
    }

    @Override
    public int hashCode() {
        return keyId.hashCode();
    }

    @Override
    public String toString() {
        String shown = keyId.length() > 8 ? keyId.substring(0, 2) + "…" + keyId.substring(keyId.length() - 2)
                : "…";
        return "Credentials[keyId=" + shown + ", secret=***]";
    }
}
