"""``clean()``: a page or draft without its spam, and the edits that took the spam out.

    result = seoclean.clean("draft.md")
    result.text        # the cleaned draft
    result.edits       # Edit(start, end, replacement, rule, reason), offsets into result.baseline
    print(result.diff())

Plain text and Markdown are cleaned in place: everything the edits do not touch, including front
matter, code blocks and links, comes back byte for byte, and a text with nothing to clean comes
back identical. HTML is cleaned as its main content rendered to Markdown (or plain text): the
result is an article, not a page.

Cleaning runs plan-and-apply rounds until a round finds nothing more to do, so that
``clean(clean(x).text).text == clean(x).text``.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path

from seoclean.document import Document
from seoclean.errors import EmptyInputError
from seoclean.ingest import load_text, read_source
from seoclean.ingest.decode import DEFAULT_MAX_BYTES
from seoclean.rewrite.compose import compose_rounds
from seoclean.rewrite.edits import Edit, apply_edits
from seoclean.rewrite.planner import CleanPolicy, plan_edits
from seoclean.rewrite.render import render_main_content

MAX_ROUNDS = 4  # a round only deletes or restores; in practice the second finds nothing


@dataclass(frozen=True, slots=True)
class CleanResult:
    """The cleaned ``text`` and the ``edits`` that made it.

    ``original`` is the input as read. ``baseline`` is what the edits' offsets index: the original
    (newlines normalised) for text and Markdown, the rendered main content for HTML; so
    ``apply_edits(result.baseline, result.edits) == result.text`` (up to the original's line
    endings). ``format`` is the format of ``text``: ``"markdown"`` or ``"text"``.
    """

    text: str
    edits: tuple[Edit, ...]
    original: str
    format: str
    baseline: str = ""
    input_format: str = ""
    path: str | None = None
    status: str = "ok"

    @property
    def changed(self) -> bool:
        return bool(self.edits)

    def diff(self, context: int = 3) -> str:
        """A unified diff from the baseline to the cleaned text ("" when nothing changed)."""
        name = (self.path or "input").lstrip("/")
        lines = difflib.unified_diff(
            self.baseline.splitlines(keepends=True),
            self.text.replace("\r\n", "\n").splitlines(keepends=True),
            fromfile=f"a/{name}",
            tofile=f"b/{name}",
            n=context,
        )
        return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines)

    def explain(self) -> list[str]:
        """One line per edit: ``line:column RULE what -- why``."""
        from seoclean.document import LineIndex

        index = LineIndex(self.baseline)
        rows = []
        for edit in self.edits:
            removed = self.baseline[edit.start : edit.end]
            line, column = index.line_col(edit.start + len(removed) - len(removed.lstrip()))
            rows.append(f"{line}:{column} {edit.rule} {edit.describe(self.baseline)} -- {edit.reason}")
        return rows


def clean(
    text_or_path: str | bytes | Path,
    *,
    format: str | None = None,
    to: str | None = None,
    policy: CleanPolicy | None = None,
    analyzer=None,
    keyphrase: str | None = None,
    max_bytes: int | None = DEFAULT_MAX_BYTES,
) -> CleanResult:
    """Clean one page or draft: a path, raw bytes, or text (see the module docstring).

    ``to`` picks the output for HTML input (``"markdown"``, the default, or ``"text"``); text and
    Markdown stay in their format. ``policy`` says which findings become edits; ``analyzer``
    (an ``Analyzer``) lets a batch share detectors. Raises ``InputError`` for unreadable input.
    """
    original, path = read_source(text_or_path, max_bytes=max_bytes)
    doc = load_text(original, format=format, path=path)
    return clean_document(doc, original, to=to, policy=policy, analyzer=analyzer, keyphrase=keyphrase)


def clean_document(
    doc: Document,
    original: str,
    *,
    to: str | None = None,
    policy: CleanPolicy | None = None,
    analyzer=None,
    keyphrase: str | None = None,
) -> CleanResult:
    """``clean`` for an already loaded document; ``original`` is the text it was loaded from."""
    if analyzer is None:
        from seoclean.analysis import Analyzer

        analyzer = Analyzer(keyphrase=keyphrase, model=None)
    input_format = doc.format
    if input_format == "html":
        out_format = to or "markdown"
        baseline = render_main_content(doc, out_format)
        if not baseline.strip():
            return CleanResult(baseline, (), original, out_format, baseline, input_format, doc.path)
        doc = load_text(baseline, format=out_format, path=doc.path)
    else:
        if to is not None and to != input_format:
            raise ValueError(f"to={to!r} applies to HTML input only; {input_format} input stays {input_format}")
        out_format, baseline = input_format, doc.text
    rounds, text, status = _run_rounds(doc, analyzer, policy or CleanPolicy())
    edits = tuple(compose_rounds(rounds, text))
    if not edits and input_format != "html":
        text = original  # nothing to clean: give back exactly what came in
    elif "\r\n" in original and "\n" not in original.replace("\r\n", ""):
        text = text.replace("\n", "\r\n")  # keep Windows line endings
    return CleanResult(text, edits, original, out_format, baseline, input_format, doc.path, status)


def _run_rounds(doc: Document, analyzer, policy: CleanPolicy) -> tuple[list[list[Edit]], str, str]:
    rounds: list[list[Edit]] = []
    text = doc.text
    for _ in range(MAX_ROUNDS):
        report = analyzer.analyze_document(doc)
        if not report.ok:
            return rounds, text, report.status
        edits = plan_edits(doc, report.findings, policy)
        if not edits:
            break
        rounds.append(edits)
        text = apply_edits(text, edits)
        try:
            doc = load_text(text, format=doc.format, path=doc.path)
        except EmptyInputError:
            break  # everything was spam
    return rounds, text, "ok"


__all__ = ["CleanResult", "clean", "clean_document"]
