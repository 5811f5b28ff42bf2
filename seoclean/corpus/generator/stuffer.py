"""Keyword stuffer: insert topical long-tail and off-topic commercial keyphrases at a chosen
density, in the places real stuffed pages have them.

Placements: ``mid-sentence`` (breaking the sentence), ``sentence-end`` (before the full stop, or
as a fragment sentence), ``bold`` (a bolded keyphrase mid-sentence), ``heading`` (an extra
heading), ``heading-append`` (keyphrase tacked onto a heading), ``list`` (a list of keyphrases),
``keyword-list`` ("Tags: a, b, c"), and ``title-template`` ("Top Guidelines Of <kw>").
Every inserted keyphrase is a ``keyword`` span whose ``detail`` names the placement.
"""

from __future__ import annotations

import random
from dataclasses import asdict, dataclass

from seoclean.corpus.generator.blocks import (
    TEXT_KINDS,
    MdBlock,
    parse_blocks,
    prose_ranges,
    sentence_ranges,
    title_block,
)
from seoclean.corpus.generator.keyphrases import cased, offtopic_keyphrases, topical_keyphrases
from seoclean.corpus.generator.spans import Edit, Span, apply_edits
from seoclean.corpus.pools import read_pool
from seoclean.document import WORD_RE

PLACEMENTS = ("mid-sentence", "sentence-end", "bold", "heading", "heading-append", "list", "keyword-list")


@dataclass(frozen=True, slots=True)
class StuffStyle:
    density: float  # target share of the document's words that are inserted keyphrase words
    placements: tuple[tuple[str, float], ...]  # placement -> weight
    title_template: str | None = None
    casing: str = "lower"  # lower, title, sentence, mixed
    offtopic: int = 0  # off-topic commercial keyphrases mixed in
    main_share: float = 0.6  # share of insertions that repeat the main keyphrase

    def to_dict(self) -> dict:
        row = asdict(self)
        row["placements"] = dict(self.placements)
        return row


def sample_style(rng: random.Random, *, density: float | None = None, offtopic: int | None = None) -> StuffStyle:
    """A random stuffing style: density from subtle (1%) to blatant (8%)."""
    if density is None:
        density = rng.choice((0.01, 0.015, 0.02, 0.03, 0.04, 0.06, 0.08))
    chosen = rng.sample(PLACEMENTS, rng.randint(2, 5))
    weights = tuple((placement, round(rng.uniform(0.5, 3.0), 2)) for placement in chosen)
    templates = read_pool("stuffing")["title_templates"]
    return StuffStyle(
        density=density,
        placements=weights,
        title_template=rng.choice(templates) if rng.random() < 0.55 else None,
        casing=rng.choice(("lower", "lower", "title", "sentence", "mixed")),
        offtopic=offtopic if offtopic is not None else rng.choice((0, 0, 0, 1, 2, 3)),
        main_share=round(rng.uniform(0.4, 0.9), 2),
    )


def stuff(
    text: str, spans: list[Span], title: str, style: StuffStyle, rng: random.Random
) -> tuple[str, list[Span], dict]:
    """Stuff a Markdown text. Returns the new text, all spans and stats (inserted words, density)."""
    topical = topical_keyphrases(title, text, rng)
    offtopic = offtopic_keyphrases(rng, style.offtopic)
    main = topical[0]
    n_words = len(WORD_RE.findall(text))
    target_words = max(1, round(style.density * n_words))
    planner = _Planner(text, spans, rng)
    edits: list[Edit] = []
    if style.title_template:
        edits += planner.title_template(
            style.title_template, cased(main, rng.choice(("title", "lower", "sentence")), rng)
        )
    inserted = sum(len(WORD_RE.findall(e.replacement)) for e in edits)
    names, weights = zip(*style.placements)
    failures = 0
    while inserted < target_words and failures < 30:
        pick = main if rng.random() < style.main_share else rng.choice(topical[1:] + offtopic * 2)
        placement = rng.choices(names, weights)[0]
        extra = [k for k in topical + offtopic if k != pick]
        budget = target_words - inserted  # lists are cut to the words still wanted, so 1% stays subtle
        new = planner.place(placement, cased(pick, style.casing, rng), extra, style.casing, budget)
        if not new:
            failures += 1
            continue
        edits += new
        inserted += sum(len(WORD_RE.findall(span.text)) for edit in new for span in edit.spans)
    new_text, new_spans = apply_edits(text, spans, edits)
    stats = {"keyphrase": main, "offtopic": offtopic, "inserted_words": inserted, "words": n_words}
    return new_text, new_spans, stats


class _Planner:
    """Finds free places for insertions: at most one insertion per sentence, never inside a span."""

    def __init__(self, text: str, spans: list[Span], rng: random.Random) -> None:
        self.text, self.rng = text, rng
        self.blocks = parse_blocks(text)
        self.leaves = [(s.start, s.end) for s in spans if s.kind not in ("duplicate", "mashup")]
        self.used_sentences: set[tuple[int, int]] = set()
        self.used_blocks: set[int] = set()
        self.used_positions: set[int] = set()
        self.sentences = [
            (block, sentence)
            for block in self.blocks
            if block.kind in TEXT_KINDS
            for sentence in sentence_ranges(text, block)
        ]

    def _free(self, position: int) -> bool:
        return not any(start < position < end for start, end in self.leaves)

    def _plain(self, block: MdBlock, position: int) -> bool:
        """Not inside code, a link, or (for a bolded insertion's sake) emphasis."""
        if not any(start <= position <= end for start, end in prose_ranges(self.text, block)):
            return False
        before = self.text[block.body_start : position]
        inside_link = before.rfind("[") > before.rfind("]")
        return not inside_link and before.count("**") % 2 == 0 and before.replace("**", "").count("*") % 2 == 0

    def place(self, placement: str, phrase: str, extra: list[str], casing: str, budget: int) -> list[Edit]:
        if placement in ("mid-sentence", "bold", "sentence-end"):
            return self._in_sentence(placement, phrase)
        if placement == "heading":
            return self._heading(phrase)
        if placement == "heading-append":
            return self._heading_append(phrase)
        n_extra = min(len(extra), self.rng.randint(2, 7), max(1, budget // 3 - 1))
        items = [phrase] + [cased(k, casing, self.rng) for k in self.rng.sample(extra, n_extra)]
        return self._list(items) if placement == "list" else self._keyword_list(items)

    def _in_sentence(self, placement: str, phrase: str) -> list[Edit]:
        free = [item for item in self.sentences if item[1] not in self.used_sentences]
        if not free:
            return []
        block, (start, end) = self.rng.choice(free)
        self.used_sentences.add((start, end))
        words = list(WORD_RE.finditer(self.text, start, end))
        if placement == "sentence-end":
            if self.text[end - 1] in ".!?" and self._free(end - 1) and self._plain(block, end - 1):
                if self.rng.random() < 0.5:  # "...brisk walking lower back pain."
                    return [_insert(end - 1, " ", phrase, "sentence-end")]
                return [_insert(end, " ", phrase[:1].upper() + phrase[1:] + ".", "sentence-end")]
            return []
        if len(words) < 6:
            return []
        position = words[self.rng.randrange(2, len(words) - 2)].end()
        if not self._free(position) or self.text[position : position + 1] != " " or not self._plain(block, position):
            return []
        return [_insert(position, " ", f"**{phrase}**" if placement == "bold" else phrase, placement)]

    def _heading(self, phrase: str) -> list[Edit]:
        spots = [i for i, b in enumerate(self.blocks) if b.kind == "paragraph" and i > 1 and i not in self.used_blocks]
        if not spots:
            return []
        index = self.rng.choice(spots)
        self.used_blocks.add(index)
        hashes = "#" * self.rng.choice((2, 2, 3))
        heading = phrase[:1].upper() + phrase[1:]
        span = Span(len(hashes) + 1, len(hashes) + 1 + len(heading), "keyword", heading, detail="heading")
        return [Edit(self.blocks[index].start, self.blocks[index].start, f"{hashes} {heading}\n\n", (span,))]

    def _heading_append(self, phrase: str) -> list[Edit]:
        spots = [
            i for i, b in enumerate(self.blocks) if b.kind == "heading" and b.level > 1 and i not in self.used_blocks
        ]
        if not spots:
            return []
        index = self.rng.choice(spots)
        self.used_blocks.add(index)
        end = self.blocks[index].end
        joiner = self.rng.choice((" - ", ": ", " | ", " "))
        return [_insert(end, joiner, phrase, "heading-append")] if self._free(end) else []

    def _list(self, items: list[str]) -> list[Edit]:
        spots = [i for i, b in enumerate(self.blocks) if b.kind == "paragraph" and i > 0 and i not in self.used_blocks]
        if not spots:
            return []
        index = self.rng.choice(spots)
        self.used_blocks.add(index)
        bullet = self.rng.choice(("- ", "* ", "1. "))
        replacement, spans = "", []
        for number, item in enumerate(items, 1):
            marker = f"{number}. " if bullet == "1. " else bullet
            replacement += "\n" if replacement else "\n\n"
            replacement += marker
            spans.append(Span(len(replacement), len(replacement) + len(item), "keyword", item, detail="list"))
            replacement += item
        return [Edit(self.blocks[index].end, self.blocks[index].end, replacement, tuple(spans))]

    def _keyword_list(self, items: list[str]) -> list[Edit]:
        label = self.rng.choice(read_pool("stuffing")["keyword_list_labels"])
        separator = self.rng.choice((", ", ", ", " | ", " - "))
        line = f"{label} {separator.join(items)}"
        spans = (Span(2, 2 + len(line), "keyword", line, detail="keyword-list"),)
        at_end = self.rng.random() < 0.6 or len(self.blocks) < 3
        position = self.blocks[-1].end if at_end else self.blocks[self.rng.randrange(1, len(self.blocks) - 1)].end
        if not self._free(position) or position in self.used_positions:
            return []
        self.used_positions.add(position)
        return [Edit(position, position, "\n\n" + line, spans)]

    def title_template(self, template: str, phrase: str) -> list[Edit]:
        block = title_block(self.blocks)
        if block is None or any(start < block.end and block.body_start < end for start, end in self.leaves):
            return []
        title = template.format(kw=phrase)
        original = self.text[block.body_start : block.end]
        span = Span(0, len(title), "keyword", title, original=original, detail="title-template")
        return [Edit(block.body_start, block.end, title, (span,))]


def _insert(position: int, lead: str, phrase: str, detail: str) -> Edit:
    """Insert ``lead + phrase`` at ``position``; the span covers the phrase only."""
    span = Span(len(lead), len(lead) + len(phrase), "keyword", phrase, detail=detail)
    return Edit(position, position, lead + phrase, (span,))
