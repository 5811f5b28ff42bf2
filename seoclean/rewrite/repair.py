"""Leave the text well formed around a deletion.

A finding's span covers the spam itself ("cheap plumber london"); deleting exactly that would leave
double spaces, a space before a full stop, an orphan comma, an empty list item or heading, a run of
blank lines, or a sentence that now starts in lower case. ``widen_deletion`` turns a span into the
deletion that avoids all of those, and ``absorb_blank_lines`` keeps one blank line between the
blocks that remain. Both return plain offsets or edits: the repair is part of the edit, so
``apply_edits(original, edits)`` alone reproduces the cleaned text.
"""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import pairwise

from seoclean.rewrite.edits import Edit

_LIST_MARKER_RE = re.compile(r"^[ \t]*(?:[-*+•][ \t]+|\d{1,3}[.)][ \t]+|#{1,6}[ \t]+|>[ \t]*)*")
# What may be left of a line once its content is deleted: markers, separators, emphasis, stops.
_RESIDUE_RE = re.compile(r"^[\s#>*_~|/·•,;:.!?\-–—+]*$")
# A separator that joined the deleted text to the rest of its line ("Title | keyphrase").
_TRAILING_JOINER_RE = re.compile(r"[ \t]*(?:[|·•/,:;]|[ \t][-–—])[ \t]*$")
_EMPHASIS = ("**", "__", "*", "_")
_OPENERS, _CLOSERS = "([“‘\"'", ")]”’\"'"
_SENTENCE_END = ".!?"


def line_bounds(text: str, offset: int) -> tuple[int, int]:
    """Start and end (before the newline) of the line holding ``offset``."""
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return start, len(text) if end < 0 else end


def widen_deletion(text: str, start: int, end: int) -> tuple[int, int, str]:
    """The (start, end, replacement) that deletes ``text[start:end]`` and repairs around it."""
    line_start, line_end = line_bounds(text, start)
    if end <= line_end and _only_residue(text[line_start:start] + text[end:line_end]):
        return _whole_lines(text, line_start, line_end)
    if end > line_end:  # the span crosses lines: it is a block of its own
        _, last_end = line_bounds(text, end - 1 if text[end - 1] == "\n" else end)
        return _whole_lines(text, line_start, last_end)
    start, end = _unwrap(text, start, end)
    return _inline(text, start, end, line_start, line_end)


def _only_residue(rest: str) -> bool:
    return bool(_RESIDUE_RE.match(_LIST_MARKER_RE.sub("", rest, count=1)))


def _whole_lines(text: str, line_start: int, line_end: int) -> tuple[int, int, str]:
    """Delete whole lines with their newline (a last line without one: up to the end)."""
    return line_start, min(line_end + 1, len(text)), ""


def _unwrap(text: str, start: int, end: int) -> tuple[int, int]:
    """Take in emphasis markers or brackets that wrap exactly the deleted text ("**kw**", "(kw)")."""
    changed = True
    while changed:
        changed = False
        for marker in _EMPHASIS:
            size = len(marker)
            if text[start - size : start] == marker and text[end : end + size] == marker:
                start, end, changed = start - size, end + size, True
                break
        if not changed and 0 < start and end < len(text):
            opener, closer = text[start - 1], text[end]
            if opener in _OPENERS and closer in _CLOSERS and _OPENERS.index(opener) == _CLOSERS.index(closer):
                start, end, changed = start - 1, end + 1, True
    return start, end


def _inline(text: str, start: int, end: int, line_start: int, line_end: int) -> tuple[int, int, str]:
    """A deletion inside a line: take one space with it and mend the punctuation."""
    if end == line_end or text[end:line_end].strip() == "":
        joiner = _TRAILING_JOINER_RE.search(text, line_start, start)
        start = joiner.start() if joiner else _skip_spaces_back(text, start, line_start)
        return start, line_end, ""
    before = text[line_start:start].rstrip(" \t")
    left = before[-1:] if before else ""
    right = text[end]
    starts_sentence = not _LIST_MARKER_RE.sub("", before, count=1) or left in _SENTENCE_END
    if right in " \t":
        if text[end + 1 : end + 2] in tuple(",;:") and left in ",;:":
            end += 2  # "a, kw, b": drop one of the two commas
        elif starts_sentence:
            end = _skip_spaces(text, end, line_end)
        else:
            start = _skip_spaces_back(text, start, line_start)
    elif right in ",;:.!?)":
        start = _skip_spaces_back(text, start, line_start)
        if right in ",;:" and starts_sentence:
            end = _skip_spaces(text, end + 1, line_end)  # no clause left before the comma
        elif right in ",;:" and left in ",;:":
            end += 1  # "a, kw, b": one of the two commas goes
        elif right in _SENTENCE_END and left in _SENTENCE_END:
            end += 1  # "done. Kw. Next" -> "done. Next"
        elif right in ".!?" and left in ",;:":
            start -= 1  # "a, kw." -> "a."
    if starts_sentence and text[start:end][:1].isupper():
        return _capitalise_next(text, start, end, line_end)
    return start, end, ""


def _capitalise_next(text: str, start: int, end: int, line_end: int) -> tuple[int, int, str]:
    """The sentence lost its first words: give the next word its capital."""
    letter = end
    while letter < line_end and not text[letter].isalnum():
        if text[letter] not in " \t*_\"'“‘(":
            return start, end, ""
        letter += 1
    if letter < line_end and text[letter].islower():
        return start, letter + 1, text[end:letter] + text[letter].upper()
    return start, end, ""


def _skip_spaces(text: str, offset: int, limit: int) -> int:
    while offset < limit and text[offset] in " \t":
        offset += 1
    return offset


def _skip_spaces_back(text: str, offset: int, limit: int) -> int:
    while offset > limit and text[offset - 1] in " \t":
        offset -= 1
    return offset


def is_line_deletion(text: str, edit: Edit) -> bool:
    """Whether the edit deletes whole lines (from a line start through a newline or the end)."""
    at_line_start = edit.start == 0 or text[edit.start - 1] == "\n"
    through_newline = edit.end == len(text) or text[edit.end - 1] == "\n"
    return edit.is_deletion and edit.end > edit.start and at_line_start and through_newline


def absorb_blank_lines(text: str, edits: list[Edit]) -> list[Edit]:
    """Extend whole-line deletions over the blank lines around them, so that the blocks left keep
    exactly one blank line between them and the text neither starts nor ends with blank lines.

    Deletions separated only by blank lines form a group: each takes the gap after it, and the
    group takes the blank lines on one side of it, the side where it leaves a blank line anyway.
    """
    lines = sorted((e for e in edits if is_line_deletion(text, e)), key=lambda e: e.start)
    others = [e for e in edits if not is_line_deletion(text, e)]
    result: list[Edit] = []
    group: list[Edit] = []
    for edit in lines:
        if group and (edit.start < group[-1].end or text[group[-1].end : edit.start].strip()):
            result += _absorb_group(text, group)
            group = []
        group.append(edit)
    if group:
        result += _absorb_group(text, group)
    return others + result


def _absorb_group(text: str, group: list[Edit]) -> list[Edit]:
    edits = [replace(e, end=nxt.start) if nxt.start > e.end else e for e, nxt in pairwise(group)]
    edits.append(group[-1])
    first, last = edits[0], edits[-1]
    before = _blank_run_before(text, first.start)
    after = _blank_run_after(text, last.end)
    if first.start - before == 0:  # the group opens the text
        edits[0] = replace(edits[0], start=0)
        edits[-1] = replace(edits[-1], end=last.end + after)
    elif last.end + after >= len(text):  # the group closes the text
        start = first.start - before
        if not text.endswith("\n"):
            start -= 1  # keep the text without a final newline, as it was
        edits[0] = replace(edits[0], start=start)
        edits[-1] = replace(edits[-1], end=len(text))
    elif before and after:
        edits[-1] = replace(edits[-1], end=last.end + after)
    return edits


def _blank_run_before(text: str, offset: int) -> int:
    """Characters of the blank lines just before ``offset`` (a line start)."""
    cursor = offset
    while cursor > 0:
        previous = text.rfind("\n", 0, cursor - 1) + 1
        if text[previous : cursor - 1].strip():
            break
        cursor = previous
    return offset - cursor


def _blank_run_after(text: str, offset: int) -> int:
    """Characters of the blank lines starting at ``offset`` (a line start)."""
    cursor = offset
    while cursor < len(text):
        end = text.find("\n", cursor)
        if end < 0:
            return (len(text) if not text[cursor:].strip() else cursor) - offset
        if text[cursor:end].strip():
            break
        cursor = end + 1
    return cursor - offset
