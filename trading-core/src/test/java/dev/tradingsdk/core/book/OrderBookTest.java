package dev.tradingsdk.core.book;

import static dev.tradingsdk.core.order.Side.BUY;
import static dev.tradingsdk.core.order.Side.SELL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradingsdk.core.instrument.AssetClass;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.instrument.Venue;
import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import dev.tradingsdk.core.order.Side;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class OrderBookTest {

    /** Prices at 2 decimals, sizes at 4. */
    static final Instrument BTC = Instrument.builder("BTC-USD", Venue.SIM)
            .assetClass(AssetClass.CRYPTO)
            .quoteCurrency(Currency.USD)
            .pricePrecision(2)
            .sizePrecision(4)
            .build();

    private final OrderBook book = new OrderBook(BTC);

    private static Price p(String text) {
        return Price.of(text);
    }

    private static Quantity q(String text) {
        return Quantity.of(text);
    }

    /** Bids 100.00×1, 99.50×2, 99.00×3; asks 100.50×1.5, 101.00×2.5, 102.00×4. */
    private void fillTypicalBook() {
        book.applySnapshot(
                List.of(new BookLevel(p("99.00"), q("3")), new BookLevel(p("100.00"), q("1")),
                        new BookLevel(p("99.50"), q("2"))),
                List.of(new BookLevel(p("102.00"), q("4")), new BookLevel(p("100.50"), q("1.5")),
                        new BookLevel(p("101.00"), q("2.5"))));
    }

    @Test
    void readmeExample() {
        Instrument btc = Instrument.builder("BTC-USD", Venue.SIM)
                .assetClass(AssetClass.CRYPTO).quoteCurrency(Currency.USD)
                .pricePrecision(2).sizePrecision(4)
                .build();
        OrderBook book = new OrderBook(btc, 512);

        book.applySnapshot(
                List.of(new BookLevel(btc.price("100.00"), btc.size("1.5")),
                        new BookLevel(btc.price("99.90"), btc.size("3"))),
                List.of(new BookLevel(btc.price("100.10"), btc.size("2")),
                        new BookLevel(btc.price("100.20"), btc.size("5"))));
        book.applyDelta(Side.SELL, btc.price("100.10"), btc.size("1"));   // ask 100.10 now size 1
        book.applyDeltaRaw(Side.BUY, 9_990L, 0L);                         // remove bid 99.90 (raw at 2 decimals)
        book.markUpdate(42, 1_700_000_000_000_000_000L);

        assertThat(book.bestBid()).contains(btc.price("100.00"));
        assertThat(book.spread()).contains(btc.price("0.10"));
        assertThat(book.mid()).contains(Price.of("100.05"));
        Money cost = book.costToFill(Side.BUY, btc.size("3"));           // 1 @ 100.10 + 2 @ 100.20
        assertThat(cost).isEqualTo(Money.of("300.50", Currency.USD));
        assertThat(book.vwapToFill(Side.BUY, btc.size("3"))).isEqualTo(btc.price("100.17")); // 100.1666.. up
        assertThat(book.sizeWithin(Side.BUY, btc.price("100.15"))).isEqualTo(btc.size("1"));
    }

    @Test
    void readmeShowsTheExampleVerbatim() throws Exception {
        String test = Files.readString(Path.of("src/test/java/dev/tradingsdk/core/book/OrderBookTest.java"));
        int start = test.indexOf('\n', test.indexOf("void readmeExample()")) + 1;
        String body = test.substring(start, test.indexOf("\n    }\n", start) + 1).replaceAll("(?m)^ {8}", "");
        String readme = Files.readString(Path.of("README-book.md"));
        assertThat(readme).contains("```java\n" + body + "```\n");
    }

    @Nested
    class EmptyBook {

        @Test
        void hasNoPricesAndNoSize() {
            assertThat(book.bestBidRaw()).isEqualTo(OrderBook.NO_PRICE);
            assertThat(book.bestAskRaw()).isEqualTo(OrderBook.NO_PRICE);
            assertThat(book.bestBidSizeRaw()).isZero();
            assertThat(book.bestAskSizeRaw()).isZero();
            assertThat(book.bestBid()).isEmpty();
            assertThat(book.bestAsk()).isEmpty();
            assertThat(book.spread()).isEmpty();
            assertThat(book.mid()).isEmpty();
            assertThat(book.isCrossed()).isFalse();
            assertThat(book.isLocked()).isFalse();
            assertThat(book.levelCount(BUY)).isZero();
            assertThat(book.levelCount(SELL)).isZero();
            assertThat(book.depth(BUY, 5)).isEmpty();
            assertThat(book.totalSize(SELL)).isEqualTo(Quantity.zero(4));
            assertThat(book.sizeWithin(BUY, p("1000000"))).isEqualTo(Quantity.zero(4));
            assertThat(book.lastSequence()).isEqualTo(OrderBook.NONE);
            assertThat(book.lastUpdate()).isEmpty();
        }

        @Test
        void cannotFillAnything() {
            assertThatThrownBy(() -> book.costToFill(BUY, q("0.0001")))
                    .isInstanceOfSatisfying(InsufficientLiquidityException.class, e -> {
                        assertThat(e.takerSide()).isEqualTo(BUY);
                        assertThat(e.requested()).isEqualTo(q("0.0001"));
                        assertThat(e.available()).isEqualTo(Quantity.zero(4));
                    })
                    .hasMessageContaining("ask side");
            assertThatThrownBy(() -> book.vwapToFill(SELL, q("1")))
                    .isInstanceOf(InsufficientLiquidityException.class)
                    .hasMessageContaining("bid side");
        }

        @Test
        void rejectsLevelIndex() {
            assertThatThrownBy(() -> book.priceRawAt(BUY, 0))
                    .isInstanceOfSatisfying(InvalidBookInputException.class, e -> {
                        assertThat(e.field()).isEqualTo("level");
                        assertThat(e.value()).isEqualTo("0");
                    });
        }
    }

    @Nested
    class Deltas {

        @Test
        void insertsUpdatesAndRemovesLevels() {
            book.applyDeltaRaw(BUY, 10_000, 10_000);
            book.applyDeltaRaw(BUY, 9_950, 20_000);
            book.applyDeltaRaw(BUY, 10_010, 5_000);
            assertThat(book.bestBidRaw()).isEqualTo(10_010);
            assertThat(book.bestBidSizeRaw()).isEqualTo(5_000);

            book.applyDeltaRaw(BUY, 10_000, 30_000);
            assertThat(book.sizeRawAtPrice(BUY, 10_000)).isEqualTo(30_000);
            assertThat(book.totalSizeRaw(BUY)).isEqualTo(55_000);

            book.applyDeltaRaw(BUY, 10_010, 0);
            assertThat(book.bestBidRaw()).isEqualTo(10_000);
            assertThat(book.levelCount(BUY)).isEqualTo(2);
            assertThat(book.totalSizeRaw(BUY)).isEqualTo(50_000);
            assertThat(book.levelCount(SELL)).isZero();
        }

        @Test
        void orderAsksAscendingAndBidsDescending() {
            fillTypicalBook();
            assertThat(book.depth(BUY, 10)).extracting(BookLevel::price)
                    .containsExactly(p("100.00"), p("99.50"), p("99.00"));
            assertThat(book.depth(SELL, 10)).extracting(BookLevel::price)
                    .containsExactly(p("100.50"), p("101.00"), p("102.00"));
            assertThat(book.priceRawAt(SELL, 2)).isEqualTo(10_200);
            assertThat(book.sizeRawAt(SELL, 2)).isEqualTo(40_000);
        }

        @Test
        void deletingUnknownLevelChangesNothing() {
            fillTypicalBook();
            book.applyDeltaRaw(BUY, 9_999, 0);
            book.applyDelta(SELL, p("100.00"), Quantity.zero(0));
            assertThat(book.levelCount(BUY)).isEqualTo(3);
            assertThat(book.levelCount(SELL)).isEqualTo(3);
            assertThat(book.totalSize(BUY)).isEqualTo(q("6"));
        }

        @Test
        void rejectsNegativeSizeNamingFieldAndValueWithoutChangingState() {
            fillTypicalBook();
            assertThatThrownBy(() -> book.applyDeltaRaw(BUY, 10_000, -1))
                    .isInstanceOfSatisfying(InvalidBookInputException.class, e -> {
                        assertThat(e.field()).isEqualTo("size");
                        assertThat(e.value()).isEqualTo("-0.0001");
                    })
                    .hasMessage("size -0.0001: must not be negative");
            assertThat(book.sizeRawAtPrice(BUY, 10_000)).isEqualTo(10_000);
            assertThat(book.levelCount(BUY)).isEqualTo(3);
        }

        @Test
        void rejectsReservedPrice() {
            assertThatThrownBy(() -> book.applyDeltaRaw(SELL, OrderBook.NO_PRICE, 1))
                    .isInstanceOfSatisfying(InvalidBookInputException.class,
                            e -> assertThat(e.field()).isEqualTo("price"));
            assertThat(book.levelCount(SELL)).isZero();
        }

        @Test
        void rejectsValuesFinerThanTheInstrument() {
            assertThatThrownBy(() -> book.applyDelta(BUY, p("100.001"), q("1")))
                    .isInstanceOfSatisfying(InvalidBookInputException.class, e -> {
                        assertThat(e.field()).isEqualTo("price");
                        assertThat(e.value()).isEqualTo("100.001");
                    });
            assertThatThrownBy(() -> book.applyDelta(BUY, p("100"), q("0.00001")))
                    .isInstanceOfSatisfying(InvalidBookInputException.class,
                            e -> assertThat(e.field()).isEqualTo("size"));
            assertThat(book.levelCount(BUY)).isZero();
        }

        @Test
        void acceptsCoarserValuesAtTheInstrumentScale() {
            book.applyDelta(BUY, p("100"), q("2"));
            assertThat(book.bestBidRaw()).isEqualTo(10_000);
            assertThat(book.bestBidSizeRaw()).isEqualTo(20_000);
        }

        @Test
        void totalSizeOverflowThrowsWithoutChangingState() {
            book.applyDeltaRaw(SELL, 100, Long.MAX_VALUE - 1);
            assertThatThrownBy(() -> book.applyDeltaRaw(SELL, 101, 2)).isInstanceOf(ArithmeticException.class);
            assertThat(book.levelCount(SELL)).isEqualTo(1);
            assertThat(book.totalSizeRaw(SELL)).isEqualTo(Long.MAX_VALUE - 1);
        }

        @Test
        void growsBeyondInitialCapacityKeepingOrder() {
            OrderBook small = new OrderBook(BTC, 1);
            for (int i = 0; i < 1000; i++) {
                long price = (i * 7919L) % 1000;
                small.applyDeltaRaw(BUY, price, i + 1);
                small.applyDeltaRaw(SELL, price + 1000, i + 1);
            }
            assertThat(small.levelCount(BUY)).isEqualTo(1000);
            assertThat(small.bestBidRaw()).isEqualTo(999);
            assertThat(small.bestAskRaw()).isEqualTo(1000);
            for (int level = 1; level < 1000; level++) {
                assertThat(small.priceRawAt(BUY, level)).isLessThan(small.priceRawAt(BUY, level - 1));
                assertThat(small.priceRawAt(SELL, level)).isGreaterThan(small.priceRawAt(SELL, level - 1));
            }
        }

        @Test
        void findsLevelsOffTheTickGrid() {
            Instrument nickel = Instrument.builder("NICKEL", Venue.SIM).assetClass(AssetClass.CRYPTO)
                    .quoteCurrency(Currency.USD).pricePrecision(2).sizePrecision(0).tickSize("0.05").build();
            OrderBook b = new OrderBook(nickel);
            for (long price = 100; price <= 200; price += 5) {
                b.applyDeltaRaw(BUY, price, 1);
            }
            b.applyDeltaRaw(BUY, 197, 7);   // off the grid, between two on-grid levels near the top
            b.applyDeltaRaw(BUY, 101, 9);   // off the grid, far from the top
            assertThat(b.sizeRawAtPrice(BUY, 197)).isEqualTo(7);
            assertThat(b.sizeRawAtPrice(BUY, 101)).isEqualTo(9);
            assertThat(b.priceRawAt(BUY, 1)).isEqualTo(197);
            assertThat(b.priceRawAt(BUY, 21)).isEqualTo(101);
            b.applyDeltaRaw(BUY, 101, 0);
            b.applyDeltaRaw(BUY, 150, 0);
            assertThat(b.levelCount(BUY)).isEqualTo(21);
            assertThat(b.sizeWithinRaw(SELL, 196)).isEqualTo(8);
        }

        @Test
        void followsAVenueTickChangeOnAFinePrecisionInstrument() {
            // Polymarket-like: 6 decimals, quoted in cents, then in tenths of a cent near the top.
            Instrument outcome = Instrument.builder("OUTCOME", Venue.SIM).assetClass(AssetClass.BINARY_OUTCOME)
                    .quoteCurrency(Currency.USD).pricePrecision(6).sizePrecision(6).build();
            OrderBook b = new OrderBook(outcome);
            for (long cents = 1; cents <= 49; cents++) {
                b.applyDeltaRaw(BUY, cents * 10_000, cents);
                b.applyDeltaRaw(SELL, (100 - cents) * 10_000, cents);
            }
            b.applyDeltaRaw(BUY, 495_000, 100);
            b.applyDeltaRaw(SELL, 505_000, 200);
            b.applyDeltaRaw(BUY, 490_000, 0);
            assertThat(b.bestBidRaw()).isEqualTo(495_000);
            assertThat(b.bestAskRaw()).isEqualTo(505_000);
            assertThat(b.levelCount(BUY)).isEqualTo(49);
            assertThat(b.levelCount(SELL)).isEqualTo(50);
            assertThat(b.priceRawAt(BUY, 1)).isEqualTo(480_000);
            assertThat(b.priceRawAt(BUY, 48)).isEqualTo(10_000);
            assertThat(b.priceRawAt(SELL, 1)).isEqualTo(510_000);
            assertThat(b.sizeRawAtPrice(SELL, 505_000)).isEqualTo(200);
            assertThat(b.sizeRawAtPrice(SELL, 505_001)).isZero();
            assertThat(b.sizeWithinRaw(SELL, 470_000)).isEqualTo(100 + 48 + 47);
            assertThat(b.costToFillRaw(BUY, 250)).isEqualTo(505_000L * 200 + 510_000L * 49 + 520_000L * 1);
        }

        @Test
        void keepsExtremePricesInOrder() {
            long[] prices = {Long.MAX_VALUE, Long.MIN_VALUE + 1, 0, -1, 1, Long.MAX_VALUE - 1};
            for (int i = 0; i < prices.length; i++) {
                book.applyDeltaRaw(BUY, prices[i], i + 1);
                book.applyDeltaRaw(SELL, prices[i], i + 1);
            }
            assertThat(book.levelCount(BUY)).isEqualTo(6);
            assertThat(book.bestBidRaw()).isEqualTo(Long.MAX_VALUE);
            assertThat(book.bestAskRaw()).isEqualTo(Long.MIN_VALUE + 1);
            assertThat(book.priceRawAt(BUY, 5)).isEqualTo(Long.MIN_VALUE + 1);
            assertThat(book.priceRawAt(SELL, 5)).isEqualTo(Long.MAX_VALUE);
            assertThat(book.sizeRawAtPrice(BUY, -1)).isEqualTo(4);
            for (long price : prices) {
                book.applyDeltaRaw(BUY, price, 0);
                book.applyDeltaRaw(SELL, price, 0);
            }
            assertThat(book.levelCount(BUY)).isZero();
            book.applyDeltaRaw(BUY, 10_000, 5);
            book.applyDeltaRaw(BUY, 9_999, 6);
            assertThat(book.bestBidRaw()).isEqualTo(10_000);
            assertThat(book.priceRawAt(BUY, 1)).isEqualTo(9_999);
            assertThat(book.totalSizeRaw(BUY)).isEqualTo(11);
            assertThat(book.sizeWithinRaw(SELL, Long.MIN_VALUE + 1)).isEqualTo(11);
            assertThat(book.sizeWithinRaw(SELL, 10_000)).isEqualTo(5);
        }

        @Test
        void rejectsCapacityBelowOne() {
            assertThatThrownBy(() -> new OrderBook(BTC, 0))
                    .isInstanceOfSatisfying(InvalidBookInputException.class,
                            e -> assertThat(e.field()).isEqualTo("levelsPerSide"));
        }

        @Test
        void rejectsACapacityAboveTheBoundUpFrontAndAcceptsTheBound() {
            for (int levels : new int[] {Integer.MAX_VALUE, OrderBook.MAX_LEVELS_PER_SIDE + 1}) {
                assertThatThrownBy(() -> new OrderBook(BTC, levels))
                        .isInstanceOfSatisfying(InvalidBookInputException.class,
                                e -> assertThat(e.field()).isEqualTo("levelsPerSide"))
                        .hasMessageContaining(Integer.toString(OrderBook.MAX_LEVELS_PER_SIDE));
            }
            OrderBook largest = new OrderBook(BTC, OrderBook.MAX_LEVELS_PER_SIDE);
            // Levels further apart than the tick window move the side into the sorted layout, sized from the capacity.
            largest.applyDeltaRaw(BUY, 900_000_000, 5);
            largest.applyDeltaRaw(BUY, 1_000_000, 6);
            assertThat(largest.levelCount(BUY)).isEqualTo(2);
        }

        @Test
        void aWideBookKeepsItsFarLevelsInOrderAndFallsBackOntoThemWhenTheTopEmpties() {
            OrderBook wide = new OrderBook(BTC, 64);
            // Top levels one tick apart near 100000.00, deep ones up to 10% away: far beyond one tick window.
            for (int d = 1; d <= 5; d++) {
                wide.applyDeltaRaw(BUY, 10_000_000 - d, d);
            }
            wide.applyDeltaRaw(BUY, 9_000_000, 100);
            wide.applyDeltaRaw(BUY, 9_500_000, 50);
            wide.applyDeltaRaw(BUY, 9_500_001, 40);
            assertThat(wide.levelCount(BUY)).isEqualTo(8);
            assertThat(wide.priceRawAt(BUY, 5)).isEqualTo(9_500_001);
            assertThat(wide.priceRawAt(BUY, 7)).isEqualTo(9_000_000);
            assertThat(wide.sizeRawAtPrice(BUY, 9_500_000)).isEqualTo(50);
            assertThat(wide.sizeWithinRaw(SELL, 9_500_000)).isEqualTo(15 + 50 + 40);
            for (int d = 1; d <= 5; d++) {
                wide.applyDeltaRaw(BUY, 10_000_000 - d, 0);
            }
            assertThat(wide.bestBidRaw()).isEqualTo(9_500_001);
            assertThat(wide.bestBidSizeRaw()).isEqualTo(40);
            wide.applyDeltaRaw(BUY, 9_500_001, 0);
            wide.applyDeltaRaw(BUY, 9_500_000, 0);
            assertThat(wide.bestBidRaw()).isEqualTo(9_000_000);
            assertThat(wide.levelCount(BUY)).isEqualTo(1);
            assertThat(wide.totalSizeRaw(BUY)).isEqualTo(100);
        }

        @Test
        void clearEmptiesBothSidesAndKeepsSequence() {
            fillTypicalBook();
            book.markUpdate(7, 1);
            book.clear();
            assertThat(book.levelCount(BUY) + book.levelCount(SELL)).isZero();
            assertThat(book.totalSizeRaw(BUY)).isZero();
            assertThat(book.lastSequence()).isEqualTo(7);
        }
    }

    @Nested
    class Snapshots {

        @Test
        void replacesEverythingAndSortsAnyOrder() {
            book.applyDeltaRaw(BUY, 50, 1);
            book.applyDeltaRaw(SELL, 20_000, 1);
            book.applySnapshotRaw(new long[] {9_900, 10_000, 9_800}, new long[] {1, 2, 3}, 3,
                    new long[] {10_300, 10_100, 0}, new long[] {4, 5, 99}, 2);
            assertThat(book.levelCount(BUY)).isEqualTo(3);
            assertThat(book.levelCount(SELL)).isEqualTo(2);
            assertThat(book.bestBidRaw()).isEqualTo(10_000);
            assertThat(book.bestAskRaw()).isEqualTo(10_100);
            assertThat(book.sizeRawAtPrice(BUY, 50)).isZero();
            assertThat(book.sizeRawAtPrice(SELL, 0)).isZero();
            assertThat(book.totalSizeRaw(SELL)).isEqualTo(9);
        }

        @Test
        void repeatedPriceKeepsTheLastSize() {
            book.applySnapshotRaw(new long[] {100, 100}, new long[] {1, 7}, 2, new long[0], new long[0], 0);
            assertThat(book.levelCount(BUY)).isEqualTo(1);
            assertThat(book.bestBidSizeRaw()).isEqualTo(7);
            assertThat(book.totalSizeRaw(BUY)).isEqualTo(7);
        }

        @Test
        void rejectsZeroSizeNamingTheEntryWithoutChangingState() {
            fillTypicalBook();
            assertThatThrownBy(() -> book.applySnapshotRaw(new long[] {1, 2}, new long[] {5, 0}, 2,
                    new long[0], new long[0], 0))
                    .isInstanceOfSatisfying(InvalidBookInputException.class, e -> {
                        assertThat(e.field()).isEqualTo("bidSizes[1]");
                        assertThat(e.value()).isEqualTo("0.0000");
                    });
            assertThatThrownBy(() -> book.applySnapshot(List.of(),
                    List.of(new BookLevel(p("1"), q("1")), new BookLevel(p("2"), Quantity.zero(4)))))
                    .isInstanceOfSatisfying(InvalidBookInputException.class,
                            e -> assertThat(e.field()).isEqualTo("askSizes[1]"));
            assertThat(book.levelCount(BUY)).isEqualTo(3);
            assertThat(book.bestAsk()).contains(p("100.50"));
        }

        @Test
        void rejectsCountBeyondArrays() {
            assertThatThrownBy(() -> book.applySnapshotRaw(new long[] {1}, new long[] {1}, 1,
                    new long[] {2, 3}, new long[] {1}, 2))
                    .isInstanceOfSatisfying(InvalidBookInputException.class, e -> {
                        assertThat(e.field()).isEqualTo("askCount");
                        assertThat(e.value()).isEqualTo("2");
                    });
        }

        @Test
        void rejectsSnapshotWhoseSizesOverflow() {
            fillTypicalBook();
            assertThatThrownBy(() -> book.applySnapshotRaw(new long[] {1, 2},
                    new long[] {Long.MAX_VALUE, 1}, 2, new long[0], new long[0], 0))
                    .isInstanceOf(ArithmeticException.class);
            assertThat(book.levelCount(BUY)).isEqualTo(3);
        }
    }

    @Nested
    class TopOfBook {

        @Test
        void oneSideEmpty() {
            book.applyDelta(BUY, p("99.00"), q("1"));
            assertThat(book.bestBid()).contains(p("99.00"));
            assertThat(book.bestAsk()).isEmpty();
            assertThat(book.bestAskRaw()).isEqualTo(OrderBook.NO_PRICE);
            assertThat(book.spread()).isEmpty();
            assertThat(book.mid()).isEmpty();
            assertThat(book.isCrossed()).isFalse();
            assertThat(book.sizeWithin(SELL, p("0"))).isEqualTo(q("1"));
        }

        @Test
        void spreadAndExactMid() {
            fillTypicalBook();
            assertThat(book.spread()).contains(p("0.50"));
            assertThat(book.mid()).contains(p("100.25"));
            book.applyDelta(SELL, p("100.01"), q("1"));
            assertThat(book.mid()).hasValueSatisfying(mid -> {
                assertThat(mid).isEqualTo(p("100.005"));
                assertThat(mid.precision()).isEqualTo(3);
            });
        }

        @Test
        void midAtNineDecimalsRoundsHalfEven() {
            Instrument fine = Instrument.builder("FINE", Venue.SIM).assetClass(AssetClass.CRYPTO)
                    .quoteCurrency(Currency.USD).pricePrecision(9).sizePrecision(0).build();
            OrderBook b = new OrderBook(fine);
            b.applyDeltaRaw(BUY, 1, 1);
            b.applyDeltaRaw(SELL, 2, 1);
            assertThat(b.mid()).contains(Price.ofRaw(2, 9));
            b.applyDeltaRaw(SELL, 4, 1);
            assertThat(b.mid()).contains(Price.ofRaw(2, 9));
        }

        @Test
        void crossedBookIsReportedAndRecovers() {
            fillTypicalBook();
            book.applyDelta(BUY, p("100.75"), q("1"));
            assertThat(book.isCrossed()).isTrue();
            assertThat(book.isLocked()).isFalse();
            assertThat(book.spread()).contains(p("-0.25"));
            assertThat(book.mid()).contains(p("100.625"));
            assertThat(book.costToFill(SELL, q("2"))).isEqualTo(Money.of("200.75", Currency.USD));
            assertThat(book.levelCount(SELL)).isEqualTo(3);

            book.applyDelta(SELL, p("100.50"), Quantity.zero(4));
            book.applyDelta(SELL, p("100.75"), q("1"));
            assertThat(book.isCrossed()).isFalse();
            assertThat(book.isLocked()).isTrue();
            book.applyDelta(BUY, p("100.75"), Quantity.zero(4));
            assertThat(book.isLocked()).isFalse();
            assertThat(book.bestBid()).contains(p("100.00"));
            assertThat(book.bestAsk()).contains(p("100.75"));
            assertThat(book.depth(SELL, 5)).extracting(BookLevel::price)
                    .containsExactly(p("100.75"), p("101.00"), p("102.00"));
        }
    }

    @Nested
    class Depth {

        @Test
        void returnsAtMostTheRequestedLevels() {
            fillTypicalBook();
            assertThat(book.depth(BUY, 2)).containsExactly(
                    new BookLevel(p("100.00"), q("1.0000")), new BookLevel(p("99.50"), q("2.0000")));
            assertThat(book.depth(SELL, 0)).isEmpty();
            assertThat(book.depth(SELL, 99)).hasSize(3);
        }

        @Test
        void rejectsNegativeLevels() {
            assertThatThrownBy(() -> book.depth(BUY, -1))
                    .isInstanceOfSatisfying(InvalidBookInputException.class, e -> {
                        assertThat(e.field()).isEqualTo("maxLevels");
                        assertThat(e.value()).isEqualTo("-1");
                    });
            fillTypicalBook();
            assertThatThrownBy(() -> book.sizeRawAt(SELL, 3)).isInstanceOf(InvalidBookInputException.class);
            assertThatThrownBy(() -> book.priceRawAt(SELL, -1)).isInstanceOf(InvalidBookInputException.class);
        }

        @Test
        void sizeWithinLimitCountsLevelsAtOrBetter() {
            fillTypicalBook();
            assertThat(book.sizeWithin(BUY, p("100.49"))).isEqualTo(Quantity.zero(4));
            assertThat(book.sizeWithin(BUY, p("100.50"))).isEqualTo(q("1.5"));
            assertThat(book.sizeWithin(BUY, p("101.99"))).isEqualTo(q("4"));
            assertThat(book.sizeWithin(BUY, p("500"))).isEqualTo(q("8"));
            assertThat(book.sizeWithin(SELL, p("100.01"))).isEqualTo(Quantity.zero(4));
            assertThat(book.sizeWithin(SELL, p("99.50"))).isEqualTo(q("3"));
            assertThat(book.sizeWithin(SELL, p("-1"))).isEqualTo(q("6"));
            assertThatThrownBy(() -> book.sizeWithinRaw(BUY, OrderBook.NO_PRICE))
                    .isInstanceOfSatisfying(InvalidBookInputException.class,
                            e -> assertThat(e.field()).isEqualTo("limitPrice"));
        }
    }

    @Nested
    class Fills {

        @Test
        void costWalksLevelsExactly() {
            fillTypicalBook();
            // 1.5 @ 100.50 + 2.5 @ 101.00 + 0.5 @ 102.00
            assertThat(book.costToFill(BUY, q("4.5"))).isEqualTo(Money.of("454.25", Currency.USD));
            assertThat(book.costToFillRaw(BUY, 45_000)).isEqualTo(454_250_000L);
            assertThat(book.costPrecision()).isEqualTo(6);
            // 1 @ 100 + 0.2 @ 99.50
            assertThat(book.costToFill(SELL, q("1.2"))).isEqualTo(Money.of("119.90", Currency.USD));
            assertThat(book.costToFill(SELL, q("0.0001"))).isEqualTo(Money.of("0.01", Currency.USD));
        }

        @Test
        void costIncludesTheContractMultiplier() {
            Instrument option = Instrument.builder("OPT", Venue.SIM).assetClass(AssetClass.OPTION)
                    .quoteCurrency(Currency.USD).pricePrecision(2).sizePrecision(0).multiplier("100").build();
            OrderBook b = new OrderBook(option);
            b.applyDelta(SELL, p("1.25"), q("3"));
            assertThat(b.costToFill(BUY, q("2"))).isEqualTo(Money.of("250.00", Currency.USD));
            assertThat(b.vwapToFill(BUY, q("2"))).isEqualTo(p("1.25"));
        }

        @Test
        void costBeyondNineDecimalsRoundsHalfEven() {
            Instrument sat = Instrument.builder("BTC-SAT", Venue.SIM).assetClass(AssetClass.CRYPTO)
                    .quoteCurrency(Currency.USD).pricePrecision(2).sizePrecision(8).build();
            OrderBook b = new OrderBook(sat);
            b.applyDeltaRaw(SELL, 1, 15);   // 0.01 × 0.00000015 = 0.0000000015
            Money cost = b.costToFill(BUY, Quantity.ofRaw(15, 8));
            assertThat(cost.precision()).isEqualTo(9);
            assertThat(cost.raw()).isEqualTo(2);
            assertThat(b.costToFillRaw(BUY, 15)).isEqualTo(15);
        }

        @Test
        void insufficientLiquidityNamesRequestedAndAvailable() {
            fillTypicalBook();
            assertThatThrownBy(() -> book.costToFill(BUY, q("8.0001")))
                    .isInstanceOfSatisfying(InsufficientLiquidityException.class, e -> {
                        assertThat(e.requested()).isEqualTo(q("8.0001"));
                        assertThat(e.available()).isEqualTo(q("8"));
                    })
                    .hasMessage("cannot buy 8.0001: only 8.0000 available on the ask side");
            assertThat(book.costToFill(BUY, q("8"))).isEqualTo(Money.of("811.25", Currency.USD));
        }

        @Test
        void rejectsZeroAndNegativeFillSizes() {
            fillTypicalBook();
            assertThatThrownBy(() -> book.costToFill(BUY, Quantity.zero(2)))
                    .isInstanceOfSatisfying(InvalidBookInputException.class, e -> {
                        assertThat(e.field()).isEqualTo("size");
                        assertThat(e.value()).isEqualTo("0.00");
                    });
            assertThatThrownBy(() -> book.costToFillRaw(SELL, -5))
                    .isInstanceOfSatisfying(InvalidBookInputException.class, e -> {
                        assertThat(e.field()).isEqualTo("size");
                        assertThat(e.value()).isEqualTo("-0.0005");
                    });
            assertThatThrownBy(() -> book.vwapToFillRaw(SELL, 0, 2, RoundingMode.DOWN))
                    .isInstanceOf(InvalidBookInputException.class);
        }

        @Test
        void vwapRoundsAgainstTheTakerByDefault() {
            fillTypicalBook();
            // buy 3: (150.75 + 151.50) / 3 = 100.75
            assertThat(book.vwapToFill(BUY, q("3"))).isEqualTo(p("100.75"));
            // buy 2: (150.75 + 50.50) / 2 = 100.625 -> up for a buyer
            assertThat(book.vwapToFill(BUY, q("2"))).isEqualTo(p("100.63"));
            assertThat(book.vwapToFill(BUY, q("2"), 3, RoundingMode.UNNECESSARY)).isEqualTo(p("100.625"));
            // sell 3: (100 + 199) / 3 = 99.666.. -> down for a seller
            assertThat(book.vwapToFill(SELL, q("3"))).isEqualTo(p("99.66"));
            assertThat(book.vwapToFill(SELL, q("3"), 9, RoundingMode.HALF_EVEN)).isEqualTo(p("99.666666667"));
            assertThat(book.vwapToFill(SELL, q("3"), 0, RoundingMode.HALF_UP)).isEqualTo(p("100"));
            assertThat(book.vwapToFillRaw(SELL, 30_000, 1, RoundingMode.FLOOR)).isEqualTo(996);
            assertThatThrownBy(() -> book.vwapToFill(SELL, q("3"), 4, RoundingMode.UNNECESSARY))
                    .isInstanceOf(ArithmeticException.class);
            assertThatThrownBy(() -> book.vwapToFill(SELL, q("3"), 10, RoundingMode.DOWN))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void costOverflowThrows() {
            book.applyDeltaRaw(SELL, Long.MAX_VALUE / 2, 3);
            assertThatThrownBy(() -> book.costToFillRaw(BUY, 3)).isInstanceOf(ArithmeticException.class);
        }
    }

    @Nested
    class UpdateMarks {

        @Test
        void remembersSequenceAndTimestamp() {
            book.markUpdate(12, 1_700_000_000_123_456_789L);
            assertThat(book.lastSequence()).isEqualTo(12);
            assertThat(book.lastUpdateEpochNanos()).isEqualTo(1_700_000_000_123_456_789L);
            assertThat(book.lastUpdate()).contains(Instant.ofEpochSecond(1_700_000_000L, 123_456_789L));
        }

        @Test
        void rejectsNegativeValuesWithoutChangingState() {
            book.markUpdate(1, 2);
            assertThatThrownBy(() -> book.markUpdate(-1, 5))
                    .isInstanceOfSatisfying(InvalidBookInputException.class,
                            e -> assertThat(e.field()).isEqualTo("sequence"));
            assertThatThrownBy(() -> book.markUpdate(5, -5))
                    .isInstanceOfSatisfying(InvalidBookInputException.class,
                            e -> assertThat(e.field()).isEqualTo("epochNanos"));
            assertThat(book.lastSequence()).isEqualTo(1);
            assertThat(book.lastUpdateEpochNanos()).isEqualTo(2);
        }
    }

    @Test
    void toStringShowsTopOfBook() {
        fillTypicalBook();
        assertThat(book).hasToString("OrderBook[BTC-USD.SIM bids=3 asks=3 best=100.00/100.50]");
        assertThat(new OrderBook(BTC)).hasToString("OrderBook[BTC-USD.SIM bids=0 asks=0 best=-/-]");
    }
}
