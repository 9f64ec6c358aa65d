package dev.tradingsdk.polymarket.signing;

import java.util.Objects;

/** L2 API credentials from create/derive API key. Secret and passphrase never appear in {@link #toString()}. */
public final class ApiCredentials {
    private final String apiKey;
    private final String secret;
    private final String passphrase;

    public ApiCredentials(String apiKey, String secret, String passphrase) {
        this.apiKey = requireText(apiKey, "apiKey");
        this.secret = requireText(secret, "secret");
        this.passphrase = requireText(passphrase, "passphrase");
    }

    private static String requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        return value;
    }

    public String apiKey() {
        return apiKey;
    }

    public String secret() {
        return secret;
    }

    public String passphrase() {
        return passphrase;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ApiCredentials o && apiKey.equals(o.apiKey) && secret.equals(o.secret)
                && passphrase.equals(o.passphrase);
    }

    @Override
    public int hashCode() {
        return Objects.hash(apiKey, secret, passphrase);
    }

    @Override
    public String toString() {
        return "ApiCredentials[apiKey=" + apiKey + ", secret=***, passphrase=***]";
    }
}
