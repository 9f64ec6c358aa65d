package dev.tradingsdk.core.order;

/**
 * Lifecycle of an order: NEW → SUBMITTED → ACCEPTED → PARTIALLY_FILLED → FILLED, or one of the terminal
 * CANCELED, REJECTED, EXPIRED. {@link Order} refuses any other transition.
 */
public enum OrderStatus {
    NEW, SUBMITTED, ACCEPTED, PARTIALLY_FILLED, FILLED, CANCELED, REJECTED, EXPIRED;

    public boolean isTerminal() {
        return this == FILLED || this == CANCELED || this == REJECTED || this == EXPIRED;
    }

    /** True while the order can still trade. */
    public boolean isOpen() {
        return this == SUBMITTED || this == ACCEPTED || this == PARTIALLY_FILLED;
    }

    boolean canMoveTo(OrderStatus next) {
        return switch (this) {
            case NEW -> next == SUBMITTED || next == REJECTED;
            case SUBMITTED -> next == ACCEPTED || next == REJECTED || next == CANCELED || next == PARTIALLY_FILLED
                    || next == FILLED || next == EXPIRED;
            case ACCEPTED -> next == PARTIALLY_FILLED || next == FILLED || next == CANCELED || next == EXPIRED;
            case PARTIALLY_FILLED -> next == PARTIALLY_FILLED || next == FILLED || next == CANCELED
                    || next == EXPIRED;
            case FILLED, CANCELED, REJECTED, EXPIRED -> false;
        };
    }
}
