#!/usr/bin/env python3
"""Model comparison and calibration tables for docs/results.md from classify runs' metrics JSONs.

Usage: comparison_table.py NAME=OUTDIR ... [--figures DIR]

For each NAME=OUTDIR (a pipeline --outdir), reads metrics/*.metrics.json and prints two Markdown
tables: every comparison of the corrected resampled t-test (the nested procedure against ZeroR, then
every pair of grid candidates, named by learner and k), and the Brier scores of the pooled held-out
probabilities (model and ZeroR) with the reliability bins' largest gap between mean predicted
probability and observed frequency. With --figures, copies the report's reliability diagram (the
<svg class="plot reliability"> element) to DIR/NAME-reliability.svg. Nothing is typed by hand.
"""
import glob
import json
import re
import sys

LEARNER_NAMES = {"weka.classifiers.functions.SMO -M": "SMO -M", "weka.classifiers.bayes.NaiveBayes": "NaiveBayes",
                 "weka.classifiers.rules.ZeroR": "ZeroR"}


def scheme_names(comparison):
    names = {"model": "nested CV (one-SE)", "ZeroR": "ZeroR"}
    for s in comparison["schemes"]:
        if s["scheme"].startswith("candidate"):
            names[s["scheme"]] = f"{LEARNER_NAMES.get(s['learner'], s['learner'])} k={s['top_k']}"
    return names


def main():
    args = sys.argv[1:]
    figures = None
    if "--figures" in args:
        i = args.index("--figures")
        figures = args[i + 1]
        del args[i:i + 2]
    runs = [a.split("=", 1) for a in args]
    print("| data set | A | B | mean A | mean B | A − B [95% CI] | t (df) | p |")
    print("|---|---|---|---|---|---|---|---|")
    calibration_rows = []
    notes = []
    for name, outdir in runs:
        path = sorted(glob.glob(f"{outdir}/metrics/*.metrics.json"))[0]
        metrics = json.load(open(path))
        comparison = metrics["model_comparison"]
        names = scheme_names(comparison)
        for c in comparison["comparisons"]:
            folds = c["folds"]
            print(f"| {name} | {names[c['a']]} | {names[c['b']]} | {c['mean_a']:.3f} | {c['mean_b']:.3f} | "
                  f"{c['mean_difference']:+.3f} [{c['ci'][0]:+.3f}, {c['ci'][1]:+.3f}] | {c['t']:.2f} ({c['df']}) | "
                  f"{c['p']:.2g} |")
        cv = metrics["calibration"]["sets"]["cv"]
        model, zero_r = cv["model"], cv["ZeroR"]
        gaps = []
        for cls, v in model["classes"].items():
            for b in v["reliability"]:
                if b["count"] >= 5:
                    gaps.append((abs(b["mean_predicted"] - b["observed_frequency"]), cls, b))
        gap, cls, b = max(gaps, key=lambda g: g[0])
        calibration_rows.append(
            f"| {name} | {model['predictions']} | {model['brier']:.3f} | {zero_r['brier']:.3f} | "
            f"{len(model['classes'])} | {cls}, bin ({b['lower']:.1f}, {b['upper']:.1f}]: predicted {b['mean_predicted']:.2f}, "
            f"observed {b['observed_frequency']:.2f} (n = {b['count']}) |")
        if figures:
            html = open(sorted(glob.glob(f"{outdir}/report/*.html"))[0]).read()
            svg = re.search(r'<svg class="plot reliability".*?</svg>', html, re.S)
            style = re.search(r"<style>(.*?)</style>", html, re.S)
            if svg:
                # the report's style sheet draws the grid, frame and diagonal: carried into the file
                text = svg.group(0).replace("<svg ", '<svg xmlns="http://www.w3.org/2000/svg" ', 1)
                if style:
                    text = text.replace(">", "><style>" + style.group(1) + "</style>", 1)
                with open(f"{figures}/{name}-reliability.svg", "w") as f:
                    f.write(text + "\n")
        notes.append(f"{name}: {folds} outer folds, n_test/n_train {comparison['comparisons'][0]['test_train_ratio']:.3g}")
    print()
    print("Per-fold values: " + "; ".join(notes) + ".")
    print()
    print("| data set | held-out predictions | Brier, model | Brier, ZeroR | classes | largest gap in the reliability diagram (bins of 5 or more) |")
    print("|---|---|---|---|---|---|")
    print("\n".join(calibration_rows))


if __name__ == "__main__":
    main()
