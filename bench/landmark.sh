#!/usr/bin/env bash
# Benchmark of landmark-fit (docs/landmark.md): the D-GEX scale, simulated.
#
#   bench/landmark.sh [SAMPLES] [TARGETS] [CHUNKS] [PARALLEL] [LEARNER]
#   defaults:          1000      9520      8        2          ridge:auto;linear
#
# Simulates SAMPLES x 978 landmarks + TARGETS targets (exprflow simulate-landmark), imports it,
# then runs CHUNKS landmark-fit chunks, PARALLEL at a time (2 cores: 2), each under /usr/bin/time,
# and gathers them with landmark-summary. Prints per chunk and in total: wall time, CPU time
# (user + sys) and peak resident memory; the total wall time is that of the whole scatter.
# Needs the jar (EXPRFLOW_JAR or java-steps/target/exprflow.jar), GNU time and bc.
#
# The D-GEX scale (the defaults) takes about 2 minutes on 2 cores (bench/landmark-RESULTS.md);
# CI's scaled-down run: bench/landmark.sh 1000 200 4 2
set -euo pipefail

samples=${1:-1000}
targets=${2:-9520}
chunks=${3:-8}
parallel=${4:-2}
learner=${5:-ridge:auto;linear}
here=$(cd "$(dirname "$0")" && pwd)
exprflow=$here/../bin/exprflow
work=${BENCH_WORK:-$(mktemp -d /tmp/exprflow-landmark-bench.XXXXXX)}
mkdir -p "$work"
echo "work directory: $work"

"$exprflow" --quiet simulate-landmark --output-dir "$work/sim" --samples "$samples" --targets "$targets"
"$exprflow" --quiet import --input "$work/sim/expression.tsv.gz" --format tsv --output "$work/data.xfd"

export exprflow work chunks learner
start=$(date +%s.%N)
seq 1 "$chunks" | xargs -P "$parallel" -I{} bash -c '
    /usr/bin/time -f "%e %U %S %M" -o "$work/chunk{}.time" \
        "$exprflow" --quiet landmark-fit --input "$work/data.xfd" --landmarks "$work/sim/landmarks.txt" \
        --targets "$work/sim/targets.txt" --learner "$learner" --targets-chunk {}/"$chunks" --output "$work/chunk{}.tsv"'
end=$(date +%s.%N)
"$exprflow" --quiet landmark-summary $(for k in $(seq 1 "$chunks"); do echo --input "$work/chunk$k.tsv"; done) \
    --output-targets "$work/targets.tsv" --output-summary "$work/summary.tsv"

echo
echo "landmark-fit: $samples samples x 978 landmarks, $targets targets, learner $learner, $chunks chunks, $parallel in parallel"
printf '%-8s %10s %10s %12s\n' chunk wall_s cpu_s peak_rss_mb
for k in $(seq 1 "$chunks"); do
    read -r wall user sys rss < "$work/chunk$k.time"
    printf '%-8s %10.1f %10.1f %12.0f\n' "$k/$chunks" "$wall" "$(echo "$user + $sys" | bc)" "$(echo "scale=3; $rss / 1024" | bc)"
done
awk -v wall="$(echo "$end - $start" | bc)" '{ cpu += $2 + $3; if ($4 > rss) rss = $4 }
    END { printf "%-8s %10.1f %10.1f %12.0f  (wall: the whole scatter; memory: the largest chunk)\n", "total", wall, cpu, rss / 1024 }' \
    "$work"/chunk*.time
echo
column -t -s $'\t' "$work/summary.tsv"
