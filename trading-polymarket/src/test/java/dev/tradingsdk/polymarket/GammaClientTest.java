package dev.tradingsdk.polymarket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tradingsdk.core.http.RetryPolicy;
import dev.tradingsdk.core.http.ServerException;
import dev.tradingsdk.core.time.SimulatedClock;
import dev.tradingsdk.polymarket.dto.GammaMarket;
import java.time.Instant;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GammaClientTest {
    private final MockWebServer server = new MockWebServer();
    private GammaClient client;

    @BeforeEach
    void start() throws Exception {
        server.start();
        client = GammaClient.builder().baseUrl(server.url("/").toString()).retryPolicy(RetryPolicy.none())
                .clock(new SimulatedClock(Instant.parse("2026-04-29T13:07:59Z"))).build();
    }

    @AfterEach
    void stop() throws Exception {
        server.shutdown();
    }

    @Test
    void findsTheCurrentAndNextUpDownMarkets() throws Exception {
        server.enqueue(new MockResponse().setBody(Vectors.text("payloads/gamma-event-btc-updown.json")));
        server.enqueue(new MockResponse().setBody("[]"));
        GammaMarket current = client.currentUpDown("btc").orElseThrow();
        assertThat(current.tokenId("Up"))
                .isEqualTo("71321045679252212594626385532706912750332728571942532289631379312455583992563");
        RecordedRequest first = server.takeRequest();
        assertThat(first.getRequestUrl().encodedPath()).isEqualTo("/events");
        assertThat(first.getRequestUrl().queryParameter("slug")).isEqualTo("btc-updown-15m-1777467600");
        assertThat(client.nextUpDown("eth")).isEmpty();
        assertThat(server.takeRequest().getRequestUrl().queryParameter("slug")).isEqualTo("eth-updown-15m-1777468500");
    }

    @Test
    void readsMarketsBySlugAndSurfacesServerErrors() throws Exception {
        String markets = new ObjectMapper().writeValueAsString(
                Vectors.json("payloads/gamma-event-btc-updown.json").get(0).get("markets"));
        server.enqueue(new MockResponse().setBody(markets));
        server.enqueue(new MockResponse().setResponseCode(503).setBody("upstream unavailable"));
        assertThat(client.marketBySlug("btc-updown-15m-1777467600").orElseThrow().negRisk()).isFalse();
        assertThat(server.takeRequest().getRequestUrl().encodedPath()).isEqualTo("/markets");
        assertThatThrownBy(() -> client.eventBySlug("x")).isInstanceOf(ServerException.class)
                .hasMessageContaining("503");
        assertThatThrownBy(() -> client.eventBySlug("Bad Slug")).hasMessageContaining("slug must be");
    }
}
