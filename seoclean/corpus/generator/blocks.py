"""A small Markdown block reader for the generator: where headings, paragraphs, list items, table
rows, quotes and code are, and which characters are prose a spinner or stuffer may touch.

The clean sources use a plain subset of Markdown (ATX headings, paragraphs, ``-``/``*``/``1.``
lists, pipe tables, ``>`` quotes, fenced code, ``---`` rules), so a line-based reader is enough
and, unlike a full parser, gives exact character offsets for free.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

PROSE_KINDS = frozenset({"heading", "paragraph", "list_item", "table_row", "quote"})
# Blocks a stuffer may put sentences into, or a duplicator may copy.
TEXT_KINDS = frozenset({"paragraph", "list_item", "quote"})

_HEADING = re.compile(r"(#{1,6})[ \t]+")
_LIST_ITEM = re.compile(r"[ \t]*(?:[-*+]|\d{1,3}[.)])[ \t]+")
_QUOTE = re.compile(r">[ \t]?")
_TABLE_RULE = re.compile(r"\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*$")
_FENCE = re.compile(r"(?:```|~~~)")
_RULE = re.compile(r"(?:-{3,}|\*{3,}|_{3,})[ \t]*$")
# Inline regions that are not prose: code, link targets, autolinks, bare URLs, HTML tags.
_NOT_PROSE = re.compile(r"`[^`\n]+`|\]\([^)\n]*\)|<https?://[^>\s]+>|https?://\S+|</?[A-Za-z][^>\n]*>")
_SENTENCE_END = re.compile(r"(?<=[.!?])([\"'”’)]*)\s+(?=\S)")


@dataclass(frozen=True, slots=True)
class MdBlock:
    """One block: ``[start, end)`` is its text without the trailing newline; ``body_start`` is
    where its content starts after the Markdown prefix (``## ``, ``- ``, ``> ``)."""

    start: int
    end: int
    kind: str
    body_start: int
    level: int = 0

    @property
    def is_prose(self) -> bool:
        return self.kind in PROSE_KINDS


def parse_blocks(text: str) -> list[MdBlock]:
    """Blocks of a Markdown text, in order. Blank lines separate paragraphs."""
    blocks: list[MdBlock] = []
    offset = 0
    lines = text.split("\n")
    index = 0
    paragraph_start: int | None = None
    paragraph_end = 0

    def close_paragraph() -> None:
        nonlocal paragraph_start
        if paragraph_start is not None:
            blocks.append(MdBlock(paragraph_start, paragraph_end, "paragraph", paragraph_start))
            paragraph_start = None

    if text.startswith("---\n"):
        closing = text.find("\n---\n", 3)
        if closing != -1:
            blocks.append(MdBlock(0, closing + 4, "front_matter", 0))
            offset = closing + 5
            lines = text[offset:].split("\n")
    while index < len(lines):
        line = lines[index]
        line_start, line_end = offset, offset + len(line)
        stripped = line.strip()
        if not stripped:
            close_paragraph()
        elif _FENCE.match(line):
            close_paragraph()
            closing_index = next((j for j in range(index + 1, len(lines)) if _FENCE.match(lines[j])), len(lines) - 1)
            end = line_start + sum(len(lines[j]) + 1 for j in range(index, closing_index + 1)) - 1
            blocks.append(MdBlock(line_start, end, "code", line_start))
            offset = end + 1
            index = closing_index + 1
            continue
        elif block := _line_block(line, line_start, line_end):
            close_paragraph()
            blocks.append(block)
        elif paragraph_start is None:
            paragraph_start, paragraph_end = line_start, line_end
        else:
            paragraph_end = line_end
        offset = line_end + 1
        index += 1
    close_paragraph()
    return blocks


def _line_block(line: str, start: int, end: int) -> MdBlock | None:
    if match := _HEADING.match(line):
        return MdBlock(start, end, "heading", start + match.end(), level=len(match.group(1)))
    if _RULE.match(line):
        return MdBlock(start, end, "rule", end)
    if line.lstrip().startswith("|"):
        kind = "table_rule" if _TABLE_RULE.match(line.strip()) else "table_row"
        return MdBlock(start, end, kind, start + len(line) - len(line.lstrip()))
    if match := _LIST_ITEM.match(line):
        return MdBlock(start, end, "list_item", start + match.end())
    if match := _QUOTE.match(line):
        return MdBlock(start, end, "quote", start + match.end())
    return None


def prose_ranges(text: str, block: MdBlock) -> list[tuple[int, int]]:
    """Character ranges of a prose block's content, minus code, link targets, URLs and tags."""
    if not block.is_prose:
        return []
    ranges, cursor = [], block.body_start
    for match in _NOT_PROSE.finditer(text, block.body_start, block.end):
        if match.start() > cursor:
            ranges.append((cursor, match.start()))
        cursor = match.end()
    if cursor < block.end:
        ranges.append((cursor, block.end))
    return ranges


def sentence_ranges(text: str, block: MdBlock) -> list[tuple[int, int]]:
    """Sentences of a text block's content, as (start, end) with the end after the final stop."""
    spans, cursor = [], block.body_start
    for match in _SENTENCE_END.finditer(text, block.body_start, block.end):
        spans.append((cursor, match.end(1)))
        cursor = match.end()
    if cursor < block.end:
        spans.append((cursor, block.end))
    return [(start, end) for start, end in spans if end > start]


def title_block(blocks: list[MdBlock]) -> MdBlock | None:
    """The first H1, which the sources always have."""
    return next((block for block in blocks if block.kind == "heading" and block.level == 1), None)
