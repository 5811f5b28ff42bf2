"""Templated doorway pages: thin pages made to rank for one long-tail keyphrase.

What such pages are generally described to look like, not a copy of any collected page: 150-600
words; the keyphrase (the source article's topic with a commercial or local modifier) in the
title, the H1, the first sentence, most subheadings and the closing line; short generic filler
paragraphs that would fit any topic; a related-searches list of city / "best" / "near me" / year
variants. The keyphrase density is drawn from 2-6%. The page keeps nothing of the source article
but its topic words, as a farm's page built from a keyword list would.

Every keyphrase occurrence is a ``keyword`` span with ``detail`` ``doorway``.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from seoclean.corpus.generator.keyphrases import frequent_words, topic_core
from seoclean.corpus.generator.spans import Span
from seoclean.corpus.pools import read_pool

_PLACEHOLDER = re.compile(r"\{(\w+)\}")
_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’\-]*")
_KEYPHRASE_SLOTS = frozenset({"kw", "Kw"})


@dataclass(frozen=True, slots=True)
class DoorwayStyle:
    words: int  # length the filler grows the page to
    density: float  # keyphrase words / all words the filler aims at
    sections: int
    related: int  # entries in the related-searches list (0: none)
    kw_heading_share: float  # share of subheadings that carry the keyphrase
    dense: bool  # a heading over every short paragraph (most blocks are headings)

    def to_dict(self) -> dict:
        return {"words": self.words, "density": self.density, "sections": self.sections, "related": self.related,
                "kw_heading_share": self.kw_heading_share, "dense": self.dense}


def sample_style(rng: random.Random) -> DoorwayStyle:
    """Half the pages are heading-dense (5-10 subheadings over one or two sentences each, 130-300
    words), half have 3-6 sections of a few paragraphs (130-560 words)."""
    dense = rng.random() < 0.5
    return DoorwayStyle(
        words=rng.randint(130, 300) if dense else rng.randint(130, 560),
        density=rng.choice((0.02, 0.03, 0.04, 0.05, 0.06)),
        sections=rng.randint(5, 10) if dense else rng.randint(3, 6), related=rng.choice((0, 4, 6, 8)),
        kw_heading_share=rng.choice((0.3, 0.5, 0.8, 1.0)), dense=dense,
    )


class _Page:
    """A Markdown page under construction with the spans of every keyphrase it received."""

    def __init__(self, values: dict[str, str]) -> None:
        self.values = values
        self.text = ""
        self.spans: list[Span] = []

    def add(self, template: str, prefix: str = "", suffix: str = "\n\n", **overrides: str) -> None:
        values = {**self.values, **overrides}
        self.text += prefix
        cursor = 0
        for match in _PLACEHOLDER.finditer(template):
            self.text += template[cursor : match.start()]
            value = values[match.group(1)]
            if match.group(1) in _KEYPHRASE_SLOTS:
                self.spans.append(Span(len(self.text), len(self.text) + len(value), "keyword", value, detail="doorway"))
            self.text += value
            cursor = match.end()
        self.text += template[cursor:] + suffix

    @property
    def words(self) -> int:
        return len(_WORD.findall(self.text))

    def keyword_words(self) -> int:
        return sum(len(span.text.split()) for span in self.spans)


def doorway(title: str, body: str, style: DoorwayStyle, rng: random.Random) -> tuple[str, list[Span], dict]:
    """A doorway page (Markdown, starting with its H1) targeting a keyphrase from ``title``."""
    pool = read_pool("doorway")
    core = topic_core(title, body)
    keyphrase = long_tail_keyphrase(core, rng)
    values = {
        "kw": keyphrase, "Kw": _title_case(keyphrase), "city": rng.choice(pool["cities"]),
        "year": str(rng.randint(2019, 2026)), "n": str(rng.choice((3, 5, 7, 10, 12))), "topic": core,
        "word": rng.choice(frequent_words(body, core) or [core]),
    }
    page = _Page(values)
    fillers = _FillerDeck(pool, rng)
    page.add(rng.choice(pool["titles"]), prefix="# ")
    page.add(rng.choice(pool["openers"]) + " " + fillers.plain())
    words_per_section = max(20, (style.words - page.words - 40) // style.sections)
    for heading in rng.sample(pool["headings"], style.sections):
        topical = rng.random() >= style.kw_heading_share  # the bare topic, not the whole keyphrase
        page.add(heading, prefix="## ", **({"Kw": _title_case(core)} if topical else {}))
        target = page.words + (1 if style.dense else words_per_section)
        while page.words < target:
            under = page.keyword_words() < style.density * (page.words + 15)
            n_sentences = rng.randint(1, 2 if style.dense else 3)
            page.add(" ".join(fillers.keyword() if under and i == 0 else fillers.plain() for i in range(n_sentences)))
    if style.related:
        page.add(rng.choice(pool["related_heading"]), prefix="## ")
        variants = rng.sample(pool["variants"], min(style.related, len(pool["variants"])))
        for index, variant in enumerate(variants):
            overrides = {"kw": core} if rng.random() < 0.5 else {}
            page.add(variant, prefix="- ", suffix="\n" if index < len(variants) - 1 else "\n\n", **overrides)
    page.add(rng.choice(pool["closers"]))
    text = page.text.rstrip("\n") + "\n"
    stats = {"keyphrase": keyphrase, "words": page.words, "keyphrase_words": page.keyword_words(),
             "density_achieved": round(page.keyword_words() / max(1, page.words), 4)}
    return text, page.spans, stats


def long_tail_keyphrase(core: str, rng: random.Random) -> str:
    """The topic with a commercial or local modifier: "best index funds", "index funds near me"."""
    pools = read_pool("stuffing")
    prefix, suffix = rng.choice(pools["commercial_prefixes"]), rng.choice(pools["commercial_suffixes"])
    return rng.choice((f"{prefix} {core}", f"{core} {suffix}", f"{prefix} {core} {suffix}"))


class _FillerDeck:
    """Filler sentences drawn without repeats until a pile runs out (then it is reshuffled)."""

    def __init__(self, pool: dict, rng: random.Random) -> None:
        self._rng = rng
        self._piles = {"plain": list(pool["fillers"]), "keyword": list(pool["keyword_fillers"])}
        self._left: dict[str, list[str]] = {name: [] for name in self._piles}

    def plain(self) -> str:
        return self._draw("plain")

    def keyword(self) -> str:
        return self._draw("keyword")

    def _draw(self, name: str) -> str:
        if not self._left[name]:
            self._left[name] = self._rng.sample(self._piles[name], len(self._piles[name]))
        return self._left[name].pop()


def _title_case(phrase: str) -> str:
    return " ".join(word[:1].upper() + word[1:] for word in phrase.split(" "))
