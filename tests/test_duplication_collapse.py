"""Repeated blocks collapsed by ``clean``: a spec line pasted several times in a row, a sentence
lifted to stand as a paragraph of its own, copies pasted one after another on one line, and a line
pasted onto its own end; the honest pages they are made from come back unchanged."""

from __future__ import annotations

import pytest

from seoclean.analysis import Analyzer
from seoclean.detectors.duplication import DuplicationDetector
from seoclean.ingest import load_text
from seoclean.rewrite.api import clean


@pytest.fixture(scope="module")
def analyzer():
    return Analyzer(model=None)


RECIPE = """\
# Brown Butter Banana Bread

The banana bread I've been making for ten years, tweaked a little each time. Browning the butter
first gives it a toasty, nutty depth that plain melted butter can't.

Makes: one 2 lb (900 g) loaf, about 10 slices Prep: 15 minutes · Bake: 55–65 minutes

## Ingredients

- 115 g unsalted butter
- 3 very ripe bananas
- 150 g light brown sugar

## Method

Melt the butter in a light-coloured pan and keep it bubbling until it smells of toffee and the
solids turn brown. Let it cool while you mash the bananas, then stir everything together.
"""

SPEC = "Makes: one 2 lb (900 g) loaf, about 10 slices Prep: 15 minutes · Bake: 55–65 minutes"


def test_a_spec_line_with_separators_pasted_again_and_again_below_itself_goes(analyzer):
    assert clean(RECIPE, format="markdown", analyzer=analyzer).edits == ()
    spam = RECIPE.replace(SPEC, "\n\n".join([SPEC] * 4))
    result = clean(spam, format="markdown", analyzer=analyzer)
    assert result.text == RECIPE
    assert {e.rule for e in result.edits} == {"SEO402"}


def test_a_menu_line_said_twice_in_a_row_is_the_header_and_footer_menu_and_stays(analyzer):
    menu = "Home · Recipes · Baking · About us · Contact"
    page = RECIPE + f"\n{menu}\n\n{menu}\n"
    assert clean(page, format="markdown", analyzer=analyzer).edits == ()


COOKIES = """\
# Chewy Chocolate Chip Cookies

Crisp edges, soft chewy centres, puddles of chocolate. The trick is melted butter, extra brown sugar, and chilling the dough. Makes about 18 cookies.

## Ingredients

- 170 g unsalted butter, melted and cooled
- 200 g dark brown sugar
- 250 g plain flour

## Method

Whisk the butter and sugars until glossy, then beat in the egg. Fold in the flour and the chocolate,
cover the bowl and chill the dough for at least an hour before you bake it.
"""


def test_two_sentences_lifted_out_of_a_paragraph_one_standing_alone_go(analyzer):
    assert clean(COOKIES, format="markdown", analyzer=analyzer).edits == ()
    lifted = "The trick is melted butter, extra brown sugar, and chilling the dough."
    glued = "Crisp edges, soft chewy centres, puddles of chocolate."
    spam = COOKIES.replace("## Ingredients\n", f"{lifted}\n\n## Ingredients\n").replace(
        "before you bake it.\n", f"before you bake it. {glued}\n"
    )
    result = clean(spam, format="markdown", analyzer=analyzer)
    assert result.text.count(lifted) == 1 and result.text.count(glued) == 1
    assert {e.rule for e in result.edits} == {"SEO406"}
    # one sentence said again on its own is a summary restating a point: left alone
    summary = COOKIES.replace("## Method\n", f"{lifted}\n\n## Method\n")
    assert clean(summary, format="markdown", analyzer=analyzer).edits == ()


QUOTES = """\
# Configuring automatic retrieval of quotes

GnuCash can download the most recent price of your commodities from the Internet. Enter each
commodity in the price database first. See the chapter Setting Up the Quote Retrieval in the manual.

After you have verified that quotes are fetched, you can tell your operating system to fetch
them periodically. The value of a commodity, such as a stock, must be explicitly set.

The Price Database window lists every price GnuCash knows, with its source and date.
"""


def test_copies_pasted_one_after_another_on_one_line_all_go(analyzer):
    assert clean(QUOTES, format="markdown", analyzer=analyzer).edits == ()
    see = "See the chapter Setting Up the Quote Retrieval in the manual."
    value = "The value of a commodity, such as a stock, must be explicitly set."
    price = "The Price Database window lists every price GnuCash knows, with its source and date.\n"
    spam = QUOTES.replace(price, f"{see} {see} {value}\n\n{price}\n{price}")
    result = clean(spam, format="markdown", analyzer=analyzer)
    assert result.text == QUOTES


LAWN = """\
# Lawn care questions answered

How often should I mow? Twice a week in late spring when growth is fastest, once a week in summer.

When should I reseed bare patches? Early autumn and mid-spring are the best times, while the soil
is warm and the rain reliable.

Related searches: Fixing bare patches week price | Instant Fixing Bare Patches

Keep the seed moist until it has germinated and grown, usually two to three weeks.
"""


def test_a_line_pasted_onto_its_own_end_loses_the_copy():
    line = "Related searches: Fixing bare patches week price | Instant Fixing Bare Patches"
    spam = LAWN.replace(line, f"{line} {line}")
    findings = DuplicationDetector().run(load_text(spam, format="markdown")).findings
    second = spam.index(line, spam.index(line) + 1)
    assert [(f.rule, f.start, f.end) for f in findings] == [("SEO402", second, second + len(line))]
    assert DuplicationDetector().run(load_text(LAWN, format="markdown")).findings == []


def test_a_refrain_said_twice_on_one_line_is_no_paste():
    song = (
        "# Songs for the school fair\n\n"
        "The choir opens with the school song, then the whole hall joins in the chorus together.\n\n"
        "Then the chorus, twice: Sing it loud and sing it proud! Sing it loud and sing it proud!\n\n"
        "Tickets for the fair are on sale at the school office until Friday afternoon.\n"
    )
    assert DuplicationDetector().run(load_text(song, format="markdown")).findings == []
