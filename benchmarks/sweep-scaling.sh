#!/usr/bin/env bash
# Runs SweepScalingBenchmark (serial loop vs LocalSweepExecutor vs Spark local[N]) with Spark on the class path.
# Usage: benchmarks/sweep-scaling.sh [configurations]   (default 20000; run from the repository root)
set -euo pipefail
cd "$(dirname "$0")/.."
# One reactor run, so the class path names the modules' freshly built jars (nothing is installed into ~/.m2).
mvn -B -ntp -q -pl benchmarks -am package dependency:build-classpath -DskipTests -Dmaven.javadoc.skip=true \
    -Dmdep.outputFile=target/sweep-classpath.txt -Dmdep.includeScope=compile
# The JVM options Spark's own launcher adds on Java 17, listed once in trading-spark/spark-java17.opts.
exec java -Xmx4g @trading-spark/spark-java17.opts -cp "benchmarks/target/classes:$(cat benchmarks/target/sweep-classpath.txt)" \
    dev.tradingsdk.benchmarks.SweepScalingBenchmark "$@"
