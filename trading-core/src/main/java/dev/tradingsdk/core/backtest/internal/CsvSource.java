package dev.tradingsdk.core.backtest.internal;

import dev.tradingsdk.core.backtest.MarketDataFormatException;
import java.io.Closeable;
import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A comma-separated file read one record at a time (RFC 4180 via commons-csv: quoted fields, embedded commas
 * and quotes, CRLF or LF, a leading byte-order mark). Blank lines are skipped. Column lookup is by header name,
 * case-insensitive and trimmed. Only the current record is held, so memory does not grow with the file.
 *
 * <p>Tokenizer failures and rows whose field count differs from the header's become
 * {@link MarketDataFormatException}s naming the source and the line where the record starts.
 */
public final class CsvSource implements Closeable {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get();

    private final String source;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final String[] header;
    private final boolean headerInFile;
    private final Map<String, Integer> columns = new HashMap<>();
    private String[] pending;
    private long pendingLine;
    private String[] current;
    private long currentLine;

    private CsvSource(String source, Reader reader, String[] namesIfHeaderless) {
        this.source = source;
        try {
            this.parser = CSVParser.builder().setReader(withoutByteOrderMark(reader)).setFormat(FORMAT).get();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source, e);
        }
        this.records = parser.iterator();
        if (!fetch()) {
            throw new MarketDataFormatException(source, 1, "", null, "file is empty, a header line is required");
        }
        String[] first = pending;
        if (namesIfHeaderless != null && isDigits(first[0].trim())) {
            header = namesIfHeaderless.clone();
            headerInFile = false;
        } else {
            header = first;
            headerInFile = true;
            pending = null;
        }
        for (int i = 0; i < header.length; i++) {
            columns.putIfAbsent(header[i].trim().toLowerCase(Locale.ROOT), i);
        }
    }

    /** A leading byte-order mark would stick to the first field and stop a quoted header name being unquoted. */
    private static Reader withoutByteOrderMark(Reader reader) throws IOException {
        PushbackReader in = new PushbackReader(reader, 1);
        int first = in.read();
        if (first != -1 && first != '\uFEFF') {
            in.unread(first);
        }
        return in;
    }

    /** A file whose first record is its header. */
    public static CsvSource open(Reader reader, String source) {
        return new CsvSource(source, reader, null);
    }

    /**
     * A file that may lack a header: when the first field of the first record is a plain number, the record is
     * data and the columns are {@code namesIfHeaderless}; otherwise it is the header.
     */
    public static CsvSource openMaybeHeaderless(Reader reader, String source, String... namesIfHeaderless) {
        return new CsvSource(source, reader, namesIfHeaderless);
    }

    /** Opens {@code file} as UTF-8; the file's name is the source in messages. */
    public static Reader reader(Path file) {
        try {
            return Files.newBufferedReader(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    public static boolean isDigits(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private boolean fetch() {
        while (true) {
            long line = parser.getCurrentLineNumber() + 1;
            boolean more;
            try {
                more = records.hasNext();
            } catch (UncheckedIOException | IllegalStateException e) {
                throw new MarketDataFormatException(source, line, "", null, "not valid CSV: " + rootMessage(e));
            }
            if (!more) {
                pending = null;
                return false;
            }
            CSVRecord record = records.next();
            if (record.size() == 1 && record.get(0).isBlank()) {
                continue;
            }
            pending = record.values();
            pendingLine = line;
            return true;
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    public String source() {
        return source;
    }

    /** Whether the file had a header line (false when the headerless names were used). */
    public boolean headerInFile() {
        return headerInFile;
    }

    /** Moves to the next record; false at the end. */
    public boolean next() {
        if (pending == null && !fetch()) {
            current = null;
            return false;
        }
        current = pending;
        currentLine = pendingLine;
        pending = null;
        if (current.length != header.length) {
            throw new MarketDataFormatException(source, currentLine, "", String.join(",", current),
                    "has " + current.length + " fields, the " + (headerInFile ? "header has " : "format has ")
                    + header.length);
        }
        return true;
    }

    /** The current record's field {@code column}. */
    public String field(int column) {
        return current[column];
    }

    /** The line on which the current record starts (the header is line 1). */
    public long line() {
        return currentLine;
    }

    /** Index of the first header name present among {@code names}; throws naming them when none is. */
    public int column(String... names) {
        int index = optionalColumn(names);
        if (index >= 0) {
            return index;
        }
        throw new MarketDataFormatException(source, 1, String.join("|", names), null,
                "required column missing; header has " + Arrays.toString(header));
    }

    /** The header's name of {@code column}, as written in the file (trimmed). */
    public String name(int column) {
        return header[column].trim();
    }

    /** Index of the first of {@code names} present, or -1 when the header has none. */
    public int optionalColumn(String... names) {
        for (String name : names) {
            Integer index = columns.get(name.toLowerCase(Locale.ROOT));
            if (index != null) {
                return index;
            }
        }
        return -1;
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + source, e);
        }
    }
}
