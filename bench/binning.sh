#!/usr/bin/env bash
# Genome-wide 1 kb peak counts for the 8 ENCODE peak files: bedtools (makewindows, then one
# intersect -c -sorted process per file) against one exprflow bin process for all 8 files, which
# writes its full sparse table to disk. Sorting is not timed: the peak files (restricted to the
# contigs of the sizes file, as -sorted -g requires) and the genome file are sorted
# lexicographically beforehand. exprflow reads the original gzip files, unsorted, with
# --unknown-contigs skip. hyperfine, median of RUNS; exprflow must be at least 4x faster.
# See bench/RESULTS-peaks.md.
#
# Environment: EXPRFLOW_JAR (default java-steps/target/exprflow.jar), BENCH_DIR (default
# /tmp/exprflow-bench/binning), RUNS (default 5), DATA (default <repo>/../shared/data).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
jar=${EXPRFLOW_JAR:-$root/java-steps/target/exprflow.jar}
dir=${BENCH_DIR:-/tmp/exprflow-bench/binning}
runs=${RUNS:-5}
data=${DATA:-$root/../shared/data}
sizes=$data/annotation/hg38.chrom.sizes
peaks=("$data"/encode/atac/*.bed.gz "$data"/encode/chipseq/*.bed.gz)

[ -f "$jar" ] || { echo "binning.sh: $jar is missing; build it with 'mvn -q -B package -DskipTests' in java-steps" >&2; exit 2; }
command -v bedtools >/dev/null || { echo "binning.sh: bedtools is not on PATH (apt-get install bedtools)" >&2; exit 2; }
[ "${#peaks[@]}" -eq 8 ] || { echo "binning.sh: expected 8 peak files under $data/encode, found ${#peaks[@]}" >&2; exit 2; }

echo "== preparing sorted inputs for bedtools in $dir (not timed)"
mkdir -p "$dir/sorted" "$dir/out"
sort -k1,1 "$sizes" > "$dir/genome.txt"
for f in "${peaks[@]}"; do
    name=$(basename "$f" .bed.gz)
    zcat "$f" | awk 'NR == FNR { keep[$1] = 1; next } ($1 in keep)' "$dir/genome.txt" - \
        | sort -k1,1 -k2,2n > "$dir/sorted/$name.bed"
done

bedtools_cmd="bedtools makewindows -g $dir/genome.txt -w 1000 > $dir/out/windows.bed &&
 for f in $dir/sorted/*.bed; do bedtools intersect -a $dir/out/windows.bed -b \$f -c -sorted -g $dir/genome.txt > $dir/out/\$(basename \$f .bed).counts; done"
exprflow_cmd="java -XX:+UseSerialGC -jar $jar --quiet bin --chrom-sizes $dir/genome.txt --bin-size 1000 --unknown-contigs skip --output $dir/out/exprflow.tsv.gz --peaks ${peaks[*]}"

echo "== timing, hyperfine, $runs runs each"
hyperfine --runs "$runs" --export-json "$dir/hyperfine.json" -n bedtools "$bedtools_cmd" -n exprflow "$exprflow_cmd"
echo "== agreement (non-zero windows and total count; PeaksRealDataTest checks every window)"
bt=$(cat "$dir"/out/*.counts | awk '$4 > 0 { n++; s += $4 } END { print n, s }')
xf=$(zcat "$dir/out/exprflow.tsv.gz" | awk 'NR > 1 { n++; s += $5 } END { print n, s }')
echo "bedtools: $bt   exprflow: $xf"
[ "$bt" = "$xf" ] || { echo "binning.sh: results differ" >&2; exit 1; }

python3 - "$dir/hyperfine.json" <<'PY'
import json, statistics, sys
r = {}
for x in json.load(open(sys.argv[1]))["results"]:
    r[x["command"]] = statistics.median(x["times"])
    print(f"{x['command']}: median {r[x['command']]:.3f} s (user {x['user']:.3f} s, system {x['system']:.3f} s, {len(x['times'])} runs)")
ratio = r["bedtools"] / r["exprflow"]
print(f"speed-up (median bedtools / median exprflow): {ratio:.1f}x")
sys.exit(0 if ratio >= 4 else 1)
PY
