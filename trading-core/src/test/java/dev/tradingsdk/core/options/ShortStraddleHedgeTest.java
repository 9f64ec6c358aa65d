package dev.tradingsdk.core.options;

import static dev.tradingsdk.core.options.OptionsFixtures.CHAIN;
import static dev.tradingsdk.core.options.OptionsFixtures.ESZ6;
import static dev.tradingsdk.core.options.OptionsFixtures.EXPIRY;
import static dev.tradingsdk.core.options.OptionsFixtures.T0;
import static dev.tradingsdk.core.options.OptionsFixtures.call;
import static dev.tradingsdk.core.options.OptionsFixtures.put;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.market.MarketState;
import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import dev.tradingsdk.core.order.ClientOrderId;
import dev.tradingsdk.core.order.Fill;
import dev.tradingsdk.core.order.OrderRequest;
import dev.tradingsdk.core.order.Side;
import dev.tradingsdk.core.portfolio.Portfolio;
import dev.tradingsdk.core.risk.RiskDecision;
import dev.tradingsdk.core.risk.RiskGovernor;
import dev.tradingsdk.core.risk.rules.MaxNetDeltaRule;
import dev.tradingsdk.core.risk.rules.MaxOrderQuantityRule;
import dev.tradingsdk.core.time.SimulatedClock;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A short at-the-money straddle on ESZ6 (10 calls and 10 puts at 5000, sold at their Black-76 value at 20%
 * volatility, 110.00 each) hedged once a day with the future through the governor, over 28 days to expiry.
 * The hedger keeps |net delta| ≤ 25 units of ES (half a future) and trades whole futures; every order, the
 * straddle's included, passes a {@link RiskGovernor} with {@link MaxNetDeltaRule} over the same greeks book.
 */
class ShortStraddleHedgeTest {

    private static final BigDecimal BAND = new BigDecimal("25");

    /** Futures prices at 15:00 UTC each day from T0: two round trips of 60 and 40 points, then unchanged. */
    static final int[] QUIET = path(5000, 5000, 5060, 5060, 4990, 4990, 5000, 5000, 5000, 5000, 5040, 5040);

    /** What happened: the hedges (day, signed contracts, price) and the P&L after settlement at expiry. */
    private record Run(List<String> hedges, Money pnl) {
    }

    private static Run run(int[] path, int settlement) {
        SimulatedClock clock = new SimulatedClock(T0);
        GreeksBook book = GreeksBook.builder().rate(0.05).chain(CHAIN).build();
        RiskGovernor governor = RiskGovernor.builder().clock(clock)
                .rules(new MaxOrderQuantityRule(Quantity.of("50")), new MaxNetDeltaRule(new BigDecimal("600"), book))
                .build();
        Money start = Money.of("1000000.00", Currency.USD);
        Portfolio account = new Portfolio("straddle", start);
        DeltaHedger hedger = new DeltaHedger(ESZ6, BAND, book);
        book.volatilityOfAll(ESZ6, 0.20);
        List<String> hedges = new ArrayList<>();
        for (int day = 0; day < path.length; day++) {
            Price future = Price.ofRaw(path[day] * 100L, 2);
            book.time(clock.epochNanos());
            book.price(ESZ6, future.raw());
            if (day == 0) {
                for (Instrument leg : List.of(call(5000), put(5000))) {
                    Greeks g = new Greeks();
                    book.greeks(leg, g);
                    Price premium = leg.roundPrice(BigDecimal.valueOf(g.price()), RoundingMode.HALF_EVEN);
                    assertThat(premium).isEqualTo(Price.of("110.00"));
                    OrderRequest sell = OrderRequest.sell(leg).quantity("10").limit(premium).build();
                    execute(governor, account, sell, premium, clock.now());
                }
            }
            Optional<OrderRequest> hedge = hedger.propose(account, ClientOrderId.of("hedge-" + day));
            if (hedge.isPresent()) {
                execute(governor, account, hedge.get(), future, clock.now());
                long signed = hedge.get().quantity().raw() * (hedge.get().side() == Side.BUY ? 1 : -1);
                hedges.add("day " + day + ": " + (signed > 0 ? "+" : "") + signed + " @ " + path[day]);
            }
            clock.advance(Duration.ofDays(1));
        }
        // Expiry: the options are worth their intrinsic value at the settlement price, the future that price.
        assertThat(clock.now()).isAfter(EXPIRY);
        Price settle = Price.ofRaw(settlement * 100L, 2);
        account.mark(ESZ6, settle);
        account.mark(call(5000), Price.ofRaw(Math.max(settlement - 5000, 0) * 100L, 2));
        account.mark(put(5000), Price.ofRaw(Math.max(5000 - settlement, 0) * 100L, 2));
        return new Run(Collections.unmodifiableList(hedges), account.equity().minus(start));
    }

    private static void execute(RiskGovernor governor, Portfolio account, OrderRequest order, Price price,
                                Instant at) {
        RiskDecision decision = governor.check(order, account, MarketState.NONE);
        assertThat(decision.accepted()).as("%s: %s", order, decision).isTrue();
        account.apply(new Fill(order.clientOrderId(), "t-" + order.clientOrderId(), order.instrument(), order.side(),
                price, order.quantity(), Money.zero(Currency.USD), at));
    }

    private static int[] path(int... prefix) {
        int[] path = new int[28];
        java.util.Arrays.fill(path, 5000);
        System.arraycopy(prefix, 0, path, 0, prefix.length);
        return path;
    }

    @Test
    void aQuietMarketHedgedFourTimesKeepsMostOfThePremium() {
        // Net delta before each day's hedge, from Black-76 (T = days left / 365, σ = 20%, r = 5%):
        //   day 0  5000: −11.0 (short straddle: −500 × (Δc + Δp), Δc + Δp = e^(−rT)(2N(σ√T/2) − 1)) → none
        //   day 2  5060: −98.4 → buy 2 (1.97 futures);  day 3 5060: +0.0 → none
        //   day 4  4990: +105.3 → sell 2 (2.11);        day 5 4990: +5.9 → none; days 6-9 5000: about −9.5 → none
        //   day 10 5040: −79.7 → buy 2 (1.59);          day 11 5040: +18.5 → none
        //   day 12 5000: +91.7 → sell 2 (1.83);         days 13-27 5000: −8.1 falling to −2.1 → none
        Run run = run(QUIET, 5000);
        assertThat(run.hedges()).containsExactly("day 2: +2 @ 5060", "day 4: -2 @ 4990", "day 10: +2 @ 5040",
                "day 12: -2 @ 5000");
        // Premium 2 × 10 × 50 × 110.00 = 110,000; both legs expire worthless at 5000; the hedges bought high and
        // sold low: 2 × 50 × (4990 − 5060) + 2 × 50 × (5000 − 5040) = −11,000. P&L = +99,000.
        assertThat(run.pnl()).isEqualTo(Money.of("99000.00", Currency.USD));
        assertThat(run.pnl().signum()).isPositive();
    }

    @Test
    void aWhipsawingMarketForcesADailyHedgeAndLosesMoney() {
        // ±150 points (3%) every day for ten days is about 48% realized volatility against 20% sold: each swing
        // moves delta by 200 to 500 units, so every swing day hedges, and so does the day it returns to 5000.
        Run run = run(path(5000, 5150, 4850, 5150, 4850, 5150, 4850, 5150, 4850, 5150, 4850), 5000);
        assertThat(run.hedges()).hasSize(11).first().isEqualTo("day 1: +4 @ 5150");
        assertThat(run.hedges()).last().isEqualTo("day 11: +5 @ 5000");
        assertThat(run.pnl().signum()).isNegative();
    }
}
