"""Train the spam classifier: compare candidates, calibrate, pick the threshold, save.

The recipe, and why:

- Features: the detectors' measures (``seoclean.features.DetectorFeatures``), nothing else.
- Candidates: logistic regression on standardised features and histogram gradient boosting, all
  fitted on the train split only, with and without monotonic constraints: a spam-evidence measure
  (findings, repetition, spin, off-topic passages) may only raise the probability (and the
  similarity of a page's least coherent paragraph to its article may only lower it). Only
  constrained candidates can be chosen. Some measures also fire on the hard negatives of the
  training data; unconstrained, a model learns negative weights for them and then calls a page
  stuffed far beyond anything in training cleaner than a mildly stuffed one. The unconstrained
  candidates are fitted anyway, to show what the constraint costs on dev.
- Calibration: sigmoid (Platt) scaling, cross-validated on the train split with folds grouped by
  source article (``CalibratedClassifierCV(cv=GroupKFold(5), ensemble=False)``, folds passed as
  index pairs; one classifier fitted on all of train, so a page is scored once, not once per fold). All
  rows made from one article share its words, so ungrouped folds would calibrate on near-copies
  of the training rows and come out overconfident. Calibrating on train keeps the dev split
  (about 900 rows) free for the two decisions that need held-out data: which candidate, and where the
  threshold goes. Sigmoid, not isotonic: a few hundred rows per fold are too few for isotonic.
- Threshold (``seoclean.threshold``): the lowest one at which the clean and hard-negative rows
  flagged show a clean flag rate of at most 1% with 95% confidence (Clopper-Pearson upper bound),
  counted over the dev negatives *and* the train negatives' out-of-fold scores (about 2,000 rows
  instead of dev's 378, whose rule rested on its single highest clean score), flagging at most 1%
  of the dev negatives (the issue's bound), and never below 0.5, so "spam" always means "more
  likely spam than not". The same 95% bound must also hold on the dev negatives alone, the only
  ones no fitting step saw: the threshold is the higher of the two rules. Precision first: a false accusation blocks a writer or costs a moderator
  more than a missed page. Each candidate's dev-only threshold is still shown in the comparison.
- Training rows: every train row but the clean ones whose keyword profile no honest page shows
  (``beyond_honest_range``): the page's top phrase at 4% or more of its words (Yoast's advice
  tops out at 3%) *and* in 60% or more of its paragraphs. They are synthetic articles written for
  the dataset that repeat their topic more than real writers do: none of the dataset's real
  documentation pages lies there, nor any of 627 unseen ones. Fitted on, they taught the model
  that a templated doorway page's profile is as often honest, and it let real doorway pages
  through. They stay in dev and test, so the threshold and every reported figure still count them.
- Choice: the monotone candidate with the highest dev average precision (PR-AUC): it rewards ranking spam
  above clean pages where precision is high, and unlike recall at the 1% threshold it does not
  hang on the two highest-scoring clean pages of dev.
- Test split: used once, after the choice, for the metrics stored with the model.
"""

from __future__ import annotations

import platform
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from seoclean.evaluation import evaluate_scores
from seoclean.featurecache import DEFAULT_CACHE_DIR, dataset_features
from seoclean.model import TRAIN_COMMAND, file_sha256, save_model
from seoclean.threshold import (
    CONFIDENCE,
    MAX_CLEAN_FLAG_RATE,
    MIN_THRESHOLD,
    bootstrap_spread,
    out_of_fold_scores,
    pick_threshold,
    pooled_threshold,
    shipped_threshold,
)

CALIBRATION_FOLDS = 5
# A clean row beyond both is left out of training (see the module docstring).
OVER_OPTIMISED_DENSITY = 4.0  # the top phrase's keyphrase density, % of words
OVER_OPTIMISED_PARAGRAPH_SHARE = 0.6  # share of paragraphs that hold it


@dataclass
class Split:
    rows: list[dict]
    X: np.ndarray

    @property
    def y(self) -> np.ndarray:
        return np.array([row["label"] for row in self.rows], dtype=int)

    @property
    def groups(self) -> np.ndarray:
        return np.array([row["source_id"] for row in self.rows])


# Measures that are evidence of spam: more of them must never lower the spam probability. The
# others (document shape, page furniture that clean pages have too) may push either way.
_EVIDENCE_DETECTORS = ("stuffing", "spin", "duplication", "coherence")
_EVIDENCE_BOILERPLATE = frozenset(
    {
        "boilerplate__boilerplate_line_frac",
        "boilerplate__boilerplate_char_frac",
        "boilerplate__cue_line_count",
        "boilerplate__cta_line_count",
        "page__praise_sentence_frac",  # praise that fits any post: comment spam's signature
        "comments__spam_comment_count",
        "comments__spam_comment_frac",  # (how many comments a page has is not)
        # Site chrome is no proof of spam, but no proof of a clean page either: only the real pages'
        # installed HTML brings real menus into the dataset, and all of it is clean, so without the
        # constraint the model learns that a menu vouches for whatever text sits beside it.
        "boilerplate__nav_line_frac",
        "boilerplate__link_density_mean",
        "boilerplate__non_main_char_frac",
    }
)


# Evidence measures that say "spam" the lower they are: the paragraph least like the rest of its
# article (a pasted passage shares almost nothing with it; 1.0 when a page has no paragraph to judge).
_DECREASING_EVIDENCE = frozenset({"coherence__min_core_similarity"})


def monotonic_constraints(names: list[str]) -> list[int]:
    """+1 for spam-evidence features, -1 for evidence that falls as spam rises, 0 for the rest
    (scikit-learn's ``monotonic_cst``)."""
    return [_constraint(name) for name in names]


def _constraint(name: str) -> int:
    if name in _DECREASING_EVIDENCE:
        return -1
    return int(name.split("__", 1)[0] in _EVIDENCE_DETECTORS or name in _EVIDENCE_BOILERPLATE)


@dataclass(frozen=True)
class Candidate:
    name: str
    base: Any
    monotone: bool  # only monotone candidates can be chosen; the others show what the constraint costs


def candidates(names: list[str], seed: int = 0) -> list[Candidate]:
    """The classifiers compared on dev: logistic regression and gradient boosting, each with and
    without monotonic constraints on the spam evidence."""
    from sklearn.ensemble import HistGradientBoostingClassifier
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import Pipeline
    from sklearn.preprocessing import StandardScaler

    from seoclean.linear import SignedLogisticRegression

    signs = monotonic_constraints(names)

    def scaled(model) -> Pipeline:
        return Pipeline([("scale", StandardScaler()), ("logistic", model)])

    def boosting(leaves: int, iterations: int, monotone: bool) -> HistGradientBoostingClassifier:
        return HistGradientBoostingClassifier(
            max_iter=iterations,
            learning_rate=0.1,
            max_leaf_nodes=leaves,
            min_samples_leaf=20,
            l2_regularization=1.0,
            early_stopping=False,
            random_state=seed,
            monotonic_cst=signs if monotone else None,
        )

    return [
        Candidate("logistic regression, C=1", scaled(LogisticRegression(C=1.0, max_iter=5000)), False),
        *(
            Candidate(
                f"logistic regression, monotone, C={c:g}",
                scaled(SignedLogisticRegression(C=c, monotonic_cst=signs)),
                True,
            )
            for c in (0.1, 1.0, 10.0)
        ),
        Candidate("gradient boosting, 7 leaves x 200", boosting(7, 200, False), False),
        Candidate("gradient boosting, monotone, 7 leaves x 200", boosting(7, 200, True), True),
        Candidate("gradient boosting, monotone, 15 leaves x 300", boosting(15, 300, True), True),
    ]


def fit_calibrated(base, split: Split):
    """Sigmoid calibration cross-validated on ``split``, folds grouped by source article."""
    from sklearn.calibration import CalibratedClassifierCV

    folds = calibration_folds(split)
    # ensemble=False: one classifier fitted on all of train, its sigmoid fitted on out-of-fold
    # predictions. The default keeps one classifier per fold and averages them, which costs five
    # times as much to score (and to explain) for every page analysed.
    calibrated = CalibratedClassifierCV(base, method="sigmoid", cv=folds, ensemble=False)
    return calibrated.fit(split.X, split.y)


def calibration_folds(split: Split) -> list:
    """Folds grouped by source article, as index pairs: scikit-learn does not route ``groups`` to
    the splitter when ensemble=False."""
    from sklearn.model_selection import GroupKFold

    return list(GroupKFold(CALIBRATION_FOLDS).split(split.X, split.y, groups=split.groups))


def chosen_threshold(calibrated, train_split: Split, dev: Split, dev_scores: np.ndarray) -> tuple[float, dict]:
    """The shipped threshold (``seoclean.threshold.shipped_threshold``: the bound over the dev
    negatives plus the train negatives' out-of-fold scores, and over the dev negatives alone) and,
    for the model card, how far each rule moves under bootstrap resampling."""
    oof = out_of_fold_scores(calibrated, train_split.X, train_split.y, calibration_folds(train_split))
    train_negatives = oof[train_split.y == 0]
    threshold = shipped_threshold(dev.y, dev_scores, train_negatives)
    study = {
        "shipped": {
            "threshold": threshold,
            "negatives": int((dev.y == 0).sum() + len(train_negatives)),
            "bootstrap": bootstrap_spread(shipped_threshold, [(dev.y, dev_scores), (train_negatives,)]),
        },
        "pooled": {
            "threshold": pooled_threshold(dev.y, dev_scores, train_negatives),
            "negatives": int((dev.y == 0).sum() + len(train_negatives)),
            "bootstrap": bootstrap_spread(pooled_threshold, [(dev.y, dev_scores), (train_negatives,)]),
        },
        "dev only": {
            "threshold": pick_threshold(dev.y, dev_scores),
            "negatives": int((dev.y == 0).sum()),
            "bootstrap": bootstrap_spread(pick_threshold, [(dev.y, dev_scores)]),
        },
        "train negatives out-of-fold flagged": float((train_negatives >= threshold).mean()),
    }
    return threshold, study


def dev_summary(y: np.ndarray, scores: np.ndarray) -> dict[str, float]:
    from sklearn.metrics import average_precision_score, brier_score_loss, log_loss, roc_auc_score

    threshold = pick_threshold(y, scores)
    flagged = scores >= threshold
    return {
        "threshold": threshold,
        "recall": float(flagged[y == 1].mean()),
        "clean_flag_rate": float(flagged[y == 0].mean()),
        "roc_auc": float(roc_auc_score(y, scores)),
        "average_precision": float(average_precision_score(y, scores)),
        "log_loss": float(log_loss(y, scores, labels=[0, 1])),
        "brier": float(brier_score_loss(y, scores)),
    }


def train(
    data_path: str | Path,
    out_path: str | Path,
    *,
    cache_dir: Path | None = DEFAULT_CACHE_DIR,
    n_jobs: int | None = 2,
    seed: int = 0,
    command: str = TRAIN_COMMAND,
    log: Callable[[str], None] = print,
) -> dict[str, Any]:
    """Train, choose, calibrate, threshold and save; return the metadata written."""
    started = time.perf_counter()
    features = dataset_features(data_path, cache_dir=cache_dir, n_jobs=n_jobs, log=log)
    extracted = time.perf_counter() - started
    names = features.names
    rows, X = readable_rows(features.rows, features.X, log=log)
    splits = {name: split_of(rows, X, name) for name in ("train", "dev", "test")}
    train_split, dev = fitted_rows(splits["train"], names, log=log), splits["dev"]

    fitted, comparison, chosen = compare_candidates(names, train_split, dev, seed=seed, log=log)
    threshold, threshold_study = chosen_threshold(
        fitted[chosen], train_split, dev, fitted[chosen].predict_proba(dev.X)[:, 1]
    )
    log(f"threshold {threshold:.4f} (dev-only rule: {threshold_study['dev only']['threshold']:.4f})")
    pipeline, scorer = _package(fitted[chosen], names, train_split)
    _check_export(scorer, fitted[chosen], [dev.X, splits["test"].X])
    metrics = {
        split: evaluate_scores(splits[split].rows, scorer.predict_proba(splits[split].X), threshold)
        for split in ("dev", "test")
    }
    metadata = {
        "classifier": chosen,
        "calibration": f"sigmoid, {CALIBRATION_FOLDS}-fold cross-validation on train grouped by source article",
        "threshold_rule": (
            f"lowest threshold >= {MIN_THRESHOLD} whose clean flag rate over the dev negatives and the train"
            f" negatives' out-of-fold scores is <= {MAX_CLEAN_FLAG_RATE:.0%} with {CONFIDENCE:.0%} confidence"
            f" (Clopper-Pearson upper bound), flagging at most {MAX_CLEAN_FLAG_RATE:.0%} of the dev negatives,"
            " and raised to the same bound over the dev negatives alone where that is higher"
        ),
        "threshold_study": threshold_study,
        "training": {
            "data": str(data_path),
            "data_sha256": file_sha256(data_path),
            "rows": {split: len(s.rows) for split, s in splits.items()},
            "rows_fitted": len(train_split.rows),
            "left_out": (
                f"{len(splits['train'].rows) - len(train_split.rows)} clean train rows beyond the honest range: top"
                f" phrase >= {OVER_OPTIMISED_DENSITY:g}% of the words and in >= {OVER_OPTIMISED_PARAGRAPH_SHARE:.0%}"
                " of the paragraphs"
            ),
            "command": command,
            "seconds": round(time.perf_counter() - started, 1),
            "feature_seconds": round(extracted, 1),
            "features_from_cache": features.from_cache,
            "machine": f"{platform.machine()}, {_cpu_count()} CPU(s)",
            "seed": seed,
        },
        "candidates": comparison,
        "metrics": metrics,
    }
    record = save_model(out_path, scorer=scorer, pipeline=pipeline, threshold=threshold, metadata=metadata)
    log(f"saved {out_path} ({record['bytes'] / 1e6:.2f} MB) in {metadata['training']['seconds']} s")
    return record


def compare_candidates(
    names: list[str], train_split: Split, dev: Split, *, seed: int, log: Callable[[str], None]
) -> tuple[dict[str, Any], dict[str, dict[str, Any]], str]:
    """Fit and calibrate every candidate on train, score it on dev, choose the best monotone one."""
    fitted, comparison = {}, {}
    for candidate in candidates(names, seed):
        name = candidate.name
        fitted[name] = fit_calibrated(candidate.base, train_split)
        summary = dev_summary(dev.y, fitted[name].predict_proba(dev.X)[:, 1])
        comparison[name] = {"monotone": candidate.monotone, **summary}
        log(f"candidate {name}: " + ", ".join(f"{k} {v:.4f}" for k, v in summary.items()))
    eligible = [name for name in comparison if comparison[name]["monotone"]]
    chosen = max(eligible, key=lambda n: (comparison[n]["average_precision"], comparison[n]["recall"]))
    log(f"chosen: {chosen} (threshold {comparison[chosen]['threshold']:.4f})")
    return fitted, comparison, chosen


def beyond_honest_range(split: Split, names: list[str]) -> np.ndarray:
    """Mask of the clean rows whose top phrase is both over-dense and in most paragraphs."""
    density = split.X[:, names.index("stuffing__top_phrase_density")]
    paragraph_share = split.X[:, names.index("page__top_phrase_paragraph_frac")]
    over_optimised = (density >= OVER_OPTIMISED_DENSITY) & (paragraph_share >= OVER_OPTIMISED_PARAGRAPH_SHARE)
    return over_optimised & (split.y == 0)


def fitted_rows(train_split: Split, names: list[str], log: Callable[[str], None] = print) -> Split:
    """The train rows the classifiers are fitted on: all but the clean ones beyond the honest range."""
    beyond = beyond_honest_range(train_split, names)
    log(
        f"training rows: {len(beyond) - beyond.sum()} of {len(beyond)} ({beyond.sum()} clean rows beyond the honest range)"
    )
    keep = np.flatnonzero(~beyond)
    return Split([train_split.rows[i] for i in keep], train_split.X[keep])


def readable_rows(
    rows: list[dict], X: np.ndarray, *, log: Callable[[str], None] = print
) -> tuple[list[dict], np.ndarray]:
    """The rows the analyzer could read. A row it refused (empty, not English) has NaN features
    (``DetectorFeatures``): it says nothing about spam, and no classifier here may be fitted on it."""
    readable = np.isfinite(X).all(axis=1)
    if not readable.all():
        refused = [row["id"] for row, ok in zip(rows, readable) if not ok]
        shown = ", ".join(refused[:5]) + (" ..." if len(refused) > 5 else "")
        log(f"left out {len(refused)} row(s) the analyzer could not read (empty or not English): {shown}")
    return [row for row, ok in zip(rows, readable) if ok], X[readable]


def split_of(rows: list[dict], X: np.ndarray, name: str) -> Split:
    index = [i for i, row in enumerate(rows) if row["split"] == name]
    return Split([rows[i] for i in index], X[index])


def _package(calibrated, names: list[str], train_split: Split):
    """The full scikit-learn pipeline (documents -> probability) and its NumPy export."""
    from sklearn.pipeline import Pipeline

    from seoclean.features import DetectorFeatures
    from seoclean.scoring import export_scorer

    features = DetectorFeatures().fit([])
    if list(features.get_feature_names_out()) != list(names):
        raise RuntimeError("the cached features do not match the detectors' measures; extract them again")
    pipeline = Pipeline([("features", features), ("classifier", calibrated)])
    reference = np.median(train_split.X[train_split.y == 0], axis=0)
    return pipeline, export_scorer(calibrated, names, reference)


def _check_export(scorer, calibrated, matrices: list[np.ndarray]) -> None:
    """The NumPy scorer must give the pipeline's probabilities, or nothing is saved."""
    for X in matrices:
        gap = np.abs(scorer.predict_proba(X) - calibrated.predict_proba(X)[:, 1]).max()
        if gap > 1e-9:
            raise RuntimeError(f"the exported scorer differs from the fitted classifier by {gap:.2e}")


def _cpu_count() -> int:
    import os

    return os.cpu_count() or 1
