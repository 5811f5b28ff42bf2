"""Load an HTML page into a ``Document``.

The analysed text is the page's visible text, one ``Block`` per paragraph-level element (p, h1-h6,
li, table row, blockquote, pre, and text sitting directly in a div, nav or footer), blocks joined by
a blank line, whitespace inside a block collapsed to single spaces. Each block records its tag, its
kind, the fraction of its characters inside links, and whether trafilatura kept it as main content.

Offsets into the analysed text map back to the HTML source (``html_source_map``); main content
comes from trafilatura (``main_content``).
"""

from __future__ import annotations

from lxml import etree
from lxml import html as lxml_html

from seoclean.document import Block, Document
from seoclean.ingest.html_source_map import SourceLocator, SourceMap
from seoclean.ingest.main_content import mark_main_content

# Content a reader never sees as text. <head> is dropped after its <title> has been read.
# fmt: off
_INVISIBLE_TAGS = frozenset(
    {"script", "style", "template", "svg", "math", "head", "title", "iframe", "object",
     "embed", "canvas", "select", "datalist", "audio", "video"}
)
# fmt: on
# Elements that start a new block; everything else is inline and joins the surrounding block.
# fmt: off
_BLOCK_TAGS = frozenset(
    {"html", "body", "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "ul", "ol", "dl",
     "blockquote", "pre", "table", "thead", "tbody", "tfoot", "tr", "caption", "div", "section",
     "article", "main", "header", "footer", "nav", "aside", "address", "figure", "figcaption",
     "form", "fieldset", "legend", "details", "summary", "center", "hr", "menu", "dialog", "hgroup"}
)
# fmt: on
_KIND_BY_TAG = {
    **{f"h{level}": "heading" for level in range(1, 7)},
    "li": "list_item",
    "dt": "list_item",
    "dd": "list_item",
    "blockquote": "quote",
    "tr": "table",
    "caption": "table",
    "pre": "code",
}
# Kinds that a nested paragraph inherits (a <p> inside a <blockquote> is a quote).
_INHERITED_KINDS = frozenset({"quote", "list_item", "table"})
_CELL_SEPARATOR = " | "
_NOSCRIPT_CONTENT_WORDS = 50


def load_html(source: str, *, path: str | None = None) -> Document:
    """Parse ``source`` leniently and return its visible text as a ``Document`` (format "html")."""
    root = _parse(source)
    if root is None:
        return Document("", format="html", path=path, blocks=[], title=None)
    title_element = root.find(".//title")
    title = _collapse(title_element.text_content()) if title_element is not None else ""
    _drop_invisible(root)
    builder = _BlockBuilder(SourceLocator(source))
    if title:
        builder.add_title(title, title_element)
    _walk(root, builder)
    text, blocks = builder.finish()
    blocks = mark_main_content(source, text, blocks)
    return Document(
        text,
        format="html",
        path=path,
        blocks=blocks,
        source_position=SourceMap(source, text, builder.anchors).position,
        title=title or None,
    )


def _parse(source: str) -> etree._Element | None:
    """The lenient lxml parse, or None when there is nothing to parse."""
    if not source or not source.strip():
        return None
    parser = lxml_html.HTMLParser(remove_comments=True, remove_pis=True)
    try:
        return lxml_html.document_fromstring(source, parser=parser)
    except ValueError:
        # A str with an XML encoding declaration (or a NUL byte) is refused as str; bytes are not.
        parser = lxml_html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True)
        try:
            return lxml_html.document_fromstring(source.encode("utf-8", "replace"), parser=parser)
        except (etree.ParserError, ValueError):
            return None
    except etree.ParserError:  # "Document is empty"
        return None


def _drop_invisible(root: etree._Element) -> None:
    """Remove elements that render no text; their tails (text after them) stay in place."""
    doomed = [el for el in root.iter() if not isinstance(el.tag, str) or _is_invisible(el)]
    for element in doomed:
        if element.getparent() is not None:
            element.drop_tree()


def _is_invisible(element: etree._Element) -> bool:
    if element.tag == "noscript":
        # Blogger-style pages ship the article itself in <noscript> behind a script template;
        # only short notices ("Please enable JavaScript") and tracking pixels are dropped.
        return len(element.text_content().split()) < _NOSCRIPT_CONTENT_WORDS
    # Text hidden with CSS or the ``hidden`` attribute is kept: tabs and accordions hide real
    # content, and hidden keyword blocks are exactly what the other detectors should see.
    return element.tag in _INVISIBLE_TAGS


def _walk(root: etree._Element, builder: _BlockBuilder) -> None:
    """One pass over the tree: block elements open and close blocks, text joins the open block."""
    kinds = ["paragraph"]
    link_depth = 0
    for event, element in etree.iterwalk(root, events=("start", "end")):
        tag = element.tag if isinstance(element.tag, str) else ""
        if event == "start":
            if tag in _BLOCK_TAGS:
                kinds.append(_kind_for(tag, kinds[-1]))
                builder.open_block(element, kinds[-1])
            elif tag in ("td", "th"):
                builder.separate_cell()
            elif tag == "br":
                builder.line_break()
            if tag == "a":
                link_depth += 1
                builder.separate_links()
            if element.text:
                builder.add_text(element.text, element, in_link=link_depth > 0, is_tail=False)
        else:
            if tag == "a":
                link_depth -= 1
            if tag in _BLOCK_TAGS:
                kinds.pop()
                builder.close_block()
            if element.tail and element is not root:
                builder.add_text(element.tail, element, in_link=link_depth > 0, is_tail=True)


def _kind_for(tag: str, parent_kind: str) -> str:
    if parent_kind == "code":
        return "code"
    if tag in _KIND_BY_TAG:
        return _KIND_BY_TAG[tag]
    return parent_kind if parent_kind in _INHERITED_KINDS else "paragraph"


class _BlockBuilder:
    """Accumulates the text of the open block and emits one ``Block`` per non-empty block.

    Blocks nest (a div holding text and paragraphs), so open blocks form a stack; text always
    joins the innermost one, and opening or closing any block ends the text run before it.
    """

    def __init__(self, locator: SourceLocator) -> None:
        self._locator = locator
        self._parts: list[str] = []  # the analysed text so far
        self._length = 0
        self._blocks: list[Block] = []
        self._stack: list[tuple[etree._Element, str]] = []
        self._in_run = False  # whether the innermost block has text yet
        self._run_start = 0
        self._link_chars = 0
        self._pending_space = False
        self._pending_separator = ""
        self._last_in_link = False
        self.anchors: list[tuple[int, int]] = []  # (offset in text, offset in source), sorted

    def add_title(self, title: str, element: etree._Element) -> None:
        self._begin_run()
        source_offset = self._locator.locate(title, element, is_tail=False)
        if source_offset is not None:
            self.anchors.append((self._length, source_offset))
        self._append(title)
        self._emit(Block(self._run_start, self._length, "title", True, 0.0, element.sourceline, "title"))

    def open_block(self, element: etree._Element, kind: str) -> None:
        self.close_run()
        self._stack.append((element, kind))

    def close_block(self) -> None:
        self.close_run()
        if self._stack:
            self._stack.pop()

    def separate_cell(self) -> None:
        self._pending_separator = _CELL_SEPARATOR

    def separate_links(self) -> None:
        # Adjacent links ("<a>Home</a><a>About</a>") render as separate items, not one word.
        if self._last_in_link:
            self._pending_space = True

    def line_break(self) -> None:
        self._pending_space = True

    def add_text(self, raw: str, element: etree._Element, *, in_link: bool, is_tail: bool) -> None:
        piece = _collapse(raw)
        if not piece:
            self._pending_space = self._pending_space or bool(raw)
            return
        if not self._in_run:
            self._begin_run()
        elif self._pending_separator:
            self._append(self._pending_separator)
        elif self._pending_space or raw[0].isspace():
            self._append(" ")
        self._pending_space, self._pending_separator = raw[-1].isspace(), ""
        source_offset = self._locator.locate(piece, element, is_tail)
        if source_offset is not None:
            self.anchors.append((self._length, source_offset))
        self._append(piece)
        self._last_in_link = in_link
        if in_link:
            self._link_chars += len(piece)

    def close_run(self) -> None:
        if not self._in_run:
            return
        element, kind = self._stack[-1] if self._stack else (None, "paragraph")
        length = self._length - self._run_start
        block = Block(
            start=self._run_start,
            end=self._length,
            kind=kind,
            link_density=min(1.0, self._link_chars / length),
            source_line=element.sourceline if element is not None else None,
            tag=element.tag if element is not None else "",
        )
        self._emit(block)

    def finish(self) -> tuple[str, list[Block]]:
        self.close_run()
        return "".join(self._parts), self._blocks

    def _begin_run(self) -> None:
        if self._blocks:
            self._append("\n\n")
        self._in_run, self._run_start, self._link_chars = True, self._length, 0
        self._pending_space, self._pending_separator = False, ""

    def _append(self, piece: str) -> None:
        self._parts.append(piece)
        self._length += len(piece)

    def _emit(self, block: Block) -> None:
        self._blocks.append(block)
        self._in_run = False


def _collapse(text: str) -> str:
    return " ".join(text.split())


__all__ = ["load_html"]
