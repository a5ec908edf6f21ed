"""scikit-learn's calibration numbers for CalibrationSklearnTest (scikit-learn 1.2).

Usage: sklearn_calibration.py OOF.tsv HELD.tsv OUT.tsv

OOF.tsv: one row per training sample: its class index (0..K-1), then its K out-of-fold class
probabilities. HELD.tsv: one row per held-out sample: its K uncalibrated class probabilities.
OUT.tsv, one value set per line (numbers with repr, which round-trips a float64):
  brier <class> <v>                   brier_score_loss(y == class, p[:, class]) on OOF
  curve_true|curve_pred <class> <v>...  calibration_curve(y == class, p[:, class], n_bins=10, strategy='uniform')
  platt <class> <a> <b>               the fitted Platt parameters of each calibrator
  <method> <row> <p_0> ... <p_K-1>    CalibratedClassifierCV(method, cv='prefit') fitted on OOF, applied to HELD
The prefit estimator returns its input as its class probabilities, so the calibrators see exactly the
probabilities exprflow's calibrator was fitted on.
"""
import sys

import numpy as np
import sklearn
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.calibration import CalibratedClassifierCV, calibration_curve
from sklearn.metrics import brier_score_loss


class GivenProbabilities(ClassifierMixin, BaseEstimator):
    """A fitted classifier whose class probabilities are its input."""

    def __init__(self, classes=2):
        self.classes = classes
        self.classes_ = np.arange(classes)

    def fit(self, X, y):
        return self

    def predict_proba(self, X):
        return np.asarray(X, dtype=np.float64)


def read(path):
    with open(path) as f:
        return np.array([[float(v) for v in line.split("\t")] for line in f if line.strip()], dtype=np.float64)


def main(oof_path, held_path, out_path):
    oof = read(oof_path)
    y = oof[:, 0].astype(int)
    p = oof[:, 1:]
    held = read(held_path)
    k = p.shape[1]
    out = []
    for c in range(k):
        yc = (y == c).astype(int)
        out.append(["brier", c, brier_score_loss(yc, p[:, c])])
        prob_true, prob_pred = calibration_curve(yc, p[:, c], n_bins=10, strategy="uniform")
        out.append(["curve_true", c, *prob_true])
        out.append(["curve_pred", c, *prob_pred])
    for method in ("sigmoid", "isotonic"):
        cal = CalibratedClassifierCV(estimator=GivenProbabilities(k), method=method, cv="prefit").fit(p, y)
        if method == "sigmoid":
            for i, calibrator in enumerate(cal.calibrated_classifiers_[0].calibrators):
                out.append(["platt", i, calibrator.a_, calibrator.b_])
        for row, probs in enumerate(cal.predict_proba(held)):
            out.append([method, row, *probs])
    with open(out_path, "w") as f:
        for line in out:
            f.write("\t".join(repr(float(v)) if isinstance(v, (float, np.floating)) else str(v) for v in line) + "\n")
    print("scikit-learn " + sklearn.__version__)


if __name__ == "__main__":
    main(*sys.argv[1:4])
