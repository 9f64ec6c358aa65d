package dev.tradingsdk.cfd;

import dev.tradingsdk.core.strategy.DecisionFunction;

import static dev.tradingsdk.cfd.TestInstruments.AAPL;
import static dev.tradingsdk.cfd.TestInstruments.BTC;
import static dev.tradingsdk.cfd.TestInstruments.ETH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradingsdk.core.instrument.AssetClass;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.instrument.InstrumentId;
import dev.tradingsdk.core.market.Quote;
import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import dev.tradingsdk.core.order.ClientOrderId;
import dev.tradingsdk.core.order.Fill;
import dev.tradingsdk.core.order.OrderRequest;
import dev.tradingsdk.core.order.Side;
import dev.tradingsdk.core.time.SimulatedClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CompetitionTest {

    private static final Instant T0 = Instant.parse("2024-03-01T00:00:00Z");
    private final SimulatedClock clock = new SimulatedClock(T0.minus(Duration.ofHours(1)));

    private static final Instant END = T0.plus(Duration.ofDays(10));
    private static final Money CAPITAL = Money.of("10000", Currency.USD);
    private static final Set<AssetClass> CRYPTO = Set.of(AssetClass.CRYPTO);

    private Competition.Builder rules() {
        return rules(END, CAPITAL, 5, CRYPTO).invocationInterval(Duration.ofHours(1)).maxParticipants(3);
    }

    /** The required options, taken as arguments so a test can vary one (the builder refuses a second value). */
    private Competition.Builder rules(Instant end, Money capital, int maxLeverage, Set<AssetClass> assetClasses) {
        return Competition.builder("unit").window(T0, end).initialCapital(capital).maxLeverage(maxLeverage)
                .maxPositionPercent(300).allowedAssetClasses(assetClasses).clock(clock);
    }

    private void step(Competition competition, Duration after, Map<Instrument, Price> mids) {
        clock.advance(after);
        competition.onMids(mids);
    }

    @Test
    void aPriceShockLiquidatesTheOverLeveragedParticipant() {
        Competition competition = rules().build();
        // 0.45 BTC at 40 000 = 18 000 notional, 9000 margin at 2:1: margin level 111 %
        competition.join(new Participant("leveraged", "rule:all-in"), once(OrderRequest.buy(BTC).quantity("0.45")
                .build()));
        // 0.05 BTC = 2000 notional, 1000 margin
        competition.join(new Participant("careful", "rule:small"), once(OrderRequest.buy(BTC).quantity("0.05")
                .build()));

        step(competition, Duration.ofHours(1), Map.of(BTC, Price.of("40000.00")));
        assertThat(competition.status()).isEqualTo(CompetitionStatus.ACTIVE);
        assertThat(competition.account("leveraged").positions()).hasSize(1);

        // a 25 % drop: leveraged equity 10 000 − 4500 = 5500, margin 6750: 81 % (margin call, no stop-out)
        step(competition, Duration.ofHours(1), Map.of(BTC, Price.of("30000.00")));
        assertThat(competition.status("leveraged")).isEqualTo(ParticipantStatus.ACTIVE);
        assertThat(competition.account("leveraged").isMarginCall()).isTrue();

        // to 24 000: equity 10 000 − 7200 = 2800, margin 5400: 51.85 %, still above the stop-out
        step(competition, Duration.ofHours(1), Map.of(BTC, Price.of("24000.00")));
        assertThat(competition.status("leveraged")).isEqualTo(ParticipantStatus.ACTIVE);

        // to 23 000: equity 10 000 − 7650 = 2350, margin 5175: 45.4 % < 50 %: stopped out at 23 000
        step(competition, Duration.ofHours(1), Map.of(BTC, Price.of("23000.00")));
        assertThat(competition.status("leveraged")).isEqualTo(ParticipantStatus.LIQUIDATED);
        assertThat(competition.account("leveraged").positions()).isEmpty();
        assertThat(competition.account("leveraged").equity()).isEqualTo(Money.of("2350", Currency.USD));
        assertThat(competition.liquidations()).singleElement().satisfies(l -> {
            assertThat(l.participant()).isEqualTo("leveraged");
            assertThat(l.event().realizedPnl()).isEqualTo(Money.of("-7650", Currency.USD));
        });
        assertThat(competition.status("careful")).isEqualTo(ParticipantStatus.ACTIVE);
        assertThat(competition.account("careful").positions()).hasSize(1);

        // the liquidated participant is not invoked again
        int before = competition.invocations().size();
        step(competition, Duration.ofHours(1), Map.of(BTC, Price.of("23500.00")));
        assertThat(competition.invocations().subList(before, competition.invocations().size()))
                .extracting(Competition.Invocation::participant).containsExactly("careful");

        LeaderboardEntry last = competition.leaderboard().entries().get(1);
        assertThat(last.participant().name()).isEqualTo("leveraged");
        assertThat(last.status()).isEqualTo(ParticipantStatus.LIQUIDATED);
        // peak 10 000 (before trading), equity 2350: drawdown 76.5 %
        assertThat(last.maxDrawdownPercent()).isEqualByComparingTo("76.5");
        // one round trip (the buy, closed by the stop-out), lost: a win rate of 0, not "n/a"
        assertThat(last.closedTrades()).isEqualTo(1);
        assertThat(last.winRate()).isZero();
        assertThat(last.winRatePercent()).hasValueSatisfying(p -> assertThat(p).isEqualByComparingTo("0"));
        assertThat(last.fillCount()).isEqualTo(2);
    }

    @Test
    void rulesRejectOrdersOutsideTheCompetitionWithReasons() {
        Competition competition = rules().allowedSymbols(Set.of("BTCUSD")).build();
        competition.join(new Participant("greedy", "rule:test"), context -> List.of(
                OrderRequest.buy(ETH).quantity("1").build(),
                OrderRequest.buy(AAPL).quantity("1").build(),
                OrderRequest.buy(BTC).quantity("1").build()));
        step(competition, Duration.ofHours(1), Map.of(BTC, Price.of("40000.00"), ETH, Price.of("2000.00")));
        assertThat(competition.rejections()).extracting(Competition.Rejection::reason).containsExactly(
                "symbol ETHUSD is not allowed in competition unit",
                "asset class EQUITY of AAPL.SIM is not allowed in competition unit",
                competition.rejections().get(2).reason());
        // 1 BTC = 40 000 = 400 % of equity > 300 %
        assertThat(competition.rejections().get(2).reason()).contains("MAX_POSITION_PERCENT");
        assertThat(competition.invocations()).singleElement().satisfies(i -> {
            assertThat(i.orders()).isEqualTo(3);
            assertThat(i.rejected()).isEqualTo(3);
        });
        assertThat(competition.account("greedy").positions()).isEmpty();
    }

    @Test
    void aParticipantCannotChangeItsAccountThroughThePositionsItIsShown() {
        Competition competition = rules().build();
        competition.join(new Participant("cheat", "rule:tamper"), context -> {
            context.account().positions().forEach(p -> p.apply(new Fill(ClientOrderId.of("fake"), "fake-1",
                    p.instrument(), Side.BUY, Price.of("1.00"), Quantity.of("100"),
                    Money.zero(Currency.USD), context.time())));
            return context.account().positions().isEmpty()
                    ? List.of(OrderRequest.buy(BTC).quantity("0.05").build()) : List.of();
        });
        step(competition, Duration.ofHours(1), Map.of(BTC, Price.of("40000.00")));
        step(competition, Duration.ofHours(1), Map.of(BTC, Price.of("40000.00")));

        assertThat(competition.account("cheat").positions()).singleElement()
                .satisfies(p -> assertThat(p.quantity()).isEqualTo(Quantity.of("0.05")));
    }

    @Test
    void aFailingDecisionFunctionDisqualifies() {
        Competition competition = rules().build();
        competition.join(new Participant("broken", "rule:throws"), context -> {
            throw new IllegalStateException("model returned garbage");
        });
        step(competition, Duration.ofHours(1), Map.of(BTC, Price.of("40000.00")));
        assertThat(competition.status("broken")).isEqualTo(ParticipantStatus.DISQUALIFIED);
        assertThat(competition.statusReason("broken")).contains("model returned garbage");
        step(competition, Duration.ofHours(1), Map.of(BTC, Price.of("40000.00")));
        assertThat(competition.invocations()).hasSize(1);
    }

    @Test
    void scheduleStatusAndParticipantLimits() {
        Competition competition = rules(END, CAPITAL, 5, CRYPTO).maxParticipants(2).invocationInterval(Duration.ofHours(2))
                .build();
        competition.join(new Participant("b", "rule:idle"), context -> List.of());
        competition.join(new Participant("a", "rule:idle"), context -> List.of());
        assertThatThrownBy(() -> competition.join(new Participant("c", "rule:idle"), context -> List.of()))
                .hasMessageContaining("full at 2");

        // before the start prices are marked but nobody is invoked
        competition.onMids(Map.of(BTC, Price.of("40000.00")));
        assertThat(competition.status()).isEqualTo(CompetitionStatus.PENDING);
        assertThat(competition.invocations()).isEmpty();

        step(competition, Duration.ofHours(1), Map.of(BTC, Price.of("40000.00")));  // T0: invoked
        step(competition, Duration.ofHours(1), Map.of(BTC, Price.of("40000.00")));  // T0+1h: not yet due
        step(competition, Duration.ofHours(1), Map.of(BTC, Price.of("40000.00")));  // T0+2h: invoked
        assertThat(competition.invocations()).extracting(Competition.Invocation::time)
                .containsExactly(T0, T0, T0.plus(Duration.ofHours(2)), T0.plus(Duration.ofHours(2)));
        assertThatThrownBy(() -> competition.join(new Participant("d", "rule:idle"), context -> List.of()))
                .hasMessageContaining("ACTIVE");

        // equal equity: ranked by name, deterministically
        assertThat(competition.leaderboard().entries()).extracting(e -> e.participant().name())
                .containsExactly("a", "b");

        clock.setTime(T0.plus(Duration.ofDays(10)));
        competition.onMids(Map.of(BTC, Price.of("40000.00")));
        assertThat(competition.status()).isEqualTo(CompetitionStatus.COMPLETED);
        assertThatThrownBy(() -> competition.onMids(Map.of(BTC, Price.of("40000.00"))))
                .hasMessageContaining("COMPLETED");
    }

    @Test
    void anInvalidQuoteChangesNothing() {
        Competition competition = rules().build();
        List<Map<InstrumentId, Quote>> seen = new ArrayList<>();
        competition.join(new Participant("watcher", "rule:watch"), context -> {
            seen.add(context.quotes());
            return List.of();
        });
        clock.setTime(T0);
        Quote eth = new Quote(ETH, T0, Price.of("2000.00"), Quantity.zero(3), Price.of("2000.50"), Quantity.zero(3));
        Quote tooFine = new Quote(BTC, T0, Price.of("40000.005"), Quantity.zero(4), Price.of("40010.00"),
                Quantity.zero(4));
        assertThatThrownBy(() -> competition.onQuotes(List.of(eth, tooFine)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("40000.005");
        assertThat(competition.status()).isEqualTo(CompetitionStatus.PENDING);
        assertThat(competition.account("watcher").quote(ETH.id())).isEmpty();

        competition.onMids(Map.of(BTC, Price.of("40000.00")));
        assertThat(competition.status()).isEqualTo(CompetitionStatus.ACTIVE);
        assertThat(seen).singleElement().satisfies(quotes -> assertThat(quotes).containsOnlyKeys(BTC.id()));
    }

    @Test
    void disqualifyingWithoutAReasonChangesNothing() {
        Competition competition = rules().build();
        competition.join(new Participant("a", "rule:idle"), context -> List.of());
        assertThatThrownBy(() -> competition.disqualify("a", null)).hasMessageContaining("reason");
        assertThat(competition.status("a")).isEqualTo(ParticipantStatus.ACTIVE);
        assertThat(competition.statusReason("a")).isEmpty();
        assertThatThrownBy(() -> competition.disqualify("b", "cheating")).hasMessageContaining("no participant b");

        competition.disqualify("a", "cheating");
        assertThat(competition.status("a")).isEqualTo(ParticipantStatus.DISQUALIFIED);
        assertThat(competition.statusReason("a")).isEqualTo("cheating");
    }

    @Test
    void definitionIsValidated() {
        assertThatThrownBy(() -> rules(END, CAPITAL, 0, CRYPTO).build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxLeverage");
        assertThatThrownBy(() -> rules(T0, CAPITAL, 5, CRYPTO).build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("window");
        assertThatThrownBy(() -> rules(END, Money.of("0", Currency.USD), 5, CRYPTO).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("initialCapital");
        assertThatThrownBy(() -> new Participant("has space", "x")).hasMessageContaining("has space");
        Set<AssetClass> withNull = new HashSet<>(Arrays.asList(AssetClass.CRYPTO, null));
        assertThatThrownBy(() -> rules(END, CAPITAL, 5, withNull).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("allowedAssetClasses")
                .hasMessageContaining("null");
        assertThatThrownBy(() -> rules().allowedSymbols(new HashSet<>(Arrays.asList("BTCUSD", null))).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("allowedSymbols")
                .hasMessageContaining("null");
        assertThatThrownBy(() -> rules().allowedSymbols(Set.of("BTCUSD", " ")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("allowedSymbols")
                .hasMessageContaining("\" \"");
    }

    private static DecisionFunction once(OrderRequest order) {
        boolean[] done = {false};
        return context -> {
            if (done[0]) {
                return List.of();
            }
            done[0] = true;
            return List.of(order);
        };
    }
}
