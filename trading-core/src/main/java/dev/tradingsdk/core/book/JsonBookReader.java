package dev.tradingsdk.core.book;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.num.FixedMath;
import dev.tradingsdk.core.order.Side;
import java.io.IOException;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.Objects;

/**
 * Decodes L2 levels from a Jackson streaming {@link JsonParser} straight into an {@link OrderBook}: no databind,
 * no DTO and no {@code String} per value (decimals are parsed from the parser's own character buffer). Which
 * message field holds which side is the venue module's business; it walks its message and points this reader
 * at the level arrays and numbers. A snapshot is staged in reused arrays and applied only once it is complete,
 * so a malformed message changes nothing in the book. Allocates only when the staging arrays grow. Not
 * thread-safe: one reader per stream.
 */
public final class JsonBookReader {

    private final OrderBook book;
    private final int pricePrecision;
    private final int sizePrecision;
    private final DecimalText text = new DecimalText();
    private long[] bidPrices;
    private long[] bidSizes;
    private long[] askPrices;
    private long[] askSizes;
    private int bidCount;
    private int askCount;

    /** A reader into {@code book}, parsing at its instrument's price and size precision. */
    public JsonBookReader(OrderBook book) {
        this.book = Objects.requireNonNull(book, "book");
        Instrument instrument = book.instrument();
        this.pricePrecision = instrument.pricePrecision();
        this.sizePrecision = instrument.sizePrecision();
        bidPrices = new long[64];
        bidSizes = new long[64];
        askPrices = new long[64];
        askSizes = new long[64];
    }

    /** The book this reader applies to. */
    public OrderBook book() {
        return book;
    }

    /** Forgets the staged levels; call before reading the level arrays of a new snapshot. */
    public void startSnapshot() {
        bidCount = 0;
        askCount = 0;
    }

    /**
     * Stages the levels of the JSON array at the parser's current {@code START_ARRAY} for {@code side}
     * ({@link Side#BUY} for bids): each level an object with {@code "price"} and {@code "size"} (other fields
     * skipped) or a two-element array {@code [price, size]}, values as JSON strings or numbers. Leaves the parser
     * at the array's {@code END_ARRAY}. Returns the number of levels read.
     *
     * @throws InvalidBookInputException when a level or value is malformed or has too many decimals
     */
    public int readLevels(JsonParser parser, Side side) throws IOException {
        expect(parser.currentToken(), JsonToken.START_ARRAY, "levels");
        int read = 0;
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            long price;
            long size;
            if (token == JsonToken.START_ARRAY) {
                parser.nextToken();
                price = priceRaw(parser);
                parser.nextToken();
                size = sizeRaw(parser);
                expect(parser.nextToken(), JsonToken.END_ARRAY, "level");
            } else {
                expect(token, JsonToken.START_OBJECT, "level");
                price = Long.MIN_VALUE;
                size = -1;
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    if ("price".equals(name)) {
                        price = priceRaw(parser);
                    } else if ("size".equals(name)) {
                        size = sizeRaw(parser);
                    } else {
                        parser.skipChildren();
                    }
                }
                if (price == Long.MIN_VALUE || size < 0) {
                    throw new InvalidBookInputException("level", price == Long.MIN_VALUE ? "without price"
                            : "without size", "needs both \"price\" and \"size\"");
                }
            }
            stage(side, price, size);
            read++;
        }
        return read;
    }

    /** Applies the staged levels as the whole book ({@link OrderBook#applySnapshotRaw}). */
    public void applySnapshot() {
        book.applySnapshotRaw(bidPrices, bidSizes, bidCount, askPrices, askSizes, askCount);
    }

    /**
     * The current token, a JSON string or number such as {@code "0.48"}, as a raw price at the instrument's
     * precision.
     *
     * @throws InvalidBookInputException when it is not a plain decimal or has more decimals than the precision
     */
    public long priceRaw(JsonParser parser) throws IOException {
        return decimal(parser, "price", pricePrecision);
    }

    /** The current token as a raw size at the instrument's size precision; see {@link #priceRaw}. */
    public long sizeRaw(JsonParser parser) throws IOException {
        return decimal(parser, "size", sizePrecision);
    }

    private long decimal(JsonParser parser, String field, int precision) throws IOException {
        JsonToken token = parser.currentToken();
        if (token != JsonToken.VALUE_STRING && token != JsonToken.VALUE_NUMBER_INT
                && token != JsonToken.VALUE_NUMBER_FLOAT) {
            throw new InvalidBookInputException(field, token, "must be a decimal string or number");
        }
        text.wrap(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
        try {
            return FixedMath.parse(text, precision, RoundingMode.UNNECESSARY);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new InvalidBookInputException(field, "\"" + text + "\"",
                    "is not a plain decimal with at most " + precision + " decimals");
        }
    }

    private void stage(Side side, long price, long size) {
        if (side == Side.BUY) {
            if (bidCount == bidPrices.length) {
                bidPrices = Arrays.copyOf(bidPrices, bidCount * 2);
                bidSizes = Arrays.copyOf(bidSizes, bidCount * 2);
            }
            bidPrices[bidCount] = price;
            bidSizes[bidCount++] = size;
        } else {
            if (askCount == askPrices.length) {
                askPrices = Arrays.copyOf(askPrices, askCount * 2);
                askSizes = Arrays.copyOf(askSizes, askCount * 2);
            }
            askPrices[askCount] = price;
            askSizes[askCount++] = size;
        }
    }

    private static void expect(JsonToken actual, JsonToken expected, String what) {
        if (actual != expected) {
            throw new InvalidBookInputException(what, actual, "expected " + expected);
        }
    }

    /** A window on the parser's character buffer, valid until its next token; reused for every value. */
    private static final class DecimalText implements CharSequence {
        private char[] chars;
        private int offset;
        private int length;

        void wrap(char[] buffer, int start, int count) {
            chars = buffer;
            offset = start;
            length = count;
        }

        @Override
        public int length() {
            return length;
        }

        @Override
        public char charAt(int index) {
            return chars[offset + index];
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return toString().substring(start, end);
        }

        @Override
        public String toString() {
            return new String(chars, offset, length);
        }
    }
}
