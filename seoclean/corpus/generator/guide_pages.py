"""Informational "guide" doorway pages: the template farms' other flavour.

What such pages are generally described to look like, not a copy of any collected page: 150-450
words on one keyphrase that is a plain topic phrase, at most with an informational tail
("sourdough starter care tips"), never a commercial or local modifier. The keyphrase is in the
title, the opening sentence, most subheadings ("Why {Kw} Matters", "Common {Kw} Mistakes"), most
paragraphs and the closing paragraph, 2.5-6 times per 100 words. The filler is topic-agnostic
"guide" prose that names the keyphrase as if it were a discipline ("Mastering {kw} is essential
for long-term success"), vague promises, bullet lists of steps that fit any topic, and sometimes
a few questions with generic answers. Its words stay on topic because the only specific words
are the keyphrase's.

Every occurrence of the keyphrase (or, in a heading that carries only the topic, of the topic)
is a ``keyword`` span with ``detail`` ``doorway``.
"""

from __future__ import annotations

import random
import re

from seoclean.corpus.generator.doorway import DoorwayStyle, FillerDeck, Page, title_case
from seoclean.corpus.generator.keyphrases import frequent_words, topic_core
from seoclean.corpus.generator.spans import Span
from seoclean.corpus.pools import read_pool

MIN_DENSITY, MAX_DENSITY = 0.025, 0.06  # keyphrase occurrences per word
MIN_WORDS = 150
END_HEADING_SHARE = 0.75  # pages with a "Conclusion"-style heading over the closing paragraph


NICHE_SHARE = 0.6  # keyphrases narrowed by one of the article's own nouns ("index fund fees")
MAX_KEYPHRASE_WORDS = 5


def guide_keyphrase(core: str, body: str, rng: random.Random) -> str:
    """A long-tail phrase on the topic, as keyword tools list them: the topic narrowed by one of
    the article's frequent nouns ("index fund fees", "sourdough starter feeding") more often than
    not, and sometimes an informational tail ("... for beginners"); a one-word topic always gets
    one of the two, as keyword lists rarely target one bare word."""
    words = core.split()
    nouns = [noun for noun in frequent_words(body, core) if noun not in words]
    if nouns and (len(words) == 1 or rng.random() < NICHE_SHARE):
        words.append(rng.choice(nouns[:4]))
    tail = rng.choice(read_pool("doorway")["guide_tails"]).split()
    if rng.random() < (1.0 if len(words) == 1 else 0.35) and len(words) + len(tail) <= MAX_KEYPHRASE_WORDS:
        words += tail
    return " ".join(words)


def guide_page(title: str, body: str, style: DoorwayStyle, rng: random.Random) -> tuple[str, list[Span], dict]:
    """A guide-flavoured doorway page (Markdown, starting with its H1) on the topic of ``title``."""
    core = topic_core(title, body)
    keyphrase = guide_keyphrase(core, body, rng)
    # Template text that happens to contain the topic ("follow these steps" on a page about steps)
    # would be an occurrence without a span: such lines are left out.
    pool = _avoiding(read_pool("doorway"), re.compile(rf"\b{re.escape(core)}\b", re.IGNORECASE))
    running = keyphrase if style.casing == "lower" else title_case(keyphrase)
    values = {"kw": running, "Ks": running[:1].upper() + running[1:], "Kw": title_case(keyphrase)}
    deck = FillerDeck({name: pool[f"guide_{name}"] for name in ("fillers", "keyword_fillers", "steps")}, rng)
    page, ending = Page(values), _ending(Page(values), pool, style, rng)
    page.add(rng.choice(pool["guide_titles"]), prefix="# ")
    page.add(rng.choice(pool["guide_openers"]) + " " + deck.draw("fillers"))
    per_section = max(20, (style.words - page.words - ending.words - 50 * style.lists) // style.sections)
    chosen = sorted(rng.sample(range(len(pool["guide_headings"])), style.sections))  # the template's order
    with_list = set(rng.sample(range(style.sections), min(style.lists, style.sections)))
    for index, heading in enumerate(pool["guide_headings"][i] for i in chosen):
        topical = rng.random() >= style.kw_heading_share  # the bare topic, not the whole keyphrase
        page.add(heading, prefix="## ", **({"Kw": title_case(core)} if topical else {}))
        target = page.words + per_section
        page.add(_paragraph(page, deck, style, rng, lead=True))
        while not style.dense and page.words + 30 < target:
            page.add(_paragraph(page, deck, style, rng))
        if index in with_list:
            _steps(page, deck, pool, rng)
    _balance(page, ending, deck, style, rng)
    page.extend(ending)
    text = page.text.rstrip("\n") + "\n"
    stats = page.stats()
    stats.update(keyphrase=keyphrase, topic=core, per_100_words=round(100 * stats["occurrences"] / stats["words"], 2))
    return text, page.spans, stats


def _avoiding(pool: dict[str, tuple[str, ...]], pattern: re.Pattern) -> dict[str, tuple[str, ...]]:
    """The guide sections without the lines ``pattern`` matches (all of them if none is left)."""
    return {
        name: tuple(line for line in lines if not pattern.search(line)) or lines
        for name, lines in pool.items()
        if name.startswith("guide_")
    }


def _ending(page: Page, pool: dict, style: DoorwayStyle, rng: random.Random) -> Page:
    """What follows the sections, written first so the sections can make room for it: the
    questions, if any, and the closing paragraph, with or without a "Conclusion" heading."""
    if style.faq:
        page.add(rng.choice(pool["guide_faq_headings"]), prefix="## ")
        for pair in rng.sample(pool["guide_faq"], style.faq):
            question, _, answer = pair.partition("? ")
            page.add(question + "?", prefix="### ")
            page.add(answer)
    if rng.random() < END_HEADING_SHARE:
        page.add(rng.choice(pool["guide_end_headings"]), prefix="## ")
    page.add(rng.choice(pool["guide_closers"]))
    return page


def _balance(page: Page, ending: Page, deck: FillerDeck, style: DoorwayStyle, rng: random.Random) -> None:
    """More paragraphs in the last section until the whole page is long enough and its density
    within range: the page's own while it is short, plain ones while too dense, keyphrase ones
    while too sparse."""

    def words() -> int:
        return page.words + ending.words

    def density() -> float:
        return (len(page.spans) + len(ending.spans)) / words()

    while words() + 15 < (MIN_WORDS if style.dense else style.words):  # a dense page's length is its sections'
        page.add(_paragraph(page, deck, style, rng))
    while density() > 0.97 * MAX_DENSITY or words() < MIN_WORDS:
        page.add(" ".join(deck.draw("fillers") for _ in range(rng.randint(2, 3))))
    while density() < 1.03 * MIN_DENSITY:
        page.add(f"{deck.draw('keyword_fillers')} {deck.draw('fillers')}")


def _paragraph(page: Page, deck: FillerDeck, style: DoorwayStyle, rng: random.Random, lead: bool = False) -> str:
    """Generic sentences, one or two of them naming the keyphrase while the page is under its
    density; a section's ``lead`` paragraph names it anyway unless the page is already too dense."""
    sentences = [deck.draw("fillers") for _ in range(rng.randint(1, 2) if style.dense else rng.randint(3, 5))]
    deficit = style.density * (page.words + 40) - len(page.spans)
    n_keyword = min(len(sentences), 0 if deficit <= 0 else 1 if deficit < 1.5 else 2)
    if lead and not n_keyword and len(page.spans) + 1 < 0.9 * MAX_DENSITY * (page.words + 40):
        n_keyword = 1
    if n_keyword:  # mostly as the opening sentence
        lead_first = rng.random() < 0.6
        others = rng.sample(range(1, len(sentences)) if lead_first else range(len(sentences)), n_keyword - lead_first)
        for index in [0][:lead_first] + others:
            sentences[index] = deck.draw("keyword_fillers")
    return " ".join(sentences)


def _steps(page: Page, deck: FillerDeck, pool: dict, rng: random.Random) -> None:
    """A lead-in and a Markdown list of 3-6 generic steps: labels only, whole lines, or bold labels."""
    page.add(rng.choice(pool["guide_list_intros"]))
    n, shape, ordered = rng.randint(3, 6), rng.choice(("label", "line", "bold")), rng.random() < 0.3
    for index in range(n):
        label, _, rest = deck.draw("steps").partition(": ")
        item = {"label": label, "line": f"{label}: {rest}", "bold": f"**{label}:** {rest}"}[shape if rest else "label"]
        page.add(item, prefix=f"{index + 1}. " if ordered else "- ", suffix="\n" if index < n - 1 else "\n\n")
