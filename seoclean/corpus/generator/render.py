"""Final documents: a Markdown body plus the lines around it (``Wrapper``) as Markdown, plain text
or a whole HTML page, with every span moved to the output's coordinates.

Spans always point into the raw document (the Markdown, the text, or the HTML source). The title
shown again in front matter or in ``<title>`` carries copies of the spans over the H1.
"""

from __future__ import annotations

import html
import random
import re

from seoclean.corpus.generator.blocks import parse_blocks, title_block
from seoclean.corpus.generator.convert import markdown_to_html, markdown_to_text, random_text_layout
from seoclean.corpus.generator.page import PageLine, Wrapper
from seoclean.corpus.generator.spans import Edit, Span, apply_edits, check_spans

_NAV_SPLIT = re.compile(r"\s+[|·/]\s+")


def render(body: str, spans: list[Span], wrapper: Wrapper, fmt: str, rng: random.Random) -> tuple[str, list[Span]]:
    """The document in ``fmt`` (markdown, text, html) and its spans."""
    if fmt == "markdown":
        text, spans = _wrap_lines(body, spans, wrapper, markdown=True, rng=rng)
        if rng.random() < 0.3:
            text, spans = _front_matter(text, spans)
    elif fmt == "text":
        out = markdown_to_text(body, layout=random_text_layout(rng))
        text = out.text
        text, spans = _wrap_lines(text, out.move(spans, text), wrapper, markdown=False, rng=rng)
    elif fmt == "html":
        text, spans = _html_page(body, spans, wrapper, rng)
    else:
        raise ValueError(f"unknown format {fmt!r}")
    end = len(text.rstrip("\n"))
    if text[end:] != "\n":  # one final newline, whatever the edits left: layout must not hint at the label
        text, spans = apply_edits(text, spans, [Edit(end, len(text), "\n")])
    check_spans(text, spans)
    return text, sorted(spans, key=lambda span: (span.start, -span.end))


def _line_text(line: PageLine, markdown: bool, rng: random.Random) -> str:
    if line.role == "related":
        return f"- [{line.text}](/{_slug(line.text)})" if markdown and rng.random() < 0.5 else f"- {line.text}"
    if line.role == "related_heading" and markdown:
        return f"### {line.text}"
    return line.text


def _wrap_lines(
    text: str, spans: list[Span], wrapper: Wrapper, *, markdown: bool, rng: random.Random
) -> tuple[str, list[Span]]:
    """Put the wrapper's lines above and below the text, one per line or paragraph."""
    edits = []
    for lines, position in ((wrapper.top, 0), (wrapper.bottom, len(text.rstrip("\n")))):
        if not lines:
            continue
        joiner = "\n\n" if markdown and rng.random() < 0.6 else "\n"
        block, new_spans = "", []
        for line in lines:
            if block:
                block += "\n" if line.role == "related" else joiner
            line_text = _line_text(line, markdown, rng)
            if line.spam:
                new_spans.append(
                    Span(len(block), len(block) + len(line_text), "boilerplate", line_text, detail=line.role)
                )
            block += line_text
        if position == 0:
            edits.append(Edit(0, 0, block + "\n\n", tuple(new_spans)))
        else:
            edits.append(Edit(position, position, "\n\n" + block, tuple(s.moved(2) for s in new_spans)))
    return apply_edits(text, spans, edits)


def _front_matter(text: str, spans: list[Span]) -> tuple[str, list[Span]]:
    """``---\\ntitle: ...\\n---`` above a Markdown draft, echoing the H1 with its spans."""
    block = title_block(parse_blocks(text))
    if block is None:
        return text, spans
    title = text[block.body_start : block.end]
    lead = "---\ntitle: "
    quoted = '"' + title.replace('"', '\\"') + '"' if ":" in title or '"' in title else title
    head = f"{lead}{quoted}\n---\n\n"
    title_at = len(lead) + (1 if quoted != title else 0)
    text, spans = apply_edits(text, spans, [Edit(0, 0, head)])
    shift = len(head)
    return text, spans + _echo(text, spans, block.body_start + shift, block.end + shift, title_at)


def _echo(text: str, spans: list[Span], start: int, end: int, echo_at: int) -> list[Span]:
    """Copies of the spans inside ``text[start:end]`` at ``echo_at``, where the same text repeats."""
    if text[echo_at : echo_at + end - start] != text[start:end]:
        return []
    return [span.moved(echo_at - start) for span in spans if start <= span.start and span.end <= end]


def _slug(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:60]


_HEADS = (
    (
        '<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<link rel="stylesheet" href="/assets/site.css">'
    ),
    (
        '<meta charset="UTF-8">\n<meta name="description" content="">\n<link rel="stylesheet" href="/static/main.min.css">\n'
        '<script src="/static/app.js" defer></script>'
    ),
    '<meta http-equiv="Content-Type" content="text/html; charset=utf-8">\n<link rel="icon" href="/favicon.ico">',
)


def _html_page(body: str, spans: list[Span], wrapper: Wrapper, rng: random.Random) -> tuple[str, list[Span]]:
    fragment = markdown_to_html(body)
    article = fragment.text
    article_spans = fragment.move(spans, article)
    block = title_block(parse_blocks(body))
    title_start = fragment.start_at[block.body_start] if block else 0
    title_end = fragment.end_at[block.end - 1] if block else 0
    page_title = re.sub(r"<[^>]+>", "", article[title_start:title_end])
    head = f'<!DOCTYPE html>\n<html lang="en">\n<head>\n{rng.choice(_HEADS)}\n<title>'
    title_at = len(head)
    head += page_title + "</title>\n</head>\n<body>\n"
    top, top_spans = _html_lines(wrapper.top, wrapper.site, rng, header=True)
    prefix = head + top + '<main>\n<article class="post">\n'
    bottom, bottom_spans = _html_lines(wrapper.bottom, wrapper.site, rng, header=False)
    suffix = "\n</article>\n" + bottom + "</body>\n</html>\n"
    text = prefix + article + suffix
    result = [s.moved(len(head)) for s in top_spans]
    result += [s.moved(len(prefix)) for s in article_spans]
    result += [s.moved(len(prefix) + len(article) + len("\n</article>\n")) for s in bottom_spans]
    result += _echo(text, result, len(prefix) + title_start, len(prefix) + title_end, title_at)
    return text, result


def _html_lines(lines: tuple[PageLine, ...], site: str, rng: random.Random, *, header: bool) -> tuple[str, list[Span]]:
    """The header (site name, top lines) or the closing ``</main>`` and footer (bottom lines)."""
    out = (
        '<header class="site-header">\n' + f'<div class="site-name"><a href="/">{html.escape(site)}</a></div>\n'
        if header
        else "</main>\n<footer>\n"
    )
    spans: list[Span] = []
    in_list = False
    for line in lines:
        if line.role == "related" and not in_list:
            out, in_list = out + '<ul class="related">\n', True
        elif line.role != "related" and in_list:
            out, in_list = out + "</ul>\n", False
        escaped = html.escape(line.text, quote=False)
        if line.role == "nav":
            links = "".join(f'<a href="#">{html.escape(item)}</a> ' for item in _NAV_SPLIT.split(line.text))
            out += f"<nav>{links.strip()}</nav>\n"
            continue
        opening, closing = {
            "related": ('<li><a href="#">', "</a></li>"),
            "related_heading": ("<h3>", "</h3>"),
        }.get(line.role, (rng.choice((f'<div class="{line.role}">', f'<p class="{line.role}">', "<span>")), ""))
        if not closing:
            closing = "</div>" if opening.startswith("<div") else "</p>" if opening.startswith("<p") else "</span><br>"
        if line.spam:
            start = len(out) + len(opening)
            spans.append(Span(start, start + len(escaped), "boilerplate", escaped, detail=line.role))
        out += f"{opening}{escaped}{closing}\n"
    if in_list:
        out += "</ul>\n"
    out += "</header>\n" if header else "</footer>\n"
    return out, spans
