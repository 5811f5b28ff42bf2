"""Keyphrase variants pasted where an article has structure: a short list dropped between two
paragraphs, a query tail on a heading that repeats the title's words. Honest short lists
(introduced by a lead-in, without a search word, or sharing nothing with the title) and headings
that repeat the title with its own words stay."""

from __future__ import annotations

from seoclean.rewrite.api import clean

KETTLE_ARTICLE = """\
# How to descale a kettle

Limescale builds up fastest in hard-water areas, where a kettle can grow a chalky crust inside a \
few weeks. The crust slows boiling, wastes electricity and leaves flakes floating in your tea.

## What you need

You will need:

- white vinegar or citric acid
- a soft sponge
- clean water for rinsing

## Step by step

Fill the kettle halfway with equal parts vinegar and water, bring it to the boil and leave it to \
stand for an hour. Pour the mixture away and rinse the kettle three times with clean water.

For heavy scale, repeat the soak once more. A second round usually lifts the last stubborn patches \
from the element and the spout filter.

## Keeping it clean

Empty the kettle after each use rather than leaving water to stand. Descale it once a month in a \
hard-water area, and every few months where the water is soft.
"""

COUNCIL_TAX_PAGE = """\
# Paying your council tax

Council tax is billed in ten monthly instalments from April, though you can ask to spread it over \
twelve months instead. Your bill shows the band your home is in and any discount you receive.

There are two ways to pay.

- Online banking
- Local branches

If you fall behind, contact the council straight away. A missed instalment can make the whole \
year's balance due at once, but most councils will agree a new plan if you ask early.
"""

BEST_KETTLES_PAGE = """\
# Best kettles for a small kitchen

A small kitchen needs a kettle that boils a mug quickly, fits under low cupboards and does not \
hog the socket beside the toaster. We boiled, poured and descaled eight models over a month.

## How we chose: best kettles for small spaces

Each kettle boiled a single cup and a full jug from cold. We timed both, measured the footprint \
and noted how easily the lid opened with one hand.

## Our pick

The compact model we liked most boils one cup in under a minute and stands no wider than a bag \
of sugar. Its filter lifts out for cleaning, which matters in a hard-water area.
"""


def unchanged(text: str, fmt: str = "markdown") -> bool:
    result = clean(text, format=fmt)
    return not result.edits and result.text == text


def after_paragraph(text: str, paragraph_end: str, pasted: str) -> str:
    assert paragraph_end in text
    return text.replace(paragraph_end, f"{paragraph_end}\n\n{pasted}", 1)


def test_a_short_list_of_title_variants_pasted_between_paragraphs_is_deleted():
    for pasted in (
        "- Kettle descaler fast\n- Kettle for beginners",
        "* Kettle descaler today\n* Kettle limescale remover",
    ):
        stuffed = after_paragraph(KETTLE_ARTICLE, "the element and the spout filter.", pasted)
        result = clean(stuffed)
        assert [e.rule for e in result.edits] == ["SEO105"], pasted
        assert result.text == KETTLE_ARTICLE


def test_a_short_list_after_its_lead_in_is_kept():
    # "You will need:" introduces the three items: the writer's own list
    assert unchanged(KETTLE_ARTICLE)


def test_a_short_list_without_lead_in_is_kept_when_it_carries_no_search_word():
    # parallel points on the page's topic ("kettle"), but no query modifier: products, not queries
    honest = after_paragraph(
        KETTLE_ARTICLE, "the element and the spout filter.", "- Kettle descaler tablets\n- Kettle descaler liquid"
    )
    assert unchanged(honest)


def test_a_short_list_that_shares_no_word_with_the_title_is_kept():
    # "Online" and "Local" are search words, but the items do not write the page's topic out as queries
    assert unchanged(COUNCIL_TAX_PAGE)


def test_a_heading_tail_repeating_the_title_with_a_deal_word_is_deleted():
    stuffed = KETTLE_ARTICLE.replace("## Keeping it clean", "## Keeping it clean - descale kettle deals")
    result = clean(stuffed)
    assert [result.baseline[e.start : e.end].strip(" -") for e in result.edits] == ["descale kettle deals"]
    assert result.text == KETTLE_ARTICLE


def test_a_heading_repeating_the_title_with_the_titles_own_words_is_kept():
    # "best" is the title's own word: the section restates the page's promise, it adds no query
    assert unchanged(BEST_KETTLES_PAGE)


HOSE_GUIDE_TEXT = """\
How to store a garden hose for winter

Frost splits a hose that still holds water, and a split hose leaks at every joint next spring. \
Draining and coiling it takes ten minutes in late autumn.

• Garden hose today
• Garden hose reel

1. Turn off the outside tap and open the nozzle.

2. Lay the hose down a slope so the water runs out.

3. Coil it loosely and hang it in a shed or a garage.

A coiled hose kept off the floor stays supple, and the fittings do not crack in the cold.
"""


def test_a_pasted_bullet_list_running_into_numbered_steps_in_plain_text_is_deleted():
    # plain text reads "•" items and "1." steps as one list; the pasted bullets are their own list
    result = clean(HOSE_GUIDE_TEXT, format="text")
    assert [e.rule for e in result.edits] == ["SEO105"]
    assert "Garden hose today" not in result.text and "Garden hose reel" not in result.text
    assert "1. Turn off the outside tap and open the nozzle." in result.text
    assert unchanged(HOSE_GUIDE_TEXT.replace("• Garden hose today\n• Garden hose reel\n\n", ""), fmt="text")


TRAIL_SHOE_PAGE = """\
# Acorn Trail Runner 3

The Trail Runner 3 is a light shoe for rough paths, with a rock plate under the forefoot and a \
lug pattern that sheds mud. It weighs 290 g in a men's 9.

It comes in two fits.

- Trail Runner 3 Wide
- Trail Runner 3 Narrow

## Trail Runner 3 reviews

Testers liked the grip on wet limestone and the roomy toe box. Some found the heel collar stiff \
for the first few runs, though it softened after a week.

## Sizing

Order your usual size. If you are between sizes, the wide fit leaves room for thicker socks.
"""


def test_a_product_page_listing_its_models_after_a_paragraph_is_kept():
    # the title's name in every item, but no search word: the models on sale, not queries
    assert unchanged(TRAIL_SHOE_PAGE)
