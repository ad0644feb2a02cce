#!/usr/bin/env bash
# Builds and runs the benchmarks; see docs/performance.md.
#   benchmarks/run.sh [all|hotpath|startup]
# PASSES (default 4): passes over the JMH suite, one fork of each benchmark per pass.
# RUNS (default 7): runs of each application in the startup measurement.
set -euo pipefail
cd "$(dirname "$0")/.."
what="${1:-all}"
passes="${PASSES:-4}"
runs="${RUNS:-7}"
out=benchmarks/target

./mvnw -B -q -Pbenchmarks package -DskipTests

echo "== $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(java -version 2>&1 | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)"
if [ "$what" = all ] || [ "$what" = hotpath ]; then
  results=()
  for pass in $(seq 1 "$passes"); do
    echo "== JMH pass $pass of $passes (load $(cut -d' ' -f1-3 /proc/loadavg))"
    java -jar "$out/benchmarks.jar" -f 1 -prof gc -prof io.github.codeartifact.benchmarks.CpuTimeProfiler -rf json -rff "$out/jmh-pass-$pass.json" \
      > "$out/jmh-pass-$pass.txt" 2>&1 || { cat "$out/jmh-pass-$pass.txt"; exit 1; }
    sed -n '/^Benchmark /,$p' "$out/jmh-pass-$pass.txt" | grep -v ':gc\.count\|:gc\.alloc\.rate ' || true
    results+=("$out/jmh-pass-$pass.json")
  done
  python3 benchmarks/summarize.py "${results[@]}" | tee "$out/jmh-summary.txt"
fi
if [ "$what" = all ] || [ "$what" = startup ]; then
  echo "== Startup (load $(cut -d' ' -f1-3 /proc/loadavg))"
  java -cp "$out/benchmarks.jar" io.github.codeartifact.benchmarks.startup.StartupBenchmark \
    --runs "$runs" --json "$out/startup-results.json" | tee "$out/startup-summary.txt"
fi
echo "== done (load $(cut -d' ' -f1-3 /proc/loadavg))"
