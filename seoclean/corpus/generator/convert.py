"""Markdown -> plain text or an HTML fragment, with a map from every source offset to the output.

Spans made on the Markdown are moved through the map, so a spun word in ``**bold**`` Markdown
points at the same word inside ``<strong>`` in the HTML. Markup removed at an opening (``## ``,
``**``) maps to just after the tag that replaces it; markup removed at a closing maps to just
before the closing tag, so a span over a whole heading covers the heading's text, not its tags.
"""

from __future__ import annotations

import html
import itertools
import random
import re
from dataclasses import dataclass

from seoclean.corpus.generator.blocks import MdBlock, parse_blocks
from seoclean.corpus.generator.spans import Span

_INLINE = re.compile(
    r"\*\*(?=\S)(?P<bold>.+?)(?<=\S)\*\*"
    r"|(?<![*\w])\*(?=[^\s*])(?P<em>[^*]+?)(?<=\S)\*(?![*\w])"
    r"|`(?P<code>[^`\n]+)`"
    r"|\[(?P<link>[^\]\n]+)\]\((?P<url>[^)\s]+)\)"
)
_ESCAPED = re.compile(r"[&<>]")


class Tracked:
    """Output under construction plus, for each source offset, where it went."""

    def __init__(self, source: str, *, escape: bool) -> None:
        self.source, self.escape = source, escape
        self.parts: list[str] = []
        self.length = 0
        self.start_at = [0] * (len(source) + 1)
        self.end_at = [0] * (len(source) + 1)

    def emit(self, literal: str) -> None:
        self.parts.append(literal)
        self.length += len(literal)

    def copy(self, start: int, end: int) -> None:
        chunk = self.source[start:end]
        if self.escape and _ESCAPED.search(chunk):
            for offset, char in enumerate(chunk, start):
                self.start_at[offset] = self.length
                self.emit(html.escape(char, quote=False))
                self.end_at[offset] = self.length
            return
        self.start_at[start:end] = range(self.length, self.length + len(chunk))
        self.end_at[start:end] = range(self.length + 1, self.length + len(chunk) + 1)
        self.emit(chunk)

    def drop(self, start: int, end: int) -> None:
        self.start_at[start:end] = [self.length] * (end - start)
        self.end_at[start:end] = [self.length] * (end - start)

    @property
    def text(self) -> str:
        return "".join(self.parts)

    def move(self, spans: list[Span], text: str, offset: int = 0) -> list[Span]:
        """The spans in output coordinates (plus ``offset``), their ``text`` re-read from ``text``."""
        moved = []
        for span in spans:
            start = self.start_at[span.start] + offset
            end = (self.end_at[span.end - 1] if span.end > span.start else start - offset) + offset
            if end <= start:
                continue  # a span over markup only (nothing visible is left of it)
            moved.append(Span(start, end, span.kind, text[start:end], span.original, span.detail, span.donor))
        return moved


def inline(out: Tracked, start: int, end: int, *, tags: bool) -> None:
    """Copy inline Markdown, turning emphasis, code and links into tags (or dropping the markers)."""
    source, cursor = out.source, start
    for match in _INLINE.finditer(source, start, end):
        out.copy(cursor, match.start())
        name = match.lastgroup if match.lastgroup != "url" else "link"
        inner_start, inner_end = match.span(name)
        opening = {"bold": "<strong>", "em": "<em>", "code": "<code>"}.get(name)
        if name == "link":
            opening = f'<a href="{html.escape(match.group("url"))}">'
        if tags:
            out.emit(opening)
        out.drop(match.start(), inner_start)
        if name == "code":
            out.copy(inner_start, inner_end)
        else:
            inline(out, inner_start, inner_end, tags=tags)
        out.drop(inner_end, match.end())
        if tags:
            out.emit("</a>" if name == "link" else "</" + opening[1:])
        cursor = match.end()
    out.copy(cursor, end)


def markdown_to_html(source: str) -> Tracked:
    """An HTML fragment (headings, paragraphs, lists, tables, quotes, code) for a Markdown text."""
    out = Tracked(source, escape=True)
    cursor, container = 0, None
    for block in parse_blocks(source):
        wanted = _container(block, source)
        if container and wanted != container:
            out.emit(f"</{container}>")
        out.copy(cursor, block.start)
        if wanted and wanted != container:
            out.emit(f"<{wanted}>\n")
        container = wanted
        _html_block(out, block)
        cursor = block.end
    if container:
        out.emit(f"</{container}>")
    out.copy(cursor, len(source))
    return out


def _container(block: MdBlock, source: str) -> str | None:
    if block.kind == "list_item":
        return "ol" if source[block.start : block.body_start].strip()[:1].isdigit() else "ul"
    return "table" if block.kind in ("table_row", "table_rule") else None


def _html_block(out: Tracked, block: MdBlock) -> None:
    source = out.source
    if block.kind in ("front_matter", "table_rule"):
        out.drop(block.start, block.end)
    elif block.kind == "heading":
        out.emit(f"<h{block.level}>")
        out.drop(block.start, block.body_start)
        inline(out, block.body_start, block.end, tags=True)
        out.emit(f"</h{block.level}>")
    elif block.kind in ("list_item", "quote", "paragraph"):
        opening, closing = {"list_item": ("<li>", "</li>"), "quote": ("<blockquote><p>", "</p></blockquote>")}.get(
            block.kind, ("<p>", "</p>")
        )
        out.emit(opening)
        out.drop(block.start, block.body_start)
        inline(out, block.body_start, block.end, tags=True)
        out.emit(closing)
    elif block.kind == "table_row":
        out.emit("<tr>")
        pipes = [m.start() for m in re.finditer(r"\|", source[: block.end]) if m.start() >= block.start]
        bounds = [block.start - 1] + pipes + [block.end]
        for left, right in itertools.pairwise(bounds):
            if left + 1 < right and source[left + 1 : right].strip():
                out.emit("<td>")
                inline(out, left + 1, right, tags=True)
                out.emit("</td>")
            else:
                out.copy(left + 1, right)
            if right < block.end:
                out.drop(right, right + 1)
        out.emit("</tr>")
    elif block.kind == "code":
        first_newline = source.find("\n", block.start, block.end)
        last_newline = source.rfind("\n", block.start, block.end)
        if first_newline == -1 or last_newline <= first_newline:
            out.drop(block.start, block.end)
            return
        out.emit("<pre><code>")
        out.drop(block.start, first_newline + 1)
        out.copy(first_newline + 1, last_newline)
        out.drop(last_newline, block.end)
        out.emit("</code></pre>")
    elif block.kind == "rule":
        out.drop(block.start, block.end)
        out.emit("<hr>")


@dataclass(frozen=True, slots=True)
class TextLayout:
    """How a plain-text rendering lays out blocks, as the tools that make plain text of web pages
    do: trafilatura and jusText put list items on lines of their own, often without bullets and
    with blank lines between them; browsers' "save as text" and copy-paste separate headings and
    paragraphs by one newline or two.

    ``bullet``: the marker put before unordered list items; ``"keep"`` keeps the source's marker,
    ``""`` drops it (numbered items always keep their numbers). ``item_gap`` goes between two list
    items, ``block_gap`` between other blocks; ``None`` keeps the Markdown source's spacing.
    """

    bullet: str = "- "
    item_gap: str | None = None
    block_gap: str | None = None


# Drawn with these weights: the Markdown's own layout stays the most common.
_BULLETS = ("keep", "- ", "• ", "* ", "")
_ITEM_APART_RATE, _SINGLE_NEWLINE_RATE = 0.3, 0.3


def random_text_layout(rng: random.Random) -> TextLayout:
    """A layout drawn with ``rng`` (seeded by the caller, so datasets rebuild identically)."""
    bullet = rng.choice(_BULLETS)
    item_gap = "\n\n" if rng.random() < _ITEM_APART_RATE else None
    block_gap = "\n" if rng.random() < _SINGLE_NEWLINE_RATE else None
    return TextLayout(bullet, item_gap, block_gap)


def markdown_to_text(source: str, *, layout: TextLayout = TextLayout()) -> Tracked:
    """Plain text: headings and paragraphs as lines, Markdown markers gone, list bullets as
    ``layout.bullet`` says, table rows as ``cell | cell``, code kept, rules and front matter
    dropped, blocks spaced as ``layout`` says."""
    out = Tracked(source, escape=False)
    cursor, previous = 0, None
    for block in parse_blocks(source):
        _gap(out, cursor, block.start, _wanted_gap(layout, previous, block))
        cursor, previous = block.end, block
        if block.kind in ("front_matter", "rule", "table_rule"):
            out.drop(block.start, block.end)
            limit = 1 if block.kind == "table_rule" else 2
            gap = len(source[block.end : block.end + limit]) - len(source[block.end : block.end + limit].lstrip("\n"))
            out.drop(block.end, block.end + gap)  # no blank lines where the rule was
            cursor = block.end + gap
            previous = previous if block.kind == "table_rule" else None
        elif block.kind == "list_item":
            marker = source[block.start : block.body_start]
            if marker.strip()[:1].isdigit() or layout.bullet == "keep":
                out.copy(block.start, block.body_start)
            else:
                out.emit(layout.bullet)
                out.drop(block.start, block.body_start)
            inline(out, block.body_start, block.end, tags=False)
        elif block.kind == "table_row" and not source[block.start : block.end].strip("| \t"):
            out.drop(block.start, block.end + (1 if source.startswith("\n", block.end) else 0))
            cursor = block.end + (1 if source.startswith("\n", block.end) else 0)  # an empty header row
        elif block.kind == "table_row":
            row = source[block.start : block.end]
            left = block.start + len(row) - len(row.lstrip("| "))
            right = block.start + len(row.rstrip("| "))
            out.drop(block.start, left)
            inline(out, left, right, tags=False)
            out.drop(right, block.end)
        elif block.kind == "code":
            first_newline = source.find("\n", block.start, block.end)
            last_newline = source.rfind("\n", block.start, block.end)
            if first_newline == -1 or last_newline <= first_newline:
                out.drop(block.start, block.end)
                continue
            out.drop(block.start, first_newline + 1)
            out.copy(first_newline + 1, last_newline)
            out.drop(last_newline, block.end)
        else:
            out.drop(block.start, block.body_start)
            inline(out, block.body_start, block.end, tags=False)
    out.copy(cursor, len(source))
    return out


def _wanted_gap(layout: TextLayout, previous: MdBlock | None, block: MdBlock) -> str | None:
    """The spacing ``layout`` puts between two blocks, or None to keep the source's."""
    if previous is None or previous.kind == "front_matter":
        return None
    if previous.kind == "list_item" and block.kind == "list_item":
        return layout.item_gap
    if previous.kind.startswith("table_") and block.kind.startswith("table_"):
        return None  # table rows stay one per line
    return layout.block_gap


def _gap(out: Tracked, start: int, end: int, wanted: str | None) -> None:
    """Copy the blank space between two blocks, or put ``wanted`` in its place."""
    gap = out.source[start:end]
    if wanted is None or "\n" not in gap or gap.strip():
        out.copy(start, end)
        return
    out.drop(start, end)
    out.emit(wanted)
