package dev.tradingsdk.core.risk.rules;

import dev.tradingsdk.core.risk.RiskContext;
import dev.tradingsdk.core.risk.RiskRule;
import dev.tradingsdk.core.risk.RiskViolation;
import dev.tradingsdk.core.risk.RuleResult;
import dev.tradingsdk.core.risk.internal.Arguments;
import dev.tradingsdk.core.risk.internal.IdWindow;

/**
 * Rejects an order whose client order id was already accepted. Remembers at least the last
 * {@code remembered} accepted ids without allocating per order (a sliding window, so a very old id may be
 * forgotten).
 */
public final class DuplicateClientOrderIdRule implements RiskRule {

    public static final String CODE = "DUPLICATE_CLIENT_ORDER_ID";
    /** Default window of remembered ids. */
    public static final int DEFAULT_REMEMBERED = 100_000;

    private final IdWindow seen;

    public DuplicateClientOrderIdRule() {
        this(DEFAULT_REMEMBERED);
    }

    public DuplicateClientOrderIdRule(int remembered) {
        this.seen = new IdWindow(Arguments.positive("remembered", remembered));
    }

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public RuleResult check(RiskContext context) {
        if (!seen.contains(context.order().clientOrderId())) {
            return RuleResult.pass();
        }
        return RiskViolation.of(CODE, "client order id " + context.order().clientOrderId()
                + " was already used");
    }

    @Override
    public void onAccepted(RiskContext context) {
        seen.add(context.order().clientOrderId());
    }

    @Override
    public void onAcceptanceRevoked(RiskContext context) {
        seen.remove(context.order().clientOrderId());
    }
}
