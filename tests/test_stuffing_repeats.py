"""Keyphrases repeated where a phrase stands alone (``standalone_repeats``), query headings that
vary one topic, spaced-out keyword lists: stuffed pages lose them, honest articles come back
unchanged."""

from __future__ import annotations

from seoclean.analysis import Analyzer
from seoclean.detectors.stuffing import StuffingDetector
from seoclean.document import Document
from seoclean.rewrite.api import clean

HEART_RATE_ARTICLE = """\
# Training with heart rate zones

Your heart rate is the simplest measure of how hard you are working. A chest strap or a good \
watch reads it every second, and after a few weeks the numbers tell you more than any feeling of \
effort.

Start with your resting heart rate. Measure it in bed, before you get up, on three mornings in a \
row, and take the lowest value. A resting heart rate that creeps up for several days is an early \
sign of illness or of too little sleep.

Your maximum heart rate is harder to find. The old formula of 220 minus your age is only a rough \
guide; a hard uphill run of a few minutes gives a better figure. From the two numbers a heart rate \
monitor or an app works out your zones.

Most of your weekly training should sit in the easy zones, where you can still talk in full \
sentences. Keep your heart rate there on long runs even if it feels slow: the easy miles build the \
base that the hard sessions stand on. Check your heart rate data after each week, not after each \
run, because a single day says little.
"""


COMPOST_GUIDE = """\
# Starting a compost heap

A compost heap turns kitchen scraps and garden waste into a dark, crumbly soil improver in six to \
twelve months. It needs air, water and a mix of green and brown material, and very little else.

## Choosing a spot

Pick a level, well-drained spot that gets some sun, close enough to the kitchen that you will use it \
in winter. Bare soil underneath lets worms move in from below.

## What goes in

Vegetable peelings, coffee grounds, grass cuttings and soft prunings are the green half. Cardboard, \
dry leaves and straw are the brown half. Keep meat, dairy and cooked food out: they attract rats.

## Turning the heap

Turn the heap with a fork every few weeks to let air in. A heap that smells sour is too wet and \
needs more brown material; one that stays dry and cold needs water and more green material.
"""


def stuffing_findings(text: str):
    return [f for f in StuffingDetector().run(Document(text)).findings if f.rule.startswith("SEO1")]


def test_an_article_that_repeats_its_topic_comes_back_unchanged():
    # Dense enough for SEO101 (which only reports), but nothing planted.
    assert not [f for f in stuffing_findings(HEART_RATE_ARTICLE) if f.rule != "SEO101"]
    result = clean(HEART_RATE_ARTICLE, format="markdown", analyzer=Analyzer(model=None))
    assert not result.edits and result.text == HEART_RATE_ARTICLE


def test_a_phrase_standing_as_a_sentence_and_as_a_heading_goes_from_both():
    stuffed = COMPOST_GUIDE.replace("very little else.", "very little else. Compost bin sizes.").replace(
        "## What goes in", "## Compost bin sizes\n\n## What goes in"
    )
    assert [f.text for f in stuffing_findings(stuffed)] == ["Compost bin sizes"] * 2
    assert clean(stuffed, format="markdown", analyzer=Analyzer(model=None)).text == COMPOST_GUIDE


def test_a_sentence_of_its_own_without_a_heading_to_match_is_the_writers():
    emphatic = COMPOST_GUIDE.replace("very little else.", "very little else. No special bins needed.")
    assert not stuffing_findings(emphatic)


RELOCATION_NEWS = """\
Software firm to open office with 200 jobs

A software company will open a regional office in the former mill building on River Street, \
bringing 200 jobs to the town over the next three years, the council said on Tuesday.

The first 40 employees are expected to start in the fall.

• affordable former mill building

• certified former mill building

The company said most of the new positions would be filled locally, and that it would work with \
the community college on a training programme for developers and support staff.
"""

SPACED_POINTS = """\
Before you sign the lease, check three things with the landlord.

• who pays for repairs to the heating

• how much notice either side must give

• whether pets are allowed in the flat

A written answer to each saves arguments later.
"""


def test_a_spaced_out_list_of_keyphrase_variants_is_a_keyword_list():
    found = stuffing_findings(RELOCATION_NEWS)
    assert [f.rule for f in found] == ["SEO105"]
    cleaned = clean(RELOCATION_NEWS, format="text", analyzer=Analyzer(model=None)).text
    assert "mill building\n\n•" not in cleaned and "affordable" not in cleaned and "certified" not in cleaned
    assert "start in the fall.\n\nThe company said" in cleaned


def test_a_spaced_out_list_of_points_stays():
    assert not stuffing_findings(SPACED_POINTS)
    assert not clean(SPACED_POINTS, format="text", analyzer=Analyzer(model=None)).edits


def test_two_query_headings_that_vary_one_topic_word_go():
    stuffed = COMPOST_GUIDE.replace("## What goes in", "## Compost bins near me\n\n## What goes in").replace(
        "## Turning the heap", "## Compost heap bins for sale\n\n## Turning the heap"
    )
    found = [f.text for f in stuffing_findings(stuffed) if f.rule == "SEO102"]
    assert found == ["Compost bins near me", "Compost heap bins for sale"]
    assert clean(stuffed, format="markdown", analyzer=Analyzer(model=None)).text == COMPOST_GUIDE


def test_a_shops_headings_with_search_words_but_no_shared_topic_stay():
    shop = COMPOST_GUIDE.replace("## What goes in", "## Spades for sale\n\n## What goes in").replace(
        "## Turning the heap", "## Delivery near me\n\n## Turning the heap"
    )
    assert not stuffing_findings(shop)


PLANTED_COMPOST = COMPOST_GUIDE.replace("## What goes in", "## Compost Bin Starter Kit\n\n## What goes in").replace(
    "Turn the heap with a fork", "Turn the heap Compost Bin Starter Kit with a fork"
)


def test_a_planted_phrase_tacked_onto_a_title_case_heading_goes():
    stuffed = PLANTED_COMPOST.replace("## Turning the heap", "## Turning The Heap compost bin starter kit")
    tails = [f for f in stuffing_findings(stuffed) if "tacked onto a heading" in f.message]
    assert [f.text for f in tails] == ["compost bin starter kit"]
    cleaned = clean(stuffed, format="markdown", analyzer=Analyzer(model=None)).text
    assert cleaned == COMPOST_GUIDE.replace("## Turning the heap", "## Turning The Heap")


def test_a_heading_that_ends_on_the_planted_phrase_as_its_object_stays():
    stuffed = PLANTED_COMPOST.replace("## Turning the heap", "## Choosing a compost bin starter kit")
    assert not [f for f in stuffing_findings(stuffed) if "tacked onto a heading" in f.message]
