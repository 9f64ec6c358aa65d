package dev.tradingsdk.examples.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Parses {@code --name value}, {@code --name=value} and {@code --flag}; anything else is a {@link UsageException}. */
public final class CommandLine {

    private CommandLine() {
    }

    /** True when {@code args} asks for the app's help. */
    public static boolean wantsHelp(List<String> args) {
        return args.contains("--help") || args.contains("-h");
    }

    public static ParsedOptions parse(ExampleApp app, List<String> args) {
        Map<String, Option> declared = new LinkedHashMap<>();
        for (Option o : app.options()) {
            declared.put(o.name(), o);
        }
        Map<String, String> values = new HashMap<>();
        Set<String> flags = new HashSet<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw new UsageException(app.name() + ": unexpected argument '" + arg + "' (options start with --; see "
                    + app.name() + " --help)");
            }
            String name = arg.substring(2);
            String inline = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                inline = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            Option o = declared.get(name);
            if (o == null) {
                throw new UsageException(app.name() + ": unknown option --" + name + " (see " + app.name() + " --help)");
            }
            if (values.containsKey(name) || flags.contains(name)) {
                throw new UsageException(app.name() + ": --" + name + " given twice");
            }
            if (o.isFlag()) {
                if (inline != null) {
                    throw new UsageException(app.name() + ": --" + name + " is a flag and takes no value");
                }
                flags.add(name);
            } else if (inline != null) {
                values.put(name, inline);
            } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
                values.put(name, args.get(++i));
            } else {
                throw new UsageException(app.name() + ": --" + name + " needs a value " + o.valueName());
            }
        }
        return new ParsedOptions(app.name(), declared, values, flags);
    }

    /** The text {@code --help} prints. */
    public static String help(ExampleApp app) {
        StringBuilder s = new StringBuilder();
        s.append("usage: java -jar trading-examples.jar ").append(app.name()).append(" [options]\n\n")
            .append(app.description().strip()).append("\n\noptions:\n");
        List<String[]> rows = new ArrayList<>();
        for (Option o : app.options()) {
            String left = "--" + o.name() + (o.isFlag() ? "" : " " + o.valueName());
            String right = o.description() + (o.defaultValue() == null ? "" : " (default " + o.defaultValue() + ")");
            rows.add(new String[] {left, right});
        }
        rows.add(new String[] {"--help", "print this help and exit"});
        int width = rows.stream().mapToInt(r -> r[0].length()).max().orElse(0);
        for (String[] r : rows) {
            s.append(String.format(Locale.ROOT, "  %-" + width + "s  %s%n", r[0], r[1]));
        }
        return s.toString();
    }
}
