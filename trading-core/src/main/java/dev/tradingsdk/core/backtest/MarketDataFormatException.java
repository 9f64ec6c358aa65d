package dev.tradingsdk.core.backtest;

/** A row of a market data file that cannot be used, naming the source, line, column and offending value. */
public final class MarketDataFormatException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;
    /** Longest part of the value put in the message; {@link #value()} keeps it whole. */
    private static final int VALUE_EXCERPT = 80;
    /** Longest part of the problem put in the message (a cause's message may quote the value again). */
    private static final int PROBLEM_EXCERPT = 400;

    private final String source;
    private final long line;
    private final String column;
    private final String value;

    public MarketDataFormatException(String source, long line, String column, String value, String problem) {
        super(source + " line " + line + (column.isEmpty() ? "" : " column " + column)
                + (value == null ? "" : " value \"" + excerpt(value, VALUE_EXCERPT) + "\"") + ": "
                + excerpt(problem, PROBLEM_EXCERPT));
        this.source = source;
        this.line = line;
        this.column = column;
        this.value = value;
    }

    /** A bounded excerpt: a 10 MB field (or a cause quoting it) must not become a 10 MB log line. */
    private static String excerpt(String text, int limit) {
        if (text == null || text.length() <= limit) {
            return text;
        }
        return text.substring(0, limit) + "... (" + text.length() + " characters)";
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
