package dev.tradingsdk.polymarket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.order.Side;
import dev.tradingsdk.polymarket.dto.BookSnapshot;
import dev.tradingsdk.polymarket.internal.ClobMessageHandler;
import dev.tradingsdk.polymarket.order.ClobOrderType;
import dev.tradingsdk.polymarket.order.MarketPrice;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MarketPriceTest {
    private final BookSnapshot book = book();

    private static BookSnapshot book() {
        ClobMessageHandler handler = new ClobMessageHandler(new ObjectMapper(), new RecordingStreamListener());
        handler.handle(Vectors.text("payloads/ws-market-book.json"));
        return handler.book(ClobMessageHandlerTest.ASSET).orElseThrow();
    }

    @Test
    void buyWalksAsksByUsdc() {
        // asks: 25 @ 0.52 (13 USDC), 60 @ 0.53 (31.8), 40 @ 0.54 (21.6)
        assertThat(MarketPrice.forAmount(book, Side.BUY, new BigDecimal("13"), ClobOrderType.FOK))
                .isEqualTo(Price.of("0.52"));
        assertThat(MarketPrice.forAmount(book, Side.BUY, new BigDecimal("13.01"), ClobOrderType.FOK))
                .isEqualTo(Price.of("0.53"));
        assertThat(MarketPrice.forAmount(book, Side.BUY, new BigDecimal("66.4"), ClobOrderType.FOK))
                .isEqualTo(Price.of("0.54"));
    }

    @Test
    void sellWalksBidsByShares() {
        // bids: 15.5 @ 0.50, 20 @ 0.49, 30 @ 0.48
        assertThat(MarketPrice.forAmount(book, Side.SELL, new BigDecimal("15.5"), ClobOrderType.FAK))
                .isEqualTo(Price.of("0.5"));
        assertThat(MarketPrice.forAmount(book, Side.SELL, new BigDecimal("36"), ClobOrderType.FAK))
                .isEqualTo(Price.of("0.48"));
    }

    @Test
    void fokWithoutEnoughDepthFailsAndFakTakesTheWorstLevel() {
        assertThatThrownBy(() -> MarketPrice.forAmount(book, Side.BUY, new BigDecimal("66.41"), ClobOrderType.FOK))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("66.4 USDC");
        assertThat(MarketPrice.forAmount(book, Side.SELL, new BigDecimal("1000"), ClobOrderType.FAK))
                .isEqualTo(Price.of("0.48"));
        assertThatThrownBy(() -> MarketPrice.forAmount(book, Side.SELL, BigDecimal.ONE, ClobOrderType.GTC))
                .hasMessageContaining("FOK/FAK");
    }
}
