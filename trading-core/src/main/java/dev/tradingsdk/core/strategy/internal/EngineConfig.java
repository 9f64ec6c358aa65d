package dev.tradingsdk.core.strategy.internal;

import dev.tradingsdk.core.gateway.MarketDataFeed;
import dev.tradingsdk.core.gateway.OrderGateway;
import dev.tradingsdk.core.journal.FsyncPolicy;
import dev.tradingsdk.core.options.GreeksBook;
import dev.tradingsdk.core.portfolio.AccountView;
import dev.tradingsdk.core.risk.RiskEventListener;
import dev.tradingsdk.core.risk.RiskRule;
import dev.tradingsdk.core.strategy.EngineMode;
import dev.tradingsdk.core.strategy.Strategy;
import dev.tradingsdk.core.time.Clock;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** A checked engine configuration, as {@code TradingEngine.Builder} hands it to the loop. */
public record EngineConfig(EngineMode mode, Clock clock, Map<String, MarketDataFeed> feeds,
                           List<AccountConfig> accounts, List<StrategyConfig> strategies, List<RiskRule> rules,
                           List<RiskEventListener> riskListeners, Path journalDirectory, FsyncPolicy fsync,
                           GreeksBook greeks) {

    /**
     * An account: a gateway (or, for a simulated account, a factory building it on the engine's clock) and the
     * view of its money and positions.
     */
    public record AccountConfig(String accountId, AccountView account, OrderGateway gateway,
                                Function<Clock, OrderGateway> gatewayFactory) {
    }

    public record StrategyConfig(String strategyId, Strategy strategy, String accountId) {
    }
}
