package dev.tradingsdk.cfd;

import static dev.tradingsdk.cfd.TestInstruments.BTC;

import dev.tradingsdk.core.gateway.OrderGateway;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import dev.tradingsdk.core.order.ClientOrderId;
import dev.tradingsdk.core.order.OrderRequest;
import dev.tradingsdk.core.portfolio.AccountView;
import dev.tradingsdk.core.time.SimulatedClock;
import dev.tradingsdk.testkit.AccountViewContract;
import dev.tradingsdk.testkit.ModuleDescriptors;
import dev.tradingsdk.testkit.OrderGatewayContract;
import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** A CFD account keeps the test kit's gateway and account contracts (nothing rests on it: market orders only). */
class CfdAccountContractTest {

    private static CfdAccount newAccount() {
        SimulatedClock clock = new SimulatedClock(Instant.parse("2024-01-02T10:00:00Z"));
        CfdAccount account = CfdAccount.builder("contract", Money.of("100000", Currency.USD)).clock(clock).build();
        account.mark(BTC, Price.of("40000.00"), Price.of("40010.00"));
        return account;
    }

    @Nested
    class Gateway extends OrderGatewayContract {
        @Override
        protected OrderGateway newGateway() {
            return newAccount();
        }

        @Override
        protected Instrument instrument() {
            return BTC;
        }

        @Override
        protected OrderRequest restingBuy(ClientOrderId id) {
            return null;
        }

        @Override
        protected OrderRequest fillingBuy(ClientOrderId id) {
            return OrderRequest.buy(BTC).clientOrderId(id).quantity("0.1").market().build();
        }
    }

    @Nested
    class Account extends AccountViewContract {
        private CfdAccount cfd;

        @Override
        protected AccountView newAccount() {
            cfd = CfdAccountContractTest.newAccount();
            return cfd;
        }

        @Override
        protected Instrument instrument() {
            return BTC;
        }

        @Override
        protected void buy(Quantity quantity) {
            cfd.submit(OrderRequest.buy(BTC).quantity(quantity).market().build());
        }

        @Override
        protected Quantity tradeSize() {
            return Quantity.of("0.1");
        }
    }

    @Test
    void the_module_descriptor_exports_every_public_package() {
        ModuleDescriptors.assertExportsEveryPublicPackage("dev.tradingsdk.cfd");
    }
}
