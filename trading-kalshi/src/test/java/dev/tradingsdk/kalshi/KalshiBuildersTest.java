package dev.tradingsdk.kalshi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.Money;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The module's builders fail early: an option set twice, or two that conflict, are refused naming both. */
class KalshiBuildersTest {

    @Test
    void theClientBuilderRefusesAnOptionSetTwiceAndConflictingOptions() {
        assertThatThrownBy(() -> KalshiClient.builder().seed(1).seed(2)).isInstanceOf(IllegalStateException.class)
                .hasMessage("seed set twice: 1 and 2");
        assertThatThrownBy(() -> KalshiClient.builder().readTimeout(Duration.ofSeconds(1))
                .readTimeout(Duration.ofSeconds(2))).hasMessage("readTimeout set twice: PT1S and PT2S");
        assertThatThrownBy(() -> KalshiClient.builder().baseUrl("http://127.0.0.1:1/a").baseUrl("http://127.0.0.1:1/b"))
                .hasMessage("baseUrl set twice: http://127.0.0.1:1/a and http://127.0.0.1:1/b");
        // A signer is named by its type only: its key never reaches the message.
        assertThatThrownBy(() -> KalshiClient.builder().signer(KalshiClientTest.signer())
                .signer(KalshiClientTest.signer())).hasMessage("signer set twice: a KalshiSigner and a KalshiSigner");
        assertThatThrownBy(() -> KalshiClient.builder().environment(KalshiEnvironment.DEMO)
                .environment(KalshiEnvironment.PRODUCTION)).hasMessage("environment set twice: DEMO and PRODUCTION");
        assertThatThrownBy(() -> KalshiClient.builder().baseUrl("http://127.0.0.1:1/a")
                .environment(KalshiEnvironment.DEMO))
                .hasMessageContaining("environment DEMO conflicts with baseUrl http://127.0.0.1:1/a");
        assertThatThrownBy(() -> KalshiClient.builder().readTimeout(Duration.ofSeconds(40))
                .callTimeout(Duration.ofSeconds(30)).build()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("readTimeout PT40S conflicts with callTimeout PT30S");
        // Zero is "no call timeout": no conflict.
        assertThat(KalshiClient.builder().readTimeout(Duration.ofSeconds(40)).callTimeout(Duration.ZERO).build())
                .isNotNull();
    }

    @Test
    void theStreamBuilderRefusesAnOptionSetTwiceAndAnEnvironmentWithAUrl() {
        KalshiSigner signer = KalshiClientTest.signer();
        assertThatThrownBy(() -> KalshiStream.builder(signer).pingInterval(Duration.ofSeconds(5))
                .pingInterval(Duration.ofSeconds(6))).hasMessage("pingInterval set twice: PT5S and PT6S");
        KalshiStreamListener quiet = new KalshiStreamListener() { };
        assertThatThrownBy(() -> KalshiStream.builder(signer).listener(quiet).listener(quiet))
                .hasMessageStartingWith("listener set twice: a ");
        assertThatThrownBy(() -> KalshiStream.builder(signer).url("ws://127.0.0.1:1/ws")
                .environment(KalshiEnvironment.DEMO).build()).isInstanceOf(IllegalStateException.class)
                .hasMessage("environment DEMO conflicts with url ws://127.0.0.1:1/ws: choose one");
    }

    @Test
    void theOrderBuilderRefusesAnOptionSetTwiceAndSendsNothing() {
        assertThatThrownBy(() -> KalshiOrderRequest.buyYes("T", "0.42", "1").clientOrderId("a").clientOrderId("b"))
                .hasMessage("clientOrderId set twice: a and b");
        assertThatThrownBy(() -> KalshiOrderRequest.buyYes("T", "0.42", "1")
                .timeInForce(KalshiTimeInForce.IMMEDIATE_OR_CANCEL).timeInForce(KalshiTimeInForce.FILL_OR_KILL))
                .hasMessageContaining("timeInForce set twice");
        assertThatThrownBy(() -> KalshiOrderRequest.buyYes("T", "0.42", "1").postOnly(true).postOnly(false))
                .hasMessage("postOnly set twice: true and false");
        // Conflicts are refused at build, naming both options.
        assertThatThrownBy(() -> KalshiOrderRequest.buyYes("T", "0.42", "1").clientOrderId("c").postOnly(true)
                .timeInForce(KalshiTimeInForce.IMMEDIATE_OR_CANCEL).build())
                .hasMessageContaining("'post_only'").hasMessageContaining("time_in_force immediate_or_cancel");
    }

    @Test
    void theBacktestBuilderRefusesAnOptionSetTwice() {
        assertThatThrownBy(() -> PredictionMarketBacktest.builder().initialCash(Money.of("100", Currency.USD))
                .initialCash(Money.of("200", Currency.USD)))
                .hasMessageStartingWith("initialCash set twice: ");
        assertThatThrownBy(() -> PredictionMarketBacktest.builder().start(Instant.EPOCH).start(Instant.EPOCH))
                .hasMessage("start set twice: 1970-01-01T00:00:00Z and 1970-01-01T00:00:00Z");
    }
}
