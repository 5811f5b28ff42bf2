"""Templated doorway pages: thin pages made to rank for one keyphrase, in three flavours.

What such pages are generally described to look like, not a copy of any collected page. The
``local`` flavour (this module): 150-600 words; the keyphrase (the source article's topic with a
commercial or local modifier) in the title, the H1, the first sentence, most subheadings and the
closing line; short generic filler paragraphs that would fit any topic; a related-searches list
of city / "best" / "near me" / year variants; keyphrase density drawn from 2-6%. The ``guide``
flavour (``guide_pages``): an informational "complete guide" on the bare topic, see there.
Either page keeps nothing of the source article but its topic words, as a farm's page built from
a keyword list would. The ``article`` flavour (``article_doorway``) is the on-topic kind: the
source article itself with one long-tail keyphrase forced into its title, headings and
paragraphs, see there.

Every keyphrase occurrence is a ``keyword`` span with ``detail`` ``doorway``.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING

from seoclean.corpus.generator.keyphrases import frequent_words, topic_core
from seoclean.corpus.generator.spans import Span
from seoclean.corpus.pools import read_pool

if TYPE_CHECKING:
    from seoclean.corpus.generator.article_doorway import ArticleStyle

_PLACEHOLDER = re.compile(r"\{(\w+)\}")
_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’\-]*")
# {kw} the keyphrase in running text, {Kw} in Title Case, {Ks} at the start of a sentence.
_KEYPHRASE_SLOTS = frozenset({"kw", "Kw", "Ks"})
# Shares of doorway rows. Half are on-topic articles: that is what templated pages mostly are
# today, and the kind whose text varies most (every source reads differently), while the two
# filler templates are learnt from fewer rows.
FLAVOUR_SHARES = {"guide": 0.25, "local": 0.25, "article": 0.5}


@dataclass(frozen=True, slots=True)
class DoorwayStyle:
    words: int  # length the filler grows the page to
    density: float  # what the filler aims at: keyphrase words / words (local), occurrences / words (guide)
    sections: int
    related: int  # entries in the related-searches list (0: none)
    kw_heading_share: float  # share of subheadings that carry the keyphrase (the others: its topic)
    dense: bool  # a heading over every short paragraph (most blocks are headings)
    flavour: str = "local"  # "local" (commercial / local keyphrase) or "guide" (informational topic)
    casing: str = "lower"  # the keyphrase in running text: "lower" or "title" (Title Case)
    lists: int = 0  # sections with a bullet list of generic steps (guide pages)
    faq: int = 0  # questions in a "frequently asked questions" block (guide pages)

    def to_dict(self) -> dict:
        return asdict(self)


def draw_flavour(rng: random.Random) -> str:
    """A flavour with the chances of ``FLAVOUR_SHARES``, from one draw of ``rng``."""
    return rng.choices(list(FLAVOUR_SHARES), list(FLAVOUR_SHARES.values()))[0]


def sample_style(rng: random.Random, flavour: str | None = None) -> DoorwayStyle | ArticleStyle:
    """Local pages: half heading-dense (5-10 subheadings over one or two sentences each, 130-300
    words), half in 3-6 sections of a few paragraphs (130-560 words). Guide pages (150-450 words):
    30% heading-dense (as many subheadings over a sentence or two as the length takes, 4-10, and at
    most one list), the others in 2-6 sections of a few paragraphs and 0-2 lists of steps; a few
    questions on longer pages; 2.5-6 keyphrase occurrences per 100 words. Article pages: see
    ``article_doorway.sample_article_style``. ``flavour`` None draws it (``FLAVOUR_SHARES``)."""
    if flavour is None:
        flavour = draw_flavour(rng)
    if flavour == "article":
        from seoclean.corpus.generator.article_doorway import sample_article_style  # it builds on this module

        return sample_article_style(rng)
    if flavour == "guide":
        dense = rng.random() < 0.3
        words = rng.randint(150, 280) if dense else rng.randint(170, 360)
        lists = rng.choice((0, 0, 1) if dense else (0, 1, 1, 2))
        faq = rng.choice((0, 0, 2, 3)) if words >= 260 else 0
        room = (words - 60 - 50 * lists - 22 * faq) // (22 if dense else 45)  # sections that fit
        return DoorwayStyle(
            words=words,
            density=round(rng.uniform(0.025, 0.06), 3),
            sections=max(4, min(room, 10)) if dense else max(2, min(room, rng.randint(3, 6))),
            related=0,
            kw_heading_share=rng.choice((0.3, 0.5, 0.8, 1.0)),
            dense=dense,
            flavour="guide",
            casing=rng.choice(("lower", "lower", "title")),
            lists=lists,
            faq=faq,
        )
    if flavour != "local":
        raise ValueError(f"unknown doorway flavour {flavour!r}")
    dense = rng.random() < 0.5
    return DoorwayStyle(
        words=rng.randint(130, 300) if dense else rng.randint(130, 560),
        density=rng.choice((0.02, 0.03, 0.04, 0.05, 0.06)),
        sections=rng.randint(5, 10) if dense else rng.randint(3, 6),
        related=rng.choice((0, 4, 6, 8)),
        kw_heading_share=rng.choice((0.3, 0.5, 0.8, 1.0)),
        dense=dense,
    )


class Page:
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

    def extend(self, other: Page) -> None:
        """Append another page's text and spans (a part written ahead, such as a page's ending)."""
        self.spans += [span.moved(len(self.text)) for span in other.spans]
        self.text += other.text

    @property
    def words(self) -> int:
        return len(_WORD.findall(self.text))

    def keyword_words(self) -> int:
        return sum(len(span.text.split()) for span in self.spans)

    def stats(self) -> dict:
        words, keyword_words = self.words, self.keyword_words()
        return {
            "words": words,
            "keyphrase_words": keyword_words,
            "occurrences": len(self.spans),
            "density_achieved": round(keyword_words / max(1, words), 4),
        }


def doorway(
    title: str, body: str, style: DoorwayStyle | ArticleStyle, rng: random.Random
) -> tuple[str, list[Span], dict]:
    """A doorway page (Markdown, starting with its H1) targeting a keyphrase from ``title``."""
    if style.flavour == "article":
        from seoclean.corpus.generator.article_doorway import article_page  # it builds on this module

        return article_page(title, body, style, rng)
    if style.flavour == "guide":
        from seoclean.corpus.generator.guide_pages import guide_page  # it builds on this module

        return guide_page(title, body, style, rng)
    pool = read_pool("doorway")
    core = topic_core(title, body)
    keyphrase = long_tail_keyphrase(core, rng)
    values = {
        "kw": keyphrase,
        "Kw": title_case(keyphrase),
        "city": rng.choice(pool["cities"]),
        "year": str(rng.randint(2019, 2026)),
        "n": str(rng.choice((3, 5, 7, 10, 12))),
        "topic": core,
        "word": rng.choice(frequent_words(body, core) or [core]),
    }
    page = Page(values)
    fillers = FillerDeck({"plain": pool["fillers"], "keyword": pool["keyword_fillers"]}, rng)
    page.add(rng.choice(pool["titles"]), prefix="# ")
    page.add(rng.choice(pool["openers"]) + " " + fillers.draw("plain"))
    words_per_section = max(20, (style.words - page.words - 40) // style.sections)
    for heading in rng.sample(pool["headings"], style.sections):
        topical = rng.random() >= style.kw_heading_share  # the bare topic, not the whole keyphrase
        page.add(heading, prefix="## ", **({"Kw": title_case(core)} if topical else {}))
        target = page.words + (1 if style.dense else words_per_section)
        while page.words < target:
            under = page.keyword_words() < style.density * (page.words + 15)
            n_sentences = rng.randint(1, 2 if style.dense else 3)
            page.add(" ".join(fillers.draw("keyword" if under and i == 0 else "plain") for i in range(n_sentences)))
    if style.related:
        page.add(rng.choice(pool["related_heading"]), prefix="## ")
        variants = rng.sample(pool["variants"], min(style.related, len(pool["variants"])))
        for index, variant in enumerate(variants):
            overrides = {"kw": core} if rng.random() < 0.5 else {}
            page.add(variant, prefix="- ", suffix="\n" if index < len(variants) - 1 else "\n\n", **overrides)
    page.add(rng.choice(pool["closers"]))
    text = page.text.rstrip("\n") + "\n"
    return text, page.spans, {"keyphrase": keyphrase, **page.stats()}


def long_tail_keyphrase(core: str, rng: random.Random) -> str:
    """The topic with a commercial or local modifier: "best index funds", "index funds near me"."""
    pools = read_pool("stuffing")
    prefix, suffix = rng.choice(pools["commercial_prefixes"]), rng.choice(pools["commercial_suffixes"])
    return rng.choice((f"{prefix} {core}", f"{core} {suffix}", f"{prefix} {core} {suffix}"))


class FillerDeck:
    """Lines drawn from named piles without repeats until a pile runs out (then it is reshuffled)."""

    def __init__(self, piles: dict[str, Sequence[str]], rng: random.Random) -> None:
        self._rng = rng
        self._piles = {name: list(lines) for name, lines in piles.items()}
        self._left: dict[str, list[str]] = {name: [] for name in self._piles}

    def draw(self, name: str) -> str:
        if not self._left[name]:
            self._left[name] = self._rng.sample(self._piles[name], len(self._piles[name]))
        return self._left[name].pop()


def title_case(phrase: str) -> str:
    return " ".join(word[:1].upper() + word[1:] for word in phrase.split(" "))
