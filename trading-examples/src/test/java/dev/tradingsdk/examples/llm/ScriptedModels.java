package dev.tradingsdk.examples.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tradingsdk.llm.ContentBlock;
import dev.tradingsdk.llm.LlmRequest;
import dev.tradingsdk.llm.log.ScriptedLlm;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Deterministic stand-ins for models, reading only what the prompt shows: a trend follower (EMA20 above SMA20:
 * long, below: close) that first looks at its account through a tool, and a contrarian that answers in prose
 * with a fenced block after a think tag, and every fourth answer with prose only (a failure the log must show).
 */
final class ScriptedModels {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SMA = Pattern.compile("SMA20: ([0-9.]+|n/a); EMA20: ([0-9.]+|n/a)");

    private ScriptedModels() {
    }

    private static String signal(LlmRequest request) {
        Matcher m = SMA.matcher(text(request));
        if (!m.find() || m.group(1).equals("n/a")) {
            return "none";
        }
        return Double.parseDouble(m.group(2)) > Double.parseDouble(m.group(1)) ? "up" : "down";
    }

    private static String text(LlmRequest request) {
        return ((ContentBlock.Text) request.messages().get(0).content().get(0)).text();
    }

    private static boolean flat(LlmRequest request) {
        return text(request).contains("Positions: none");
    }

    static ScriptedLlm trend() {
        return ScriptedLlm.answeringBlocks(request -> {
            if (request.messages().size() == 1) {
                return List.of(new ContentBlock.ToolUse("acct-1", "get_account", JSON.createObjectNode()));
            }
            String s = signal(request);
            String action = s.equals("up") && flat(request) ? "BUY" : s.equals("down") && !flat(request) ? "CLOSE" : "HOLD";
            String quantity = action.equals("BUY") ? "0.2" : "null";
            return List.of(new ContentBlock.ToolUse("prop-1", "propose_trade", json("{\"action\":\"" + action
                + "\",\"symbol\":\"BTCUSD\",\"quantity\":" + quantity + ",\"percent_of_equity\":null,\"leverage\":null,"
                + "\"confidence\":0.6,\"stop_loss\":null,\"take_profit\":null,\"invalidation_condition\":null,"
                + "\"reasoning\":\"EMA20 vs SMA20: " + s + "\"}")));
        });
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static ScriptedLlm contrarian() {
        int[] calls = {0};
        return ScriptedLlm.answering(request -> {
            calls[0]++;
            if (calls[0] % 4 == 0) {
                return "I would lean towards waiting here.";
            }
            String s = signal(request);
            String action = s.equals("down") && flat(request) ? "BUY" : s.equals("up") && !flat(request) ? "CLOSE" : "HOLD";
            String size = action.equals("BUY") ? "\"percent_of_equity\":25" : "\"percent_of_equity\":null";
            return "<think>the crowd is " + s + "</think>\nMy decision:\n```json\n{\"action\":\"" + action
                + "\",\"symbol\":\"BTCUSD\",\"quantity\":null," + size + ",\"confidence\":0.55,\"stop_loss\":\"N/A\","
                + "\"take_profit\":\"N/A\",\"reasoning\":\"fade the move\"}\n```";
        });
    }
}
