#!/usr/bin/env python3
"""Write the results table of docs/results.md (markdown, on stdout) from the pipeline's outputs.

Usage: table.py --tier TIER --settings TEXT --results DIR --work WORKDIR --jar JAR DATASET...

For each DATASET whose DIR/DATASET/metrics/*.metrics.json exists (others are listed as not run):
  - CV (pooled held-out predictions of the outer folds): accuracy and balanced accuracy with their
    95% bootstrap intervals, ZeroR's accuracy and balanced accuracy beside them, the permutation
    p-value with its N, and the (learner, k) chosen in each outer fold ("model_selection");
  - test set, when the run had one: the same figures on the test predictions, and the configuration
    of the final model that made them (read from the saved model with ModelInfo.java);
  - what --log2 did, from the NORMALISE task's log (found through the run's execution trace), so that
    "log2 auto" is reported with its decision.
Every number comes from those files; nothing is typed in.
"""
import argparse
import collections
import csv
import glob
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def fmt(x, digits=3):
    return "NA" if x is None else f"{x:.{digits}f}"


def with_ci(block, metric):
    """'0.947 [0.868, 1.000]' from a (set, learner) block of the metrics JSON."""
    value = block["overall"][metric]
    ci = (block.get("interval") or {}).get(metric)
    return fmt(value) + (f" [{fmt(ci[0])}, {fmt(ci[1])}]" if ci else "")


def short_learner(spec):
    """'weka.classifiers.functions.SMO -C 1.0 -L 0.001 ... -M ...' -> 'SMO'.

    The metrics record each fold's learner with Weka's whole option string, defaults included (a
    few hundred characters for SMO with its kernel and calibrator), far too long for a table cell.
    Each tier's grid has one entry per learner class, so the class names the candidate.
    """
    return spec.partition(" ")[0].rsplit(".", 1)[-1]


def chosen(selection):
    """Outer-fold choices as 'SMO -M k=20 ×4, NaiveBayes k=200 ×1' (most frequent first)."""
    counts = collections.Counter(f"{short_learner(f['learner'])} k={f['top_k']}" for f in selection["folds"])
    return ", ".join(f"{c} ×{n}" for c, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def log2_decision(run_dir, work):
    """'applied' / 'not applied', from the NORMALISE task's stderr; None when it cannot be found."""
    for trace in sorted(glob.glob(os.path.join(run_dir, "pipeline_info", "execution_trace_*.tsv")), reverse=True):
        with open(trace) as f:
            for row in csv.DictReader(f, delimiter="\t"):
                if row["process"].endswith(":NORMALISE") and row["status"] in ("COMPLETED", "CACHED"):
                    for err in glob.glob(os.path.join(work, row["hash"] + "*", ".command.err")):
                        m = re.search(r"log2 (applied|not applied)", open(err).read())
                        if m:
                            return m.group(1)
    return None


def final_model(run_dir, jar):
    models = sorted(glob.glob(os.path.join(run_dir, "model", "*.xfm")))
    if not models or not os.path.exists(jar):
        return None
    out = subprocess.run(["java", "-cp", jar, os.path.join(HERE, "ModelInfo.java"), models[0]],
                         capture_output=True, text=True)
    if out.returncode != 0:
        return None
    learner, top_k = out.stdout.strip().split("\t")
    return f"{short_learner(learner)} k={top_k}"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tier", required=True)
    ap.add_argument("--settings", required=True)
    ap.add_argument("--results", required=True)
    ap.add_argument("--work", required=True)
    ap.add_argument("--jar", required=True)
    ap.add_argument("datasets", nargs="+")
    a = ap.parse_args()

    cv_rows, test_rows, notes, missing = [], [], [], []
    for ds in a.datasets:
        run_dir = os.path.join(a.results, ds)
        found = sorted(glob.glob(os.path.join(run_dir, "metrics", "*.metrics.json")))
        if not found:
            missing.append(ds)
            continue
        m = json.load(open(found[0]))
        cv = m["sets"]["cv"]
        model, zero = cv["model"], cv["ZeroR"]
        perm = model.get("permutation")
        # --permutation_repeats: the permutations reran the first N outer repeats only (the heavy tier)
        n = (perm or {}).get("repeats", 0)
        on = "" if not n else ", first repeat" if n == 1 else f", first {n} repeats"
        p = f"{fmt(perm['p'])} (N={perm['count']}{on})" if perm else "not run"
        sel = chosen(m["model_selection"]) if "model_selection" in m else "NA"
        folds = model.get("folds", {})
        repeats = len(folds.get("repeats", [])) or 1
        # "count" is every outer fold of every repeat
        per_repeat = folds["count"] // repeats if "count" in folds else "NA"
        cv_rows.append(f"| {ds} | {model['samples']} | {len(m['levels'])} | {per_repeat}×{repeats} "
                       f"| {with_ci(model, 'accuracy')} | {with_ci(model, 'balanced_accuracy')} "
                       f"| {fmt(zero['overall']['accuracy'])} / {fmt(zero['overall']['balanced_accuracy'])} "
                       f"| {p} | {sel} |")
        test = m["sets"].get("test")
        if test:
            tm, tz = test["model"], test["ZeroR"]
            correct = sum(tm["confusion"][i][i] for i in range(len(tm["confusion"])))
            test_rows.append(f"| {ds} | {tm['samples']} | {correct}/{tm['samples']} "
                             f"| {with_ci(tm, 'accuracy')} | {with_ci(tm, 'balanced_accuracy')} "
                             f"| {fmt(tz['overall']['accuracy'])} / {fmt(tz['overall']['balanced_accuracy'])} "
                             f"| {final_model(run_dir, a.jar) or 'NA'} |")
        note_file = os.path.join(a.results, ds + ".note")
        note = open(note_file).read().strip() if os.path.exists(note_file) else ""
        decision = log2_decision(run_dir, a.work)
        seconds_file = os.path.join(a.results, ds + ".seconds")
        seconds = open(seconds_file).read().strip() if os.path.exists(seconds_file) else None
        notes.append(f"- **{ds}**: {note}" + (f" (NORMALISE said: log2 {decision})" if decision else "")
                     + f"; classes {', '.join(m['levels'])}"
                     + (f"; pipeline wall time {int(seconds) // 60} min {int(seconds) % 60} s" if seconds else ""))

    print(f"Tier **{a.tier}**: {a.settings}\n")
    print("Cross-validation (pooled held-out predictions of the outer folds; 95% percentile bootstrap "
          "intervals; p = (1 + #{permuted ≥ real}) / (N + 1) for the balanced accuracy):\n")
    print("| data set | samples | classes | outer folds×repeats | accuracy [95% CI] | balanced accuracy [95% CI] "
          "| ZeroR acc / bal. acc | permutation p | chosen in outer folds (learner, k ×folds) |")
    print("|---|---|---|---|---|---|---|---|---|")
    print("\n".join(cv_rows))
    if test_rows:
        print("\nIndependent test set (the final model, fitted and chosen on all training samples):\n")
        print("| data set | test samples | correct | accuracy [95% CI] | balanced accuracy [95% CI] "
              "| ZeroR acc / bal. acc | final model |")
        print("|---|---|---|---|---|---|---|")
        print("\n".join(test_rows))
    print("\nData sets and preprocessing:\n")
    print("\n".join(notes))
    if missing:
        print(f"\nNot run at this tier (no metrics JSON): {', '.join(missing)}")


if __name__ == "__main__":
    sys.exit(main())
