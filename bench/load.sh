#!/usr/bin/env bash
# Loading a CuMiDa-layout CSV (57 samples x 22,283 probes, the size of a GPL96 series):
# 'exprflow import' to .xfd vs data.table::fread, whole process, hyperfine median of 5 runs.
# The CSV is written once by the project's simulator. See bench/README.md.
#
# Environment: EXPRFLOW_JAR (default java-steps/target/exprflow.jar), BENCH_DIR (default
# /tmp/exprflow-bench/load), RUNS (default 5).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
jar=${EXPRFLOW_JAR:-$root/java-steps/target/exprflow.jar}
dir=${BENCH_DIR:-/tmp/exprflow-bench/load}
runs=${RUNS:-5}

[ -f "$jar" ] || { echo "load.sh: $jar is missing; build it with 'mvn -q -B package -DskipTests' in java-steps" >&2; exit 2; }
csv=$dir/sim/cumida.csv
if [ ! -f "$csv" ]; then
    echo "== simulating 57 samples x 22283 probes in $dir/sim (once)"
    java -jar "$jar" simulate --output-dir "$dir/sim" --samples 57 --probes 22283 --formats cumida --seed 1
fi
echo "== input: $csv ($(du -h "$csv" | cut -f1))"

hyperfine --runs "$runs" --warmup 1 --export-json "$dir/hyperfine.json" \
    -n "exprflow import" "java -jar $jar import --input $csv --output $dir/x.xfd" \
    -n "data.table::fread" "Rscript --vanilla -e 'invisible(data.table::fread(\"$csv\"))'"
python3 - "$dir/hyperfine.json" <<'PY'
# hyperfine's summary shows the mean; print the median and the CPU times from its JSON export
import json, statistics, sys
for r in json.load(open(sys.argv[1]))["results"]:
    print(f"{r['command']}: median {statistics.median(r['times']):.3f} s "
          f"(user {r['user']:.3f} s, system {r['system']:.3f} s, {len(r['times'])} runs)")
PY
