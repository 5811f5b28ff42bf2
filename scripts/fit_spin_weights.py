#!/usr/bin/env python3
"""Fit the spin detector's substitution weights (``seoclean/data/spin_weights.json``) on the
dataset's train split.

Every slot ``substitutions.find_slots`` finds in a train row is an example: ``spun`` when
it overlaps a gold spin span, ``exact`` when it has the gold span's extent and its best synonym
is the gold original. Three logistic models (see ``spin_weights``): ``word`` from the slot alone;
then ``spun`` and ``exact`` from the slot plus the logit of the document's rate, the mean of
``word`` over its slots, taken out of fold (by source article) so that the rate seen in training
is as noisy as on new documents. Deterministic: same data and lexicon in, same file out.

    python scripts/fit_spin_weights.py            # fits on train, writes the JSON, prints a summary
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold
from spin_gold import SourceOffsets, overlapping, restores, spin_spans

from seoclean.corpus import load_dataset
from seoclean.detectors.spin_context import SpinContext
from seoclean.detectors.spin_weights import WEIGHTS_PATH, rate_logit
from seoclean.detectors.substitutions import FEATURES, find_slots
from seoclean.ingest import load_text
from seoclean.lexicon import get_lexicon

FOLDS = 5
REGULARISATION = 1.0  # sklearn's C: the features are few and the examples many


def slot_examples(split: str) -> dict[str, np.ndarray]:
    """Features, labels and row index of every slot in the split's rows."""
    lex, memo = get_lexicon(), {}
    features, spun, exact, rows, groups = [], [], [], [], []
    for row, example in enumerate(load_dataset(split)):
        doc = load_text(example.text, format=example.format)
        ctx = SpinContext(doc, lex, (), memo)
        gold, offsets = spin_spans(example), SourceOffsets(example, doc)
        slots = find_slots(ctx)
        for k in range(len(slots)):
            start, end = offsets.span(ctx.words[slots.first[k]].start, ctx.words[slots.last[k]].end)
            match = overlapping(gold, start, end)
            features.append(slots.features[k])
            spun.append(match is not None)
            exact.append(match is not None and restores(match, start, end, slots.original(k)))
            rows.append(row)
            groups.append(example.source_id)
    return {
        "X": np.array(features, dtype=float),
        "spun": np.array(spun),
        "exact": np.array(exact),
        "row": np.array(rows),
        "group": np.array(groups),
    }


def _fit(X: np.ndarray, y: np.ndarray) -> LogisticRegression:
    return LogisticRegression(C=REGULARISATION, max_iter=5000).fit(X, y)


def document_logits(rows: np.ndarray, first: np.ndarray) -> np.ndarray:
    """Each slot's document rate (mean first-stage probability over the row's slots), as a logit."""
    sums = np.bincount(rows, weights=first)
    counts = np.maximum(np.bincount(rows), 1)
    return np.array([rate_logit(rate) for rate in (sums / counts)[rows]])


def fit(data: dict[str, np.ndarray]) -> dict:
    X, spun = data["X"], data["spun"]
    out_of_fold = np.zeros(len(X))
    for train, held in GroupKFold(FOLDS).split(X, groups=data["group"]):
        out_of_fold[held] = _fit(X[train], spun[train]).predict_proba(X[held])[:, 1]
    word = _fit(X, spun)
    X2 = np.column_stack([X, document_logits(data["row"], out_of_fold)])
    models = {"word": word, "spun": _fit(X2, spun), "exact": _fit(X2, data["exact"])}
    weights: dict = {"features": list(FEATURES)}
    for name, model in models.items():
        weights[name] = {
            "coefficients": [round(float(c), 6) for c in model.coef_[0]],
            "intercept": round(float(model.intercept_[0]), 6),
        }
    return weights


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=WEIGHTS_PATH)
    args = parser.parse_args(argv)
    data = slot_examples("train")
    weights = fit(data)
    args.out.write_text(json.dumps(weights, indent=1) + "\n", encoding="utf-8")
    print(
        f"{len(data['X']):,} slots ({int(data['spun'].sum()):,} spun, {int(data['exact'].sum()):,} exact) "
        f"-> {args.out}"
    )
    for name in ("word", "spun", "exact"):
        terms = zip([*FEATURES, "rate_logit"], weights[name]["coefficients"])
        print(f"  {name}: " + ", ".join(f"{f} {c:+.2f}" for f, c in terms) + f"; intercept {weights[name]['intercept']:+.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
