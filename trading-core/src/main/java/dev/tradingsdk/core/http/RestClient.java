package dev.tradingsdk.core.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tradingsdk.core.http.internal.OneShotRequestBody;
import dev.tradingsdk.core.http.internal.RetryAfterParser;
import dev.tradingsdk.core.http.internal.TokenBucket;
import dev.tradingsdk.core.internal.SingleAssignment;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.nio.channels.ClosedByInterruptException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A blocking JSON-over-HTTP client for one venue API: OkHttp underneath, Jackson for bodies, with signing,
 * retries, rate limits and typed errors. Thread-safe; share one per venue and credential set.
 *
 * <pre>{@code
 * RestClient client = RestClient.builder("binance", "https://api.binance.com")
 *     .rateLimit(RateLimit.of(20, Duration.ofSeconds(1)))
 *     .build();
 * JsonNode price = client.get("/api/v3/ticker/price").query("symbol", "BTCUSDT").executeJson();
 * }</pre>
 *
 * <p>Nothing secret is logged or put in exception messages: only venue, operation, method and path (never the
 * query string, headers or bodies).
 */
public final class RestClient {

    private static final Logger LOG = LoggerFactory.getLogger(RestClient.class);
    private static final String DEFAULT_USER_AGENT = "trading-sdk";

    private final String venue;
    private final String baseUrl;
    private final OkHttpClient http;
    private final ObjectMapper json;
    private final RequestSigner signer;
    private final Map<String, String> defaultHeaders;
    private final RetryPolicy retry;
    private final TokenBucket clientLimit;
    private final Map<String, TokenBucket> groupLimits;
    private final ErrorMapper errorMapper;
    private final TimeSource time;
    private final RandomGenerator random;
    private final List<String> requestIdHeaders;
    private final String idempotencyKeyHeader;
    private final long maxResponseBytes;

    private RestClient(Builder b) {
        this.venue = b.venue;
        this.baseUrl = b.baseUrl;
        OkHttpClient.Builder okBuilder = b.okHttp == null ? new OkHttpClient.Builder() : b.okHttp.newBuilder();
        // OkHttp would otherwise silently repeat a POST after some connection failures; retrying is our decision.
        // Redirects are never followed: OkHttp would carry signed headers and bodies to whatever host is named.
        this.http = okBuilder
            .followRedirects(false)
            .followSslRedirects(false)
            .connectTimeout(b.connectTimeout.toMillis(), TimeUnit.MILLISECONDS)
            .readTimeout(b.readTimeout.toMillis(), TimeUnit.MILLISECONDS)
            .writeTimeout(b.readTimeout.toMillis(), TimeUnit.MILLISECONDS)
            .callTimeout(b.callTimeout.toMillis(), TimeUnit.MILLISECONDS)
            .retryOnConnectionFailure(false)
            .build();
        this.json = b.objectMapper != null ? b.objectMapper : defaultObjectMapper();
        this.signer = b.signer;
        Map<String, String> headers = new LinkedHashMap<>(b.defaultHeaders);
        if (b.userAgent != null || headers.keySet().stream().noneMatch("User-Agent"::equalsIgnoreCase)) {
            headers.put("User-Agent", b.userAgent == null ? DEFAULT_USER_AGENT : b.userAgent);
        }
        this.defaultHeaders = Map.copyOf(headers);
        this.retry = b.retry;
        this.time = b.time;
        this.clientLimit = b.clientLimit == null ? null : new TokenBucket(venue, b.clientLimit, time);
        Map<String, TokenBucket> groups = new TreeMap<>();
        b.groupLimits.forEach((group, limit) -> groups.put(group, new TokenBucket(venue + "/" + group, limit, time)));
        this.groupLimits = Map.copyOf(groups);
        this.errorMapper = b.errorMapper;
        this.random = b.random;
        this.requestIdHeaders = List.copyOf(b.requestIdHeaders);
        this.idempotencyKeyHeader = b.idempotencyKeyHeader;
        this.maxResponseBytes = b.maxResponseBytes;
    }

    /** Starts a client for {@code venue} (used in errors and logs) at {@code baseUrl} (may include a path prefix). */
    public static Builder builder(String venue, String baseUrl) {
        return new Builder(venue, baseUrl);
    }

    /** Jackson configured the way venue APIs need: unknown fields ignored, big decimals kept exact. */
    public static ObjectMapper defaultObjectMapper() {
        return new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS, true);
    }

    public RestCall get(String path) {
        return request(HttpMethod.GET, path);
    }

    public RestCall post(String path) {
        return request(HttpMethod.POST, path);
    }

    public RestCall put(String path) {
        return request(HttpMethod.PUT, path);
    }

    public RestCall patch(String path) {
        return request(HttpMethod.PATCH, path);
    }

    public RestCall delete(String path) {
        return request(HttpMethod.DELETE, path);
    }

    /** A call to {@code path} (relative to the base URL, already percent-encoded). */
    public RestCall request(HttpMethod method, String path) {
        return new RestCall(this, method, path);
    }

    public String venue() {
        return venue;
    }

    public ObjectMapper objectMapper() {
        return json;
    }

    /** The configured OkHttp client, e.g. to open a {@link ReconnectingWebSocket} on the same connection pool. */
    public OkHttpClient okHttpClient() {
        return http;
    }

    @FunctionalInterface
    interface BodyDecoder<T> {
        T decode(byte[] body) throws IOException;
    }

    RestResponse executeRaw(RestCall call) {
        return send(call);
    }

    <T> T executeJson(RestCall call, Function<? super JsonNode, ? extends T> decoder) {
        return execute(call, bytes -> {
            JsonNode tree = json.readTree(bytes);
            try {
                return decoder.apply(tree);
            } catch (IllegalArgumentException | ArithmeticException e) {
                throw new PayloadShapeFailure(e);
            }
        }, "JSON");
    }

    /** Carries a venue decoder's own failure past the Jackson handling, which must not quote messages. */
    private static final class PayloadShapeFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        PayloadShapeFailure(RuntimeException cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }

    <T> T execute(RestCall call, BodyDecoder<T> decoder, String targetName) {
        RestResponse response = send(call);
        byte[] body = response.body();
        String endpoint = endpoint(call);
        if (body.length == 0) {
            throw decodingFailure(call, endpoint, response, "empty body, expected " + targetName, null);
        }
        try {
            return decoder.decode(body);
        } catch (PayloadShapeFailure e) {
            throw decodingFailure(call, endpoint, response, e.getMessage(), e.getCause());
        } catch (JsonProcessingException e) {
            // Jackson's own message quotes the offending token, which may be an API secret: only the kind of failure,
            // its position and the field path are reported, and the Jackson exception is not kept as the cause.
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + " column "
                + e.getLocation().getColumnNr();
            String path = e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()
                ? " (field " + fieldPath(mapping) + ")" : "";
            throw decodingFailure(call, endpoint, response, "malformed JSON for " + targetName + where + path + ": "
                + e.getClass().getSimpleName(), null);
        } catch (IOException | RuntimeException e) {
            throw decodingFailure(call, endpoint, response, "cannot decode " + targetName + ": "
                + e.getClass().getSimpleName(), null);
        }
    }

    private static String fieldPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private ResponseDecodingException decodingFailure(RestCall call, String endpoint, RestResponse response,
                                                      String message, Throwable cause) {
        ApiError error = new ApiError(venue, call.operationName(), endpoint, response.statusCode(), null, message,
            requestId(response.headers()), false, null);
        return new ResponseDecodingException(error, cause);
    }

    private RestResponse send(RestCall call) {
        String endpoint = endpoint(call);
        boolean mayRetry = call.method().idempotent() || call.idempotencyKeyValue() != null;
        TokenBucket group = groupBucket(call);
        long start = time.nanoTime();
        long deadline = start + retry.totalDeadline().toNanos();
        for (int attempt = 1; ; attempt++) {
            ApiException failure;
            try {
                acquire(group, call.permits());
                failure = null;
                Request request = buildRequest(call);
                long sentAt = time.nanoTime();
                try (Response response = http.newCall(request).execute()) {
                    Map<String, List<String>> headers = lowerCaseHeaders(response);
                    LOG.debug("{} {} {} -> HTTP {} in {} ms (attempt {})", venue, call.operationName(), endpoint,
                        response.code(), (time.nanoTime() - sentAt) / 1_000_000, attempt);
                    if (response.code() >= 300 && response.code() <= 399) {
                        failure = redirectFailure(call, endpoint, response, headers);
                    } else if (response.isSuccessful()) {
                        byte[] bytes = readBody(response.body(), true);
                        if (bytes == null) {
                            failure = tooLarge(call, endpoint, response, headers);
                        } else {
                            return new RestResponse(response.code(), headers, bytes);
                        }
                    } else {
                        failure = mapError(call, endpoint, response.code(), headers, readBody(response.body(), false));
                    }
                }
            } catch (IOException e) {
                if (interrupted(e)) {
                    Thread.currentThread().interrupt();
                    throw transportFailure(call, endpoint, TransportException.Kind.INTERRUPTED, e);
                }
                failure = transportFailure(call, endpoint, timedOut(e) ? TransportException.Kind.TIMEOUT
                    : TransportException.Kind.CONNECTION, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw transportFailure(call, endpoint, TransportException.Kind.INTERRUPTED, e);
            }
            Duration wait = retryWait(failure, attempt, mayRetry, deadline);
            if (wait == null) {
                throw failure;
            }
            LOG.info("{} {} {}: attempt {}/{} failed ({}), retrying in {} ms", venue, call.operationName(), endpoint,
                attempt, retry.maxAttempts(), failure.httpStatus() > 0 ? "HTTP " + failure.httpStatus()
                    : failure.getClass().getSimpleName(), wait.toMillis());
            try {
                time.sleepNanos(wait.toNanos());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                TransportException interrupted = transportFailure(call, endpoint, TransportException.Kind.INTERRUPTED,
                    e);
                // The attempt before the wait may have reached the venue: keep what it said.
                interrupted.addSuppressed(failure);
                throw interrupted;
            }
        }
    }

    /**
     * Whether an I/O failure means the caller's thread was interrupted (Okio reports that as an
     * {@link InterruptedIOException} "interrupted", NIO as {@link ClosedByInterruptException}) rather than a timeout.
     */
    private static boolean interrupted(IOException e) {
        if (Thread.currentThread().isInterrupted() || e instanceof ClosedByInterruptException) {
            return true;
        }
        return e instanceof InterruptedIOException && !timedOut(e);
    }

    private static boolean timedOut(IOException e) {
        // A socket read/connect timeout, or OkHttp's call timeout (an InterruptedIOException named "timeout").
        return e instanceof SocketTimeoutException
            || e instanceof InterruptedIOException && "timeout".equals(e.getMessage());
    }

    /**
     * The body, at most {@code maxResponseBytes}; for a success a larger one gives null (the caller reports it), an
     * error body is cut at the limit since only its first bytes are parsed for a code and message.
     */
    private byte[] readBody(ResponseBody body, boolean success) throws IOException {
        if (body == null) {
            return new byte[0];
        }
        if (success && body.contentLength() > maxResponseBytes) {
            return null;
        }
        BufferedSource source = body.source();
        boolean more = source.request(maxResponseBytes + 1);
        if (more && success) {
            return null;
        }
        return source.getBuffer().readByteArray(Math.min(source.getBuffer().size(), maxResponseBytes));
    }

    private ResponseTooLargeException tooLarge(RestCall call, String endpoint, Response response,
                                               Map<String, List<String>> headers) {
        long declared = response.body() == null ? -1 : response.body().contentLength();
        String message = "response body " + (declared > maxResponseBytes ? "of " + declared + " bytes " : "")
            + "exceeds maxResponseBytes " + maxResponseBytes;
        ApiError error = new ApiError(venue, call.operationName(), endpoint, response.code(), null, message,
            requestId(headers), false, null);
        return new ResponseTooLargeException(error, maxResponseBytes);
    }

    private RedirectException redirectFailure(RestCall call, String endpoint, Response response,
                                              Map<String, List<String>> headers) {
        String header = response.header("Location");
        HttpUrl target = header == null ? null : response.request().url().resolve(header);
        String origin = target == null ? null : target.scheme() + "://" + target.host() + ":" + target.port();
        ApiError error = new ApiError(venue, call.operationName(), endpoint, response.code(), null,
            "redirect to " + (origin == null ? "an unknown location" : origin) + " not followed (venue calls go to the"
                + " configured base URL only)", requestId(headers), false, null);
        return new RedirectException(error, origin);
    }

    /** The wait before the next attempt, or null if the failure must be reported now. */
    private Duration retryWait(ApiException failure, int attempt, boolean mayRetry, long deadline) {
        if (!mayRetry || !failure.retryable() || attempt >= retry.maxAttempts()) {
            return null;
        }
        Duration wait;
        Duration asked = failure.retryAfter().orElse(null);
        if (asked != null) {
            if (asked.compareTo(retry.maxRetryAfter()) > 0) {
                return null;
            }
            wait = asked;
        } else {
            synchronized (random) {
                wait = retry.backoff().delay(attempt, random);
            }
        }
        if (time.nanoTime() + wait.toNanos() - deadline > 0) {
            return null;
        }
        return wait;
    }

    private void acquire(TokenBucket group, int permits) throws InterruptedException {
        if (clientLimit != null) {
            clientLimit.acquire(permits);
        }
        if (group != null) {
            group.acquire(permits);
        }
    }

    private TokenBucket groupBucket(RestCall call) {
        String name = call.group();
        if (name == null) {
            return null;
        }
        TokenBucket bucket = groupLimits.get(name);
        if (bucket == null) {
            throw new IllegalArgumentException("unknown endpoint group '" + name + "' for " + venue + " "
                + call.operationName() + "; configured groups: " + groupLimits.keySet());
        }
        return bucket;
    }

    private Request buildRequest(RestCall call) {
        HttpUrl parsed = HttpUrl.parse(baseUrl + call.path());
        if (parsed == null) {
            throw new IllegalArgumentException("path does not form a valid URL with the base URL: " + call.path());
        }
        HttpUrl.Builder url = parsed.newBuilder();
        for (String[] parameter : call.queryParameters()) {
            url.addQueryParameter(parameter[0], parameter[1]);
        }
        HttpUrl unsigned = url.build();
        byte[] body = call.bodyBytes() == null ? new byte[0] : call.bodyBytes();

        Request.Builder request = new Request.Builder();
        defaultHeaders.forEach(request::header);
        call.headers().forEach(request::header);
        if (call.idempotencyKeyValue() != null) {
            request.header(idempotencyKeyHeader, call.idempotencyKeyValue());
        }
        String query = unsigned.encodedQuery() == null ? "" : unsigned.encodedQuery();
        SignableRequest signable = new SignableRequest(call.method(), unsigned.encodedPath(), query, body);
        signer.sign(signable, new RequestSigner.SignatureOutput() {
            @Override
            public RequestSigner.SignatureOutput header(String name, String value) {
                request.header(name, value);
                return this;
            }

            @Override
            public RequestSigner.SignatureOutput queryParameter(String name, String value) {
                url.addQueryParameter(name, value);
                return this;
            }
        });
        RequestBody requestBody = null;
        if (call.bodyBytes() != null || call.method().requiresBody()) {
            MediaType type = call.contentType() == null ? null : MediaType.parse(call.contentType());
            requestBody = new OneShotRequestBody(body, type);
        }
        return request.url(url.build()).method(call.method().name(), requestBody).build();
    }

    private ApiException mapError(RestCall call, String endpoint, int status, Map<String, List<String>> headers,
                                  byte[] body) {
        ErrorResponse response = new ErrorResponse(venue, call.operationName(), endpoint, status, headers, body,
            requestId(headers), retryAfter(headers));
        try {
            ApiException mapped = errorMapper.map(response);
            if (mapped != null) {
                return mapped;
            }
        } catch (RuntimeException e) {
            LOG.warn("{} error mapper failed on HTTP {} for {}; using the standard mapping", venue, status, endpoint, e);
        }
        return ErrorMapper.standard().map(response);
    }

    private TransportException transportFailure(RestCall call, String endpoint, TransportException.Kind kind,
                                                Exception cause) {
        String message = switch (kind) {
            case TIMEOUT -> "timed out: " + cause.getMessage();
            case INTERRUPTED -> "interrupted";
            case CONNECTION -> "connection failed: " + cause.getClass().getSimpleName() + ": " + cause.getMessage();
        };
        ApiError error = new ApiError(venue, call.operationName(), endpoint, 0, null, message, null,
            kind != TransportException.Kind.INTERRUPTED, null);
        return new TransportException(error, kind, cause);
    }

    private String requestId(Map<String, List<String>> headers) {
        for (String name : requestIdHeaders) {
            List<String> values = headers.get(name);
            if (values != null && !values.isEmpty()) {
                return values.get(0);
            }
        }
        return null;
    }

    private Duration retryAfter(Map<String, List<String>> headers) {
        List<String> millis = headers.get("retry-after-ms");
        if (millis != null && !millis.isEmpty()) {
            Duration parsed = RetryAfterParser.parseMillis(millis.get(0));
            if (parsed != null) {
                return parsed;
            }
        }
        List<String> values = headers.get("retry-after");
        return values == null || values.isEmpty() ? null
            : RetryAfterParser.parse(values.get(0), time.currentTimeMillis());
    }

    private String endpoint(RestCall call) {
        return call.method() + " " + call.path();
    }

    private static Map<String, List<String>> lowerCaseHeaders(Response response) {
        Map<String, List<String>> headers = new TreeMap<>();
        for (String name : response.headers().names()) {
            headers.put(name.toLowerCase(Locale.ROOT), response.headers(name));
        }
        return headers;
    }

    @Override
    public String toString() {
        // Header values and the signer's state are left out on purpose: they hold credentials.
        return "RestClient[venue=" + venue + ", baseUrl=" + baseUrl + ", defaultHeaders=" + defaultHeaders.keySet()
            + ", retry=" + retry.maxAttempts() + " attempts/" + retry.totalDeadline() + ", rateLimitGroups="
            + groupLimits.keySet() + "]";
    }

    /** Configures a {@link RestClient}. */
    /**
     * Client settings. Each option takes one value and each header name or rate-limit group one entry: a second one
     * throws {@link IllegalStateException} naming the option and both values (header values, which may be keys, and
     * collaborators such as signers are named by type only), so a setting made in two places never silently loses
     * one of them.
     */
    public static final class Builder {

        private final SingleAssignment given = new SingleAssignment();
        private final String venue;
        private final String baseUrl;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(30);
        private Duration callTimeout = Duration.ofSeconds(60);
        private RequestSigner signer = RequestSigner.none();
        private final Map<String, String> defaultHeaders = new LinkedHashMap<>();
        private String userAgent;
        private RetryPolicy retry = RetryPolicy.defaults();
        private RateLimit clientLimit;
        private final Map<String, RateLimit> groupLimits = new LinkedHashMap<>();
        private ErrorMapper errorMapper = ErrorMapper.standard();
        private TimeSource time = TimeSource.system();
        private RandomGenerator random = new Random();
        private ObjectMapper objectMapper;
        private OkHttpClient okHttp;
        private final List<String> requestIdHeaders = new ArrayList<>(List.of("x-request-id", "request-id"));
        private String idempotencyKeyHeader = "Idempotency-Key";
        private long maxResponseBytes = 32L << 20;

        private Builder(String venue, String baseUrl) {
            Objects.requireNonNull(venue, "venue");
            Objects.requireNonNull(baseUrl, "baseUrl");
            if (venue.isBlank()) {
                throw new IllegalArgumentException("venue must not be blank");
            }
            HttpUrl parsed = HttpUrl.parse(baseUrl);
            if (parsed == null) {
                throw new IllegalArgumentException("baseUrl is not an http(s) URL: " + baseUrl);
            }
            if (parsed.encodedQuery() != null) {
                throw new IllegalArgumentException("baseUrl must not have a query: " + baseUrl);
            }
            this.venue = venue;
            this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        }

        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = given.once("connectTimeout", nonNegative(timeout, "connectTimeout"));
            return this;
        }

        /** Longest silence while reading or writing one attempt. */
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = given.once("readTimeout", nonNegative(timeout, "readTimeout"));
            return this;
        }

        /** Longest time for one whole attempt, connect to last body byte (0 = none). */
        public Builder callTimeout(Duration timeout) {
            this.callTimeout = given.once("callTimeout", nonNegative(timeout, "callTimeout"));
            return this;
        }

        public Builder signer(RequestSigner requestSigner) {
            this.signer = given.once("signer", Objects.requireNonNull(requestSigner, "signer"));
            return this;
        }

        /** A header sent with every call; values are never logged or printed. */
        public Builder defaultHeader(String name, String value) {
            Objects.requireNonNull(name, "header name");
            Objects.requireNonNull(value, "header value");
            given.onceWithoutValues("defaultHeader", name.toLowerCase(Locale.ROOT));
            defaultHeaders.put(name, value);
            return this;
        }

        public Builder userAgent(String agent) {
            this.userAgent = given.once("userAgent", Objects.requireNonNull(agent, "userAgent"));
            return this;
        }

        public Builder retryPolicy(RetryPolicy policy) {
            this.retry = given.onceShown("retryPolicy", Objects.requireNonNull(policy, "retryPolicy"));
            return this;
        }

        /** A limit on all calls of this client. */
        public Builder rateLimit(RateLimit limit) {
            this.clientLimit = given.onceShown("rateLimit", Objects.requireNonNull(limit, "rateLimit"));
            return this;
        }

        /** A limit on the calls marked with {@link RestCall#endpointGroup(String)} {@code group}. */
        public Builder rateLimit(String group, RateLimit limit) {
            Objects.requireNonNull(group, "group");
            Objects.requireNonNull(limit, "rateLimit");
            groupLimits.put(group, given.onceShown("rateLimit of group " + group, limit));
            return this;
        }

        public Builder errorMapper(ErrorMapper mapper) {
            this.errorMapper = given.once("errorMapper", Objects.requireNonNull(mapper, "errorMapper"));
            return this;
        }

        public Builder timeSource(TimeSource source) {
            this.time = given.once("timeSource", Objects.requireNonNull(source, "timeSource"));
            return this;
        }

        /** Source of backoff jitter; pass a seeded generator for reproducible waits. */
        public Builder random(RandomGenerator generator) {
            this.random = given.once("random", Objects.requireNonNull(generator, "random"));
            return this;
        }

        public Builder objectMapper(ObjectMapper mapper) {
            this.objectMapper = given.once("objectMapper", Objects.requireNonNull(mapper, "objectMapper"));
            return this;
        }

        /** Base OkHttp client to share a connection pool and dispatcher; timeouts set here override its own. */
        public Builder okHttpClient(OkHttpClient client) {
            this.okHttp = given.once("okHttpClient", Objects.requireNonNull(client, "okHttpClient"));
            return this;
        }

        /** Response headers holding the venue's request id, first match wins (default x-request-id, request-id). */
        public Builder requestIdHeaders(String... names) {
            given.once("requestIdHeaders", List.of(names));
            requestIdHeaders.clear();
            for (String name : names) {
                requestIdHeaders.add(name.toLowerCase(Locale.ROOT));
            }
            return this;
        }

        /** Header carrying {@link RestCall#idempotencyKey(String)} (default {@code Idempotency-Key}). */
        public Builder idempotencyKeyHeader(String name) {
            Objects.requireNonNull(name, "idempotencyKeyHeader");
            if (name.isBlank()) {
                throw new IllegalArgumentException("idempotencyKeyHeader must not be blank");
            }
            this.idempotencyKeyHeader = given.once("idempotencyKeyHeader", name);
            return this;
        }

        /**
         * Largest response body read (default 32 MiB). A larger successful response fails with the non-retryable
         * {@link ResponseTooLargeException} before it is buffered (at once when its {@code Content-Length} says so);
         * a larger error body is cut at the limit.
         */
        public Builder maxResponseBytes(long bytes) {
            if (bytes < 1 || bytes > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("maxResponseBytes must be within 1.." + (Integer.MAX_VALUE - 8)
                    + ": " + bytes);
            }
            this.maxResponseBytes = given.once("maxResponseBytes", bytes);
            return this;
        }

        /**
         * The client. Refused when {@link #userAgent} and a {@code User-Agent} {@link #defaultHeader} both name
         * the agent.
         */
        public RestClient build() {
            if (userAgent != null) {
                defaultHeaders.keySet().stream().filter("User-Agent"::equalsIgnoreCase).findFirst().ifPresent(h -> {
                    throw new IllegalStateException("userAgent " + userAgent + " conflicts with defaultHeader " + h
                        + "; set the agent once");
                });
            }
            return new RestClient(this);
        }

        private static Duration nonNegative(Duration value, String field) {
            Objects.requireNonNull(value, field);
            if (value.isNegative()) {
                throw new IllegalArgumentException(field + " must not be negative: " + value);
            }
            return value;
        }
    }
}
