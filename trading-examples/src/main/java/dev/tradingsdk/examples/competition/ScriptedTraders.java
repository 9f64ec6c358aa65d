package dev.tradingsdk.examples.competition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tradingsdk.llm.ContentBlock;
import dev.tradingsdk.llm.LlmRequest;
import dev.tradingsdk.llm.log.ScriptedLlm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Offline stand-ins for models, answering only from what the prompt shows (so they see exactly what a real model
 * would): a trend follower that answers through the decision tool and a contrarian that answers in prose with a
 * fenced JSON block after a think tag. Each trades one symbol per invocation, the first that its rule picks.
 */
final class ScriptedTraders {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SECTION = Pattern.compile(
        "--- ([A-Z]+) \\(.*?\\) ---\\nCurrent price: [^\\n]+\\nSMA20: ([0-9.]+|n/a); EMA20: ([0-9.]+|n/a)");
    private static final Pattern POSITIONS = Pattern.compile(
        "Positions \\(symbol, side[^\\n]*\\n((?:[A-Z]+, [^\\n]*\\n)*)");

    private ScriptedTraders() {
    }

    /** A symbol's trend in the prompt: EMA20 above SMA20 is up. */
    record Signal(String symbol, boolean up, boolean held) {
    }

    static List<Signal> signals(String prompt) {
        List<String> held = new ArrayList<>();
        Matcher p = POSITIONS.matcher(prompt);
        if (p.find()) {
            p.group(1).lines().forEach(line -> held.add(line.substring(0, line.indexOf(','))));
        }
        List<Signal> signals = new ArrayList<>();
        Matcher m = SECTION.matcher(prompt);
        while (m.find()) {
            if (!m.group(2).equals("n/a") && !m.group(3).equals("n/a")) {
                signals.add(new Signal(m.group(1), Double.parseDouble(m.group(3)) > Double.parseDouble(m.group(2)),
                    held.contains(m.group(1))));
            }
        }
        return signals;
    }

    private static String prompt(LlmRequest request) {
        StringBuilder text = new StringBuilder();
        request.messages().get(0).content().forEach(b -> {
            if (b instanceof ContentBlock.Text t) {
                text.append(t.text());
            }
        });
        return text.toString();
    }

    /** Buys 20 % of equity of the first rising symbol it does not hold, closes the first falling one it holds. */
    static ScriptedLlm trend() {
        return ScriptedLlm.answeringBlocks(request -> {
            String action = "HOLD";
            String symbol = null;
            for (Signal s : signals(prompt(request))) {
                if (s.held() && !s.up()) {
                    action = "CLOSE";
                    symbol = s.symbol();
                    break;
                }
                if (!s.held() && s.up() && symbol == null) {
                    action = "BUY";
                    symbol = s.symbol();
                }
            }
            String size = action.equals("BUY") ? "20" : "null";
            return List.of(new ContentBlock.ToolUse("decision-1", "propose_trade", json("{\"action\":\"" + action
                + "\",\"symbol\":\"" + (symbol == null ? "BTCUSD" : symbol) + "\",\"quantity\":null,"
                + "\"percent_of_equity\":" + size + ",\"leverage\":null,\"confidence\":0.6,\"stop_loss\":null,"
                + "\"take_profit\":null,\"invalidation_condition\":null,\"reasoning\":\"EMA20 vs SMA20\"}")));
        });
    }

    /** Fades the trend: buys 15 % of equity of the first falling symbol, closes the first rising one it holds. */
    static ScriptedLlm contrarian() {
        return ScriptedLlm.answering(request -> {
            String action = "HOLD";
            String symbol = "BTCUSD";
            for (Signal s : signals(prompt(request))) {
                if (s.held() && s.up()) {
                    action = "CLOSE";
                    symbol = s.symbol();
                    break;
                }
                if (!s.held() && !s.up() && action.equals("HOLD")) {
                    action = "BUY";
                    symbol = s.symbol();
                }
            }
            String size = action.equals("BUY") ? "15" : "null";
            return "<think>the crowd chases " + symbol + "</think>\nMy decision:\n```json\n{\"action\":\"" + action
                + "\",\"symbol\":\"" + symbol + "\",\"quantity\":null,\"percent_of_equity\":" + size
                + ",\"confidence\":0.55,\"stop_loss\":\"N/A\",\"take_profit\":\"N/A\",\"reasoning\":\"fade the move\"}"
                + "\n```";
        });
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
