package dev.tradingsdk.core.http;

/** Credentials were rejected or lack permission (401/403). */
public class AuthenticationException extends ApiException {

    private static final long serialVersionUID = 1L;

    public AuthenticationException(ApiError error) {
        super(error);
    }

    public AuthenticationException(ApiError error, Throwable cause) {
        super(error, cause);
    }
}
