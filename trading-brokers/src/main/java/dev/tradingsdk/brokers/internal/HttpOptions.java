package dev.tradingsdk.brokers.internal;

import dev.tradingsdk.core.http.ErrorMapper;
import dev.tradingsdk.core.http.RestClient;
import dev.tradingsdk.core.http.RetryPolicy;
import java.time.Duration;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import okhttp3.OkHttpClient;

/**
 * The HTTP settings every adapter builder offers, and the {@link RestClient} they make; also the record of which
 * options the builder has been given, so a second value for one is refused naming both.
 */
public final class HttpOptions {

    private final Set<String> given = new HashSet<>();
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private Duration connectTimeout = Duration.ofSeconds(5);
    private Duration readTimeout = Duration.ofSeconds(10);
    private OkHttpClient okHttpClient;

    /** Refuses a second value for {@code option}; callers pass secrets and collaborators by type only. */
    public void once(String option, Object previous, Object next) {
        if (!given.add(option)) {
            throw new IllegalStateException(option + " set twice: " + previous + " and " + next);
        }
    }

    public void retryPolicy(RetryPolicy policy) {
        once("retryPolicy", retryPolicy, policy);
        this.retryPolicy = Objects.requireNonNull(policy, "retryPolicy");
    }

    public void timeouts(Duration connect, Duration read) {
        if (connect == null || connect.isNegative() || connect.isZero()) {
            throw new IllegalArgumentException("connect timeout must be positive, was " + connect);
        }
        if (read == null || read.isNegative() || read.isZero()) {
            throw new IllegalArgumentException("read timeout must be positive, was " + read);
        }
        once("timeouts", connectTimeout + "/" + readTimeout, connect + "/" + read);
        this.connectTimeout = connect;
        this.readTimeout = read;
    }

    public void okHttpClient(OkHttpClient client) {
        once("okHttpClient", "an OkHttpClient", "an OkHttpClient");
        this.okHttpClient = Objects.requireNonNull(client, "okHttpClient");
    }

    public OkHttpClient okHttpClientOrNull() {
        return okHttpClient;
    }

    /** A client for {@code venue} at {@code baseUrl}; {@code configure} adds headers, signer, limits. */
    public RestClient.Builder client(String venue, String baseUrl, ErrorMapper errors) {
        RestClient.Builder b = RestClient.builder(venue, baseUrl).retryPolicy(retryPolicy)
                .connectTimeout(connectTimeout).readTimeout(readTimeout).errorMapper(errors)
                .userAgent("trading-sdk-brokers");
        if (okHttpClient != null) {
            b.okHttpClient(okHttpClient);
        }
        return b;
    }
}
