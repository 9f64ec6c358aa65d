package dev.tradingsdk.core.journal;

/** Receives replayed events in sequence order. */
@FunctionalInterface
public interface ReplayHandler<E> {

    void accept(long sequence, E event);
}
