package dev.tradingsdk.llm.client;

import dev.tradingsdk.core.http.BackoffPolicy;
import dev.tradingsdk.core.http.RestClient;
import dev.tradingsdk.core.http.RetryPolicy;
import dev.tradingsdk.core.http.Secret;
import dev.tradingsdk.core.http.TimeSource;
import dev.tradingsdk.llm.cost.RunBudget;
import dev.tradingsdk.llm.internal.HttpLlmTransport;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.random.RandomGenerator;
import okhttp3.OkHttpClient;

/**
 * What every HTTP model client is configured with: base URL, key, timeouts, retries, the run budget. Each option
 * takes one value ({@code fromEnvironment} sets the key and URL it finds): a second throws
 * {@link IllegalStateException} naming both, the key by type only.
 *
 * @param <B> the concrete builder
 */
public abstract class HttpLlmClientBuilder<B extends HttpLlmClientBuilder<B>> {

    /**
     * 3 attempts (2 retries, as the official SDKs do), backoff from 0.5 s doubling to 8 s with up to a quarter
     * taken off, a {@code Retry-After} of up to 60 s honoured, nothing scheduled past 15 minutes.
     */
    public static RetryPolicy defaultRetryPolicy() {
        return new RetryPolicy(3, Duration.ofMinutes(15),
            new BackoffPolicy(Duration.ofMillis(500), Duration.ofSeconds(8), 2.0, 0.25), Duration.ofSeconds(60));
    }

    private final Set<String> given = new HashSet<>();
    protected String baseUrl;
    protected Secret apiKey;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofMinutes(10);
    private Duration callTimeout = Duration.ofMinutes(10);
    private RetryPolicy retry = defaultRetryPolicy();
    private TimeSource time = TimeSource.system();
    private RandomGenerator random = new Random();
    private RunBudget budget;
    private OkHttpClient okHttp;

    protected HttpLlmClientBuilder(String defaultBaseUrl) {
        this.baseUrl = defaultBaseUrl;
    }

    /** Refuses a second value for {@code option}, naming both (secrets and collaborators by type only). */
    void once(String option, Object previous, Object next) {
        if (!given.add(option)) {
            throw new IllegalStateException(option + " set twice: " + previous + " and " + next);
        }
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    /** The API root, e.g. {@code https://api.anthropic.com} or {@code http://localhost:11434/v1}. */
    public B baseUrl(String url) {
        if (url == null || !(url.startsWith("http://") || url.startsWith("https://"))) {
            throw new IllegalArgumentException("baseUrl must be an http(s) URL, was \"" + url + "\"");
        }
        once("baseUrl", baseUrl, url);
        this.baseUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        return self();
    }

    public B apiKey(Secret key) {
        once("apiKey", "a Secret", "a Secret");
        this.apiKey = Objects.requireNonNull(key, "apiKey");
        return self();
    }

    public B connectTimeout(Duration timeout) {
        once("connectTimeout", connectTimeout, timeout);
        this.connectTimeout = positive(timeout, "connectTimeout");
        return self();
    }

    /** Longest silence while waiting for the answer (default 10 minutes: long answers are slow). */
    public B readTimeout(Duration timeout) {
        once("readTimeout", readTimeout, timeout);
        this.readTimeout = positive(timeout, "readTimeout");
        return self();
    }

    /** Longest one attempt may take, connect to last byte (default 10 minutes). */
    public B callTimeout(Duration timeout) {
        once("callTimeout", callTimeout, timeout);
        this.callTimeout = positive(timeout, "callTimeout");
        return self();
    }

    public B retryPolicy(RetryPolicy policy) {
        once("retryPolicy", retry, policy);
        this.retry = Objects.requireNonNull(policy, "retryPolicy");
        return self();
    }

    /** Where backoff waits happen; a simulated source makes retry tests instant. */
    public B timeSource(TimeSource source) {
        once("timeSource", "a TimeSource", "a TimeSource");
        this.time = Objects.requireNonNull(source, "timeSource");
        return self();
    }

    /** Backoff jitter; seed it for reproducible waits. */
    public B random(RandomGenerator generator) {
        once("random", "a RandomGenerator", "a RandomGenerator");
        this.random = Objects.requireNonNull(generator, "random");
        return self();
    }

    /** Every attempt of this client is reserved against {@code runBudget} first. */
    public B budget(RunBudget runBudget) {
        once("budget", budget, runBudget);
        this.budget = Objects.requireNonNull(runBudget, "budget");
        return self();
    }

    /** A base OkHttp client to share its connection pool; the timeouts set here override its own. */
    public B okHttpClient(OkHttpClient client) {
        once("okHttpClient", "an OkHttpClient", "an OkHttpClient");
        this.okHttp = Objects.requireNonNull(client, "okHttpClient");
        return self();
    }

    private static Duration positive(Duration d, String field) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(field + " must be positive, was " + d);
        }
        return d;
    }

    /** The transport for {@code provider} posting to {@code path} with {@code headers} (may hold the key). */
    protected HttpLlmTransport transport(String provider, String path, Map<String, String> headers,
                                         HttpLlmTransport.WireFormat format) {
        RestClient.Builder rest = RestClient.builder(provider, baseUrl)
            .connectTimeout(connectTimeout)
            .readTimeout(readTimeout)
            .callTimeout(callTimeout)
            .retryPolicy(RetryPolicy.none())
            .errorMapper(HttpLlmTransport.errorMapper(provider))
            .timeSource(time)
            .userAgent("trading-sdk-llm")
            .requestIdHeaders("request-id", "x-request-id");
        headers.forEach(rest::defaultHeader);
        if (okHttp != null) {
            rest.okHttpClient(okHttp);
        }
        return new HttpLlmTransport(provider, rest.build(), path, retry, time, random, budget, format);
    }

    /** Reads {@code name} from {@code env}; blank counts as missing. */
    static String env(Map<String, String> env, String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }
}
