package dev.tradingsdk.brokers;

import dev.tradingsdk.brokers.alpaca.AlpacaBroker;
import dev.tradingsdk.brokers.ibkr.IbkrClientPortalBroker;
import dev.tradingsdk.brokers.paper.PaperBroker;
import dev.tradingsdk.core.backtest.FeeModel;
import dev.tradingsdk.core.backtest.SlippageModel;
import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.Money;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Makes a {@link Broker} from configuration, so going from the paper broker to a real paper account (and, with
 * two explicit switches, to live) changes configuration only, never code. Keys come from the environment.
 *
 * <table>
 * <caption>Configuration keys</caption>
 * <tr><td>{@code broker}</td><td>{@code paper} (default), {@code alpaca} or {@code ibkr}</td></tr>
 * <tr><td>{@code mode}</td><td>{@code paper} (default) or {@code live}; live also needs
 * {@code live.enabled=true}</td></tr>
 * <tr><td>{@code paper.cash}, {@code paper.currency}</td><td>starting cash, default 100000 USD</td></tr>
 * <tr><td>{@code paper.journal}</td><td>journal directory (restart resumes); none by default</td></tr>
 * <tr><td>{@code paper.commission.bps}, {@code paper.slippage.ticks}, {@code paper.seed}</td><td>paper fills</td></tr>
 * <tr><td>{@code alpaca.baseUrl}, {@code alpaca.dataUrl}, {@code alpaca.feed}</td><td>overrides; keys from
 * {@code APCA_API_KEY_ID}/{@code APCA_API_SECRET_KEY} (live: {@code APCA_LIVE_API_KEY_ID}/{@code
 * APCA_LIVE_API_SECRET_KEY})</td></tr>
 * <tr><td>{@code ibkr.baseUrl}, {@code ibkr.account}, {@code ibkr.trustedCertificate}, {@code ibkr.autoConfirm}
 * </td><td>gateway URL, account, the gateway's PEM certificate, comma-separated message ids</td></tr>
 * </table>
 *
 * An unknown key, or a key of another broker than the one chosen, is refused naming it, so a typo never silently
 * falls back to a default.
 */
public final class Brokers {

    private static final Set<String> COMMON = Set.of("broker", "mode", "live.enabled");
    private static final Map<String, Set<String>> KEYS = Map.of(
            "paper", Set.of("paper.cash", "paper.currency", "paper.journal", "paper.commission.bps",
                    "paper.slippage.ticks", "paper.seed"),
            "alpaca", Set.of("alpaca.baseUrl", "alpaca.dataUrl", "alpaca.feed", "alpaca.name"),
            "ibkr", Set.of("ibkr.baseUrl", "ibkr.account", "ibkr.trustedCertificate", "ibkr.autoConfirm",
                    "ibkr.name"));

    private Brokers() {
    }

    /** The broker {@code config} describes, with keys read from {@code env} (normally {@link System#getenv()}). */
    public static Broker fromConfig(Map<String, String> config, Map<String, String> env) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(env, "env");
        String type = config.getOrDefault("broker", "paper").trim().toLowerCase(Locale.ROOT);
        if (!KEYS.containsKey(type)) {
            throw new IllegalArgumentException("broker must be one of " + new TreeSet<>(KEYS.keySet()) + ", was \""
                    + type + "\"");
        }
        for (String key : config.keySet()) {
            if (!COMMON.contains(key) && !KEYS.get(type).contains(key)) {
                String owner = KEYS.entrySet().stream().filter(e -> e.getValue().contains(key)).map(Map.Entry::getKey)
                        .findFirst().orElse(null);
                throw new IllegalArgumentException(owner == null ? "unknown configuration key " + key
                        : "configuration key " + key + " is for broker " + owner + ", but broker is " + type);
            }
        }
        TradingMode mode = switch (config.getOrDefault("mode", "paper").trim().toLowerCase(Locale.ROOT)) {
            case "paper" -> TradingMode.PAPER;
            case "live" -> TradingMode.LIVE;
            default -> throw new IllegalArgumentException("mode must be paper or live, was \"" + config.get("mode")
                    + "\"");
        };
        boolean live = Boolean.parseBoolean(config.getOrDefault("live.enabled", "false").trim());
        return switch (type) {
            case "alpaca" -> alpaca(config, env, mode, live);
            case "ibkr" -> ibkr(config, mode, live);
            default -> paper(config, mode);
        };
    }

    private static Broker paper(Map<String, String> c, TradingMode mode) {
        if (mode == TradingMode.LIVE) {
            throw new IllegalArgumentException("mode live conflicts with broker paper");
        }
        Currency currency = Currency.of(c.getOrDefault("paper.currency", "USD"));
        PaperBroker.Builder b = PaperBroker.builder()
                .initialCash(Money.of(c.getOrDefault("paper.cash", "100000"), currency))
                .seed(Long.parseLong(c.getOrDefault("paper.seed", "0")));
        if (c.containsKey("paper.journal")) {
            b.journal(Path.of(c.get("paper.journal")));
        }
        if (c.containsKey("paper.commission.bps")) {
            b.commission(FeeModel.bps(c.get("paper.commission.bps")));
        }
        if (c.containsKey("paper.slippage.ticks")) {
            b.slippage(SlippageModel.ticks(Long.parseLong(c.get("paper.slippage.ticks"))));
        }
        return b.build();
    }

    private static Broker alpaca(Map<String, String> c, Map<String, String> env, TradingMode mode, boolean live) {
        AlpacaBroker.Builder b = AlpacaBroker.builder().mode(mode).liveTradingEnabled(live)
                .credentialsFromEnvironment(env);
        if (c.containsKey("alpaca.baseUrl")) {
            b.baseUrl(c.get("alpaca.baseUrl"));
        }
        if (c.containsKey("alpaca.dataUrl")) {
            b.dataUrl(c.get("alpaca.dataUrl"));
        }
        if (c.containsKey("alpaca.feed")) {
            b.feed(c.get("alpaca.feed"));
        }
        if (c.containsKey("alpaca.name")) {
            b.name(c.get("alpaca.name"));
        }
        return b.build();
    }

    private static Broker ibkr(Map<String, String> c, TradingMode mode, boolean live) {
        IbkrClientPortalBroker.Builder b = IbkrClientPortalBroker.builder().mode(mode).liveTradingEnabled(live);
        if (c.containsKey("ibkr.baseUrl")) {
            b.baseUrl(c.get("ibkr.baseUrl"));
        }
        if (c.containsKey("ibkr.account")) {
            b.accountId(c.get("ibkr.account"));
        }
        if (c.containsKey("ibkr.trustedCertificate")) {
            b.trustedCertificate(Path.of(c.get("ibkr.trustedCertificate")));
        }
        if (c.containsKey("ibkr.autoConfirm")) {
            b.autoConfirm(c.get("ibkr.autoConfirm").split("\\s*,\\s*"));
        }
        if (c.containsKey("ibkr.name")) {
            b.name(c.get("ibkr.name"));
        }
        return b.build();
    }
}
