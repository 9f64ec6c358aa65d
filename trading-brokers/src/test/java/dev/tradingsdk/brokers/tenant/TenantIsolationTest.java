package dev.tradingsdk.brokers.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradingsdk.brokers.CredentialStore;
import dev.tradingsdk.brokers.Credentials;
import dev.tradingsdk.brokers.OrderFilter;
import dev.tradingsdk.brokers.TestInstruments;
import dev.tradingsdk.brokers.paper.PaperBroker;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Quantity;
import dev.tradingsdk.core.order.ClientOrderId;
import dev.tradingsdk.core.order.Order;
import dev.tradingsdk.core.order.OrderRequest;
import dev.tradingsdk.core.order.OrderStatus;
import dev.tradingsdk.core.risk.RiskGovernor;
import dev.tradingsdk.core.risk.TradingState;
import dev.tradingsdk.core.risk.rules.DuplicateClientOrderIdRule;
import dev.tradingsdk.core.risk.rules.MaxOrderQuantityRule;
import dev.tradingsdk.core.time.SimulatedClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two tenants trading at once: one halted, one breaching its limits; nothing one does reaches the other. */
class TenantIsolationTest {

    private static final int ORDERS = 60;
    private final Instrument aapl = TestInstruments.aapl("SIM");
    private final SimulatedClock clock = new SimulatedClock(Instant.parse("2026-03-02T14:30:00Z"));

    @TempDir
    Path root;

    private Tenants tenants(CredentialStore store) {
        return Tenants.builder(root).credentials(store).clock(clock)
                .broker(ctx -> PaperBroker.builder().accountId(ctx.tenantId())
                        .initialCash(Money.of("1000000", Currency.USD)).clock(clock)
                        .journal(ctx.journalDir().resolve("paper")).build())
                .governor(ctx -> RiskGovernor.builder().clock(clock)
                        .rule(new MaxOrderQuantityRule(Quantity.of("100")))
                        .rule(new DuplicateClientOrderIdRule()).build())
                .build();
    }

    @Test
    void aHaltedTenantAndABreachingTenantTradeAtOnceWithoutTouchingEachOther() throws Exception {
        CredentialStore store = CredentialStore.open(root.resolve("credentials.bin"),
                Map.of(CredentialStore.ENV_KEY, CredentialStore.newKey()));
        store.put("alice/alpaca", Credentials.of("PKALICE0000000", "alice-secret"));
        store.put("bob/alpaca", Credentials.of("PKBOB000000000", "bob-secret"));
        try (Tenants tenants = tenants(store)) {
            Tenant alice = tenants.open("alice");
            Tenant bob = tenants.open("bob");
            alice.governor().halt("ops", "suspended pending review");

            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Future<List<Order>> aliceRun = pool.submit(() -> trade(alice, start));
                Future<List<Order>> bobRun = pool.submit(() -> trade(bob, start));
                start.countDown();
                List<Order> aliceOrders = aliceRun.get(30, TimeUnit.SECONDS);
                List<Order> bobOrders = bobRun.get(30, TimeUnit.SECONDS);

                assertThat(aliceOrders).hasSize(ORDERS).allSatisfy(o -> {
                    assertThat(o.status()).isEqualTo(OrderStatus.REJECTED);
                    assertThat(o.reason()).contains(RiskGovernor.HALTED);
                });
                assertThat(bobOrders).filteredOn(o -> o.status() == OrderStatus.REJECTED).hasSize(ORDERS / 5)
                        .allSatisfy(o -> assertThat(o.reason()).contains(MaxOrderQuantityRule.CODE));
                assertThat(bobOrders).filteredOn(o -> o.status() == OrderStatus.ACCEPTED).hasSize(ORDERS - ORDERS / 5);
            } finally {
                pool.shutdownNow();
            }

            // Governor state is per tenant.
            assertThat(alice.governor().state()).isEqualTo(TradingState.HALTED);
            assertThat(bob.governor().state()).isEqualTo(TradingState.ACTIVE);
            // Accounts: nothing of Bob's reaches Alice's broker, though both used the same client order ids.
            assertThat(alice.broker().orders(OrderFilter.all())).isEmpty();
            assertThat(alice.gateway().order(ClientOrderId.of("o-2"))).isEmpty();
            assertThat(bob.broker().orders(OrderFilter.open())).hasSize(ORDERS - ORDERS / 5);
            // Duplicate-id windows are per tenant: Bob's id is refused to Bob again.
            Order again = bob.gateway().submit(order("o-2", "10"));
            assertThat(again.status()).isEqualTo(OrderStatus.REJECTED);
            assertThat(again.reason()).contains(DuplicateClientOrderIdRule.CODE);
            // Journals live in each tenant's own directory; Alice's holds none of Bob's orders.
            assertThat(alice.journalDir()).isEqualTo(root.resolve("alice"));
            assertThat(journalText(root.resolve("alice"))).doesNotContain("\"o-2\"");
            assertThat(journalText(root.resolve("bob"))).contains("\"o-2\"");
            // Credentials: each tenant reads its own only.
            TenantContext aliceContext = new TenantContext("alice", alice.journalDir(), store);
            assertThat(aliceContext.credentials("alpaca").orElseThrow().secret().reveal()).isEqualTo("alice-secret");
            assertThatThrownBy(() -> aliceContext.credentials("../bob/alpaca")).hasMessageContaining("without '/'");
        }
    }

    @Test
    void tenantIdsThatCouldEscapeTheRootAreRefused() throws Exception {
        try (Tenants tenants = tenants(CredentialStore.open(root.resolve("c.bin"),
                Map.of(CredentialStore.ENV_KEY, CredentialStore.newKey())))) {
            for (String bad : List.of("../evil", "a/b", "", "Alice", ".hidden")) {
                assertThatThrownBy(() -> tenants.open(bad)).hasMessageContaining("tenant id must be");
            }
            assertThat(tenants.open("carol")).isSameAs(tenants.open("carol"));
        }
    }

    @Test
    void aGovernorSharedBetweenTenantsIsRefused() {
        RiskGovernor shared = RiskGovernor.builder().clock(clock).build();
        Tenants tenants = Tenants.builder(root).governor(ctx -> shared)
                .broker(ctx -> PaperBroker.builder().initialCash(Money.of("1000", Currency.USD)).build()).build();
        tenants.open("alice");
        assertThatThrownBy(() -> tenants.open("bob")).hasMessageContaining("each tenant needs its own");
        tenants.close();
    }

    private List<Order> trade(Tenant tenant, CountDownLatch start) throws InterruptedException {
        start.await();
        List<Order> out = new ArrayList<>();
        for (int i = 1; i <= ORDERS; i++) {
            out.add(tenant.gateway().submit(order("o-" + i, i % 5 == 0 ? "150" : "10")));
        }
        return out;
    }

    private OrderRequest order(String id, String quantity) {
        return OrderRequest.buy(aapl).clientOrderId(id).quantity(quantity).limit("100.00").build();
    }

    private static String journalText(Path dir) throws Exception {
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                sb.append(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
            }
        }
        return sb.toString();
    }
}
