package dev.tradingsdk.llm.council;

import dev.tradingsdk.core.portfolio.AccountView;
import java.util.Objects;

/** An account the council trades: its name (in client order ids and reports), its view and where orders go. */
public record CouncilAccount(String name, AccountView view, CouncilOrders orders) {

    public CouncilAccount {
        if (name == null || !name.matches("[A-Za-z0-9_-]{1,20}")) {
            throw new IllegalArgumentException("account name must be 1-20 characters of [A-Za-z0-9_-], was \"" + name
                + "\"");
        }
        Objects.requireNonNull(view, "view");
        Objects.requireNonNull(orders, "orders");
    }
}
