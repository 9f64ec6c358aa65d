package dev.tradingsdk.examples;

import dev.tradingsdk.core.backtest.Backtest;
import dev.tradingsdk.core.backtest.BacktestResult;
import dev.tradingsdk.core.backtest.BarCsvReader;
import dev.tradingsdk.core.backtest.BookCsvReader;
import dev.tradingsdk.core.backtest.FeeModel;
import dev.tradingsdk.core.backtest.SlippageModel;
import dev.tradingsdk.core.book.OrderBook;
import dev.tradingsdk.core.instrument.AssetClass;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.instrument.Venue;
import dev.tradingsdk.core.market.Bar;
import dev.tradingsdk.core.market.BookSnapshot;
import dev.tradingsdk.core.market.MarketState;
import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Quantity;
import dev.tradingsdk.core.order.ClientOrderId;
import dev.tradingsdk.core.order.Fill;
import dev.tradingsdk.core.order.OrderRequest;
import dev.tradingsdk.core.order.Side;
import dev.tradingsdk.core.portfolio.Portfolio;
import dev.tradingsdk.core.portfolio.Position;
import dev.tradingsdk.core.risk.RiskDecision;
import dev.tradingsdk.core.risk.RiskGovernor;
import dev.tradingsdk.core.risk.rules.MaxOrderNotionalRule;
import dev.tradingsdk.core.risk.rules.MaxOrderQuantityRule;
import dev.tradingsdk.core.time.SimulatedClock;
import dev.tradingsdk.examples.strategies.MovingAverageCrossover;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/**
 * The SDK in one offline run over bundled real data: a position and a cash account built from Yahoo BTC-USD
 * daily bars, a pre-trade risk check, an L2 book replayed from a recorded Polymarket market, and a backtest with
 * its HTML report.
 *
 * <p>Usage: {@code QuickstartExample [report.html]} (default {@code target/quickstart-report.html}).
 */
public final class QuickstartExample {

    private static final String DATA = "/dev/tradingsdk/examples/data/";

    private QuickstartExample() {
    }

    public static void main(String[] args) {
        Path report = Path.of(args.length > 0 ? args[0] : "target/quickstart-report.html");
        run(System.out, report);
    }

    /** Runs every step, printing to {@code out}; returns the path of the written report. */
    static Path run(PrintStream out, Path reportFile) {
        Instrument btc = Instrument.builder("BTC-USD", Venue.SIM).assetClass(AssetClass.CRYPTO)
                .quoteCurrency(Currency.USD).pricePrecision(2).sizePrecision(4).build();
        // The file was downloaded during its last day, so that bar is unfinished and left out.
        List<Bar> bars = read("btc_usd_daily_yahoo.csv", reader -> BarCsvReader.yahooDaily(btc)
                .asOf(Instant.parse("2024-05-27T12:00:00Z")).read(reader, "btc_usd_daily_yahoo.csv").events());
        Bar first2023 = firstOnOrAfter(bars, LocalDate.of(2023, 1, 1));
        Bar last = bars.get(bars.size() - 1);

        out.println("== 1. A position and a cash account (exact fixed point)");
        Portfolio account = new Portfolio("quickstart", Money.of("100000", Currency.USD));
        account.apply(new Fill(ClientOrderId.of("quickstart-1"), "trade-1", btc, Side.BUY,
                first2023.close(), btc.size("1.5"), Money.of("2.50", Currency.USD), first2023.timestamp()));
        account.mark(btc, last.close());
        Position position = account.position(btc.id()).orElseThrow();
        out.printf(Locale.ROOT, "bought %s BTC at %s on %s, marked at %s on %s%n", position.quantity(),
                first2023.close(), day(first2023), last.close(), day(last));
        out.printf(Locale.ROOT, "cash %s, unrealized P&L %s, equity %s%n", account.cash(), account.unrealizedPnl(),
                account.equity());

        out.println("== 2. A pre-trade risk check");
        RiskGovernor governor = RiskGovernor.builder().clock(new SimulatedClock(last.timestamp()))
                .rule(new MaxOrderQuantityRule(Quantity.of("2")))
                .rule(new MaxOrderNotionalRule(Money.of("150000", Currency.USD)))
                .build();
        MarketState noMarketData = id -> null;
        OrderRequest small = OrderRequest.sell(btc).quantity("0.5").limit(last.close()).build();
        OrderRequest fatFinger = OrderRequest.buy(btc).quantity("25").limit(last.close()).build();
        out.println(small + " -> " + describe(governor.check(small, account, noMarketData)));
        out.println(fatFinger + " -> " + describe(governor.check(fatFinger, account, noMarketData)));

        out.println("== 3. An L2 book replayed from a recorded Polymarket BTC up/down market");
        Instrument up = Instrument.builder("BTC-UPDOWN-15M-1767398400-UP", Venue.of("POLYMARKET"))
                .assetClass(AssetClass.BINARY_OUTCOME).quoteCurrency(Currency.PUSD)
                .pricePrecision(3).sizePrecision(2).tickSize("0.01").build();
        List<BookSnapshot> snapshots = read("polymarket_btc-updown-15m-1767398400_depth.csv",
                reader -> BookCsvReader.topOfBook(up)
                        .columns("ts_ny", "yes_bid", "yes_ask", "yes_bid_depth", "yes_ask_depth")
                        .read(reader, "polymarket_btc-updown-15m-1767398400_depth.csv").events());
        OrderBook book = new OrderBook(up);
        int crossed = 0;
        for (BookSnapshot snapshot : snapshots) {
            book.clear();
            snapshot.bids().forEach(level -> book.applyDelta(Side.BUY, level.price(), level.size()));
            snapshot.asks().forEach(level -> book.applyDelta(Side.SELL, level.price(), level.size()));
            crossed += book.isCrossed() ? 1 : 0;
            if (snapshot.timestamp().equals(snapshots.get(snapshots.size() / 2).timestamp())) {
                out.printf(Locale.ROOT, "%s  UP bid %s / ask %s, spread %s, mid %s%n", snapshot.timestamp(),
                        book.bestBid().map(Object::toString).orElse("-"),
                        book.bestAsk().map(Object::toString).orElse("-"),
                        book.spread().map(Object::toString).orElse("-"),
                        book.mid().map(Object::toString).orElse("-"));
                if (book.bestAsk().isPresent()) {
                    Quantity available = book.totalSize(Side.SELL);
                    out.printf(Locale.ROOT, "buying all %s UP on offer costs %s%n", available,
                            book.costToFill(Side.BUY, available));
                }
            }
        }
        out.printf(Locale.ROOT, "replayed %d snapshots (%d crossed); final UP book: %s%n", snapshots.size(), crossed,
                book);

        out.println("== 4. A backtest: 10/30 moving-average crossover on BTC-USD, 10 bps fees, 1 tick slippage");
        BacktestResult result = Backtest.builder()
                .initialCash(Money.of("100000", Currency.USD))
                .events(bars)
                .strategy(new MovingAverageCrossover(btc, 10, 30, Quantity.of("1")))
                .fees(FeeModel.bps("10"))
                .slippage(SlippageModel.ticks(1))
                .run();
        var metrics = result.metrics(365);
        out.printf(Locale.ROOT, "final equity %s after %d trades; fees %s; Sharpe %.2f; max drawdown %.1f%%%n",
                result.finalEquity(), metrics.tradeCount(), result.feesPaid(), metrics.sharpe(),
                metrics.maxDrawdown() * 100);
        try {
            Path parent = reportFile.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path written = result.writeReport(reportFile, "BTC-USD 10/30 moving-average crossover", 365);
        out.println("report: " + written.toAbsolutePath());
        return written;
    }

    private static String describe(RiskDecision decision) {
        return decision.accepted() ? "ACCEPTED" : "REJECTED " + decision.violations();
    }

    private static Bar firstOnOrAfter(List<Bar> bars, LocalDate date) {
        Instant from = date.atStartOfDay(ZoneOffset.UTC).toInstant();
        return bars.stream().filter(b -> !b.openTime().isBefore(from)).findFirst().orElseThrow();
    }

    private static LocalDate day(Bar bar) {
        return LocalDate.ofInstant(bar.openTime(), ZoneOffset.UTC);
    }

    private interface ReaderFunction<T> {
        T apply(Reader reader) throws IOException;
    }

    private static <T> T read(String name, ReaderFunction<T> parse) {
        try (InputStream in = QuickstartExample.class.getResourceAsStream(DATA + name)) {
            if (in == null) {
                throw new IllegalStateException("bundled data file missing: " + DATA + name);
            }
            return parse.apply(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
