package dev.tradingsdk.examples.cli;

import java.util.Objects;

/**
 * One command-line option of an app: a flag ({@code --spark}) or a valued option ({@code --out DIR}).
 *
 * @param name         without the leading dashes
 * @param valueName    what the value is ("DIR", "N"), or null for a flag
 * @param defaultValue shown in the help and used when the option is absent; null for none
 * @param description  one line for the help
 */
public record Option(String name, String valueName, String defaultValue, String description) {

    public Option {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        if (name.startsWith("-") || name.isBlank()) {
            throw new IllegalArgumentException("option name must not start with '-' or be blank, was '" + name + "'");
        }
    }

    public static Option flag(String name, String description) {
        return new Option(name, null, null, description);
    }

    public static Option value(String name, String valueName, String defaultValue, String description) {
        return new Option(name, Objects.requireNonNull(valueName, "valueName"), defaultValue, description);
    }

    public boolean isFlag() {
        return valueName == null;
    }
}
