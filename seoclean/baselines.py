"""What seoclean's classifier is compared with, trained and run on the same data.

- ``KeywordDensityBaseline``: a Yoast-style rule. The density of a document's most repeated
  phrase (1-3 words, not starting or ending with a stop word) is its share of the words; a page is
  spam above a density picked on the train split (the F1-best one).
- ``GopherBaseline``: datatrove's ``GopherRepetitionFilter`` and ``GopherQualityFilter`` with
  their default (paper) thresholds; a page either rejects is spam. No training.
- ``TfidfBaseline``: TF-IDF of word 1-2-grams and logistic regression, fitted on the train split;
  its regularisation strength and threshold are picked on dev (F1-best).

All of them read the same plain text: the prose blocks of seoclean's loaded ``Document`` (visible
text for HTML, Markdown without markup), one paragraph per block. Thresholds are chosen for F1,
the metric they are compared on, which favours the baselines.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

import numpy as np

from seoclean.document import Document

_TOKEN = re.compile(r"[a-z0-9][a-z0-9'’-]*")


def plain_text(doc: Document) -> str:
    """The document's prose as plain text, one paragraph per block."""
    blocks = (doc.masked[doc.blocks[i].start : doc.blocks[i].end] for i in doc.prose_blocks)
    return "\n\n".join(" ".join(block.split()) for block in blocks)


def f1_best_threshold(y: np.ndarray, scores: np.ndarray) -> float:
    """The threshold among the observed scores with the highest F1 (the lowest one on ties)."""
    from sklearn.metrics import precision_recall_curve

    precision, recall, thresholds = precision_recall_curve(y, scores)
    f1 = 2 * precision * recall / np.maximum(precision + recall, 1e-12)
    return float(thresholds[int(np.argmax(f1[:-1]))])


class KeywordDensityBaseline:
    name = "Yoast-style keyword density"

    def __init__(self, max_words: int = 3) -> None:
        self.max_words = max_words
        self.threshold = 1.0

    def density(self, text: str) -> float:
        from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

        words = _TOKEN.findall(text.lower())
        best = 0.0
        for n in range(1, self.max_words + 1):
            grams = Counter(
                gram
                for gram in zip(*(words[i:] for i in range(n)))
                if gram[0] not in ENGLISH_STOP_WORDS and gram[-1] not in ENGLISH_STOP_WORDS
            )
            if grams:
                best = max(best, grams.most_common(1)[0][1] * n / len(words))
        return best

    def fit(self, texts: Sequence[str], y: np.ndarray, dev_texts=None, dev_y=None) -> KeywordDensityBaseline:
        self.threshold = f1_best_threshold(np.asarray(y), self.scores(texts))
        return self

    def scores(self, texts: Sequence[str]) -> np.ndarray:
        return np.array([self.density(text) for text in texts])

    def describe(self) -> str:
        return f"top phrase covers >= {self.threshold:.1%} of the words (picked on train)"


class GopherBaseline:
    name = "datatrove Gopher filters"
    threshold = 0.5

    def fit(self, texts=None, y=None, dev_texts=None, dev_y=None) -> GopherBaseline:
        return self

    def scores(self, texts: Sequence[str]) -> np.ndarray:
        try:
            from datatrove.data import Document as DatatroveDocument
            from datatrove.pipeline.filters import GopherQualityFilter, GopherRepetitionFilter
        except ImportError:  # a dev dependency
            raise ImportError("the Gopher baseline needs datatrove: pip install -e '.[dev]'") from None
        filters = (GopherRepetitionFilter(), GopherQualityFilter())
        rejected = []
        for i, text in enumerate(texts):
            document = DatatroveDocument(text=text, id=str(i))
            verdicts = (gopher.filter(document) for gopher in filters)
            rejected.append(any(v is False or (isinstance(v, tuple) and v[0] is False) for v in verdicts))
        return np.array(rejected, dtype=float)

    def describe(self) -> str:
        return "rejected by GopherRepetitionFilter or GopherQualityFilter (default thresholds)"


class TfidfBaseline:
    name = "TF-IDF + logistic regression"

    def __init__(self, strengths: Sequence[float] = (1.0, 10.0, 100.0)) -> None:
        self.strengths = strengths
        self.threshold = 0.5
        self.pipeline = None

    def fit(self, texts: Sequence[str], y: np.ndarray, dev_texts: Sequence[str], dev_y: np.ndarray) -> TfidfBaseline:
        from sklearn.metrics import average_precision_score

        best = -1.0
        for strength in self.strengths:
            pipeline = self._pipeline(strength).fit(texts, y)
            dev_scores = pipeline.predict_proba(dev_texts)[:, 1]
            quality = average_precision_score(dev_y, dev_scores)
            if quality > best:
                best, self.pipeline, self.C = quality, pipeline, strength
                self.threshold = f1_best_threshold(np.asarray(dev_y), dev_scores)
        return self

    def scores(self, texts: Sequence[str]) -> np.ndarray:
        return self.pipeline.predict_proba(list(texts))[:, 1]

    def describe(self) -> str:
        return f"word 1-2-grams, C={self.C:g} and threshold {self.threshold:.2f} picked on dev"

    @staticmethod
    def _pipeline(strength: float):
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression
        from sklearn.pipeline import Pipeline

        return Pipeline(
            [
                ("tfidf", TfidfVectorizer(sublinear_tf=True, ngram_range=(1, 2), min_df=2)),
                ("logistic", LogisticRegression(C=strength, max_iter=3000)),
            ]
        )


def all_baselines() -> list:
    return [KeywordDensityBaseline(), GopherBaseline(), TfidfBaseline()]
