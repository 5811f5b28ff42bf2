"""Markdown drafts: YAML front matter, block structure from markdown-it-py, and a masked copy of
the text in which link targets, inline code, HTML tags and comments are blanked out.

The analysed text is the Markdown source itself, so every finding's offset maps straight to a
line and column in the file the editor opened.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from seoclean.document import Block, Document, LineIndex

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
# Non-prose inline markup: link/image targets, autolinks, inline code, HTML tags and comments.
_MASKED_INLINE = re.compile(
    r"\]\([^)\n]*\)"  # ](target "title")
    r"|<https?://[^>\s]+>"  # <http://autolink>
    r"|`[^`\n]+`"  # `code`
    r"|<!--.*?-->"  # <!-- comment -->
    r"|</?[A-Za-z][^>\n]*>",  # <tag attr="...">
    re.DOTALL,
)
_LINK = re.compile(r"\[([^\]\n]*)\]\([^)\n]*\)|<(https?://[^>\s]+)>")
_BLOCK_KIND = {
    "heading_open": "heading",
    "paragraph_open": "paragraph",
    "fence": "code",
    "code_block": "code",
    "html_block": "markup",
    "tr_open": "table",
}


def load_markdown(text: str, *, path: str | None = None) -> Document:
    front_matter, body_start = _front_matter(text)
    blocks = []
    if body_start:
        blocks.append(Block(0, body_start, "front_matter", source_line=1))
    blocks += _blocks(text, body_start)
    masked = _MASKED_INLINE.sub(lambda m: _blank(m.group()), text)
    title = front_matter.get("title") if isinstance(front_matter.get("title"), str) else None
    return Document(
        text, format="markdown", path=path, blocks=blocks, masked=masked, front_matter=front_matter, title=title
    )


def _blank(markup: str) -> str:
    # Keep newlines so line numbers stay right; keep link text brackets out of words.
    return "".join("\n" if ch == "\n" else " " for ch in markup)


def _front_matter(text: str) -> tuple[dict[str, Any], int]:
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, 0
    import yaml

    try:
        data = yaml.safe_load(match.group(1) or "") or {}
    except yaml.YAMLError:
        data = {}  # malformed front matter is still not prose: skip it, analyse the body
    return (data if isinstance(data, dict) else {}), match.end()


@functools.cache
def _parser():
    """One CommonMark parser (tables on) for every document: building one costs as much as parsing
    a short page, and parsing does not change it."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable("table")


def _blocks(text: str, body_start: int) -> list[Block]:
    index = LineIndex(text)
    first_body_line = index.line_col(body_start)[0] - 1 if body_start else 0
    lines = text.split("\n")
    tokens = _parser().parse("\n".join(lines[first_body_line:]))
    blocks: list[Block] = []
    in_list_item = in_quote = 0
    for token in tokens:
        if token.type in ("list_item_open", "list_item_close"):
            in_list_item += 1 if token.type.endswith("open") else -1
        elif token.type in ("blockquote_open", "blockquote_close"):
            in_quote += 1 if token.type.endswith("open") else -1
        kind = _BLOCK_KIND.get(token.type)
        if kind is None or token.map is None:
            continue
        if kind == "paragraph" and in_list_item:
            kind = "list_item"
        elif kind == "paragraph" and in_quote:
            kind = "quote"
        first, last = token.map[0] + first_body_line + 1, token.map[1] + first_body_line
        start = index.line_span(first)[0]
        end = index.line_span(last)[1]
        end = len(text) if end < 0 else end
        density = _link_density(text[start:end]) if kind in ("paragraph", "list_item", "table") else 0.0
        blocks.append(Block(start, end, kind, link_density=density, source_line=first, tag=token.tag))
    return blocks


def _link_density(chunk: str) -> float:
    """Share of the block's visible characters that are link text (as jusText measures on HTML)."""
    link_chars = 0
    visible = chunk
    for match in _LINK.finditer(chunk):
        link_text = match.group(1) if match.group(1) is not None else match.group(2)
        link_chars += len(link_text.strip())
        visible = visible.replace(match.group(), link_text, 1)
    visible_chars = len(visible.strip(" -*|\t\n"))
    return min(1.0, link_chars / visible_chars) if visible_chars else 0.0
