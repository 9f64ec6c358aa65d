package dev.tradingsdk.brokers.internal;

import dev.tradingsdk.brokers.BrokerException;
import dev.tradingsdk.core.http.ApiException;
import dev.tradingsdk.core.http.AuthenticationException;
import dev.tradingsdk.core.http.RateLimitedException;
import dev.tradingsdk.core.http.ServerException;
import dev.tradingsdk.core.http.TransportException;
import java.util.Locale;
import java.util.regex.Pattern;

/** Turns core's HTTP failures into {@link BrokerException}s of the right type. */
public final class ApiErrors {

    private static final Pattern FUNDS = Pattern.compile("insufficient|buying power|not enough (cash|funds)");

    private ApiErrors() {
    }

    public static BrokerException.Builder builder(ApiException e, String broker, String operation) {
        BrokerException.Type type = typeOf(e);
        return BrokerException.builder(type, broker, operation)
                .message(e.venueMessage().orElse(e.getMessage()))
                .venueCode(e.venueCode().orElse(null))
                .retryable(e.retryable() || type == BrokerException.Type.UNAVAILABLE)
                .retryAfter(e.retryAfter().orElse(null))
                .context("httpStatus", e.httpStatus() > 0 ? e.httpStatus() : null)
                .context("endpoint", e.endpoint())
                .cause(e);
    }

    public static BrokerException of(ApiException e, String broker, String operation) {
        return builder(e, broker, operation).build();
    }

    public static BrokerException.Type typeOf(ApiException e) {
        if (e instanceof AuthenticationException) {
            return BrokerException.Type.AUTH;
        }
        if (e instanceof RateLimitedException) {
            return BrokerException.Type.RATE_LIMITED;
        }
        if (e instanceof ServerException || e instanceof TransportException) {
            return BrokerException.Type.UNAVAILABLE;
        }
        if (isInsufficientFunds(e)) {
            return BrokerException.Type.INSUFFICIENT_FUNDS;
        }
        if (e.httpStatus() >= 400 && e.httpStatus() < 500) {
            return BrokerException.Type.REJECTED;
        }
        return BrokerException.Type.UNKNOWN;
    }

    public static boolean isInsufficientFunds(ApiException e) {
        String message = e.venueMessage().orElse("").toLowerCase(Locale.ROOT);
        return e.httpStatus() == 403 && FUNDS.matcher(message).find();
    }
}
