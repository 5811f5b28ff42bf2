"""The trained classifier's arithmetic in plain NumPy, for scoring at analysis time.

Importing scikit-learn takes most of a second (SciPy's statistics modules load with it), more than
analysing a page. The fitted pipeline is therefore exported, at training time, to these small
array-only objects; ``seoclean.training`` checks that they reproduce the pipeline's probabilities
before anything is saved, and the tests check it again on the shipped model. The scikit-learn
pipeline itself is stored beside them for evaluation and inspection (``SpamModel.pipeline``).

A model is an average of calibrated members (``CalibratedClassifierCV`` keeps one per
cross-validation fold): each member turns the feature row into a decision value (a linear model
or a sum of regression trees) and a sigmoid maps it to a probability.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np

_EPSILON = 1e-6


@dataclass(frozen=True)
class LinearDecision:
    """``StandardScaler`` then ``LogisticRegression``: ((x - mean) / scale) . coef + intercept."""

    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: float

    def decision(self, X: np.ndarray) -> np.ndarray:
        return ((X - self.mean) / self.scale) @ self.coef + self.intercept


@dataclass(frozen=True)
class TreesDecision:
    """``HistGradientBoostingClassifier``: baseline + the sum of every tree's leaf value.

    All trees' nodes are concatenated; ``roots`` holds each tree's first node, and ``left`` /
    ``right`` are already offset into the concatenated arrays. A leaf points to itself on both
    sides, so every row can take ``depth`` steps and end on its leaf. A numeric split sends a row
    left when ``x <= threshold``, and a missing value (NaN) the way the tree learned for it.
    """

    baseline: float
    depth: int
    roots: np.ndarray
    feature: np.ndarray
    threshold: np.ndarray
    missing_left: np.ndarray
    left: np.ndarray
    right: np.ndarray
    value: np.ndarray

    def decision(self, X: np.ndarray) -> np.ndarray:
        rows = np.repeat(np.arange(len(X)), len(self.roots))
        leaves = self._walk(X, rows, np.tile(self.roots, len(X)))
        return self.baseline + self.value[leaves].reshape(len(X), len(self.roots)).sum(axis=1)

    def decision_with_resets(self, x: np.ndarray, reference: np.ndarray, moved: np.ndarray) -> np.ndarray:
        """The decision for row ``x`` followed by, for each feature in ``moved``, the decision
        with that one feature set to its ``reference`` value."""
        groups = np.zeros(len(self.roots), dtype=np.intp)
        return self.baseline + self.leaf_sums_with_resets(x, reference, moved, groups, 1)[:, 0]

    def leaf_sums_with_resets(
        self, x: np.ndarray, reference: np.ndarray, moved: np.ndarray, group_of_tree: np.ndarray, n_groups: int
    ) -> np.ndarray:
        """Per group of trees, the sum of the leaf values for row ``x`` (row 0 of the result) and
        for ``x`` with one feature of ``moved`` set to its ``reference`` value (rows 1...). Only
        the trees that split on a feature can change their leaf, so only those are walked again
        (a small share of them)."""
        no_tree = np.empty(0, dtype=np.intp)
        trees = [self._trees_of_feature.get(int(f), no_tree) for f in moved]
        n_trees = len(self.roots)
        # One walk: row 0 (x itself) through every tree, row i+1 (x with moved[i] reset) through
        # the trees that split on moved[i].
        tree_index = np.concatenate([np.arange(n_trees), *trees])
        rows = np.repeat(np.arange(len(moved) + 1), [n_trees] + [len(t) for t in trees])
        X = np.tile(x, (len(moved) + 1, 1))
        X[np.arange(1, len(moved) + 1), moved] = reference[moved]
        leaves = self._walk(X, rows, self.roots[tree_index])
        base_leaves, variant_trees = leaves[:n_trees], tree_index[n_trees:]
        base = np.bincount(group_of_tree, weights=self.value[base_leaves], minlength=n_groups)
        delta = self.value[leaves[n_trees:]] - self.value[base_leaves[variant_trees]]
        cell = (rows[n_trees:] - 1) * n_groups + group_of_tree[variant_trees]
        changes = np.bincount(cell, weights=delta, minlength=len(moved) * n_groups).reshape(len(moved), n_groups)
        return np.vstack([base[None, :], base + changes])

    @staticmethod
    def joined(parts: list[TreesDecision]) -> TreesDecision:
        """All trees of ``parts`` in one forest (baseline 0), so that one walk serves them all."""
        sizes = np.cumsum([0] + [len(p.left) for p in parts[:-1]])
        return TreesDecision(
            baseline=0.0,
            depth=max(p.depth for p in parts),
            roots=np.concatenate([p.roots + off for p, off in zip(parts, sizes)]),
            feature=np.concatenate([p.feature for p in parts]),
            threshold=np.concatenate([p.threshold for p in parts]),
            missing_left=np.concatenate([p.missing_left for p in parts]),
            left=np.concatenate([p.left + off for p, off in zip(parts, sizes)]),
            right=np.concatenate([p.right + off for p, off in zip(parts, sizes)]),
            value=np.concatenate([p.value for p in parts]),
        )

    def _walk(self, X: np.ndarray, rows: np.ndarray, node: np.ndarray) -> np.ndarray:
        """The leaf reached from each ``node`` by row ``X[rows]`` (1-d arrays of one length).
        Each step moves only the entries not yet on a leaf: trees are uneven, and most paths
        end well before the deepest one."""
        node = node.copy()
        active = np.flatnonzero(self._internal[node])
        while len(active):
            at = node[active]
            x = X[rows[active], self.feature[at]]
            go_left = np.where(np.isnan(x), self.missing_left[at], x <= self.threshold[at])
            at = np.where(go_left, self.left[at], self.right[at])
            node[active] = at
            active = active[self._internal[at]]
        return node

    def split_points(self, n_features: int) -> list[np.ndarray]:
        """Per feature, the thresholds of the splits on it (leaves point to themselves)."""
        internal = self._internal
        features, thresholds = self.feature[internal], self.threshold[internal]
        return [thresholds[features == f] for f in range(n_features)]

    @cached_property
    def _internal(self) -> np.ndarray:
        return self.left != np.arange(len(self.left))

    @cached_property
    def _trees_of_feature(self) -> dict[int, np.ndarray]:
        """Per feature index, the positions (in ``roots``) of the trees that split on it."""
        tree_of_node = np.searchsorted(self.roots, np.arange(len(self.left)), side="right") - 1
        features, trees = self.feature[self._internal], tree_of_node[self._internal]
        return {int(f): np.unique(trees[features == f]) for f in np.unique(features)}


@dataclass(frozen=True)
class CalibratedMember:
    """One fold's classifier and its sigmoid (Platt) calibration: p = 1 / (1 + exp(a*d + b))."""

    decision: LinearDecision | TreesDecision
    a: float
    b: float

    def proba(self, X: np.ndarray) -> np.ndarray:
        return self._sigmoid(self.decision.decision(X))

    def proba_with_resets(self, x: np.ndarray, reference: np.ndarray, moved: np.ndarray) -> np.ndarray:
        """``proba`` of ``x`` and of each variant of it with one feature of ``moved`` reset."""
        if isinstance(self.decision, TreesDecision):
            return self._sigmoid(self.decision.decision_with_resets(x, reference, moved))
        variants = np.tile(x, (len(moved), 1))
        variants[np.arange(len(moved)), moved] = reference[moved]
        return self.proba(np.vstack([x[None, :], variants]))

    def _sigmoid(self, decision: np.ndarray) -> np.ndarray:
        return 1.0 / (1.0 + np.exp(self.a * decision + self.b))


@dataclass(frozen=True)
class Scorer:
    """Spam probability for feature rows, and which features moved it.

    ``reference`` holds each feature's median over the clean training documents: the "typical
    clean page" that contributions are measured against.
    """

    feature_names: tuple[str, ...]
    members: tuple[CalibratedMember, ...]
    reference: np.ndarray

    def predict_proba(self, X: np.ndarray) -> np.ndarray:
        X = np.asarray(X, dtype=float).reshape(-1, len(self.feature_names))
        return np.mean([member.proba(X) for member in self.members], axis=0)

    def explain(self, x: np.ndarray) -> tuple[float, np.ndarray]:
        """For one row: the spam probability, and how much each feature moves its log-odds,
        measured by setting the feature to its clean reference value and scoring again (exact
        for a linear model; for trees an honest one-at-a-time estimate that ignores
        interactions). Features already at their reference value contribute nothing; the row and
        the variants for the others are scored in one batch."""
        x = np.asarray(x, dtype=float)
        moved = np.array([f for f in np.flatnonzero(x != self.reference) if self._can_move(f, x[f])], dtype=np.intp)
        probabilities = self._proba_with_resets(x, moved)
        contributions = np.zeros(len(x))
        contributions[moved] = _logit(probabilities[0]) - _logit(probabilities[1:])
        return float(probabilities[0]), contributions

    def _proba_with_resets(self, x: np.ndarray, moved: np.ndarray) -> np.ndarray:
        """The probability of ``x`` and of each variant with one feature of ``moved`` reset."""
        if self._forest is None:
            return np.mean([m.proba_with_resets(x, self.reference, moved) for m in self.members], axis=0)
        forest, group_of_tree = self._forest
        sums = forest.leaf_sums_with_resets(x, self.reference, moved, group_of_tree, len(self.members))
        return np.mean([m._sigmoid(m.decision.baseline + sums[:, k]) for k, m in enumerate(self.members)], axis=0)

    @cached_property
    def _forest(self) -> tuple[TreesDecision, np.ndarray] | None:
        """Every member's trees as one forest, and the member of each tree; None when a member
        is linear. Walking the members' trees together costs one pass of array operations
        instead of one per member."""
        parts = [m.decision for m in self.members]
        if not all(isinstance(p, TreesDecision) for p in parts):
            return None
        group_of_tree = np.repeat(np.arange(len(parts)), [len(p.roots) for p in parts])
        return TreesDecision.joined(parts), group_of_tree

    def _can_move(self, feature: int, value: float) -> bool:
        """Whether setting ``feature`` from ``value`` to its reference can change any member's
        decision. A tree sends a row left when x <= threshold, so two values that have the same
        number of split thresholds below them follow the same path through every tree and score
        the same: their contribution is exactly zero and needs no scoring (most features of most
        pages sit in the reference's bin, and scoring the variants is the costly part)."""
        points = self._split_points[feature]
        reference = self.reference[feature]
        if points is None or np.isnan(value) or np.isnan(reference):
            return True
        return bool(np.searchsorted(points, value) != np.searchsorted(points, reference))

    @cached_property
    def _split_points(self) -> list[np.ndarray | None]:
        """Per feature, the sorted thresholds where some member's decision can change, or None
        when a linear member weighs the feature (any change can move it)."""
        n = len(self.feature_names)
        points: list[list[np.ndarray] | None] = [[] for _ in range(n)]
        for member in self.members:
            decision = member.decision
            if isinstance(decision, LinearDecision):
                for f in np.flatnonzero(decision.coef != 0):
                    points[f] = None
                continue
            for f, thresholds in enumerate(decision.split_points(n)):
                if points[f] is not None:
                    points[f].append(thresholds)
        return [None if p is None else np.unique(np.concatenate(p)) if p else np.empty(0) for p in points]


def _logit(p: np.ndarray | float) -> np.ndarray:
    p = np.clip(p, _EPSILON, 1 - _EPSILON)
    return np.log(p / (1 - p))


# -- export from fitted scikit-learn estimators (training time only) -----------------------------
def export_scorer(calibrated, feature_names: list[str], reference: np.ndarray) -> Scorer:
    """A ``Scorer`` equivalent to a fitted binary ``CalibratedClassifierCV`` with sigmoid
    calibration over a ``Pipeline(StandardScaler, LogisticRegression)`` or a
    ``HistGradientBoostingClassifier``."""
    members = []
    for pair in calibrated.calibrated_classifiers_:
        (calibrator,) = pair.calibrators
        members.append(CalibratedMember(_export_decision(pair.estimator), float(calibrator.a_), float(calibrator.b_)))
    return Scorer(tuple(feature_names), tuple(members), np.asarray(reference, dtype=float))


def _export_decision(estimator) -> LinearDecision | TreesDecision:
    from sklearn.ensemble import HistGradientBoostingClassifier
    from sklearn.pipeline import Pipeline

    if isinstance(estimator, Pipeline):
        scaler, linear = estimator.steps[0][1], estimator.steps[-1][1]
        return LinearDecision(
            scaler.mean_.copy(), scaler.scale_.copy(), linear.coef_[0].copy(), float(linear.intercept_[0])
        )
    if isinstance(estimator, HistGradientBoostingClassifier):
        return _export_trees(estimator)
    raise TypeError(f"no NumPy export for {type(estimator).__name__}")


def _export_trees(model) -> TreesDecision:
    if model.n_trees_per_iteration_ != 1 or model.is_categorical_ is not None:
        raise ValueError("only binary models with numeric features can be exported")
    nodes = [predictors[0].nodes for predictors in model._predictors]
    offsets = np.cumsum([0] + [len(n) for n in nodes[:-1]])
    joined = np.concatenate(nodes)
    shift = np.concatenate([np.full(len(n), offset) for n, offset in zip(nodes, offsets)])
    index = np.arange(len(joined))
    leaf = joined["is_leaf"].astype(bool)
    return TreesDecision(
        baseline=float(np.ravel(model._baseline_prediction)[0]),
        depth=int(joined["depth"].max()),
        roots=offsets.astype(np.intp),
        feature=joined["feature_idx"].astype(np.intp),
        threshold=joined["num_threshold"].astype(float),
        missing_left=joined["missing_go_to_left"].astype(bool),
        left=np.where(leaf, index, joined["left"] + shift).astype(np.intp),
        right=np.where(leaf, index, joined["right"] + shift).astype(np.intp),
        value=joined["value"].astype(float),
    )
