package dev.tradingsdk.cfd;

import static dev.tradingsdk.cfd.TestInstruments.BTC;
import static dev.tradingsdk.cfd.TestInstruments.ETH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradingsdk.core.codec.FieldWriter;
import dev.tradingsdk.core.journal.FsyncPolicy;
import dev.tradingsdk.core.journal.Journal;
import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.order.OrderRequest;
import dev.tradingsdk.core.risk.RiskEvent;
import dev.tradingsdk.core.time.SimulatedClock;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An account journaled to core's on-disk {@link Journal} and rebuilt from it after reopening. */
class CfdJournalTest {

    private final CfdEventCodec codec = new CfdEventCodec(List.of(BTC, ETH));

    @Test
    void anAccountIsRebuiltExactlyFromItsJournal(@TempDir Path dir) {
        SimulatedClock clock = new SimulatedClock(Instant.parse("2024-05-06T09:30:00Z"));
        CfdTerms terms = CfdTerms.builder().commissionBps(8).financingBps(600, 250).maxPositionPercent(250).build();
        List<CfdEvent> emitted = new ArrayList<>();
        CfdAccount account;
        try (Journal<CfdEvent> journal = Journal.builder(dir, codec).fsync(FsyncPolicy.everyRecord()).open()) {
            account = CfdAccount.builder("journaled", Money.of("8000", Currency.USD)).terms(terms).clock(clock)
                    .eventListener(journal::append).eventListener(emitted::add).build();
            account.mark(BTC, Price.of("60000.00"), Price.of("60015.00"));
            account.mark(ETH, Price.of("3000.00"), Price.of("3000.80"));
            account.submit(OrderRequest.buy(BTC).quantity("0.2").build());
            account.submit(OrderRequest.sell(ETH).quantity("0.5").build());
            account.submit(OrderRequest.buy(BTC).quantity("5").build());                   // refused
            account.submit(OrderRequest.buy(ETH).quantity("1").limit("2990.00").build());  // unsupported type
            clock.advance(Duration.ofHours(40));
            account.mark(BTC, Price.of("61000.00"), Price.of("61015.00"));
            account.submit(OrderRequest.sell(BTC).quantity("0.4").build());                // flip
            clock.advance(Duration.ofHours(20));
            account.mark(BTC, Price.of("90000.00"), Price.of("90015.00"));                 // stop-out
        }
        assertThat(account.liquidations()).isPositive();

        List<CfdEvent> replayed = new ArrayList<>();
        try (Journal<CfdEvent> journal = Journal.builder(dir, codec).open()) {
            journal.replay(1, (sequence, event) -> replayed.add(event));
        }
        assertThat(replayed).hasSameSizeAs(emitted);
        for (int i = 0; i < emitted.size(); i++) {
            assertThat(new String(codec.encode(replayed.get(i)), StandardCharsets.UTF_8))
                    .isEqualTo(new String(codec.encode(emitted.get(i)), StandardCharsets.UTF_8));
        }
        CfdAccount rebuilt = CfdAccount.rebuild(replayed, terms, clock);
        AccountAssertions.assertSameState(rebuilt, account);
        assertThat(rebuilt.orders()).extracting(o -> o.reason())
                .containsExactlyElementsOf(account.orders().stream().map(o -> o.reason()).toList());
    }

    @Test
    void decodingRefusesUnknownInstrumentsAndDamagedRecords() {
        CfdEventCodec btcOnly = new CfdEventCodec(List.of(BTC));
        byte[] eth = codec.encode(new CfdEvent.PriceMarked("a", Instant.EPOCH, ETH, Price.of("1.00"),
                Price.of("1.00")));
        assertThatThrownBy(() -> btcOnly.decode(eth)).hasMessageContaining("unknown instrument ETHUSD.SIM");
        assertThatThrownBy(() -> codec.decode("price,a".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("ends early");
        assertThatThrownBy(() -> codec.decode("teleport,a,1970-01-01T00:00:00Z".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("teleport");
        // a damaged field is refused as such, naming it, whatever the field's own parser throws
        assertThatThrownBy(() -> codec.decode("price,a,1970-01-01T00:00:00Z,BTCUSD,1:2,1:2"
                .getBytes(StandardCharsets.UTF_8))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("field 4").hasMessageContaining("\"BTCUSD\"");
        assertThatThrownBy(() -> codec.decode("opened,a,1970-01-01T00:00:00Z,100".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("field 4")
                .hasMessageContaining("\"100\"");
        assertThatThrownBy(() -> codec.decode("rollover,a,yesterday".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("field 3")
                .hasMessageContaining("\"yesterday\"");
    }

    @Test
    void aMarginCallIsStoredAsCoresEventAndTheFirstFormatStillDecodes() {
        Instant at = Instant.parse("2024-05-06T09:30:00Z");
        Money equity = Money.of("6000.004", Currency.USD);
        Money used = Money.of("8000.00", Currency.USD);
        CfdEvent.MarginCall call = new CfdEvent.MarginCall(new RiskEvent.MarginCall("a",
                new BigDecimal("75.0000"), new BigDecimal("100"), equity, used, at));
        assertThat(codec.decode(codec.encode(call))).isEqualTo(call);

        // what journals written before the merge hold: equity, used margin and a whole call level
        byte[] v1 = new FieldWriter().text("margin-call").text("a").instant(at).money(equity).money(used)
                .number(100).toBytes();
        assertThat(codec.decode(v1)).isEqualTo(call); // the level is MarginMonitor's, from the two amounts
        byte[] noMargin = new FieldWriter().text("margin-call").text("a").instant(at).money(equity)
                .money(Money.zero(Currency.USD)).number(100).toBytes();
        assertThatThrownBy(() -> codec.decode(noMargin)).hasMessageContaining("no margin used");
        byte[] badLevel = new String(codec.encode(call), StandardCharsets.UTF_8).replace("75.0000", "7x")
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> codec.decode(badLevel)).hasMessageContaining("\"7x\"");
    }
}
