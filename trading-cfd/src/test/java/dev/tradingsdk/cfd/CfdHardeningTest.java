package dev.tradingsdk.cfd;

import static dev.tradingsdk.cfd.TestInstruments.BTC;
import static dev.tradingsdk.cfd.TestInstruments.ETH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradingsdk.core.instrument.AssetClass;
import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import dev.tradingsdk.core.order.Fill;
import dev.tradingsdk.core.order.Order;
import dev.tradingsdk.core.order.OrderRequest;
import dev.tradingsdk.core.order.OrderStatus;
import dev.tradingsdk.core.portfolio.AccountView;
import dev.tradingsdk.core.portfolio.Position;
import dev.tradingsdk.core.risk.RiskContext;
import dev.tradingsdk.core.risk.RiskGovernor;
import dev.tradingsdk.core.risk.RiskRule;
import dev.tradingsdk.core.risk.RuleResult;
import dev.tradingsdk.core.strategy.DecisionFunction;
import dev.tradingsdk.core.time.SimulatedClock;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Issue 11, items 21 to 24: what fault injection and hostile participants found in accounts and competitions. */
class CfdHardeningTest {

    private static final Instant T0 = Instant.parse("2024-03-01T00:00:00Z");
    private final SimulatedClock clock = new SimulatedClock(T0);

    private static Money usd(String amount) {
        return Money.of(amount, Currency.USD);
    }

    private static OrderRequest buy(String id, String quantity) {
        return OrderRequest.buy(BTC).clientOrderId(id).quantity(quantity).build();
    }

    private static Quantity btc(CfdAccount account) {
        return account.position(BTC.id()).map(Position::quantity).orElse(Quantity.zero(4));
    }

    @Test
    void item21AJournalThatFailsOnAFillLeavesNothingBookedAndStopsTheAccountSoARetryCannotFillTwice() {
        boolean[] failing = {false};
        CfdAccount account = CfdAccount.builder("a", usd("100000")).clock(clock).eventListener(event -> {
            if (failing[0] && event instanceof CfdEvent.Filled) {
                throw new IllegalStateException("disk full");
            }
        }).build();
        account.mark(BTC, Price.of("40000.00"), Price.of("40000.00"));
        assertThat(account.submit(buy("first", "0.1")).status()).isEqualTo(OrderStatus.FILLED);
        Money cash = account.cash();

        failing[0] = true;
        assertThatThrownBy(() -> account.submit(buy("second", "0.1"))).isInstanceOf(CfdAccountStoppedException.class)
                .hasMessageContaining("disk full");
        assertThat(btc(account)).isEqualTo(Quantity.of("0.1"));
        assertThat(account.cash()).isEqualTo(cash);
        assertThat(account.stopped()).hasValueSatisfying(r -> assertThat(r).contains("disk full"));

        failing[0] = false;
        Order retry = account.submit(buy("second", "0.1"));
        assertThat(retry.status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(retry.reason()).contains("stopped trading");
        assertThat(btc(account)).isEqualTo(Quantity.of("0.1"));
    }

    @Test
    void aJournalThatFailsOnAFinancingChargeOrAStopOutLeavesTheAccountAsItsRecordsSayItIs() {
        boolean[] failing = {false};
        List<CfdEvent> journal = new ArrayList<>();
        CfdAccount account = CfdAccount.builder("a", usd("10000")).clock(clock)
                .terms(CfdTerms.builder().financingBps(500, -100).build()).eventListener(event -> {
                    if (failing[0] && (event instanceof CfdEvent.FinancingCharged
                            || event instanceof CfdEvent.Liquidation)) {
                        throw new IllegalStateException("disk full");
                    }
                    journal.add(event);
                }).build();
        account.mark(BTC, Price.of("40000.00"), Price.of("40000.00"));
        account.submit(buy("long", "0.1"));
        Money cash = account.cash();
        Instant rollover = account.nextRollover();

        failing[0] = true;
        clock.setTime(rollover.plusSeconds(60));
        assertThatThrownBy(() -> account.settle()).isInstanceOf(CfdAccountStoppedException.class);
        assertThat(account.cash()).isEqualTo(cash);
        assertThat(account.financing()).isEqualTo(usd("0"));
        assertThat(account.nextRollover()).isEqualTo(rollover);

        // as CfdAccountTest: 1 BTC bought at 50 000 with 30 000 is stopped out below 26 666.67
        CfdAccount leveraged = CfdAccount.builder("b", usd("30000")).clock(clock).eventListener(event -> {
            if (failing[0] && event instanceof CfdEvent.Liquidation) {
                throw new IllegalStateException("disk full");
            }
        }).build();
        failing[0] = false;
        leveraged.mark(BTC, Price.of("50000.00"), Price.of("50000.00"));
        leveraged.submit(buy("big", "1"));
        failing[0] = true;
        assertThatThrownBy(() -> leveraged.mark(BTC, Price.of("26666.66"), Price.of("26666.66")))
                .isInstanceOf(CfdAccountStoppedException.class);
        assertThat(leveraged.liquidations()).isZero();
    }

    @Test
    void item21ARuleWhosePostTradeHookThrowsDoesNotMakeTheAccountForgetTheFill() {
        RiskRule brokenHook = new RiskRule() {
            @Override
            public String code() {
                return "BROKEN_HOOK";
            }

            @Override
            public RuleResult check(RiskContext context) {
                return RuleResult.pass();
            }

            @Override
            public void onFill(String accountId, Fill fill) {
                throw new IllegalStateException("hook bug");
            }
        };
        List<CfdEvent> events = new ArrayList<>();
        CfdAccount account = CfdAccount.builder("a", usd("100000")).clock(clock)
                .riskGovernor(RiskGovernor.builder().clock(clock)
                        .rules(CfdTerms.defaults().riskRules().toArray(new RiskRule[0])).rule(brokenHook).build())
                .eventListener(events::add).build();
        account.mark(BTC, Price.of("40000.00"), Price.of("40000.00"));

        Order first = account.submit(buy("once", "0.1"));
        Order again = account.submit(buy("once", "0.1"));

        assertThat(first.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(again.status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(again.reason()).contains("duplicate clientOrderId");
        assertThat(btc(account)).isEqualTo(Quantity.of("0.1"));
        assertThat(events).filteredOn(e -> e instanceof CfdEvent.Filled).hasSize(1);
    }

    @Test
    void item22AnAbsurdQuoteIsRefusedBeforeItIsStoredSoEquityAndTheLeaderboardKeepWorking() {
        Competition competition = Competition.builder("c").window(T0, T0.plus(Duration.ofDays(1)))
                .initialCapital(usd("10000")).maxLeverage(2).maxPositionPercent(200)
                .allowedAssetClasses(Set.of(AssetClass.CRYPTO)).invocationInterval(Duration.ofHours(1))
                .maxParticipants(2).clock(clock).build();
        boolean[] bought = {false};
        competition.join(new Participant("holder", "rule:buy"), context -> {
            if (bought[0]) {
                return List.of();
            }
            bought[0] = true;
            return List.of(OrderRequest.buy(BTC).quantity("0.1").build());
        });
        competition.join(new Participant("idle", "rule:idle"), context -> List.of());
        competition.onMids(Map.of(BTC, Price.of("40000.00"), ETH, Price.of("2000.00")));
        Money before = competition.account("holder").equity();

        clock.advance(Duration.ofMinutes(1));
        assertThatThrownBy(() -> competition.onMids(Map.of(BTC, Price.of("90000000000000000.00"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("BTCUSD")
                .hasMessageContaining("overflow");

        assertThat(competition.account("holder").equity()).isEqualTo(before);
        assertThat(competition.account("holder").quote(BTC.id()).orElseThrow().bid()).isEqualTo(Price.of("40000.00"));
        assertThat(competition.leaderboard().entries()).hasSize(2);
        assertThatThrownBy(() -> competition.account("holder").mark(BTC, Price.of("90000000000000000.00"),
                Price.of("90000000000000000.00"))).hasMessageContaining("overflow");
        assertThat(competition.account("holder").equity()).isEqualTo(before);
    }

    @Test
    void item23AnErrorInOneDecisionFunctionDisqualifiesOnlyThatParticipantWithTheReason() {
        Competition competition = Competition.builder("c").window(T0, T0.plus(Duration.ofDays(1)))
                .initialCapital(usd("10000")).maxLeverage(2).maxPositionPercent(200)
                .allowedAssetClasses(Set.of(AssetClass.CRYPTO)).invocationInterval(Duration.ofHours(1))
                .maxParticipants(2).clock(clock).build();
        DecisionFunction recursing = new DecisionFunction() {
            @Override
            public List<OrderRequest> decide(dev.tradingsdk.core.strategy.DecisionContext context) {
                return decide(context);
            }
        };
        int[] calls = {0};
        competition.join(new Participant("deep", "rule:recursing"), recursing);
        competition.join(new Participant("steady", "rule:idle"), context -> {
            calls[0]++;
            return List.of();
        });
        competition.onMids(Map.of(BTC, Price.of("40000.00")));
        clock.advance(Duration.ofHours(1));
        competition.onMids(Map.of(BTC, Price.of("40000.00")));

        assertThat(competition.status("deep")).isEqualTo(ParticipantStatus.DISQUALIFIED);
        assertThat(competition.statusReason("deep")).contains("StackOverflowError");
        assertThat(competition.status("steady")).isEqualTo(ParticipantStatus.ACTIVE);
        assertThat(calls[0]).isEqualTo(2);
    }

    @Test
    void item24TheReadOnlyViewAParticipantGetsHasNoWayBackToItsAccount() {
        Competition competition = Competition.builder("c").window(T0, T0.plus(Duration.ofDays(1)))
                .initialCapital(usd("10000")).maxLeverage(2).maxPositionPercent(200)
                .allowedAssetClasses(Set.of(AssetClass.CRYPTO)).invocationInterval(Duration.ofHours(1))
                .maxParticipants(1).clock(clock).build();
        List<AccountView> views = new ArrayList<>();
        competition.join(new Participant("curious", "rule:peek"), context -> {
            views.add(context.account());
            return List.of();
        });
        competition.onMids(Map.of(BTC, Price.of("40000.00")));

        AccountView view = views.get(0);
        assertThat(view).isNotInstanceOf(CfdAccount.class);
        List<Method> doors = Arrays.stream(view.getClass().getMethods())
                .filter(m -> !Modifier.isStatic(m.getModifiers()))
                .filter(m -> AccountView.class.isAssignableFrom(m.getReturnType())
                        || CfdAccount.class.isAssignableFrom(m.getReturnType()))
                .toList();
        assertThat(doors).isEmpty();
    }
}
