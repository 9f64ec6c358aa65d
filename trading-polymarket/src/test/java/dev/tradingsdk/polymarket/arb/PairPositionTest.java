package dev.tradingsdk.polymarket.arb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.FixedMath;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import dev.tradingsdk.core.order.Side;
import dev.tradingsdk.polymarket.arb.PairPosition.FeeCollection;
import dev.tradingsdk.polymarket.order.PolymarketFeeModel;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;

class PairPositionTest {

    private static Money usd(String text) {
        return Money.of(text, 6, Currency.PUSD);
    }

    @Test
    void derivesAveragesPairCostDeltaAndLockedProfitFromWhatIsStored() {
        PairPosition position = PairPosition.empty()
                .apply(PairLeg.YES, Side.BUY, Quantity.of("10"), Price.of("0.45"), usd("0"), FeeCollection.COLLATERAL)
                .apply(PairLeg.NO, Side.BUY, Quantity.of("8"), Price.of("0.5"), usd("0.14"), FeeCollection.COLLATERAL);
        // YES 10 × 0.45 = 4.50; NO 8 × 0.50 = 4.00 + 0.14 fee = 4.14 all-in
        assertThat(position.shares(PairLeg.YES)).isEqualTo(Quantity.of("10"));
        assertThat(position.averagePrice(PairLeg.NO)).contains(Price.of("0.5"));
        assertThat(position.pairCost()).contains(Price.of("0.9675")); // 0.45 + 4.14 / 8
        assertThat(position.delta()).isEqualTo(Quantity.of("2"));
        assertThat(position.totalCost()).isEqualTo(usd("8.64"));
        assertThat(position.lockedProfit()).isEqualTo(usd("-0.64")); // min(10, 8) − 8.64
        assertThat(position.settlementPnl(PairLeg.YES)).isEqualTo(usd("1.36"));
        assertThat(position.feesPaid()).isEqualTo(usd("0.14"));
        assertThatThrownBy(() -> position.apply(PairLeg.NO, Side.SELL, Quantity.of("8.000001"), Price.of("0.5"),
                usd("0"), FeeCollection.COLLATERAL)).hasMessageContaining("cannot sell 8.000001 NO shares, holding 8");
        assertThat(position.shares(PairLeg.NO)).isEqualTo(Quantity.of("8"));
    }

    @Test
    void aFeeTakenInSharesLeavesFewerSharesAndIsNotCountedTwice() {
        PairPosition position = PairPosition.empty().applyRaw(PairLeg.YES, Side.BUY, 5_000_000, 1_450_000, 106_500,
                FeeCollection.SHARES);
        // 5 shares bought for 1.45 (0.29 each) with a 0.1065 fee: 0.1065 / 0.29 = 0.3672413... shares are withheld,
        // rounded up to 0.367242 so the exchange is never short of its fee.
        assertThat(position.sharesRaw(PairLeg.YES)).isEqualTo(5_000_000 - 367_242);
        assertThat(position.allInCostRaw(PairLeg.YES)).isEqualTo(1_450_000);
        assertThat(position.feesPaid()).isEqualTo(usd("0.1065"));
    }

    /** One row of the wallet-trades file. */
    private record WalletFill(String outcome, Side side, String role, BigDecimal shares, BigDecimal usdc,
            BigDecimal price) {
    }

    private static List<WalletFill> walletFills() throws IOException {
        List<WalletFill> fills = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                PairPositionTest.class.getResourceAsStream(
                        "/recordings/polymarket_btc-updown-15m-1768029300_wallet_trades.csv")),
                StandardCharsets.UTF_8))) {
            List<String> header = fields(in.readLine());
            Map<String, Integer> at = Map.of("side", header.indexOf("side"), "outcome", header.indexOf("outcome"),
                    "shares", header.indexOf("shares"), "usdc", header.indexOf("usdc"), "price",
                    header.indexOf("price"), "role", header.indexOf("role"));
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                List<String> f = fields(line);
                fills.add(new WalletFill(f.get(at.get("outcome")), Side.valueOf(f.get(at.get("side"))),
                        f.get(at.get("role")), new BigDecimal(f.get(at.get("shares"))),
                        new BigDecimal(f.get(at.get("usdc"))),
                        // the price column carries float artifacts (0.49000000000000005)
                        new BigDecimal(f.get(at.get("price"))).setScale(6, RoundingMode.HALF_EVEN)));
            }
        }
        return fills;
    }

    /** RFC 4180 fields (the question column is quoted and holds commas). */
    private static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                out.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        out.add(field.toString());
        return out;
    }

    private static long raw(BigDecimal value) {
        return FixedMath.fromBigDecimal(value, 6, RoundingMode.UNNECESSARY);
    }

    @Test
    void reconstructsTheSharedWalletsPairBuysFeesAndSettlement() throws IOException {
        // January 2026 15-minute crypto markets: taker fee 0.25 × (p(1−p))², V1 exchange (a buy's fee in shares,
        // a sale's in collateral), makers free.
        PolymarketFeeModel fees = PolymarketFeeModel.crypto15mJanuary2026();
        PairPosition wallet = PairPosition.empty();
        PairPosition makerBuys = PairPosition.empty();
        for (WalletFill fill : walletFills()) {
            PairLeg leg = fill.outcome().equals("Up") ? PairLeg.YES : PairLeg.NO;
            long fee = fill.role().equals("taker") ? raw(fees.takerFee(fill.shares(), fill.price())) : 0;
            wallet = wallet.applyRaw(leg, fill.side(), raw(fill.shares()), raw(fill.usdc()), fee,
                    FeeCollection.SHARES);
            if (fill.role().equals("maker")) {
                makerBuys = makerBuys.applyRaw(leg, fill.side(), raw(fill.shares()), raw(fill.usdc()), 0,
                        FeeCollection.SHARES);
            }
        }
        // The file's totals per outcome, side and role (749 rows):
        //   Up   BUY  maker 327 rows 4544.649326 sh for 1259.569361   Down BUY  maker 386 rows 4609.839986 for 3305.260016
        //   Up   BUY  taker   1 row     6.0 sh at 0.50 for 3.0        Down BUY  taker   2 rows   10.17 for 8.6447
        //   Up   SELL taker  11 rows  173.83 sh for 27.1547           Down SELL taker  22 rows  277.00 for 176.8940
        // Taker fees: Up buy 6 × 0.25 × (0.5 × 0.5)² = 0.09375, withheld as 0.09375 / 0.5 = 0.1875 shares;
        // Down buys 7.63 at 0.87 → 0.02442 and 2.54 at 0.79 → 0.01746 (0.04188, 0.050173 shares withheld);
        // sales 0.76734 (Up) and 1.78653 (Down) in collateral.

        // Maker pair buys: 1259.569361 / 4544.649326 + 3305.260016 / 4609.839986 = 0.277154 + 0.717001 = 0.994155
        assertThat(makerBuys.pairCost()).contains(Price.of("0.994155"));
        // but the legs are unequal: min(4544.649326, 4609.839986) − (1259.569361 + 3305.260016) = −20.180051
        assertThat(makerBuys.lockedProfit()).isEqualTo(usd("-20.180051"));
        // Whole wallet: Up 4544.649326 + 6.0 − 0.1875 − 173.83 = 4376.631826; Down 4609.839986 + 10.17 − 0.050173
        // − 277.00 = 4342.959813 shares.
        assertThat(wallet.shares(PairLeg.YES)).isEqualTo(Quantity.of("4376.631826"));
        assertThat(wallet.shares(PairLeg.NO)).isEqualTo(Quantity.of("4342.959813"));
        assertThat(wallet.cost(PairLeg.YES)).isEqualTo(usd("1235.414661")); // 1259.569361 + 3.0 − 27.1547
        assertThat(wallet.cost(PairLeg.NO)).isEqualTo(usd("3137.010716")); // 3305.260016 + 8.6447 − 176.8940
        assertThat(wallet.feesPaid()).isEqualTo(usd("2.6895")); // 0.09375 + 0.04188 + 0.76734 + 1.78653
        // Everything paid: 1235.414661 + 3137.010716 + 0.76734 + 1.78653 = 4374.979247
        assertThat(wallet.totalCost()).isEqualTo(usd("4374.979247"));
        assertThat(wallet.delta()).isEqualTo(Quantity.of("33.672013"));
        // Not locked in: min(4376.631826, 4342.959813) − 4374.979247 = −32.019434 ...
        assertThat(wallet.lockedProfit()).isEqualTo(usd("-32.019434"));
        // ... but the market resolved Up: 4376.631826 × $1 − 4374.979247 = +1.652579
        assertThat(wallet.settlementPnl(PairLeg.YES)).isEqualTo(usd("1.652579"));
    }
}
