package dev.tradingsdk.core.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.portfolio.AccountView;
import dev.tradingsdk.core.portfolio.Portfolio;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ReadOnlyAccountTest {

    @Test
    void cannotBeCastOrUnwrappedToTheAccount() {
        Portfolio portfolio = new Portfolio("acc", Money.of("1000", Currency.USD));
        AccountView view = ReadOnlyAccount.of(portfolio);

        assertThat(view).isNotInstanceOf(Portfolio.class);
        assertThat(view.equity()).isEqualTo(portfolio.equity());
        // No public method hands out anything that is an AccountView (the account behind the view).
        assertThat(Arrays.stream(ReadOnlyAccount.class.getMethods())
                .filter(m -> !Modifier.isStatic(m.getModifiers()))
                .map(Method::getReturnType))
                .noneMatch(AccountView.class::isAssignableFrom);
        assertThat(ReadOnlyAccount.of(view)).isSameAs(view);
    }
}
