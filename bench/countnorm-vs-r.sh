#!/usr/bin/env bash
# Count normalisations, exprflow (Java) vs R: TMM + log-CPM against edgeR (calcNormFactors, cpm
# log = TRUE, prior.count = 2) and median-of-ratios + VST against DESeq2 (estimateSizeFactors,
# varianceStabilizingTransformation blind = FALSE, fitType = "parametric", design ~1), on a seeded
# negative-binomial count matrix, by default 60,000 genes x 500 samples. For each method and side:
# compute-only wall and CPU time (matrix already loaded), whole-process wall, CPU (user + system) and
# peak RSS (/usr/bin/time), and the largest difference between the two results. R runs through
# scripts/reference-rscript (reference BLAS). See bench/README.md.
#
# Environment: EXPRFLOW_JAR (default java-steps/target/exprflow.jar), BENCH_DIR (default
# /tmp/exprflow-bench/countnorm-GENESxSAMPLES; the matrix is generated there once), GENES (60000),
# SAMPLES (500), METHODS ("tmm vst"). On a loaded machine, run small: GENES=6000 SAMPLES=50.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
jar=${EXPRFLOW_JAR:-$root/java-steps/target/exprflow.jar}
genes=${GENES:-60000}
samples=${SAMPLES:-500}
methods=${METHODS:-tmm vst}
dir=${BENCH_DIR:-/tmp/exprflow-bench/countnorm-${genes}x${samples}}
rscript=$root/scripts/reference-rscript

[ -f "$jar" ] || { echo "countnorm-vs-r.sh: $jar is missing; build it with 'mvn -q -B package -DskipTests' in java-steps" >&2; exit 2; }
echo "== $(date -u '+%Y-%m-%d %H:%M UTC'), load average $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) CPUs"
if [ ! -f "$dir/counts.f64" ]; then
    echo "== generating the $genes x $samples count matrix in $dir (once)"
    "$rscript" --vanilla "$here/countnorm_generate.R" "$dir" "$genes" "$samples"
fi

measure() { # $1 = label, rest = command; prints the command's output and its /usr/bin/time line
    local label=$1; shift
    /usr/bin/time -f "$label whole process: %e s elapsed, %U s user + %S s system, peak RSS %M KB" "$@"
}

for m in $methods; do
    echo "== $m: R"
    measure "R $m" "$rscript" --vanilla "$here/countnorm_r_timing.R" "$dir" "$m"
    echo "== $m: Java"
    measure "java $m" java -Xmx6g -cp "$jar" "$here/CountNormTiming.java" "$dir" "$genes" "$samples" "$m"
done
echo "== done, load average $(cut -d' ' -f1-3 /proc/loadavg)"
