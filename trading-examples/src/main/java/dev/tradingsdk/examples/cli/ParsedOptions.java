package dev.tradingsdk.examples.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/** The options an app was started with, checked against its declared {@link Option}s. */
public final class ParsedOptions {

    private final String app;
    private final Map<String, Option> declared;
    private final Map<String, String> values;
    private final Set<String> flags;

    ParsedOptions(String app, Map<String, Option> declared, Map<String, String> values, Set<String> flags) {
        this.app = app;
        this.declared = declared;
        this.values = Map.copyOf(values);
        this.flags = Set.copyOf(flags);
    }

    public boolean flag(String name) {
        Option o = option(name);
        if (!o.isFlag()) {
            throw new IllegalArgumentException("--" + name + " takes a value, it is not a flag");
        }
        return flags.contains(name);
    }

    /** The value given, else the declared default (null when there is none). */
    public String value(String name) {
        Option o = option(name);
        return values.getOrDefault(name, o.defaultValue());
    }

    public boolean given(String name) {
        option(name);
        return values.containsKey(name) || flags.contains(name);
    }

    public Path path(String name) {
        String v = value(name);
        return v == null ? null : Path.of(v);
    }

    /** A whole number in {@code [min, max]}, or a {@link UsageException} naming the option and value. */
    public int integer(String name, int min, int max) {
        String v = value(name);
        try {
            int n = Integer.parseInt(v);
            if (n < min || n > max) {
                throw new UsageException(app + ": --" + name + " must be in " + min + ".." + max + ", was " + v);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException(app + ": --" + name + " must be a whole number, was '" + v + "'");
        }
    }

    private Option option(String name) {
        Option o = declared.get(name);
        if (o == null) {
            throw new IllegalArgumentException("app " + app + " declares no option --" + name);
        }
        return o;
    }
}
