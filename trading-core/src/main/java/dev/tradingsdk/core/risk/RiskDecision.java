package dev.tradingsdk.core.risk;

import java.util.ArrayList;
import java.util.List;

/**
 * The governor's answer for one order: accepted (the shared {@link #ACCEPTED} constant) or rejected with
 * every failing rule's violation, in rule order.
 */
public final class RiskDecision {

    /** The one accepted decision; acceptance never allocates. */
    public static final RiskDecision ACCEPTED = new RiskDecision(List.of());

    private final List<RiskViolation> violations;

    private RiskDecision(List<RiskViolation> violations) {
        this.violations = violations;
    }

    /** A rejection; {@code violations} must not be empty. */
    public static RiskDecision rejected(List<RiskViolation> violations) {
        if (violations == null || violations.isEmpty()) {
            throw new IllegalArgumentException("a rejection needs at least one violation, was " + violations);
        }
        return new RiskDecision(List.copyOf(violations));
    }

    public boolean accepted() {
        return violations.isEmpty();
    }

    public boolean rejected() {
        return !violations.isEmpty();
    }

    /** Every failing rule's violation; empty when accepted. */
    public List<RiskViolation> violations() {
        return violations;
    }

    /** The codes of the failing rules, in rule order. */
    public List<String> codes() {
        List<String> codes = new ArrayList<>(violations.size());
        for (RiskViolation v : violations) {
            codes.add(v.code());
        }
        return List.copyOf(codes);
    }

    /** True when the rule with {@code code} failed. */
    public boolean hasViolation(String code) {
        for (RiskViolation v : violations) {
            if (v.code().equals(code)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return accepted() ? "ACCEPTED" : "REJECTED " + violations;
    }
}
