/** LLM clients, strict trade decisions, prompts, agents, competitions and the investment council. */
module dev.tradingsdk.llm {
    requires transitive dev.tradingsdk.core;
    requires org.slf4j;
    requires com.fasterxml.jackson.databind;
    requires okhttp3;

    exports dev.tradingsdk.llm;
    exports dev.tradingsdk.llm.agent;
    exports dev.tradingsdk.llm.arena;
    exports dev.tradingsdk.llm.client;
    exports dev.tradingsdk.llm.cost;
    exports dev.tradingsdk.llm.council;
    exports dev.tradingsdk.llm.decision;
    exports dev.tradingsdk.llm.log;
    exports dev.tradingsdk.llm.prompt;

    // Jackson reads and writes the journaled records (invocations, audit, memory, council runs) in these packages.
    opens dev.tradingsdk.llm to com.fasterxml.jackson.databind;
    opens dev.tradingsdk.llm.agent to com.fasterxml.jackson.databind;
    opens dev.tradingsdk.llm.arena to com.fasterxml.jackson.databind;
    opens dev.tradingsdk.llm.client to com.fasterxml.jackson.databind;
    opens dev.tradingsdk.llm.cost to com.fasterxml.jackson.databind;
    opens dev.tradingsdk.llm.council to com.fasterxml.jackson.databind;
    opens dev.tradingsdk.llm.decision to com.fasterxml.jackson.databind;
    opens dev.tradingsdk.llm.internal to com.fasterxml.jackson.databind;
    opens dev.tradingsdk.llm.log to com.fasterxml.jackson.databind;
    opens dev.tradingsdk.llm.prompt to com.fasterxml.jackson.databind;
}
