"""Span ground truth and the one function that applies edits to a text while keeping it right.

A ``Span`` marks what a transformation changed: its offsets into the document, its kind and, for
spin, the original wording. Transformations never touch text directly: they return ``Edit``s
(start, end, replacement, the new spans inside the replacement), and ``apply_edits`` applies them
right to left, shifting every existing span. Several transformations can therefore be chained
and every span's ``text`` still equals ``document[start:end]``.

Leaf spans (a spun word, an inserted keyphrase, a boilerplate line) must not be edited inside;
container spans (a duplicated paragraph, a pasted foreign paragraph) may be, and grow or shrink.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

# Spans whose inside later transformations may edit (a copied paragraph may be spun afterwards).
CONTAINER_KINDS = frozenset({"duplicate", "mashup"})
SPAN_KINDS = frozenset({"spin", "keyword", "boilerplate", "duplicate", "mashup", "comment"})


@dataclass(slots=True)
class Span:
    """One changed region. ``original`` is the replaced wording (spin, template titles);
    ``detail`` says how (e.g. ``mid-sentence``, ``near-paragraph``); ``donor`` names the clean
    source a pasted paragraph came from."""

    start: int
    end: int
    kind: str
    text: str
    original: str | None = None
    detail: str | None = None
    donor: str | None = None

    def to_dict(self) -> dict[str, Any]:
        row: dict[str, Any] = {"start": self.start, "end": self.end, "kind": self.kind, "text": self.text}
        for key in ("original", "detail", "donor"):
            value = getattr(self, key)
            if value is not None:
                row[key] = value
        return row

    @classmethod
    def from_dict(cls, row: dict[str, Any]) -> Span:
        return cls(
            row["start"],
            row["end"],
            row["kind"],
            row["text"],
            row.get("original"),
            row.get("detail"),
            row.get("donor"),
        )

    def moved(self, delta: int) -> Span:
        return replace(self, start=self.start + delta, end=self.end + delta)


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``text[start:end]`` by ``replacement`` (``start == end`` inserts). ``spans`` are
    new spans with offsets relative to the start of ``replacement``."""

    start: int
    end: int
    replacement: str
    spans: tuple[Span, ...] = ()


def apply_edits(text: str, spans: Iterable[Span], edits: Iterable[Edit]) -> tuple[str, list[Span]]:
    """Apply non-overlapping edits; return the new text and all spans (old ones shifted, new ones
    placed), sorted by start. Insertions at the same offset keep their order in ``edits``."""
    ordered = sorted(edits, key=lambda edit: (edit.start, edit.end))
    _check_no_overlap(ordered)
    current = [replace(span) for span in spans]
    for edit in reversed(ordered):
        text, current = _apply_one(text, current, edit)
    for span in current:
        if span.kind in CONTAINER_KINDS:
            span.text = text[span.start : span.end]
    check_spans(text, current)
    return text, sorted(current, key=lambda span: (span.start, -span.end))


def _check_no_overlap(ordered: list[Edit]) -> None:
    for before, after in itertools.pairwise(ordered):
        if before.end > after.start:
            raise ValueError(f"edits overlap: {before.start}-{before.end} and {after.start}-{after.end}")


def _apply_one(text: str, spans: list[Span], edit: Edit) -> tuple[str, list[Span]]:
    start, end = edit.start, edit.end
    if not 0 <= start <= end <= len(text):
        raise ValueError(f"edit {start}-{end} outside a text of {len(text)} characters")
    delta = len(edit.replacement) - (end - start)
    for span in spans:
        if span.start >= end:  # after the edit (an insertion at a span's start goes before it)
            span.start += delta
            span.end += delta
        elif span.end <= start:
            continue
        elif span.kind in CONTAINER_KINDS and span.start <= start and end <= span.end:
            span.end += delta  # an edit inside a pasted or copied paragraph: the container grows
        else:
            raise ValueError(f"edit {start}-{end} cuts into a {span.kind} span {span.start}-{span.end}")
    new_spans = [span.moved(start) for span in edit.spans]
    return text[:start] + edit.replacement + text[end:], spans + new_spans


def check_spans(text: str, spans: Iterable[Span]) -> None:
    """Raise ``ValueError`` unless every span lies in the text and its ``text`` is the slice."""
    for span in spans:
        if span.kind not in SPAN_KINDS:
            raise ValueError(f"unknown span kind {span.kind!r}")
        if not 0 <= span.start <= span.end <= len(text) or text[span.start : span.end] != span.text:
            raise ValueError(f"{span.kind} span {span.start}-{span.end} does not match the text: {span.text!r}")
        if span.kind == "spin" and span.original is None:
            raise ValueError(f"spin span {span.start}-{span.end} has no original")


def spans_within(spans: Iterable[Span], start: int, end: int) -> list[Span]:
    """Copies of the spans lying inside ``[start, end)``, relative to ``start``: what a copied
    range carries along when a transformation duplicates it."""
    return [span.moved(-start) for span in spans if start <= span.start and span.end <= end]
