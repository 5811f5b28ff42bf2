"""Scraped mash-ups: passages pasted from unrelated articles are found (SEO407) and, when there are
enough of them, dropped by ``clean``; honest pages with asides, sidebars, quotes, changelogs and
reference entries are left alone."""

from __future__ import annotations

import pytest

from seoclean.analysis import Analyzer
from seoclean.rewrite.api import clean
from seoclean.rewrite.planner import CleanPolicy

RECIPE = [
    "# Red lentil soup with cumin and lemon",
    (
        "Red lentil soup is the quickest comforting supper I know. A bag of split red lentils, an onion, "
        "a few cumin seeds and a carton of vegetable stock turn into a thick golden bowl in about half an hour."
    ),
    (
        "Start by rinsing the lentils in a sieve under cold water until it runs clear. The rinsing washes off "
        "the starchy dust that would otherwise make the soup foam and catch on the bottom of the saucepan."
    ),
    (
        "Warm two tablespoons of olive oil in a heavy saucepan and soften the chopped onion with the garlic "
        "and a teaspoon of cumin seeds. Let the onion turn translucent rather than brown, about eight minutes."
    ),
    (
        "Stir the rinsed lentils into the onion so they are coated in the cumin oil, then pour in the stock. "
        "Bring the saucepan to a simmer and cook for twenty minutes, stirring now and then, until the lentils "
        "collapse and thicken the soup."
    ),
    (
        "Season the soup with salt and a generous squeeze of lemon juice. The lemon lifts the earthy lentils, "
        "so taste and add more until the soup tastes bright rather than flat."
    ),
    (
        "Blend half of the soup for a creamy texture or leave it chunky. Serve the lentil soup with warm "
        "flatbread, a spoonful of yoghurt and a pinch of toasted cumin on top."
    ),
    (
        "Leftover soup keeps in the fridge for four days and freezes well. The lentils keep absorbing stock, "
        "so loosen the soup with a splash of water when you reheat it in the saucepan."
    ),
    (
        "If you have no cumin seeds, ground cumin works too: add half a teaspoon with the garlic and let it "
        "sizzle for a minute in the oil so the spice loses its raw, dusty edge before the lentils go in."
    ),
    (
        "Green or brown lentils will not collapse the way red lentils do. They hold their shape and need "
        "closer to forty minutes of simmering, so keep them for salads and use red lentils for a smooth soup."
    ),
    (
        "A grated carrot or a diced sweet potato added with the onion makes the soup sweeter and more "
        "filling, and a handful of spinach stirred in at the end wilts in the heat of the saucepan."
    ),
    (
        "For a richer bowl, swap a third of the vegetable stock for coconut milk and finish the soup with "
        "chilli flakes and coriander instead of yoghurt; the lemon still belongs in it."
    ),
    (
        "Homemade stock is lovely but not essential here. A good stock cube dissolved in boiling water is "
        "what most weeknight versions of this lentil soup use, so taste before you add any extra salt."
    ),
    (
        "Doubling the recipe is easy as long as the saucepan is big enough: the lentils swell to about three "
        "times their dry volume, and a crowded pan scorches the soup before the lentils soften."
    ),
]
MORTGAGE = (
    "A fixed-rate mortgage keeps your monthly repayments the same for the whole deal period, while a "
    "tracker mortgage follows the central bank base rate. Borrowers should compare each lender's "
    "arrangement fees and early repayment charges before they remortgage."
)
INDEX_FUNDS = (
    "Index funds track a stock market benchmark such as the FTSE 100, so the fund's expense ratio stays "
    "low and investors avoid paying an active manager. Dividends and capital gains are still taxable "
    "outside a pension or an individual savings account."
)
TYRES = (
    "Check your tyre pressures once a month with a gauge at a petrol station forecourt. Underinflated "
    "tyres wear unevenly on the shoulders, lengthen braking distances on wet motorways and raise fuel "
    "consumption noticeably."
)


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer(model=None)


def _page(blocks: list[str]) -> str:
    return "\n\n".join(blocks) + "\n"


def _pasted(analyzer: Analyzer, text: str) -> list[str]:
    report = analyzer.analyze(text, format="markdown")
    return [f.text for f in report.findings if f.rule == "SEO407"]


def test_recipe_with_two_finance_paragraphs_pasted_in_is_found(analyzer: Analyzer) -> None:
    page = _page(RECIPE[:3] + [MORTGAGE] + RECIPE[3:6] + [INDEX_FUNDS] + RECIPE[6:])
    assert _pasted(analyzer, page) == [MORTGAGE, INDEX_FUNDS]
    features = analyzer.analyze(page, format="markdown").features
    assert features["coherence__off_topic_topics"] == 2.0
    assert features["coherence__min_core_similarity"] < 0.02


def test_clean_drops_the_pasted_finance_paragraphs_and_keeps_the_recipe(analyzer: Analyzer) -> None:
    page = _page(RECIPE[:3] + [MORTGAGE] + RECIPE[3:6] + [INDEX_FUNDS] + RECIPE[6:])
    # Two passages: found, but the default policy waits for a third before deleting.
    assert clean(page, format="markdown", analyzer=analyzer).text == page
    result = clean(page, format="markdown", analyzer=analyzer, policy=CleanPolicy(mashup_min_passages=2))
    assert result.text == _page(RECIPE)
    assert {edit.rule for edit in result.edits} == {"SEO407"}


def test_clean_drops_three_pasted_passages_by_default(analyzer: Analyzer) -> None:
    page = _page(RECIPE[:2] + [MORTGAGE] + RECIPE[2:5] + [TYRES] + RECIPE[5:9] + [INDEX_FUNDS] + RECIPE[9:])
    assert _pasted(analyzer, page) == [MORTGAGE, TYRES, INDEX_FUNDS]
    cleaned = clean(page, format="markdown", analyzer=analyzer).text
    assert cleaned == _page(RECIPE)
    assert clean(cleaned, format="markdown", analyzer=analyzer).text == cleaned


def test_policy_none_keeps_pasted_passages(analyzer: Analyzer) -> None:
    page = _page(RECIPE[:2] + [MORTGAGE] + RECIPE[2:5] + [TYRES] + RECIPE[5:9] + [INDEX_FUNDS] + RECIPE[9:])
    policy = CleanPolicy(mashup_min_passages=None)
    assert clean(page, format="markdown", analyzer=analyzer, policy=policy).text == page


def test_listicle_entries_under_bold_labels_are_not_pasted_passages(analyzer: Analyzer) -> None:
    # A listicle's entries each open on a bold label naming their own subject; two that share
    # nothing with the others are still entries of the list, not passages pasted from other articles.
    blocks = RECIPE[:3] + [MORTGAGE] + RECIPE[3:6] + [INDEX_FUNDS] + RECIPE[6:]
    labelled = [b if b.startswith("#") else f"**{n}.** {b}" for n, b in enumerate(blocks, 1)]
    page = _page(labelled)
    assert _pasted(analyzer, _page(blocks)) == [MORTGAGE, INDEX_FUNDS]  # as running prose: pasted
    assert _pasted(analyzer, page) == []
    assert clean(page, format="markdown", analyzer=analyzer).text == page


def test_one_unrelated_paragraph_is_an_aside_not_a_mashup(analyzer: Analyzer) -> None:
    aside = (
        "A quick digression: my grandmother kept bees behind her cottage, and every August the hives "
        "produced so much heather honey that the whole village received jars wrapped in brown paper."
    )
    page = _page(RECIPE[:4] + [aside] + RECIPE[4:])
    assert _pasted(analyzer, page) == []
    assert clean(page, format="markdown", analyzer=analyzer).text == page


def test_sidebar_quote_and_aside_on_one_page_are_left_alone(analyzer: Analyzer) -> None:
    sidebar = (
        "**Did you know?** Lentils were among the first crops farmed in the Fertile Crescent, and "
        "archaeologists have found charred lentils at Neolithic settlements in Syria."
    )
    quote = (
        "> Pulses are the quiet heroes of a thrifty kitchen: they ask for nothing but water, patience "
        "and a little salt, and they repay you for a week. -- a cookery teacher I once had"
    )
    aside = (
        "Off topic, but worth saying: the enamel casserole I use came from a car boot sale for three "
        "pounds, and a cast-iron pot of that quality would cost sixty in a department store."
    )
    page = _page(RECIPE[:3] + [sidebar] + RECIPE[3:5] + [quote] + RECIPE[5:7] + [aside] + RECIPE[7:])
    assert _pasted(analyzer, page) == []
    assert clean(page, format="markdown", analyzer=analyzer).text == page


def test_reference_page_of_unrelated_entries_is_left_alone(analyzer: Analyzer) -> None:
    page = _page(
        [
            "# Glossary of household terms",
            (
                "This glossary explains terms that come up in our guides to running a home, from the kitchen "
                "to the garden and the household budget."
            ),
            "## Escrow",
            (
                "Money held by a neutral third party until both sides of a property sale meet their conditions; "
                "mortgage lenders also use an escrow account to pay property taxes and buildings insurance."
            ),
            "## Mulch",
            (
                "A layer of bark chippings, compost or straw spread over garden soil to keep moisture in, smother "
                "weeds and protect perennial roots from frost through the winter."
            ),
            "## Pilot light",
            (
                "The small gas flame that stays lit in an older boiler or water heater so that the main burner "
                "ignites when the thermostat calls for heat; modern combi boilers use electronic ignition."
            ),
            "## Grout",
            (
                "The cement paste packed between ceramic tiles; sealing grout in a shower every year stops "
                "mildew and water seeping into the plasterboard behind the tiles."
            ),
        ]
    )
    assert _pasted(analyzer, page) == []
    assert clean(page, format="markdown", analyzer=analyzer).text == page


def test_changelog_and_see_also_sections_are_left_alone(analyzer: Analyzer) -> None:
    page = _page(
        RECIPE
        + [
            "## Changes to this recipe",
            "- 12 March: added the freezing advice after readers asked.",
            "- 2 April: reduced the salt and suggested lemon instead.",
            "## See also",
            "- [Spiced chickpea stew](chickpea-stew.md)",
            "- [How to cook dried beans without soaking](dried-beans.md)",
            "- [Homemade flatbread in a frying pan](flatbread.md)",
        ]
    )
    assert _pasted(analyzer, page) == []
    assert clean(page, format="markdown", analyzer=analyzer).text == page


def test_long_entries_among_one_line_option_entries_are_left_alone(analyzer: Analyzer) -> None:
    # A command-line reference as a crawler's text extraction keeps it: one entry per line, a few
    # long enough to be compared, each on its own subject.
    options = [
        "Display a list of all command line options.",
        "Print the program version and exit.",
        "Run without a user interface.",
        (
            "Do not load patterns, gradients, palettes or brushes. Often useful in non-interactive batch "
            "situations where startup time is to be minimized and the resources are never needed."
        ),
        "Do not show the splash screen while starting.",
        (
            "Do not use special processor acceleration functions. Useful for finding or disabling buggy "
            "accelerated hardware or firmware on older graphics cards and exotic motherboards."
        ),
        "Make all warnings fatal.",
        (
            "Output a configuration file with default settings, useful if you broke the preferences and "
            "want a pristine copy of every tunable value to compare against."
        ),
    ]
    page = _page(RECIPE[:3] + ["The editor accepts these switches:"] + options + RECIPE[3:])
    assert _pasted(analyzer, page) == []
    assert clean(page, format="markdown", analyzer=analyzer).text == page
