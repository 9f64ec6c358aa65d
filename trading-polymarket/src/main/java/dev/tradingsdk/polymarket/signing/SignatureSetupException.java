package dev.tradingsdk.polymarket.signing;

/**
 * The maker (funder), signer and signature type do not fit together. This is the most common cause of the
 * server's "invalid signature" answer, so it is checked before signing and the message says what to change.
 */
public final class SignatureSetupException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public SignatureSetupException(String message) {
        super(message);
    }
}
