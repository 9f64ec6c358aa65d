package dev.tradingsdk.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tradingsdk.core.backtest.MarketReplay;
import dev.tradingsdk.core.backtest.SimulatedVenue;
import dev.tradingsdk.core.instrument.AssetClass;
import dev.tradingsdk.core.instrument.ExerciseStyle;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.instrument.OptionRight;
import dev.tradingsdk.core.instrument.Venue;
import dev.tradingsdk.core.market.MarketEvent;
import dev.tradingsdk.core.market.Quote;
import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.options.GreeksBook;
import dev.tradingsdk.core.options.GreeksSnapshot;
import dev.tradingsdk.core.order.OrderRequest;
import dev.tradingsdk.core.portfolio.Portfolio;
import dev.tradingsdk.core.strategy.EngineMode;
import dev.tradingsdk.core.strategy.EngineStatus;
import dev.tradingsdk.core.strategy.StatusDetailSource;
import dev.tradingsdk.core.strategy.Strategy;
import dev.tradingsdk.core.strategy.StrategyContext;
import dev.tradingsdk.core.strategy.StrategyDetail;
import dev.tradingsdk.core.strategy.TradingEngine;
import dev.tradingsdk.core.time.SimulatedClock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A real engine's status (greeks book, a strategy publishing its detail, an open order) rendered as JSON. */
class EngineStatusJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant T0 = Instant.parse("2026-11-20T14:30:00Z");
    private static final Instrument FUTURE = Instrument.builder("ESZ6", Venue.of("CME")).assetClass(AssetClass.FUTURE)
        .quoteCurrency(Currency.USD).pricePrecision(2).tickSize("0.25").sizePrecision(0).multiplier("50")
        .underlying("ES").expiry(Instant.parse("2026-12-18T14:30:00Z"))
        .future(YearMonth.of(2026, 12), LocalDate.of(2026, 12, 18)).tradableAt(T0).build();
    private static final Instrument CALL = Instrument.builder("ESZ6C5000", Venue.of("CME"))
        .assetClass(AssetClass.OPTION).quoteCurrency(Currency.USD).pricePrecision(2).tickSize("0.05").sizePrecision(0)
        .multiplier("50").expiry(FUTURE.expiryOrNull()).option(FUTURE, OptionRight.CALL, "5000").strikeIncrement("5")
        .exerciseStyle(ExerciseStyle.AMERICAN).tradableAt(T0).build();

    /** On the future's first quote bids for ten calls at the ask to come and one far below it; publishes its count. */
    private static final class LongCalls implements Strategy, StatusDetailSource {
        private boolean bought;

        @Override
        public void onStart(StrategyContext context) {
            context.marketData().subscribeAll();
        }

        @Override
        public void onEvent(MarketEvent event, StrategyContext context) {
            if (event.instrument().equals(FUTURE) && !bought) {
                bought = true;
                context.orders().submit(OrderRequest.buy(CALL).quantity("10").limit("115.50").clientOrderId("calls")
                    .build());
                context.orders().submit(OrderRequest.buy(CALL).quantity("1").limit("50.00").clientOrderId("low-bid")
                    .build());
            }
        }

        @Override
        public StrategyDetail statusDetail() {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("calls", bought ? "10" : "0");
            return new StrategyDetail(bought ? "HOLDING" : "WAITING", fields);
        }
    }

    private static Quote quote(Instrument instrument, Instant at, String bid, String ask) {
        return new Quote(instrument, at, instrument.price(bid), instrument.size("100"), instrument.price(ask),
            instrument.size("100"));
    }

    @Test
    void everyFigureOfTheStatusIsInTheJson() {
        GreeksBook book = GreeksBook.builder().rate(0.05).instruments(CALL).build();
        book.volatility(CALL, 0.20);
        Portfolio account = new Portfolio("desk", Money.of("1000000.00", Currency.USD));
        List<MarketEvent> events = List.of(quote(FUTURE, T0, "4999.75", "5000.25"),
            quote(CALL, T0.plusSeconds(1), "114.50", "115.50"));
        TradingEngine engine = TradingEngine.builder().mode(EngineMode.REPLAY).clock(new SimulatedClock(T0))
            .feed("quotes", MarketReplay.of(List.of(events.iterator())))
            .simulatedAccount(account, SimulatedVenue.builder()).greeks(book).strategy("calls", new LongCalls()).build();
        engine.run();
        EngineStatus status = engine.status();

        JsonNode json = JSON.valueToTree(EngineStatusJson.of(status));
        assertThat(json.get("mode").asText()).isEqualTo("REPLAY");
        assertThat(json.get("trading").asText()).isEqualTo("ACTIVE");
        assertThat(json.get("asOf").asText()).isEqualTo(status.asOf().toString());
        assertThat(json.get("eventsHandled").asLong()).isEqualTo(status.eventsHandled());
        JsonNode strategy = json.get("strategies").get(0);
        assertThat(strategy.get("id").asText()).isEqualTo("calls");
        assertThat(strategy.get("account").asText()).isEqualTo("desk");
        assertThat(strategy.get("level").asText()).isEqualTo("HOLDING");
        assertThat(strategy.get("detail").get("calls").asText()).isEqualTo("10");

        JsonNode desk = json.get("accounts").get(0);
        assertThat(desk.get("id").asText()).isEqualTo("desk");
        assertThat(desk.get("equity").asText()).isEqualTo(status.account("desk").equity().toString());
        JsonNode position = desk.get("positions").get(0);
        assertThat(position.get("instrument").asText()).isEqualTo(CALL.id().toString());
        assertThat(position.get("side").asText()).isEqualTo("LONG");
        assertThat(position.get("quantity").asText()).isEqualTo("10");
        assertThat(position.get("averagePrice").asText()).isEqualTo("115.500000");

        GreeksSnapshot.Underlying es = status.account("desk").greeks().orElseThrow().of("ES").orElseThrow();
        JsonNode greeks = desk.get("greeks").get(0);
        assertThat(greeks.get("underlying").asText()).isEqualTo("ES");
        assertThat(greeks.get("netDelta").asDouble()).isEqualTo(es.netDelta()).isBetween(250.0, 300.0);
        assertThat(greeks.get("gamma").asDouble()).isEqualTo(es.gamma()).isPositive();
        assertThat(greeks.get("vega").asDouble()).isEqualTo(es.vega()).isPositive();
        assertThat(greeks.get("theta").asDouble()).isEqualTo(es.theta()).isNegative();
        assertThat(greeks.get("complete").asBoolean()).isTrue();

        JsonNode open = json.get("openOrders");
        assertThat(open).hasSize(1);
        assertThat(open.get(0).get("clientOrderId").asText()).isEqualTo("low-bid");
        assertThat(open.get(0).get("leaves").asText()).isEqualTo("1");
        JsonNode feed = json.get("feeds").get(0);
        assertThat(feed.get("name").asText()).isEqualTo("quotes");
        assertThat(feed.get("events").asLong()).isEqualTo(2);
        assertThat(feed.get("lastEventTime").asText()).isEqualTo(T0.plusSeconds(1).toString());
        assertThat(json.get("staleInstruments")).isEmpty();
        assertThat(json.get("unreconciledOrders")).isEmpty();
        assertThat(json.has("failure")).isFalse();
    }
}
