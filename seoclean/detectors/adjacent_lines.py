"""Lines said again right below themselves (SEO402, for ``DuplicationDetector``).

A paragraph said again as the next paragraph, or a bulleted entry said again as the next item of
its list, is a copy. Lines of one block repeat by design: rows of a table, lines of a poem, menus
joined by separators, the entries of a table of contents that extracted text has flattened.
"""

from __future__ import annotations

from itertools import pairwise

from seoclean.detectors.base import make_finding
from seoclean.detectors.duplicate_units import LIST_MARKER_RE, MENU_SEPARATOR_RE, Unit
from seoclean.document import WORD_RE, Document
from seoclean.findings import Finding

# a bulleted entry this long is not said twice in a row; shorter ones are, in real documentation
# ("- Note" above each of three notes, "- FILTER DIR" in a flattened nested table of contents)
ADJACENT_ITEM_MIN_WORDS = 4
# an entry of two words or more said again on the very next line at the same depth ("- 150g Greek
# yogurt" twice in an ingredient list) is pasted, unless the list is a table of contents (``_next_item``)
TIGHT_ITEM_MIN_WORDS = 2
# a page prints its menu at most twice (header and footer, one below the other once extracted);
# a line with separators said this many times in a row is pasted, not a menu
PASTED_RUN_MIN_LINES = 3


def adjacent_copies(
    doc: Document, lines: list[Unit], found: list[Finding], headings: frozenset[tuple[str, ...]], min_words: int
) -> list[Finding]:
    """A line repeated character for character right below itself. A bulleted entry said again
    as the next item of its list (``_next_item``) is a copy; a paragraph of ``min_words``
    words, even a label ("Issued by the Consumer Protection Office"), is not the next paragraph
    again either.
    Lines of one block may repeat: rows of a table (a header row per table) or of a poem. Menus
    joined by separators repeat by design (the header's and the footer's, one below the other
    once the page is extracted), but only twice (``PASTED_RUN_MIN_LINES``), and so do the lines of
    a list without bullets."""
    findings = []
    runs = _run_lengths(doc.text, lines)
    for (previous, unit), run in zip(pairwise(lines), runs[1:]):
        if not _said_again(doc.text, previous, unit) or any(f.start <= unit.start and unit.end <= f.end for f in found):
            continue
        newlines = doc.text.count("\n", previous.end, unit.start)
        contents = _in_contents(doc.text, unit, headings)
        if not _adjacent_copy(doc, previous, unit, newlines, contents, min_words, run):
            continue
        first_line = doc.position(previous.start)[0]
        message = f"this line repeats the line right above it (line {first_line})"
        evidence = {"first_line": first_line, "words": len(unit.words)}
        finding = make_finding(doc, "SEO402", unit.start, unit.end, message, suggestion="", evidence=evidence)
        findings.append(finding)
    return findings


def _adjacent_copy(
    doc: Document, previous: Unit, unit: Unit, newlines: int, contents: bool, min_words: int, run: int
) -> bool:
    """``run``: how many times in a row the line is said where it stands (``_run_lengths``)."""
    text = doc.text[unit.start : unit.end]
    if LIST_MARKER_RE.match(text):
        return _next_item(doc.text, previous, unit, newlines, contents)
    block = doc.block_at(unit.start)
    if block is not None and block.kind in ("table", "list_item"):
        return False
    if MENU_SEPARATOR_RE.search(text) and run < PASTED_RUN_MIN_LINES:
        return False
    return len(unit.words) >= min_words and newlines == 2  # the next paragraph


def _run_lengths(text: str, lines: list[Unit]) -> list[int]:
    """For each line, how many times in a row its text is said where it stands: the length of the
    run of equal lines, one right below the other, that it belongs to."""
    runs: list[int] = []
    start = 0
    for index, unit in enumerate(lines):
        if index and not _said_again(text, lines[index - 1], unit):
            runs += [index - start] * (index - start)
            start = index
    runs += [len(lines) - start] * (len(lines) - start)
    return runs


def _said_again(text: str, previous: Unit, unit: Unit) -> bool:
    """Whether ``unit`` is ``previous`` character for character, with only blank space between."""
    same = text[previous.start : previous.end] == text[unit.start : unit.end]
    return same and not text[previous.end : unit.start].strip()


def _next_item(text: str, previous: Unit, unit: Unit, newlines: int, contents: bool) -> bool:
    """Whether bulleted ``unit`` is ``previous`` said again as the next item of the same list. A list
    never names one thing of ``ADJACENT_ITEM_MIN_WORDS`` words twice in a row, whether its items
    are on consecutive lines or spaced out by a blank line, nor one of ``TIGHT_ITEM_MIN_WORDS`` on
    the very next line ("- Citizens Advice" twice), unless the list is a table of contents
    (``contents``): a nested one names a section under its parent's entry ("- FILTER DIR" twice),
    and extracted text loses the nesting.
    One-word entries recur too ("- Note" above each note), but in the spacing of their list: two on
    consecutive lines of a list whose items are spaced out are one entry pasted twice."""
    if newlines > 2 or _indent(text, previous.start) != _indent(text, unit.start):
        return False  # a nested entry naming its parent is indented deeper
    tight_copy = newlines == 1 and len(unit.words) >= TIGHT_ITEM_MIN_WORDS and not contents
    if len(unit.words) >= ADJACENT_ITEM_MIN_WORDS or tight_copy:
        return True
    return newlines == 1 and _in_spaced_out_list(text, previous, unit)


def _in_spaced_out_list(text: str, first: Unit, last: Unit) -> bool:
    """Whether the entries around the run of equal lines ``first``..``last`` are a blank line away:
    a list item one blank line away on one side, and on the other another such item or a line
    that is no list item (the paragraph or heading the list follows). An item on the next line
    makes the list a tight one, where entries on consecutive lines are the list's own spacing."""
    same = text[first.start : first.end]
    sides = []
    for step, edge in ((-1, first.start), (1, last.end)):
        newlines, line, edge = _line_beyond(text, edge, step)
        while newlines == 1 and line.strip() == same:  # a third copy of the entry
            newlines, line, edge = _line_beyond(text, edge, step)
        if not line.strip():
            return False  # the run starts or ends the text: nothing shows how its list is spaced
        sides.append((newlines, bool(LIST_MARKER_RE.match(line.strip()))))
    items = [newlines for newlines, item in sides if item]
    return bool(items) and all(newlines == 2 for newlines in items)


def _in_contents(text: str, unit: Unit, headings: frozenset[tuple[str, ...]]) -> bool:
    """Whether the run of list lines around ``unit`` (one line apart) is a table of contents: one
    of its entries names a heading or the title of the page."""
    for step, edge in ((-1, unit.start), (1, unit.end)):
        newlines, line = 1, text[unit.start : unit.end]
        while newlines == 1 and LIST_MARKER_RE.match(line.strip()):
            if tuple(w.lower() for w in WORD_RE.findall(line)) in headings:
                return True
            newlines, line, edge = _line_beyond(text, edge, step)
    return False


def _line_beyond(text: str, offset: int, step: int) -> tuple[int, str, int]:
    """(newlines crossed, the text of the next non-blank line, its far edge) above ``offset``
    (``step`` -1) or below it (1); the text is empty at either end of the text."""
    cursor = offset
    if step < 0:
        while cursor > 0 and text[cursor - 1].isspace():
            cursor -= 1
        start = text.rfind("\n", 0, cursor) + 1
        return text.count("\n", cursor, offset), text[start:cursor], start
    while cursor < len(text) and text[cursor].isspace():
        cursor += 1
    stop = text.find("\n", cursor)
    stop = len(text) if stop < 0 else stop
    return text.count("\n", offset, cursor), text[cursor:stop], stop


def _indent(text: str, start: int) -> str:
    return text[text.rfind("\n", 0, start) + 1 : start]


__all__ = ["adjacent_copies"]
