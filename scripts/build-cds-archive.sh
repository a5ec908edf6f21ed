#!/usr/bin/env bash
# Builds the class-data-sharing (AppCDS) archive of the steps jar: exprflow.jsa beside exprflow.jar.
#
#   scripts/build-cds-archive.sh JAR [JAVA]
#
# bin/exprflow starts every task's JVM with -XX:SharedArchiveFile=<jar minus .jar>.jsa when that
# file exists: the JDK and exprflow/Weka classes a step loads are then mapped from the archive
# instead of being read from the jar, parsed and verified (docs/architecture.md, "Start-up costs").
#
# How: one small classification study (exprflow simulate, 300 probes) goes through the steps a
# pipeline runs most (import, qc, normalise, split, train, predict, evaluate, report), each JVM
# writing the classes it loaded (-XX:DumpLoadedClassList); the lists are merged in order of first
# appearance and dumped as one static archive (-Xshare:dump). One list per step, because a dynamic
# archive (-XX:ArchiveClassesAtExit) records one JVM only.
#
# Called by ./nextfloww whenever the jar is newer than its archive (or the archive is missing), and
# by containers/Dockerfile with the image's own java and jar path. The JVM uses the archive only
# with the same JDK build and the same jar (path, size and modification time): a rebuilt jar
# without a rebuilt archive, a moved repository or another java is silently ignored (the step just
# starts slower), never an error. A truncated archive is not checked by the JVM (it crashes with
# SIGBUS), so the archive is written under a temporary name and renamed into place.
set -euo pipefail

jar=${1:?usage: build-cds-archive.sh JAR [JAVA]}
java_cmd=${2:-${JAVA_CMD:-java}}
# bin/exprflow passes the jar's canonical path: the archive records the path it was dumped with.
jar=$(readlink -f "$jar")
archive=${jar%.jar}.jsa
[[ -f $jar ]] || { echo "build-cds-archive: $jar not found" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/exprflow-cds.XXXXXX")
trap 'rm -rf "$work"' EXIT
cd "$work"

n=0
step() {
    n=$((n + 1))
    # The steps' options as bin/exprflow passes them, so the classes loaded are the tasks' own.
    "$java_cmd" -XX:MaxRAMPercentage=75 -XX:+UseSerialGC -XX:DumpLoadedClassList="$work/$n.classlist" \
        -jar "$jar" --quiet "$@" >/dev/null 2>"$work/$n.err" \
        || { echo "build-cds-archive: exprflow $* failed:" >&2; cat "$work/$n.err" >&2; exit 1; }
}
yml=(--versions-yml versions.yml --versions-process CDS)
learners='weka.classifiers.functions.SMO -M;weka.classifiers.bayes.NaiveBayes'

step simulate --output-dir sim --probes 300 --samples 40 --classes 3 --formats tsv --seed 1
step import "${yml[@]}" --input sim/matrix.tsv --samplesheet sim/samplesheet.csv --name sim --output sim.xfd
step qc "${yml[@]}" --input sim.xfd --output-tsv sim.qc.tsv --output-json sim.qc.json
step normalise "${yml[@]}" --input sim.xfd --output norm.xfd --output-summary norm.json --log2 auto
step split "${yml[@]}" --input norm.xfd --output splits.tsv --folds 3 --seed 1 --split-column split
step train "${yml[@]}" --input norm.xfd --splits splits.tsv --output f1.xfm --repeat 1 --fold 1 \
    --predictions f1.predictions.tsv --candidate-scores f1.candidates.tsv --learner "$learners" \
    --top-k 10,40 --transforms standardise --inner-folds 3 --inner-repeats 1 --seed 1
step train "${yml[@]}" --input norm.xfd --splits splits.tsv --output final.xfm --learner "$learners" \
    --top-k 10,40 --transforms standardise --inner-folds 3 --inner-repeats 1 --seed 1
step predict "${yml[@]}" --model final.xfm --input norm.xfd --splits splits.tsv --set test --output test.predictions.tsv
step evaluate "${yml[@]}" --predictions f1.predictions.tsv test.predictions.tsv --output-tsv m.tsv \
    --output-json m.json --output-predictions p.tsv --bootstrap 50 --seed 1
step report "${yml[@]}" --output report.html --qc sim.qc.json --metrics m.json --predictions p.tsv

# Merged in order of first appearance (a class before the lambda forms that name it), comments out.
cat $(seq -f "$work/%g.classlist" 1 "$n") | grep -v '^#' | awk '!seen[$0]++' >"$work/classes.lst"

tmp=$archive.partial-$$
# -Xshare:dump warns about every class it cannot archive (picocli's are Java 5 class files): the
# log goes to a file, shown only when the dump fails.
if ! "$java_cmd" -Xshare:dump -XX:SharedClassListFile="$work/classes.lst" -XX:SharedArchiveFile="$tmp" \
        -XX:+UseSerialGC -cp "$jar" >"$work/dump.log" 2>&1; then
    rm -f "$tmp"
    echo "build-cds-archive: -Xshare:dump failed:" >&2
    tail -20 "$work/dump.log" >&2
    exit 1
fi
mv -f "$tmp" "$archive"
echo "build-cds-archive: $archive ($(wc -l <"$work/classes.lst") classes listed, $(($(stat -c %s "$archive") / 1048576)) MB)" >&2
