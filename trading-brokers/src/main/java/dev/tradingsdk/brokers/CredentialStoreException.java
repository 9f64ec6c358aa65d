package dev.tradingsdk.brokers;

/** A credential store could not be opened, read or written; the message names the file, never a secret. */
public final class CredentialStoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CredentialStoreException(String message) {
        super(message);
    }

    public CredentialStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
