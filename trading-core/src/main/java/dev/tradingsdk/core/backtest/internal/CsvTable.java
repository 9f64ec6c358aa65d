package dev.tradingsdk.core.backtest.internal;

import dev.tradingsdk.core.backtest.MarketDataFormatException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * A comma-separated file with a header line, read fully. Fields are unquoted (the vendor formats we read never
 * quote); blank lines are ignored. Column lookup is by header name, case-insensitive.
 */
public final class CsvTable {

    private final String source;
    private final Map<String, Integer> columns = new HashMap<>();
    private final List<String[]> rows = new ArrayList<>();
    private final List<Long> lineNumbers = new ArrayList<>();

    private CsvTable(String source) {
        this.source = source;
    }

    /** Opens {@code file} as UTF-8 and hands the reader and the file's name to {@code body}. */
    public static <T> T withFile(Path file, BiFunction<Reader, String, T> body) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return body.apply(reader, file.getFileName().toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    public static CsvTable read(Reader reader, String source) {
        CsvTable table = new CsvTable(source);
        try (BufferedReader in = new BufferedReader(reader)) {
            String header = in.readLine();
            if (header == null) {
                throw new MarketDataFormatException(source, 1, "", null, "file is empty, a header line is required");
            }
            String[] names = header.replace("\uFEFF", "").split(",", -1);
            for (int i = 0; i < names.length; i++) {
                table.columns.put(names[i].trim().toLowerCase(Locale.ROOT), i);
            }
            String line;
            long number = 1;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                String[] fields = line.split(",", -1);
                if (fields.length != names.length) {
                    throw new MarketDataFormatException(source, number, "", line, "has " + fields.length
                            + " fields, the header has " + names.length);
                }
                table.rows.add(fields);
                table.lineNumbers.add(number);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source, e);
        }
        return table;
    }

    public String source() {
        return source;
    }

    /** Index of the first header name present among {@code names}; throws naming them when none is. */
    public int column(String... names) {
        for (String name : names) {
            Integer index = columns.get(name.toLowerCase(Locale.ROOT));
            if (index != null) {
                return index;
            }
        }
        throw new MarketDataFormatException(source, 1, String.join("|", names), null,
                "required column missing; header has " + columns.keySet());
    }

    /** Index of {@code name}, or -1 when the header lacks it. */
    public int optionalColumn(String name) {
        return columns.getOrDefault(name.toLowerCase(Locale.ROOT), -1);
    }

    public int size() {
        return rows.size();
    }

    public String[] row(int index) {
        return rows.get(index);
    }

    public long lineNumber(int index) {
        return lineNumbers.get(index);
    }
}
