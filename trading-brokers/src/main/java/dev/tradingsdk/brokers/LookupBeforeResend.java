package dev.tradingsdk.brokers;

import dev.tradingsdk.core.http.ApiException;
import dev.tradingsdk.core.http.ServerException;
import dev.tradingsdk.core.http.TransportException;
import dev.tradingsdk.core.order.ClientOrderId;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Submits an order so it is never placed twice. A timeout, a dropped connection or a 5xx leaves the outcome
 * open (the venue may have acted), so before any re-send the order is looked up by its client order id: found
 * means placed, and that order is returned; not found means the venue never took it, and only then is the
 * request sent again, at most {@code maxSends} times in all. Every adapter submits through it; an in-house adapter
 * should too.
 *
 * <p>{@code send} throws core's {@code TransportException} or {@code ServerException} for an open outcome; any
 * other exception passes straight through. When the lookup itself fails the outcome stays unknown:
 * {@link BrokerException.Type#UNKNOWN}, retryable, with the client order id in its context.
 */
public final class LookupBeforeResend {

    private static final Logger LOG = LoggerFactory.getLogger(LookupBeforeResend.class);

    private LookupBeforeResend() {
    }

    /**
     * @param send   sends the order once and returns the venue's answer
     * @param lookup asks the venue for the order by {@code id}; empty when it does not have it
     */
    public static <T> T submit(String broker, String operation, ClientOrderId id, int maxSends, Supplier<T> send,
                               Supplier<Optional<T>> lookup) {
        ApiException last = null;
        for (int attempt = 1; attempt <= maxSends; attempt++) {
            try {
                return send.get();
            } catch (TransportException | ServerException e) {
                last = e;
                LOG.warn("{} {} of {}: outcome unknown after {} (attempt {}/{}); looking it up before any re-send",
                        broker, operation, id, e.httpStatus() > 0 ? "HTTP " + e.httpStatus()
                                : e.getClass().getSimpleName(), attempt, maxSends);
            }
            Optional<T> found;
            try {
                found = lookup.get();
            } catch (ApiException | BrokerException e) {
                throw BrokerException.builder(BrokerException.Type.UNKNOWN, broker, operation)
                        .message("the order may or may not have been placed: the submit failed (" + last.getMessage()
                                + ") and looking it up by client order id failed too; look it up before re-sending")
                        .retryable(true).context("clientOrderId", id).cause(e).build();
            }
            if (found.isPresent()) {
                LOG.info("{} {} of {}: the venue has the order; not re-sending", broker, operation, id);
                return found.get();
            }
        }
        throw BrokerException.builder(BrokerException.Type.UNAVAILABLE, broker, operation)
                .message("not placed after " + maxSends + " attempts (each looked up by client order id): "
                        + last.getMessage())
                .context("clientOrderId", id).context("attempts", maxSends).cause(last).build();
    }
}
