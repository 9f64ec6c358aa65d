#!/usr/bin/env bash
# Runs the sweep app on Spark local[*] (`sweep --spark`) with Spark's jars from Maven Central on the class path, for
# a machine without a Spark installation. Extra arguments go to the app, e.g. `trading-examples/sweep-on-spark.sh
# --top 5`. Run from the repository root.
set -euo pipefail
cd "$(dirname "$0")/.."
# One reactor run: the app's jar, and the class path of trading-spark's provided Spark dependency.
mvn -B -ntp -q -pl trading-examples -am package dependency:build-classpath -DskipTests -Dpublish.skip=true \
    -Dmdep.outputFile=target/spark-classpath.txt -Dmdep.includeScope=provided
# The JVM options Spark's own launcher adds on Java 17, listed once in trading-spark/spark-java17.opts.
exec java @trading-spark/spark-java17.opts -cp "trading-examples/target/trading-examples.jar:$(cat trading-spark/target/spark-classpath.txt)" \
    dev.tradingsdk.examples.Launcher sweep --spark "$@"
