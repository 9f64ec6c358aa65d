package dev.tradingsdk.llm.decision;

import java.util.List;
import java.util.Objects;

/**
 * What came of one answer: a {@link Decided} decision (HOLD only when the model chose it), an {@link Abstained}
 * answer (the model declined: refusal, filter, nothing said) or a {@link Failed} one (no JSON, bad JSON, a value
 * the rules do not allow). Never a silent HOLD: every outcome keeps the raw text and says why.
 */
public sealed interface DecisionOutcome {

    /** The answer as the model gave it (thinking included), for the record. */
    String rawText();

    /** Where the decision was found in the answer. */
    enum Source { TOOL_CALL, STRUCTURED_OUTPUT, FENCED_JSON, WHOLE_TEXT, LAST_OBJECT }

    record Decided(TradeDecision decision, Source source, String rawText) implements DecisionOutcome {
        public Decided {
            Objects.requireNonNull(decision, "decision");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(rawText, "rawText");
        }
    }

    record Abstained(String reason, String rawText) implements DecisionOutcome {
        public Abstained {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(rawText, "rawText");
        }
    }

    /** {@code problems} name each field and value refused. */
    record Failed(List<String> problems, String rawText) implements DecisionOutcome {
        public Failed {
            problems = List.copyOf(problems);
            if (problems.isEmpty()) {
                throw new IllegalArgumentException("a failed outcome names at least one problem");
            }
            Objects.requireNonNull(rawText, "rawText");
        }

        public String reason() {
            return String.join("; ", problems);
        }
    }

    /** A short label for logs and records: {@code decided}, {@code abstained} or {@code failed}. */
    default String kind() {
        if (this instanceof Decided) {
            return "decided";
        }
        return this instanceof Abstained ? "abstained" : "failed";
    }
}
