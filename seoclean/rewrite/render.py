"""An HTML page's main content as Markdown or plain text, the form in which it is cleaned.

Only blocks inside the main content (``Block.in_main``, from trafilatura) are kept: navigation,
sidebars and footers are the site's, not the article's. Headings keep their level (``## ``), list
items become ``- `` lines, quotes ``> ``, table rows Markdown table rows and ``<pre>`` a fenced code
block. The page's ``<title>`` becomes the top heading only when the main content has no ``<h1>`` and
no heading that says the same (pages normally repeat their title as a heading).
"""

from __future__ import annotations

import re

from seoclean.document import Block, Document

OUTPUT_FORMATS = ("markdown", "text")
# Characters that would turn a plain paragraph into Markdown structure at the start of a line.
_MARKDOWN_LINE_START_RE = re.compile(r"^(?=[#>+]|[-*] |\d{1,3}[.)] |```|~~~|---)", re.MULTILINE)
_CELL = " | "


def render_main_content(doc: Document, to: str = "markdown") -> str:
    """The main content of an HTML ``doc`` as Markdown (``to="markdown"``) or plain text."""
    if to not in OUTPUT_FORMATS:
        raise ValueError(f"unknown output format {to!r}; use one of: {', '.join(OUTPUT_FORMATS)}")
    markdown = to == "markdown"
    blocks = [b for b in doc.blocks if b.in_main and doc.text[b.start : b.end].strip()]
    # the page's <title> is left out when a heading of the main content already says it
    titles = {_plain(doc.text[b.start : b.end]) for b in blocks if b.kind == "title"}
    has_h1 = any(b.tag == "h1" or (b.kind == "heading" and _plain(doc.text[b.start : b.end]) in titles) for b in blocks)
    parts: list[str] = []  # (rendered block, kind) joined below
    kinds: list[str] = []
    for block in blocks:
        if block.kind == "title" and has_h1:
            continue
        body = doc.text[block.start : block.end].strip()
        parts.append(_render_block(block, body, markdown, first_row=not kinds or kinds[-1] != "table"))
        kinds.append(block.kind)
    out = []
    for index, part in enumerate(parts):
        if index:
            tight = kinds[index] == kinds[index - 1] and kinds[index] in ("list_item", "table")
            out.append("\n" if tight else "\n\n")
        out.append(part)
    return "".join(out) + "\n" if out else ""


def _render_block(block: Block, body: str, markdown: bool, *, first_row: bool) -> str:
    if block.kind == "code":
        return f"```\n{body}\n```" if markdown else body
    if not markdown:
        return f"- {body}" if block.kind == "list_item" else body
    if block.kind in ("heading", "title"):
        return f"{'#' * _heading_level(block)} {_escape(body)}"
    if block.kind == "list_item":
        return f"- {_escape(body)}"
    if block.kind == "quote":
        return f"> {_escape(body)}"
    if block.kind == "table":
        row = f"| {body} |"
        if first_row:
            return row + "\n|" + " --- |" * (body.count(_CELL) + 1)
        return row
    return _escape(body)


def _plain(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def _heading_level(block: Block) -> int:
    if block.kind == "title":
        return 1
    return int(block.tag[1]) if re.fullmatch(r"h[1-6]", block.tag or "") else 2


def _escape(body: str) -> str:
    """Backslash a line start that Markdown would read as structure ("1. ", "# ", "> ")."""
    return _MARKDOWN_LINE_START_RE.sub("\\\\", body)


__all__ = ["OUTPUT_FORMATS", "render_main_content"]
