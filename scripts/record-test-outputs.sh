#!/usr/bin/env bash
# Records what the pipeline publishes for every test profile and the two real-data runs, so that a
# refactoring can be shown to change no result:
#
#   scripts/record-test-outputs.sh DIR              run everything, keep the published files in DIR
#   scripts/record-test-outputs.sh DIR run1 run2    only these runs (names below)
#   scripts/record-test-outputs.sh --compare A B    cmp every file of A against B; a difference is
#                                                   named when it is only the step-file contract's:
#                                                   JSON key order and the exprflow_kind/_format keys,
#                                                   or the '## exprflow <kind> <version>' first line
#
# Runs: test (the demo), predict (the demo's model on the demo's matrix), test_peaks, test_landmark,
# test_score, entex (peaks design b on the EN-TEx files in ../shared/data) and gse781 (landmark on
# GEOquery's GSE781 with the D-GEX maps). Kept: everything published but pipeline_info/ (times,
# paths), report/ (carries versions and the date) and model files (Java-serialised, carry versions).
# The run directories stay in DIR/.runs for inspection. About 8 minutes on 2 quiet cores.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

compare() {
    local a=$1 b=$2 status=0 f
    while IFS= read -r f; do
        if [[ ! -f $b/$f ]]; then
            echo "only in $a: $f"; status=1
        elif ! cmp -s "$a/$f" "$b/$f"; then
            if [[ $f == *.json ]] && python3 -c 'import json,sys; a,b=(json.load(open(p)) for p in sys.argv[1:]); sys.exit(a!=b)' "$a/$f" "$b/$f"; then
                echo "key order only: $f"
            elif [[ $f == *.json ]] && python3 -c '
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:])
for k in ("exprflow_kind", "exprflow_format"):
    if k not in a:
        b.pop(k, None)
sys.exit(a != b)' "$a/$f" "$b/$f"; then
                echo "key order and the kind keys only: $f"
            elif [[ $(head -c 12 "$b/$f") == "## exprflow " ]] && cmp -s "$a/$f" <(tail -n +2 "$b/$f"); then
                echo "kind line only: $f"
            else
                echo "DIFFERS: $f"; status=1
            fi
        fi
    done < <(cd "$a" && find . -type f -not -path './.runs/*' | sort)
    while IFS= read -r f; do
        [[ -f $a/$f ]] || { echo "only in $b: $f"; status=1; }
    done < <(cd "$b" && find . -type f -not -path './.runs/*' | sort)
    [[ $status == 0 ]] && echo "compare: $(cd "$a" && find . -type f -not -path './.runs/*' | wc -l) files, no difference in values"
    return $status
}

if [[ ${1:-} == --compare ]]; then
    compare "$2" "$3"
    exit
fi

out=$(mkdir -p "$1" && cd "$1" && pwd)
shift
runs=("$@")
((${#runs[@]})) || runs=(test predict test_peaks test_landmark test_score entex gse781)
shared=$(cd "$here/.." && pwd)/shared/data

# Runs the pipeline in DIR/.runs/NAME and keeps its published files in DIR/NAME.
launch() {
    local name=$1; shift
    local dir=$out/.runs/$name
    rm -rf "$dir" "${out:?}/$name" && mkdir -p "$dir"
    echo "=== $name: nextfloww run $*" >&2
    (cd "$dir" && "$here/nextfloww" run "$here" "$@" --outdir "$dir/results" > "$dir/console.log" 2>&1) \
        || { echo "$name failed: see $dir/console.log" >&2; tail -20 "$dir/console.log" >&2; return 1; }
    mkdir -p "$out/$name"
    (cd "$dir/results" && find . -type f -not -path './pipeline_info/*' -not -path './report/*' \
        -not -name '*.xfm' -not -name '*.xlm' -exec cp --parents {} "$out/$name" \;)
}

for run in "${runs[@]}"; do
    case $run in
        test|test_peaks|test_landmark|test_score) launch "$run" -profile "$run" ;;
        predict)
            model=$(ls "$out/.runs/test/results/model/"*.xfm 2>/dev/null | head -1)
            [[ -n $model ]] || { echo "predict needs the test run first" >&2; exit 1; }
            launch predict --analysis predict --model "$model" --input "$here/test-data/classify/matrix.tsv" ;;
        entex)
            dir=$out/.runs/entex-sheets && mkdir -p "$dir"
            e=$shared/encode
            {
                echo "tissue,mark,file"
                echo "sigmoid_colon,ATAC,$e/atac/ENCFF287UHP.sigmoid_colon.ATAC.peaks_outside_genes.bed.gz"
                echo "sigmoid_colon,H3K4me3,$e/chipseq/ENCFF668DFB.bed.gz"
                echo "sigmoid_colon,H3K27ac,$e/chipseq/ENCFF872UHN.bed.gz"
                echo "sigmoid_colon,POLR2A,$e/chipseq/ENCFF477DXO.bed.gz"
                echo "stomach,ATAC,$e/atac/ENCFF762IFP.stomach.ATAC.peaks_outside_genes.bed.gz"
                echo "stomach,H3K4me3,$e/chipseq/ENCFF502IJF.bed.gz"
                echo "stomach,H3K27ac,$e/chipseq/ENCFF977LBD.bed.gz"
                echo "stomach,POLR2A,$e/chipseq/ENCFF979WAV.bed.gz"
            } > "$dir/marks.csv"
            printf 'tissue,rna\nsigmoid_colon,%s\nstomach,%s\n' "$e/rnaseq/ENCFF268RWA.tsv" "$e/rnaseq/ENCFF918KPC.tsv" > "$dir/rna.csv"
            launch entex --analysis peaks --peaks_design b --peaks_samplesheet "$dir/marks.csv" --rna_samplesheet "$dir/rna.csv" \
                --annotation "$shared/annotation/gencode.v24.protein.coding.non.redundant.TSS.bed.gz" \
                --chrom_sizes "$shared/annotation/hg38.chrom.sizes" --unknown_contigs skip \
                --train_tissue sigmoid_colon --transfer_tissues stomach --holdout_chromosomes chr8,chr9,chr10 \
                --regressor 'weka.classifiers.trees.RandomForest -I 50' --regress_top_k 0 --seed 42 ;;
        gse781)
            launch gse781 --analysis landmark --input /usr/lib/R/site-library/GEOquery/extdata/GSE781_family.soft.gz \
                --input_format geo-soft --platform GPL96 --landmarks "$shared/landmark/map_lm.txt" \
                --targets "$shared/landmark/map_tg.txt" --landmark_learner 'linear;ridge:10' --target_chunks 3 --seed 42 ;;
        *) echo "unknown run: $run" >&2; exit 2 ;;
    esac
done
echo "recorded in $out: ${runs[*]}"
