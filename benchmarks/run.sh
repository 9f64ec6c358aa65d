#!/usr/bin/env bash
# Runs the JMH suite, or the benchmarks matching the given regular expressions, with the allocation profiler
# (-prof gc) and the process CPU time per operation (ProcessCpuProfiler), writes JSON results (-rf json) and the machine they ran on into benchmarks/results/, then regenerates
# the results table in benchmarks/README.md and the performance table in README.md from every results file there.
#
#   benchmarks/run.sh                                  # the whole suite, JMH's settings per class (long)
#   benchmarks/run.sh --quick                          # smoke run: 1 fork, 2 warm-up + 3 × 0.5 s iterations
#   benchmarks/run.sh --quick 'OrderBook|FixedPoint'   # a subset (JMH regular expressions)
#   benchmarks/run.sh --quick --out /tmp/r Greeks      # elsewhere, without touching the READMEs
#   benchmarks/run.sh --bar-reader                     # only the CSV reader's 1M-bar pass (rows/s, peak heap)
#
# Options after `--` go to JMH unchanged (e.g. `-- -p layout=WIDE`). Builds benchmarks/target/benchmarks.jar first
# when it is missing (through the reactor; nothing is installed into ~/.m2).
set -euo pipefail
cd "$(dirname "$0")/.."

quick=false
barReader=false
out=benchmarks/results
tables=true
patterns=()
extra=()
while [ $# -gt 0 ]; do
    case "$1" in
        --quick) quick=true ;;
        --bar-reader) barReader=true ;;
        --out) out="$2"; tables=false; shift ;;
        --) shift; extra=("$@"); break ;;
        -*) echo "run.sh: unknown option $1 (JMH options go after --)" >&2; exit 2 ;;
        *) patterns+=("$1") ;;
    esac
    shift
done

jar=benchmarks/target/benchmarks.jar
if [ ! -f "$jar" ]; then
    mvn -B -ntp -q -pl benchmarks -am package -DskipTests
fi

mkdir -p "$out"
stamp=$(date -u +%Y%m%dT%H%M%SZ)
name="$stamp-$([ "$quick" = true ] && echo quick || echo full)"
settings=()
if [ "$quick" = true ]; then
    settings=(-f 1 -wi 2 -i 3 -w 500ms -r 500ms)
fi
cpu=$(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | sed 's/.*: //' || true)
{
    echo "date=$(date -u +%Y-%m-%dT%H:%MZ)"
    echo "cores=$(nproc)"
    echo "cpu=${cpu:-unknown}"
    echo "loadBefore=$(cut -d' ' -f1-3 /proc/loadavg)"
    echo "mode=$([ "$quick" = true ] && echo quick || echo full)"
} > "$out/$name.machine"

if [ "$barReader" = true ]; then
    # Not JMH (a peak-heap figure needs one cold pass): one JVM per mode, each writing JMH-shaped JSON.
    for mode in stream read; do
        heap=$([ "$mode" = stream ] && echo 64m || echo 2g)
        cp "$out/$name.machine" "$out/$name-bar-reader-$mode.machine"
        java "-Xmx$heap" -cp "$jar" dev.tradingsdk.benchmarks.BarReaderMemoryBenchmark "$mode" 1000000 \
            "$out/$name-bar-reader-$mode.json"
        echo "loadAfter=$(cut -d' ' -f1-3 /proc/loadavg)" >> "$out/$name-bar-reader-$mode.machine"
    done
    rm "$out/$name.machine"
else
    java -jar "$jar" "${patterns[@]}" -prof gc -prof dev.tradingsdk.benchmarks.ProcessCpuProfiler \
        -rf json -rff "$out/$name.json" "${settings[@]}" "${extra[@]}"
    echo "loadAfter=$(cut -d' ' -f1-3 /proc/loadavg)" >> "$out/$name.machine"
    echo "results: $out/$name.json"
fi
if [ "$tables" = true ]; then
    java -cp "$jar" dev.tradingsdk.benchmarks.report.ResultsTable "$out" benchmarks/README.md README.md
fi
