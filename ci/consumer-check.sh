#!/usr/bin/env bash
# Proves that the artifacts `mvn install` put in the local repository work for another Maven project: a
# throwaway consumer that imports dev.tradingsdk:trading-bom:0.1.0-SNAPSHOT and depends on every library module
# compiles against the local repository with the enforcer's dependencyConvergence rule (so users get one version of
# each third-party library without pinning anything), runs and prints what the library computed; and every library
# module's sources and javadoc jars were published beside it.
#
# Run after `mvn -B -ntp install -DskipTests`. MAVEN_REPO_LOCAL selects another local repository
# (default ~/.m2/repository), e.g. a private one for trying this without touching the shared one.
set -euo pipefail

VERSION=0.1.0-SNAPSHOT
REPO_LOCAL="${MAVEN_REPO_LOCAL:-$HOME/.m2/repository}"
MVN=(mvn -B -ntp -q -Dstyle.color=never -Dmaven.repo.local="$REPO_LOCAL")
EXPECTED="consumer: BTCUSD.SIM BUY 0.250 LIMIT 64000.50 notional=16000.12500 USD sum=3.30"

passed=0
failed=0
fail() {
    echo "consumer-check: FAIL: $*" >&2
    failed=$((failed + 1))
}

work="$(mktemp -d "${TMPDIR:-/tmp}/consumer-check.XXXXXX")"
trap 'rm -rf "$work"' EXIT

# The library modules a user may depend on (trading-testkit is for their tests, trading-bom is imported).
LIBRARIES=(trading-core trading-cfd trading-polymarket trading-kalshi trading-brokers trading-llm trading-spark)

check_attached_jar() {
    local module="$1" classifier="$2" entry="$3"
    local jar_file="$REPO_LOCAL/dev/tradingsdk/$module/$VERSION/$module-$VERSION-$classifier.jar"
    if [[ ! -s "$jar_file" ]]; then
        fail "missing $jar_file"
        return
    fi
    local listing
    listing="$(jar tf "$jar_file")"
    if [[ "$listing" != *"$entry"* ]]; then
        fail "$jar_file has no $entry"
    fi
}
check_attached_jar trading-core sources dev/tradingsdk/core/num/Price.java
check_attached_jar trading-core javadoc dev/tradingsdk/core/num/Price.html
for module in "${LIBRARIES[@]}"; do
    check_attached_jar "$module" sources dev/tradingsdk/
    check_attached_jar "$module" javadoc index.html
done

dependencies=""
for module in "${LIBRARIES[@]}"; do
    dependencies+="    <dependency><groupId>dev.tradingsdk</groupId><artifactId>$module</artifactId></dependency>
"
done

mkdir -p "$work/src/main/java/consumer"
cat > "$work/pom.xml" <<POM
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0"
         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
  <modelVersion>4.0.0</modelVersion>
  <groupId>example.consumer</groupId>
  <artifactId>trading-sdk-consumer</artifactId>
  <version>1.0</version>
  <properties>
    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
    <maven.compiler.release>17</maven.compiler.release>
  </properties>
  <dependencyManagement>
    <dependencies>
      <dependency>
        <groupId>dev.tradingsdk</groupId>
        <artifactId>trading-bom</artifactId>
        <version>$VERSION</version>
        <type>pom</type>
        <scope>import</scope>
      </dependency>
    </dependencies>
  </dependencyManagement>
  <dependencies>
$dependencies  </dependencies>
  <!-- The plugin versions the SDK's own build uses, so nothing new is downloaded for them. -->
  <build>
    <plugins>
      <plugin>
        <artifactId>maven-enforcer-plugin</artifactId>
        <version>3.5.0</version>
        <executions>
          <execution>
            <id>converge</id>
            <goals><goal>enforce</goal></goals>
            <configuration><rules><dependencyConvergence/></rules></configuration>
          </execution>
        </executions>
      </plugin>
      <plugin><artifactId>maven-resources-plugin</artifactId><version>3.3.1</version></plugin>
      <plugin><artifactId>maven-compiler-plugin</artifactId><version>3.13.0</version></plugin>
      <plugin><artifactId>maven-surefire-plugin</artifactId><version>3.5.2</version></plugin>
      <plugin><artifactId>maven-jar-plugin</artifactId><version>3.4.2</version></plugin>
    </plugins>
  </build>
</project>
POM
cat > "$work/src/main/java/consumer/Main.java" <<'JAVA'
package consumer;

import dev.tradingsdk.core.instrument.AssetClass;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.instrument.Venue;
import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.order.OrderRequest;

public final class Main {
    public static void main(String[] args) {
        Instrument btc = Instrument.builder("BTCUSD", Venue.SIM).assetClass(AssetClass.CRYPTO)
                .quoteCurrency(Currency.USD).pricePrecision(2).sizePrecision(3).build();
        OrderRequest order = OrderRequest.buy(btc).quantity("0.25").limit("64000.50").build();
        Price sum = Price.of("1.10").plus(Price.of("2.2"));
        System.out.println("consumer: " + order.instrument() + " " + order.side() + " " + order.quantity() + " "
                + order.type() + " " + order.limitPrice().orElseThrow() + " notional="
                + order.notional().orElseThrow() + " sum=" + sum);
    }
}
JAVA

if (cd "$work" && "${MVN[@]}" package -Dmaven.test.skip=true \
        && "${MVN[@]}" org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
            -Dmdep.outputFile="$work/classpath.txt" -Dmdep.includeScope=runtime); then
    output="$(java -cp "$work/target/trading-sdk-consumer-1.0.jar:$(cat "$work/classpath.txt")" consumer.Main)"
    if [[ "$output" == "$EXPECTED" ]]; then
        echo "consumer-check: consumer printed: $output"
    else
        fail "consumer printed '$output', expected '$EXPECTED'"
    fi
else
    fail "the consumer project did not build (or its dependencies do not converge) against the SDK $VERSION in $REPO_LOCAL"
fi

# A consumer on the module path: it can use the public packages of every named module, and importing an internal
# package does not compile (ARCHITECTURE.md rule 4, enforced by the modules' descriptors).
modular_consumer() {
    local dir="$1" import="$2"
    mkdir -p "$dir/src/consumer.modular"
    cat > "$dir/src/module-info.java" <<'JAVA'
module consumer.modular {
    requires dev.tradingsdk.core;
    requires dev.tradingsdk.cfd;
    requires dev.tradingsdk.polymarket;
    requires dev.tradingsdk.kalshi;
    requires dev.tradingsdk.brokers;
    requires dev.tradingsdk.llm;
}
JAVA
    cat > "$dir/src/consumer.modular/Main.java" <<JAVA
package consumer.modular;

import $import;

public final class Main {
    public static void main(String[] args) {
        System.out.println(Main.class.getModule().getName());
    }
}
JAVA
    javac --release 17 --module-path "$(cat "$work/classpath.txt")" -d "$dir/out" \
        "$dir/src/module-info.java" "$dir/src/consumer.modular/Main.java" > "$dir/javac.log" 2>&1
}
if [[ -s "$work/classpath.txt" ]]; then
    if modular_consumer "$work/modular-public" "dev.tradingsdk.core.order.OrderRequest"; then
        echo "consumer-check: a module-path consumer compiles against the public packages"
    else
        fail "a module-path consumer of the public packages did not compile: $(head -5 "$work/modular-public/javac.log")"
    fi
    if modular_consumer "$work/modular-internal" "dev.tradingsdk.core.journal.internal.RecordFormat"; then
        fail "a module-path consumer could import dev.tradingsdk.core.journal.internal"
    elif grep -q "is not visible\|does not export" "$work/modular-internal/javac.log"; then
        echo "consumer-check: importing dev.tradingsdk.core.journal.internal is refused on the module path"
    else
        fail "the internal-import consumer failed for another reason: $(head -5 "$work/modular-internal/javac.log")"
    fi
fi

if [[ $failed -eq 0 ]]; then
    passed=1
fi
echo "consumer-check: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
