package dev.tradingsdk.polymarket;

import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.polymarket.dto.BookSnapshot;
import dev.tradingsdk.polymarket.dto.LastTrade;
import dev.tradingsdk.polymarket.dto.UserOrderEvent;
import dev.tradingsdk.polymarket.dto.UserTradeEvent;
import dev.tradingsdk.polymarket.order.TickSize;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Records every stream callback for assertions. */
final class RecordingStreamListener implements ClobStreamListener {
    final List<BookSnapshot> books = new CopyOnWriteArrayList<>();
    final List<String> ticks = new CopyOnWriteArrayList<>();
    final List<LastTrade> trades = new CopyOnWriteArrayList<>();
    final List<String> bestBidAsks = new CopyOnWriteArrayList<>();
    final List<UserOrderEvent> orders = new CopyOnWriteArrayList<>();
    final List<UserTradeEvent> userTrades = new CopyOnWriteArrayList<>();
    final List<String> malformed = new CopyOnWriteArrayList<>();
    final List<RuntimeException> malformedErrors = new CopyOnWriteArrayList<>();
    final AtomicInteger stale = new AtomicInteger();
    final List<String> staleBooks = new CopyOnWriteArrayList<>();

    @Override
    public void onBook(BookSnapshot book) {
        books.add(book);
    }

    @Override
    public void onTickSizeChange(String assetId, TickSize oldTick, TickSize newTick) {
        ticks.add(oldTick + "->" + newTick);
    }

    @Override
    public void onLastTrade(LastTrade trade) {
        trades.add(trade);
    }

    @Override
    public void onBestBidAsk(String assetId, Price bestBid, Price bestAsk) {
        bestBidAsks.add(bestBid + "/" + bestAsk);
    }

    @Override
    public void onOrder(UserOrderEvent event) {
        orders.add(event);
    }

    @Override
    public void onTrade(UserTradeEvent event) {
        userTrades.add(event);
    }

    @Override
    public void onBookStale(String assetId, String reason) {
        staleBooks.add(assetId + ": " + reason);
    }

    @Override
    public void onBooksStale() {
        stale.incrementAndGet();
    }

    @Override
    public void onMalformedMessage(String text, RuntimeException error) {
        malformed.add(error.getMessage());
        malformedErrors.add(error);
    }
}
