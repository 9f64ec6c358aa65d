package dev.tradingsdk.core.backtest;

/** A row of a market data file that cannot be used, naming the source, line, column and offending value. */
public final class MarketDataFormatException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final long line;
    private final String column;
    private final String value;

    public MarketDataFormatException(String source, long line, String column, String value, String problem) {
        super(source + " line " + line + (column.isEmpty() ? "" : " column " + column)
                + (value == null ? "" : " value \"" + value + "\"") + ": " + problem);
        this.source = source;
        this.line = line;
        this.column = column;
        this.value = value;
    }

    public String source() {
        return source;
    }

    public long line() {
        return line;
    }

    public String column() {
        return column;
    }

    public String value() {
        return value;
    }
}
