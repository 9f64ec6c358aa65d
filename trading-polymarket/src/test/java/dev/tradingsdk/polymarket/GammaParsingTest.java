package dev.tradingsdk.polymarket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tradingsdk.polymarket.dto.GammaEvent;
import dev.tradingsdk.polymarket.dto.GammaMarket;
import dev.tradingsdk.polymarket.dto.UpDownWindow;
import dev.tradingsdk.polymarket.internal.GammaParser;
import dev.tradingsdk.polymarket.order.TickSize;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class GammaParsingTest {
    private final ObjectMapper mapper = new ObjectMapper();
    private final GammaParser parser = new GammaParser(mapper);

    @Test
    void decodesTheDoubleEncodedOutcomeFields() throws Exception {
        List<GammaEvent> events = parser.events(mapper.readTree(Vectors.text("payloads/gamma-event-btc-updown.json")));
        assertThat(events).hasSize(1);
        GammaEvent event = events.get(0);
        assertThat(event.slug()).isEqualTo("btc-updown-15m-1777467600");
        assertThat(event.endDate()).isEqualTo(Instant.parse("2026-04-29T13:15:00Z"));
        GammaMarket market = event.markets().get(0);
        assertThat(market.outcomes()).containsExactly("Up", "Down");
        assertThat(market.outcomePrices()).containsExactly(new BigDecimal("0.515"), new BigDecimal("0.485"));
        assertThat(market.tokenId("up"))
                .isEqualTo("71321045679252212594626385532706912750332728571942532289631379312455583992563");
        assertThat(market.tokenId("Down"))
                .isEqualTo("52114319501245915516055106046884209969926127482827954674443846427813813222426");
        assertThat(market.tickSize()).isEqualTo(TickSize.HUNDREDTH);
        assertThat(market.minOrderSize()).isEqualByComparingTo("5");
        assertThat(market.acceptingOrders()).isTrue();
        assertThat(market.negRisk()).isFalse();
        assertThatThrownBy(() -> market.tokenId("Yes")).hasMessageContaining("no outcome 'Yes'");
    }

    @Test
    void rejectsMangledFieldsItReliesOn() throws Exception {
        assertThatThrownBy(() -> parser.market(mapper.readTree(
                "{\"slug\":\"x\",\"outcomes\":\"[\\\"Yes\\\"\",\"clobTokenIds\":\"[]\"}")))
                .hasMessageContaining("outcomes is not a JSON-encoded array");
        assertThatThrownBy(() -> parser.market(mapper.readTree(
                "{\"slug\":\"x\",\"outcomes\":\"[\\\"Yes\\\",\\\"No\\\"]\",\"clobTokenIds\":\"[\\\"1\\\"]\"}")))
                .hasMessageContaining("2 outcomes but 1 clobTokenIds");
        assertThatThrownBy(() -> parser.market(mapper.readTree("{\"outcomes\":\"[]\"}")))
                .hasMessageContaining("without 'slug'");
    }

    @Test
    void upDownWindowsAreAlignedToFifteenMinutes() {
        UpDownWindow window = UpDownWindow.current("BTC", Instant.parse("2026-04-29T13:07:59Z"));
        assertThat(window.slug()).isEqualTo("btc-updown-15m-1777467600");
        assertThat(window.end()).isEqualTo(Instant.parse("2026-04-29T13:15:00Z"));
        assertThat(window.next().slug()).isEqualTo("btc-updown-15m-1777468500");
        assertThat(UpDownWindow.current("eth", Instant.parse("2026-04-29T13:15:00Z")).slug())
                .isEqualTo("eth-updown-15m-1777468500");
        assertThatThrownBy(() -> new UpDownWindow("btc", 1777467601L)).hasMessageContaining("multiple of 900");
    }
}
