package dev.tradingsdk.spark.internal;

import dev.tradingsdk.core.sweep.DataLoader;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The data of each sweep, loaded once per executor JVM and shared read-only by every partition that runs there,
 * so a sweep of N configurations loads its data once per executor, never once per configuration or partition.
 */
public final class ExecutorData {

    private static final ConcurrentHashMap<String, Object> LOADED = new ConcurrentHashMap<>();

    private ExecutorData() {
    }

    /** The data of the sweep with {@code fingerprint}, loading it with {@code loader} the first time. */
    @SuppressWarnings("unchecked")
    public static <D> D get(String fingerprint, DataLoader<D> loader) {
        return (D) LOADED.computeIfAbsent(fingerprint, f -> loader.load());
    }

    /** Forgets the data of a finished sweep on this JVM. */
    public static void release(String fingerprint) {
        LOADED.remove(fingerprint);
    }
}
