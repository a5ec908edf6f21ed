#!/usr/bin/env bash
# bench/classify-vs-sklearn.sh: the whole analysis, exprflow against the scikit-learn script a user
# would write instead (issue 13), same machine, same run, same protocol:
#   per-sample standardisation; ANOVA-F top-k inside every fold; grid {linear SVM, naive Bayes} x
#   k {20, 200}; 5 outer folds, 3 x 3 inner folds; 20 permutations of the whole nested procedure.
# exprflow: `./nextfloww run .` with bench/results.sh's light tier and its preprocessing of the data
# set (its dataset_args function is read from results.sh, so the two cannot drift apart), in a fresh
# work directory (nothing cached). scikit-learn: bench/classify_sklearn.py with /usr/bin/python3 and
# Debian's python3-sklearn (installed here with apt-get when missing).
#
# Usage: bench/classify-vs-sklearn.sh [--ci] [DATASET ...]
#   DATASET: golub srbct (default: both; with --ci: srbct)
#   --ci: the scaled-down version CI runs (ClassifyVsSklearnBenchIT): 3 outer folds, 2 x 2 inner
#         folds, 2 permutations. It checks that the comparison runs, not how fast anything is.
#
# Prints, per data set, both whole-process wall times (JVM, Nextflow and Python start-up included)
# and CPU times (user + system of the process and its children, from /usr/bin/time), the wall-time
# ratio exprflow / scikit-learn, and both balanced accuracies: exprflow's from its metrics JSON
# (sets.cv.model.overall.balanced_accuracy, pooled held-out predictions of the outer folds),
# scikit-learn's of cross_val_predict's pooled predictions. The ratio is a measurement, never a test.
# The table, with the load average before each run, also goes to RESULTS_TSV (default
# bench/results/classify-vs-sklearn.<full|ci>.tsv).
#
# Environment: EXPRFLOW_JAR (default: the jar ./nextfloww builds), SHARED_DATA (default
# <repo>/../shared/data), BENCH_DIR (default /tmp/exprflow-bench/classify-vs-sklearn/<full|ci>:
# pipeline outputs and logs, one directory per data set, emptied before each run), RESULTS_TSV,
# PYTHON (default /usr/bin/python3: the pyenv python3 first on PATH lacks scikit-learn), JOBS
# (scikit-learn's n_jobs, default 2 = the CPUs Nextflow's local executor uses here).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")

tier=full
datasets=()
while [[ $# -gt 0 ]]; do
    case $1 in
        --ci) tier=ci; shift ;;
        -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        -*) echo "classify-vs-sklearn.sh: unknown option $1" >&2; exit 2 ;;
        golub|srbct) datasets+=("$1"); shift ;;
        *) echo "classify-vs-sklearn.sh: unknown data set '$1' (golub, srbct)" >&2; exit 2 ;;
    esac
done

# --- the protocol: everything the two tiers differ in -------------------------------------------
case $tier in
    full) outer=5 inner=3 inner_repeats=3 permutations=20; [[ ${#datasets[@]} -gt 0 ]] || datasets=(golub srbct) ;;
    ci)   outer=3 inner=2 inner_repeats=2 permutations=2;  [[ ${#datasets[@]} -gt 0 ]] || datasets=(srbct) ;;
esac
# The grid of bench/results.sh's light tier, in its order (the one-SE rule prefers the first).
learners='weka.classifiers.functions.SMO -M;weka.classifiers.bayes.NaiveBayes'
exprflow_protocol=(--learner "$learners" --top_k 20,200 --folds "$outer" --repeats 1
                   --inner_folds "$inner" --inner_repeats "$inner_repeats" --permutations "$permutations"
                   --bootstrap 2000 --seed 42)
sklearn_protocol=(--outer-folds "$outer" --inner-folds "$inner" --inner-repeats "$inner_repeats"
                  --permutations "$permutations" --jobs "${JOBS:-2}" --seed 42)

data=${SHARED_DATA:-$(cd "$root/.." && pwd)/shared/data}
out=${BENCH_DIR:-/tmp/exprflow-bench/classify-vs-sklearn/$tier}
tsv=${RESULTS_TSV:-$here/results/classify-vs-sklearn.$tier.tsv}
python=${PYTHON:-/usr/bin/python3}
mkdir -p "$out" "$(dirname "$tsv")"
if [[ -n ${EXPRFLOW_JAR:-} ]]; then
    [[ -f $EXPRFLOW_JAR ]] || { echo "classify-vs-sklearn.sh: EXPRFLOW_JAR=$EXPRFLOW_JAR does not exist" >&2; exit 2; }
    export EXPRFLOW_JAR
fi

# --- scikit-learn: Debian's package, installed when missing -------------------------------------
if ! "$python" -c 'import sklearn' 2>/dev/null; then
    echo "== $python cannot import sklearn: installing python3-sklearn (apt-get)"
    apt=(apt-get); [[ $(id -u) == 0 ]] || apt=(sudo apt-get)
    "${apt[@]}" install -y -q python3-sklearn >"$out/apt.log" 2>&1 \
        || { "${apt[@]}" update -q >>"$out/apt.log" 2>&1 && "${apt[@]}" install -y -q python3-sklearn >>"$out/apt.log" 2>&1; } \
        || { echo "classify-vs-sklearn.sh: installing python3-sklearn failed; see $out/apt.log" >&2; exit 1; }
fi
sklearn_version=$("$python" -c 'import sklearn; print(sklearn.__version__)')

# --- exprflow's preprocessing of each data set: results.sh's own dataset_args -------------------
# Only its golub and srbct branches are used; they refer to nothing but $data.
eval "$(sed -n '/^dataset_args() {/,/^}/p' "$here/results.sh")"
declare -F dataset_args >/dev/null || { echo "classify-vs-sklearn.sh: no dataset_args() in $here/results.sh" >&2; exit 1; }

load() { cut -d' ' -f1 /proc/loadavg; }
# Runs a command under /usr/bin/time; sets `wall` and `cpu` (user + system, children included).
timed() {
    local log=$1; shift
    /usr/bin/time -f '%e %U %S' -o "$log.time" "$@" >"$log" 2>&1 || {
        echo "classify-vs-sklearn.sh: failed: $*; see $log" >&2; tail -20 "$log" >&2; exit 1; }
    read -r wall user sys <"$log.time"
    cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.1f", u + s }')
}

header=(dataset tier exprflow_wall_s sklearn_wall_s ratio exprflow_balanced_accuracy sklearn_balanced_accuracy
        exprflow_cpu_s sklearn_cpu_s exprflow_test_balanced_accuracy sklearn_test_balanced_accuracy
        sklearn_chosen load_before_exprflow load_before_sklearn date commit sklearn_version)
rows=()
for ds in "${datasets[@]}"; do
    dataset_args "$ds"
    dir=$out/$ds
    rm -rf "$dir"; mkdir -p "$dir"

    echo "== $ds: exprflow ($tier) -> $dir/exprflow.log"
    load_e=$(load)
    timed "$dir/exprflow.log" bash -c 'cd "$1" && shift && exec ./nextfloww -log "$1" run . "${@:2}"' _ "$root" "$dir/nextflow.log" \
        -ansi-log false -w "$dir/work" --outdir "$dir/out" "${args[@]}" "${exprflow_protocol[@]}"
    e_wall=$wall e_cpu=$cpu
    metrics=$(compgen -G "$dir/out/metrics/*.metrics.json" | head -1) \
        || { echo "classify-vs-sklearn.sh: no metrics JSON in $dir/out/metrics" >&2; exit 1; }
    read -r e_ba e_test < <("$python" - "$metrics" <<'PY'
import json, sys
m = json.load(open(sys.argv[1]))["sets"]
test = m.get("test")
print(f"{m['cv']['model']['overall']['balanced_accuracy']:.4f}",
      f"{test['model']['overall']['balanced_accuracy']:.4f}" if test else "NA")
PY
)

    echo "== $ds: scikit-learn $sklearn_version ($tier) -> $dir/sklearn.log"
    load_s=$(load)
    timed "$dir/sklearn.log" "$python" "$here/classify_sklearn.py" "$ds" --data "$data" "${sklearn_protocol[@]}"
    s_wall=$wall s_cpu=$cpu
    IFS=$'\t' read -r _ _ _ s_ba _ s_chosen s_test < <(grep -P "^$ds\t" "$dir/sklearn.log" | tail -1)
    [[ -n ${s_ba:-} ]] || { echo "classify-vs-sklearn.sh: no result line in $dir/sklearn.log" >&2; exit 1; }

    ratio=$(awk -v e="$e_wall" -v s="$s_wall" 'BEGIN { printf "%.2f", e / s }')
    rows+=("$(printf '%s\t' "$ds" "$tier" "$e_wall" "$s_wall" "$ratio" "$e_ba" "$s_ba" "$e_cpu" "$s_cpu" \
        "$e_test" "$s_test" "$s_chosen" "$load_e" "$load_s" "$(date -u +%Y-%m-%dT%H:%M:%SZ)" \
        "$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)" "$sklearn_version" | sed 's/\t$//')")
done

{ (IFS=$'\t'; echo "${header[*]}"); printf '%s\n' "${rows[@]}"; } >"$tsv"
echo "== $tsv"
echo
# The console table: the first seven columns (wall times, ratio, balanced accuracies).
printf '%-8s %-5s %12s %12s %6s %14s %14s\n' dataset tier exprflow_s sklearn_s ratio exprflow_bal_acc sklearn_bal_acc
for r in "${rows[@]}"; do
    IFS=$'\t' read -r -a c <<<"$r"
    printf '%-8s %-5s %12s %12s %6s %14s %14s\n' "${c[@]:0:7}"
done
echo "(whole-process wall seconds; ratio = exprflow / scikit-learn; load average before the runs:" \
     "$(for r in "${rows[@]}"; do IFS=$'\t' read -r -a c <<<"$r"; printf '%s %s/%s ' "${c[0]}" "${c[12]}" "${c[13]}"; done))"
