"""Rewrite: the edit model, repairs around deletions, the planner's policy per rule family, and
``clean`` end to end on Markdown, text and HTML (structure kept, idempotent, legit text unchanged)."""

from __future__ import annotations

import pytest

import seoclean
from seoclean.analysis import Analyzer
from seoclean.findings import Finding, Severity
from seoclean.ingest import load_text
from seoclean.rewrite.api import CleanResult, clean
from seoclean.rewrite.compose import RoundMap, compose_rounds
from seoclean.rewrite.edits import Edit, apply_edits, resolve_edits
from seoclean.rewrite.planner import CleanPolicy, plan_edits
from seoclean.rewrite.repair import absorb_blank_lines, widen_deletion


@pytest.fixture(scope="module")
def analyzer():
    return Analyzer(model=None)


def delete(text: str, phrase: str, occurrence: int = 0) -> str:
    """``text`` with ``phrase`` deleted the way the planner deletes: widened, then blank lines absorbed."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(phrase, start + 1)
    edit = Edit(*widen_deletion(text, start, start + len(phrase)), "SEO102", "test")
    return apply_edits(text, absorb_blank_lines(text, [edit]))


# -- edits ----------------------------------------------------------------------------------------
def test_apply_edits_is_order_independent_and_drops_exact_duplicates():
    text = "one two three four"
    edits = [Edit(4, 7, "2", "SEO201", "a"), Edit(14, 18, "4", "SEO201", "b"), Edit(4, 7, "2", "SEO201", "a")]
    assert apply_edits(text, edits) == "one 2 three 4"
    assert apply_edits(text, list(reversed(edits))) == "one 2 three 4"
    assert len(resolve_edits(edits)) == 2


def test_overlaps_keep_the_wider_deletion_then_the_higher_priority():
    text = "Keep this. Drop this whole sentence. Keep that."
    wide = Edit(11, 37, "", "SEO406", "repeat")
    inner = Edit(16, 20, "that", "SEO201", "spin", priority=3)
    assert apply_edits(text, [inner, wide]) == "Keep this. Keep that."
    low = Edit(5, 9, "THIS", "SEO204", "case", priority=1)
    high = Edit(5, 9, "that", "SEO201", "spin", priority=2)
    assert apply_edits(text, [low, high]) == "Keep that. Drop this whole sentence. Keep that."
    assert resolve_edits([low, high]) == resolve_edits([high, low]) == [high]


def test_insertions_at_one_point_both_apply_and_bad_spans_are_refused():
    assert apply_edits("ab", [Edit(1, 1, "X", "R", ""), Edit(1, 1, "Y", "R", "")]) in ("aXYb", "aYXb")
    with pytest.raises(ValueError):
        Edit(5, 3, "", "R", "")
    with pytest.raises(ValueError):
        apply_edits("short", [Edit(2, 99, "", "R", "")])


# -- repairs --------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        (
            "Regular exercise keeps people car insurance who sit all day healthy.",
            "car insurance",
            "Regular exercise keeps people who sit all day healthy.",
        ),
        ("Call us today cheap plumber london.", "cheap plumber london", "Call us today."),
        ("It was cheap, car insurance, and good.", "car insurance", "It was cheap, and good."),
        ("It costs less. Cheap Plumber London. Call us.", "Cheap Plumber London", "It costs less. Call us."),
        ("Cheap plumber london our team fixes leaks.", "Cheap plumber london", "Our team fixes leaks."),
        (
            "You won't learn **discount stock coupon** which stock to buy.",
            "discount stock coupon",
            "You won't learn which stock to buy.",
        ),
        (
            "## How index funds work | index funds fund fast\n\nBody.\n",
            "index funds fund fast",
            "## How index funds work\n\nBody.\n",
        ),
        ("## Getting started: same day brightpath invest\n", "same day brightpath invest", "## Getting started\n"),
    ],
)
def test_inline_deletions_leave_the_sentence_well_formed(text, phrase, expected):
    assert delete(text, phrase) == expected


def test_whole_line_deletions_remove_empty_items_headings_and_extra_blank_lines():
    text = "Intro.\n\n- cheap kettle deals\n- real item\n\n## Best Kettle Deals\n\nBody text.\n"
    assert delete(text, "cheap kettle deals") == "Intro.\n\n- real item\n\n## Best Kettle Deals\n\nBody text.\n"
    assert delete(text, "Best Kettle Deals") == "Intro.\n\n- cheap kettle deals\n- real item\n\nBody text.\n"
    assert delete("Report this page\n\nTitle\n\nBody.\n", "Report this page") == "Title\n\nBody.\n"
    assert delete("Title\n\nBody.\n\nReport this page\n", "Report this page") == "Title\n\nBody.\n"
    assert delete("Title\n\nBody.\n\nReport this page", "Report this page") == "Title\n\nBody."


def test_adjacent_deleted_blocks_keep_one_blank_line_between_neighbours():
    text = "Body.\n\nP1\n\nP2\n\nEnd.\n"
    edits = [Edit(*widen_deletion(text, text.index(p), text.index(p) + 2), "SEO403", "") for p in ("P1", "P2")]
    assert apply_edits(text, absorb_blank_lines(text, edits)) == "Body.\n\nEnd.\n"


# -- composing rounds -----------------------------------------------------------------------------
def test_round_map_and_composition_reproduce_the_final_text():
    first = "aaa BBB ccc DDD eee"
    round1 = [Edit(4, 8, "", "SEO102", "x")]
    middle = apply_edits(first, round1)  # "aaa ccc DDD eee"
    round2 = [Edit(8, 12, "", "SEO102", "y")]
    final = apply_edits(middle, round2)
    assert RoundMap(round1).back(8, is_end=False) == 12
    composed = compose_rounds([round1, round2], final)
    assert apply_edits(first, composed) == final == "aaa ccc eee"


# -- the planner's policy -------------------------------------------------------------------------
def finding(doc, rule, phrase, suggestion, **evidence):
    start = doc.text.index(phrase)
    return Finding(
        rule, "x", start, start + len(phrase), 1, 1, phrase, "because", suggestion, Severity.WARNING, evidence
    )


def test_planner_policy_per_rule_family():
    doc = load_text("Title line here\n\nA body sentence about tomatoes.\n\nPowered by Blogrift\n", format="text")
    stuffed = finding(doc, "SEO101", "tomatoes", None)
    chrome = finding(doc, "SEO301", "Powered by Blogrift", "", platform=1.0)
    assert plan_edits(doc, [stuffed]) == []  # SEO101 alone never deletes
    assert [e.rule for e in plan_edits(doc, [chrome])] == ["SEO301"]
    assert plan_edits(doc, [chrome], CleanPolicy(boilerplate="never")) == []
    ordinary = finding(doc, "SEO301", "Powered by Blogrift", "", platform=0.0)
    assert plan_edits(doc, [ordinary]) == []  # a legitimate site's own chrome stays
    assert [e.rule for e in plan_edits(doc, [ordinary], CleanPolicy(boilerplate="always"))] == ["SEO301"]


def test_spin_restoration_needs_confidence_and_a_spun_page():
    doc = load_text("We keep the broiling soda in a jar and a {great|good} lid on it.\n", format="text")
    lone = finding(doc, "SEO201", "broiling", "baking", confidence=0.75)
    spintax = finding(doc, "SEO205", "{great|good}", "great", confidence=1.0)
    assert plan_edits(doc, [lone]) == []  # one odd word on a page is not proof of spinning
    assert [e.replacement for e in plan_edits(doc, [lone, spintax])] == ["great"]
    assert plan_edits(doc, [spintax], CleanPolicy(spin_min_confidence=None)) == []


def test_invalid_boilerplate_mode_is_refused():
    with pytest.raises(ValueError):
        CleanPolicy(boilerplate="sometimes")


# -- clean() end to end ---------------------------------------------------------------------------
STUFFED_DRAFT = """\
---
title: How to Descale a Kettle
tags: [kitchen, cleaning]
---

# How to Descale a Kettle

Limescale builds up fastest in hard-water areas. A thin white crust on the element is harmless, \
but it slows the kettle down and flakes into your tea.

- cheap kettle descaler near me
- best kettle descaler deals
- kettle descaler price uk

## What you need

White vinegar or citric acid works well. Fill the kettle halfway with equal parts water and \
vinegar, bring it to the boil, and leave it for an hour before you pour it away.

## Best Kettle Descaler Deals

Rinse the kettle twice with fresh water and boil it once more before you use it again, so that \
no taste of vinegar is left behind.

```bash
# a code block with a spam-looking line inside stays as it is
echo "cheap kettle descaler near me"
```

Read the [manufacturer's guide](https://example.com/guide) for your model.

Report this page

Create a free website or blog at Pagenest
"""

LEGIT_ARTICLE = """\
# Growing Basil on a Windowsill

Basil wants warmth and light more than anything else. A south-facing windowsill gives it both,
and a pot with drainage holes keeps the roots from sitting in water.

Sow the seeds thinly on damp compost and cover them with a dusting of soil. They germinate in a
week at room temperature; thin the seedlings when they have two pairs of leaves.

## Harvesting

Pinch out the growing tips once the plant has six leaves. It branches below the cut, so regular
picking gives you a bushier plant and more leaves than letting it grow tall.

- Water from below, in the morning
- Turn the pot every few days
- Remove flower buds as soon as they appear
"""


def test_stuffed_markdown_loses_its_spam_and_keeps_its_structure(analyzer):
    result = clean(STUFFED_DRAFT, analyzer=analyzer)
    text = result.text
    assert "near me" not in text.split("```")[0] and "## Best Kettle Descaler Deals" not in text
    assert "Report this page" not in text and "Pagenest" not in text
    assert text.startswith("---\ntitle: How to Descale a Kettle\ntags: [kitchen, cleaning]\n---\n")
    assert (
        '```bash\n# a code block with a spam-looking line inside stays as it is\necho "cheap kettle descaler near me"\n```'
        in text
    )
    assert "[manufacturer's guide](https://example.com/guide)" in text
    assert "## What you need" in text and "\n\n\n" not in text
    assert {e.rule for e in result.edits} >= {"SEO105", "SEO102", "SEO301"}
    assert apply_edits(result.baseline, result.edits) == text


def test_a_legitimate_article_comes_back_byte_for_byte(analyzer):
    result = clean(LEGIT_ARTICLE, analyzer=analyzer)
    assert result.edits == () and result.text == LEGIT_ARTICLE and result.diff() == ""
    crlf = LEGIT_ARTICLE.replace("\n", "\r\n")
    assert clean(crlf, format="markdown", analyzer=analyzer).text == crlf


def test_repeats_collapse_to_the_first_copy_but_pull_quotes_stay(analyzer):
    paragraph = "Rinse the filter every month under warm water and let it dry before you refit it."
    quote = "“We were surprised how much difference a clean filter made,” one owner told us."
    text = f"# Filters\n\n{paragraph}\n\n{quote}\n\nThe pump runs quietly.\n\n{paragraph}\n\n{quote}\n"
    result = clean(text, format="markdown", analyzer=analyzer)
    assert result.text.count(paragraph) == 1 and result.text.count(quote) == 2
    assert [e.rule for e in result.edits] == ["SEO403"]


def test_a_quotation_said_three_times_is_padding_not_a_pull_quote(analyzer):
    quote = "\"It's got a name, Bernard. Everyone asks. He's come on holiday with us twice,\" she said."
    article = (
        "# Village bakery wins regional award\n\n"
        "Crumb & Crust on Mill Lane has been named the best independent bakery in the region.\n\n"
        f"{quote}\n\nThe judges praised its sourdough, which is made with a starter kept alive since 2009.\n\n"
        "Crumb & Crust will go forward to the national finals in June.\n"
    )
    spam = article.replace("since 2009.\n\n", f"since 2009.\n\n{quote}\n\n") + f"\n{quote}\n"
    result = clean(spam, format="markdown", analyzer=analyzer)
    assert result.text == article and [e.rule for e in result.edits] == ["SEO403", "SEO403"]


SPUN_SAVINGS = (
    "An easy access savings account lets you takings money out whenever you demand it. Most money box "
    "let you open an account online in a few transactions. You will need cogent evidence of your address "
    "and a bank card. Before you take an account, compare the interest rate, the fees and the prescript "
    "for withdrawals. The fillip is paid after six hebdomads, at the ATM on the quoin of your street."
)
PLUMBING = (
    "Before you change a tap washer, turn off the water at the stopcock. In most houses the stopcock "
    "sits under the kitchen sink, where the main pipe comes in. Open the tap to drain the pipe, then "
    "undo the headgear nut with a spanner and lift out the old washer."
)


def test_a_spun_page_gets_its_original_words_back_and_an_honest_page_with_rare_words_stays(analyzer):
    result = clean(SPUN_SAVINGS, format="text", analyzer=analyzer)
    restored = {result.baseline[e.start : e.end]: e.replacement for e in result.edits}
    assert restored["hebdomads"] == "weeks" and restored["quoin"] == "corner"  # words too rare for any list
    assert restored["money box"] == "bank" and restored["prescript"] == "rule"
    assert "compare" in result.text and "address" in result.text  # the honest words stay
    assert clean(result.text, format="text", analyzer=analyzer).text == result.text
    assert clean(PLUMBING, format="text", analyzer=analyzer).edits == ()  # a trade's own rare term


def test_spintax_is_restored_and_clean_is_idempotent(analyzer):
    text = "# Savings\n\nThis is a {great|good|nice} way to save money every month without thinking about it.\n"
    once = clean(text, format="markdown", analyzer=analyzer)
    assert "{" not in once.text and [e.rule for e in once.edits] == ["SEO205"]
    assert clean(once.text, format="markdown", analyzer=analyzer).text == once.text


HTML_PAGE = """<!doctype html><html><head><title>Growing Basil</title></head><body>
<nav><a href="/">Home</a> <a href="/blog">Blog</a> <a href="/about">About us</a> <a href="/contact">Contact</a></nav>
<article><h1>Growing Basil on a Windowsill</h1>
<p>Basil wants warmth and light more than anything else. A south-facing windowsill gives it both,
and a pot with drainage holes keeps the roots from sitting in water for long.</p>
<h2>Harvesting</h2>
<p>Pinch out the growing tips once the plant has six leaves. It branches below the cut, so regular
picking gives you a bushier plant and more leaves than letting it grow tall.</p>
<ul><li>Water from below, in the morning</li><li>Turn the pot every few days</li></ul>
</article>
<footer><p>© 2024 Windowsill Gardens. All rights reserved.</p></footer>
</body></html>"""


def test_html_becomes_its_main_content_as_markdown_or_text(analyzer):
    result = clean(HTML_PAGE, format="html", analyzer=analyzer)
    assert result.format == "markdown" and result.input_format == "html"
    assert result.text.startswith("# Growing Basil on a Windowsill\n\nBasil wants warmth")
    assert "## Harvesting" in result.text and "- Water from below, in the morning\n- Turn the pot" in result.text
    assert "About us" not in result.text and "All rights reserved" not in result.text
    plain = clean(HTML_PAGE, format="html", to="text", analyzer=analyzer)
    assert plain.format == "text" and plain.text.startswith("Growing Basil on a Windowsill\n\n")
    assert clean(plain.text, format="text", analyzer=analyzer).text == plain.text
    with pytest.raises(ValueError):
        clean(LEGIT_ARTICLE, format="markdown", to="text", analyzer=analyzer)


def test_public_api_and_result_helpers(analyzer):
    result = seoclean.clean(STUFFED_DRAFT)
    assert isinstance(result, CleanResult) and result.changed
    diff = result.diff()
    assert diff.startswith("--- a/input\n+++ b/input\n") and "-Report this page" in diff
    rows = result.explain()
    assert len(rows) == len(result.edits) and all(" SEO" in row and " -- " in row for row in rows)


@pytest.mark.parametrize("split", ["test"])
def test_clean_is_idempotent_on_dataset_rows(split, analyzer):
    from seoclean.corpus import load_dataset

    rows = [row for row in load_dataset(split) if row.is_spam][:24]
    for row in rows:
        once = clean(row.text, format=row.format, analyzer=analyzer)
        twice = clean(once.text, format=once.format, analyzer=analyzer)
        assert twice.text == once.text, row.id
        assert twice.edits == ()


def test_copies_tacked_on_one_after_the_other_all_go_in_one_round(analyzer):
    first = "Then a midwife pointed out that changing every nappy and making every meal was the job."
    second = "Talking to my GP helped a great deal that winter."
    text = (
        "# My first year as a dad\n\n"
        f"The first weeks were a blur of feeds and nappies. {first}\n\n"
        f"Around month four I felt flat and snappy. {second} If that sounds familiar, say something.\n\n"
        f"At eight months he started laughing at me pulling faces. Nothing beats it. {first} {second}\n\n"
        "Paternity leave is too short, and two weeks went by in a blur of visitors.\n\n"
        "Paternity leave is too short, and two weeks went by in a blur of visitors.\n"
    )
    result = clean(text, format="markdown", analyzer=analyzer)
    assert result.text.count(first) == 1 and result.text.count(second) == 1
    assert "Nothing beats it.\n\nPaternity leave" in result.text
    assert [e.rule for e in result.edits] == ["SEO406", "SEO403"]


def test_a_quoted_sentence_tacked_onto_a_paragraph_is_not_a_pull_quote(analyzer):
    quote = "\u201cSomeone\u2019s walked this on the outside edge for ten years,\u201d he says, turning it over."
    text = (
        "# Meet the cobbler\n\n"
        f"Stan holds somebody\u2019s brogue up to the light. {quote} Then he reaches for the glue.\n\n"
        "Good leather shoes are expensive again, and younger customers bring them back.\n\n"
        f"Business, he insists, is better now than it was ten years ago. {quote}\n\n"
        "The hardest work is done with the shoes.\n\n"
        "The hardest work is done with the shoes.\n"
    )
    result = clean(text, format="markdown", analyzer=analyzer)
    assert result.text.count(quote) == 1 and result.text.count("The hardest work") == 1


def test_a_paragraph_of_reported_speech_said_twice_is_a_copy_not_a_pull_quote(analyzer):
    speech = (
        '"I just shut my eyes and hoped," said Akers, 19, who only came on in the 84th minute. '
        "\"I've supported this club since I was six. I'll never forget that.\""
    )
    text = (
        "# Kelsbury Town reach the county cup final\n\n"
        "Kelsbury Town beat Hadley Rovers 2-1 on Saturday to reach their first final in 22 years.\n\n"
        f"{speech}\n\nTheir last appearance in the final, in 2003, ended in a 3-0 defeat.\n\n{speech}\n\n"
        "Tickets for the final go on sale on Monday at the club shop and online.\n"
    )
    result = clean(text, format="markdown", analyzer=analyzer)
    assert result.text.count(speech) == 1 and [e.rule for e in result.edits] == ["SEO403"]


def test_a_list_whose_entries_are_each_doubled_is_collapsed_not_kept_as_a_section(analyzer):
    entries = [
        "- **Local welfare schemes** and charities can help with emergency costs.",
        "- **Talking to the creditor** often buys time for free.",
        "- **A credit union loan** costs a fraction of a payday loan.",
    ]
    doubled = "\n".join(entry for entry in entries for _ in range(2))
    text = (
        "# Payday loans are a trapdoor\n\n"
        "A loan that must be repaid in full within a month is hard to clear for anyone already short.\n\n"
        f"There are better places to turn:\n\n{doubled}\n"
    )
    result = clean(text, format="markdown", analyzer=analyzer)
    assert all(result.text.count(entry) == 1 for entry in entries)
    assert [e.rule for e in result.edits] == ["SEO402"] * 3


def test_page_chrome_said_twice_is_left_to_the_boilerplate_policy(analyzer):
    footer = "\u00a9 2024 The Weekly Ledger. All rights reserved."
    text = (
        "# How a home network fits together\n\n"
        "A router joins your home network to the internet and hands out addresses to each device.\n\n"
        "A switch adds wired ports when the router runs out of them, without any setup at all.\n\n"
        f"{footer}\n\n{footer}\n"
    )
    assert clean(text, format="markdown", analyzer=analyzer).edits == ()


def test_an_html_title_said_again_by_a_lower_heading_is_rendered_once(analyzer):
    page = (
        "<html><head><title>6.4. The apt-file Command</title></head><body><main>"
        "<h2>6.4. The apt-file Command</h2>"
        "<p>The apt-file command lists the files a package installs, including packages you have not installed.</p>"
        "<p>Run it once after installing it to download the contents index of every configured repository.</p>"
        "</main></body></html>"
    )
    result = clean(page, format="html", analyzer=analyzer)
    assert result.baseline.count("The apt-file Command") == 1 and result.edits == ()


def test_two_sentences_glued_onto_other_paragraphs_are_padding_but_one_is_a_summary(analyzer):
    shut = "The road is shut between its junctions with Castle Hill and Tanners Lane."
    buses = "Buses on routes 4 and 4A are diverted along Albert Street until Friday."
    text = (
        "# Queen Street closed for repairs\n\n"
        f"Part of Queen Street will stay closed for a week while engineers repair a burst main. {shut} {buses} "
        "Stops outside the library are out of use.\n\n"
        "Around 120 properties lost their water supply for several hours on Sunday night.\n\n"
        f"Pedestrian access to the shops is being maintained throughout the work. {shut}\n\n"
        f"The council apologised for the disruption and thanked residents for their patience. {buses}\n"
    )
    result = clean(text, format="markdown", analyzer=analyzer)
    assert result.text.count(shut) == 1 and result.text.count(buses) == 1
    assert [e.rule for e in result.edits] == ["SEO406", "SEO406"]
    summary = text.replace(f" {buses}\n", "\n")  # one restated sentence: left alone
    assert clean(summary, format="markdown", analyzer=analyzer).edits == ()


def test_a_template_title_is_reported_but_kept_while_its_planted_variants_go(analyzer):
    # The writer's own title cannot be recovered from "Inside Scoop On ...": clean() keeps it and
    # the finding asks for a new title; the keyphrase pasted into the body is deleted.
    text = (
        "# Inside Scoop On Cheap Red Lentil Coupon\n\n"
        "A cheap, filling soup made almost entirely from the store cupboard, ready in forty minutes.\n\n"
        "Simmer for twenty minutes, until the lentils have collapsed and the carrots are soft "
        "Cheap red lentil coupon. Stir now and then, as lentils like to catch on the bottom of the pan.\n"
    )
    result = clean(text, format="markdown", analyzer=analyzer)
    assert result.text.startswith("# Inside Scoop On Cheap Red Lentil Coupon\n")
    assert "the carrots are soft. Stir now and then" in result.text
    assert [e.rule for e in result.edits] == ["SEO102"]


# -- plain text laid out one element per line (trafilatura, html2text, "save as text") ----------
# Short lines repeat in such pages by design: sub-headings, captions, credits, notes, table cells,
# forum buttons and signatures. A page's title is said again by its header and footer.
RECIPE_PAGE = """\
Two Weeknight Soups
Home › Recipes › Soups › Two Weeknight Soups
By Anna Keller · Serves 4 · Ready in 40 minutes
Both soups take under forty minutes and freeze well, so it is worth making a double batch on a Sunday and keeping half for a busy week.
Roasted Tomato Soup
Ingredients
1 kg ripe tomatoes, halved
2 red onions, quartered
500 ml vegetable stock
Method
Heat the oven to 200C and spread the tomatoes and onions on a tray with a little oil.
Roast for 30 minutes, then tip everything into a pan with the stock and blend until smooth.
Season to taste and serve hot.
Photo: Anna Keller for The Kitchen Table
Red Lentil Soup
Ingredients
250 g red lentils, rinsed
2 carrots, grated
1 litre vegetable stock
Method
Soften the carrots in a little oil for eight minutes, then add the lentils and stock and simmer for twenty minutes.
Blend half of the soup so it keeps some texture.
Season to taste and serve hot.
Photo: Anna Keller for The Kitchen Table
Both soups keep for four days in the fridge and three months in the freezer.
Two Weeknight Soups
Print this recipe
"""
NEWS_PAGE = """\
Flood barriers hold as River Ouse peaks in York
Flood barriers hold as River Ouse peaks in York
By Sarah Mills, Environment Correspondent
Residents of York's lower streets spent the night moving furniture upstairs as the River Ouse rose to within a metre of its record level.
The city's new flood barrier on the River Foss was closed at 9pm on Tuesday and held through the peak, the Environment Agency said.
Sandbags stacked outside a pub on Skeldergate. Photo: Reuters.
Advertisement
Story continues below this advertisement.
Officials said the barrier, completed last year at a cost of £45 million, had protected around 2,000 homes that flooded in 2015.
Volunteers fill sandbags at a depot in Clifton. Photo: Reuters.
Advertisement
Story continues below this advertisement.
More rain is forecast for the Pennines on Thursday, and a flood warning remains in place for the Ouse at Naburn and Selby.
"""
HOTEL_TABLE_PAGE = """\
Three city hotels compared for a weekend in Edinburgh

We stayed one night in each of three central hotels in March and compared what the price actually buys.

Hotel
Price per night
Breakfast
Cancellation
The Caledonian Rooms
£145
Included in the room rate.
Free cancellation up to 24 hours before arrival.
Old Town House
£120
Extra £14 per person per day.
Free cancellation up to 24 hours before arrival.
Leith Dock Hotel
£98
Included in the room rate.
Non-refundable at this price.

Prices were checked on a Saturday night in March and will be higher during the festival in August.
"""
FORUM_PAGE = """\
Boiler pressure keeps dropping overnight
Posted by dave_k on 3 February
My combi boiler loses pressure every night. I top it up to 1.5 bar in the evening and by morning it reads 0.5. There are no visible leaks under the boiler or on any radiator.
Sent from my phone using the forum app.
Reply
Quote
Posted by heating_eng on 3 February
Check the pressure relief valve pipe outside. If it drips, the valve or the expansion vessel is the likely culprit, and both are common faults on boilers of that age.
Reply
Quote
Posted by dave_k on 4 February
Thanks, the pipe outside is wet in the mornings. Is the expansion vessel something I can recharge myself, or does it need an engineer?
Sent from my phone using the forum app.
Reply
Quote
"""


@pytest.mark.parametrize("page", [RECIPE_PAGE, NEWS_PAGE, HOTEL_TABLE_PAGE, FORUM_PAGE])
def test_pages_laid_out_one_element_per_line_come_back_unchanged(analyzer, page):
    result = clean(page, format="text", analyzer=analyzer)
    assert (result.edits, result.text) == ((), page)
    duplicates = [f for f in analyzer.analyze(page, format="text").findings if f.rule.startswith("SEO4")]
    assert duplicates == []


def test_spam_laid_out_one_element_per_line_still_loses_its_copies(analyzer):
    title = "Saving Money on Your Car Cover This Year"
    overpay = (
        "Most drivers overpay because they let their policy renew automatically instead of shopping around every year."
    )
    compare = "Comparing prices takes ten minutes and can save hundreds of pounds on the same level of cover."
    page = (
        f"{title}\n"
        "Finding a better deal does not have to take all afternoon if you ask several insurers at once.\n"
        f"{overpay}\n{compare}\n"
        "A black box policy can cut the price for young drivers who are careful on the road.\n"
        f"{overpay}\n{title}\n"
        "Raising your voluntary excess lowers the premium, but only choose an amount you could pay after a claim.\n"
        f"{compare}\n"
    )
    result = clean(page, format="text", analyzer=analyzer)
    assert result.text.count(overpay) == result.text.count(compare) == result.text.count(title) == 1
    assert sorted(e.rule for e in result.edits) == ["SEO403", "SEO403", "SEO405"]
    assert result.text.startswith(f"{title}\nFinding a better deal")


# A paragraph written for this test, then spun with thesaurus entries: the swaps that break the
# page's own collocations are restored exactly; the paragraph as written comes back untouched.
CHAIN_CARE = (
    "Keep your bike chain clean and it will last much longer. After a wet ride, wipe the chain with a dry "
    "cloth, then put a drop of oil on each link. Turn the pedals backwards so that the oil works into the "
    "rollers, and wipe off whatever is left on the outside. A dirty chain wears out the gears quickly, and new "
    "gears cost far more than a bottle of oil. Check the chain every month and replace it when it starts to "
    "stretch. A worn chain also skips under load, which is unpleasant when you stand on the pedals to climb a hill."
)
CHAIN_CARE_SPUN = (
    "Keep your cycle chain clean and it will last much further. After a wet ride, wipe the chain with a waterless "
    "cloth, then put a drop of oil on each join. Turn the pedals backwards so that the crude oil crops into the "
    "hair curlers, and wipe off whatever is left on the out of doors. A dirty concatenation wears out the pitches "
    "quickly, and new gears cost far more than a bottle of oil. Hold back the range every calendar month and "
    "replace it when it bulges to stretch. A worn string also bounds off under load, which is unpleasant when you "
    "sales booth on the pedals to climb a hill."
)
# Honest prose with rare but apt words: a literary description and a clinical note.
UNUSUAL_BUT_RIGHT = (
    "Our ancient oak survived three storms. Its gnarled limbs still shade the patio, and in autumn the "
    "squirrels hoard its acorns beneath the hedge. The patient was given an anticoagulant before surgery to "
    "lower the risk of thrombosis, and her haemoglobin recovered within a week."
)


def test_spun_substitutions_are_restored_exactly(analyzer):
    result = clean(CHAIN_CARE_SPUN, format="text", analyzer=analyzer)
    restored = {(result.baseline[e.start : e.end], e.replacement) for e in result.edits if e.rule.startswith("SEO2")}
    expected = {("waterless", "dry"), ("crude oil", "oil"), ("concatenation", "chain"), ("calendar month", "month")}
    assert expected <= restored
    assert "a dry cloth" in result.text and "every month" in result.text
    assert clean(result.text, format="text", analyzer=analyzer).text == result.text


@pytest.mark.parametrize("text", [CHAIN_CARE, UNUSUAL_BUT_RIGHT])
def test_honest_text_with_unusual_words_is_returned_unchanged(analyzer, text):
    result = clean(text, format="text", analyzer=analyzer)
    assert result.edits == () and result.text == text


def test_an_entry_pasted_twice_into_a_spaced_out_list_goes_but_the_lists_own_doubles_stay(analyzer):
    page = (
        "# Streams\n\n- Streams\n\n- StreamReader\n\n- StreamReader\n\n- StreamWriter\n\n- StreamWriter\n\n"
        "Streams are high-level async/await-ready primitives to work with network connections.\n\n"
        "See also\n\n- Module socket\n\n- Low-level networking interface.\n\n- Module ssl\n\n"
        "- TLS/SSL wrapper for socket objects.\n"
    )
    assert clean(page, format="markdown", analyzer=analyzer).edits == ()
    spam = page.replace("- Module socket\n", "- Module socket\n- Module socket\n")
    result = clean(spam, format="markdown", analyzer=analyzer)
    assert [e.rule for e in result.edits] == ["SEO402"] and result.text == page


def assert_only_the_paste_goes(analyzer, page: str, anchor: str, pasted: str, fmt: str, rule: str) -> None:
    """The honest ``page`` comes back unchanged; with ``pasted`` put before ``anchor``, exactly that
    paste goes, by one ``rule`` edit, and the page is restored."""
    assert clean(page, format=fmt, analyzer=analyzer).edits == ()
    result = clean(page.replace(anchor, pasted + anchor), format=fmt, analyzer=analyzer)
    assert [e.rule for e in result.edits] == [rule] and result.text == page


def test_the_headline_pasted_into_a_plain_text_page_goes_but_its_header_lines_stay(analyzer):
    headline = "Chewy Chocolate Chip Cookies with Brown Butter"
    page = (
        "Skip to main content\n\nPublished December 20, 2022\n\nby Maya Collins\n\n"
        f"{headline}\n\n"
        "Crisp edges, soft centres and puddles of chocolate. The trick is browned butter, extra brown sugar "
        "and a night in the fridge for the dough.\n\n"
        "Brown the butter in a light pan so you can see the colour change, then let it cool for ten minutes.\n\n"
        "Scoop the dough into balls, chill them overnight, and bake at 180 C for eleven minutes.\n"
    )
    assert_only_the_paste_goes(analyzer, page, "Scoop the dough", f"{headline}\n\n", "text", "SEO405")


SMOOTHIE = """\
# Peanut butter banana smoothie

My go-to after a morning lifting session. It's thick, it tastes like a milkshake, and it keeps me
going until lunch without a sugar crash.

## Ingredients

- 1 ripe banana, sliced and frozen
- 1 heaped tbsp peanut butter
- 150g Greek yogurt
- 200ml milk of your choice

## Method

Blend everything for a minute until smooth. Too thick? Add a splash more milk.
"""


def test_a_short_entry_doubled_in_a_tight_list_goes_but_a_flattened_table_of_contents_keeps_its_doubles(analyzer):
    assert clean(SMOOTHIE, format="markdown", analyzer=analyzer).edits == ()
    spam = SMOOTHIE.replace("- 150g Greek yogurt\n", "- 150g Greek yogurt\n- 150g Greek yogurt\n")
    result = clean(spam, format="markdown", analyzer=analyzer)
    assert [e.rule for e in result.edits] == ["SEO402"] and result.text == SMOOTHIE
    # extracted text loses the nesting of a table of contents: a section named again under its
    # own entry ("- FILTER DIR" above its nested "- FILTER DIR") is the page's, not a paste
    contents = (
        "# unittest.mock\n\n- Quick Guide\n- Helpers\n- FILTER DIR\n- FILTER DIR\n- mock open\n\n"
        "## Quick Guide\n\nMock and MagicMock objects create all attributes and methods as you access them.\n\n"
        "## FILTER DIR\n\nFILTER_DIR is a module level variable that controls the way mock objects respond to dir().\n"
    )
    assert clean(contents, format="markdown", analyzer=analyzer).edits == ()


def test_a_plain_text_headline_that_ends_like_a_sentence_is_the_title_and_its_pasted_copies_go(analyzer):
    headline = "I stopped feeling guilty about screen time. Here's why."
    page = (
        "Jump to navigation\n\nReviewed by Jonah Price · 11 February 2023\n\n"
        f"{headline}\n\n"
        "For the first three years of my son's life I counted minutes. I knew the guidelines off by heart "
        "and felt a little jolt of guilt every time the television went on.\n\n"
        "Then a health visitor said something that changed how I think about it: it is less about the "
        "number of minutes and more about what he is watching and whether we watch it together.\n\n"
        "So here are the rules we have landed on in our house. They are not perfect and they are not science.\n"
    )
    assert_only_the_paste_goes(analyzer, page, "So here are the rules", f"{headline}\n\n", "text", "SEO405")


def test_the_headline_below_a_cookie_notice_is_the_title_and_its_pasted_copies_go(analyzer):
    headline = "Payday Loans Aren't a Lifeline. They're a Trapdoor."
    page = (
        "Cookies help us deliver our services. You can change your choices at any time in the settings "
        "at the bottom of the page.\n\n"
        f"# {headline}\n\n"
        "For six years I volunteered on Thursday evenings at a debt advice drop-in above a library, and "
        "the story was nearly always the same.\n\n"
        "A small, urgent bill arrived, a loan was taken out to cover it, and a second loan followed to "
        "repay the first one a few weeks later.\n\n"
        "There are better options, and we should be louder about them than the lenders are about theirs.\n"
    )
    assert_only_the_paste_goes(analyzer, page, "There are better options", f"**{headline}**\n\n", "markdown", "SEO405")


PARSER_DOC = """\
Parser API

class email.parser.BytesFeedParser(_factory=None, *, policy=policy.compat32)

Create a BytesFeedParser instance. Optional _factory is a no-argument callable; if not specified use the message factory from the policy.

Note: The policy keyword should always be specified; the default will change to email.policy.default in a future version of Python.

New in version 3.2.

class email.parser.BytesParser(_class=None, *, policy=policy.compat32)

Create a BytesParser instance. The _class and policy arguments have the same meaning as those of BytesFeedParser.

Note: The policy keyword should always be specified; the default will change to email.policy.default in a future version of Python.

Changed in version 3.3: Removed the strict argument that was deprecated in 2.4.
"""


def test_a_note_said_under_each_entry_it_applies_to_stays_but_a_pasted_paragraph_goes(analyzer):
    assert clean(PARSER_DOC, format="text", analyzer=analyzer).edits == ()
    paragraph = (
        "Create a BytesFeedParser instance. Optional _factory is a no-argument callable; "
        "if not specified use the message factory from the policy."
    )
    spam = PARSER_DOC.replace("New in version 3.2.\n", f"New in version 3.2.\n\n{paragraph}\n")
    result = clean(spam, format="text", analyzer=analyzer)
    assert [e.rule for e in result.edits] == ["SEO403"] and result.text == PARSER_DOC
