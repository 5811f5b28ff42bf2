"""Documents -> the named feature matrix, as a scikit-learn transformer.

The features are exactly the detectors' measures (``<detector>__<measure>``, see
``Analyzer.feature_names()``), so what the classifier weighs is what the findings report.
Extraction is the slow step (tens of thousands of words per second), which is why
``seoclean.training`` caches the matrices it extracts.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.utils.validation import check_is_fitted

from seoclean.document import Document
from seoclean.errors import InputError


class DetectorFeatures(TransformerMixin, BaseEstimator):
    """Run every detector over each document and return its measures as a float matrix.

    Documents may be raw text (format sniffed), ``seoclean.document.Document`` objects, mappings
    with ``text`` and optional ``format`` (dataset rows), or objects with ``text`` and ``format``
    attributes (``seoclean.corpus.Example``). A document that cannot be analysed (not English,
    empty) gets a row of NaN: there is nothing to measure, and zeros would read as "very clean".

    Parameters
    ----------
    keyphrase : str or None
        Target keyphrase for the keyphrase-density measures (as ``Analyzer(keyphrase=...)``).
    n_jobs : int or None
        Processes for ``transform``; each builds its own analyser once (``None`` = 1).
    """

    def __init__(self, keyphrase: str | None = None, n_jobs: int | None = None) -> None:
        self.keyphrase = keyphrase
        self.n_jobs = n_jobs

    def fit(self, X: Iterable[Any], y: Any = None) -> DetectorFeatures:
        """Record the feature names. Nothing is learned from the documents."""
        from seoclean.analysis import feature_names

        self.feature_names_out_ = np.asarray(feature_names(), dtype=object)
        return self

    def transform(self, X: Iterable[Any]) -> np.ndarray:
        check_is_fitted(self, "feature_names_out_")
        documents = list(X)
        self._check_names_unchanged()
        jobs = min(self.n_jobs or 1, max(1, len(documents) // 50))
        if jobs <= 1:
            return self._extract(documents)
        from joblib import Parallel, delayed

        chunks = np.array_split(np.arange(len(documents)), jobs)
        parts = Parallel(n_jobs=jobs)(delayed(self._extract)([documents[i] for i in chunk]) for chunk in chunks)
        return np.vstack(parts)

    def get_feature_names_out(self, input_features: Any = None) -> np.ndarray:
        check_is_fitted(self, "feature_names_out_")
        return self.feature_names_out_.copy()

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.input_tags.two_d_array = False  # documents, not a numeric array
        tags.input_tags.string = True
        tags.requires_fit = True
        return tags

    # -- pickling: the analyser (lexicon, language model) is rebuilt lazily, never stored -----
    def __getstate__(self) -> dict[str, Any]:
        state = super().__getstate__()
        state.pop("_analyzer_cache", None)
        return state

    # -- helpers ----------------------------------------------------------------------------
    def _analyzer(self):
        if getattr(self, "_analyzer_cache", None) is None:
            from seoclean.analysis import Analyzer

            self._analyzer_cache = Analyzer(keyphrase=self.keyphrase, model=None)
        return self._analyzer_cache

    def _check_names_unchanged(self) -> None:
        """Measures are read by name: new ones are ignored, but every fitted one must still exist."""
        missing = set(self.feature_names_out_) - set(self._analyzer().feature_names())
        if missing:
            raise RuntimeError(
                f"the detectors no longer measure {sorted(missing)}, which this transformer was fitted on; fit it again"
            )

    def _extract(self, documents: list[Any]) -> np.ndarray:
        analyzer = self._analyzer()
        names = list(self.feature_names_out_)
        rows = np.full((len(documents), len(names)), np.nan)
        for i, document in enumerate(documents):
            try:
                report = analyzer.analyze_document(as_document(document))
            except InputError:  # empty or undecodable: nothing to measure
                continue
            if report.ok:
                rows[i] = [report.features[name] for name in names]
        return rows


def as_document(item: Any) -> Document:
    """A ``Document`` from any of the inputs ``DetectorFeatures`` accepts."""
    from seoclean.ingest import load_text

    if isinstance(item, Document):
        return item
    if isinstance(item, str):
        return load_text(item)
    if isinstance(item, Mapping):
        return load_text(item["text"], format=item.get("format"))
    if hasattr(item, "text"):
        return load_text(item.text, format=getattr(item, "format", None))
    raise TypeError(f"cannot analyse a {type(item).__name__}: pass text, a Document or a mapping with 'text'")
