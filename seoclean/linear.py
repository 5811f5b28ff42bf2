"""Logistic regression whose coefficients can be held to a sign.

scikit-learn's ``LogisticRegression`` has no bound on its coefficients; its gradient-boosting
models take ``monotonic_cst``. This is the linear counterpart, with the same parameter: ``+1``
keeps a feature's coefficient at or above zero (more of it never lowers the spam probability),
``-1`` at or below zero, ``0`` leaves it free. The loss is scikit-learn's L2-regularised logistic
loss (``C`` as there), minimised by L-BFGS-B with the signs as bounds.

Why the constraint matters: several spam measures (stuffed keyphrases, inserted phrases) also fire
on hard negatives of the training data, and an unconstrained linear model then gives them negative
weights, so a page stuffed far beyond anything in training scores as cleaner, not spammier.
"""

from __future__ import annotations

import numpy as np
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.utils.multiclass import check_classification_targets
from sklearn.utils.validation import check_is_fitted, validate_data


class SignedLogisticRegression(ClassifierMixin, BaseEstimator):
    """Binary L2-regularised logistic regression with optional sign constraints.

    Parameters
    ----------
    C : float
        Inverse regularisation strength, as in ``LogisticRegression``.
    monotonic_cst : array-like of {-1, 0, 1} or None
        One entry per feature: the sign its coefficient must keep (0: free). None: all free.
    max_iter : int
        L-BFGS-B iterations.
    tol : float
        Projected-gradient tolerance.
    """

    def __init__(self, C: float = 1.0, monotonic_cst=None, max_iter: int = 1000, tol: float = 1e-6) -> None:
        self.C = C
        self.monotonic_cst = monotonic_cst
        self.max_iter = max_iter
        self.tol = tol

    def fit(self, X, y) -> SignedLogisticRegression:
        from scipy.optimize import minimize

        X, y = validate_data(self, X, y, dtype=np.float64)
        check_classification_targets(y)
        self.classes_ = np.unique(y)
        if len(self.classes_) != 2:
            raise ValueError(f"Only binary classification is supported; got {len(self.classes_)} class(es)")
        target = (y == self.classes_[1]).astype(np.float64)
        result = minimize(
            _loss_and_gradient,
            np.zeros(X.shape[1] + 1),
            args=(X, target, 1.0 / self.C),
            jac=True,
            method="L-BFGS-B",
            bounds=self._bounds(X.shape[1]),
            options={"maxiter": self.max_iter, "gtol": self.tol},
        )
        self.coef_ = result.x[None, :-1].copy()
        self.intercept_ = result.x[-1:].copy()
        self.n_iter_ = np.array([result.nit])
        return self

    def decision_function(self, X) -> np.ndarray:
        check_is_fitted(self)
        X = validate_data(self, X, dtype=np.float64, reset=False)
        return X @ self.coef_[0] + self.intercept_[0]

    def predict_proba(self, X) -> np.ndarray:
        positive = 1.0 / (1.0 + np.exp(-self.decision_function(X)))
        return np.column_stack([1.0 - positive, positive])

    def predict(self, X) -> np.ndarray:
        check_is_fitted(self)
        return self.classes_[(self.decision_function(X) > 0).astype(int)]

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.classifier_tags.multi_class = False
        return tags

    def _bounds(self, n_features: int) -> list[tuple[float | None, float | None]]:
        signs = np.zeros(n_features) if self.monotonic_cst is None else np.asarray(self.monotonic_cst)
        if signs.shape != (n_features,) or not np.isin(signs, (-1, 0, 1)).all():
            raise ValueError(f"monotonic_cst must hold one of -1, 0, 1 per feature ({n_features} features)")
        bounds = [(0.0, None) if s > 0 else (None, 0.0) if s < 0 else (None, None) for s in signs]
        return bounds + [(None, None)]  # the intercept is free


def _loss_and_gradient(params: np.ndarray, X: np.ndarray, target: np.ndarray, alpha: float):
    """Summed logistic loss + alpha/2 |w|^2 (scikit-learn's objective divided by C), and its gradient."""
    weights, intercept = params[:-1], params[-1]
    z = X @ weights + intercept
    loss = np.logaddexp(0.0, z).sum() - target @ z + 0.5 * alpha * weights @ weights
    error = 1.0 / (1.0 + np.exp(-z)) - target
    gradient = np.append(X.T @ error + alpha * weights, error.sum())
    return loss, gradient
