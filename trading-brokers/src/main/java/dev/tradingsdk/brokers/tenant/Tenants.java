package dev.tradingsdk.brokers.tenant;

import dev.tradingsdk.brokers.Broker;
import dev.tradingsdk.brokers.CredentialStore;
import dev.tradingsdk.core.market.MarketState;
import dev.tradingsdk.core.risk.RiskGovernor;
import dev.tradingsdk.core.time.Clock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The tenants of one deployment. Each tenant gets a broker and a risk governor made for it alone by the factories
 * given (so rule state such as daily loss, order-rate windows and seen client order ids is never shared by
 * accident), the journal directory {@code <root>/<tenantId>}, and only its own credentials. Market data is the
 * one thing tenants share: the {@link MarketState} the governors read prices from.
 *
 * <pre>{@code
 * Tenants tenants = Tenants.builder(Path.of("/var/lib/trading"))
 *         .broker(ctx -> PaperBroker.builder().initialCash(cash).journal(ctx.journalDir()).build())
 *         .governor(ctx -> RiskGovernor.builder().rule(new MaxOrderQuantityRule(Quantity.of("100"))).build())
 *         .build();
 * Tenant alice = tenants.open("alice");
 * }</pre>
 *
 * Thread-safe.
 */
public final class Tenants implements AutoCloseable {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");

    private final Path root;
    private final Function<TenantContext, Broker> brokers;
    private final Function<TenantContext, RiskGovernor> governors;
    private final CredentialStore credentials;
    private final MarketState market;
    private final Clock clock;
    private final Map<String, Tenant> open = new LinkedHashMap<>();

    private Tenants(Builder b) {
        this.root = b.root;
        this.brokers = b.brokers;
        this.governors = b.governors;
        this.credentials = b.credentials;
        this.market = b.market;
        this.clock = b.clock;
    }

    public static Builder builder(Path root) {
        return new Builder(root);
    }

    /** The tenant {@code tenantId}, opened (its broker and governor built) on first use. */
    public synchronized Tenant open(String tenantId) {
        if (tenantId == null || !ID.matcher(tenantId).matches()) {
            throw new IllegalArgumentException("tenant id must be 1-63 of [a-z0-9_-] starting with a letter or digit, "
                    + "was \"" + tenantId + "\"");
        }
        Tenant existing = open.get(tenantId);
        if (existing != null) {
            return existing;
        }
        Path dir = root.resolve(tenantId);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the journal directory of tenant " + tenantId, e);
        }
        TenantContext context = new TenantContext(tenantId, dir, credentials);
        RiskGovernor governor = Objects.requireNonNull(governors.apply(context), "governor factory returned null");
        for (Tenant other : open.values()) {
            if (other.governor() == governor) {
                throw new IllegalStateException("the governor factory returned tenant " + other.id()
                        + "'s governor for " + tenantId + "; each tenant needs its own");
            }
        }
        Broker broker = Objects.requireNonNull(brokers.apply(context), "broker factory returned null");
        Tenant tenant = new Tenant(tenantId, dir, broker, governor, market, clock);
        open.put(tenantId, tenant);
        return tenant;
    }

    /** The tenant if it is open. */
    public synchronized Optional<Tenant> get(String tenantId) {
        return Optional.ofNullable(open.get(tenantId));
    }

    @Override
    public synchronized void close() {
        RuntimeException first = null;
        for (Tenant t : open.values()) {
            try {
                t.close();
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        open.clear();
        if (first != null) {
            throw first;
        }
    }

    /** Settings; the broker and governor factories are required; a second value for an option throws. */
    public static final class Builder {
        private final Set<String> given = new HashSet<>();
        private final Path root;
        private Function<TenantContext, Broker> brokers;
        private Function<TenantContext, RiskGovernor> governors;
        private CredentialStore credentials;
        private MarketState market = MarketState.NONE;
        private Clock clock = Clock.system();

        private Builder(Path root) {
            this.root = Objects.requireNonNull(root, "root");
        }

        private void once(String option, Object previous, Object next) {
            if (!given.add(option)) {
                throw new IllegalStateException(option + " set twice: " + previous + " and " + next);
            }
        }

        /** Makes each tenant's broker, from its context (journal directory, credentials). */
        public Builder broker(Function<TenantContext, Broker> factory) {
            once("broker", "a Function", "a Function");
            this.brokers = Objects.requireNonNull(factory, "broker");
            return this;
        }

        /** Makes each tenant's governor; it must build new rule instances each time. */
        public Builder governor(Function<TenantContext, RiskGovernor> factory) {
            once("governor", "a Function", "a Function");
            this.governors = Objects.requireNonNull(factory, "governor");
            return this;
        }

        public Builder credentials(CredentialStore store) {
            once("credentials", "a CredentialStore", "a CredentialStore");
            this.credentials = Objects.requireNonNull(store, "credentials");
            return this;
        }

        /** Where the governors read prices; default none (rules that need prices reject). */
        public Builder marketState(MarketState state) {
            once("marketState", "a MarketState", "a MarketState");
            this.market = Objects.requireNonNull(state, "marketState");
            return this;
        }

        public Builder clock(Clock source) {
            once("clock", "a Clock", "a Clock");
            this.clock = Objects.requireNonNull(source, "clock");
            return this;
        }

        public Tenants build() {
            if (brokers == null || governors == null) {
                throw new IllegalStateException("Tenants need both a broker factory and a governor factory");
            }
            return new Tenants(this);
        }
    }
}
