"""Line features for ``detectors.boilerplate``: one pass over a document's prose lines.

Every line gets the block-level features of jusText and Boilerpipe (length in words, stop words,
ending punctuation, capitalised words, link density, main-content flag) and, when it is short
enough, the cue it matches: a cue family from ``boilerplate_cues``, a menu or breadcrumb written
on one line, or a row of share buttons. Deciding what is boilerplate is the detector's job.

A cue must stand on a line of its own, so two kinds of line are never read for one: a line that
carries on the sentence of the line above it (hard-wrapped prose, as plain text and trafilatura's
text output keep it: "... used internally by the parser used" / "by headerregistry."), and the
output of an interactive session right after its ``>>>`` prompt ("2020-10-31 12:00:00-07:00").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from seoclean.detectors.boilerplate_cues import (
    CUE_FAMILY_BY_NAME,
    CUE_MAX_WORDS,
    CUE_RE,
    NAV_WORDS,
    SHARE_TOKENS,
    SOCIAL_NETWORKS,
)
from seoclean.document import Document

_TOKEN_RE = re.compile(r"\w+(?:['’\-]\w+)*")
# List bullets and Markdown markers in front of a line's text.
_LEAD_RE = re.compile(r"[\s\-*+•·▪►→>#|»›–—]+")
_NO_BRACKETS = str.maketrans("", "", "[]")
_TRAILING_QUOTES = "\"'”’)]»"
_MENU_SPLIT_RE = re.compile(r"\s*\|\s*|\s+[•·/]\s+")
_CRUMB_SPLIT_RE = re.compile(r"\s*[»›→]\s*|\s+[>/]\s+")
# Cheap pre-checks: splitting every line on separators would cost more than all the rest.
_MENU_CHARS_RE = re.compile(r"[|•·/]")
_CRUMB_CHARS_RE = re.compile(r"[»›→>/]")
_MENU_LINE_MAX_WORDS = 30
_MENU_SEGMENT_MAX_WORDS = 4
_LINK_MENU_MAX_WORDS = 12
_SHARE_ROW_MAX_WORDS = 8
_CRUMB_ROOTS = frozenset({"home", "homepage", "start", "main"})
# A line that ends like a sentence and is longer than this is prose for the stricter cue families.
_PROSE_MIN_WORDS = 6
_RULE_OF_SHAPE = {"menu_line": "SEO302", "breadcrumb": "SEO302", "share_row": "SEO304"}


@cache
def _stop_words() -> frozenset[str]:
    # The lexicon's compiled copy of spaCy's list: importing spaCy itself costs ~0.5 s of start-up.
    from seoclean.lexicon import get_lexicon

    return get_lexicon().stopwords


@dataclass(slots=True)
class Line:
    """One prose line with the features the detector reads."""

    start: int
    end: int
    core: str  # the text without list bullets and link brackets, for matching
    words: int
    stopwords: int
    ends_sentence: bool
    link_density: float
    in_main: bool
    nav_like: bool = False  # short, not a sentence, capitalised or a link: shaped like a menu entry
    nav_word: bool = False  # the whole line is a typical menu entry ("About us")
    cue: str | None = None  # a cue family name, "menu_line", "breadcrumb" or "share_row"

    @property
    def rule(self) -> str | None:
        """The SEO3xx rule the line's cue points to, if any."""
        if self.cue is None:
            return None
        return _RULE_OF_SHAPE.get(self.cue) or CUE_FAMILY_BY_NAME[self.cue].rule

    @property
    def chars(self) -> int:
        return self.end - self.start


def describe_lines(doc: Document, *, nav_max_words: int, nav_link_density: float) -> list[Line]:
    """Features and cues of every prose line of ``doc`` (the title excluded), in order."""
    stop_words = _stop_words()
    lines: list[Line] = []
    for start, end, block_index in _prose_line_spans(doc):
        block = doc.blocks[block_index]
        core = _core_text(doc.masked[start:end])
        tokens = _TOKEN_RE.findall(core.lower())
        ends_sentence = core.rstrip(_TRAILING_QUOTES).endswith((".", "!", "?", "…"))
        line = Line(
            start,
            end,
            core,
            len(tokens),
            sum(map(stop_words.__contains__, tokens)),
            ends_sentence,
            block.link_density,
            block.in_main,
        )
        own_line = not _continues_sentence(doc, lines[-1] if lines else None, line)
        if line.words <= CUE_MAX_WORDS and own_line and not _after_prompt(doc, block_index):
            line.cue = _cue_family(line) or _menu_shape(line, tokens, nav_link_density)
        if 0 < line.words <= nav_max_words and not ends_sentence:
            line.nav_word = " ".join(tokens) in NAV_WORDS
            capitalised = sum(1 for word in _TOKEN_RE.findall(core) if word[0].isupper())
            line.nav_like = line.nav_word or capitalised * 2 >= line.words or line.link_density >= nav_link_density
        lines.append(line)
    _mark_share_rows(lines)
    return lines


def _prose_line_spans(doc: Document) -> Iterator[tuple[int, int, int]]:
    """(start, end, block index) of every line inside a prose block except the title."""
    blocks, index = doc.blocks, 0
    for start, end in doc.lines:
        while index < len(blocks) and blocks[index].end <= start:
            index += 1
        if index == len(blocks) or blocks[index].start > start:
            continue  # a line outside every block (markup) is not read
        block = blocks[index]
        if block.is_prose and block.kind != "title":
            yield start, end, index


def _continues_sentence(doc: Document, previous: Line | None, line: Line) -> bool:
    """The line carries on the sentence of the line right above it: that line is prose (several
    words, no cue) stopped mid-sentence on a lowercase word or a comma, and this one starts in
    lowercase. A title above a byline ("Ten tips for tomatoes" / "by admin") is too short or ends
    on a capital, so it does not count."""
    if previous is None or not line.core[:1].islower() or previous.cue is not None:
        return False
    if previous.words < _PROSE_MIN_WORDS or previous.ends_sentence:
        return False
    between = doc.text[previous.end : line.start]
    last_word = previous.core.split()[-1]
    in_progress = last_word.endswith(",") or (last_word[0].islower() and last_word[-1].isalpha())
    return between.count("\n") == 1 and not between.strip() and in_progress


def _after_prompt(doc: Document, block_index: int) -> bool:
    """The block comes right after a code block that ends on an interactive prompt (">>> print(dt)"):
    it is that command's output, which plain text does not mark as code."""
    if block_index == 0:
        return False
    previous = doc.blocks[block_index - 1]
    if previous.kind != "code":
        return False
    last_line = doc.text[previous.start : previous.end].rstrip().rsplit("\n", 1)[-1].lstrip()
    return last_line.startswith((">>> ", "... "))


def _core_text(raw: str) -> str:
    lead = _LEAD_RE.match(raw)
    core = raw[lead.end() :].strip() if lead else raw.strip()
    if "[" in core:  # Markdown's masked text keeps link brackets: "[Home     | [About"
        core = " ".join(core.translate(_NO_BRACKETS).split())
    return core


def _cue_family(line: Line) -> str | None:
    match = CUE_RE.match(line.core)
    if match is None:
        return None
    name = next(name for name, value in match.groupdict().items() if value is not None)
    family = CUE_FAMILY_BY_NAME[name]
    if line.words > family.max_words:
        return None
    if not family.prose_ending_ok and line.ends_sentence and line.words > _PROSE_MIN_WORDS:
        return None
    return name


def _menu_shape(line: Line, tokens: list[str], link_threshold: float) -> str | None:
    """Menus and breadcrumbs written on one line, or an HTML block made of menu links."""
    if line.words > _MENU_LINE_MAX_WORDS:
        return None
    crumbs = _CRUMB_SPLIT_RE.split(line.core) if _CRUMB_CHARS_RE.search(line.core) else ()
    if len(crumbs) >= 2 and crumbs[0].lower() in _CRUMB_ROOTS:
        return "breadcrumb"
    segments = [s for s in _MENU_SPLIT_RE.split(line.core) if s] if _MENU_CHARS_RE.search(line.core) else ()
    # A leading pipe is a table row ("| Roma | 75 |"), not a menu.
    if (
        len(segments) >= 3
        and not line.core.startswith("|")
        and all(map(_is_menu_segment, segments))
        and any(segment.lower() in NAV_WORDS for segment in segments)
    ):
        return "menu_line"
    if (
        line.link_density >= link_threshold
        and line.words <= _LINK_MENU_MAX_WORDS
        and sum(token in NAV_WORDS for token in tokens) >= 2
    ):
        return "menu_line"
    return None


def _is_menu_segment(segment: str) -> bool:
    return len(segment.split()) <= _MENU_SEGMENT_MAX_WORDS and segment[-1] not in ".!?"


def _mark_share_rows(lines: list[Line]) -> None:
    """Lines made only of share-button words; a lone network name needs a share line beside it."""
    lone = []
    for index, line in enumerate(lines):
        if line.cue is not None or not 0 < line.words <= _SHARE_ROW_MAX_WORDS:
            continue
        tokens = _TOKEN_RE.findall(line.core.lower())
        if not all(token in SHARE_TOKENS for token in tokens):
            continue
        if len(tokens) >= 2 and any(token in SOCIAL_NETWORKS for token in tokens):
            line.cue = "share_row"
        elif len(tokens) == 1:
            lone.append(index)
    for index in lone:
        neighbours = [lines[i] for i in (index - 1, index + 1) if 0 <= i < len(lines)]
        if any(n.rule == "SEO304" or (n.words == 1 and n.core.lower() in SHARE_TOKENS) for n in neighbours):
            lines[index].cue = "share_row"


__all__ = ["Line", "describe_lines"]
