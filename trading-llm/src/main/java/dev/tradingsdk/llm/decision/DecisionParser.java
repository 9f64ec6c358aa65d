package dev.tradingsdk.llm.decision;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import dev.tradingsdk.llm.ContentBlock;
import dev.tradingsdk.llm.LlmRequest;
import dev.tradingsdk.llm.LlmResponse;
import dev.tradingsdk.llm.StopReason;
import dev.tradingsdk.llm.ToolDefinition;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one {@link TradeDecision} out of a model's answer, strictly. The ladder: thinking is stripped first
 * ({@code <think>}/{@code <thinking>} tags; thinking blocks never count), then the first rung that holds a JSON
 * object wins: the decision tool's call, native structured output, the last fenced {@code ```json} block, the
 * whole text, the last balanced {@code {...}} object. The JSON must be strict (no duplicate keys, trailing commas,
 * comments, NaN or trailing garbage); placeholders such as {@code "N/A"} in optional numbers become absent;
 * numeric strings are read as numbers; actions are case-insensitive but must be one of {@link TradeAction}.
 * Then every value is checked against the {@link DecisionRules}. Prose is never read as a decision.
 *
 * <p>Policy on confidence: it must be in 0..1; a 0-100 scale (72) is refused, not rescaled, because a model
 * that mixes scales has not understood the contract.
 */
public final class DecisionParser {

    /** Name of the tool that carries a decision when tool use is the structured-output route. */
    public static final String DECISION_TOOL = "submit_trade_decision";
    /** Name of the agent tool through which a model proposes a trade; read the same way as the decision tool. */
    public static final String PROPOSE_TOOL = "propose_trade";
    /** Longest text kept from reasoning and invalidation fields. */
    public static final int MAX_TEXT = 2000;

    private static final Set<String> PLACEHOLDERS = Set.of("", "none", "n/a", "na", "null", "nil", "-", "tbd",
        "unknown");
    private static final Pattern THINK = Pattern.compile("(?is)<(think|thinking|reasoning)>.*?</\\1>");
    private static final Pattern UNCLOSED_THINK = Pattern.compile("(?is)<(think|thinking|reasoning)>.*");
    private static final Pattern FENCE = Pattern.compile("(?s)```(?:json|JSON)?[ \\t]*\\n(.*?)```");
    private static final Pattern SYMBOL = Pattern.compile("[A-Z0-9][A-Z0-9._:/-]{0,31}");
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d{1,3})?");
    private static final BigDecimal HUGE = new BigDecimal("1e15");

    private static final ObjectMapper STRICT = JsonMapper.builder()
        .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
        .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
        .disable(JsonReadFeature.ALLOW_TRAILING_COMMA)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .build();

    private final DecisionRules rules;

    public DecisionParser(DecisionRules rules) {
        this.rules = java.util.Objects.requireNonNull(rules, "rules");
    }

    /** The JSON Schema of a decision, for native structured output and the decision tool. */
    public static JsonNode schema() {
        try {
            return STRICT.readTree("""
                {"type":"object","properties":{
                 "action":{"type":"string","enum":["BUY","SELL","SHORT","COVER","CLOSE","HOLD"]},
                 "symbol":{"type":"string"},
                 "quantity":{"type":["number","null"],"minimum":0},
                 "percent_of_equity":{"type":["number","null"],"minimum":0},
                 "leverage":{"type":["integer","null"],"minimum":1},
                 "confidence":{"type":"number","minimum":0,"maximum":1},
                 "stop_loss":{"type":["number","null"]},
                 "take_profit":{"type":["number","null"]},
                 "invalidation_condition":{"type":["string","null"]},
                 "reasoning":{"type":"string"}},
                 "required":["action","symbol","quantity","percent_of_equity","leverage","confidence","stop_loss",
                  "take_profit","invalidation_condition","reasoning"],
                 "additionalProperties":false}""");
        } catch (IOException e) {
            throw new IllegalStateException("the decision schema is valid JSON", e);
        }
    }

    /** The decision tool, to force a structured answer by tool use. */
    public static ToolDefinition tool() {
        return new ToolDefinition(DECISION_TOOL, "Record the final trading decision for one symbol.", schema());
    }

    /** Parses a model's answer: its decision tool call first, then its text. */
    public DecisionOutcome parse(LlmResponse response) {
        return parse(response, false);
    }

    /** As {@link #parse(LlmResponse)}, for an answer to {@code request} (its structured output is labelled so). */
    public DecisionOutcome parse(LlmRequest request, LlmResponse response) {
        return parse(response, request.responseFormat().isPresent());
    }

    private DecisionOutcome parse(LlmResponse response, boolean structured) {
        String raw = rawText(response);
        if (response.stopReason() == StopReason.REFUSAL || response.refusalText().isPresent()) {
            return new DecisionOutcome.Abstained("the model refused: " + response.refusalText().orElse("(no text)"),
                raw);
        }
        if (response.stopReason() == StopReason.CONTENT_FILTER) {
            return new DecisionOutcome.Abstained("the answer was withheld by the provider's content filter", raw);
        }
        if (response.stopReason() == StopReason.MAX_TOKENS || response.stopReason() == StopReason.CONTEXT_WINDOW_EXCEEDED) {
            return new DecisionOutcome.Failed(List.of("the answer was cut off (stop reason "
                + response.rawStopReason() + "): not read"), raw);
        }
        for (ContentBlock.ToolUse use : response.toolUses()) {
            if (use.name().equals(DECISION_TOOL) || use.name().equals(PROPOSE_TOOL)) {
                return validate(use.input(), DecisionOutcome.Source.TOOL_CALL, raw);
            }
        }
        return parseText(response.text(), structured, raw);
    }

    /** Validates a decision given as a JSON object (a tool call's input). */
    public DecisionOutcome parseObject(JsonNode object, String rawText) {
        if (object == null || !object.isObject()) {
            return new DecisionOutcome.Failed(List.of("the decision must be one JSON object, was " + object), rawText);
        }
        return validate(object, DecisionOutcome.Source.TOOL_CALL, rawText);
    }

    /** Parses answer text (for answers that arrive as plain strings). */
    public DecisionOutcome parse(String text) {
        return parseText(text, false, text);
    }

    private DecisionOutcome parseText(String text, boolean structured, String raw) {
        String answer = THINK.matcher(text).replaceAll("");
        answer = UNCLOSED_THINK.matcher(answer).replaceAll("").strip();
        if (answer.isEmpty()) {
            return new DecisionOutcome.Abstained("the model gave no answer beyond its thinking", raw);
        }
        List<String> problems = new ArrayList<>();
        Matcher fence = FENCE.matcher(answer);
        String lastFence = null;
        while (fence.find()) {
            lastFence = fence.group(1);
        }
        if (lastFence != null) {
            return readAndValidate(lastFence.strip(), DecisionOutcome.Source.FENCED_JSON, raw, problems);
        }
        if (answer.startsWith("{") || answer.startsWith("[")) {
            DecisionOutcome whole = readAndValidate(answer, structured ? DecisionOutcome.Source.STRUCTURED_OUTPUT
                : DecisionOutcome.Source.WHOLE_TEXT, raw, problems);
            Optional<String> last = lastBalancedObject(answer);
            if (!(whole instanceof DecisionOutcome.Failed) || !problems.stream().allMatch(p -> p.startsWith("invalid JSON"))
                || last.isEmpty() || last.get().equals(answer)) {
                return whole;
            }
            problems.clear();
            return readAndValidate(last.get(), DecisionOutcome.Source.LAST_OBJECT, raw, problems);
        }
        Optional<String> last = lastBalancedObject(answer);
        if (last.isPresent()) {
            return readAndValidate(last.get(), DecisionOutcome.Source.LAST_OBJECT, raw, problems);
        }
        if (answer.indexOf('{') >= 0) {
            return new DecisionOutcome.Failed(List.of("the answer holds an unbalanced JSON object (truncated?)"), raw);
        }
        return new DecisionOutcome.Failed(List.of("the answer holds no JSON object; prose is not read as a decision"),
            raw);
    }

    private DecisionOutcome readAndValidate(String json, DecisionOutcome.Source source, String raw,
                                            List<String> problems) {
        JsonNode node;
        try {
            node = STRICT.readTree(json);
        } catch (IOException e) {
            String message = e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.toString();
            message = message.replaceAll("\\s*\\(start marker at .*", "").lines().findFirst().orElse("");
            problems.add("invalid JSON (" + source + "): " + message);
            return new DecisionOutcome.Failed(problems, raw);
        }
        if (node == null || !node.isObject()) {
            problems.add("the decision must be one JSON object, found " + (node == null ? "nothing" : node.getNodeType()));
            return new DecisionOutcome.Failed(problems, raw);
        }
        return validate(node, source, raw);
    }

    /**
     * The last top-level {@code {...}} span whose braces balance outside strings. Objects nested in another or
     * inside a string are not candidates, so a reasoning field cannot smuggle in a second decision.
     */
    static Optional<String> lastBalancedObject(String text) {
        String last = null;
        int depth = 0;
        int start = -1;
        boolean inString = false;
        boolean escaped = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (escaped) {
                    escaped = false;
                } else if (c == '\\') {
                    escaped = true;
                } else if (c == '"') {
                    inString = false;
                }
                continue;
            }
            if (c == '"' && depth > 0) {
                inString = true;
            } else if (c == '{') {
                if (depth == 0) {
                    start = i;
                }
                depth++;
            } else if (c == '}' && depth > 0) {
                depth--;
                if (depth == 0) {
                    last = text.substring(start, i + 1);
                }
            }
        }
        return Optional.ofNullable(last);
    }

    private DecisionOutcome validate(JsonNode node, DecisionOutcome.Source source, String raw) {
        List<String> problems = new ArrayList<>();
        TradeAction action = action(node, problems);
        Instrument instrument = instrument(node, problems);
        BigDecimal quantity = number(node, "quantity", problems);
        BigDecimal percent = number(node, "percent_of_equity", problems);
        BigDecimal leverage = number(node, "leverage", problems);
        BigDecimal confidence = number(node, "confidence", problems);
        BigDecimal stop = number(node, "stop_loss", problems);
        BigDecimal target = number(node, "take_profit", problems);
        String invalidation = text(node, "invalidation_condition", problems);
        String reasoning = text(node, "reasoning", problems);
        if (confidence == null && !problems.stream().anyMatch(p -> p.startsWith("confidence"))) {
            problems.add("confidence is required (0..1)");
        } else if (confidence != null && (confidence.signum() < 0 || confidence.compareTo(BigDecimal.ONE) > 0)) {
            problems.add("confidence must be in 0..1, was " + confidence.toPlainString()
                + (confidence.compareTo(BigDecimal.valueOf(100)) <= 0 ? " (a 0-100 scale is refused, not rescaled)" : ""));
        }
        if (action == null || instrument == null || !problems.isEmpty()) {
            return new DecisionOutcome.Failed(problems.isEmpty() ? List.of("no action or symbol") : problems, raw);
        }
        String symbol = instrument.symbol();
        Quantity size = null;
        Integer lev = null;
        if (leverage != null) {
            if (leverage.stripTrailingZeros().scale() > 0 || leverage.compareTo(BigDecimal.ONE) < 0
                || leverage.compareTo(BigDecimal.valueOf(rules.maxLeverage())) > 0) {
                problems.add("leverage must be a whole number in 1.." + rules.maxLeverage() + ", was "
                    + leverage.toPlainString());
            } else {
                lev = leverage.intValueExact();
            }
        }
        if (action.sized()) {
            if ((quantity == null || quantity.signum() == 0) == (percent == null)) {
                problems.add(action + " needs exactly one of quantity or percent_of_equity, had quantity="
                    + plain(quantity) + " percent_of_equity=" + plain(percent));
            }
        } else if ((quantity != null && quantity.signum() != 0) || percent != null) {
            problems.add(action + " takes no size, had quantity=" + plain(quantity) + " percent_of_equity="
                + plain(percent));
        }
        if (quantity != null && quantity.signum() != 0 && action.sized()) {
            size = quantity(instrument, quantity, problems);
        }
        if (percent != null && action.sized()) {
            if (percent.signum() <= 0 || percent.compareTo(rules.maxPercentOfEquity()) > 0) {
                problems.add("percent_of_equity must be in (0, " + rules.maxPercentOfEquity().toPlainString()
                    + "], was " + percent.toPlainString());
            }
        }
        BigDecimal held = rules.position(symbol);
        switch (action) {
            case SELL -> {
                if (held.signum() <= 0) {
                    problems.add("SELL " + symbol + " but no long position is held (net " + held.toPlainString()
                        + "); use SHORT to open a short");
                } else if (size != null && size.toBigDecimal().compareTo(held) > 0) {
                    problems.add("SELL " + size + " " + symbol + " exceeds the long position of " + held.toPlainString());
                }
            }
            case COVER -> {
                if (held.signum() >= 0) {
                    problems.add("COVER " + symbol + " but no short position is held (net " + held.toPlainString() + ")");
                } else if (size != null && size.toBigDecimal().compareTo(held.negate()) > 0) {
                    problems.add("COVER " + size + " " + symbol + " exceeds the short position of "
                        + held.negate().toPlainString());
                }
            }
            case SHORT -> {
                if (!rules.shortingAllowed()) {
                    problems.add("SHORT " + symbol + " refused: shorting is not allowed");
                }
            }
            case CLOSE -> {
                if (held.signum() == 0) {
                    problems.add("CLOSE " + symbol + " but nothing is held");
                }
            }
            default -> {
            }
        }
        Price stopLoss = price(instrument, "stop_loss", stop, problems);
        Price takeProfit = price(instrument, "take_profit", target, problems);
        if (action.opens()) {
            checkBracket(action, symbol, stopLoss, takeProfit, problems);
        }
        if (!problems.isEmpty()) {
            return new DecisionOutcome.Failed(problems, raw);
        }
        return new DecisionOutcome.Decided(new TradeDecision(action, instrument, size,
            percent == null || !action.sized() ? null : percent, lev, confidence, stopLoss, takeProfit,
            invalidation, reasoning), source, raw);
    }

    private void checkBracket(TradeAction action, String symbol, Price stop, Price target, List<String> problems) {
        if (stop == null && target == null) {
            return;
        }
        Optional<Price> ref = rules.price(symbol);
        if (ref.isEmpty()) {
            problems.add("no current price of " + symbol + " to judge stop_loss/take_profit against");
            return;
        }
        Price p = ref.get();
        boolean isLong = action == TradeAction.BUY;
        if (stop != null && (isLong ? !stop.isLessThan(p) : !stop.isGreaterThan(p))) {
            problems.add("stop_loss " + stop + " must be " + (isLong ? "below" : "above") + " the price " + p
                + " for " + action);
        }
        if (target != null && (isLong ? !target.isGreaterThan(p) : !target.isLessThan(p))) {
            problems.add("take_profit " + target + " must be " + (isLong ? "above" : "below") + " the price " + p
                + " for " + action);
        }
    }

    private static TradeAction action(JsonNode node, List<String> problems) {
        JsonNode v = node.get("action");
        if (v == null || !v.isTextual()) {
            problems.add("action is required as a string, was " + v);
            return null;
        }
        String name = v.asText().strip().toUpperCase(Locale.ROOT);
        for (TradeAction a : TradeAction.values()) {
            if (a.name().equals(name)) {
                return a;
            }
        }
        problems.add("action must be one of BUY, SELL, SHORT, COVER, CLOSE, HOLD, was \"" + clip(v.asText()) + "\"");
        return null;
    }

    private Instrument instrument(JsonNode node, List<String> problems) {
        JsonNode v = node.get("symbol");
        if (v == null || !v.isTextual()) {
            problems.add("symbol is required as a string, was " + v);
            return null;
        }
        String given = v.asText().strip();
        String symbol = given.toUpperCase(Locale.ROOT);
        if (!SYMBOL.matcher(symbol).matches()) {
            problems.add("symbol \"" + clip(given) + "\" is not a plain ASCII symbol (look-alike characters are refused)");
            return null;
        }
        Optional<Instrument> instrument = rules.instrument(symbol);
        if (instrument.isEmpty()) {
            problems.add("symbol " + symbol + " is not tradable here; tradable: " + rules.instruments().keySet());
            return null;
        }
        return instrument.get();
    }

    /** An optional number: absent, null or a placeholder is null; numeric strings count; anything else refused. */
    private static BigDecimal number(JsonNode node, String field, List<String> problems) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        BigDecimal value;
        if (v.isNumber()) {
            value = v.decimalValue();
        } else if (v.isTextual()) {
            String text = v.asText().strip();
            if (PLACEHOLDERS.contains(text.toLowerCase(Locale.ROOT))) {
                return null;
            }
            if (!NUMBER.matcher(text).matches()) {
                problems.add(field + " must be a number, was \"" + clip(text) + "\"");
                return null;
            }
            value = new BigDecimal(text);
        } else {
            problems.add(field + " must be a number, was " + clip(v.toString()));
            return null;
        }
        if (value.abs().compareTo(HUGE) >= 0) {
            problems.add(field + " is out of any sensible range: " + clip(value.toPlainString()));
            return null;
        }
        return value;
    }

    private static String text(JsonNode node, String field, List<String> problems) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return "";
        }
        if (!v.isTextual()) {
            problems.add(field + " must be text, was " + clip(v.toString()));
            return "";
        }
        // Control characters are dropped so the text cannot fake structure when it is shown in later prompts.
        String clean = v.asText().replaceAll("[\\p{Cntrl}&&[^\\n\\t]]", "").strip();
        return clean.length() <= MAX_TEXT ? clean : clean.substring(0, MAX_TEXT);
    }

    private Quantity quantity(Instrument instrument, BigDecimal value, List<String> problems) {
        String symbol = instrument.symbol();
        if (value.signum() < 0) {
            problems.add("quantity must not be negative, was " + value.toPlainString() + " (use SELL/SHORT for the side)");
            return null;
        }
        if (value.stripTrailingZeros().scale() > instrument.sizePrecision()) {
            problems.add("quantity " + value.toPlainString() + " has more decimals than " + symbol + " allows ("
                + instrument.sizePrecision() + ")");
            return null;
        }
        Quantity q;
        try {
            q = Quantity.of(value, instrument.sizePrecision());
        } catch (ArithmeticException | IllegalArgumentException e) {
            problems.add("quantity " + clip(value.toPlainString()) + " does not fit " + symbol + ": " + e.getMessage());
            return null;
        }
        if (!instrument.isOnLot(q)) {
            problems.add("quantity " + q + " is not a multiple of the lot " + instrument.lotSize() + " of " + symbol);
            return null;
        }
        Optional<Quantity> max = rules.maxQuantity(symbol);
        if (max.isPresent() && q.isGreaterThan(max.get())) {
            problems.add("quantity " + q + " exceeds the maximum " + max.get() + " allowed for " + symbol);
            return null;
        }
        return q;
    }

    private static Price price(Instrument instrument, String field, BigDecimal value, List<String> problems) {
        if (value == null) {
            return null;
        }
        if (value.signum() <= 0) {
            problems.add(field + " must be positive, was " + value.toPlainString());
            return null;
        }
        if (value.stripTrailingZeros().scale() > instrument.pricePrecision()) {
            problems.add(field + " " + value.toPlainString() + " has more decimals than " + instrument.symbol()
                + " prices (" + instrument.pricePrecision() + ")");
            return null;
        }
        Price p;
        try {
            p = Price.of(value.setScale(instrument.pricePrecision(), RoundingMode.UNNECESSARY),
                instrument.pricePrecision());
        } catch (ArithmeticException | IllegalArgumentException e) {
            problems.add(field + " " + clip(value.toPlainString()) + " does not fit " + instrument.symbol() + ": "
                + e.getMessage());
            return null;
        }
        if (!instrument.isOnTick(p)) {
            problems.add(field + " " + p + " is not on the tick " + instrument.tickSize() + " of " + instrument.symbol());
            return null;
        }
        return p;
    }

    private static String plain(BigDecimal v) {
        return v == null ? "absent" : v.toPlainString();
    }

    private static String clip(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }

    private static String rawText(LlmResponse response) {
        StringBuilder sb = new StringBuilder();
        for (ContentBlock b : response.content()) {
            if (b instanceof ContentBlock.Thinking t) {
                sb.append("<thinking>").append(t.text()).append("</thinking>\n");
            } else if (b instanceof ContentBlock.Text t) {
                sb.append(t.text()).append('\n');
            } else if (b instanceof ContentBlock.ToolUse u) {
                sb.append("[tool ").append(u.name()).append(' ').append(u.input()).append("]\n");
            }
        }
        return sb.toString().strip();
    }
}
