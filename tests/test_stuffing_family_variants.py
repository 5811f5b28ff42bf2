"""Variants of a keyphrase family a page is shown to plant (``family_wedges``), and Title Case
queries pasted after a pronoun: they go, while the writer's own uses of the topic, with or without
a search word, stay. An honest article with a list after a colon, headings that repeat its topic
and a product name said three times comes back unchanged."""

from __future__ import annotations

from seoclean.analysis import Analyzer
from seoclean.detectors.family_wedges import head_words
from seoclean.lexicon import get_lexicon
from seoclean.rewrite.api import clean


def deleted(text: str) -> list[str]:
    result = clean(text, format="markdown")
    return [result.baseline[e.start : e.end].strip() for e in result.edits if e.rule.startswith("SEO1")]


HEAT_PUMP_STUFFED = """\
# Installing a Heat Pump: What to Expect

A heat pump moves warmth from the outside air into your home. It works best in a well-insulated house with large radiators or underfloor heating.

- heat pump near me
- cheap heat pump price
- best heat pump deals

## The survey

Before any work starts, an installer visits to measure each room and check the insulation. Ask for top heat pump deals the written heat loss figures, because they decide the size of the unit.

## Fitting day

Most fittings take two to three days. The outdoor unit sits on a concrete pad or wall brackets, at least a metre from the nearest window. Inside, a hot water cylinder replaces the old boiler, so you will need some cupboard space.

## Running costs

A heat pump runs for long hours at a low temperature. Expect the radiators to feel warm rather than hot. Keep the thermostat steady instead of turning it up and down, and check heat pump 2025 the flow temperature with your installer after the first winter.
"""

COUNCIL_TAX_STUFFED = """\
# Council Tax Appeals: What to Expect

If you think your home is in the wrong council tax band, you can ask for it to be checked. The check is free, and your band can go down as well as up.

## Before you appeal

Look up the bands of similar homes on your street. Note anything Council Tax Appeal Guide Pdf that looks out of line, then gather the sale prices of nearby homes from the years the bands were set.

## How the review works

The valuation office compares your home with others of the same size and age. Most reviews take about two months. Keep paying your current bill while you wait: any overpayment is refunded.
"""

HEAT_PUMP_HONEST = """\
# Choosing a Heat Pump for an Older House

A heat pump can heat an older house well, but only after some preparation. This guide covers the survey, the choice of unit and the running costs.

## What to ask the installer

Before you sign, ask for three things:

- heat loss figures
- radiator sizes
- a noise estimate

## Heat pump sizes

The best heat pump for your home is the smallest one that covers the coldest week. An oversized heat pump switches on and off too often, which wears it out. The cheapest quote is rarely the best value: check what the price includes.

## The Vaillant aroTHERM plus

We fitted a Vaillant aroTHERM plus last year. The Vaillant aroTHERM plus is quiet enough to sit under a bedroom window, and the Vaillant aroTHERM plus app shows the flow temperature hour by hour.

## Running costs

A heat pump runs for long hours at a low temperature. Expect warm radiators rather than hot ones, and keep the thermostat steady. Our heat pump costs less to run than the old oil boiler did, even at today's prices.

## See also

- Heat pump grants
- Heat pump noise rules
- Insulating solid walls
"""


def test_variants_of_a_listed_keyphrase_family_are_deleted_from_sentences():
    # The keyword list makes "heat pump" the family's head; "top heat pump deals" and "heat pump
    # 2025" are other variants of it, each pasted once where the sentence reads on without it.
    assert deleted(HEAT_PUMP_STUFFED) == [
        "- heat pump near me\n- cheap heat pump price\n- best heat pump deals",
        "top heat pump deals",
        "heat pump 2025",
    ]
    text = clean(HEAT_PUMP_STUFFED, format="markdown").text
    assert "Ask for the written heat loss figures" in text
    assert "and check the flow temperature with your installer" in text
    assert "A heat pump runs for long hours" in text  # the writer's own use of the topic stays


def test_a_title_cased_query_after_a_pronoun_is_deleted():
    assert deleted(COUNCIL_TAX_STUFFED) == ["Council Tax Appeal Guide Pdf"]
    text = clean(COUNCIL_TAX_STUFFED, format="markdown").text
    assert "Note anything that looks out of line" in text


def test_an_honest_article_about_its_topic_comes_back_unchanged():
    # A list after a colon, headings that repeat the topic, "the best heat pump", "the cheapest
    # quote", a product name said three times and a "See also" list of topic pages.
    assert not clean(HEAT_PUMP_HONEST, format="markdown").edits
    rules = {f.rule for f in Analyzer(model=None).analyze(HEAT_PUMP_HONEST, format="markdown").findings}
    assert not rules & {"SEO102", "SEO105"}


def test_head_words_need_two_reported_phrases():
    stopwords = get_lexicon().stopwords
    title = ("installing", "a", "heat", "pump")
    one = {("heat", "pump")}
    assert head_words(one, title, stopwords) == frozenset()  # one finding must not grow into many
    two = {("heat", "pump", "near", "me"), ("cheap", "heat", "pump", "price")}
    assert head_words(two, title, stopwords) == {"heat", "pump"}
    # A word of one phrase counts only when the title holds it too; search words never do.
    assert head_words({("cheap", "boiler", "price"), ("heat", "pump", "deals")}, title, stopwords) == {"heat", "pump"}
