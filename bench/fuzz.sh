#!/usr/bin/env bash
# Coverage-guided fuzzing of every reader with Jazzer (org.exprflow.corpus.ReaderFuzzTest), time-boxed:
# one Maven run per target with JAZZER_FUZZ=1, a fixed libFuzzer seed and SECONDS_PER_TARGET seconds.
# Seeds: target/fuzz-seeds/<target>/ (written by ReaderMutationTest, run first here). A crash is saved by
# Jazzer under src/test/resources/org/exprflow/corpus/ReaderFuzzTestInputs/<target>/ and then replayed by
# the unit tier; make it a corpus case too. The log (executions, coverage, findings per target) goes
# to bench/results/fuzz-<date>.log, a summary to stdout.
#
#   bench/fuzz.sh [target ...]        default: every target; SECONDS_PER_TARGET (60), SEED (1)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
seconds=${SECONDS_PER_TARGET:-60}
seed=${SEED:-1}
pom=$root/java-steps/pom.xml
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    targets=($(grep -o 'void [a-zA-Z]*(byte\[\] data)' "$root/java-steps/src/test/java/org/exprflow/corpus/ReaderFuzzTest.java" \
        | sed 's/void \([a-zA-Z]*\)(.*/\1/'))
fi
log=$here/results/fuzz-$(date -u +%Y%m%d-%H%M).log
mkdir -p "$here/results"
echo "# bench/fuzz.sh $(date -u +%FT%TZ), ${seconds} s per target, seed $seed, load: $(uptime | sed 's/.*load average: //')" | tee "$log"

# the seeds, and a quick check that every target holds its contract on them
mvn -B -o -q -f "$pom" test -Dgroups=unit -Dtest=ReaderMutationTest >>"$log" 2>&1

printf '%-14s %12s %8s %s\n' target executions exec/s findings | tee -a "$log"
for t in "${targets[@]}"; do
    out=$(mktemp)
    status=0
    JAZZER_FUZZ=1 mvn -B -o -f "$pom" test -Dgroups=unit -Dtest="ReaderFuzzTest#$t" -Dsurefire.failIfNoSpecifiedTests=false \
        -Djazzer.internal.arg.0=fuzz \
        -Djazzer.internal.arg.1="$root/java-steps/target/fuzz-seeds/$t" \
        -Djazzer.internal.arg.2=-seed="$seed" \
        -Djazzer.internal.arg.3=-max_total_time="$seconds" \
        -Djazzer.internal.arg.4=-timeout=10 >"$out" 2>&1 || status=$?
    { echo "## $t (mvn exit $status)"; grep -a -E '^#[0-9]+|^==|Done|crash-|Exception|AssertionError|Tests run' "$out" | tail -40; } >>"$log"
    # libFuzzer's last status line: "#<executions> DONE ..." or "#<n> pulse/NEW ... exec/s: <r>"
    execs=$(grep -a -oE '^#[0-9]+' "$out" | tail -1 | tr -d '#')
    rate=$(grep -a -oE 'exec/s: [0-9]+' "$out" | tail -1 | sed 's/exec\/s: //')
    findings=$(grep -a -c 'Test unit written to' "$out" || true)
    printf '%-14s %12s %8s %s\n' "$t" "${execs:-?}" "${rate:-?}" "$findings" | tee -a "$log"
    rm -f "$out"
done
echo "log: $log"
