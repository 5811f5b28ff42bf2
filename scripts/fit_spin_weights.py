#!/usr/bin/env python3
"""Fit the spin detector's substitution weights (``seoclean/data/spin_weights.json``) on the
dataset's train split.

Every slot ``substitutions.find_slots`` finds in a train row is an example: ``spun`` when
it overlaps a gold spin span, ``exact`` when it has the gold span's extent and its best synonym
is the gold original. The slots are taken as the detector scores them in the end: their likely
substitutes' neighbours read them as their originals (``SpinWeights.score_in_context``), which
needs a first fit on the slots as written. Per slot kind (single word, phrase), three logistic models (see
``spin_weights``): ``alone`` from the slot alone; then ``spun`` and ``exact`` from the slot plus
the logit of the document's rate, the mean of ``alone`` over all its slots, taken out of fold (by
source article) so that the rate seen in training is as noisy as on new documents. Last, the
``exact`` probabilities of the slots the detector would report on the dev split (``spun`` at 0.5
or more) are recalibrated (Platt scaling) so that a finding's confidence is the share of such
findings whose suggestion is the exact original. Deterministic: same data and lexicon in, same
file out.

    python scripts/fit_spin_weights.py            # fits on train, writes the JSON, prints a summary
    python scripts/fit_spin_weights.py --keep-substitute-models   # refit the exact models only
    python scripts/fit_spin_weights.py --rare-entries-only        # refit the rare_entry model only

The ``rare_entry`` model (``rare_entries``: words too rare for the frequency list, listed by the
thesaurus under a common word) is a plain logistic model of whether its suggestion is the exact
original, fitted on the train split's rare entries on pages above ``RARE_MIN_RATE``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold
from sklearn.preprocessing import StandardScaler
from spin_gold import SourceOffsets, overlapping, restores, spin_spans

from seoclean.corpus import DEFAULT_DATASET_PATH, load_dataset
from seoclean.detectors.rare_entries import RARE_MIN_RATE, rare_entries, rare_entry_features
from seoclean.detectors.spin_context import SpinContext
from seoclean.detectors.spin_weights import (
    KINDS,
    MODELS,
    WEIGHTS_PATH,
    SpinWeights,
    rate_logit,
    shrunk_rate,
    weights_from_dict,
    with_interactions,
)
from seoclean.detectors.substitution_hits import article_fix
from seoclean.detectors.substitutions import EXACT_ONLY, FEATURES, find_slots
from seoclean.ingest import load_text
from seoclean.lexicon import DATA_DIR, get_lexicon

FOLDS = 5
REGULARISATION = 1.0  # sklearn's C: the features are few and the examples many
REPORTED = 0.5  # the detector's default ``min_substitution``: calibration is for what it reports


def slot_examples(split: str, weights: SpinWeights | None = None) -> dict[str, np.ndarray]:
    """Features, labels and row index of every slot in the split's rows; with ``weights``, the
    slots as the detector sees them in the end (rescored with their likely substitutes' neighbours
    reading them as their originals)."""
    lex, memo = get_lexicon(), {}
    features, spun, exact, rows, groups = [], [], [], [], []
    for row, example in enumerate(load_dataset(split)):
        doc = load_text(example.text, format=example.format)
        ctx = SpinContext(doc, lex, (), memo)
        gold, offsets = spin_spans(example), SourceOffsets(example, doc)
        slots = find_slots(ctx)
        if weights is not None:
            slots, _ = weights.score_in_context(ctx, slots)
        for k in range(len(slots)):
            first, original = int(slots.first[k]), slots.original(k)
            article = article_fix(ctx, first, original)
            if article is not None:  # the finding takes in the article: "a write up" -> "an account"
                first, original = first - 1, f"{article} {original}"
            start, end = offsets.span(ctx.words[first].start, ctx.words[slots.last[k]].end)
            match = overlapping(gold, start, end)
            features.append(slots.features[k])
            spun.append(match is not None)
            exact.append(match is not None and restores(match, start, end, original))
            rows.append(row)
            groups.append(example.source_id)
    return {
        "X": np.array(features, dtype=float),
        "spun": np.array(spun),
        "exact": np.array(exact),
        "row": np.array(rows),
        "group": np.array(groups),
    }


def rare_entry_examples(split: str, weights: SpinWeights) -> tuple[np.ndarray, np.ndarray]:
    """Inputs and labels (the suggestion is exactly the gold original) of every rare entry the
    detector would weigh on the split's rows."""
    lex, memo = get_lexicon(), {}
    features, exact = [], []
    for example in load_dataset(split):
        doc = load_text(example.text, format=example.format)
        ctx = SpinContext(doc, lex, (), memo)
        _, rate = weights.score_in_context(ctx, find_slots(ctx))
        if rate < RARE_MIN_RATE:
            continue
        gold, offsets = spin_spans(example), SourceOffsets(example, doc)
        for i, originals in rare_entries(ctx):
            original, row = rare_entry_features(ctx, i, originals, rate)
            start, end = offsets.span(ctx.words[i].start, ctx.words[i].end)
            match = overlapping(gold, start, end)
            features.append(row)
            exact.append(match is not None and restores(match, start, end, original))
    return np.array(features, dtype=float), np.array(exact)


def fit_rare_entry(weights: dict) -> dict:
    """``weights`` with the ``rare_entry`` model fitted on the train split; prints its dev share."""
    fitted = weights_from_dict(weights)
    X, y = rare_entry_examples("train", fitted)
    model = _fit(X, y)
    weights["rare_entry"] = {
        "coefficients": [round(float(c), 6) for c in model.coef_[0]],
        "intercept": round(float(model.intercept_[0]), 6),
    }
    X_dev, y_dev = rare_entry_examples("dev", fitted)
    p = model.predict_proba(X_dev)[:, 1] if len(X_dev) else np.zeros(0)
    print(f"rare entries: {len(y):,} train ({int(y.sum()):,} exact), {len(y_dev):,} dev ({int(y_dev.sum()):,} exact)")
    for at in (0.5, 0.55, 0.6):
        chosen = p >= at
        print(f"  dev at confidence >= {at}: {int(y_dev[chosen].sum())}/{int(chosen.sum())} exact")
    return weights


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _fit(X: np.ndarray, y: np.ndarray) -> LogisticRegression:
    return LogisticRegression(C=REGULARISATION, max_iter=5000).fit(X, y)


def _fit_substitute(X: np.ndarray, y: np.ndarray) -> LogisticRegression:
    """``_fit`` with the EXACT_ONLY features left out (weight 0): is the slot a substitute at all."""
    used = np.array([name not in EXACT_ONLY for name in FEATURES] + [True] * (X.shape[1] - len(FEATURES)))
    model = _fit(X[:, used], y)
    coefficients = np.zeros((1, X.shape[1]))
    coefficients[0, used] = model.coef_[0]
    model.coef_, model.n_features_in_ = coefficients, X.shape[1]
    return model


def _fit_interactions(X: np.ndarray, y: np.ndarray) -> dict:
    """A logistic model over the features and their pairwise products, fitted on standardised
    columns (the products span many scales) with the scaling folded back into the weights."""
    expanded = with_interactions(X)
    scaler = StandardScaler().fit(expanded)
    scale = np.where(scaler.scale_ > 0, scaler.scale_, 1.0)
    model = LogisticRegression(C=REGULARISATION, max_iter=5000).fit((expanded - scaler.mean_) / scale, y)
    coefficients = model.coef_[0] / scale
    intercept = model.intercept_[0] - float(np.sum(coefficients * scaler.mean_))
    return {
        "coefficients": [round(float(c), 9) for c in coefficients],
        "intercept": round(float(intercept), 9),
        "interactions": True,
    }


def document_logits(rows: np.ndarray, first: np.ndarray) -> np.ndarray:
    """Each slot's document rate (first-stage probabilities over the row's slots, shrunk as the
    detector does), as a logit."""
    sums, counts = np.bincount(rows, weights=first), np.bincount(rows)
    logits = np.array([rate_logit(shrunk_rate(total, count)) for total, count in zip(sums, counts)])
    return logits[rows]


def _kinds(X: np.ndarray) -> dict[str, np.ndarray]:
    phrase = X[:, FEATURES.index("phrase")] == 1
    return {"word": ~phrase, "phrase": phrase}


def fit(data: dict[str, np.ndarray], exact_interactions: bool = True) -> dict:
    X, spun = data["X"], data["spun"]
    kinds = _kinds(X)
    out_of_fold = np.zeros(len(X))
    for train, held in GroupKFold(FOLDS).split(X, groups=data["group"]):
        for rows in kinds.values():
            fold_train, fold_held = train[rows[train]], held[rows[held]]
            model = _fit_substitute(X[fold_train], spun[fold_train])
            out_of_fold[fold_held] = model.predict_proba(X[fold_held])[:, 1]
    X2 = np.column_stack([X, document_logits(data["row"], out_of_fold)])
    weights: dict = {"features": list(FEATURES)}
    for kind in KINDS:
        rows = kinds[kind]
        models = {
            "alone": _fit_substitute(X[rows], spun[rows]),
            "spun": _fit_substitute(X2[rows], spun[rows]),
            "exact": _fit(X2[rows], data["exact"][rows]),
        }
        weights[kind] = {
            name: {
                "coefficients": [round(float(c), 6) for c in models[name].coef_[0]],
                "intercept": round(float(models[name].intercept_[0]), 6),
            }
            for name in MODELS
        }
        if exact_interactions:
            weights[kind]["exact"] = _fit_interactions(X2[rows], data["exact"][rows])
        weights[kind]["calibration"] = [1.0, 0.0]
    return weights


def calibrate(weights: dict, dev: dict[str, np.ndarray]) -> None:
    """Platt-scale each kind's ``exact`` on the dev slots the detector would report."""
    fitted = weights_from_dict(weights)
    X2, kinds = _with_document_rate(fitted, dev)
    for kind, rows in kinds.items():
        reported = rows & (fitted.models[(kind, "spun")].probability(X2) >= REPORTED)
        exact = fitted.models[(kind, "exact")].probability(X2[reported])
        logit = np.log(np.clip(exact, 1e-6, 1 - 1e-6) / np.clip(1 - exact, 1e-6, 1))
        platt = LogisticRegression(C=1e6, max_iter=5000).fit(logit[:, None], dev["exact"][reported])
        weights[kind]["calibration"] = [round(float(platt.coef_[0][0]), 6), round(float(platt.intercept_[0]), 6)]


def kept_substitute_models(path: Path) -> dict:
    """The ``alone`` and ``spun`` models of an existing weights file, with weight 0 for features
    it lacks (EXACT_ONLY features added since): refitting only ``exact`` keeps every finding, and
    so the false alarms on clean text and the classifier's measures, as they were."""
    data = json.loads(path.read_text(encoding="utf-8"))
    known = list(data["features"])
    weights: dict = {"features": list(FEATURES)}
    for kind in KINDS:
        weights[kind] = {}
        for name in ("alone", "spun"):
            old = data[kind][name]["coefficients"]
            new = [old[known.index(f)] if f in known else 0.0 for f in FEATURES] + old[len(known) :]
            weights[kind][name] = {"coefficients": new, "intercept": data[kind][name]["intercept"]}
        weights[kind]["exact"] = {"coefficients": [0.0] * (len(FEATURES) + 1), "intercept": 0.0}
        weights[kind]["calibration"] = [1.0, 0.0]
    return weights


def fit_exact(data: dict[str, np.ndarray], weights: dict) -> dict:
    """``weights`` with each kind's ``exact`` model fitted on ``data`` (the document rate from the
    kept ``alone`` model)."""
    X2, kinds = _with_document_rate(weights_from_dict(weights), data)
    for kind, rows in kinds.items():
        weights[kind]["exact"] = _fit_interactions(X2[rows], data["exact"][rows])
    return weights


def _with_document_rate(fitted, data: dict[str, np.ndarray]) -> tuple[np.ndarray, dict]:
    """The slot features plus the document's substitution rate by the fitted ``alone`` models,
    and the slot rows of each kind."""
    X, kinds = data["X"], _kinds(data["X"])
    alone = np.zeros(len(X))
    for kind, rows in kinds.items():
        alone[rows] = fitted.models[(kind, "alone")].probability(X[rows])
    return np.column_stack([X, document_logits(data["row"], alone)]), kinds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=WEIGHTS_PATH)
    parser.add_argument(
        "--keep-substitute-models",
        action="store_true",
        help="refit only the exact models, keeping alone/spun (and so every finding) from --out",
    )
    parser.add_argument(
        "--rare-entries-only",
        action="store_true",
        help="refit only the rare_entry model, keeping everything else in --out",
    )
    args = parser.parse_args(argv)
    if args.rare_entries_only:
        weights = fit_rare_entry(json.loads(args.out.read_text(encoding="utf-8")))
        args.out.write_text(json.dumps(weights, indent=1) + "\n", encoding="utf-8")
        return 0
    if args.keep_substitute_models:
        kept = kept_substitute_models(args.out)
        data = slot_examples("train", weights_from_dict(kept))
        weights = fit_exact(data, kept)
    else:
        # The detector reads likely substitutes as their originals when it scores their neighbours,
        # which needs weights: fit once on the slots as written, then on the slots rescored that way.
        first = fit(slot_examples("train"), exact_interactions=False)  # rescoring needs ``spun`` only
        data = slot_examples("train", weights_from_dict(first))
        weights = fit(data)
    calibrate(weights, slot_examples("dev", weights_from_dict(weights)))
    fit_rare_entry(weights)
    weights["provenance"] = {
        "command": "python scripts/fit_spin_weights.py",
        "dataset": f"{DEFAULT_DATASET_PATH.name} (sha256 {_sha256(DEFAULT_DATASET_PATH)[:16]})",
        "fitted_on": "train split",
        "calibrated_on": "dev split",
        "thesaurus": f"seoclean/data/thesaurus.tsv.gz (sha256 {_sha256(DATA_DIR / 'thesaurus.tsv.gz')[:16]})",
    }
    args.out.write_text(json.dumps(weights, indent=1) + "\n", encoding="utf-8")
    print(
        f"{len(data['X']):,} slots ({int(data['spun'].sum()):,} spun, {int(data['exact'].sum()):,} exact) -> {args.out}"
    )
    for kind in KINDS:
        for name in MODELS:
            model = weights[kind][name]
            if model.get("interactions"):
                print(f"  {kind} {name}: {len(model['coefficients'])} weights (features and their products)")
                continue
            terms = ", ".join(f"{f} {c:+.2f}" for f, c in zip([*FEATURES, "rate_logit"], model["coefficients"]))
            print(f"  {kind} {name}: {terms}; intercept {model['intercept']:+.2f}")
        print(f"  {kind} calibration: {weights[kind]['calibration']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
