"""Where the spam threshold goes, and how much it would move with other rows.

The issue's bound: at most 1% of the dev split's clean and hard-negative rows flagged. Dev has
about 380 such rows, so a rule read off dev alone rests on its single highest clean score: one row
more or less moved the threshold by 0.02-0.05 between retrainings, and the false alarms on unseen
real pages with it. ``pooled_threshold`` reads the same bound off more rows: the dev negatives plus
the out-of-fold scores of the train negatives (each scored by a model fitted without its source
article, the same folds the calibration uses), about 2,000 rows. The rate must stay at or below
1% with 95% confidence there (Clopper-Pearson), and the dev rows alone must still meet the
issue's 1%. ``shipped_threshold`` asks both: the pooled bound and the same 95% bound on the dev
negatives alone, whichever is higher. The train negatives' out-of-fold scores come from models
that saw the other folds' rows of the same genres and generator; the dev rows are the only
negatives no fitting step saw, so the bound must hold on them by themselves too. The cost is a
threshold that only goes up when dev's highest clean score does.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

MAX_CLEAN_FLAG_RATE = 0.01
CONFIDENCE = 0.95  # that the clean flag rate is at most MAX_CLEAN_FLAG_RATE
MIN_THRESHOLD = 0.5  # "spam" always means "more likely spam than not"
BOOTSTRAP_ROUNDS = 200


def pick_threshold(
    y: np.ndarray, scores: np.ndarray, max_clean_rate: float = MAX_CLEAN_FLAG_RATE, confidence: float = CONFIDENCE
) -> float:
    """The lowest threshold (>= 0.5) at which the clean rows flagged keep the clean flag rate at or
    below ``max_clean_rate`` with ``confidence``: the one-sided Clopper-Pearson upper bound of the
    rate, k flagged out of n, must not pass it. With the 378 clean rows of dev, k is 0: the bound
    is 0.79% for none flagged and 1.25% for one. The threshold sits halfway between the highest
    clean score it must stay above and the next score up, so a small shift in scores does not
    flip the rows at the boundary."""
    scores = np.asarray(scores, dtype=float)
    return _threshold_above(scores[np.asarray(y) == 0], scores, max_clean_rate, confidence)


def pooled_threshold(
    dev_y: np.ndarray,
    dev_scores: np.ndarray,
    train_negative_scores: np.ndarray,
    max_clean_rate: float = MAX_CLEAN_FLAG_RATE,
    confidence: float = CONFIDENCE,
) -> float:
    """``pick_threshold`` over the dev negatives and the train negatives' out-of-fold scores,
    raised if needed so that at most ``max_clean_rate`` of the dev negatives are flagged."""
    dev_scores = np.asarray(dev_scores, dtype=float)
    dev_negatives = dev_scores[np.asarray(dev_y) == 0]
    negatives = np.concatenate([dev_negatives, np.asarray(train_negative_scores, dtype=float)])
    threshold = _threshold_above(negatives, np.concatenate([dev_scores, negatives]), max_clean_rate, confidence)
    dev_allowed = int(np.floor(max_clean_rate * len(dev_negatives)))
    if dev_allowed < len(dev_negatives):
        dev_floor = np.sort(dev_negatives)[::-1][dev_allowed]
        threshold = max(threshold, float(np.nextafter(dev_floor, 1.0)))
    return float(threshold)


def shipped_threshold(dev_y: np.ndarray, dev_scores: np.ndarray, train_negative_scores: np.ndarray) -> float:
    """The higher of ``pooled_threshold`` and ``pick_threshold`` on dev alone (module docstring)."""
    return max(pooled_threshold(dev_y, dev_scores, train_negative_scores), pick_threshold(dev_y, dev_scores))


def bootstrap_spread(
    rule: Callable[..., float], arrays: list[tuple[np.ndarray, ...]], rounds: int = BOOTSTRAP_ROUNDS, seed: int = 0
) -> dict[str, float]:
    """The threshold's spread when the rows it is read from are resampled with replacement.

    ``arrays`` holds groups of row-aligned arrays (dev labels and scores; train negatives'
    scores); each group is resampled on its own and ``rule`` gets every array of every group."""
    rng = np.random.default_rng(seed)
    values = []
    for _ in range(rounds):
        resampled = []
        for group in arrays:
            index = rng.integers(0, len(group[0]), len(group[0]))
            resampled += [array[index] for array in group]
        values.append(rule(*resampled))
    values = np.array(values)
    return {
        "sd": float(values.std()),
        "p5": float(np.percentile(values, 5)),
        "p95": float(np.percentile(values, 95)),
    }


def out_of_fold_scores(calibrated, X: np.ndarray, y: np.ndarray, folds: list) -> np.ndarray:
    """Calibrated spam probabilities of the training rows, each from a copy of the classifier
    fitted without the row's fold (``calibrated``: a ``CalibratedClassifierCV`` fitted with
    ``ensemble=False`` on these rows and ``folds``, so its sigmoid maps these very scores)."""
    from sklearn.base import clone
    from sklearn.model_selection import cross_val_predict

    member = calibrated.calibrated_classifiers_[0]
    decision = cross_val_predict(clone(member.estimator), X, y, cv=folds, method="decision_function")
    return member.calibrators[0].predict(decision)


def _threshold_above(negatives: np.ndarray, scores: np.ndarray, max_rate: float, confidence: float) -> float:
    """Halfway between the highest negative score that must stay unflagged and the next score up."""
    clean = np.sort(negatives)[::-1]
    allowed = allowed_clean_flags(len(clean), max_rate, confidence)
    if allowed >= len(clean):
        return MIN_THRESHOLD
    floor = clean[allowed]
    above = scores[scores > floor]
    threshold = (floor + above.min()) / 2 if len(above) else np.nextafter(floor, 1.0)
    return float(max(threshold, MIN_THRESHOLD))


def allowed_clean_flags(n_clean: int, max_rate: float, confidence: float) -> int:
    """The most clean rows that may be flagged: the largest k whose Clopper-Pearson upper bound
    at ``confidence`` is at most ``max_rate`` (0 when even none flagged cannot show it)."""
    from scipy.stats import beta

    allowed = 0
    while allowed + 1 < n_clean and beta.ppf(confidence, allowed + 2, n_clean - allowed - 1) <= max_rate:
        allowed += 1
    return allowed
