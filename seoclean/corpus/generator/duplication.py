"""Duplication: repeated titles, repeated lines and list items, repeated paragraphs, and
near-duplicate paragraphs (sentences dropped, swapped or reworded).

Each copy is a ``duplicate`` span (``detail``: ``title``, ``line``, ``paragraph``,
``near-paragraph``) over the later occurrence; spans inside an exact copy (a spun word, a
keyphrase) are copied along, so the ground truth inside the copy stays complete.
"""

from __future__ import annotations

import random
from dataclasses import asdict, dataclass

from seoclean.corpus.generator.blocks import MdBlock, parse_blocks, sentence_ranges, title_block
from seoclean.corpus.generator.spans import Edit, Span, apply_edits, spans_within
from seoclean.corpus.pools import read_phrase_table
from seoclean.document import WORD_RE


@dataclass(frozen=True, slots=True)
class DupStyle:
    titles: int = 0  # repeated titles
    lines: int = 0  # repeated sentences or list items
    paragraphs: int = 0  # exact paragraph copies
    near: int = 0  # near-duplicate paragraphs

    def to_dict(self) -> dict:
        return asdict(self)


def sample_style(rng: random.Random) -> DupStyle:
    """At least two duplications of one or more kinds."""
    while True:
        style = DupStyle(
            titles=rng.choice((0, 0, 1, 1, 2)),
            lines=rng.choice((0, 0, 1, 2, 3, 4)),
            paragraphs=rng.choice((0, 0, 1, 1, 2, 3)),
            near=rng.choice((0, 0, 1, 1, 2)),
        )
        if style.titles + style.lines + style.paragraphs + style.near >= 2:
            return style


def duplicate(text: str, spans: list[Span], style: DupStyle, rng: random.Random) -> tuple[str, list[Span], dict]:
    blocks = parse_blocks(text)
    paragraphs = [b for b in blocks if b.kind == "paragraph" and len(WORD_RE.findall(text, b.start, b.end)) >= 12]
    targets = [b.end for b in blocks if b.kind == "paragraph"] or [blocks[-1].end]
    edits: list[Edit] = []
    title = title_block(blocks)
    for _ in range(style.titles if title else 0):
        edits.append(_copy_title(text, spans, title, rng.choice(targets), rng))
    for _ in range(style.lines):
        edit = _copy_line(text, spans, blocks, targets, rng)
        if edit:
            edits.append(edit)
    for _ in range(style.paragraphs if paragraphs else 0):
        source = rng.choice(paragraphs)
        for _copy in range(rng.choice((1, 1, 1, 2))):
            edits.append(_copy_block(text, spans, source, _later(targets, source, rng), "paragraph"))
    for _ in range(style.near if paragraphs else 0):
        source = rng.choice(paragraphs)
        variant = near_duplicate(text[source.start : source.end], rng)
        span = Span(2, 2 + len(variant), "duplicate", variant, detail="near-paragraph")
        position = _later(targets, source, rng)
        edits.append(Edit(position, position, "\n\n" + variant, (span,)))
    new_text, new_spans = apply_edits(text, spans, edits)
    return new_text, new_spans, {"copies": len(edits)}


def _later(targets: list[int], source: MdBlock, rng: random.Random) -> int:
    """A paragraph end after the source if there is one (spam repeats further down), else any."""
    later = [t for t in targets if t > source.end]
    return rng.choice(later or targets)


def _copy_block(text: str, spans: list[Span], block: MdBlock, position: int, detail: str) -> Edit:
    body = text[block.start : block.end]
    inner = [s.moved(2) for s in spans_within(spans, block.start, block.end)]
    span = Span(2, 2 + len(body), "duplicate", body, detail=detail)
    return Edit(position, position, "\n\n" + body, (span, *inner))


def _copy_title(text: str, spans: list[Span], title: MdBlock, position: int, rng: random.Random) -> Edit:
    words = text[title.body_start : title.end]
    inner = spans_within(spans, title.body_start, title.end)
    lead = rng.choice(("\n\n## ", "\n\n### ", "\n\n**", "\n\n"))
    tail = "**" if lead.endswith("**") else ""
    span = Span(len(lead), len(lead) + len(words), "duplicate", words, detail="title")
    moved = [s.moved(len(lead)) for s in inner]
    return Edit(position, position, lead + words + tail, (span, *moved))


def _copy_line(
    text: str, spans: list[Span], blocks: list[MdBlock], targets: list[int], rng: random.Random
) -> Edit | None:
    items = [b for b in blocks if b.kind == "list_item"]
    if items and rng.random() < 0.35:
        item = rng.choice(items)
        span_text = text[item.start : item.end]
        inner = [s.moved(1) for s in spans_within(spans, item.start, item.end)]
        span = Span(1, 1 + len(span_text), "duplicate", span_text, detail="line")
        return Edit(item.end, item.end, "\n" + span_text, (span, *inner))
    sentences = [
        sentence
        for b in blocks
        if b.kind == "paragraph"
        for sentence in sentence_ranges(text, b)
        if len(WORD_RE.findall(text, *sentence)) >= 5
    ]
    if not sentences:
        return None
    start, end = rng.choice(sentences)
    line = text[start:end]
    lead = " " if rng.random() < 0.6 else "\n\n"
    inner = [s.moved(len(lead)) for s in spans_within(spans, start, end)]
    span = Span(len(lead), len(lead) + len(line), "duplicate", line, detail="line")
    position = rng.choice(targets)
    return Edit(position, position, lead + line, (span, *inner))


def near_duplicate(paragraph: str, rng: random.Random) -> str:
    """A paragraph a reader would call the same: a sentence dropped or two swapped, a few words
    swapped for near-synonyms from the phrase table."""
    sentences = paragraph.replace("\n", " ").split(". ")
    if len(sentences) >= 3 and rng.random() < 0.5:
        sentences.pop(rng.randrange(1, len(sentences)))
    if len(sentences) >= 2 and rng.random() < 0.5:
        i = rng.randrange(len(sentences) - 1)
        last = sentences[-1]
        sentences[i], sentences[i + 1] = sentences[i + 1], sentences[i]
        if sentences[-1] != last:  # keep the final full stop where it was
            sentences = [s.rstrip(".") for s in sentences]
            sentences[-1] += "."
    variant = ". ".join(sentences)
    table = dict(read_phrase_table())
    words = variant.split(" ")
    for index in rng.sample(range(len(words)), min(len(words), 12)):
        options = table.get(words[index].lower())
        if options and rng.random() < 0.5:
            words[index] = rng.choice(options)
    variant = " ".join(words)
    if variant == paragraph:  # nothing changed: reword the opening instead
        variant = (
            rng.choice(("In short, ", "Again, ", "Remember: ", "As we said, ")) + variant[:1].lower() + variant[1:]
        )
    return variant
