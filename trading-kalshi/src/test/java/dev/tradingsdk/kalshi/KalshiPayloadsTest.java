package dev.tradingsdk.kalshi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tradingsdk.core.book.OrderBook;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The parsers on the shared payloads, with the values each vector file lists as expected. */
class KalshiPayloadsTest {

    @Test
    void marketsCarryDollarStringsAndTheGrid() {
        JsonNode vectors = Vectors.json("markets.json");
        List<KalshiMarket> markets = KalshiPayloads.markets(vectors.at("/response/markets"), "markets");
        KalshiMarket b745 = markets.get(0);
        JsonNode expected = vectors.at("/expected/KXHIGHNY-26MAY05-B74.5");
        assertThat(b745.yesBid()).contains(Price.of(expected.get("yes_bid").asText(), 4));
        assertThat(b745.yesAsk()).contains(Price.of(expected.get("yes_ask").asText(), 4));
        assertThat(b745.noBid()).contains(Price.of(expected.get("no_bid").asText(), 4));
        assertThat(b745.noAsk()).contains(Price.of(expected.get("no_ask").asText(), 4));
        assertThat(b745.mid()).contains(Price.of(expected.get("mid").asText(), 4));
        assertThat(b745.volume()).isEqualTo(Quantity.of(expected.get("volume").asText(), 2));
        assertThat(b745.openInterest()).isEqualTo(Quantity.of(expected.get("open_interest").asText(), 2));
        assertThat(b745.closeTime()).contains(Instant.ofEpochMilli(expected.get("close_time_epoch_ms").asLong()));
        assertThat(b745.instrument().tickSize()).isEqualTo(Price.of("0.01"));
        KalshiMarket t75 = markets.get(1);
        assertThat(t75.result()).isEqualTo("yes");
        assertThat(t75.status()).isEqualTo("finalized");
        assertThat(t75.settlementValue()).contains(Price.of("1.00", 4));
        assertThat(t75.finestStep()).isEqualTo(Price.of("0.0010"));
        assertThat(t75.isOnGrid(Price.of("0.055"))).isTrue();
        assertThat(t75.isOnGrid(Price.of("0.555"))).isFalse();
        assertThat(t75.isOnGrid(Price.of("0.95"))).isTrue();
    }

    @Test
    void legacyCentMarketsReadTheSameValues() {
        KalshiMarket legacy = KalshiPayloads.market(Vectors.json("markets.json")
                .at("/legacy_cents_response_pre_2026_03_12/markets/0"));
        KalshiMarket current = KalshiPayloads.market(Vectors.json("markets.json").at("/response/markets/0"));
        assertThat(legacy.yesBid()).isEqualTo(current.yesBid());
        assertThat(legacy.volume()).isEqualTo(current.volume());
        // A record with only the integer fields still reads (the fallback, not the dollar field, decides).
        JsonNode centsOnly = Vectors.JSON.createObjectNode().put("ticker", "OLD").put("status", "active")
                .put("yes_bid", 42).put("volume", 7);
        KalshiMarket old = KalshiPayloads.market(centsOnly);
        assertThat(old.yesBid()).contains(Price.of("0.4200"));
        assertThat(old.volume()).isEqualTo(Quantity.of("7.00"));
    }

    @Test
    void orderbookBidsOnlyAscendingAndTheDerivedAsks() {
        JsonNode vectors = Vectors.json("orderbook.json");
        KalshiOrderbook book = KalshiPayloads.orderbook("KXHIGHNY-26MAY05-B74.5", vectors.get("response"));
        JsonNode e = vectors.get("expected");
        assertThat(book.bestYesBid().orElseThrow()).isEqualTo(level(e, "best_yes_bid", "best_yes_bid_size"));
        assertThat(book.bestNoBid().orElseThrow()).isEqualTo(level(e, "best_no_bid", "best_no_bid_size"));
        assertThat(book.bestYesAsk().orElseThrow()).isEqualTo(level(e, "best_yes_ask", "best_yes_ask_size"));
        assertThat(book.bestNoAsk().orElseThrow()).isEqualTo(level(e, "best_no_ask", "best_no_ask_size"));
        assertThat(book.yesSpread()).contains(Price.of(e.get("yes_spread").asText(), 4));

        OrderBook core = book.toOrderBook(KalshiInstruments.yesContract(book.ticker()));
        assertThat(core.bestBid()).contains(Price.of("0.4200"));
        assertThat(core.bestAsk()).contains(Price.of("0.4400"));
        assertThat(core.levelCount(dev.tradingsdk.core.order.Side.SELL)).isEqualTo(2);
        assertThat(core.priceRawAt(dev.tradingsdk.core.order.Side.SELL, 1)).isEqualTo(9900);

        KalshiOrderbook legacy = KalshiPayloads.orderbook("X", vectors.get("legacy_cents_response_pre_2026_03_12"));
        assertThat(legacy.yesBids()).isEqualTo(book.yesBids());
        assertThat(legacy.noBids()).isEqualTo(book.noBids());
        JsonNode centsOnly = Vectors.JSON.createObjectNode().set("orderbook", vectors
                .at("/legacy_cents_response_pre_2026_03_12/orderbook").deepCopy());
        ((com.fasterxml.jackson.databind.node.ObjectNode) centsOnly.get("orderbook")).remove(List.of("yes_dollars",
                "no_dollars"));
        assertThat(KalshiPayloads.orderbook("X", centsOnly).yesBids()).isEqualTo(book.yesBids());
    }

    @Test
    void anEmptySideMayBeEmptyNullOrAbsent() {
        for (JsonNode robust : Vectors.json("orderbook.json").get("robustness_cases_unverified")) {
            KalshiOrderbook book = KalshiPayloads.orderbook("X", robust);
            assertThat(book.yesBids()).isEmpty();
            assertThat(book.bestYesBid()).isEmpty();
            assertThat(book.bestYesAsk().orElseThrow().price()).isEqualTo(Price.of("0.0100"));
            assertThat(book.bestNoAsk()).isEmpty();
        }
    }

    @Test
    void malformedBookLevelsNameTheField() {
        JsonNode bad = Vectors.JSON.createObjectNode().set("orderbook_fp", Vectors.JSON.createObjectNode()
                .set("yes_dollars", Vectors.JSON.createArrayNode().add(Vectors.JSON.createArrayNode().add("0.42"))));
        assertThatThrownBy(() -> KalshiPayloads.orderbook("X", bad)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("yes_dollars[0]");
        JsonNode fine = Vectors.JSON.createObjectNode().set("orderbook_fp", Vectors.JSON.createObjectNode()
                .set("yes_dollars", Vectors.JSON.createArrayNode().add(Vectors.JSON.createArrayNode().add("0.42123")
                        .add("1.00"))));
        assertThatThrownBy(() -> KalshiPayloads.orderbook("X", fine)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("more than 4 decimals: 0.42123");
        assertThatThrownBy(() -> KalshiPayloads.orderbook("X", Vectors.JSON.createObjectNode()))
                .hasMessageContaining("orderbook_fp");
    }

    @Test
    void tradesAndTheirVwap() {
        JsonNode vectors = Vectors.json("trades.json");
        List<KalshiTrade> trades = new java.util.ArrayList<>();
        for (JsonNode t : vectors.at("/response/trades")) {
            trades.add(KalshiPayloads.trade(t, "ticker"));
        }
        JsonNode e = vectors.get("expected");
        assertThat(trades).hasSize(e.get("count").asInt());
        BigDecimal contracts = BigDecimal.ZERO;
        BigDecimal notional = BigDecimal.ZERO;
        for (KalshiTrade t : trades) {
            contracts = contracts.add(t.count().toBigDecimal());
            notional = notional.add(t.count().toBigDecimal().multiply(t.yesPrice().toBigDecimal()));
            assertThat(t.yesPrice().plus(t.noPrice())).isEqualTo(Price.of("1.0000"));
        }
        assertThat(contracts).isEqualByComparingTo(e.get("total_contracts").asText());
        assertThat(notional.divide(contracts, 12, RoundingMode.HALF_EVEN)).isEqualByComparingTo(e.get("vwap_yes").asText());
        assertThat(trades.get(0).takerOutcome()).isEqualTo(Outcome.YES);
        assertThat(trades.get(1).takerOutcome()).isEqualTo(Outcome.NO);
        assertThat(trades.get(1).time()).isEqualTo(Instant.parse("2026-05-04T18:21:09.117Z"));
    }

    @Test
    void candlesWithAndWithoutTrades() {
        JsonNode response = Vectors.json("candlesticks.json").get("response");
        Candlestick first = KalshiPayloads.candlestick(response.at("/candlesticks/0"), "X");
        Candlestick quiet = KalshiPayloads.candlestick(response.at("/candlesticks/1"), "X");
        assertThat(first.periodEnd()).isEqualTo(Instant.ofEpochSecond(1777917600));
        assertThat(first.yesBid().close()).isEqualTo(Price.of("0.4200"));
        assertThat(first.traded().orElseThrow().high()).isEqualTo(Price.of("0.4300"));
        assertThat(first.volume()).isEqualTo(Quantity.of("1520.00"));
        assertThat(quiet.traded()).isEmpty();
        assertThat(quiet.previousPrice()).contains(Price.of("0.4300"));
    }

    @Test
    void portfolioShapes() {
        JsonNode vectors = Vectors.json("balance.json");
        Balance balance = KalshiPayloads.balance(vectors.get("response"));
        assertThat(balance.balance().toBigDecimal()).isEqualByComparingTo(vectors.at("/expected/balance_usd").asText());
        assertThat(balance.portfolioValue().toBigDecimal())
                .isEqualByComparingTo(vectors.at("/expected/portfolio_value_usd").asText());
        MarketPosition yes = KalshiPayloads.position(vectors.at("/positions_response/market_positions/0"));
        MarketPosition no = KalshiPayloads.position(vectors.at("/positions_response/market_positions/1"));
        assertThat(yes.outcome()).contains(Outcome.YES);
        assertThat(yes.contracts()).isEqualTo(Quantity.of("34.00"));
        assertThat(no.outcome()).contains(Outcome.NO);
        assertThat(no.contracts()).isEqualTo(Quantity.of("20.00"));
        assertThat(no.feesPaid().toBigDecimal()).isEqualByComparingTo("0.30");

        KalshiFill fill = KalshiPayloads.fill(vectors.at("/fills_response/fills/0"));
        assertThat(fill.outcome()).isEqualTo(Outcome.YES);
        assertThat(fill.fee().toBigDecimal()).isEqualByComparingTo("0.17");
        assertThat(fill.clientOrderId()).isNull();
        // balance.json's note says ceil(0.07 * 10 * 0.42 * 0.58) = ceil(0.1624) = 0.17, but the product is
        // 0.17052 (0.42 * 0.58 = 0.2436), so the formula gives 0.18; the vector's fee_cost is illustrative.
        assertThat(KalshiFeeModel.fee(new BigDecimal("0.07"), fill.count(), fill.yesPrice()).toBigDecimal())
                .isEqualByComparingTo("0.18");
        // order-create.json: 5 NO at 0.58 taker, ceil(0.07 * 5 * 0.58 * 0.42 = 0.08526) = 0.09.
        assertThat(KalshiFeeModel.fee(new BigDecimal("0.07"), Quantity.of("5"), Price.of("0.58")).toBigDecimal())
                .isEqualByComparingTo("0.09");

        Settlement settlement = KalshiPayloads.settlement(Vectors.json("settlements.json").at("/response/settlements/0"));
        assertThat(settlement.revenue().toBigDecimal()).isEqualByComparingTo("34.00");
        assertThat(settlement.yesCount()).isEqualTo(Quantity.of("34.00"));
    }

    @Test
    void ordersReadDirectionFromBookSideNotSide() {
        JsonNode current = Vectors.json("order-create.json").at("/v2/response_200_get_orders_current_ILLUSTRATIVE/orders/0");
        KalshiOrder order = KalshiPayloads.order(current);
        assertThat(order.bookSide()).isEqualTo(BookSide.ASK);
        assertThat(order.yesPrice()).isEqualTo(Price.of("0.4000"));
        assertThat(order.clientOrderId()).contains("bot-7f3a2c9e-0002");
        assertThat(order.isResting()).isTrue();
        // A V2 order that also carries the deprecated side "yes" is still read by book_side.
        JsonNode misleading = ((com.fasterxml.jackson.databind.node.ObjectNode) current.deepCopy()).put("side", "yes");
        assertThat(KalshiPayloads.order(misleading).bookSide()).isEqualTo(BookSide.ASK);
    }

    @Test
    void exchangeStatusScheduleAndSeries() {
        JsonNode status = Vectors.json("exchange-status.json");
        assertThat(KalshiPayloads.exchangeStatus(status.get("response_open")))
                .isEqualTo(new ExchangeStatus(true, true, java.util.Optional.empty()));
        assertThat(KalshiPayloads.exchangeStatus(status.get("response_maintenance")).estimatedResumeTime())
                .contains(Instant.parse("2026-05-05T09:00:00Z"));
        ExchangeSchedule schedule = KalshiPayloads.schedule(Vectors.json("schedule.json").get("response"));
        assertThat(schedule.standardHours().get(0).sessions().get(DayOfWeek.MONDAY))
                .containsExactly(new ExchangeSchedule.Session(LocalTime.of(8, 0), LocalTime.of(3, 0)));
        assertThat(schedule.standardHours().get(0).sessions().get(DayOfWeek.SUNDAY)).isEmpty();
        assertThat(schedule.maintenanceWindows()).hasSize(1);
        Series weather = KalshiPayloads.series(Vectors.json("series.json").get("response_quadratic"));
        assertThat(weather.feeType()).isEqualTo(FeeType.QUADRATIC);
        assertThat(weather.feeMultiplier()).isEqualByComparingTo("1");
        Series sports = KalshiPayloads.series(Vectors.json("series.json").get("response_maker_fees"));
        assertThat(sports.feeType()).isEqualTo(FeeType.QUADRATIC_WITH_MAKER_FEES);
        assertThat(sports.feeMultiplier()).isEqualByComparingTo("0.5");
        JsonNode unknown = Vectors.JSON.createObjectNode().set("series", Vectors.JSON.createObjectNode()
                .put("ticker", "S").put("fee_type", "progressive").put("fee_multiplier", 1));
        assertThatThrownBy(() -> KalshiPayloads.series(unknown)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fee_type").hasMessageContaining("progressive");
    }

    @Test
    void eventsNestTheirMarkets() {
        JsonNode vectors = Vectors.json("event.json");
        KalshiEvent event = KalshiPayloads.event(vectors.at("/get_event_response/event"),
                vectors.at("/get_event_response/markets"));
        assertThat(event.markets()).extracting(KalshiMarket::ticker)
                .containsExactly("KXHIGHNY-26MAY05-B74.5", "KXHIGHNY-26MAY05-T75");
        KalshiEvent nested = KalshiPayloads.event(vectors.at("/get_events_response/events/0"), null);
        assertThat(nested.markets()).hasSize(1);
        assertThat(nested.seriesTicker()).isEqualTo("KXHIGHNY");
    }

    private static PriceLevel level(JsonNode expected, String price, String size) {
        return new PriceLevel(Price.of(expected.get(price).asText(), 4), Quantity.of(expected.get(size).asText(), 2));
    }
}
