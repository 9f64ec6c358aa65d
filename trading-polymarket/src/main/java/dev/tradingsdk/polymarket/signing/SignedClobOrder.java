package dev.tradingsdk.polymarket.signing;

import java.util.Objects;

/**
 * An order with its signature and the domain it was signed for. Re-posting the same instance sends the same salt
 * and therefore the same order hash, which the CLOB refuses to book twice.
 */
public record SignedClobOrder(ClobOrder order, ExchangeDomain domain, String signature) {
    public SignedClobOrder {
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(signature, "signature");
    }

    /** The CLOB's order id: the EIP-712 order hash, lowercase {@code 0x} hex. */
    public String orderId() {
        return PolymarketSigner.orderHash(order, domain);
    }
}
