package dev.tradingsdk.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

/** The HTTP builders refuse an option given twice and options that contradict each other, naming both. */
class HttpBuildersFailEarlyTest {

    private static RestClient.Builder rest() {
        return RestClient.builder("venue", "https://api.example.com");
    }

    @Test
    void aRestOptionSetTwiceIsRefusedNamingBothValues() {
        RestClient.Builder builder = rest().readTimeout(Duration.ofSeconds(5)).retryPolicy(RetryPolicy.none())
            .rateLimit("orders", RateLimit.of(10, Duration.ofSeconds(1)));

        assertThatThrownBy(() -> builder.readTimeout(Duration.ofSeconds(9)))
            .isInstanceOf(IllegalStateException.class).hasMessage("readTimeout set twice: PT5S and PT9S");
        assertThatThrownBy(() -> builder.retryPolicy(RetryPolicy.defaults()))
            .isInstanceOf(IllegalStateException.class)
            .hasMessage("retryPolicy set twice: " + RetryPolicy.none() + " and " + RetryPolicy.defaults());
        assertThatThrownBy(() -> builder.rateLimit("orders", RateLimit.of(20, Duration.ofSeconds(1))))
            .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("rateLimit of group orders set twice: ");
        // another group is another option
        builder.rateLimit("books", RateLimit.of(20, Duration.ofSeconds(1)));
        assertThatThrownBy(() -> builder.maxResponseBytes(1).maxResponseBytes(2))
            .isInstanceOf(IllegalStateException.class).hasMessage("maxResponseBytes set twice: 1 and 2");
    }

    @Test
    void collaboratorsAndHeaderValuesAreNamedWithoutTheirContents() {
        RequestSigner signer = (request, out) -> out.header("X-KEY", "sk-live-123");
        RestClient.Builder builder = rest().signer(signer).defaultHeader("X-API-KEY", "sk-secret-1")
            .okHttpClient(new OkHttpClient());

        assertThatThrownBy(() -> builder.signer(RequestSigner.none()))
            .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("signer set twice: a ");
        assertThatThrownBy(() -> builder.defaultHeader("x-api-key", "sk-secret-2"))
            .isInstanceOf(IllegalStateException.class).hasMessage("defaultHeader x-api-key set twice");
        assertThatThrownBy(() -> builder.okHttpClient(new OkHttpClient()))
            .isInstanceOf(IllegalStateException.class)
            .hasMessage("okHttpClient set twice: a okhttp3.OkHttpClient and a okhttp3.OkHttpClient");
    }

    @Test
    void aUserAgentGivenBothWaysIsRefusedAndAUserAgentHeaderAloneIsSent() throws IOException, InterruptedException {
        assertThatThrownBy(() -> rest().userAgent("bot/1").defaultHeader("User-Agent", "bot/2").build())
            .isInstanceOf(IllegalStateException.class)
            .hasMessage("userAgent bot/1 conflicts with defaultHeader User-Agent; set the agent once");

        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(new MockResponse().setBody("{}"));
            server.enqueue(new MockResponse().setBody("{}"));
            RestClient.builder("v", server.url("/").toString()).defaultHeader("user-agent", "bot/3").build()
                .get("/a").executeJson();
            RestClient.builder("v", server.url("/").toString()).build().get("/b").executeJson();
            RecordedRequest headerOnly = server.takeRequest();
            RecordedRequest neither = server.takeRequest();
            assertThat(headerOnly.getHeaders().values("User-Agent")).containsExactly("bot/3");
            assertThat(neither.getHeader("User-Agent")).isEqualTo("trading-sdk");
        }
    }

    @Test
    void aWebSocketOptionOrHeaderOrSubscriptionGivenTwiceIsRefused() {
        ReconnectingWebSocket.Builder builder = ReconnectingWebSocket.builder("wss://stream.example.com/ws")
            .pingInterval(Duration.ofSeconds(10)).header("Authorization", "Bearer t-1").subscription("{\"sub\":1}");

        assertThatThrownBy(() -> builder.pingInterval(Duration.ofSeconds(20)))
            .isInstanceOf(IllegalStateException.class).hasMessage("pingInterval set twice: PT10S and PT20S");
        assertThatThrownBy(() -> builder.header("authorization", "Bearer t-2"))
            .isInstanceOf(IllegalStateException.class).hasMessage("header authorization set twice");
        assertThatThrownBy(() -> builder.subscription("{\"sub\":1}"))
            .isInstanceOf(IllegalStateException.class).hasMessage("subscription added twice: {\"sub\":1}");
        builder.subscription("{\"sub\":2}");
    }
}
