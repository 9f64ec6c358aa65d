package dev.tradingsdk.core.http;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A successful (2xx) response read in full.
 *
 * @param statusCode the HTTP status
 * @param headers    response headers, names in lower case
 * @param body       the body bytes (possibly empty)
 */
public record RestResponse(int statusCode, Map<String, List<String>> headers, byte[] body) {

    public RestResponse {
        headers = Map.copyOf(headers);
        body = body == null ? new byte[0] : body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** First value of a header, case-insensitively (e.g. a rate-limit usage header). */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RestResponse r && statusCode == r.statusCode && headers.equals(r.headers)
            && Arrays.equals(body, r.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(statusCode, headers, Arrays.hashCode(body));
    }

    @Override
    public String toString() {
        return "RestResponse[HTTP " + statusCode + ", body " + body.length + " bytes]";
    }
}
