"""Fixes as data: an ``Edit`` replaces one span of a text, and ``apply_edits`` is the one function
that applies a set of them (as sqlfluff's ``LintFix``: rules propose, one place applies).

Edits are resolved before they are applied, deterministically, whatever order they came in:
exact duplicates are dropped; of two overlapping edits the one that covers the other wins when it
is a deletion (deleting a paragraph makes a fix inside it moot), otherwise the higher priority wins,
then the wider, then the earlier. Survivors are applied right to left so that offsets stay valid.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``text[start:end]`` by ``replacement`` (``""`` deletes).

    ``rule`` is the rule code the edit comes from and ``reason`` says why, in words a reader of
    ``seoclean clean --explain`` understands. ``priority`` breaks overlaps: the rule's severity.
    """

    start: int
    end: int
    replacement: str
    rule: str
    reason: str
    priority: int = 0

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad edit span [{self.start}, {self.end})")

    @property
    def is_deletion(self) -> bool:
        return self.replacement == ""

    def overlaps(self, other: Edit) -> bool:
        """Whether the two edits touch the same characters (an insertion overlaps a span only
        strictly inside it; two insertions at one point do not overlap)."""
        if self.start == self.end or other.start == other.end:
            return self.start < other.end and other.start < self.end and self.start != other.start
        return self.start < other.end and other.start < self.end

    def covers(self, other: Edit) -> bool:
        return self.start <= other.start and other.end <= self.end

    def describe(self, text: str) -> str:
        """``'old' -> 'new'`` for explanations; long spans are shortened in the middle."""
        before = _shorten(text[self.start : self.end])
        after = _shorten(self.replacement)
        return f"{before!r} -> {after!r}" if self.replacement else f"delete {before!r}"


def resolve_edits(edits: Iterable[Edit]) -> list[Edit]:
    """The edits that will be applied, sorted by position, none overlapping another."""
    unique = sorted(set(edits), key=_strength)
    kept: list[Edit] = []
    for edit in unique:  # strongest first: an edit survives unless a stronger one overlaps it
        if not any(edit.overlaps(other) for other in kept):
            kept.append(edit)
    return sorted(kept, key=lambda e: (e.start, e.end, e.rule, e.replacement))


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """Apply ``edits`` to ``text`` (after ``resolve_edits``), right to left."""
    pieces: list[str] = []
    cursor = len(text)
    for edit in reversed(resolve_edits(edits)):
        if edit.end > len(text):
            raise ValueError(f"edit [{edit.start}, {edit.end}) is outside a text of {len(text)} characters")
        pieces.append(text[edit.end : cursor])
        pieces.append(edit.replacement)
        cursor = edit.start
    pieces.append(text[:cursor])
    return "".join(reversed(pieces))


def _strength(edit: Edit) -> tuple:
    """Sort key, strongest first: wide deletions, then priority, then width, then position."""
    width = edit.end - edit.start
    return (
        not edit.is_deletion,
        -width if edit.is_deletion else 0,
        -edit.priority,
        -width,
        edit.start,
        edit.rule,
        edit.replacement,
        edit.reason,
    )


def _shorten(text: str, limit: int = 60) -> str:
    text = text.replace("\n", "⏎")
    return text if len(text) <= limit else text[: limit // 2 - 1] + "…" + text[-(limit // 2 - 1) :]


__all__ = ["Edit", "apply_edits", "resolve_edits"]
