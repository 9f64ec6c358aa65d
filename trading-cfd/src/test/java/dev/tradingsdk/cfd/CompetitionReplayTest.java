package dev.tradingsdk.cfd;

import dev.tradingsdk.core.strategy.DecisionContext;
import dev.tradingsdk.core.strategy.DecisionFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tradingsdk.core.backtest.BarCsvReader;
import dev.tradingsdk.core.instrument.AssetClass;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.instrument.Venue;
import dev.tradingsdk.core.market.Bar;
import dev.tradingsdk.core.market.Quote;
import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.order.OrderRequest;
import dev.tradingsdk.core.portfolio.Position;
import dev.tradingsdk.core.time.SimulatedClock;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Three rule-based participants over the 2023 daily BTC, ETH and gold closes (Yahoo data, see
 * {@code market/SOURCES.md}), loaded with core's {@link BarCsvReader}. The final leaderboard is checked against
 * an independent BigDecimal ledger written in this test from the documented rules (fills at bid/ask around the
 * close, 10 bp commission, one financing charge per daily step, margin on closing prices, stop-out below 50 %).
 */
class CompetitionReplayTest {

    private static final Instrument BTC = Instrument.builder("BTCUSD", Venue.SIM).assetClass(AssetClass.CRYPTO)
            .quoteCurrency(Currency.USD).pricePrecision(2).sizePrecision(4).build();
    private static final Instrument ETH = Instrument.builder("ETHUSD", Venue.SIM).assetClass(AssetClass.CRYPTO)
            .quoteCurrency(Currency.USD).pricePrecision(2).sizePrecision(3).build();
    private static final Instrument GOLD = Instrument.builder("XAUUSD", Venue.SIM).assetClass(AssetClass.COMMODITY)
            .quoteCurrency(Currency.USD).pricePrecision(1).sizePrecision(2).tickSize("0.1").build();
    private static final List<Instrument> INSTRUMENTS = List.of(BTC, ETH, GOLD);
    private static final Map<Instrument, String> FILES = Map.of(BTC, "btc_usd_daily_yahoo_2023.csv",
            ETH, "eth_usd_daily_yahoo_2023.csv", GOLD, "gold_gc_f_daily_yahoo_2023.csv");
    private static final Map<Instrument, Long> SPREAD_BPS = Map.of(BTC, 10L, ETH, 10L, GOLD, 4L);
    private static final Map<Instrument, Integer> LEVERAGE = Map.of(BTC, 2, ETH, 2, GOLD, 10);
    private static final long COMMISSION_BPS = 10;
    private static final long LONG_FINANCING_BPS = 500;
    private static final long SHORT_FINANCING_BPS = 300;
    private static final Instant START = Instant.parse("2023-01-02T00:00:00Z");
    private static final Instant END = Instant.parse("2024-01-01T00:00:00Z");
    private static final BigDecimal CAPITAL = new BigDecimal("100000");

    @Test
    void threeParticipantsOverA2023ReplayMatchAnIndependentLedger() throws Exception {
        NavigableMap<Instant, Map<Instrument, Price>> steps = loadSteps();
        assertThat(steps).hasSize(365);

        SimulatedClock clock = new SimulatedClock(Instant.parse("2023-01-01T00:00:00Z"));
        CfdTerms terms = CfdTerms.builder().commissionBps(COMMISSION_BPS).spreadBps(AssetClass.CRYPTO, 10)
                .spreadBps(AssetClass.COMMODITY, 4).financingBps(LONG_FINANCING_BPS, SHORT_FINANCING_BPS).build();
        List<CfdEvent> journal = new ArrayList<>();
        Competition competition = Competition.builder("daily-2023").window(START, END)
                .initialCapital(Money.of(CAPITAL, Currency.USD)).maxLeverage(10).maxPositionPercent(200)
                .allowedAssetClasses(Set.of(AssetClass.CRYPTO, AssetClass.COMMODITY))
                .allowedSymbols(Set.of("BTCUSD", "ETHUSD", "XAUUSD")).invocationInterval(Duration.ofDays(1))
                .maxParticipants(3).terms(terms).clock(clock).eventSink(journal::add).build();
        competition.join(new Participant("hodl-btc", "rule:buy-and-hold"), new BuyOnce());
        competition.join(new Participant("gold-momentum", "rule:close-above-previous"), new GoldMomentum());
        competition.join(new Participant("eth-short-max", "rule:max-short"), new MaxShortEth());

        competition.replayMids(steps);

        Map<String, Ledger> reference = referenceRun(steps);
        assertThat(competition.status()).isEqualTo(CompetitionStatus.COMPLETED);
        assertThat(competition.rejections()).isEmpty();

        List<String> expectedOrder = reference.entrySet().stream()
                .sorted((a, b) -> {
                    int byEquity = b.getValue().equity().compareTo(a.getValue().equity());
                    return byEquity != 0 ? byEquity : a.getKey().compareTo(b.getKey());
                }).map(Map.Entry::getKey).toList();
        Leaderboard board = competition.leaderboard();
        LoggerFactory.getLogger(CompetitionReplayTest.class).info("final leaderboard\n{}", board);
        assertThat(board.entries()).extracting(e -> e.participant().name()).containsExactlyElementsOf(expectedOrder);
        assertThat(board.entries()).extracting(LeaderboardEntry::rank).containsExactly(1, 2, 3);
        for (LeaderboardEntry entry : board.entries()) {
            Ledger ref = reference.get(entry.participant().name());
            assertThat(entry.equity().toBigDecimal()).as(entry.participant().name() + " equity")
                    .isEqualByComparingTo(ref.equity());
            assertThat(entry.returnPercent()).isEqualByComparingTo(ref.equity().subtract(CAPITAL)
                    .multiply(BigDecimal.valueOf(100)).divide(CAPITAL, 4, RoundingMode.HALF_EVEN));
            assertThat(entry.fees().toBigDecimal()).isEqualByComparingTo(ref.commission);
            assertThat(entry.financing().toBigDecimal()).isEqualByComparingTo(ref.financing);
            assertThat(entry.realizedPnl().toBigDecimal()).isEqualByComparingTo(ref.realized);
            assertThat(entry.fillCount()).isEqualTo(ref.fills);
            assertThat(entry.closedTrades()).isEqualTo(ref.closes);
            double winRate = ref.closes == 0 ? Double.NaN : (double) ref.wins / ref.closes;
            assertThat(Double.compare(entry.winRate(), winRate)).as(entry.participant().name() + " win rate "
                    + entry.winRate() + ", the ledger's " + winRate).isZero();
            assertThat(entry.peakEquity().toBigDecimal()).isEqualByComparingTo(ref.peak);
            assertThat(entry.maxDrawdownPercent()).isEqualByComparingTo(ref.maxDrawdownPercent);
            assertThat(entry.sharpe()).isCloseTo(ref.sharpe(), within(1e-9));
            assertThat(entry.status()).isEqualTo(ref.liquidatedAt == null ? ParticipantStatus.ACTIVE
                    : ParticipantStatus.LIQUIDATED);
        }

        // the short was stopped out on the step the ledger says, and never traded again
        Ledger eth = reference.get("eth-short-max");
        assertThat(eth.liquidatedAt).isNotNull();
        assertThat(competition.liquidations()).singleElement().satisfies(l -> {
            assertThat(l.participant()).isEqualTo("eth-short-max");
            assertThat(l.event().at()).isEqualTo(eth.liquidatedAt);
        });
        assertThat(competition.invocations()).filteredOn(i -> i.participant().equals("hodl-btc")).hasSize(364);
        assertThat(competition.invocations()).filteredOn(i -> i.participant().equals("eth-short-max"))
                .allSatisfy(i -> assertThat(i.time()).isBefore(eth.liquidatedAt));
        assertThat(reference.get("gold-momentum").fills).isGreaterThan(50);

        // every participant's account can be rebuilt from the journal the competition fed
        for (Participant p : competition.participants()) {
            List<CfdEvent> own = journal.stream().filter(e -> e.accountId().equals(p.name())).toList();
            CfdAccount rebuilt = CfdAccount.rebuild(own, competition.terms(), clock);
            assertThat(rebuilt.equity()).isEqualTo(competition.account(p.name()).equity());
            assertThat(rebuilt.fees()).isEqualTo(competition.account(p.name()).fees());
        }
    }

    private static NavigableMap<Instant, Map<Instrument, Price>> loadSteps() throws URISyntaxException {
        NavigableMap<Instant, Map<Instrument, Price>> steps = new TreeMap<>();
        for (Instrument instrument : INSTRUMENTS) {
            Path file = Path.of(CompetitionReplayTest.class.getResource("/market/" + FILES.get(instrument)).toURI());
            for (Bar bar : BarCsvReader.yahooDaily(instrument).read(file).events()) {
                steps.computeIfAbsent(bar.closeTime(), t -> new LinkedHashMap<>()).put(instrument, bar.close());
            }
        }
        return steps;
    }

    /** Buys one BTC on its first invocation and holds it. */
    private static final class BuyOnce implements DecisionFunction {
        private boolean bought;

        @Override
        public List<OrderRequest> decide(DecisionContext context) {
            if (bought) {
                return List.of();
            }
            bought = true;
            return List.of(OrderRequest.buy(BTC).quantity("1").build());
        }
    }

    /** Long 10 oz of gold after a close above the previous one, short 10 oz otherwise; acts on new closes only. */
    private static final class GoldMomentum implements DecisionFunction {
        private Price previous;

        @Override
        public List<OrderRequest> decide(DecisionContext context) {
            Quote quote = context.quotes().get(GOLD.id());
            if (quote == null || !quote.timestamp().equals(context.time())) {
                return List.of();
            }
            Price mid = context.mid(GOLD);
            Price before = previous;
            previous = mid;
            if (before == null) {
                return List.of();
            }
            long target = mid.isGreaterThan(before) ? 1000 : -1000;
            long current = context.account().position(GOLD.id()).map(Position::netRaw).orElse(0L);
            long change = target - current;
            if (change == 0) {
                return List.of();
            }
            return List.of(OrderRequest.builder(GOLD, change > 0 ? dev.tradingsdk.core.order.Side.BUY
                    : dev.tradingsdk.core.order.Side.SELL).quantity(
                    dev.tradingsdk.core.num.Quantity.ofRaw(Math.abs(change), 2)).build());
        }
    }

    /** Shorts ETH on its first invocation with 95 % of equity as margin at 2:1. */
    private static final class MaxShortEth implements DecisionFunction {
        private boolean done;

        @Override
        public List<OrderRequest> decide(DecisionContext context) {
            if (done) {
                return List.of();
            }
            done = true;
            Money free = context.account().equity().timesRatio(95, 100, RoundingMode.DOWN);
            return List.of(OrderRequest.sell(ETH)
                    .quantity(CfdMath.maxPositionSize(ETH, free, 2, context.quote(ETH).bid())).build());
        }
    }

    // ------------------------------------------------------------------ independent reference

    private static Map<String, Ledger> referenceRun(NavigableMap<Instant, Map<Instrument, Price>> steps) {
        Map<String, Ledger> ledgers = new LinkedHashMap<>();
        ledgers.put("hodl-btc", new Ledger());
        ledgers.put("gold-momentum", new Ledger());
        ledgers.put("eth-short-max", new Ledger());
        Map<Instrument, BigDecimal[]> quotes = new HashMap<>();
        BigDecimal previousGold = null;
        boolean first = true;
        for (Map.Entry<Instant, Map<Instrument, Price>> step : steps.entrySet()) {
            Instant now = step.getKey();
            step.getValue().forEach((instrument, close) -> quotes.put(instrument, bidAsk(instrument,
                    close.toBigDecimal())));
            for (Ledger ledger : ledgers.values()) {
                ledger.chargeFinancing(quotes);
                if (ledger.belowStopOut(quotes)) {
                    ledger.closeAll(quotes);
                    ledger.liquidatedAt = now;
                }
            }
            if (now.isBefore(END)) {
                if (first) {
                    ledgers.get("hodl-btc").fill(BTC, BigDecimal.ONE, quotes);
                    BigDecimal[] eth = quotes.get(ETH);
                    BigDecimal size = CAPITAL.multiply(new BigDecimal("0.95")).multiply(BigDecimal.valueOf(2))
                            .divide(eth[0], 3, RoundingMode.DOWN);
                    ledgers.get("eth-short-max").fill(ETH, size.negate(), quotes);
                    first = false;
                }
                if (step.getValue().containsKey(GOLD)) {
                    BigDecimal[] gold = quotes.get(GOLD);
                    BigDecimal mid = gold[0].add(gold[1]).divide(BigDecimal.valueOf(2));
                    if (previousGold != null) {
                        BigDecimal target = BigDecimal.valueOf(mid.compareTo(previousGold) > 0 ? 10 : -10);
                        Ledger ledger = ledgers.get("gold-momentum");
                        BigDecimal change = target.subtract(ledger.size(GOLD));
                        if (change.signum() != 0) {
                            ledger.fill(GOLD, change, quotes);
                        }
                    }
                    previousGold = mid;
                }
            }
            for (Ledger ledger : ledgers.values()) {
                ledger.sample(quotes);
            }
        }
        return ledgers;
    }

    /** Half the spread each side of the close, rounded outwards to the tick (= the price precision here). */
    private static BigDecimal[] bidAsk(Instrument instrument, BigDecimal close) {
        int scale = instrument.pricePrecision();
        BigDecimal half = close.multiply(BigDecimal.valueOf(SPREAD_BPS.get(instrument)))
                .divide(BigDecimal.valueOf(20_000), scale, RoundingMode.CEILING);
        return new BigDecimal[] {close.subtract(half), close.add(half)};
    }

    /** A BigDecimal account: cash, signed size and unsigned cost basis per instrument. */
    private static final class Ledger {
        BigDecimal cash = CAPITAL;
        final Map<Instrument, BigDecimal> size = new HashMap<>();
        final Map<Instrument, BigDecimal> cost = new HashMap<>();
        BigDecimal commission = BigDecimal.ZERO;
        BigDecimal financing = BigDecimal.ZERO;
        BigDecimal realized = BigDecimal.ZERO;
        long fills;
        /** Round trips closed, and those with a positive P&amp;L net of the commission of all their fills. */
        int closes;
        long wins;
        final Map<Instrument, BigDecimal> tripFees = new HashMap<>();
        BigDecimal peak = CAPITAL;
        BigDecimal maxDrawdownPercent = BigDecimal.ZERO;
        BigDecimal last = CAPITAL;
        final List<Double> returns = new ArrayList<>();
        BigDecimal lastEquity = CAPITAL;
        Instant liquidatedAt;

        BigDecimal size(Instrument instrument) {
            return size.getOrDefault(instrument, BigDecimal.ZERO);
        }

        void fill(Instrument instrument, BigDecimal signedQty, Map<Instrument, BigDecimal[]> quotes) {
            BigDecimal price = signedQty.signum() > 0 ? quotes.get(instrument)[1] : quotes.get(instrument)[0];
            BigDecimal qty = signedQty.abs();
            BigDecimal fee = qty.multiply(price).multiply(BigDecimal.valueOf(COMMISSION_BPS))
                    .divide(BigDecimal.valueOf(10_000), 6, RoundingMode.CEILING);
            BigDecimal held = size(instrument);
            BigDecimal opening = qty;
            if (held.signum() != 0 && held.signum() != signedQty.signum()) {
                assertThat(qty).as("the scenarios only close whole positions").isGreaterThanOrEqualTo(held.abs());
                BigDecimal exit = held.abs().multiply(price);
                BigDecimal pnl = held.signum() > 0 ? exit.subtract(cost.get(instrument))
                        : cost.get(instrument).subtract(exit);
                realized = realized.add(pnl);
                cash = cash.add(pnl);
                closes++;
                // the closing (or flipping) fill's whole commission belongs to the trip it closes
                if (pnl.subtract(tripFees.getOrDefault(instrument, BigDecimal.ZERO)).subtract(fee).signum() > 0) {
                    wins++;
                }
                tripFees.remove(instrument);
                opening = qty.subtract(held.abs());
                size.put(instrument, BigDecimal.ZERO);
                cost.put(instrument, BigDecimal.ZERO);
                held = BigDecimal.ZERO;
            }
            if (opening.signum() > 0) {
                if (opening.compareTo(qty) == 0) { // an open or an increase; a flip's fee went to the closed trip
                    tripFees.merge(instrument, fee, BigDecimal::add);
                }
                size.put(instrument, held.add(opening.multiply(BigDecimal.valueOf(signedQty.signum()))));
                cost.put(instrument, cost.getOrDefault(instrument, BigDecimal.ZERO).add(opening.multiply(price)));
            }
            cash = cash.subtract(fee);
            commission = commission.add(fee);
            fills++;
        }

        void chargeFinancing(Map<Instrument, BigDecimal[]> quotes) {
            for (Map.Entry<Instrument, BigDecimal> e : size.entrySet()) {
                if (e.getValue().signum() == 0) {
                    continue;
                }
                long rate = e.getValue().signum() > 0 ? LONG_FINANCING_BPS : SHORT_FINANCING_BPS;
                BigDecimal charge = notional(e.getKey(), e.getValue(), quotes).multiply(BigDecimal.valueOf(rate))
                        .divide(BigDecimal.valueOf(3_650_000), 6, RoundingMode.CEILING);
                cash = cash.subtract(charge);
                financing = financing.add(charge);
            }
        }

        static BigDecimal notional(Instrument instrument, BigDecimal signedSize, Map<Instrument, BigDecimal[]> q) {
            BigDecimal close = signedSize.signum() > 0 ? q.get(instrument)[0] : q.get(instrument)[1];
            return signedSize.abs().multiply(close);
        }

        BigDecimal equity(Map<Instrument, BigDecimal[]> quotes) {
            BigDecimal equity = cash;
            for (Map.Entry<Instrument, BigDecimal> e : size.entrySet()) {
                BigDecimal s = e.getValue();
                if (s.signum() == 0) {
                    continue;
                }
                BigDecimal value = notional(e.getKey(), s, quotes);
                equity = equity.add(s.signum() > 0 ? value.subtract(cost.get(e.getKey()))
                        : cost.get(e.getKey()).subtract(value));
            }
            return equity;
        }

        BigDecimal equity() {
            return lastEquity;
        }

        boolean belowStopOut(Map<Instrument, BigDecimal[]> quotes) {
            BigDecimal used = BigDecimal.ZERO;
            for (Map.Entry<Instrument, BigDecimal> e : size.entrySet()) {
                if (e.getValue().signum() != 0) {
                    Instrument i = e.getKey();
                    used = used.add(notional(i, e.getValue(), quotes).divide(BigDecimal.valueOf(LEVERAGE.get(i)),
                            i.pricePrecision() + i.sizePrecision(), RoundingMode.CEILING));
                }
            }
            return used.signum() > 0
                    && equity(quotes).multiply(BigDecimal.valueOf(100)).compareTo(used.multiply(
                    BigDecimal.valueOf(50))) < 0;
        }

        void closeAll(Map<Instrument, BigDecimal[]> quotes) {
            for (Instrument instrument : List.copyOf(size.keySet())) {
                BigDecimal s = size(instrument);
                if (s.signum() != 0) {
                    fill(instrument, s.negate(), quotes);
                }
            }
        }

        void sample(Map<Instrument, BigDecimal[]> quotes) {
            BigDecimal equity = equity(quotes);
            if (equity.compareTo(peak) > 0) {
                peak = equity;
            }
            BigDecimal drawdown = peak.subtract(equity).divide(peak, 8, RoundingMode.HALF_EVEN)
                    .multiply(BigDecimal.valueOf(100)).setScale(4, RoundingMode.HALF_EVEN);
            maxDrawdownPercent = maxDrawdownPercent.max(drawdown);
            returns.add(equity.doubleValue() / last.doubleValue() - 1.0);
            last = equity;
            lastEquity = equity;
        }

        double sharpe() {
            double mean = returns.stream().mapToDouble(Double::doubleValue).average().orElse(0);
            double ss = returns.stream().mapToDouble(r -> (r - mean) * (r - mean)).sum();
            double sd = Math.sqrt(ss / (returns.size() - 1));
            return mean / sd;
        }
    }
}
