package dev.tradingsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Quantity;
import dev.tradingsdk.core.portfolio.AccountView;
import dev.tradingsdk.core.portfolio.Position;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link AccountView} promises, as a JUnit 5 suite: extend it once per account (the simulated venue's
 * portfolio, a CFD account, each broker) and implement the fixture methods.
 *
 * <p>The promises: every amount is in the account's currency; a fresh account is flat with equity equal to cash;
 * a trade shows up as a position of the traded size; the lists handed out cannot be changed and the positions are
 * snapshots that later trades do not move; margin available never exceeds equity.
 */
public abstract class AccountViewContract {

    /** The account under test, new for each test. */
    protected AccountView account;

    /** A new, flat account with some cash, able to price {@link #instrument()}. */
    protected abstract AccountView newAccount();

    /** The instrument the suite trades. */
    protected abstract Instrument instrument();

    /** Buys {@code quantity} of {@link #instrument()} in {@link #account} and waits until it is booked. */
    protected abstract void buy(Quantity quantity);

    /** A size the account can afford twice over. */
    protected abstract Quantity tradeSize();

    @BeforeEach
    void createAccount() {
        account = newAccount();
    }

    @Test
    void every_amount_is_in_the_account_currency() {
        assertThat(account.accountId()).isNotBlank();
        assertThat(account.currency()).isNotNull();
        for (Money m : List.of(account.cash(), account.equity(), account.marginUsed(), account.marginAvailable(),
                account.realizedPnl(), account.unrealizedPnl())) {
            assertThat(m.currency()).isEqualTo(account.currency());
        }
    }

    @Test
    void a_fresh_account_is_flat_with_equity_equal_to_cash() {
        assertThat(account.positions()).isEmpty();
        assertThat(account.position(instrument().id())).isEmpty();
        assertThat(account.equity()).isEqualByComparingTo(account.cash());
        assertThat(account.unrealizedPnl().isZero()).isTrue();
    }

    @Test
    void a_trade_shows_up_as_a_position_of_its_size() {
        buy(tradeSize());
        Position p = account.position(instrument().id()).orElseThrow(
                () -> new AssertionError("no position after buying " + tradeSize()));
        assertThat(p.quantity()).isEqualTo(tradeSize());
        assertThat(account.positions()).hasSize(1);
    }

    @Test
    void lists_cannot_be_changed_and_positions_are_snapshots() {
        buy(tradeSize());
        List<Position> positions = account.positions();
        Position held = account.position(instrument().id()).orElseThrow();
        Quantity before = held.quantity();
        assertThatThrownBy(() -> positions.clear()).isInstanceOf(UnsupportedOperationException.class);

        buy(tradeSize());

        assertThat(held.quantity()).isEqualTo(before);
        assertThat(account.position(instrument().id()).orElseThrow().quantity()).isEqualTo(tradeSize().plus(tradeSize()));
    }

    @Test
    void margin_available_never_exceeds_equity() {
        assertThat(account.marginAvailable()).isLessThanOrEqualTo(account.equity());
        buy(tradeSize());
        assertThat(account.marginAvailable()).isLessThanOrEqualTo(account.equity());
        assertThat(account.marginUsed().signum()).isGreaterThanOrEqualTo(0);
    }
}
