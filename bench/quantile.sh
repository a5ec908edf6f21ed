#!/usr/bin/env bash
# Quantile normalisation, exprflow (Java) vs limma::normalizeQuantiles (R), on a seeded
# 54,675 x 200 matrix (the size of a GPL570 series). Reports compute-only medians of 5 runs on both
# sides, then whole-process times with hyperfine. See bench/README.md.
#
# Environment: EXPRFLOW_JAR (default java-steps/target/exprflow.jar), BENCH_DIR (default
# /tmp/exprflow-bench/quantile; the matrix is generated there once), RUNS (default 5).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
jar=${EXPRFLOW_JAR:-$root/java-steps/target/exprflow.jar}
dir=${BENCH_DIR:-/tmp/exprflow-bench/quantile}
runs=${RUNS:-5}
genes=54675
samples=200

[ -f "$jar" ] || { echo "quantile.sh: $jar is missing; build it with 'mvn -q -B package -DskipTests' in java-steps" >&2; exit 2; }
if [ ! -f "$dir/matrix.f64" ] || [ ! -f "$dir/limma.f64" ]; then
    echo "== generating the $genes x $samples matrix in $dir (once)"
    Rscript --vanilla "$here/quantile_generate.R" "$dir" "$genes" "$samples"
fi

echo "== compute only: R limma::normalizeQuantiles (system.time, matrix already loaded)"
Rscript --vanilla "$here/quantile_limma_timing.R" "$dir/matrix.rds" "$runs"

echo "== compute only: Java QuantileNormalisation fit + applyToTraining (nanoTime, matrix already loaded)"
java -Xmx4g -cp "$jar" "$here/QuantileTiming.java" "$dir/matrix.f64" "$genes" "$samples" "$runs" "$dir/limma.f64"

echo "== whole process (load + normalise once), hyperfine, $runs runs"
hyperfine --runs "$runs" --export-json "$dir/hyperfine.json" \
    -n "R limma" "Rscript --vanilla -e 'suppressPackageStartupMessages(library(limma)); m <- readRDS(\"$dir/matrix.rds\"); invisible(normalizeQuantiles(m))'" \
    -n "Java exprflow" "java -Xmx4g -cp $jar $here/QuantileTiming.java $dir/matrix.f64 $genes $samples 1"
python3 - "$dir/hyperfine.json" <<'PY'
# hyperfine's summary shows the mean; print the median and the CPU times from its JSON export
import json, statistics, sys
for r in json.load(open(sys.argv[1]))["results"]:
    print(f"{r['command']}: median {statistics.median(r['times']):.3f} s "
          f"(user {r['user']:.3f} s, system {r['system']:.3f} s, {len(r['times'])} runs)")
PY
