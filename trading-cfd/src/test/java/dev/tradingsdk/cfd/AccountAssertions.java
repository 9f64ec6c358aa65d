package dev.tradingsdk.cfd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsdk.core.order.Order;
import dev.tradingsdk.core.portfolio.Position;

/** Compares every observable part of two accounts. */
final class AccountAssertions {

    private AccountAssertions() {
    }

    static void assertSameState(CfdAccount rebuilt, CfdAccount account) {
        assertThat(rebuilt.cash()).isEqualTo(account.cash());
        assertThat(rebuilt.equity()).isEqualTo(account.equity());
        assertThat(rebuilt.marginUsed()).isEqualTo(account.marginUsed());
        assertThat(rebuilt.realizedPnl()).isEqualTo(account.realizedPnl());
        assertThat(rebuilt.unrealizedPnl()).isEqualTo(account.unrealizedPnl());
        assertThat(rebuilt.fees()).isEqualTo(account.fees());
        assertThat(rebuilt.financing()).isEqualTo(account.financing());
        assertThat(rebuilt.writtenOff()).isEqualTo(account.writtenOff());
        assertThat(rebuilt.nextRollover()).isEqualTo(account.nextRollover());
        assertThat(rebuilt.isMarginCall()).isEqualTo(account.isMarginCall());
        assertThat(rebuilt.fillCount()).isEqualTo(account.fillCount());
        assertThat(rebuilt.closedTrades()).isEqualTo(account.closedTrades());
        assertThat(rebuilt.liquidations()).isEqualTo(account.liquidations());
        assertThat(rebuilt.positions()).extracting(Position::toString)
                .containsExactlyElementsOf(account.positions().stream().map(Position::toString).toList());
        assertThat(rebuilt.orders()).extracting(o -> o.venueOrderId().orElse("-"))
                .containsExactlyElementsOf(account.orders().stream().map(o -> o.venueOrderId().orElse("-")).toList());
        assertThat(rebuilt.orders()).extracting(Order::toString)
                .containsExactlyElementsOf(account.orders().stream().map(Order::toString).toList());
    }
}
