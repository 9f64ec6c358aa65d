package dev.tradingsdk.core.http;

/**
 * Adds authentication to each attempt of a call (called again on every retry, so timestamps are fresh).
 * Implementations hold secrets: their {@code toString} must not reveal them.
 */
@FunctionalInterface
public interface RequestSigner {

    /**
     * @param request what will be sent: method, path, query and the exact body bytes
     * @param output  where the signer puts headers and any query parameters to append (e.g. a signature)
     */
    void sign(SignableRequest request, SignatureOutput output);

    /** Signs nothing. */
    static RequestSigner none() {
        return (request, output) -> { };
    }

    /** What a signer may add to a request. */
    interface SignatureOutput {

        /** Sets a header (replacing any default header of the same name). */
        SignatureOutput header(String name, String value);

        /** Appends a query parameter after the existing ones; the value is encoded by the client. */
        SignatureOutput queryParameter(String name, String value);
    }
}
