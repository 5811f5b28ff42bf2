"""Metrics for a scored dataset split: the numbers the model card and ``seoclean evaluate`` show.

Everything here works on labelled rows (dataset rows: ``label``, ``kind``, ``genre``,
``settings``) and a spam probability per row, so the classifier and every baseline are measured
by the same code.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

import numpy as np

SPIN_BAND = (0.15, 0.30)  # "15-30% substitution": the generator's target spin rate
CALIBRATION_BINS = 10


def binary_metrics(y: np.ndarray, scores: np.ndarray, threshold: float) -> dict[str, Any]:
    """Precision, recall, F1, ROC-AUC, PR-AUC (average precision), Brier, confusion matrix."""
    from sklearn.metrics import (
        average_precision_score,
        brier_score_loss,
        confusion_matrix,
        f1_score,
        precision_score,
        recall_score,
        roc_auc_score,
    )

    y, scores = np.asarray(y, dtype=int), np.asarray(scores, dtype=float)
    flagged = (scores >= threshold).astype(int)
    tn, fp, fn, tp = confusion_matrix(y, flagged, labels=[0, 1]).ravel()
    both = len(set(y.tolist())) == 2
    return {
        "n": len(y),
        "threshold": float(threshold),
        "precision": float(precision_score(y, flagged, zero_division=0)),
        "recall": float(recall_score(y, flagged, zero_division=0)),
        "f1": float(f1_score(y, flagged, zero_division=0)),
        "roc_auc": float(roc_auc_score(y, scores)) if both else None,
        "pr_auc": float(average_precision_score(y, scores)) if both else None,
        "brier": float(brier_score_loss(y, scores, labels=[0, 1])),
        "clean_flag_rate": float(flagged[y == 0].mean()) if (y == 0).any() else None,
        "confusion": {"tn": int(tn), "fp": int(fp), "fn": int(fn), "tp": int(tp)},
    }


def flag_rates(keys: Sequence[str], flagged: np.ndarray) -> dict[str, dict[str, float]]:
    """Per key: rows and the share flagged (recall for spam groups, false-positive rate for
    clean ones)."""
    groups: dict[str, list[bool]] = defaultdict(list)
    for key, flag in zip(keys, flagged):
        groups[key].append(bool(flag))
    return {key: {"n": len(flags), "flagged": float(np.mean(flags))} for key, flags in sorted(groups.items())}


def reliability_table(y: np.ndarray, scores: np.ndarray, bins: int = CALIBRATION_BINS) -> list[dict[str, float]]:
    """Equal-width probability bins: rows, mean predicted probability, observed spam share."""
    edges = np.linspace(0, 1, bins + 1)
    index = np.clip(np.digitize(scores, edges[1:-1]), 0, bins - 1)
    table = []
    for b in range(bins):
        mask = index == b
        if mask.any():
            table.append(
                {
                    "bin": f"{edges[b]:.1f}-{edges[b + 1]:.1f}",
                    "n": int(mask.sum()),
                    "mean_predicted": float(scores[mask].mean()),
                    "observed_spam": float(y[mask].mean()),
                }
            )
    return table


def spin_band_rows(rows: Sequence[dict]) -> dict[str, np.ndarray]:
    """Masks for spin-only rows in the 15-30% band, by target rate and by achieved share."""
    low, high = SPIN_BAND

    def in_band(row: dict, key: str) -> bool:
        spin = row.get("settings", {}).get("spin", {})
        return row["kind"] == "spin" and key in spin and low <= spin[key] <= high

    return {
        "target rate 15-30%": np.array([in_band(row, "rate") for row in rows]),
        "words changed 15-30%": np.array([in_band(row, "share_changed") for row in rows]),
    }


def evaluate_scores(rows: Sequence[dict], scores: np.ndarray, threshold: float) -> dict[str, Any]:
    """Every metric for one split: overall, per spam kind, per genre, per hard-negative kind,
    spin-only recall in the 15-30% band, and calibration."""
    y = np.array([row["label"] for row in rows], dtype=int)
    scores = np.asarray(scores, dtype=float)
    flagged = scores >= threshold
    spam, clean = y == 1, y == 0
    kinds = np.array([row["kind"] for row in rows])
    genres = np.array([row.get("genre", "") for row in rows])
    hard = np.char.startswith(kinds.astype(str), "hard-negative")
    return {
        "overall": binary_metrics(y, scores, threshold),
        "recall_by_kind": flag_rates(kinds[spam], flagged[spam]),
        "recall_by_genre": flag_rates(genres[spam], flagged[spam]),
        "clean_flag_rate_by_genre": flag_rates(genres[clean], flagged[clean]),
        "clean_flag_rate_by_kind": flag_rates(kinds[clean], flagged[clean]),
        "hard_negative_flag_rate": float(flagged[hard].mean()) if hard.any() else None,
        "spin_band_recall": {
            name: {"n": int(mask.sum()), "flagged": float(flagged[mask].mean()) if mask.any() else None}
            for name, mask in spin_band_rows(rows).items()
        },
        "calibration": reliability_table(y, scores),
    }


def permutation_importances(
    classifier, X: np.ndarray, y: np.ndarray, names: Sequence[str], *, repeats: int = 5, seed: int = 0
) -> list[dict[str, float]]:
    """Mean rise in log loss when a feature's column is shuffled (scikit-learn's permutation
    importance on held-out rows), largest first. Correlated features share their credit, so a
    low value means "replaceable here", not "useless"."""
    from sklearn.inspection import permutation_importance

    result = permutation_importance(
        classifier, X, y, scoring="neg_log_loss", n_repeats=repeats, random_state=seed, n_jobs=1
    )
    order = np.argsort(-result.importances_mean)
    return [
        {"feature": names[i], "importance": float(result.importances_mean[i]), "std": float(result.importances_std[i])}
        for i in order
    ]
