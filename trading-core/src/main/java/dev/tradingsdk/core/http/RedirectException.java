package dev.tradingsdk.core.http;

import java.util.Optional;

/**
 * The venue answered with a redirect (3xx). {@link RestClient} never follows one: signed headers and signed
 * bodies are meant for the configured host only, and a re-sent order could execute twice. Not retryable; the
 * base URL is probably wrong (or the venue moved), which needs a human.
 */
public class RedirectException extends ApiException {

    private static final long serialVersionUID = 1L;

    private final String location;

    /** @param location origin (scheme, host, port) of the redirect target, or null if absent or unparseable */
    public RedirectException(ApiError error, String location) {
        super(error);
        this.location = location;
    }

    /** Where the venue pointed: scheme, host and port only (a path or query could hold tokens). */
    public Optional<String> location() {
        return Optional.ofNullable(location);
    }
}
