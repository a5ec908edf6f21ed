#!/usr/bin/env bash
# bench/results.sh: run the classify pipeline on the real data sets and write the results table of
# docs/results.md (nested-CV accuracy and balanced accuracy with 95% intervals, ZeroR, permutation
# p-value, the configurations chosen in the outer folds, independent-test figures where there are any).
#
# Usage: bench/results.sh [--tier light|heavy] [--update-docs] [DATASET ...]
#   DATASET: golub srbct dlbcl brain all_bt all_bcrabl gse781 (default: all of them, in this order)
#   --tier light (default): grid {SMO -M; NaiveBayes} x k {20,200}, 5 outer folds x 1 repeat,
#                  3 inner folds x 3 inner repeats, 20 permutations. Minutes per data set; checks
#                  that the script works, its p-values can be no smaller than 1/21.
#   --tier heavy:  grid {SMO -M; NaiveBayes; IBk; Logistic -R 1 (k <= 200 only); RandomForest} x
#                  k {20,50,200,1000}, 5 outer folds x 5 repeats, 3 inner folds x 3 inner repeats,
#                  100 permutations of the first outer repeat. About 10-30 minutes per data set on
#                  2 cores (docs/results.md).
#   --update-docs: also replace the tier's generated block of docs/results.md (between its
#                  "results.sh: begin/end" markers, "results.sh heavy: begin/end" for the heavy
#                  tier) with the new table.
#
# Environment: EXPRFLOW_JAR (default java-steps/target/exprflow.jar, which ./nextfloww builds),
#   RESULTS_DIR (default /tmp/exprflow-results/<tier>: pipeline outputs, one directory per data set,
#   the derived inputs and table.md), RESULTS_WORK (Nextflow work directory, default
#   $RESULTS_DIR/work), SHARED_DATA (default <repo>/../shared/data), GSE781_SOFT (GEOquery's copy).
#
# One pipeline at a time, on purpose: every run already uses all the CPUs its config allows, and
# the machines this runs on are shared. Finished data sets are not rerun (their metrics JSON is kept;
# delete the data set's directory to rerun it); the table is always rebuilt from every metrics JSON
# present, so running a subset of data sets later updates only their rows.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")

tier=light
update_docs=false
datasets=()
while [[ $# -gt 0 ]]; do
    case $1 in
        --tier) tier=${2:?--tier needs light or heavy}; shift 2 ;;
        --tier=*) tier=${1#--tier=}; shift ;;
        --update-docs) update_docs=true; shift ;;
        -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        -*) echo "results.sh: unknown option $1" >&2; exit 2 ;;
        *) datasets+=("$1"); shift ;;
    esac
done
all_datasets=(golub srbct dlbcl brain all_bt all_bcrabl gse781)
[[ ${#datasets[@]} -gt 0 ]] || datasets=("${all_datasets[@]}")

# --- the tiers: everything that differs between them, and nothing else -------------------------
smo='weka.classifiers.functions.SMO -M'          # linear SVM with calibrated probabilities
nb='weka.classifiers.bayes.NaiveBayes'
case $tier in
    light)
        # Grid order matters: the one-SE rule takes the first candidate within one SE of the best,
        # so the simpler learner and the smaller k come first.
        learners="$smo;$nb"
        top_k=20,200
        repeats=1
        permutations=20
        permutation_repeats=0 ;;
    heavy)
        # Logistic only up to k = 200 (@max_k): at k = 1000 one outer fold of it alone took 45 s on
        # SRBCT. 100 permutations instead of 200, each rerunning the nested CV of the first outer
        # repeat only (--permutation_repeats 1; p compares them with that repeat's real balanced
        # accuracy): a permutation of all five repeats cost about 40 CPU s on Golub, and the budget
        # is 30 minutes per data set on 2 cores (docs/results.md, "The heavy tier").
        learners="$smo;$nb;weka.classifiers.lazy.IBk;weka.classifiers.functions.Logistic -R 1 @max_k=200;weka.classifiers.trees.RandomForest"
        top_k=20,50,200,1000
        repeats=5
        permutations=100
        permutation_repeats=1 ;;
    *) echo "results.sh: --tier must be light or heavy, not '$tier'" >&2; exit 2 ;;
esac
tier_args=(--learner "$learners" --top_k "$top_k" --folds 5 --repeats "$repeats"
           --inner_folds 3 --inner_repeats 3 --permutations "$permutations" --bootstrap 2000 --seed 42)
[[ $permutation_repeats == 0 ]] || tier_args+=(--permutation_repeats "$permutation_repeats")
# The same settings in words, for the table's header.
settings="learners {${learners//;/; }} × k {$top_k}, 5 outer folds × $repeats repeat(s), 3 inner folds × 3 inner repeats, one-SE rule, transforms standardise (default), $permutations permutations$([[ $permutation_repeats == 0 ]] || { [[ $permutation_repeats == 1 ]] && echo " of the first outer repeat" || echo " of the first $permutation_repeats outer repeats"; }), 2000 bootstrap replicates, seed 42"

jar=${EXPRFLOW_JAR:-$root/java-steps/target/exprflow.jar}
out=${RESULTS_DIR:-/tmp/exprflow-results/$tier}
work=${RESULTS_WORK:-$out/work}
data=${SHARED_DATA:-$(cd "$root/.." && pwd)/shared/data}
soft=${GSE781_SOFT:-/usr/lib/R/site-library/GEOquery/extdata/GSE781_family.soft.gz}
mkdir -p "$out/inputs"
inputs=$out/inputs

# ./nextfloww builds the default jar itself; with EXPRFLOW_JAR the caller owns the jar.
if [[ -n ${EXPRFLOW_JAR:-} ]]; then
    [[ -f $jar ]] || { echo "results.sh: EXPRFLOW_JAR=$jar does not exist" >&2; exit 2; }
    export EXPRFLOW_JAR
fi

# --- derived inputs (never written into the repository) -----------------------------------------
prepare_all() {
    [[ -f $inputs/ALL_bcrabl.tsv ]] && return
    echo "== exporting ALL (r-bioc-all) with bench/results/export_all.R"
    "$here/../scripts/reference-rscript" --vanilla "$here/results/export_all.R" "$inputs" | tee "$inputs/ALL.export.log"
}

# GSE781: the labels come from exprflow's own GEO label path (--label-field/--label-map); the
# samplesheet only adds the patient column (see gse781_samplesheet.py for the evidence checks).
gse781_label_field=source_name_ch1
gse781_label_map='normal tissue=normal;Carcinoma tissue=carcinoma'   # first match wins
prepare_gse781() {
    [[ -f $inputs/GSE781.samples.tsv ]] && return
    echo "== GSE781: labels from $gse781_label_field, patient column from the titles"
    [[ -f $jar ]] || { echo "results.sh: $jar is missing (run ./nextfloww once, or set EXPRFLOW_JAR)" >&2; exit 2; }
    local maps=() rule
    IFS=';' read -ra rules <<<"$gse781_label_map"
    for rule in "${rules[@]}"; do maps+=(--label-map "$rule"); done
    java -jar "$jar" import --input "$soft" --platform GPL96 --label-field "$gse781_label_field" \
        "${maps[@]}" --output "$inputs/GSE781.labels.xfd"
    java -cp "$jar" "$here/results/DumpLabels.java" "$inputs/GSE781.labels.xfd" >"$inputs/GSE781.labels.tsv"
    python3 "$here/results/gse781_samplesheet.py" "$soft" GPL96 "$inputs/GSE781.labels.tsv" \
        "$inputs/GSE781.samples.tsv" | tee "$inputs/GSE781.samplesheet.log"
}

# --- per data set: the pipeline arguments ---------------------------------------------------------
# Each sets `args` (input and preprocessing) and `note` (one line for the table's notes).
dataset_args() {
    case $1 in
        golub)
            # MAS4 average differences: floor/ceiling as in Golub's and Dudoit's preprocessing, then log2.
            # CV on the 38 training patients; the final model scores the 34 independent ones.
            args=(--input "$data/golub/data_set_ALL_AML_train.csv.gz" --samplesheet "$data/golub/actual.csv.gz"
                  --sample_column patient --label_column cancer --allow_extra_samples
                  --floor 100 --ceiling 16000 --log2 always
                  --test_input "$data/golub/data_set_ALL_AML_independent.csv.gz"
                  --test_samplesheet "$data/golub/actual.csv.gz")
            note="Golub 1999 ALL vs AML; floor 100, ceiling 16000, log2; test = the 34 independent patients" ;;
        srbct)
            # cDNA ratios (positive, 0.0025 to 32.7): log2 auto, and the table records its decision.
            args=(--input "$data/biolab/02_SRBCT.arff.gz" --log2 auto)
            note="SRBCT (Khan 2001), 4 classes; log2 auto" ;;
        dlbcl)
            # Affymetrix Hu6800 average differences with negative values: the floor/ceiling of
            # Shipp et al. 2002 (20, 16000), then log2.
            args=(--input "$data/biolab/04_DLBCL.arff.gz" --floor 20 --ceiling 16000 --log2 always)
            note="DLBCL vs FL (Shipp 2002); floor 20, ceiling 16000, log2" ;;
        brain)
            # Hu6800 average differences as well (Pomeroy et al. 2002 used the same 20/16000 bounds).
            # Normal has only 4 samples, below the default QC failure threshold of 5: lowered to 4.
            args=(--input "$data/biolab/08_braintumor.arff.gz" --floor 20 --ceiling 16000 --log2 always
                  --qc_min_class_size_fail 4)
            note="embryonal brain tumours (Pomeroy 2002), 5 classes, Normal n=4 (QC class-size fail threshold lowered to 4); floor 20, ceiling 16000, log2" ;;
        all_bt)
            prepare_all
            args=(--input "$inputs/ALL.tsv" --samplesheet "$inputs/ALL.samples.tsv" --label_column lineage
                  --log2 auto)
            note="ALL (Chiaretti 2004, r-bioc-all), B vs T lineage; RMA-like log2 data, log2 auto" ;;
        all_bcrabl)
            prepare_all
            args=(--input "$inputs/ALL_bcrabl.tsv" --samplesheet "$inputs/ALL.samples.tsv" --label_column bcrabl
                  --allow_extra_samples --log2 auto)
            note="ALL, B-lineage samples only, BCR/ABL vs NEG; log2 auto" ;;
        gse781)
            prepare_gse781
            # Paired tumour/normal samples of one patient stay in one fold: --group_column patient.
            args=(--input "$soft" --input_format geo-soft --platform GPL96 --samplesheet "$inputs/GSE781.samples.tsv"
                  --group_column patient --log2 auto)
            note="GSE781 (GPL96, 17 arrays, 10 patients) carcinoma vs adjacent normal kidney; labels from $gse781_label_field; CV grouped by patient; log2 auto" ;;
        *) echo "results.sh: unknown data set '$1' (golub srbct dlbcl brain all_bt all_bcrabl gse781)" >&2; exit 2 ;;
    esac
}

for ds in "${datasets[@]}"; do
    dataset_args "$ds"
    dir=$out/$ds
    printf '%s\n' "$note" >"$out/$ds.note"
    if compgen -G "$dir/metrics/*.metrics.json" >/dev/null; then
        echo "== $ds: done before ($dir), not rerun"
        continue
    fi
    echo "== $ds ($tier tier) -> $dir"
    start=$(date +%s)
    (cd "$root" && ./nextfloww run . -ansi-log false -w "$work" --outdir "$dir" "${args[@]}" "${tier_args[@]}") \
        >"$out/$ds.log" 2>&1 || { echo "results.sh: $ds failed; see $out/$ds.log" >&2; tail -20 "$out/$ds.log" >&2; exit 1; }
    echo "$(( $(date +%s) - start ))" >"$out/$ds.seconds"
done

# --- the table, generated from the metrics JSON files --------------------------------------------
# Every data set with a metrics JSON in $out gets a row, whichever subset this call ran.
# Provenance first: when, which commit of the pipeline, which build of the steps.
{
    echo "Generated $(date -u +%Y-%m-%d) by \`bench/results.sh --tier $tier\` from the metrics JSON files in \`$out\`;"
    echo "table written at git commit $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)$(
        [[ -n $(git -C "$root" status --porcelain 2>/dev/null) ]] && echo ' (working tree with uncommitted changes)'),"
    echo "steps jar: $(java -jar "$jar" --version | paste -sd ' ' | sed 's/ weka/, weka/; s/ java/, java/')."
    echo
    python3 "$here/results/table.py" --tier "$tier" --settings "$settings" --results "$out" \
        --work "$work" --jar "$jar" "${all_datasets[@]}"
} >"$out/table.md"
echo "== table: $out/table.md"
cat "$out/table.md"

if $update_docs; then
    # Replace only what lies between the markers; the prose around the table is written by hand.
    # Each tier has its own block: the light tier's markers are "results.sh: begin/end", the heavy
    # tier's "results.sh heavy: begin/end".
    marker="results.sh"; [[ $tier == light ]] || marker="results.sh $tier"
    python3 - "$root/docs/results.md" "$out/table.md" "$marker" <<'PY'
import sys
doc, table, marker = sys.argv[1], open(sys.argv[2]).read().rstrip("\n"), sys.argv[3]
text = open(doc).read()
begin, end = f"<!-- {marker}: begin -->", f"<!-- {marker}: end -->"
if begin not in text or end not in text:
    sys.exit(f"results.sh: {doc} has no '{begin}' ... '{end}' markers")
head, rest = text.split(begin, 1)
open(doc, "w").write(head + begin + "\n" + table + "\n" + end + rest.split(end, 1)[1])
PY
    echo "== docs/results.md updated"
fi
