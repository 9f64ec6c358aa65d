package dev.tradingsdk.polymarket.signing;

import java.util.Objects;

/** An order with its signature and the domain it was signed for. */
public record SignedClobOrder(ClobOrder order, ExchangeDomain domain, String signature) {
    public SignedClobOrder {
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(signature, "signature");
    }
}
