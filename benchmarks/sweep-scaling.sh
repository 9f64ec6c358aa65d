#!/usr/bin/env bash
# Runs SweepScalingBenchmark (serial loop vs LocalSweepExecutor vs Spark local[N]) with Spark on the class path.
# Usage: benchmarks/sweep-scaling.sh [configurations]   (default 20000; run from the repository root)
set -euo pipefail
cd "$(dirname "$0")/.."
# One reactor run, so the class path names the modules' freshly built jars (nothing is installed into ~/.m2).
mvn -B -ntp -q -pl benchmarks -am package dependency:build-classpath -DskipTests -Dmaven.javadoc.skip=true \
    -Dmdep.outputFile=target/sweep-classpath.txt -Dmdep.includeScope=compile
# What Spark's own launcher opens on Java 17.
OPENS=(--add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
    --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED
    --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
    --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
    --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
    --add-opens=java.base/sun.nio.cs=ALL-UNNAMED --add-opens=java.base/sun.security.action=ALL-UNNAMED
    --add-opens=java.base/sun.util.calendar=ALL-UNNAMED -Djdk.reflect.useDirectMethodHandle=false)
exec java -Xmx4g "${OPENS[@]}" -cp "benchmarks/target/classes:$(cat benchmarks/target/sweep-classpath.txt)" \
    dev.tradingsdk.benchmarks.SweepScalingBenchmark "$@"
