#!/usr/bin/env bash
# Allocation gate for CI: a quick run (1 fork, short iterations) of a small subset of the hot-path benchmarks with
# -prof gc, failing when a benchmark declared @ZeroAllocation allocates more than 4 B/op. Under a minute on
# 2 cores (26 s at load average 25) once the jar is built. Writes nothing into the repository (results go to a
# temporary directory; the JMH log is printed on failure).
set -euo pipefail
cd "$(dirname "$0")/.."

jar=benchmarks/target/benchmarks.jar
if [ ! -f "$jar" ]; then
    mvn -B -ntp -q -pl benchmarks -am package -DskipTests
fi
results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT

# Regular expressions over benchmark names: each @ZeroAllocation method of these classes runs (the peers do not).
subset='(FixedPointBenchmark\.(multiplyRaw|parseRaw)|OrderBookBenchmark\.ours|BookFillBenchmark\.ours.*|RiskGovernorBenchmark\.acceptTenRules|PairCostArbitrageBenchmark\..*|GreeksBenchmark\.black76InPlace|TradingEngineBenchmark\.(noOpStrategy|orderPerEventScriptedGateway))$'
java -jar "$jar" "$subset" -f 1 -wi 2 -i 2 -w 300ms -r 300ms -prof gc -rf json -rff "$results/gate.json" \
    > "$results/jmh.log" 2>&1 || { cat "$results/jmh.log"; echo "alloc-gate: JMH run failed" >&2; exit 1; }
java -cp "$jar" dev.tradingsdk.benchmarks.report.AllocationGate "$results/gate.json" 4 \
    || { grep -E '^(Benchmark|[A-Za-z].*gc.alloc.rate.norm)' "$results/jmh.log" || true; exit 1; }
# The LIVE round trip crosses two threads: until C2 has compiled both sides of the hand-off (the system clock's
# Instant per input is only scalar-replaced then) its first second allocates, so it gets a longer warm-up.
java -jar "$jar" 'TradingEngineBenchmark\.liveOrderPerEvent$' -f 1 -wi 4 -i 2 -w 500ms -r 300ms -prof gc -rf json \
    -rff "$results/live.json" > "$results/live.log" 2>&1 || { cat "$results/live.log"; echo "alloc-gate: JMH run failed" >&2; exit 1; }
java -cp "$jar" dev.tradingsdk.benchmarks.report.AllocationGate "$results/live.json" 4 \
    || { grep -E '^(Benchmark|[A-Za-z].*gc.alloc.rate.norm)' "$results/live.log" || true; exit 1; }
