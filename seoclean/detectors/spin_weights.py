"""The logistic weights that turn substitution slots into probabilities, and the document's rate.

Small logistic models over ``substitutions.FEATURES``, fitted on the dataset's train split by
``scripts/fit_spin_weights.py`` and stored in ``seoclean/data/spin_weights.json``, one set for
single-word slots and one for phrase slots (a phrase's evidence weighs differently):

1. ``alone``: is the slot a substitute, judged from the slot alone;
2. the document's substitution rate: the mean of (1) over all its slots, shrunk towards the rate
   of clean text when the slots are few. Spinners replace a fixed share of the words, so in a
   spun page many slots look odd at once, while a writer's rare word stands alone;
3. ``spun`` and ``exact``: (1)'s features plus the rate's logit: the slot is a substitute, and its
   best synonym is exactly the wording it replaced. ``exact`` also weighs every pairwise product
   of those inputs (``interactions``), which ranks the suggestions better: with it the cleaner
   restores 15.7% of the dev split's spun words exactly instead of 12.8%, at the same 76%
   precision. It is then recalibrated on the dev split (``calibration``: Platt scaling of its
   logit) and is the confidence a finding reports.

``rare_entry`` is the confidence model of ``rare_entries`` (words too rare for the frequency list).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path

import numpy as np

from seoclean.detectors.spin_context import SpinContext
from seoclean.detectors.substitutions import FEATURES, Slots, rescored

WEIGHTS_PATH = Path(__file__).resolve().parent.parent / "data" / "spin_weights.json"
RATE_FLOOR = 0.002  # keeps the rate's logit finite
# A short text has too few slots to show a rate: its rate is shrunk towards that of clean text
# (the mean ``alone`` probability on the dataset's clean rows is about 0.09) as if it had
# PRIOR_SLOTS more slots at that rate.
PRIOR_RATE = 0.09
PRIOR_SLOTS = 80.0
RESTORE_AT = 0.5  # a slot this likely a substitute is read as its original by its neighbours
KINDS = ("word", "phrase")
MODELS = ("alone", "spun", "exact")


@dataclass(frozen=True)
class Logistic:
    """A logistic model; with ``interactions``, over the features and all their pairwise products
    (``with_interactions``): whether a slot's best synonym is the exact original depends on
    combinations (a large likelihood ratio means more in a clearly spun page, a rare word's
    share of the candidates more than a common word's)."""

    coefficients: np.ndarray
    intercept: float
    interactions: bool = False

    def probability(self, features: np.ndarray) -> np.ndarray:
        """Row-wise probabilities for a (slots, features) matrix."""
        if self.interactions:
            # The products' weights as an upper-triangular matrix: x·w + xᵀQx without building
            # the (slots, features²/2) matrix of products. einsum, not a matrix product: BLAS
            # would start threads that cost more CPU time than this small product saves.
            linear, products = self._split
            z = features @ linear + np.einsum("ij,jk,ik->i", features, products, features) + self.intercept
        else:
            z = features @ self.coefficients + self.intercept
        return 1.0 / (1.0 + np.exp(-np.clip(z, -30.0, 30.0)))

    @cached_property
    def _split(self) -> tuple[np.ndarray, np.ndarray]:
        count = int((math.isqrt(8 * len(self.coefficients) + 9) - 3) // 2)  # n + n(n+1)/2 weights
        products = np.zeros((count, count))
        products[np.triu_indices(count)] = self.coefficients[count:]
        return self.coefficients[:count], products


def with_interactions(features: np.ndarray) -> np.ndarray:
    """The features followed by the products of every pair of them (squares included), in the
    order ``Logistic`` reads their weights."""
    first, second = np.triu_indices(features.shape[1])
    return np.column_stack([features, features[:, first] * features[:, second]])


@dataclass(frozen=True)
class SpinWeights:
    models: dict[tuple[str, str], Logistic]  # (kind, model) -> weights
    calibration: dict[str, Logistic]  # kind -> Platt scaling of the exact model's logit
    # Confidence of a rare thesaurus entry's suggestion (``rare_entries``); None in weights fitted
    # before it existed, which turns those findings off.
    rare_entry: Logistic | None = None

    def score_in_context(self, ctx: SpinContext, slots: Slots) -> tuple[Slots, float]:
        """Score the slots, then again with the likely substitutes read as their originals by
        their neighbours (``substitutions.rescored``); the second scoring and its rate."""
        rate = self.score(slots, exact=False)
        likely = slots.spun >= RESTORE_AT
        if likely.any():
            slots = rescored(ctx, slots, likely)
            rate = self.score(slots, exact=False)
        self.set_exact(slots, rate)  # only the final scoring's suggestions are reported
        return slots, rate

    def score(self, slots: Slots, exact: bool = True) -> float:
        """Set the slots' ``alone``, ``spun`` and (unless ``exact`` is False: left at 0) ``exact``;
        return the document's substitution rate."""
        slots.spun, slots.exact = np.zeros(len(slots)), np.zeros(len(slots))
        slots.alone = alone = np.zeros(len(slots))
        if not len(slots):
            return 0.0
        for kind, rows in _kinds(slots):
            alone[rows] = self.models[(kind, "alone")].probability(slots.features[rows])
        rate = shrunk_rate(float(np.sum(alone)), len(alone))
        features = _with_rate(slots, rate)
        for kind, rows in _kinds(slots):
            slots.spun[rows] = self.models[(kind, "spun")].probability(features[rows])
        if exact:
            self.set_exact(slots, rate)
        return rate

    def set_exact(self, slots: Slots, rate: float) -> None:
        """Set the slots' ``exact``: the calibrated probability that the best synonym is exactly
        the replaced wording, in a document with this substitution rate."""
        slots.exact = np.zeros(len(slots))
        features = _with_rate(slots, rate)
        for kind, rows in _kinds(slots):
            exact = self.models[(kind, "exact")].probability(features[rows])
            logit = np.log(np.clip(exact, 1e-9, 1.0) / np.clip(1.0 - exact, 1e-9, 1.0))
            slots.exact[rows] = self.calibration[kind].probability(logit[:, None])


def _kinds(slots: Slots) -> list[tuple[str, np.ndarray]]:
    """(kind, its slots) for the kinds the document has: a kind without slots needs no scoring."""
    found = zip(KINDS, [slots.last == slots.first, slots.last > slots.first])
    return [(kind, rows) for kind, rows in found if rows.any()]


def _with_rate(slots: Slots, rate: float) -> np.ndarray:
    return np.column_stack([slots.features, np.full(len(slots), rate_logit(rate))])


def shrunk_rate(total: float, count: int) -> float:
    """The mean of ``count`` probabilities summing to ``total``, shrunk towards PRIOR_RATE."""
    return (total + PRIOR_RATE * PRIOR_SLOTS) / (count + PRIOR_SLOTS)


def rate_logit(rate: float) -> float:
    rate = min(max(rate, RATE_FLOOR), 1 - RATE_FLOOR)
    return math.log(rate / (1 - rate))


@cache
def load_weights(path: Path = WEIGHTS_PATH) -> SpinWeights:
    """The fitted weights (read once per process); a clear error when they are missing or stale."""
    if not path.exists():
        raise FileNotFoundError(f"{path} is missing; {_REFIT}")
    return weights_from_dict(json.loads(path.read_text(encoding="utf-8")), path)


def weights_from_dict(data: dict, path: Path | str = "the weights") -> SpinWeights:
    if tuple(data["features"]) != FEATURES:
        raise ValueError(f"{path} were fitted for other features; {_REFIT}")
    models = {
        (kind, model): Logistic(
            np.array(data[kind][model]["coefficients"], dtype=float),
            float(data[kind][model]["intercept"]),
            bool(data[kind][model].get("interactions", False)),
        )
        for kind in KINDS
        for model in MODELS
    }
    calibration = {
        kind: Logistic(np.array(data[kind]["calibration"][:1]), data[kind]["calibration"][1]) for kind in KINDS
    }
    rare = data.get("rare_entry")
    rare_entry = Logistic(np.array(rare["coefficients"], dtype=float), float(rare["intercept"])) if rare else None
    return SpinWeights(models, calibration, rare_entry)


_REFIT = "refit them with `python scripts/fit_spin_weights.py`"
