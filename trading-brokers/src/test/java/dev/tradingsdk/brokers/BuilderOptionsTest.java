package dev.tradingsdk.brokers;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradingsdk.brokers.alpaca.AlpacaBroker;
import dev.tradingsdk.brokers.binance.BinanceMarketData;
import dev.tradingsdk.brokers.ibkr.IbkrClientPortalBroker;
import dev.tradingsdk.brokers.paper.PaperBroker;
import dev.tradingsdk.brokers.tenant.Tenants;
import dev.tradingsdk.core.http.RetryPolicy;
import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.time.SimulatedClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The broker builders refuse an option set twice naming both values, credentials by type only. */
class BuilderOptionsTest {

    @Test
    void alpacaRefusesAnOptionSetTwiceAndNamesCredentialsByTypeOnly() {
        assertThatThrownBy(() -> AlpacaBroker.builder().feed("iex").feed("sip"))
                .isInstanceOf(IllegalStateException.class).hasMessage("feed set twice: iex and sip");
        assertThatThrownBy(() -> AlpacaBroker.builder().credentials(Credentials.of("PKAAAA0000000", "secret-a"))
                .credentials(Credentials.of("PKBBBB0000000", "secret-b")))
                .hasMessage("credentials set twice: a Credentials and a Credentials");
        assertThatThrownBy(() -> AlpacaBroker.builder().timeouts(Duration.ofSeconds(1), Duration.ofSeconds(2))
                .timeouts(Duration.ofSeconds(3), Duration.ofSeconds(4)))
                .hasMessage("timeouts set twice: PT1S/PT2S and PT3S/PT4S");
    }

    @Test
    void alpacaRefusesEnvironmentKeysReadForAnotherMode() {
        Map<String, String> env = Map.of(AlpacaBroker.ENV_KEY_ID, "PKPAPER000000", AlpacaBroker.ENV_SECRET, "paper-s");
        AlpacaBroker.Builder builder = AlpacaBroker.builder().credentialsFromEnvironment(env)
                .mode(TradingMode.LIVE).liveTradingEnabled(true);
        assertThatThrownBy(builder::build).isInstanceOf(IllegalStateException.class)
                .hasMessage("credentialsFromEnvironment read the PAPER keys, which conflicts with mode LIVE "
                        + "(set the mode first)");
    }

    @Test
    void ibkrAndBinanceRefuseAnOptionSetTwice() {
        assertThatThrownBy(() -> IbkrClientPortalBroker.builder().accountId("DU123").accountId("DU456"))
                .isInstanceOf(IllegalStateException.class).hasMessage("accountId set twice: DU123 and DU456");
        assertThatThrownBy(() -> BinanceMarketData.builder().ttl(Duration.ofSeconds(1)).ttl(Duration.ofSeconds(2)))
                .isInstanceOf(IllegalStateException.class).hasMessage("ttl set twice: PT1S and PT2S");
        assertThatThrownBy(() -> BinanceMarketData.builder().retryPolicy(RetryPolicy.none())
                .retryPolicy(RetryPolicy.defaults()))
                .hasMessage("retryPolicy set twice: " + RetryPolicy.none() + " and " + RetryPolicy.defaults());
    }

    @Test
    void paperBrokerAndTenantsRefuseAnOptionSetTwice() {
        assertThatThrownBy(() -> PaperBroker.builder().initialCash(Money.of("1000", Currency.USD))
                .initialCash(Money.of("2000", Currency.USD)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("initialCash set twice: " + Money.of("1000", Currency.USD) + " and "
                        + Money.of("2000", Currency.USD));
        SimulatedClock clock = new SimulatedClock(Instant.parse("2026-06-01T00:00:00Z"));
        assertThatThrownBy(() -> Tenants.builder(Path.of("tenants")).clock(clock).clock(clock))
                .isInstanceOf(IllegalStateException.class).hasMessage("clock set twice: a Clock and a Clock");
    }
}
