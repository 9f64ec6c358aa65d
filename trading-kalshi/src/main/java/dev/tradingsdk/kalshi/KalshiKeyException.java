package dev.tradingsdk.kalshi;

/**
 * A private key file or text that cannot be used for signing: not PEM, encrypted, a public key, or an
 * unsupported algorithm. The message says what was wrong and never contains key material.
 */
public final class KalshiKeyException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public KalshiKeyException(String message) {
        super(message);
    }

    public KalshiKeyException(String message, Throwable cause) {
        super(message, cause);
    }
}
