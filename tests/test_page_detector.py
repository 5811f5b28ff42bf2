"""The page detector's measures on realistic doorway pages, comment threads and articles."""

from __future__ import annotations

import pytest

from seoclean.detectors import page
from seoclean.detectors.page import PageDetector
from seoclean.ingest import load_text

DOORWAY = """# Best Boiler Repair in Leeds (2024) - Top 5 Options

Looking for best boiler repair? You have come to the right place. Prices change often.

## Why Choose Best Boiler Repair?

Quality and price are the two things most customers care about. Best boiler repair is a great choice.

## Best Boiler Repair Prices in Leeds

Choosing the right provider can save you time and money.

## How to Find the Best Boiler Repair

Read the reviews and compare the features before you decide.

Contact us today to get the best boiler repair in Leeds.
"""

ARTICLE = """# How to bleed a radiator

Cold patches at the top of a radiator usually mean trapped air. Bleeding it takes ten minutes.

## What you need

A radiator key, a cloth and a small bowl. Turn the heating off first so the water is not hot.

## Bleeding the radiator

Open the valve a quarter turn until the hissing stops and water appears, then close it again.
Check the boiler pressure afterwards: it often drops a little after bleeding several radiators.
"""

SPAM_THREAD = """Jen says:

Great post! I will definitely bookmark your site. Visit my site: https://quickcash-loans.biz/go/22

Loan Lender wrote:

Thanks for sharing such a nice information. Also visit my website: [payday loans](http://fastcash.xyz/)
"""

GENUINE_THREAD = """Tom W. on 5 May 2023

I tried bleeding the radiators last winter and the boiler pressure dropped to almost zero. How do I top it up?

Priya says:

Same here. The filling loop under our boiler took a while to find, but the manual explains it.
"""


def measures(text: str, fmt: str = "markdown") -> dict[str, float]:
    return PageDetector().run(load_text(text, format=fmt)).measures


def test_doorway_page_puts_its_phrase_in_most_headings_and_at_both_ends():
    doorway, article = measures(DOORWAY), measures(ARTICLE)
    assert doorway["top_phrase_heading_frac"] >= 0.75
    assert doorway["top_phrase_at_edges"] == 1.0
    assert article["top_phrase_heading_frac"] == 0.0 and article["top_phrase_at_edges"] == 0.0


def test_comment_spam_praises_and_drops_links_and_genuine_comments_do_not():
    spam, genuine = measures(SPAM_THREAD), measures(GENUINE_THREAD)
    assert spam["url_per_100w"] > 5 and spam["link_line_frac"] == pytest.approx(0.5)
    assert spam["praise_sentence_frac"] == pytest.approx(3 / 7)  # of 7 sentences, headers and link lines included
    assert genuine["url_per_100w"] == 0.0 and genuine["praise_sentence_frac"] == 0.0
    # Both are comment threads: the headers say so, whichever kind of comment follows.
    assert spam["comment_header_frac"] == genuine["comment_header_frac"] == 0.5


def test_measures_are_complete_floats_and_zero_for_an_empty_page():
    result = PageDetector().run(load_text("Just one short line of text here.", format="text"))
    assert set(result.measures) == set(PageDetector.measure_names) and result.findings == []
    assert all(isinstance(v, float) for v in result.measures.values())
    assert result.measures["top_phrase_heading_frac"] == result.measures["url_per_100w"] == 0.0


@pytest.mark.parametrize(
    "sentence",
    [
        "Really superb little write-up, mate.",
        "Thank you so much for sharing this post.",
        "Keep up the good work!",
        "I'll definitely come back for more.",
        "Bookmarked your site.",
        "Your blog is very informative.",
        "I stumbled upon your page yesterday.",
        "Loved reading this article.",
        "Found your blog via Google today.",
    ],
)
def test_every_kind_of_generic_praise_is_recognised(sentence):
    # One sentence per alternative of the praise pattern: guards the first-letter lookahead that
    # speeds the pattern up (an alternative whose first letter it missed would never match).
    assert page._PRAISE_RE.search(sentence)


GUIDE_TEMPLATE = """Compost Tea Brewing: The Complete Guide

This guide covers everything you need to know about compost tea brewing and why it matters.

Why Compost Tea Brewing Matters

Compost tea brewing is an essential part of any modern approach. Getting it right pays off quickly.

Getting Started

Successful compost tea brewing requires planning, patience and a clear goal.

Common Mistakes

Many beginners rush compost tea brewing and skip the basics. Avoid that and results follow.

Final Thoughts

Mastering compost tea brewing takes time, but the effort is worth it.
"""

TOPICAL_ARTICLE = """Brewing compost tea at home

Compost tea is a liquid made by steeping finished compost in water, often with air bubbled through it.

Start with a five-gallon bucket, an aquarium pump and a mesh bag of mature compost from your own heap.

Leave it to brew for a day or two. If it smells sour rather than earthy, the brew went anaerobic.

Strain it and use it the same day on seedlings and pot plants; it does not keep.

Some growers add molasses to feed the microbes, though the evidence for that is thin.

Whether compost tea does more than plain compost is still argued over by soil scientists.
"""


def test_a_template_names_its_phrase_in_nearly_every_paragraph_and_an_article_does_not():
    template, article = measures(GUIDE_TEMPLATE, "text"), measures(TOPICAL_ARTICLE, "text")
    assert template["top_phrase_paragraph_frac"] >= 0.8
    assert article["top_phrase_paragraph_frac"] <= 0.5
