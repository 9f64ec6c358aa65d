package dev.tradingsdk.core.http;

/** HTTP methods used by venue APIs, with whether repeating one is safe by definition (RFC 9110 §9.2.2). */
public enum HttpMethod {
    GET(true, false),
    HEAD(true, false),
    DELETE(true, false),
    PUT(true, true),
    POST(false, true),
    PATCH(false, true);

    private final boolean idempotent;
    private final boolean hasBody;

    HttpMethod(boolean idempotent, boolean hasBody) {
        this.idempotent = idempotent;
        this.hasBody = hasBody;
    }

    public boolean idempotent() {
        return idempotent;
    }

    /** Whether OkHttp requires a body for this method (an empty one is sent if none was given). */
    public boolean requiresBody() {
        return hasBody;
    }
}
