#!/usr/bin/env python3
"""The scikit-learn side of bench/classify-vs-sklearn.sh: the script a user would write for the
protocol of issue 13, with scikit-learn's defaults wherever the protocol does not say otherwise.

  per-sample standardisation -> ANOVA-F top-k -> {linear SVM, naive Bayes} x k {20, 200},
  tuned by GridSearchCV on 3 x 3 repeated stratified inner folds (balanced accuracy),
  inside cross_val_predict on 5 stratified outer folds; the final model refitted on all samples
  (and scoring the independent test set, Golub); permutation_test_score of the whole GridSearchCV.

Usage: classify_sklearn.py golub|srbct [--data DIR] [--outer-folds 5] [--inner-folds 3]
       [--inner-repeats 3] [--permutations 20] [--jobs 2] [--seed 42]

Prints one tab-separated line: dataset, samples, genes, pooled balanced accuracy of the outer folds'
held-out predictions, permutation p-value, the configurations chosen by the final model, the
independent test set's balanced accuracy (NA without one).

Choices, and why (bench/README.md says more):
- Linear SVM = SVC(kernel="linear", C=1, probability=True). Weka's `SMO -M` is libsvm's model
  class: a hinge-loss SVM with C = 1, linear kernel, pairwise (one-vs-one) for more than two
  classes, with Platt-scaled probabilities (-M). LinearSVC would change the loss (squared hinge),
  the multi-class scheme (one-vs-rest) and has no probabilities. probability=True costs an internal
  5-fold CV per fit; exprflow's SMO -M also fits its logistic models, and exprflow reports
  probabilities (AUC, Brier), so leaving it out would compare different outputs.
- Naive Bayes = GaussianNB (Weka's NaiveBayes with its default normal estimator).
- Per-sample standardisation is stateless (each sample over its own genes, mean 0, SD 1 with the
  n - 1 denominator, as exprflow's `standardise`): a FunctionTransformer in the Pipeline.
- Parallelism: n_jobs on the outermost calls (cross_val_predict over outer folds,
  permutation_test_score over permutations), the coarse-grained and faster placement.
- GridSearchCV refits the candidate with the best mean score (scikit-learn's default); exprflow
  uses the one-SE rule. Not changed: this is the default a user gets.
"""
import argparse
import csv
import gzip
import io
import os
import sys
import warnings

import numpy as np
from scipy.io import arff
from sklearn.feature_selection import SelectKBest, f_classif
from sklearn.metrics import balanced_accuracy_score
from sklearn.model_selection import (GridSearchCV, RepeatedStratifiedKFold, StratifiedKFold,
                                     cross_val_predict, permutation_test_score)
from sklearn.naive_bayes import GaussianNB
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import FunctionTransformer
from sklearn.svm import SVC


def read_golub(matrix_file, labels_file):
    """Golub's table: description, accession, then one value column and one call column per patient."""
    with gzip.open(labels_file, "rt", newline="") as f:
        labels = {row["patient"]: row["cancer"] for row in csv.DictReader(f)}
    with gzip.open(matrix_file, "rt", newline="") as f:
        rows = list(csv.reader(f))
    header = rows[0]
    value_columns = [i for i in range(2, len(header)) if header[i] != "call"]
    patients = [header[i] for i in value_columns]
    x = np.array([[float(r[i]) for i in value_columns] for r in rows[1:] if r], dtype=float).T
    return x, np.array([labels[p] for p in patients])


def read_arff(path):
    """A biolab ARFF: numeric genes, the class as the last (nominal) attribute."""
    with gzip.open(path, "rt") as f:
        data, meta = arff.loadarff(io.StringIO(f.read()))
    names = meta.names()
    x = np.column_stack([data[n].astype(float) for n in names[:-1]])
    return x, np.array([v.decode() for v in data[names[-1]]])


def golub_preprocess(x):
    """Golub's and Dudoit's preprocessing, as bench/results.sh passes it to exprflow:
    --floor 100 --ceiling 16000 --log2 always."""
    return np.log2(np.clip(x, 100, 16000))


def load(dataset, data):
    """(x, y, x_test, y_test) with the preprocessing exprflow applies (bench/results.sh's
    dataset_args): Golub floor/ceiling/log2; SRBCT unchanged (`--log2 auto` decided "not applied",
    docs/results.md)."""
    if dataset == "golub":
        x, y = read_golub(f"{data}/golub/data_set_ALL_AML_train.csv.gz", f"{data}/golub/actual.csv.gz")
        xt, yt = read_golub(f"{data}/golub/data_set_ALL_AML_independent.csv.gz", f"{data}/golub/actual.csv.gz")
        return golub_preprocess(x), y, golub_preprocess(xt), yt
    if dataset == "srbct":
        x, y = read_arff(f"{data}/biolab/02_SRBCT.arff.gz")
        return x, y, None, None
    sys.exit(f"classify_sklearn.py: unknown data set {dataset!r} (golub, srbct)")


def standardise_samples(x):
    """Each sample (row) centred on its own mean and divided by its own SD (n - 1)."""
    x = np.asarray(x, dtype=float)
    return (x - x.mean(axis=1, keepdims=True)) / x.std(axis=1, ddof=1, keepdims=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dataset", choices=["golub", "srbct"])
    ap.add_argument("--data", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "data"))
    ap.add_argument("--outer-folds", type=int, default=5)
    ap.add_argument("--inner-folds", type=int, default=3)
    ap.add_argument("--inner-repeats", type=int, default=3)
    ap.add_argument("--permutations", type=int, default=20)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--seed", type=int, default=42)
    a = ap.parse_args()
    # Constant genes (Golub after the floor) make f_classif warn once per fit; their F is NaN and
    # SelectKBest ranks them last, which is what we want. Silence the flood, here and in workers.
    warnings.filterwarnings("ignore", category=UserWarning)
    warnings.filterwarnings("ignore", category=RuntimeWarning)
    os.environ["PYTHONWARNINGS"] = "ignore"

    x, y, x_test, y_test = load(a.dataset, a.data)

    pipe = Pipeline([
        ("standardise", FunctionTransformer(standardise_samples)),
        ("select", SelectKBest(f_classif)),
        ("model", SVC()),
    ])
    grid = GridSearchCV(
        pipe,
        param_grid={
            "select__k": [20, 200],
            "model": [SVC(kernel="linear", C=1.0, probability=True, random_state=a.seed), GaussianNB()],
        },
        cv=RepeatedStratifiedKFold(n_splits=a.inner_folds, n_repeats=a.inner_repeats, random_state=a.seed),
        scoring="balanced_accuracy",
    )
    outer = StratifiedKFold(n_splits=a.outer_folds, shuffle=True, random_state=a.seed)

    predicted = cross_val_predict(grid, x, y, cv=outer, n_jobs=a.jobs)
    cv_balanced = balanced_accuracy_score(y, predicted)

    final = grid.fit(x, y)
    chosen = f"{type(final.best_params_['model']).__name__} k={final.best_params_['select__k']}"
    test_balanced = "NA"
    if x_test is not None:
        test_balanced = f"{balanced_accuracy_score(y_test, final.predict(x_test)):.4f}"

    _, _, p = permutation_test_score(grid, x, y, cv=outer, n_permutations=a.permutations,
                                     scoring="balanced_accuracy", n_jobs=a.jobs, random_state=a.seed)
    print("\t".join([a.dataset, str(x.shape[0]), str(x.shape[1]), f"{cv_balanced:.4f}", f"{p:.4f}", chosen,
                     test_balanced]))


if __name__ == "__main__":
    main()
