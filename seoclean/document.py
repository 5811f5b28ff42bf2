"""The document every detector reads: analysed text, its blocks, words and sentences, and a map
from character offsets back to line and column in the source file.

Data flows one way: a loader (``seoclean.ingest``) builds a ``Document``; detectors only read it.
Segmentations (words, sentences, lines) are computed once, lazily, and shared by all detectors.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Any, NamedTuple

# Block kinds. Only prose kinds are read by the text detectors; code and front matter never are.
PROSE_KINDS = frozenset({"paragraph", "heading", "list_item", "quote", "table", "title"})
SKIPPED_KINDS = frozenset({"code", "front_matter", "markup"})

# A word: letters/digits with inner apostrophes, hyphens and dots ("don't", "e-mail", "U.S.").
# A word: a letter or digit, then word characters, with inner apostrophes, hyphens and dots between
# letters or digits ("don't", "e-mail", "U.S"). Written as runs rather than one character at a
# time: the same matches, found faster.
WORD_RE = re.compile(r"[^\W_]\w*(?:['’\-.][^\W_]\w*)*", re.UNICODE)
_SENTENCE_END_RE = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s+|$)")


@dataclass(frozen=True, slots=True)
class Block:
    """A paragraph-level unit: a paragraph, heading, list item, table row or code block.

    ``in_main`` is False for HTML blocks outside the extracted main content; ``link_density`` is the
    fraction of the block's characters inside links (HTML and Markdown); ``source_line`` is the
    1-based line of the block's start in the source file.
    """

    start: int
    end: int
    kind: str = "paragraph"
    in_main: bool = True
    link_density: float = 0.0
    source_line: int | None = None
    tag: str = ""

    @property
    def is_prose(self) -> bool:
        return self.kind in PROSE_KINDS


class Word(NamedTuple):
    # A NamedTuple, not a dataclass: documents make one per word, and tuples build ~3x faster.
    start: int
    end: int
    text: str
    lower: str
    block: int  # index into Document.blocks


class Sentence(NamedTuple):
    start: int
    end: int
    first_word: int  # index into Document.words
    last_word: int  # exclusive


class LineIndex:
    """Character offset -> 1-based (line, column) in a text, by binary search over line starts."""

    def __init__(self, text: str) -> None:
        self._starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def line_col(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self._starts, offset) - 1
        return line + 1, offset - self._starts[line] + 1

    def line_span(self, line: int) -> tuple[int, int]:
        """Start and end offsets (end excludes the newline) of a 1-based line."""
        start = self._starts[line - 1]
        end = self._starts[line] - 1 if line < len(self._starts) else None
        return start, end if end is not None else -1

    def __len__(self) -> int:
        return len(self._starts)


class Document:
    """A loaded page or draft.

    ``text`` is what detectors analyse and what finding offsets index. For plain text and Markdown
    it is the source itself (newlines normalised), so offsets map straight to source lines; for HTML
    it is the visible text, one block per paragraph-level element, and ``source_position`` maps each
    offset back to the element's place in the HTML source.
    """

    def __init__(
        self,
        text: str,
        *,
        format: str = "text",
        path: str | None = None,
        blocks: list[Block] | None = None,
        masked: str | None = None,
        source_position: Callable[[int], tuple[int, int]] | None = None,
        front_matter: Mapping[str, Any] | None = None,
        title: str | None = None,
        metadata: Mapping[str, Any] | None = None,
    ) -> None:
        self.text = text
        self.format = format
        self.path = path
        self.blocks: list[Block] = blocks if blocks is not None else paragraph_blocks(text)
        # Same length as ``text``; markup that is not prose (link targets, tags, code) is blanked so
        # word offsets from ``masked`` index ``text`` directly.
        self.masked = masked if masked is not None else text
        if len(self.masked) != len(text):
            raise ValueError("masked text must have the same length as the text")
        self._source_position = source_position
        self.front_matter: dict[str, Any] = dict(front_matter or {})
        self.title = title
        self.metadata: dict[str, Any] = dict(metadata or {})

    # -- positions ---------------------------------------------------------------------------
    @cached_property
    def line_index(self) -> LineIndex:
        return LineIndex(self.text)

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) in the source file for an offset into ``text``."""
        if self._source_position is not None:
            return self._source_position(offset)
        return self.line_index.line_col(offset)

    # -- segmentations, computed once and shared by all detectors -------------------------------
    @cached_property
    def prose_blocks(self) -> list[int]:
        return [i for i, block in enumerate(self.blocks) if block.is_prose]

    @cached_property
    def words(self) -> list[Word]:
        words: list[Word] = []
        masked, make = self.masked, tuple.__new__  # Word(...) without the generated __new__'s call
        for index in self.prose_blocks:
            block = self.blocks[index]
            # Masking only blanks markup, so a word found in ``masked`` is the same text in ``text``.
            for match in WORD_RE.finditer(masked, block.start, block.end):
                token = match.group()
                words.append(make(Word, (match.start(), match.end(), token, token.lower(), index)))
        return words

    @cached_property
    def word_starts(self) -> list[int]:
        return [w.start for w in self.words]

    @cached_property
    def sentences(self) -> list[Sentence]:
        """Sentences inside prose blocks; a block boundary always ends a sentence."""
        sentences: list[Sentence] = []
        starts = self.word_starts
        w = 0
        for index in self.prose_blocks:
            block = self.blocks[index]
            for start, end in _sentence_spans(self.masked, block.start, block.end):
                first, w = w, bisect.bisect_left(starts, end, lo=w)  # the words starting before ``end``
                if w > first:
                    sentences.append(Sentence(start, end, first, w))
        return sentences

    @cached_property
    def lines(self) -> list[tuple[int, int]]:
        """(start, end) of every non-blank line of the analysed text, stripped of surrounding space."""
        spans = []
        for match in re.finditer(r"[^\n]+", self.text):
            raw = match.group()
            stripped = raw.strip()
            if stripped:
                start = match.start() + (len(raw) - len(raw.lstrip()))
                spans.append((start, start + len(stripped)))
        return spans

    def words_between(self, start: int, end: int) -> list[Word]:
        """Words whose start lies in [start, end)."""
        lo = bisect.bisect_left(self.word_starts, start)
        hi = bisect.bisect_left(self.word_starts, end)
        return self.words[lo:hi]

    def block_at(self, offset: int) -> Block | None:
        for block in self.blocks:
            if block.start <= offset < block.end:
                return block
        return None

    def derived(self, key: str, compute: Callable[[Document], Any]) -> Any:
        """``compute(self)``, worked out once per document and kept under ``key``: for data derived
        from the text that several detectors read (a document is not edited once loaded)."""
        cache = self.__dict__.setdefault("_derived", {})
        if key not in cache:
            cache[key] = compute(self)
        return cache[key]

    @property
    def word_count(self) -> int:
        return len(self.words)

    def __repr__(self) -> str:
        return f"Document(format={self.format!r}, path={self.path!r}, chars={len(self.text)})"


def _sentence_spans(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Split text[start:end] at sentence punctuation and at line breaks."""
    for line in re.finditer(r"[^\n]+", text[start:end]):
        line_start = start + line.start()
        line_end = start + line.end()
        cursor = line_start
        for match in _SENTENCE_END_RE.finditer(text, line_start, line_end):
            if match.end() > cursor:
                yield _strip(text, cursor, match.end())
                cursor = match.end()
        if cursor < line_end and text[cursor:line_end].strip():
            yield _strip(text, cursor, line_end)


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def paragraph_blocks(text: str) -> list[Block]:
    """Blocks for plain text: headings, paragraphs, list items, table rows and code, read from
    lines and blank lines the way a Markdown page's are (see ``seoclean.ingest.text_structure``)."""
    from seoclean.ingest.text_structure import text_blocks

    return [Block(start, end, kind) for start, end, kind in text_blocks(text)]
