#!/usr/bin/env bash
# Fixed costs of a run, before and after the start-up settings (docs/architecture.md, "Start-up costs"):
#
#   1. per task: one step's JVM (hyperfine): `exprflow --version` and `exprflow qc` on the test
#      profile's data, with the old options (no class-data-sharing archive, C2) and the current ones;
#   2. per run: -profile test from scratch and the empty -resume after it, Nextflow's Duration (the
#      history line `nextflow log` prints) and the launcher's CPU time, old and current JVM settings.
#
#   bench/task-overhead.sh [--runs N] [--tasks-only] [--out FILE]
#
# "before" is emulated with the knobs the launchers keep: EXPRFLOW_JAVA_OPTS (bin/exprflow then adds
# no C1 flag, and -Xshare:auto keeps the archive out) and NXF_JVM_ARGS (later flags win: C2 and the default collector, G1,
# back for Nextflow; -Xshare:auto keeps nextfloww's archive of Nextflow's classes out). The machine's load (uptime) is printed beside every figure: on a shared
# machine the wall times say little, the CPU times (user + sys) more.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
runs=10
tasks_only=false
out=/dev/stdout
while [[ $# -gt 0 ]]; do
    case $1 in
        --runs) runs=$2; shift 2 ;;
        --tasks-only) tasks_only=true; shift ;;
        --out) out=$2; shift 2 ;;
        *) echo "usage: bench/task-overhead.sh [--runs N] [--tasks-only] [--out FILE]" >&2; exit 2 ;;
    esac
done
command -v hyperfine >/dev/null || { echo "task-overhead: hyperfine not found" >&2; exit 1; }

# The jar and its archive, as ./nextfloww makes them.
"$here/nextfloww" -version >/dev/null
jar=$here/java-steps/target/exprflow.jar
[[ -f ${jar%.jar}.jsa ]] || echo "task-overhead: warning: no ${jar%.jar}.jsa: 'after' runs without the archive" >&2

work=$(mktemp -d "${TMPDIR:-/tmp}/exprflow-overhead.XXXXXX")
trap 'rm -rf "$work"' EXIT
cd "$work"
exprflow=$here/bin/exprflow
"$exprflow" --quiet import --input "$here/test-data/classify/matrix.tsv" \
    --samplesheet "$here/test-data/classify/samplesheet.csv" --output matrix.xfd
before_opts='-XX:MaxRAMPercentage=75 -XX:+UseSerialGC -Xshare:auto'
load() { cut -d' ' -f1-3 /proc/loadavg; }

{
echo "## Per-task JVM start-up ($(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) CPUs, load before: $(load))"
echo
echo "| step | setting | wall mean ± sd (s) | user + sys (s) |"
echo "|---|---|---|---|"
} >>"$out"
qc="qc --input matrix.xfd --output-tsv m.qc.tsv --output-json m.qc.json --quiet"
for step in "--version" "$qc"; do
    name=${step%% *}
    for setting in before after; do
        env=$([[ $setting == before ]] && echo "EXPRFLOW_JAVA_OPTS='$before_opts' " || true)
        hyperfine -w 1 -r "$runs" --export-json hf.json "$env$exprflow $step" >/dev/null
        python3 - "$name" "$setting" <<'EOF' >>"$out"
import json, sys
r = json.load(open('hf.json'))['results'][0]
print(f"| {sys.argv[1]} | {sys.argv[2]} | {r['mean']:.3f} ± {r['stddev']:.3f} | {r['user'] + r['system']:.3f} |")
EOF
    done
done
echo "load after: $(load)" >>"$out"

$tasks_only && exit 0

{
echo
echo "## -profile test and the empty -resume (load before: $(load))"
echo
echo "| setting | run | Duration | launcher wall (s) | launcher + tasks user + sys (s) | load |"
echo "|---|---|---|---|---|---|"
} >>"$out"
for setting in before after; do
    mkdir -p "$setting" && cd "$setting"
    for run in scratch resume; do
        extra=(); [[ $run == resume ]] && extra=(-resume)
        if [[ $setting == before ]]; then
            export EXPRFLOW_JAVA_OPTS=$before_opts NXF_JVM_ARGS='-XX:TieredStopAtLevel=4 -XX:-UseSerialGC -Xshare:auto'
        else
            unset EXPRFLOW_JAVA_OPTS NXF_JVM_ARGS
        fi
        l=$(load)
        /usr/bin/time -o time.txt -f '%e %U %S' "$here/nextfloww" run "$here" -profile test --outdir results \
            -ansi-log false "${extra[@]}" >run.log 2>&1 || { echo "task-overhead: $setting $run failed:" >&2; tail run.log >&2; exit 1; }
        read -r wall user sys <time.txt
        duration=$(tail -n 1 .nextflow/history | cut -f2)
        printf '| %s | %s | %s | %s | %.1f | %s |\n' "$setting" "$run" "$duration" "$wall" \
            "$(echo "$user + $sys" | bc)" "$l" >>"$out"
    done
    cd ..
done
unset EXPRFLOW_JAVA_OPTS NXF_JVM_ARGS
echo "load after: $(load)" >>"$out"
