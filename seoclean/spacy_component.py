"""seoclean as a spaCy pipeline component: ``nlp.add_pipe("seoclean")``.

The factory is registered through the ``spacy_factories`` entry point in ``pyproject.toml``, so
spaCy finds it without ``import seoclean``. spaCy imports this module whenever *any* pipeline is
created in an environment where seoclean is installed, so it must stay cheap to import: the
analyser (detectors, lexicon, language identifier) is built on the component's first call.

What a processed ``Doc`` carries:

- ``doc.spans["seoclean"]``: one span per finding, ``label_`` = rule code (``SEO101``, ...);
- ``doc._.seoclean_findings``: the findings as plain dicts (``Finding.to_dict()``), offsets into
  ``doc.text``;
- ``doc._.seoclean_features``: the detector measures (the classifier's features);
- ``doc._.seoclean_score``: the spam probability, ``None`` until a classifier is attached;
- ``doc._.seoclean_status``: ``"ok"``, ``"unsupported-language"`` or ``"error"`` (empty or
  oversized text), so "no findings" can be told apart from "not analysed".
"""

from __future__ import annotations

import bisect
import logging
from collections.abc import Callable
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, SpanGroup

# Cheap: seoclean.ingest imports only the document model and the decoder, no detectors or data.
from seoclean.ingest.decode import DEFAULT_MAX_BYTES

logger = logging.getLogger(__name__)

DEFAULT_SPANS_KEY = "seoclean"

# Extension name -> default value. Defaults are immutable (None) so docs never share a list.
EXTENSIONS: dict[str, Any] = {
    "seoclean_findings": None,
    "seoclean_features": None,
    "seoclean_score": None,
    "seoclean_status": None,
}


def register_extensions() -> None:
    """Declare the ``doc._.seoclean_*`` attributes once; leave them alone if already declared
    (by an earlier component, or by a user who chose their own defaults)."""
    for name, default in EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


@Language.factory(
    "seoclean",
    default_config={
        "keyphrase": None,
        "detector_options": {},
        "max_bytes": DEFAULT_MAX_BYTES,
        "spans_key": DEFAULT_SPANS_KEY,
    },
)
def make_seoclean(
    nlp: Language,
    name: str,
    *,
    keyphrase: str | None = None,
    detector_options: dict[str, dict[str, Any]] | None = None,
    max_bytes: int | None = DEFAULT_MAX_BYTES,
    spans_key: str = DEFAULT_SPANS_KEY,
) -> SeocleanComponent:
    """Build the component. The settings are the ``Analyzer``'s, and live in the pipeline's
    config, so ``nlp.to_disk`` / ``spacy.load`` round-trip them without extra files."""
    return SeocleanComponent(
        name,
        keyphrase=keyphrase,
        detector_options=detector_options,
        max_bytes=max_bytes,
        spans_key=spans_key,
    )


class SeocleanComponent:
    """Analyses ``doc.text`` as plain text and records every finding on the ``Doc``."""

    def __init__(
        self,
        name: str = "seoclean",
        *,
        keyphrase: str | None = None,
        detector_options: dict[str, dict[str, Any]] | None = None,
        max_bytes: int | None = DEFAULT_MAX_BYTES,
        spans_key: str = DEFAULT_SPANS_KEY,
    ) -> None:
        self.name = name
        self.keyphrase = keyphrase
        self.detector_options = {key: dict(value) for key, value in (detector_options or {}).items()}
        self.max_bytes = max_bytes
        self.spans_key = spans_key
        self._analyzer = None  # built on first call: detectors and lexicon are expensive
        register_extensions()

    # -- pickling (nlp.pipe(n_process=...) under the "spawn" start method) ---------------------
    def __reduce__(self) -> tuple[Callable[..., SeocleanComponent], tuple]:
        # Rebuild from the settings: the worker re-registers the extensions in __init__ and builds
        # its own analyser lazily, instead of receiving a pickled lexicon.
        return _rebuild, (self.name, self.settings())

    def settings(self) -> dict[str, Any]:
        """The factory's keyword arguments, as stored in the pipeline config."""
        return {
            "keyphrase": self.keyphrase,
            "detector_options": self.detector_options,
            "max_bytes": self.max_bytes,
            "spans_key": self.spans_key,
        }

    # -- processing --------------------------------------------------------------------------
    @property
    def analyzer(self):
        """The component's one ``Analyzer``, built on first use and reused for every doc."""
        if self._analyzer is None:
            from seoclean.analysis import Analyzer

            self._analyzer = Analyzer(
                keyphrase=self.keyphrase, detector_options=self.detector_options, max_bytes=self.max_bytes
            )
        return self._analyzer

    def __call__(self, doc: Doc) -> Doc:
        report = self._analyze(doc.text)
        findings = [finding.to_dict() for finding in report.findings]
        if "\r\n" in doc.text:
            _restore_crlf_offsets(findings, doc.text)
        doc.spans[self.spans_key] = _span_group(doc, self.spans_key, findings)
        doc._.seoclean_findings = findings
        doc._.seoclean_features = dict(report.features)
        doc._.seoclean_score = report.score
        doc._.seoclean_status = report.status
        return doc

    def _analyze(self, text: str):
        """A ``Report`` for ``text`` read as plain text. Unlike ``Analyzer.analyze``, a one-line
        text that happens to name an existing file is analysed as text, never opened."""
        from seoclean.analysis import STATUS_ERROR, Report
        from seoclean.errors import InputError
        from seoclean.ingest import load_text
        from seoclean.ingest.decode import check_size

        analyzer = self.analyzer
        try:
            check_size(len(text.encode("utf-8", "surrogatepass")), self.max_bytes)
            document = load_text(text, format="text")
        except InputError as error:
            if text.strip():  # an empty doc is normal in a pipeline; anything else is worth a note
                logger.warning("seoclean did not analyse a doc: %s", error)
            return Report(path=None, status=STATUS_ERROR, error=str(error))
        return analyzer.analyze_document(document)


def _rebuild(name: str, settings: dict[str, Any]) -> SeocleanComponent:
    return SeocleanComponent(name, **settings)


def _span_group(doc: Doc, key: str, findings: list[dict[str, Any]]) -> SpanGroup:
    """One span per finding, expanded to whole tokens; findings that cover no token are skipped."""
    spans = []
    for finding in findings:
        span = doc.char_span(finding["start"], finding["end"], label=finding["rule"], alignment_mode="expand")
        if span is not None:
            spans.append(span)
    return SpanGroup(doc, name=key, spans=spans)


def _restore_crlf_offsets(findings: list[dict[str, Any]], text: str) -> None:
    """Map offsets back into ``text``: the loader turns each "\\r\\n" into "\\n", which shifts
    every later offset left by one character per line break."""
    # Where each collapsed line break sits in the normalised text; an offset moves right by the
    # number of collapsed breaks before it.
    breaks, removed, index = [], 0, text.find("\r\n")
    while index != -1:
        breaks.append(index - removed)
        removed += 1
        index = text.find("\r\n", index + 2)
    for finding in findings:
        finding["start"] += bisect.bisect_left(breaks, finding["start"])
        finding["end"] += bisect.bisect_left(breaks, finding["end"])
        finding["text"] = text[finding["start"] : finding["end"]]
