#!/usr/bin/env bash
# Runs the sweep app on Spark local[*] (`sweep --spark`) with Spark's jars from Maven Central on the class path, for
# a machine without a Spark installation. Extra arguments go to the app, e.g. `trading-examples/sweep-on-spark.sh
# --top 5`. Run from the repository root.
set -euo pipefail
cd "$(dirname "$0")/.."
# One reactor run: the app's jar, and the class path of trading-spark's provided Spark dependency.
mvn -B -ntp -q -pl trading-examples -am package dependency:build-classpath -DskipTests -Dpublish.skip=true \
    -Dmdep.outputFile=target/spark-classpath.txt -Dmdep.includeScope=provided
# What Spark's own launcher opens on Java 17.
OPENS=(--add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
    --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED
    --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
    --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
    --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
    --add-opens=java.base/sun.nio.cs=ALL-UNNAMED --add-opens=java.base/sun.security.action=ALL-UNNAMED
    --add-opens=java.base/sun.util.calendar=ALL-UNNAMED -Djdk.reflect.useDirectMethodHandle=false)
exec java "${OPENS[@]}" -cp "trading-examples/target/trading-examples.jar:$(cat trading-spark/target/spark-classpath.txt)" \
    dev.tradingsdk.examples.Launcher sweep --spark "$@"
