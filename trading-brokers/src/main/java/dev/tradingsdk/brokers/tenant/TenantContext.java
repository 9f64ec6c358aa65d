package dev.tradingsdk.brokers.tenant;

import dev.tradingsdk.brokers.CredentialStore;
import dev.tradingsdk.brokers.Credentials;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What a tenant's broker and governor are built from: the tenant id, its own journal directory, and its own
 * credentials only ({@code <tenantId>/<name>} in the shared store, read through {@link #credentials(String)}).
 */
public final class TenantContext {

    private final String tenantId;
    private final Path journalDir;
    private final CredentialStore store;

    TenantContext(String tenantId, Path journalDir, CredentialStore store) {
        this.tenantId = tenantId;
        this.journalDir = journalDir;
        this.store = store;
    }

    public String tenantId() {
        return tenantId;
    }

    /** {@code <root>/<tenantId>}: this tenant's journals and nothing else's. */
    public Path journalDir() {
        return journalDir;
    }

    /** This tenant's credentials named {@code name}; another tenant's cannot be named. */
    public Optional<Credentials> credentials(String name) {
        if (store == null) {
            return Optional.empty();
        }
        if (name == null || name.contains("/")) {
            throw new IllegalArgumentException("credential name must be one part without '/', was \"" + name + "\"");
        }
        return store.get(tenantId + "/" + name);
    }

    @Override
    public String toString() {
        return "TenantContext[" + tenantId + "]";
    }
}
