"""Orchestration: source -> Document -> detectors -> Report. No detector logic lives here."""

from __future__ import annotations

import importlib
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from seoclean.document import Document
from seoclean.errors import InputError
from seoclean.findings import Finding
from seoclean.ingest import load
from seoclean.ingest.decode import DEFAULT_MAX_BYTES
from seoclean.ingest.language import detect_language

logger = logging.getLogger(__name__)

# (detector name, module, class). Imported on first use so that `import seoclean` stays cheap.
DETECTORS = (
    ("stuffing", "seoclean.detectors.stuffing", "StuffingDetector"),
    ("spin", "seoclean.detectors.spin", "SpinDetector"),
    ("boilerplate", "seoclean.detectors.boilerplate", "BoilerplateDetector"),
    ("duplication", "seoclean.detectors.duplication", "DuplicationDetector"),
    ("coherence", "seoclean.detectors.coherence", "CoherenceDetector"),
    ("shape", "seoclean.detectors.shape", "ShapeDetector"),
    ("page", "seoclean.detectors.page", "PageDetector"),
    ("comments", "seoclean.detectors.comments", "CommentSpamDetector"),
)
STATUS_OK, STATUS_UNSUPPORTED, STATUS_ERROR = "ok", "unsupported-language", "error"
DEFAULT_MODEL = "default"  # Analyzer(model=...): the shipped classifier, loaded on first use


def feature_names() -> list[str]:
    """Every feature the detectors measure, ``<detector>__<measure>``, in a fixed order."""
    return [
        name for _, module, cls in DETECTORS for name in getattr(importlib.import_module(module), cls).feature_names()
    ]


@dataclass(slots=True)
class Report:
    """Everything seoclean says about one document."""

    path: str | None
    status: str = STATUS_OK
    format: str | None = None
    language: str | None = None
    words: int = 0
    findings: list[Finding] = field(default_factory=list)
    features: dict[str, float] = field(default_factory=dict)
    score: float | None = None  # spam probability, once a classifier is attached
    label: str | None = None  # "spam" / "ok", once a classifier is attached
    reasons: list[str] = field(default_factory=list)
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.status == STATUS_OK

    def to_dict(self, *, features: bool = False) -> dict[str, Any]:
        record: dict[str, Any] = {
            "path": self.path,
            "status": self.status,
            "format": self.format,
            "language": self.language,
            "words": self.words,
            "score": self.score,
            "label": self.label,
            "reasons": list(self.reasons),
            "findings": [f.to_dict() for f in self.findings],
            "error": self.error,
        }
        if features:
            record["features"] = dict(self.features)
        return record


class Analyzer:
    """Runs every detector over documents. Create one per run: detectors and the lexicon they use
    are built once and shared by all documents.

    ``detector_options`` passes keyword arguments to a detector by name, for example
    ``{"spin": {"allowlist": ["Acme"]}}``; ``keyphrase`` turns on the target-keyphrase checks.

    ``model`` is the classifier that sets each report's ``score``, ``label`` and ``reasons``:
    ``"default"`` (the shipped model, loaded on first use), a ``SpamModel`` from
    ``seoclean.load_model``, the path of a model file, or ``None`` for findings and features only.
    """

    def __init__(
        self,
        *,
        keyphrase: str | None = None,
        detector_options: dict[str, dict[str, Any]] | None = None,
        max_bytes: int | None = DEFAULT_MAX_BYTES,
        model: Any = DEFAULT_MODEL,
    ) -> None:
        self.keyphrase = keyphrase
        self.max_bytes = max_bytes
        self._model = model
        options = {name: dict(opts) for name, opts in (detector_options or {}).items()}
        unknown = set(options) - {name for name, _, _ in DETECTORS}
        if unknown:
            raise ValueError(f"unknown detector(s) {sorted(unknown)}; known: {[n for n, _, _ in DETECTORS]}")
        if keyphrase:
            options.setdefault("stuffing", {})["keyphrase"] = keyphrase
        self.detectors = [
            getattr(importlib.import_module(module), cls)(**options.get(name, {})) for name, module, cls in DETECTORS
        ]

    def feature_names(self) -> list[str]:
        return [name for detector in self.detectors for name in detector.feature_names()]

    @property
    def model(self):
        """The classifier, or None. The default model is loaded once, on first use."""
        if self._model is None or self._model is False:
            return None
        if isinstance(self._model, (str, Path)):  # "default", or the path of a model file (checked, not trusted)
            from seoclean.model import load_model

            self._model = load_model(None if self._model == DEFAULT_MODEL else self._model)
        return self._model

    def analyze_document(self, doc: Document) -> Report:
        report = Report(path=doc.path, format=doc.format)
        guess = detect_language(doc.text)
        report.language = guess.language
        if not guess.is_english:
            report.status = STATUS_UNSUPPORTED
            report.error = (
                f"unsupported language {guess.language!r} (confidence {guess.confidence:.2f}); "
                "seoclean analyses English text only"
            )
            return report
        report.words = doc.word_count
        for detector in self.detectors:
            result = detector.run(doc)
            report.findings.extend(result.findings)
            report.features.update({f"{detector.name}__{k}": float(v) for k, v in result.measures.items()})
        report.findings.sort(key=lambda f: (f.start, f.end, f.rule))
        if self.model is not None:
            report.score, report.label, report.reasons = self.model.verdict(report)
        return report

    def analyze(self, source: str | bytes | Path, *, format: str | None = None, path: str | None = None) -> Report:
        """Analyse one input. Bad input (empty, binary, too large, undecodable) becomes an error
        report rather than an exception, so a batch never stops on it."""
        try:
            doc = load(source, format=format, path=path, max_bytes=self.max_bytes)
        except InputError as error:
            return Report(path=path or _path_of(source), status=STATUS_ERROR, error=str(error))
        return self.analyze_document(doc)

    def analyze_many(self, sources: Iterable[str | bytes | Path], *, format: str | None = None) -> Iterator[Report]:
        """Analyse many inputs with shared resources; an unexpected failure on one input is
        logged and reported as that input's error, and the batch goes on. A classifier that cannot
        be loaded stops the batch before its first input (``ModelError``)."""
        _ = self.model
        for source in sources:
            try:
                yield self.analyze(source, format=format)
            except Exception as error:
                logger.exception("internal error while analysing %s", _path_of(source))
                yield Report(path=_path_of(source), status=STATUS_ERROR, error=f"internal error: {error!r}")


def _path_of(source: object) -> str | None:
    if isinstance(source, Path):
        return str(source)
    if isinstance(source, str) and "\n" not in source and len(source) < 4096:
        try:
            return source if Path(source).exists() else None
        except OSError:  # a long one-line text is "File name too long", not a path
            return None
    return None


def analyze(
    text_or_path: str | bytes | Path,
    *,
    format: str | None = None,
    keyphrase: str | None = None,
    model: Any = DEFAULT_MODEL,
) -> Report:
    """Analyse one page or draft: a path, raw bytes, or text. See ``Analyzer`` for batches and
    for ``model``."""
    return Analyzer(keyphrase=keyphrase, model=model).analyze(text_or_path, format=format)


def analyze_many(
    sources: Iterable[str | bytes | Path],
    *,
    format: str | None = None,
    keyphrase: str | None = None,
    model: Any = DEFAULT_MODEL,
) -> Iterator[Report]:
    """Analyse many inputs, sharing detectors, resources and the classifier across them."""
    return Analyzer(keyphrase=keyphrase, model=model).analyze_many(sources, format=format)
