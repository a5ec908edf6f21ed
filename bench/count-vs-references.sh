#!/usr/bin/env bash
# exprflow count against the reference tools on simulated BAM files of realistic size, with the
# matching options, checking that every count is identical:
#   read mode     exprflow count --regions R --keep-secondary --keep-supplementary
#                 = bedtools multicov -bams BAM -bed R                (single-end BAM, READS reads)
#   fragment mode exprflow count --paired --regions R --keep-qc-fail
#                 = featureCounts -T 1 -p --countReadPairs --primary --ignoreDup -F SAF -a R.saf
#                                                                   (paired BAM, READS/2 fragments)
# featureCounts reads the paired BAM without its supplementary alignments (samtools view -F 0x800,
# not timed): it has no filter for them and pairs them as mates (docs/architecture.md).
# Each command runs once under /usr/bin/time -v: wall time, CPU time (user + system) and peak RSS.
# The inputs are written once by 'exprflow simulate-reads' (seed 1) and reused.
#
# Environment: READS (default 20000000), CONTIGS (default 4), CONTIG_LENGTH (default 50000000:
# a 200 Mb genome, one 2 kb region every 10 kb, 20,000 regions), EXPRFLOW_JAR (default
# java-steps/target/exprflow.jar), BENCH_DIR (default /tmp/exprflow-bench/count), RESULTS (default
# bench/results/count-vs-references.<READS>.tsv).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
jar=${EXPRFLOW_JAR:-$root/java-steps/target/exprflow.jar}
reads=${READS:-20000000}
contigs=${CONTIGS:-4}
contig_length=${CONTIG_LENGTH:-50000000}
dir=${BENCH_DIR:-/tmp/exprflow-bench/count}/$reads
results=${RESULTS:-$here/results/count-vs-references.$reads.tsv}

[ -f "$jar" ] || { echo "count-vs-references.sh: $jar is missing; build it with 'mvn -q -B package -DskipTests' in java-steps" >&2; exit 2; }
for tool in bedtools featureCounts samtools /usr/bin/time; do
    command -v "$tool" >/dev/null || { echo "count-vs-references.sh: $tool is not installed (apt-get install bedtools subread samtools time)" >&2; exit 2; }
done

mkdir -p "$dir/out"
if [ ! -f "$dir/se/expected.tsv" ]; then
    echo "== simulating $reads single-end reads in $dir/se (once)"
    java -jar "$jar" simulate-reads --output-dir "$dir/se" --samples 1 --reads "$reads" --contigs "$contigs" --contig-length "$contig_length"
fi
if [ ! -f "$dir/pe/expected.tsv" ]; then
    echo "== simulating $((reads / 2)) fragments ($reads reads) in $dir/pe (once)"
    java -jar "$jar" simulate-reads --output-dir "$dir/pe" --samples 1 --reads $((reads / 2)) --contigs "$contigs" --contig-length "$contig_length" --paired
    samtools view -b -F 0x800 -o "$dir/pe/nosupp.bam" "$dir/pe/sample1.bam"
    samtools index "$dir/pe/nosupp.bam"
fi
echo "== inputs: $(du -h "$dir/se/sample1.bam" | cut -f1) single-end BAM, $(du -h "$dir/pe/sample1.bam" | cut -f1) paired BAM; load: $(uptime | sed 's/.*load average: //')"

# Runs one command under /usr/bin/time -v; appends "name wall cpu rss" to $dir/out/times.tsv.
timed() {
    local name=$1; shift
    /usr/bin/time -v -o "$dir/out/$name.time" "$@" > "$dir/out/$name.stdout" 2> "$dir/out/$name.stderr" \
        || { echo "$name failed:"; cat "$dir/out/$name.stderr"; exit 1; }
    python3 - "$dir/out/$name.time" "$name" >> "$dir/out/times.tsv" <<'PY'
import sys
t = {}
for line in open(sys.argv[1]):
    k, _, v = line.strip().rpartition(": ")
    t[k] = v
wall = t["Elapsed (wall clock) time (h:mm:ss or m:ss)"].split(":")
seconds = sum(float(x) * 60 ** i for i, x in enumerate(reversed(wall)))
cpu = float(t["User time (seconds)"]) + float(t["System time (seconds)"])
print(f"{sys.argv[2]}\t{seconds:.2f}\t{cpu:.2f}\t{int(t['Maximum resident set size (kbytes)']) / 1024:.0f}")
PY
}

: > "$dir/out/times.tsv"
se=$dir/se; pe=$dir/pe
timed "exprflow_count_reads" java -jar "$jar" --quiet count --bam "$se/sample1.bam" --regions "$se/regions.bed" \
    --keep-secondary --keep-supplementary --output "$dir/out/exprflow_reads.tsv"
timed "bedtools_multicov" bedtools multicov -bams "$se/sample1.bam" -bed "$se/regions.bed"
timed "exprflow_count_fragments" java -jar "$jar" --quiet count --bam "$pe/sample1.bam" --regions "$pe/regions.bed" \
    --paired --keep-qc-fail --output "$dir/out/exprflow_fragments.tsv"
timed "featurecounts_fragments" featureCounts -T 1 -p --countReadPairs --primary --ignoreDup -F SAF -a "$pe/regions.saf" \
    -o "$dir/out/featurecounts.txt" "$pe/nosupp.bam"

echo "== identical counts?"
tail -n +2 "$dir/out/exprflow_reads.tsv" > "$dir/out/a"
awk -v OFS='\t' '{ print $1 ":" $2 "-" $3, $4 }' "$dir/out/bedtools_multicov.stdout" > "$dir/out/b"
cmp "$dir/out/a" "$dir/out/b" || { echo "read mode: counts differ from bedtools multicov" >&2; exit 1; }
echo "read mode: identical to bedtools multicov ($(awk '{ s += $2 } END { print s }' "$dir/out/a") reads in $(wc -l < "$dir/out/a") regions)"
tail -n +2 "$dir/out/exprflow_fragments.tsv" > "$dir/out/c"
awk -v OFS='\t' '!/^#/ && $1 != "Geneid" { print $1, $7 }' "$dir/out/featurecounts.txt" > "$dir/out/d"
cmp "$dir/out/c" "$dir/out/d" || { echo "fragment mode: counts differ from featureCounts" >&2; exit 1; }
echo "fragment mode: identical to featureCounts ($(awk '{ s += $2 } END { print s }' "$dir/out/c") fragments)"

{
    echo "# exprflow count vs reference tools, $reads reads ($contigs x $contig_length bp), $(date -u +%Y-%m-%d);"
    echo "# load average before the runs: $(uptime | sed 's/.*load average: //'); $(nproc) cores"
    printf 'command\twall_s\tcpu_s\tpeak_rss_mib\n'
    cat "$dir/out/times.tsv"
} > "$results"
grep '^#' "$results"; grep -v '^#' "$results" | column -t -s $'\t'
echo "== written to $results"
