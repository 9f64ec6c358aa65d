package dev.tradingsdk.cfd;

import static dev.tradingsdk.cfd.TestInstruments.AAPL;
import static dev.tradingsdk.cfd.TestInstruments.BTC;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsdk.core.backtest.MarketReplay;
import dev.tradingsdk.core.instrument.AssetClass;
import dev.tradingsdk.core.market.Quote;
import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import dev.tradingsdk.core.order.OrderRequest;
import dev.tradingsdk.core.risk.rules.MaxOrderNotionalRule;
import dev.tradingsdk.core.strategy.DecisionContext;
import dev.tradingsdk.core.strategy.DecisionFunction;
import dev.tradingsdk.core.strategy.EngineMode;
import dev.tradingsdk.core.strategy.TradingEngine;
import dev.tradingsdk.core.time.SimulatedClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A competition hosted on a REPLAY engine: participants are strategies, their orders pass the engine's rules. */
class CompetitionOnEngineTest {

    private static final Instant T0 = Instant.parse("2024-03-01T00:00:00Z");

    private static List<Quote> quotes() {
        List<Quote> quotes = new ArrayList<>();
        for (int i = 0; i <= 8; i++) {
            Instant t = T0.plus(Duration.ofMinutes(30L * i));
            Price btc = Price.of(Integer.toString(40000 + 200 * i) + ".00");
            quotes.add(new Quote(BTC, t, btc, Quantity.of("5"), btc, Quantity.of("5")));
            Price aapl = Price.of("180.00");
            quotes.add(new Quote(AAPL, t, aapl, Quantity.of("100"), aapl, Quantity.of("100")));
        }
        return quotes;
    }

    @Test
    void participantsRunAsEngineStrategiesUnderTheCompetitionAndEngineRules() {
        SimulatedClock clock = new SimulatedClock(T0.minus(Duration.ofMinutes(1)));
        Competition competition = Competition.builder("on-engine").window(T0, T0.plus(Duration.ofHours(4)))
                .initialCapital(Money.of("10000", Currency.USD)).maxLeverage(2).maxPositionPercent(200)
                .allowedAssetClasses(Set.of(AssetClass.CRYPTO)).invocationInterval(Duration.ofHours(1))
                .maxParticipants(2).clock(clock).build();
        int[] calls = {0};
        competition.join(new Participant("trend", "rule:buy"), context -> {
            calls[0]++;
            // the first is over the engine's notional limit; then small buys
            String size = calls[0] == 1 ? "1" : "0.01";
            return List.of(OrderRequest.buy(BTC).quantity(size).build());
        });
        DecisionFunction wanderer = new DecisionFunction() {
            int invocations;

            @Override
            public List<OrderRequest> decide(DecisionContext context) {
                if (++invocations == 1) {
                    return List.of(OrderRequest.buy(AAPL).quantity("1").build());
                }
                return decide(context);
            }
        };
        competition.join(new Participant("wanderer", "rule:stocks"), wanderer);

        TradingEngine engine = competition.hostOn(TradingEngine.builder().mode(EngineMode.REPLAY).clock(clock)
                        .feed("quotes", MarketReplay.of(List.of(quotes().iterator())))
                        .rule(new MaxOrderNotionalRule(Money.of("5000", Currency.USD))), List.of(BTC, AAPL))
                .build();
        engine.run();

        assertThat(competition.status()).isEqualTo(CompetitionStatus.COMPLETED);
        assertThat(calls[0]).isEqualTo(4);
        assertThat(competition.account("trend").position(BTC.id())).hasValueSatisfying(p ->
                assertThat(p.quantity()).isEqualTo(Quantity.of("0.03")));
        assertThat(competition.rejections()).extracting(r -> r.participant() + ": " + r.reason())
                .anySatisfy(r -> assertThat(r).startsWith("trend: ").contains(MaxOrderNotionalRule.CODE))
                .anySatisfy(r -> assertThat(r).startsWith("wanderer: ").contains("asset class EQUITY"));
        assertThat(competition.status("wanderer")).isEqualTo(ParticipantStatus.DISQUALIFIED);
        assertThat(competition.statusReason("wanderer")).contains("StackOverflowError");
        assertThat(competition.leaderboard().entries()).extracting(e -> e.participant().name())
                .containsExactly("trend", "wanderer");
    }
}
