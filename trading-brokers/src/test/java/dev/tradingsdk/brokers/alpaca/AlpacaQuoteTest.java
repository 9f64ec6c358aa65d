package dev.tradingsdk.brokers.alpaca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tradingsdk.brokers.BrokerException;
import dev.tradingsdk.brokers.BrokerGateway;
import dev.tradingsdk.brokers.Vectors;
import dev.tradingsdk.core.gateway.MarketDataListener;
import dev.tradingsdk.core.instrument.AssetClass;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.instrument.Venue;
import dev.tradingsdk.core.market.MarketEvent;
import dev.tradingsdk.core.market.Quote;
import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Latest quotes from Market Data v2 on loopback, served the vectors' bodies (alpaca-quotes.json). */
class AlpacaQuoteTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Instrument aapl = AlpacaBroker.usEquity("AAPL");
    private final LoopbackAlpaca alpaca = new LoopbackAlpaca(new FakeAlpaca());
    private final FakeAlpaca fake = alpaca.fake;
    private final AlpacaBroker broker = alpaca.broker().feed("sip").build();

    @AfterEach
    void stop() throws IOException {
        alpaca.close();
    }

    private void serve(String vectorCase) {
        fake.quotes(Vectors.body("alpaca-quotes.json", vectorCase));
    }

    /** The vector's AAPL quote with {@code field} set to {@code value}. */
    private void serveChanged(String field, Object value) throws IOException {
        JsonNode body = JSON.readTree(Vectors.body("alpaca-quotes.json", "latest_quote"));
        ObjectNode q = (ObjectNode) body.path("quotes").path("AAPL");
        if (value == null) {
            q.remove(field);
        } else {
            q.set(field, JSON.valueToTree(value));
        }
        fake.quotes(body.toString());
    }

    @Test
    void theLatestQuoteIsReadExactlyAtTheInstrumentsPrecision() {
        serve("latest_quote");
        assertThat(broker.supportsQuotes()).isTrue();

        Quote q = broker.quote(aapl).orElseThrow();

        assertThat(q.instrument()).isEqualTo(aapl);
        assertThat(q.timestamp()).isEqualTo(Instant.parse("2022-03-18T14:02:43.651613184Z"));
        assertThat(q.bid()).isEqualTo(Price.of("161.10", 2));
        assertThat(q.bid().precision()).isEqualTo(2);
        assertThat(q.bidSize()).isEqualTo(Quantity.of("2", 0));
        assertThat(q.ask()).isEqualTo(Price.of("161.11", 2));
        assertThat(q.askSize()).isEqualTo(Quantity.of("13", 0));
        assertThat(q.spread()).isEqualTo(Price.of("0.01", 2));
        HttpUrl sent = fake.lastUrl();
        assertThat(sent.encodedPath()).isEqualTo("/v2/stocks/quotes/latest");
        assertThat(sent.queryParameter("symbols")).isEqualTo("AAPL");
        assertThat(sent.queryParameter("feed")).isEqualTo("sip");
    }

    @Test
    void theSymbolAskedForIsPickedFromAMultiSymbolBody() {
        serve("latest_quotes_multi");
        Quote tsla = broker.quote(AlpacaBroker.usEquity("TSLA")).orElseThrow();
        assertThat(tsla.bid()).isEqualTo(Price.of("792.00", 2));
        assertThat(tsla.bidSize()).isEqualTo(Quantity.of("67"));
        assertThat(tsla.ask()).isEqualTo(Price.of("792.60", 2));
        assertThat(tsla.timestamp()).isEqualTo(Instant.parse("2021-10-11T23:59:58.02063232Z"));
        assertThat(broker.quote(aapl)).as("AAPL is not in the body").isEmpty();
    }

    @Test
    void noQuoteAMissingOrZeroSideAndACrossedBookAreEmpty() throws IOException {
        serve("no_quote");
        assertThat(broker.quote(aapl)).isEmpty();
        serve("one_sided");
        assertThat(broker.quote(aapl)).isEmpty();
        serve("crossed");
        assertThat(broker.quote(aapl)).isEmpty();
        serveChanged("bp", null);
        assertThat(broker.quote(aapl)).as("no bid field").isEmpty();
        serveChanged("bs", 0);
        assertThat(broker.quote(aapl)).as("a bid of no size").isEmpty();
    }

    @Test
    void aLockedBookIsAQuote() throws IOException {
        serveChanged("bp", 161.11);
        Quote q = broker.quote(aapl).orElseThrow();
        assertThat(q.spread().isZero()).isTrue();
    }

    @Test
    void aPriceFinerThanTheInstrumentIsRefusedNamingFieldAndValueNeverRounded() {
        serve("sub_penny");
        assertThatThrownBy(() -> broker.quote(aapl)).isInstanceOf(BrokerException.class)
                .hasMessageContaining("'bp'").hasMessageContaining("161.1025")
                .hasMessageNotContaining(FakeAlpaca.SECRET)
                .satisfies(e -> assertThat(((BrokerException) e).type()).isEqualTo(BrokerException.Type.UNKNOWN));

        Instrument fine = Instrument.builder("AAPL", Venue.of("ALPACA")).assetClass(AssetClass.EQUITY)
                .quoteCurrency(Currency.USD).pricePrecision(4).sizePrecision(0).build();
        Quote q = broker.quote(fine).orElseThrow();
        assertThat(q.bid()).isEqualTo(Price.of("161.1025", 4));
        assertThat(q.ask()).isEqualTo(Price.of("161.1100", 4));
    }

    @Test
    void malformedFieldsAreTypedErrorsNamingFieldAndValue() throws IOException {
        serveChanged("ap", -1);
        assertThatThrownBy(() -> broker.quote(aapl)).isInstanceOf(BrokerException.class)
                .hasMessageContaining("'ap'").hasMessageContaining("-1");
        serveChanged("t", "yesterday");
        assertThatThrownBy(() -> broker.quote(aapl)).isInstanceOf(BrokerException.class)
                .hasMessageContaining("'t'").hasMessageContaining("yesterday");
        serveChanged("t", null);
        assertThatThrownBy(() -> broker.quote(aapl)).isInstanceOf(BrokerException.class)
                .hasMessageContaining("'t'");
        fake.quotes("{\"message\":\"no quotes\"}");
        assertThatThrownBy(() -> broker.quote(aapl)).isInstanceOf(BrokerException.class)
                .hasMessageContaining("'quotes'");
    }

    @Test
    void onlyEquitiesAreQuotedAndNothingIsSentOtherwise() {
        Instrument btc = Instrument.builder("BTCUSD", Venue.of("ALPACA")).assetClass(AssetClass.CRYPTO)
                .quoteCurrency(Currency.USD).pricePrecision(2).sizePrecision(4).build();
        int before = fake.calls.size();
        assertThatThrownBy(() -> broker.quote(btc)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("BTCUSD").hasMessageContaining("CRYPTO");
        Instrument odd = AlpacaBroker.usEquity("AA PL");
        assertThatThrownBy(() -> broker.quote(odd)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("AA PL");
        assertThat(fake.calls).hasSize(before);
    }

    @Test
    void theGatewayPollsAlpacaQuotesToItsListeners() throws IOException {
        serve("latest_quote");
        BrokerGateway gateway = BrokerGateway.of(broker);
        List<MarketEvent> events = new ArrayList<>();
        List<String> outOfSync = new ArrayList<>();
        gateway.subscribe(aapl, new MarketDataListener() {
            @Override
            public void onEvent(MarketEvent event) {
                events.add(event);
            }

            @Override
            public void onOutOfSync(Instrument instrument, String reason) {
                outOfSync.add(reason);
            }
        });

        assertThat(gateway.poll()).isEqualTo(1);
        assertThat(events).singleElement().isInstanceOfSatisfying(Quote.class,
                q -> assertThat(q.ask()).isEqualTo(Price.of("161.11", 2)));

        serve("one_sided");
        assertThat(gateway.poll()).as("an empty side delivers nothing").isZero();
        serveChanged("ap", "x");
        assertThat(gateway.poll()).isZero();
        assertThat(outOfSync).singleElement().asString().contains("'ap'");
        assertThat(events).hasSize(1);
        assertThat(Optional.of(outOfSync.get(0))).get().asString().doesNotContain(FakeAlpaca.SECRET);
    }
}
