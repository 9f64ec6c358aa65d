package dev.tradingsdk.llm;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One call to a model: provider-neutral, immutable, validated when built. Adapters translate it into their wire
 * format; the same request always gives the same bytes, so a request's hash identifies it for replay.
 */
public final class LlmRequest {

    private final String model;
    private final String system;
    private final List<Message> messages;
    private final int maxTokens;
    private final Double temperature;
    private final Long seed;
    private final List<String> stopSequences;
    private final List<ToolDefinition> tools;
    private final ToolChoice toolChoice;
    private final JsonSchemaFormat responseFormat;

    private LlmRequest(Builder b) {
        this.model = b.model;
        this.system = b.system;
        this.messages = List.copyOf(b.messages);
        this.maxTokens = b.maxTokens;
        this.temperature = b.temperature;
        this.seed = b.seed;
        this.stopSequences = List.copyOf(b.stopSequences);
        this.tools = List.copyOf(b.tools);
        this.toolChoice = b.toolChoice;
        this.responseFormat = b.responseFormat;
    }

    public static Builder builder(String model) {
        return new Builder(model);
    }

    /** A builder holding everything of this request, to add a turn (tool results, a follow-up question). */
    public Builder toBuilder() {
        Builder b = new Builder(model);
        b.system = system;
        b.messages.addAll(messages);
        b.maxTokens = maxTokens;
        b.temperature = temperature;
        b.seed = seed;
        b.stopSequences.addAll(stopSequences);
        b.tools.addAll(tools);
        b.toolChoice = toolChoice;
        b.responseFormat = responseFormat;
        return b;
    }

    public String model() {
        return model;
    }

    public Optional<String> system() {
        return Optional.ofNullable(system);
    }

    public List<Message> messages() {
        return messages;
    }

    public int maxTokens() {
        return maxTokens;
    }

    public Optional<Double> temperature() {
        return Optional.ofNullable(temperature);
    }

    /** Sampling seed, for servers that honour one (OpenAI, Ollama, llama.cpp); Anthropic has none. */
    public Optional<Long> seed() {
        return Optional.ofNullable(seed);
    }

    public List<String> stopSequences() {
        return stopSequences;
    }

    public List<ToolDefinition> tools() {
        return tools;
    }

    public Optional<ToolDefinition> tool(String name) {
        return tools.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /** Null when no tools are given. */
    public ToolChoice toolChoice() {
        return toolChoice;
    }

    public Optional<JsonSchemaFormat> responseFormat() {
        return Optional.ofNullable(responseFormat);
    }

    @Override
    public String toString() {
        return "LlmRequest[" + model + ", " + messages.size() + " messages, " + tools.size() + " tools, maxTokens "
            + maxTokens + "]";
    }

    /** Fluent builder; {@link #build()} names the field it refuses, and a second value for an option throws. */
    public static final class Builder {
        private final Set<String> given = new HashSet<>();
        private final String model;
        private String system;
        private final List<Message> messages = new ArrayList<>();
        private int maxTokens = 1024;
        private Double temperature;
        private Long seed;
        private final List<String> stopSequences = new ArrayList<>();
        private final List<ToolDefinition> tools = new ArrayList<>();
        private ToolChoice toolChoice;
        private JsonSchemaFormat responseFormat;

        private Builder(String model) {
            if (model == null || model.isBlank()) {
                throw new IllegalArgumentException("model must not be blank, was \"" + model + "\"");
            }
            this.model = model;
        }

        private void once(String option, Object previous, Object next) {
            if (!given.add(option)) {
                throw new IllegalStateException(option + " set twice: " + previous + " and " + next);
            }
        }

        public Builder system(String text) {
            once("system", system, text);
            this.system = Objects.requireNonNull(text, "system");
            return this;
        }

        public Builder message(Message message) {
            messages.add(Objects.requireNonNull(message, "message"));
            return this;
        }

        public Builder user(String text) {
            return message(Message.user(text));
        }

        public Builder assistant(String text) {
            return message(Message.assistant(text));
        }

        /** Most tokens the answer may use (default 1024); also the output side of a budget's worst case. */
        public Builder maxTokens(int tokens) {
            if (tokens < 1) {
                throw new IllegalArgumentException("maxTokens must be >= 1, was " + tokens);
            }
            once("maxTokens", maxTokens, tokens);
            this.maxTokens = tokens;
            return this;
        }

        public Builder temperature(double value) {
            if (!(value >= 0.0 && value <= 2.0)) {
                throw new IllegalArgumentException("temperature must be in [0, 2], was " + value);
            }
            once("temperature", temperature, value);
            this.temperature = value;
            return this;
        }

        public Builder seed(long value) {
            once("seed", seed, value);
            this.seed = value;
            return this;
        }

        public Builder stopSequence(String sequence) {
            if (sequence == null || sequence.isEmpty()) {
                throw new IllegalArgumentException("stop sequence must not be empty");
            }
            stopSequences.add(sequence);
            return this;
        }

        public Builder tool(ToolDefinition tool) {
            tools.add(Objects.requireNonNull(tool, "tool"));
            return this;
        }

        public Builder tools(List<ToolDefinition> definitions) {
            definitions.forEach(this::tool);
            return this;
        }

        public Builder toolChoice(ToolChoice choice) {
            once("toolChoice", toolChoice, choice);
            this.toolChoice = Objects.requireNonNull(choice, "toolChoice");
            return this;
        }

        public Builder responseFormat(JsonSchemaFormat format) {
            once("responseFormat", responseFormat, format);
            this.responseFormat = Objects.requireNonNull(format, "responseFormat");
            return this;
        }

        public LlmRequest build() {
            if (messages.isEmpty()) {
                throw new IllegalArgumentException("messages must not be empty (model " + model + ")");
            }
            if (messages.get(0).role() != Role.USER) {
                throw new IllegalArgumentException("the first message must be a USER message, was "
                    + messages.get(0).role());
            }
            Set<String> names = new HashSet<>();
            for (ToolDefinition t : tools) {
                if (!names.add(t.name())) {
                    throw new IllegalArgumentException("tool " + t.name() + " is defined twice");
                }
            }
            if (toolChoice != null && tools.isEmpty()) {
                throw new IllegalArgumentException("toolChoice " + toolChoice.kind() + " given without tools");
            }
            if (toolChoice != null && toolChoice.kind() == ToolChoice.Kind.TOOL && !names.contains(toolChoice.toolName())) {
                throw new IllegalArgumentException("toolChoice names tool " + toolChoice.toolName()
                    + ", which is not among the tools " + names);
            }
            if (!tools.isEmpty() && toolChoice == null) {
                toolChoice = ToolChoice.AUTO;
            }
            return new LlmRequest(this);
        }
    }
}
