package dev.tradingsdk.llm.council;

import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.order.Order;
import dev.tradingsdk.llm.decision.TradeDecision;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one council run produced, stage by stage.
 *
 * @param notes         research notes by member
 * @param pitches       pitch texts by member
 * @param labels        anonymized label to member, in label order (the shuffle is seeded and recorded)
 * @param rankings      each successful reviewer's ranking, best first
 * @param averageRank   label to average rank (lower is better), best first
 * @param decision      the chairman's decision, if it made a valid one
 * @param orders        orders placed (entry and exit legs), account by account
 * @param summaries     each account's equity, cash and positions after execution
 * @param exclusions    members dropped, with the stage and the reason
 * @param costUsd       cost of every call of the run, USD
 * @param failure       why the run stopped early (lost quorum, invalid chairman decision, risk), or empty
 */
public record CouncilResult(Map<String, String> notes, Map<String, String> pitches, Map<String, String> labels,
                           Map<String, List<String>> rankings, Map<String, Double> averageRank,
                           Optional<TradeDecision> decision, List<Order> orders, List<String> summaries,
                           List<Exclusion> exclusions,
                           Money costUsd, Optional<String> failure) {

    /** A member dropped from a stage on, and why. */
    public record Exclusion(CouncilStage stage, String member, String reason) {
    }
}
