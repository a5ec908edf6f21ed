#!/usr/bin/env bash
# Peak memory of exprflow bin for genome-wide 1 kb bins (3.1 M windows over hg38's primary
# contigs) and 100 simulated samples of 50,000 narrowPeak peaks each. A dense samples x bins
# matrix of doubles would take 2.4 GB; the sparse per-sample arrays must keep the process's peak
# RSS (/usr/bin/time -v) at or below 2 GiB. Runs through bin/exprflow, i.e. with the JVM options
# the pipeline uses. See bench/RESULTS-peaks.md.
#
# Environment: EXPRFLOW_JAR, BENCH_DIR (default /tmp/exprflow-bench/peaks_memory; the peak files
# are generated there once, seeded), DATA (default <repo>/../shared/data).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
dir=${BENCH_DIR:-/tmp/exprflow-bench/peaks_memory}
data=${DATA:-$root/../shared/data}
sizes=$data/annotation/hg38.chrom.sizes
samples=100
per_sample=50000
limit_kb=$((2 * 1024 * 1024))

[ -x /usr/bin/time ] || { echo "peaks_memory.sh: /usr/bin/time is missing (apt-get install time)" >&2; exit 2; }
mkdir -p "$dir/peaks"
if [ ! -f "$dir/peaks/done" ]; then
    echo "== generating $samples x $per_sample peaks in $dir/peaks (once)"
    python3 - "$sizes" "$dir/peaks" "$samples" "$per_sample" <<'PY'
import gzip, random, sys
sizes, out, samples, per = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
contigs = [(l.split()[0], int(l.split()[1])) for l in open(sizes) if l.strip()]
total = sum(n for _, n in contigs)
rng = random.Random(42)
for s in range(1, samples + 1):
    lines = []
    for k in range(per):
        x = rng.randrange(total)
        for name, n in contigs:
            if x < n:
                break
            x -= n
        width = rng.randint(150, 3000)
        start = max(0, min(x, n - width))
        signal = round(rng.uniform(1, 50), 3)
        lines.append(f"{name}\t{start}\t{start + width}\tp{k}\t{min(1000, int(signal * 20))}\t.\t{signal}\t{signal * 3:.3f}\t{signal * 2.5:.3f}\t{width // 2}\n")
    with gzip.open(f"{out}/sim{s:03d}.narrowPeak.gz", "wt", compresslevel=1) as f:
        f.writelines(lines)
PY
    touch "$dir/peaks/done"
fi

echo "== exprflow bin, $samples samples, genome-wide 1 kb windows, value signal"
/usr/bin/time -v "$root/bin/exprflow" --quiet bin --chrom-sizes "$sizes" --bin-size 1000 --value signal \
    --output "$dir/bins.tsv.gz" --peaks "$dir"/peaks/sim*.narrowPeak.gz 2> "$dir/time.txt"
grep -E "Elapsed|Maximum resident" "$dir/time.txt"
rss=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$dir/time.txt")
echo "peak RSS: $rss kB ($(awk -v k="$rss" 'BEGIN { printf "%.2f", k / 1048576 }') GiB), limit $limit_kb kB"
[ "$rss" -le "$limit_kb" ] || { echo "peaks_memory.sh: peak RSS above 2 GiB" >&2; exit 1; }
