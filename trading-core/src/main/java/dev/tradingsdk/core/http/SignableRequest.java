package dev.tradingsdk.core.http;

import java.util.Arrays;
import java.util.Objects;

/**
 * What a {@link RequestSigner} sees of one attempt: exactly what goes on the wire.
 *
 * @param method HTTP method
 * @param path   the full encoded path of the URL, including any base-URL prefix, without the query
 *               (e.g. {@code /trade-api/v2/portfolio/orders})
 * @param query  the encoded query string without {@code ?}, or empty
 * @param body   the exact body bytes that will be sent (empty for none); a copy, so the signer cannot alter them
 */
public record SignableRequest(HttpMethod method, String path, String query, byte[] body) {

    public SignableRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(query, "query");
        body = body == null ? new byte[0] : body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    /** Path plus {@code ?query} when there is a query. */
    public String pathWithQuery() {
        return query.isEmpty() ? path : path + "?" + query;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SignableRequest r && method == r.method && path.equals(r.path) && query.equals(r.query)
            && Arrays.equals(body, r.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, path, query, Arrays.hashCode(body));
    }

    @Override
    public String toString() {
        return "SignableRequest[" + method + " " + path + (query.isEmpty() ? "" : " (query " + query.length()
            + " chars)") + ", body " + body.length + " bytes]";
    }
}
