"""Block structure of plain text: headings, paragraphs, list items, table rows and code, read the
way ``seoclean.ingest.markdown`` reads the same page written in Markdown.

Plain text comes from web text extractors (trafilatura, jusText, html2text), "save as text" and
copy-paste, or from people typing hard-wrapped prose. Extractors put each paragraph, heading and
list item on a line of its own, with or without bullets and with one or two newlines between them;
typed text wraps paragraphs at a fixed width. The reader tells the two apart per run of non-blank
lines (a *chunk*):

* a chunk is *hard-wrapped* when its lines are at most ``MAX_WRAP_WIDTH`` wide and most line
  breaks were forced: the next line's first word would not have fitted on the line. Its lines join
  into paragraphs; only a break where the next word would have fitted (and that is not in the middle
  of a sentence) starts a new block;
* otherwise every line is a block of its own.

A line starting with a bullet or a number (``- ``, ``* ``, ``• ``, ``1. ``, ``a) ``) is a list item
(lines indented under it continue it). A short line without closing punctuation is a heading,
unless it stands in a run of three or more such lines, or in a chunk made only of such lines: then
it is a menu or a list without bullets, and its lines are list items (but the last line of a run,
right above a paragraph, heads that paragraph). The first line of the text (its title) is always a
heading. A short question right above its answer, and a short numbered line between paragraphs
("2. Compare the balances"), are headings too. Two or more lines in a row with the same number of
``|``-separated cells are table rows. Lines of code are never headings or list items; a run of
them is one ``code`` block, which detectors skip as they skip a fenced block in Markdown. Whole
lines of markup (``<tr><td>...``) are code too. Code that its own lines do not give away (a sample
indented under the prose, a listing between ``----`` lines, a REPL's or shell's output under its
prompt, a comment over code) is found from its surroundings by ``seoclean.ingest.text_code``. A line
ending on "the", "and" or "of" continues on the next.

Linear in the text and regex-based: it runs on every plain-text document.
"""

from __future__ import annotations

import re
from itertools import groupby, pairwise
from typing import NamedTuple

from seoclean.ingest.text_code import code_line_starts

# A run of non-blank lines; whitespace-only lines separate runs as blank lines do.
CHUNK_RE = re.compile(r"(?:[^\n]*\S[^\n]*(?:\n|$))+")
_LINE_RE = re.compile(r"[^\n]+")
_MARKER_RE = re.compile(r"[ \t]*(?:[-*•·–]|\d{1,3}[.)]|[a-z]\))(?:[ \t]+|$)")
_NUMBER_RE = re.compile(r"[ \t]*\d{1,3}[.)]")
_FIRST_WORD_RE = re.compile(r"\S+")
# Words no heading or list item ends on (unlike "for" in "What to look for").
_DANGLING_RE = re.compile(r"\b(?:the|a|an|and|or|of|its|their|your|our|his|her)$")
_CLAUSE_CLOSERS = frozenset("),.;:!?]")
# A sentence ending inside a line, the next one starting: "... to bytes.  The legacy interface".
_SENTENCE_INSIDE_RE = re.compile(r"[a-z)][.!?][\"'”]?\s+[A-Z]")
# Lines of source code, shell sessions and tracebacks that extractors keep from <pre>: short and
# unpunctuated like headings, but no prose. Only strong signs, since code is not analysed:
# comments, braces, operators, a call ending the line, a prompt, an import, an assignment.
_CODE_ANYWHERE_RE = re.compile(
    r"[{}\[(]\s*$|/\*|\*/|(?<!:)//|[=!<>]=|->|::|\w\([^()]*\)[;:]?\s*$|[\u2500-\u257f]"  # tree drawings
    r"|\S {2,}# \w|\) # \w"  # a comment after code: "with atomic():  # Outer block", "b.save() # May fail"
)
_CODE_START_RE = re.compile(
    r"\s*(?:>>>|\.\.\.(?:\s|$)|\$ |\.\.\.\\> |#!/|#include\b|@[\w.]+|from [\w.]+ import |import [\w.]+$|def \w+\(|class \w+[(:]"
    r"|return\b(?:$| \S+$|.*[(\[])|Traceback \(most recent call last\)|[\w.\[\]]+ [-+*/]?= |[\])}]+[,;)]*\s*$"
    r"|[\[{][\'\"]|(?:\w+\.)+\w*(?:Error|Exception|Warning): "  # a literal ("['a', 'b']"), a module's exception
    r"|=(?:head\d|item|over|back|cut|pod|begin|end|for|encoding)\b)"  # POD commands: Perl's documentation markup
)
# A whole line of markup (``<tr><td>Apple</td></tr>``, ``<link href=...>``). A tag's name ends at
# a space, "/" or ">" ("<https://perl.com/>" is a link in prose); a lone link is left to the
# boilerplate and comment-spam detectors.
_MARKUP_RE = re.compile(r"\s*<(?!a\s)(?:[!?/]|[A-Za-z][\w-]*[\s/>])[^\n]*>\s*$")
_CODE_INDENT = "    "  # a line indented by spaces under a line of code continues the code
_CELL_SEPARATOR = " | "
CLOSING_PUNCTUATION = (".", ",", ";", ":", "!", "?")
SENTENCE_END = (".", "!", "?", ":", '."', ".'", ".”", ".)")

MAX_SHORT_LINE = 120  # longer lines are paragraphs, never headings or bare list items
MIN_WRAP_WIDTH, MAX_WRAP_WIDTH = 60, 100  # nobody hard-wraps prose narrower or wider than this
MIN_BROKEN_LINE_WORDS = 4  # a line cut mid-sentence has a few words on it; a list item may have one or two
MIN_LIST_RUN = 3  # fewer short lines in a row are headings (a heading and its subheading)
MAX_QUESTION_HEADING = 80  # a longer question on a line of its own is a paragraph


class Line(NamedTuple):
    start: int  # of the line, indentation included
    text_start: int  # first non-space character
    end: int  # after the last non-space character


class Unit(NamedTuple):
    """A block before its final kind is known. ``shape``: item, numbered (a short numbered line),
    table, short (a short line without closing punctuation), question, code or paragraph."""

    start: int
    end: int
    shape: str
    chunk: int


def text_blocks(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, kind)`` of every block; kinds are heading, paragraph, list_item, table and code."""
    units: list[Unit] = []
    list_chunks: set[int] = set()
    chunks = [_lines(text, match.start(), match.end()) for match in CHUNK_RE.finditer(text)]
    code = code_line_starts(text, chunks, _is_code, _is_marker)
    for chunk, lines in enumerate(chunks):
        chunk_units: list[Unit] = []
        for is_code, run in groupby(lines, key=lambda line: line.start in code):
            run = list(run)
            if is_code:
                chunk_units.append(Unit(run[0].text_start, run[-1].end, "code", chunk))
            else:
                chunk_units += _chunk_units(text, run, chunk)
        chunk_units = _mark_tables(text, _merge_code(chunk_units))
        if len(chunk_units) >= 2 and all(unit.shape == "short" for unit in chunk_units):
            list_chunks.add(chunk)  # a list without bullets, one item per line
        units += chunk_units
    return _kinds(text, units, list_chunks)


def _merge_code(units: list[Unit]) -> list[Unit]:
    """Code units in a row are one block (a comment over the code it explains, a command and its output)."""
    merged: list[Unit] = []
    for unit in units:
        if merged and unit.shape == "code" and merged[-1].shape == "code":
            merged[-1] = merged[-1]._replace(end=unit.end)
        else:
            merged.append(unit)
    return merged


def _lines(text: str, start: int, end: int) -> list[Line]:
    lines = []
    for match in _LINE_RE.finditer(text, start, end):
        raw = match.group()
        text_start = match.start() + len(raw) - len(raw.lstrip())
        lines.append(Line(match.start(), text_start, match.start() + len(raw.rstrip())))
    return lines


def _chunk_units(text: str, lines: list[Line], chunk: int) -> list[Unit]:
    width = _wrap_width(text, lines)
    broken = _broken_sentences(text, lines)
    groups: list[list[Line]] = [[lines[0]]]
    for index, (previous, line) in enumerate(pairwise(lines), start=1):
        if index in broken or _continues(text, groups[-1][0], previous, line, width):
            groups[-1].append(line)
        else:
            groups.append([line])
    return [_unit(text, group, chunk) for group in groups]


def _broken_sentences(text: str, lines: list[Line]) -> set[int]:
    """Indexes of lines that carry on the sentence of the line above, in text whose line breaks
    fall anywhere (an HTML source's own line breaks kept by the extractor): a run of lines, each
    opening in lower case after a line that stops mid-sentence with a few words on it, which
    reaches the end of a sentence. A list without bullets never ends in a full stop."""
    joined: set[int] = set()
    index = 0
    while index < len(lines) - 1:
        last = index
        while last + 1 < len(lines) and _carries_on(text, lines[last], lines[last + 1]):
            last += 1
        if last > index and _reaches_sentence_end(text, lines[index + 1 : last + 1]):
            joined.update(range(index + 1, last + 1))
        index = last + 1
    return joined


def _carries_on(text: str, line: Line, following: Line) -> bool:
    words = len(text[line.text_start : line.end].split())
    return words >= MIN_BROKEN_LINE_WORDS and _mid_sentence(text, line, following) and not _is_marker(text, following)


def _reaches_sentence_end(text: str, lines: list[Line]) -> bool:
    return _ends_sentence(text, lines[-1]) or any(
        _SENTENCE_INSIDE_RE.search(text, line.text_start, line.end) for line in lines
    )


def _continues(text: str, first: Line, previous: Line, line: Line, width: int) -> bool:
    """Whether ``line`` belongs to the block that starts at ``first`` (``width``: 0 unless the
    chunk is hard-wrapped)."""
    if _is_marker(text, line):
        return False
    wrapped = bool(width) and (_forced_break(text, previous, line, width) or _mid_sentence(text, previous, line))
    if _is_marker(text, first):
        marker_end = _MARKER_RE.match(text, first.start, first.end).end()
        # Indented under the item, or the item's text starts on the next line ("-\n   text").
        indented = line.text_start - line.start > first.text_start - first.start
        return indented or marker_end >= first.end or wrapped
    return (
        wrapped
        or _continues_code(text, first, line)
        or _cut_mid_clause(text, previous, line)
        # a line too long to be wrapped prose, cut mid-sentence: text wrapped wider than usual
        or (previous.end - previous.start > MAX_WRAP_WIDTH and _mid_sentence(text, previous, line))
    )


def _cut_mid_clause(text: str, line: Line, following: Line) -> bool:
    """A line ending on "the", "and", "its" ... or a next line opening with ")" or ",": one
    sentence cut in two (extractors put a link's or a code word's text on a line of its own)."""
    return (
        text[following.text_start] in _CLAUSE_CLOSERS
        or _DANGLING_RE.search(text, line.text_start, line.end) is not None
    )


def _wrap_width(text: str, lines: list[Line]) -> int:
    """The width the chunk is hard-wrapped at, or 0 when it is not hard-wrapped: most breaks were
    forced by a width that people wrap prose at."""
    width = max(line.end - line.start for line in lines)
    if len(lines) < 2 or not MIN_WRAP_WIDTH <= width <= MAX_WRAP_WIDTH:
        return 0
    breaks = [(a, b) for a, b in pairwise(lines) if not _is_marker(text, b)]
    # A forced break after a sentence is no evidence: a one-line paragraph as long as the width
    # ends the same way.
    forced = sum(_forced_break(text, a, b, width) and not _ends_sentence(text, a) for a, b in breaks)
    return width if breaks and 2 * forced >= len(breaks) else 0


def _forced_break(text: str, line: Line, following: Line, width: int) -> bool:
    """The first word of ``following`` would not have fitted at the end of a well-filled ``line``."""
    length = line.end - line.start
    word = _FIRST_WORD_RE.match(text, following.text_start)
    return 2 * length >= width and length + 1 + (word.end() - word.start()) > width


def _mid_sentence(text: str, line: Line, following: Line) -> bool:
    return continues_sentence(text[line.text_start : line.end], text[following.text_start : following.end])


def continues_sentence(line: str, following: str) -> bool:
    """Whether ``following`` (a line, without its indentation) carries on the sentence ``line``
    stopped in: it opens in lower case and ``line`` does not end a sentence."""
    return following[:1].islower() and not line.rstrip().endswith(SENTENCE_END)


def _ends_sentence(text: str, line: Line) -> bool:
    return text[line.text_start : line.end].endswith(SENTENCE_END)


def _is_marker(text: str, line: Line) -> bool:
    return _MARKER_RE.match(text, line.start, line.end) is not None


def _unit(text: str, group: list[Line], chunk: int) -> Unit:
    start, end = group[0].text_start, group[-1].end
    if _is_marker(text, group[0]):
        numbered = _NUMBER_RE.match(text, start) is not None
        shape = "numbered" if numbered and len(group) == 1 and _is_short(text, start, end) else "item"
    elif _is_code(text, group[0]) and all(_is_code(text, line) or _indented_code(text, line) for line in group[1:]):
        shape = "code"  # as a fenced block in Markdown: not prose
    elif any(_is_code(text, line) for line in group):
        shape = "paragraph"  # short and unpunctuated, but a line of code is no heading
    elif len(group) == 1 and _is_short(text, start, end):
        shape = "short"
    elif len(group) == 1 and end - start <= MAX_QUESTION_HEADING and text[start:end].endswith("?"):
        shape = "question"
    else:
        shape = "paragraph"
    return Unit(start, end, shape, chunk)


def _is_code(text: str, line: Line) -> bool:
    if line.end - line.start > MAX_SHORT_LINE:
        return False  # a paragraph; and the patterns need not scan long lines
    return bool(
        _CODE_START_RE.match(text, line.start, line.end)
        or _CODE_ANYWHERE_RE.search(text, line.start, line.end)
        or _MARKUP_RE.match(text, line.start, line.end)
    )


def _continues_code(text: str, first: Line, line: Line) -> bool:
    """Source code stays one block: in a block that starts with code, a line of code or a line
    indented by spaces (the body of a function, a call's arguments)."""
    return _is_code(text, first) and (_is_code(text, line) or _indented_code(text, line))


def _indented_code(text: str, line: Line) -> bool:
    return line.end - line.start <= MAX_SHORT_LINE and text.startswith(_CODE_INDENT, line.start)


def _is_short(text: str, start: int, end: int) -> bool:
    return end - start <= MAX_SHORT_LINE and not text[start:end].endswith(CLOSING_PUNCTUATION)


def _mark_tables(text: str, units: list[Unit]) -> list[Unit]:
    """Two or more one-line units in a row with the same number (2+) of ``|``-separated cells."""
    cells = [_cell_count(text, unit) for unit in units]
    marked = list(units)
    run_start = 0
    for index in range(1, len(units) + 1):
        if index < len(units) and cells[index] >= 2 and cells[index] == cells[run_start]:
            continue
        if index - run_start >= 2 and cells[run_start] >= 2:
            for i in range(run_start, index):
                marked[i] = units[i]._replace(shape="table")
        run_start = index
    return marked


def _cell_count(text: str, unit: Unit) -> int:
    if unit.shape in _ITEM_SHAPES or "\n" in text[unit.start : unit.end]:
        return 0
    return text.count(_CELL_SEPARATOR, unit.start, unit.end) + 1


def _kinds(text: str, units: list[Unit], list_chunks: set[int]) -> list[tuple[int, int, str]]:
    """Final kinds: runs of short lines become list items or headings; the title a heading."""
    kinds = [_KIND_OF_SHAPE[unit.shape] for unit in units]
    for run in _short_runs(units, list_chunks):
        if len(run) >= MIN_LIST_RUN:
            kinds[run[0] : run[-1] + 1] = ["list_item"] * len(run)
            if _next_shape(units, run[-1]) == "paragraph":
                kinds[run[-1]] = "heading"  # a list without bullets, then the next section's heading
                run = run[:-1]
            if len(run) >= MIN_LIST_RUN and _capital_over_lower_case(text, [units[i] for i in run]):
                kinds[run[0]] = "heading"  # "What you need" over "coarse salt", "a stiff brush"
    for index, unit in enumerate(units):
        if unit.shape == "short" and unit.chunk in list_chunks:
            kinds[index] = "list_item"
        elif unit.shape == "question" and _next_shape(units, index) in ("paragraph", "table", *_ITEM_SHAPES):
            kinds[index] = "heading"  # "What is a credit score?" over its answer
        elif unit.shape == "numbered" and _next_shape(units, index) == "paragraph" and not _after_item(units, index):
            kinds[index] = "heading"  # "2. Compare the balances" over its own paragraph: a numbered heading
    if units and units[0].shape in ("short", "question"):
        kinds[0] = "heading"  # the title
    return [(unit.start, unit.end, kind) for unit, kind in zip(units, kinds, strict=True)]


def _short_runs(units: list[Unit], list_chunks: set[int]) -> list[list[int]]:
    """Indexes of short lines in a row, not counting the title and lines of list chunks."""
    runs: list[list[int]] = [[]]
    for index, unit in enumerate(units):
        if index > 0 and unit.shape == "short" and unit.chunk not in list_chunks:
            runs[-1].append(index)
        elif runs[-1]:
            runs.append([])
    return [run for run in runs if run]


def _capital_over_lower_case(text: str, run: list[Unit]) -> bool:
    return text[run[0].start].isupper() and all(text[unit.start].islower() for unit in run[1:])


def _after_item(units: list[Unit], index: int) -> bool:
    return index > 0 and units[index - 1].shape in _ITEM_SHAPES


def _next_shape(units: list[Unit], index: int) -> str | None:
    return units[index + 1].shape if index + 1 < len(units) else None


# Until runs and neighbours say otherwise, a short line is a heading and a question a paragraph.
_ITEM_SHAPES = ("item", "numbered")  # numbered: a short numbered line, a list item or a numbered heading
_KIND_OF_SHAPE = {
    "item": "list_item",
    "numbered": "list_item",
    "table": "table",
    "paragraph": "paragraph",
    "short": "heading",
    "question": "paragraph",
    "code": "code",
}
