package dev.tradingsdk.core.sweep;

import java.io.Serializable;

/**
 * Loads the data a sweep's runs share. An executor calls it once per process (the local executor once per sweep, a
 * Spark executor once per JVM), never once per configuration, and hands the result to every run read-only.
 * Serializable, because distributed executors ship the loader, not the data.
 */
@FunctionalInterface
public interface DataLoader<D> extends Serializable {

    D load();
}
