package dev.tradingsdk.benchmarks;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares that a benchmark method's measured operation allocates nothing. {@code alloc-gate.sh} fails when such a
 * benchmark's {@code gc.alloc.rate.norm} exceeds a few bytes per operation (JMH's own bookkeeping leaves well under
 * one), and the results table reports the allocation target of its row as met or missed.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ZeroAllocation {
}
