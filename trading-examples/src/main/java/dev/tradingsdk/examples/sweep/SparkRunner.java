package dev.tradingsdk.examples.sweep;

import dev.tradingsdk.core.sweep.Sweep;
import dev.tradingsdk.core.sweep.SweepExecutor;
import dev.tradingsdk.core.sweep.SweepResults;
import dev.tradingsdk.examples.cli.UsageException;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;

/**
 * Runs a sweep on Spark {@code local[*]} through trading-spark's {@code SparkSweepExecutor}. Spark is not
 * bundled (it would add some 300 MB to the jar; on a cluster Spark's own jars are on the class path), so the
 * session is made reflectively and a missing Spark is one clear line.
 */
final class SparkRunner {

    /** The command that runs the sweep on Spark: Spark's jars on the class path and the opens Spark needs. */
    static final String HOW = "run it with Spark's jars on the class path: java "
        + "--add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED "
        + "--add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED "
        + "--add-opens=java.base/java.util=ALL-UNNAMED -cp \"trading-examples/target/trading-examples.jar:$SPARK_HOME/jars/*\" "
        + "dev.tradingsdk.examples.Launcher sweep --spark";

    private SparkRunner() {
    }

    static SweepResults run(Sweep<?> sweep, PrintStream out) {
        Class<?> sessionClass;
        try {
            sessionClass = Class.forName("org.apache.spark.sql.SparkSession");
        } catch (ClassNotFoundException e) {
            throw new UsageException("sweep --spark: Spark is not on the class path; " + HOW);
        }
        Object session = null;
        try {
            Object builder = sessionClass.getMethod("builder").invoke(null);
            builder = builder.getClass().getMethod("master", String.class).invoke(builder, "local[*]");
            builder = builder.getClass().getMethod("appName", String.class).invoke(builder, "trading-examples sweep");
            builder = builder.getClass().getMethod("config", String.class, String.class)
                .invoke(builder, "spark.ui.enabled", "false");
            session = builder.getClass().getMethod("getOrCreate").invoke(builder);
            SweepExecutor executor = (SweepExecutor) Class.forName("dev.tradingsdk.spark.SparkSweepExecutor")
                .getMethod("on", sessionClass).invoke(null, session);
            out.println("running on " + executor);
            return executor.execute(sweep);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("this Spark does not have the API trading-spark was built for: " + e, e);
        } finally {
            if (session != null) {
                try {
                    sessionClass.getMethod("stop").invoke(session);
                } catch (ReflectiveOperationException ignored) {
                    // stopping is best effort at exit; the results are already computed
                }
            }
        }
    }
}
