"""Scraped mash-up: paragraphs glued in from other articles, some of the host's own dropped.

Donors come from the same split as the host (the caller's job), so no text crosses splits. Most
donors are from other genres ("unrelated articles"); some from the same genre, as topical
scrapers do. Each pasted passage is a ``mashup`` span naming its ``donor``.
"""

from __future__ import annotations

import random
from functools import cache

from seoclean.corpus.generator.blocks import parse_blocks
from seoclean.corpus.generator.spans import Edit, Span, apply_edits
from seoclean.corpus.sources import CleanSource
from seoclean.document import WORD_RE

MIN_PASSAGE_WORDS = 15


@cache
def offers_passage(source: CleanSource) -> bool:
    """Whether ``source`` has a paragraph long enough to paste (a how-to page of short steps has none)."""
    text = source.body
    return any(
        block.kind == "paragraph" and len(WORD_RE.findall(text, block.start, block.end)) >= MIN_PASSAGE_WORDS
        for block in parse_blocks(text)
    )


def donor_passages(source: CleanSource, rng: random.Random, n: int) -> list[str]:
    """Up to ``n`` passages of a donor: a paragraph, sometimes with the heading above it."""
    text = source.body
    blocks = parse_blocks(text)
    passages = []
    for index, block in enumerate(blocks):
        if block.kind != "paragraph" or len(WORD_RE.findall(text, block.start, block.end)) < MIN_PASSAGE_WORDS:
            continue
        previous = blocks[index - 1] if index else None
        if previous is not None and previous.kind == "heading" and previous.level > 1 and rng.random() < 0.4:
            passages.append(text[previous.start : block.end])
        else:
            passages.append(text[block.start : block.end])
    return rng.sample(passages, min(n, len(passages)))


def mashup(
    text: str, spans: list[Span], donors: list[CleanSource], rng: random.Random, *, drop_share: float | None = None
) -> tuple[str, list[Span], dict]:
    """Paste 2-8 donor passages between the host's paragraphs and drop some host paragraphs."""
    blocks = parse_blocks(text)
    paragraphs = [i for i, b in enumerate(blocks) if b.kind == "paragraph" and i > 1]
    drop_share = rng.uniform(0.0, 0.4) if drop_share is None else drop_share
    dropped = set(rng.sample(paragraphs, int(len(paragraphs) * drop_share))) if len(paragraphs) > 3 else set()
    edits = []
    for index in sorted(dropped):  # drop the blank line before the paragraph along with it
        edits.append(Edit(blocks[index - 1].end, blocks[index].end, ""))
    anchors = [blocks[i].end for i in paragraphs if i not in dropped] or [blocks[-1].end]
    pasted = 0
    for donor in donors:
        for passage in donor_passages(donor, rng, rng.randint(1, 3)):
            span = Span(2, 2 + len(passage), "mashup", passage, detail="pasted", donor=donor.source_id)
            position = rng.choice(anchors)
            edits.append(Edit(position, position, "\n\n" + passage, (span,)))
            pasted += 1
    new_text, new_spans = apply_edits(text, spans, edits)
    return new_text, new_spans, {"donors": [d.source_id for d in donors], "pasted": pasted, "dropped": len(dropped)}
