"""The logistic weights that turn substitution slots into probabilities, and the document's rate.

Three small logistic models over ``substitutions.FEATURES``, fitted on the dataset's train split
by ``scripts/fit_spin_weights.py`` and stored in ``seoclean/data/spin_weights.json``:

1. ``word``: is the slot a substitute, judged from the slot alone;
2. the document's substitution rate: the mean of (1) over its slots. Spinners replace a fixed
   share of the words, so in a spun page many slots look odd at once, while a writer's rare word
   stands alone;
3. ``spun`` and ``exact``: (1)'s features plus the rate's logit: the slot is a substitute, and its
   best synonym is exactly the word it replaced. ``exact`` is the confidence a finding reports.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from seoclean.detectors.substitutions import FEATURES, Slots

WEIGHTS_PATH = Path(__file__).resolve().parent.parent / "data" / "spin_weights.json"
RATE_FLOOR = 0.002  # keeps the rate's logit finite on documents with one or no slots


@dataclass(frozen=True)
class Logistic:
    coefficients: np.ndarray
    intercept: float

    def probability(self, features: np.ndarray) -> np.ndarray:
        """Row-wise probabilities for a (slots, features) matrix."""
        z = features @ self.coefficients + self.intercept
        return 1.0 / (1.0 + np.exp(-np.clip(z, -30.0, 30.0)))


@dataclass(frozen=True)
class SpinWeights:
    word: Logistic
    spun: Logistic
    exact: Logistic

    def score(self, slots: Slots) -> float:
        """Set the slots' ``spun`` and ``exact``; return the document's substitution rate."""
        if not len(slots):
            slots.spun = slots.exact = np.zeros(0)
            return 0.0
        rate = float(np.mean(self.word.probability(slots.features)))
        features = np.column_stack([slots.features, np.full(len(slots), rate_logit(rate))])
        slots.spun = self.spun.probability(features)
        slots.exact = self.exact.probability(features)
        return rate


def rate_logit(rate: float) -> float:
    rate = min(max(rate, RATE_FLOOR), 1 - RATE_FLOOR)
    return math.log(rate / (1 - rate))


@cache
def load_weights(path: Path = WEIGHTS_PATH) -> SpinWeights:
    """The fitted weights (read once per process); a clear error when they are missing or stale."""
    if not path.exists():
        raise FileNotFoundError(f"{path} is missing; refit it with `python scripts/fit_spin_weights.py`")
    data = json.loads(path.read_text(encoding="utf-8"))
    if tuple(data["features"]) != FEATURES:
        raise ValueError(f"{path} was fitted for other features; refit it with `python scripts/fit_spin_weights.py`")
    models = {
        name: Logistic(np.array(data[name]["coefficients"], dtype=float), float(data[name]["intercept"]))
        for name in ("word", "spun", "exact")
    }
    return SpinWeights(**models)
