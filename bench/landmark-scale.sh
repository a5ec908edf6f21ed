#!/usr/bin/env bash
# Landmark inference at scale (docs/landmark.md, "Memory"): peak RSS, wall and CPU time of
# landmark-fit chunk tasks as the numbers of samples, genes and chunk targets grow.
#
#   bench/landmark-scale.sh fit SAMPLES GENES TARGETS "CHUNKS ..." [all]
#       Simulates SAMPLES x GENES (978 landmarks, GENES - 978 simulated targets of which the first
#       TARGETS are listed; the rest are in the file but never requested) straight to .xfd
#       (bench/LandmarkScaleData.java), then for each N of CHUNKS runs chunk 1/N of landmark-fit
#       (N = 8, 32, 128: 1190, 298, 75 targets per chunk of 9,520), or with "all" every chunk of
#       the first N one at a time, so the sum is the scatter's CPU time.
#   bench/landmark-scale.sh prep SAMPLES GENES
#       The steps before the chunks: simulate-landmark (TSV), import, normalise; their peak RSS.
#
# Every JVM gets a fixed heap cap and the serial collector, EXPRFLOW_JAVA_OPTS="-Xmx$XMX
# -XX:+UseSerialGC" (XMX default 4g), so the peak RSS is what the data needs, not a share of the
# machine. Each run appends a line to $BENCH_DIR/results.tsv:
#   jar step samples genes targets chunks chunk chunk_targets wall_s cpu_s peak_rss_mb read_s load1
# (read_s: landmark-fit's own log of the column read; load1: the 1-minute load average when the
# run started, since the figures of a shared machine depend on it).
#
# Environment: EXPRFLOW_JAR (the jar measured, default java-steps/target/exprflow.jar), JAR_LABEL
# (its name in the table, default "new"), BENCH_DIR (default /tmp/exprflow-bench/landmark-scale),
# XMX, LEARNER (default ridge:auto;linear, the pipeline's), KEEP=1 keeps the simulated data (it is
# deleted after the runs: 20,000 x 22,000 is 3.5 GB).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
jar=${EXPRFLOW_JAR:-$root/java-steps/target/exprflow.jar}
label=${JAR_LABEL:-new}
dir=${BENCH_DIR:-/tmp/exprflow-bench/landmark-scale}
xmx=${XMX:-4g}
learner=${LEARNER:-ridge:auto;linear}
export EXPRFLOW_JAR=$jar
export EXPRFLOW_JAVA_OPTS="-Xmx$xmx -XX:+UseSerialGC"
exprflow=$root/bin/exprflow
results=$dir/results.tsv
[ -x /usr/bin/time ] || { echo "landmark-scale.sh: /usr/bin/time is missing (apt-get install time)" >&2; exit 2; }
mkdir -p "$dir"
[ -f "$results" ] || printf 'jar\tstep\tsamples\tgenes\ttargets\tchunks\tchunk\tchunk_targets\twall_s\tcpu_s\tpeak_rss_mb\tread_s\tload1\n' > "$results"

# measure LOGFILE COMMAND...: runs it under GNU time -v; prints "wall cpu rss_mb"
measure() {
    local log=$1
    shift
    # a failed or killed run is no figure: stop rather than append its partial time
    /usr/bin/time -v "$@" 2> "$log" || { echo "landmark-scale.sh: failed: $* (see $log)" >&2; return 1; }
    awk -F': ' '
        /Elapsed \(wall clock\)/ { n = split($2, t, ":"); wall = (n == 3) ? t[1] * 3600 + t[2] * 60 + t[3] : t[1] * 60 + t[2] }
        /User time/ { cpu += $2 } /System time/ { cpu += $2 }
        /Maximum resident set size/ { rss = $2 / 1024 }
        END { printf "%.1f\t%.1f\t%.0f", wall, cpu, rss }' "$log"
}

load1() { cut -d' ' -f1 /proc/loadavg; }

mode=${1:?usage: landmark-scale.sh fit SAMPLES GENES TARGETS "CHUNKS ..." [all] | prep SAMPLES GENES}
case $mode in
fit)
    samples=$2 genes=$3 targets=$4 chunk_list=$5 every=${6:-}
    data=$dir/d${samples}x${genes}
    if [ ! -f "$data/data.xfd" ]; then
        echo "== simulating $samples x $genes into $data"
        java -Xmx$((samples * genes * 8 * 23 / 10 / 1048576 + 512))m -XX:+UseSerialGC -cp "$jar" \
            "$here/LandmarkScaleData.java" "$data" "$samples" "$genes" "$targets"
    fi
    for n in $chunk_list; do
        if [ "$every" = all ]; then ks=$(seq 1 "$n"); else ks=1; fi
        for k in $ks; do
            load=$(load1)
            log=$dir/fit.$label.$samples.$genes.$k-$n
            row=$(measure "$log.time" "$exprflow" landmark-fit --input "$data/data.xfd" --landmarks "$data/landmarks.txt" \
                --targets "$data/targets.txt" --learner "$learner" --targets-chunk "$k/$n" --output "$log.tsv")
            size=$(( (k * targets / n) - ((k - 1) * targets / n) ))
            read_s=$( (grep -o 'columns of [0-9]* samples in [0-9.]* s' "$log.time" || true) | awk '{ print $(NF - 1) }')
            printf '%s\tlandmark-fit\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$label" "$samples" "$genes" "$targets" "$n" "$k" "$size" \
                "$row" "${read_s:-NA}" "$load" | tee -a "$results"
        done
    done
    [ "${KEEP:-0}" = 1 ] || rm -rf "$data"
    ;;
prep)
    samples=$2 genes=$3
    sim=$dir/prep${samples}x${genes}
    load=$(load1)
    row=$(measure "$sim.sim.time" "$exprflow" --quiet simulate-landmark --output-dir "$sim" --samples "$samples" \
        --targets $((genes - 978)) --query-samples 0)
    printf '%s\tsimulate-landmark\t%s\t%s\tNA\tNA\tNA\tNA\t%s\tNA\t%s\n' "$label" "$samples" "$genes" "$row" "$load" | tee -a "$results"
    load=$(load1)
    row=$(measure "$sim.import.time" "$exprflow" --quiet import --input "$sim/expression.tsv.gz" --format tsv --output "$sim/data.xfd")
    printf '%s\timport\t%s\t%s\tNA\tNA\tNA\tNA\t%s\tNA\t%s\n' "$label" "$samples" "$genes" "$row" "$load" | tee -a "$results"
    load=$(load1)
    row=$(measure "$sim.normalise.time" "$exprflow" --quiet normalise --input "$sim/data.xfd" --output "$sim/normalised.xfd" \
        --output-summary "$sim/normalise_qc.json")
    printf '%s\tnormalise\t%s\t%s\tNA\tNA\tNA\tNA\t%s\tNA\t%s\n' "$label" "$samples" "$genes" "$row" "$load" | tee -a "$results"
    [ "${KEEP:-0}" = 1 ] || rm -rf "$sim"
    ;;
*)
    echo "landmark-scale.sh: unknown mode '$mode' (fit or prep)" >&2
    exit 2
    ;;
esac
