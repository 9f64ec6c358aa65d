package dev.tradingsdk.examples.cli;

import dev.tradingsdk.core.backtest.BarCsvReader;
import dev.tradingsdk.core.market.Bar;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The data files bundled in the jar ({@code dev/tradingsdk/examples/data}, sources in DATA.md there) and files
 * a user passes instead; a missing or malformed user file becomes an {@link InputException} naming it.
 */
public final class BundledData {

    public static final String ROOT = "/dev/tradingsdk/examples/data/";

    private BundledData() {
    }

    /** Reads a bundled resource ({@code name} relative to the data directory). */
    public static <T> T read(String name, ReaderFunction<T> parse) {
        try (InputStream in = BundledData.class.getResourceAsStream(ROOT + name)) {
            if (in == null) {
                throw new IllegalStateException("bundled data file missing from the jar: " + ROOT + name);
            }
            return parse.apply(new InputStreamReader(in, StandardCharsets.UTF_8), name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a user's file; every failure is one {@link InputException} naming the file and the problem. */
    public static <T> T readFile(Path file, ReaderFunction<T> parse) {
        if (!Files.exists(file)) {
            throw new InputException(file, "no such file");
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new InputException(file, "not a readable file");
        }
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse.apply(in, file.toString());
        } catch (IOException | UncheckedIOException e) {
            throw new InputException(file, "cannot read it: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new InputException(file, "not a valid bar file: " + firstLine(e.getMessage()), e);
        }
    }

    /** Bars from {@code file} when given, else from the bundled {@code bundled} resource. */
    public static List<Bar> bars(BarCsvReader reader, Path file, String bundled) {
        ReaderFunction<List<Bar>> parse = (in, source) -> {
            List<Bar> bars = reader.read(in, source).events();
            if (bars.isEmpty()) {
                throw new IllegalArgumentException("it holds no bars");
            }
            return bars;
        };
        return file == null ? read(bundled, parse) : readFile(file, parse);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    /** Parses an opened file; {@code source} names it in error messages. */
    @FunctionalInterface
    public interface ReaderFunction<T> {
        T apply(Reader reader, String source) throws IOException;
    }
}
