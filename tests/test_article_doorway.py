"""The on-topic ``article`` doorway flavour: a real article with one long-tail keyphrase forced in."""

import random
import re
from collections import Counter
from pathlib import Path

import pytest

from seoclean.corpus.generator import doorway
from seoclean.corpus.generator.article_doorway import MAX_WORDS, MIN_WORDS, ArticleStyle, article_keyphrase, trim
from seoclean.corpus.generator.blocks import parse_blocks, sentence_ranges
from seoclean.corpus.generator.keyphrases import topic_core
from seoclean.corpus.generator.spans import check_spans
from seoclean.corpus.pools import read_pool
from seoclean.corpus.sources import read_sources
from seoclean.document import WORD_RE

SOURCES = Path(__file__).resolve().parents[1] / "datasets" / "sources" / "clean"
TITLE = "Choosing a Standing Desk: Height, Frame and Price"
BODY = """# Choosing a Standing Desk: Height, Frame and Price

A standing desk lets you switch between sitting and standing during the day. Most people who buy one
stand for an hour or two in total, not all day, so the frame and the controls matter more than the
marketing. Priya, who tested eleven models for this guide, stood for about ninety minutes a day.

## Height range

Measure your elbow height while standing in the shoes you wear at work. The desk top should reach
that height with a few centimetres to spare. Tall users often find that cheaper frames stop short.
A standing desk with a two-stage leg covers most adults.

## Frame and stability

Wobble is the most common complaint. Dual motors and a crossbar behind the legs keep a standing
desk steady at full height. Single-motor frames are quieter but sway when you type hard.

| Frame | Motors | Typical range |
|---|---|---|
| Single-stage | 1 | 72-120 cm |
| Two-stage | 2 | 62-128 cm |

## What to check before you buy

- Weight limit above what you will put on it
- Memory presets on the control panel
- A warranty of five years or more on the frame

## Price

Expect to pay more for two motors. A good standing desk costs about as much as a decent office chair,
and it lasts longer. Buying the frame alone and adding your own top saves money.
"""


def _pages(n: int = 40) -> list[tuple[ArticleStyle, str, list, dict]]:
    pages = []
    for seed in range(n):
        rng = random.Random(seed)
        style = doorway.sample_style(rng, "article")
        text, spans, stats = doorway.doorway(TITLE, BODY, style, rng)
        pages.append((style, text, spans, stats))
    return pages


def _paragraphs(text: str) -> list[str]:
    return [text[b.start : b.end] for b in parse_blocks(text) if b.kind == "paragraph"]


def _sentences(text: str) -> list[str]:
    return [
        text[a:b] for block in parse_blocks(text) if block.kind == "paragraph" for a, b in sentence_ranges(text, block)
    ]


def test_article_page_forces_one_keyphrase_into_title_and_both_ends():
    titles = {re.sub(r"\{kw\}", "", t).lower() for t in read_pool("stuffing")["title_templates"]}
    topic = topic_core(TITLE, BODY)
    assert topic == "standing desk"
    for style, text, spans, stats in _pages():
        check_spans(text, spans)
        keyphrase = stats["keyphrase"]
        assert topic in keyphrase and 3 <= len(keyphrase.split()) <= 6, keyphrase
        assert spans and all(s.kind == "keyword" and s.detail == "doorway" for s in spans)
        assert all(s.text.lower() == keyphrase for s in spans)
        # Every occurrence of the keyphrase is a span, wherever it sits.
        assert len(re.findall(re.escape(keyphrase), text, re.IGNORECASE)) == len(spans) == stats["occurrences"]
        title = text.splitlines()[0]
        assert title.startswith("# ") and keyphrase in title.lower()
        assert title[2:].lower().replace(keyphrase, "") in titles  # one of the templated titles
        paragraphs = _paragraphs(text)
        assert keyphrase in paragraphs[0].lower() and keyphrase in paragraphs[-1].lower()
        assert 1.0 <= stats["per_100_words"] <= 6.0 and stats["words"] == len(WORD_RE.findall(text))


def test_article_page_keeps_the_articles_own_text():
    for style, text, _, stats in _pages():
        kept_part = trim(BODY, style.words)
        original = set(_sentences(kept_part))
        # A sentence is changed only by a prefix, a clause or a replacement, one per sentence;
        # keyword sentences go between the article's own.
        changed = original - set(_sentences(text))
        means = stats["means"]
        assert len(changed) == means.get("prefix", 0) + means.get("clause", 0) + means.get("replace", 0)
        assert len(changed) <= 0.7 * len(original), (len(changed), len(original))
        # Lists and tables are kept line for line.
        for line in kept_part.splitlines():
            if line.startswith(("- ", "|")):
                assert line in text.splitlines()
        assert text.count("\n## ") == kept_part.count("\n## ")  # headings rewritten, never dropped or added
        assert "priya" not in text and " i " not in text  # a name after a prefix keeps its capital
    assert any("Priya" in text for _, text, _, _ in _pages())


def test_article_page_varies_its_keyphrase_means_and_casing():
    pages = _pages(60)
    means = Counter()
    for _, _, _, stats in pages:
        means.update(stats["means"])
    assert set(means) == {"prefix", "sentence", "clause", "replace"}, means
    assert {stats["modifier"] for *_, stats in pages} == {"commercial", "local", "question"}
    assert {style.casing for style, *_ in pages} == {"lower", "title"}
    assert len({stats["keyphrase"] for *_, stats in pages}) >= 30
    # Subheadings: the share drawn, some replaced by template headings, some with the keyphrase attached.
    own_headings = [line for line in BODY.splitlines() if line.startswith("## ")]
    with_keyphrase = [
        sum(stats["keyphrase"] in line.lower() for line in text.splitlines() if line.startswith("## "))
        for _, text, _, stats in pages
    ]
    assert min(with_keyphrase) < len(own_headings) == max(with_keyphrase)
    assert any(any(h[3:] in text and h not in text for h in own_headings) for _, text, _, _ in pages)  # attached
    # The middle paragraphs get the keyphrase at about the drawn share (30-90%), more with the density top-up.
    shares = [stats["paragraphs_with_keyphrase"] / stats["paragraphs"] for *_, stats in pages]
    assert 0.5 <= sum(shares) / len(shares) <= 1.0


def test_article_pages_are_deterministic_by_seed():
    def page(seed: int) -> tuple:
        rng = random.Random(seed)
        return doorway.doorway(TITLE, BODY, doorway.sample_style(rng, "article"), rng)

    assert page(3) == page(3) and page(3)[0] != page(4)[0]


def test_keyphrase_shapes_stay_within_three_to_six_words():
    rng = random.Random(0)
    for core in ("mulch", "standing desk", "lower back pain"):
        for _ in range(50):
            phrase, kind = article_keyphrase(core, rng)
            assert core in phrase and 3 <= len(phrase.split()) <= 6 and kind in ("commercial", "local", "question")


@pytest.mark.skipif(not SOURCES.exists(), reason="needs the clean sources under datasets/sources/clean")
def test_trim_cuts_long_articles_at_a_block_end_within_range():
    sources = read_sources(SOURCES)
    long_ones = [s for s in sources if len(WORD_RE.findall(s.body)) > 900][:10]
    assert long_ones
    for source in long_ones:
        for target in (MIN_WORDS, 400, MAX_WORDS):
            kept = trim(source.body, target)
            assert source.body.startswith(kept.rstrip("\n"))
            assert MIN_WORDS <= len(WORD_RE.findall(kept)) <= MAX_WORDS
            assert source.body[len(kept) - 1 : len(kept) + 1] in ("\n\n", "\n")  # a block's end, not mid-paragraph
    assert trim(BODY, MAX_WORDS) == BODY  # an article shorter than the range is kept whole


def test_flavours_are_drawn_at_their_shares():
    rng = random.Random(1)
    drawn = Counter(doorway.draw_flavour(rng) for _ in range(4000))
    assert set(drawn) == set(doorway.FLAVOUR_SHARES)
    for flavour, share in doorway.FLAVOUR_SHARES.items():
        assert abs(drawn[flavour] / 4000 - share) < 0.03, drawn
    assert isinstance(doorway.sample_style(random.Random(2), "article"), ArticleStyle)
    with pytest.raises(ValueError, match="unknown doorway flavour"):
        doorway.sample_style(random.Random(2), "landing")
