"""Keyword stuffing (SEO101-SEO105): a crafted positive and a legitimate near-miss per rule."""

from __future__ import annotations

import re

import pytest

from seoclean.detectors.stuffing import StuffingDetector
from seoclean.document import Document
from seoclean.rules import get_rule

STUFFED_HEALTH = """\
Natural Blood Pressure Remedies That Work

Looking for natural blood pressure remedies? Our guide to natural blood pressure remedies explains \
everything. Many people try natural blood pressure remedies before medicine. The best natural blood \
pressure remedies are cheap and simple.

Why Natural Blood Pressure Remedies Matter

Doctors say natural blood pressure remedies can help. Eating less salt is one of the natural blood \
pressure remedies you can start today. Walking every day is another. Try natural blood pressure \
remedies for a month and see the difference.
"""

HEALTH_ARTICLE = """\
Understanding Your Blood Pressure

Blood pressure is the force of blood pushing against the walls of your arteries. Each reading has \
two numbers: the systolic value, measured while the heart beats, and the diastolic value, measured \
while it rests between beats. A reading of 120 over 80 is considered normal for most adults.

High readings rarely cause symptoms, which is why doctors call hypertension a silent condition. \
Over years, the extra strain damages arteries, the heart, the kidneys and the eyes. Many people \
only learn about the problem during a routine check-up, so regular measurement matters.

Lifestyle changes help more than most patients expect. Cutting back on salt, drinking less \
alcohol, staying active for thirty minutes a day and keeping a healthy weight can each lower \
blood pressure by several points. Stress management and good sleep add to the effect.

When lifestyle changes are not enough, doctors prescribe medication. Diuretics, ACE inhibitors \
and calcium channel blockers work in different ways, and many patients need a combination. Home \
monitors let you track blood pressure between appointments and share the numbers with your doctor.

Pregnant women, older adults and people with diabetes need closer follow-up, because their \
targets differ. Ask your doctor which range is right for you, and keep a simple log of your \
blood pressure readings so that trends are easy to spot.
"""

PRODUCT_FAQ = """\
Acme Widget Pro: Frequently Asked Questions

Is the Acme Widget Pro waterproof?
Yes. The Acme Widget Pro is rated IP67, so it survives rain and a short drop into a pool. Dry the \
charging port before you plug it in.

How long does the battery last?
A full charge lasts about ten hours of normal use. Heavy use with the screen at full brightness \
shortens that to six or seven hours.

Can I use the Acme Widget Pro with my phone?
The Acme Widget Pro pairs with any phone that supports Bluetooth 5. Install the companion app, \
hold the power button for three seconds and follow the prompts.

What comes in the box?
You get the Acme Widget Pro, a USB-C cable, a wrist strap and a quick-start card. A wall adapter is \
sold separately.

Does the Acme Widget Pro have a warranty?
Every Acme Widget Pro carries a two-year warranty against manufacturing defects. Keep your receipt \
and contact support if something goes wrong.

Where can I get help?
Our support team answers email within one working day and runs a live chat on weekdays.
"""

RECIPE = """\
Roasted Vegetables with Garlic

Heat the oven to 220 degrees. Cut two peppers, one courgette and a red onion into large chunks, \
and peel four cloves of garlic but leave them whole.

Put the vegetables in a roasting tin, pour over three tablespoons of olive oil and season with \
salt, pepper and a teaspoon of dried thyme. Toss everything with your hands until each piece is \
coated.

Roast for twenty-five minutes, turning the vegetables once halfway through. They are ready when \
the edges have browned and a knife slides easily into the courgette.

While they roast, whisk a dressing from a spoonful of olive oil, the juice of half a lemon and a \
pinch of sugar. Drizzle it over the hot vegetables, scatter with parsley and serve straight away \
with crusty bread or a bowl of rice.

Leftovers keep for two days in the fridge. Warm them gently in a pan with a splash of olive oil, \
or stir them cold through pasta for a quick lunch.
"""

INSERTED = """\
Staying Healthy at Work

Regular exercise keeps people car insurance who sit all day healthy. A short walk after lunch helps \
digestion and clears the mind.
Many offices now offer standing desks, and most workers say they reduce back pain. Find out what \
works for your body car insurance.
Drink water through the day car insurance The body needs more of it than most of us think. Small \
habits add up over a working year.
"""

CAR_INSURANCE = """\
How to Choose Car Insurance

Car insurance protects you against the cost of accidents, theft and damage. Most countries require \
at least third-party cover before you drive on public roads.

Comparing quotes is the quickest way to save money. Prices for the same driver can vary by hundreds \
of pounds, so check several insurers before you renew your car insurance each year.

Read the policy carefully. Cheap car insurance often comes with a high excess, which is the amount \
you pay yourself when you make a claim. A slightly higher premium can be the better deal.

Finally, ask about discounts. Many insurers reduce the price of car insurance for careful drivers, \
for cars kept in a garage and for customers who pay the whole year in advance.

If you do have an accident, report it to your insurer straight away, even if you do not plan to \
claim. Take photographs, note the other driver's details and keep any receipts for repairs or a \
hire car. A quick, complete report makes the claim simpler and protects your no-claims discount \
if the other driver was at fault.
"""


def findings(text: str, **options):
    return StuffingDetector(**options).run(Document(text)).findings


def codes(text: str, **options) -> list[str]:
    return [f.rule for f in findings(text, **options)]


def stuffing_codes(text: str, **options) -> list[str]:
    return [code for code in codes(text, **options) if code.startswith("SEO1")]


# -- rules --------------------------------------------------------------------------------------
def test_rules_are_registered():
    names = {code: get_rule(code).name for code in ("SEO101", "SEO102", "SEO103", "SEO104", "SEO105")}
    assert names == {
        "SEO101": "stuffed-keyphrase",
        "SEO102": "inserted-keyphrase",
        "SEO103": "keyphrase-density",
        "SEO104": "keyphrase-in-headings",
        "SEO105": "keyword-list",
    }
    assert all(get_rule(code).category == "keyword-stuffing" for code in names)


# -- SEO101 stuffed-keyphrase ---------------------------------------------------------------------
def test_stuffed_keyphrase_is_found_without_being_told():
    found = [f for f in findings(STUFFED_HEALTH) if f.rule == "SEO101"]
    assert len(found) == 9
    assert {re.sub(r"\s+", " ", f.text.lower()) for f in found} == {"natural blood pressure remedies"}
    first, second = found[0], found[1]
    assert (first.start, first.end, first.line, first.column) == (0, 31, 1, 1)
    assert first.text == "Natural Blood Pressure Remedies"
    expected_start = STUFFED_HEALTH.index("natural blood pressure remedies?")
    assert (second.start, second.end) == (expected_start, expected_start + 31)
    assert (second.line, second.column) == (3, 13)
    assert second.suggestion is None
    assert second.evidence["count"] == 9
    assert second.evidence["phrase_words"] == 4
    assert second.evidence["per_100_words"] > 4


def test_the_maximal_phrase_is_reported_not_its_parts():
    found = [f for f in findings(STUFFED_HEALTH) if f.rule == "SEO101"]
    assert all(f.evidence["phrase_words"] == 4 for f in found)  # never "blood pressure" on its own


@pytest.mark.parametrize(
    "text", [HEALTH_ARTICLE, PRODUCT_FAQ, RECIPE, CAR_INSURANCE], ids=["health", "faq", "recipe", "insurance"]
)
def test_natural_topical_repetition_is_not_stuffing(text):
    assert stuffing_codes(text) == []


def test_a_repeated_product_name_is_spared_as_a_name():
    # The FAQ is over the plain limit; what spares it is that "Acme Widget Pro" is a name.
    assert "SEO101" in codes(PRODUCT_FAQ, name_allowance=1.0)
    assert "SEO101" not in codes(PRODUCT_FAQ)


HOTEL = """\
The Harbour House

The Harbour House sits above a quiet bay on the north coast, ten minutes on foot from the village. \
The building was a customs office until the 1950s and still has its thick stone walls and tall \
windows, so the rooms stay cool in summer and warm in winter.

Breakfast is served on the terrace from eight until half past ten. Expect local eggs, smoked fish, \
bread from the bakery down the lane and whatever fruit the market had that morning. Dinner is only \
cooked on Fridays and Saturdays, and it is worth booking a table when you book your stay.

The coast path starts at the garden gate. A gentle walk east takes you to a sandy cove within the \
hour; the route west climbs to the lighthouse and rewards you with views across to the islands. \
Guests can borrow walking poles, maps and a flask of coffee from reception.

Rooms and rates
Room 1: deluxe sea view room, from 140 per night
Room 2: deluxe sea view room, from 140 per night
Room 3: deluxe sea view room, from 150 per night
Room 4: deluxe sea view room, from 150 per night
Room 5: deluxe sea view room, from 160 per night
Room 6: deluxe sea view room, from 160 per night
"""


def test_phrase_crowded_into_one_stretch_is_not_stuffing():
    # Dense enough, but all in the rates table at the end: structure, not stuffing.
    assert "SEO101" not in codes(HOTEL)
    assert "SEO101" in codes(HOTEL, min_spread=0.0)


# -- SEO102 inserted-keyphrase --------------------------------------------------------------------
def test_inserted_keyphrase_spans_delete_cleanly():
    found = [f for f in findings(INSERTED) if f.rule == "SEO102"]
    assert [f.text for f in found] == ["car insurance"] * 3
    assert all(f.suggestion == "" for f in found)
    first = found[0]
    assert (first.start, first.end) == (INSERTED.index("car insurance"), INSERTED.index("car insurance") + 13)
    assert (first.line, first.column) == (3, 31)
    cleaned = INSERTED[: first.start] + INSERTED[first.end :]
    cleaned = re.sub(r" {2,}", " ", cleaned)
    assert "Regular exercise keeps people who sit all day healthy." in cleaned


def test_one_insertion_of_the_named_keyphrase_is_enough():
    text = HEALTH_ARTICLE.replace("Many people only learn", "Many people car insurance who only learn")
    assert "SEO102" not in codes(text)  # used once: no evidence of a pattern
    found = [f for f in findings(text, keyphrase="car insurance") if f.rule == "SEO102"]
    assert [(f.text, f.start) for f in found] == [("car insurance", text.index("car insurance"))]


def test_keyphrase_used_grammatically_is_not_inserted():
    assert "SEO102" not in codes(CAR_INSURANCE)


# -- SEO103 keyphrase-density ---------------------------------------------------------------------
def test_named_keyphrase_over_yoast_density():
    stuffed = RECIPE.replace("chunks,", "chunks for olive oil,").replace("parsley", "parsley and olive oil")
    stuffed += "\nOlive oil makes it. Buy good olive oil. Olive oil is healthy. Extra virgin olive oil is best.\n"
    found = [f for f in findings(stuffed, keyphrase="Olive Oil") if f.rule == "SEO103"]
    total = stuffed.lower().count("olive oil")
    allowed = found[0].evidence["allowed"]
    assert found[0].evidence["count"] == total
    assert len(found) == total - allowed
    assert all(f.text.lower() == "olive oil" for f in found)
    assert found[0].evidence["density"] > 3


def test_named_keyphrase_at_normal_density_passes():
    assert "SEO103" not in codes(RECIPE, keyphrase="olive oil")


def test_keyphrase_matching_tolerates_plurals():
    result = StuffingDetector(keyphrase="blood pressure reading").run(Document(HEALTH_ARTICLE))
    assert result.measures["keyphrase_density"] > 0  # "blood pressure readings" counts


# -- SEO104 keyphrase-in-headings -----------------------------------------------------------------
HEADED = """\
A Guide to Link Audits

Intro to Link Audits

Links pointing at your site change every week, and some of them hurt more than they help.

Key Strategies for Link Audits

Export your backlinks, sort them by domain and look at the anchors first.

Best Practices for Link Audits

Repeat the check every quarter and keep notes on what you removed.
"""


def test_keyphrase_in_too_many_subheadings():
    found = [f for f in findings(HEADED, keyphrase="link audit") if f.rule == "SEO104"]
    assert len(found) == 3  # 3 of 3 subheadings; the title does not count
    assert found[0].text == "Link Audits"
    assert (found[0].line, found[0].column) == (3, 10)
    assert found[0].evidence["subheadings"] == 3


def test_keyphrase_in_some_subheadings_passes():
    varied = HEADED.replace("Key Strategies for Link Audits", "Where to Start").replace(
        "Best Practices for Link Audits", "Keeping It Clean"
    )
    assert "SEO104" not in codes(varied, keyphrase="link audit")


# -- SEO105 keyword-list --------------------------------------------------------------------------
def test_keyword_list_line():
    text = (
        "We fix leaks, boilers and blocked drains across the city.\n\n"
        "plumber london, cheap plumber london, emergency plumber london, 24/7 plumber london\n"
    )
    found = [f for f in findings(text) if f.rule == "SEO105"]
    assert len(found) == 1
    assert found[0].text == "plumber london, cheap plumber london, emergency plumber london, 24/7 plumber london"
    assert (found[0].line, found[0].column) == (3, 1)
    assert found[0].suggestion == ""


@pytest.mark.parametrize(
    "line",
    [
        "Ingredients: flour, sugar, eggs, butter, milk",
        "Tags: baking, bread, sourdough",
        "Tags: best sourdough, bread, cheap eats",
        "Tags: bread recipes 2024, bread flour, baking",
        "1 cup olive oil, 2 tbsp sesame oil, 1 tbsp coconut oil",
        "Chris plays the father, Scott plays the neighbour, and Sam plays the son.",
        "Prioritize, prioritize, prioritize.",
    ],
)
def test_ordinary_lists_are_not_keyword_lists(line):
    assert "SEO105" not in codes(f"A short introduction to the page.\n\n{line}\n")


@pytest.mark.parametrize(
    "line",
    [
        "Related searches: boiler repair price, boiler repair near me",
        "People also search for: emergency plumber leeds - plumber leeds open now - cheap plumber leeds",
        "Keywords: combi boiler deals | combi boiler service uk",
        "Related searches: Harbour name - Harbour 2024",
        "People also search for: pay off 2024, pay off rate online, weight loss pills that work fast",
        "People also search for: top rated boiler repair coupon, professional boiler repair no credit check",
        "Tags: Roof repair near me - Boiler company - Boiler usa - Boiler repair 2024",
    ],
)
def test_labelled_keyword_lines_with_two_items_or_spaced_dashes(line):
    text = f"We fix leaks, boilers and blocked drains across the city.\n\n{line}\n"
    (found,) = [f for f in findings(text) if f.rule == "SEO105"]
    assert found.text == line and found.suggestion == ""


@pytest.mark.parametrize(
    "line",
    [
        "Share on Facebook | Share on X | Share by email",
        "Path B: Bosnia and Herzegovina, Republic of Ireland, Northern Ireland",
        "These four systems are: exploitative authoritative, benevolent authoritative, consultative system",
    ],
)
def test_share_rows_and_labelled_enumerations_are_not_keyword_lists(line):
    assert "SEO105" not in codes(f"A short introduction to the page, with a sentence or two.\n\n{line}\n")


# -- planted keyphrase variants (keyword_family) ----------------------------------------------------
PLANTED = """\
# Descaling a Kettle

Limescale builds up fastest in hard-water areas. A thin crust on the element slows the kettle down
and flakes into your tea.

- cheap kettle descaler near me
- best kettle descaler deals
- kettle descaler price uk

## What you need | best kettle descaler deals

White vinegar or citric acid works well. Fill the kettle halfway with water and vinegar, bring it to
the boil and leave it for an hour. Rinse it twice **kettle descaler price uk** before you use it.

## Best Kettle Descaler Deals

Boil fresh water once more so that no taste of vinegar is left behind in your next cup.
"""


def test_a_bare_keyword_list_seeds_every_slot_that_repeats_its_items():
    found = [(f.rule, f.text) for f in findings(PLANTED) if f.rule in ("SEO102", "SEO105")]
    assert found == [
        ("SEO105", "- cheap kettle descaler near me\n- best kettle descaler deals\n- kettle descaler price uk"),
        ("SEO102", "best kettle descaler deals"),
        ("SEO102", "kettle descaler price uk"),
        ("SEO102", "Best Kettle Descaler Deals"),
    ]
    for finding in findings(PLANTED):
        assert PLANTED[finding.start : finding.end] == finding.text


def test_a_template_title_with_a_lower_case_slot():
    text = PLANTED.replace("# Descaling a Kettle", "# 7 Things Nobody Explains About cheap kettle descaler")
    titles = [f for f in findings(text) if f.rule == "SEO102" and f.line == 1]
    assert [f.text for f in titles] == ["7 Things Nobody Explains About cheap kettle descaler"]
    # The writer's own title cannot be recovered: the finding asks for a new one instead of deleting.
    assert titles[0].suggestion is None and "write a title of your own" in titles[0].message


@pytest.mark.parametrize(
    "title",
    [
        "Council approves protected cycle lane on Station Road despite traders' concerns",
        "Kiss You (One Direction song)",
        "Home Equity Loan vs. HELOC",
        "Thousands of UK academics treated as second-class | Education | The Guardian",
    ],
)
def test_real_titles_are_not_templates(title):
    text = f"{title}\n\n{HEALTH_ARTICLE}"
    assert "SEO102" not in codes(text) and "SEO105" not in codes(text)


def test_short_noun_lists_and_headings_of_an_article_are_left_alone():
    article = """\
# ISAs Explained

An ISA shelters savings from tax. There are several kinds, and each suits a different saver.

- Cash ISA
- Lifetime ISA
- Junior ISA

## Best for beginners

A cash ISA is the simplest place to start, and most banks offer one with no fees at all.

## Best for first homes

A Lifetime ISA adds a government bonus when you buy your first home before you turn forty.
"""
    assert [f for f in findings(article) if f.rule in ("SEO102", "SEO105")] == []


# -- measures and edge cases ----------------------------------------------------------------------
@pytest.mark.parametrize("text", ["", "Hello", "   \n\n  "])
def test_empty_and_tiny_documents(text):
    result = StuffingDetector(keyphrase="hello world").run(Document(text))
    assert result.findings == []
    assert set(result.measures) == set(StuffingDetector.measure_names)
    assert all(value == 0 for value in result.measures.values())


def test_measures_describe_the_stuffing():
    measures = StuffingDetector().run(Document(STUFFED_HEALTH)).measures
    assert measures["stuffed_phrases"] == 1
    assert measures["top_phrase_count"] == 9
    assert measures["stuffed_word_frac"] == pytest.approx(36 / len(Document(STUFFED_HEALTH).words))
    assert measures["top_4gram_char_frac"] > 0.16  # over Gopher's threshold too
    clean = StuffingDetector().run(Document(HEALTH_ARTICLE)).measures
    assert clean["stuffed_phrases"] == 0
    assert clean["top_phrase_density"] < measures["top_phrase_density"]
    assert clean["stuffed_phrase_words"] == 0 and clean["title_template"] == 0


def test_measures_give_the_stuffed_phrase_length_and_a_template_title():
    stuffed = Document(STUFFED_HEALTH)
    longest = max(len(f.text.split()) for f in StuffingDetector().run(stuffed).findings if f.rule == "SEO101")
    assert StuffingDetector().run(stuffed).measures["stuffed_phrase_words"] == longest >= 3
    old = "# How to winterize an outdoor faucet"
    templated = STUFFED_FAUCET.replace(old, "# The Only outdoor faucet Guide You Need")
    assert StuffingDetector().run(Document(templated)).measures["title_template"] == 1
    assert StuffingDetector().run(Document(STUFFED_FAUCET)).measures["title_template"] == 0


def test_feature_names_are_stable():
    names = StuffingDetector.feature_names()
    assert "stuffing__top_3gram_char_frac" in names
    assert "stuffing__dup_10gram_char_frac" in names
    assert len(names) == len(set(names))


# -- Gopher repetition helpers ---------------------------------------------------------------------
def test_gopher_helpers_on_a_small_example():
    from seoclean.detectors import repetition as rep

    assert rep.get_n_grams(["a", "b", "c"], 2) == [("a", "b"), ("b", "c")]
    assert rep.get_n_grams(["a"], 2) == []
    assert rep.find_duplicates(["buy now", "hello", "buy now", "buy now"]) == (2, 14)
    words = ["buy", "cheap", "shoes", "buy", "cheap", "shoes", "today"]
    lengths = [len(w) for w in words]
    assert rep.find_top_duplicate(rep.get_n_grams(words, 2), lengths, 2) == len("buy cheap") * 2
    assert rep.find_all_duplicate(rep.get_n_grams(words, 3), lengths, 3) == len("buycheapshoes")


def test_fast_gopher_ngram_chars_match_datatrove():
    datatrove = pytest.importorskip("datatrove.pipeline.filters.gopher_repetition_filter")
    from collections import Counter
    from random import Random

    from seoclean.detectors import repetition as rep

    rng = Random(7)
    for _ in range(200):
        words = [rng.choice(["a", "bb", "ccc", "dd"][: rng.randint(1, 4)]) for _ in range(rng.randint(0, 50))]
        fast = rep.ngram_repetition_chars(rep.word_ids(words), [len(w) for w in words])
        for n in rep.TOP_NGRAM_SIZES:
            grams = datatrove.get_n_grams(words, n)
            repeated = grams and Counter(grams).most_common(1)[0][1] > 1
            assert fast[f"top_{n}gram"] == (datatrove.find_top_duplicate(grams) if repeated else 0)
        for n in rep.DUPLICATE_NGRAM_SIZES:
            assert fast[f"dup_{n}gram"] == datatrove.find_all_duplicate(words, n)


# -- SEO102 phrases planted in capitals (planted_phrases) -----------------------------------------
ROOF_STORY = """\
# School reopens after roof repairs

Pupils returned to Kelsbury Primary on Monday after eight months in temporary classrooms.

The £1.9 million project, funded by the Trusted eight-month roof repair local authority, replaced the \
flat roof with a new insulated one. Contractors also installed solar panels, which the school Trusted \
eight-month roof repair expects will cut its electricity bills by around a third.

The playing field will be reseeded and should be back in use by spring. Trusted eight-month roof repair.
"""


def test_a_phrase_pasted_in_capitals_and_standing_alone_is_planted():
    found = [f for f in findings(ROOF_STORY) if f.rule == "SEO102"]
    assert [f.text.replace("\n", " ") for f in found] == ["Trusted eight-month roof repair"] * 3
    assert all(f.suggestion == "" and "planted across the page" in f.message for f in found)
    assert found[0].start == ROOF_STORY.index("Trusted")


NAMES_STORY = """\
# Court rules on holiday park fees

The Supreme Court ruled on Tuesday that the fees were unfair. Lawyers said Supreme Court judges had \
rarely been so blunt, and owners welcomed what Supreme Court watchers called a landmark decision.

Park owners said they would study the judgment before deciding whether to appeal.

A spokesperson said Local Government Association members would issue new guidance. The association \
said Local Government Association staff had already drafted it.
"""


def test_names_of_common_words_keep_their_capitals_and_are_not_planted():
    assert "SEO102" not in codes(NAMES_STORY)


JACKET_GLOSSARY = """\
# Outdoor jacket terms

Buy waterproof jacket

Helmet-compatible hood: a hood big buy waterproof jacket enough to fit over a climbing or cycling helmet.

Hydrostatic head: a measure of how much water pressure a fabric resists before it leaks through.

Pit zips: zips under the arms that let heat out on a steep climb without opening the front.
"""


def test_a_phrase_standing_alone_and_wedged_in_lower_case_is_planted():
    found = [f for f in findings(JACKET_GLOSSARY) if f.rule == "SEO102"]
    assert [(f.text, f.line) for f in found] == [("Buy waterproof jacket", 3), ("buy waterproof jacket", 5)]
    assert "wedged into this sentence" in found[1].message
    article = JACKET_GLOSSARY.replace("a hood big buy waterproof jacket enough", "a hood big enough")
    assert "SEO102" not in codes(article + "\nBefore you buy waterproof jacket fabric, check its rating.\n")


def test_a_title_built_around_a_phrase_planted_in_the_body_is_reported():
    text = ROOF_STORY.replace(
        "# School reopens after roof repairs", "# Trusted Eight-Month Roof Repair Under The Microscope"
    )
    found = [f for f in findings(text) if f.rule == "SEO102"]
    assert found[0].line == 1 and found[0].text == "Trusted Eight-Month Roof Repair Under The Microscope"
    assert len(found) == 4 and "template built around the keyphrase" in found[0].message


def test_a_phrase_appended_to_three_sentences_after_different_words_is_planted():
    text = (
        "# USB-C questions answered\n\n"
        "Look for a small lightning bolt next to the port, or check the manual usb-c charger guide.\n\n"
        "Will USB-C replace everything else? For phones, the switch is largely complete usb-c charger guide.\n\n"
        "If the labels in the shop leave you guessing, this glossary should help usb-c charger guide.\n"
    )
    found = [f for f in findings(text) if f.rule == "SEO102"]
    assert [f.text for f in found] == ["usb-c charger guide"] * 3
    assert all("appended to a finished clause" in f.message for f in found)
    once = text.replace(" usb-c charger guide.\n\nWill", ".\n\nWill").replace(
        "complete usb-c charger guide.", "complete."
    )
    assert "SEO102" not in codes(once)


# -- recall on planted phrases, and structure that is not planting (issue #5) ---------------------
FAUCET = """\
# How to winterize an outdoor faucet

A frozen outdoor faucet can split the pipe behind your wall, and you may not find out until spring, \
when you turn it on and water pours into the basement. Top rated outdoor faucet. Do this before the \
first hard freeze.

## Steps

- Disconnect the hose and drain it before you store it away for the winter.
- Open the bleeder cap on the indoor valve, with a bucket underneath, to release trapped water. Top \
rated outdoor faucet. Close it again.
- Add an insulated faucet cover over the outside tap and leave it on until spring.

## Frost-free faucets

A frost-free faucet shuts off the water inside the warm wall, so the part outside stays dry all winter.
Most houses built in the last twenty years have one, but older homes usually do not, and the only way \
to tell is to look for a long stem running back through the wall from the handle.

## When to call a plumber

If the pipe has already split, turn off the water at the main stop valve and call a plumber before \
you try anything else. A small crack can hide behind the siding for weeks and soak the insulation, \
the joists and the drywall long before any water shows up inside. Insurers often ask whether the \
house was heated and the supply drained, so keep a note of what you did and when you did it.
"""
# Two more planted variants: the page is shown to be stuffed.
STUFFED_FAUCET = FAUCET.replace("handle.\n", "handle. Cheap Faucet Covers UK.\n").replace(
    "call a plumber before", "call a plumber. Outdoor Tap Repair Price. Do this before"
)


def test_variants_with_a_modifiers_own_function_words_join_a_stuffed_page():
    found = [f.text.replace("\n", " ") for f in findings(STUFFED_FAUCET) if f.rule == "SEO102"]
    assert found == ["Top rated outdoor faucet"] * 2 + ["Cheap Faucet Covers UK", "Outdoor Tap Repair Price"]


# The same page with its query fragment said once: a sentence of its own, but no proof on its own.
ONE_FRAGMENT_FAUCET = FAUCET.replace(" Top rated outdoor faucet. Close", " Close")


def test_a_query_fragment_said_once_does_not_prove_stuffing():
    assert "SEO102" not in codes(ONE_FRAGMENT_FAUCET)


def test_a_query_fragment_said_twice_is_a_keyphrase():
    # Emphasis repeats a point ("Switch sides."); a phrase of search words said twice as a sentence
    # of its own is a keyphrase, whose every occurrence goes.
    found = [f.text.replace("\n", " ") for f in findings(FAUCET) if f.rule == "SEO102"]
    assert found == ["Top rated outdoor faucet"] * 2


def test_a_title_template_around_the_topic_is_reported_on_a_stuffed_page():
    old = "# How to winterize an outdoor faucet"
    text = STUFFED_FAUCET.replace(old, "# The Only outdoor faucet Guide You Need")
    found = [f for f in findings(text) if f.rule == "SEO102"]
    assert found[0].line == 1 and "template built around the keyphrase" in found[0].message
    assert len(found) == 5
    assert "SEO102" not in codes(ONE_FRAGMENT_FAUCET.replace(old, "# The Only outdoor faucet Guide You Need"))


def test_headings_made_of_query_words_join_a_stuffed_page_only():
    text = STUFFED_FAUCET.replace("## Steps", "## Outdoor faucet without prescription")
    headings = [f.text for f in findings(text) if f.rule == "SEO102" and "heading" in f.message]
    assert headings == ["Outdoor faucet without prescription"]
    article = ONE_FRAGMENT_FAUCET.replace("## Steps", "## Taps for sale").replace(
        "## Frost-free faucets", "## Same day delivery"
    )
    assert "SEO102" not in codes(article)


DOCS_PAGE = """\
# Annotations Best Practices — Python 3.11.2 documentation

## Contents

- Annotations Best Practices
- Instant User's Manual
- Accessing The Annotations Dict Of An Object
- Quirks Of Annotations

## Annotations Best Practices

This document is designed to encapsulate the best practices for working with annotations dicts. If \
you write Python code that examines annotations on Python objects, follow the guidelines below.

## Instant User's Manual

Python 3.10 adds a new function to the standard library: inspect.get_annotations(). Calling it is \
the best practice for accessing the annotations dict of any object that supports annotations.

## Accessing The Annotations Dict Of An Object

You should avoid assigning to the annotations member of objects directly. Let Python manage setting \
annotations, and always set the member to a dict object if you must assign it.

## Quirks Of Annotations

In all versions of Python 3, function objects lazy-create an annotations dict if no annotations are \
defined on that object. You can delete the annotations attribute with del.
"""


def test_section_headings_repeated_by_a_table_of_contents_are_not_planted():
    assert [f for f in findings(DOCS_PAGE) if f.rule in ("SEO102", "SEO105")] == []
    markdown = DOCS_PAGE.replace("- Quirks Of Annotations\n", "- Quirks Of Annotations\n- Cheap annotations deals\n")
    assert [f.text for f in findings(markdown) if f.rule == "SEO102"] == []  # one item in a real list: no family


def test_a_heading_tail_of_query_words_is_planted_and_a_name_tail_is_not():
    text = STUFFED_FAUCET.replace("## Steps", "## Drain the pipes and cover the tap - Outdoor Faucet Repair Near Me")
    tails = [f.text for f in findings(text) if f.rule == "SEO102" and "tacked onto a heading" in f.message]
    assert tails == ["Outdoor Faucet Repair Near Me"]
    named = STUFFED_FAUCET.replace("## Steps", "## Drain the pipes and cover the tap - Mile High Plumbing")
    assert not [f for f in findings(named) if "tacked onto a heading" in f.message]


SINK_ANSWER = """\
# Why did my cake sink?

A sunken middle normally comes down to one of four things, and from your recipe discount cake tin \
price I have a good guess at the cause.

Oven temperature matters most. Many ovens run hotter or cooler than the oven discount cake tin price \
dial says, so a cheap oven thermometer is worth buying before anything else.

Underbaking comes next. If the centre isn't fully set when you take it out, it will sink as it cools. \
Bake it five minutes longer and test with a skewer in the middle discount cake tin price before you \
lift it out.

Too much raising agent is the last common cause: the batter rises fast, then collapses.
"""


def test_a_repeated_phrase_of_search_words_is_removed_where_it_is_wedged_on_a_stuffed_page():
    stuffed = SINK_ANSWER.replace("comes next.", "comes next. Cheap Cake Tins UK.").replace(
        "then collapses.", "then collapses. Best Cake Tin Deals."
    )
    found = [f.text for f in findings(stuffed) if f.rule == "SEO102"]
    assert found.count("discount cake tin price") == 3 and "Best Cake Tin Deals" in found
    assert "SEO102" not in codes(SINK_ANSWER)  # one phrase, however often, proves nothing on its own
    grammatical = stuffed.replace("recipe discount cake tin price I", "recipe I")
    grammatical = grammatical.replace("oven discount cake tin price dial", "oven dial")
    grammatical = grammatical.replace("middle discount cake tin price before", "middle before")
    grammatical += (
        "\nWe compared the best price deals on tins: the best price deals were online, and best price deals change.\n"
    )
    assert not [f for f in findings(grammatical) if f.rule == "SEO102" and "price" in f.text]


def test_a_phrase_appended_after_a_word_it_repeats_leaves_that_word_to_the_sentence():
    # "covers a courtesy car" + "cheap car insurance quotes online": the planted phrase starts at
    # "cheap"; taking "car" with it would make the rewrite delete a word the sentence needs.
    phrase = "cheap car insurance quotes online"
    text = (
        f"# Cheap Car Insurance Quotes Online\n\nFinding {phrase} is easier than you think. Compare {phrase} "
        "from many insurers in minutes.\n\nBefore you buy, check the excess, the no-claims discount and "
        f"whether the policy covers a courtesy car {phrase}. Young drivers pay the most, so adding an "
        f"experienced named driver can lower the premium {phrase}.\n\n## {phrase.capitalize()}\n\n"
        f"Best {phrase}, cheap car insurance near me, car insurance quotes cheap, cheapest car insurance online.\n"
    )
    planted = [f for f in StuffingDetector().run(Document(text)).findings if f.rule == "SEO102"]
    car = text.index("courtesy car") + len("courtesy ")
    assert any(f.start == car + len("car ") and f.text == phrase for f in planted)
    assert not any(f.start <= car < f.end for f in planted)


BANK_STATEMENT = """\
# How to read a bank statement

A bank statement lists every payment in and out of your account over one period, usually a month.

## 1. Check the period and account details - Bank Statement Fraud Services

At the top you'll find your name, account number, sort code and the dates the statement covers.

## Bank Statement Fraud Services

The opening balance is what you had at the start of the period; the closing balance is what was left.

## 5. Go through every line - Bank Statement Payment

Tick off each transaction against your receipts, and look up any name you don't recognise.

## 7. Check fees and interest: Bank Statement Fraud Services

Look for overdraft charges, foreign transaction fees and interest you did not expect to pay.
"""


def test_a_phrase_standing_as_headings_and_heading_tails_is_planted_with_its_variants():
    found = [f.text for f in findings(BANK_STATEMENT) if f.rule == "SEO102"]
    assert found == ["Bank Statement Fraud Services"] * 2 + ["Bank Statement Payment", "Bank Statement Fraud Services"]
    # A section named once as a heading and once as another heading's tail is structure.
    once = BANK_STATEMENT.replace("## 7. Check fees and interest: Bank Statement Fraud Services", "## 7. Fees")
    assert "SEO102" not in codes(once.replace(" - Bank Statement Payment", ""))


def test_a_sentence_case_phrase_the_title_holds_in_title_case_is_planted():
    text = (
        "# Inside Scoop On Cheap Red Lentil Coupon\n\n"
        "A cheap, filling soup made almost entirely from the store cupboard, ready in forty minutes.\n\n"
        "Simmer for twenty minutes, until the lentils have collapsed and the carrots are soft "
        "Cheap red lentil coupon. Stir now and then, as lentils like to catch on the bottom of the pan.\n"
    )
    found = [f for f in findings(text) if f.rule == "SEO102"]
    assert [f.text for f in found if f.suggestion == ""] == ["Cheap red lentil coupon"]
    # Cased as in a heading, the phrase names a section: a reference, not an insertion.
    reference = text.replace("Cheap red lentil coupon.", "Cheap Red Lentil Coupon.")
    assert "SEO102" not in codes(reference.replace("# Inside Scoop On ", "# "))


def test_on_a_stuffed_page_a_short_list_varying_a_topic_word_with_a_search_word_is_a_keyword_list():
    variants = "\n- Faucet valve\n- Faucet fast\n"
    text = STUFFED_FAUCET.replace("## Frost-free faucets\n", f"## Frost-free faucets\n{variants}")
    lists = [f.text for f in findings(text) if f.rule == "SEO105"]
    assert lists == ["- Faucet valve\n- Faucet fast"]
    assert "SEO105" not in codes(
        ONE_FRAGMENT_FAUCET.replace("## Frost-free faucets\n", f"## Frost-free faucets\n{variants}")
    )
    # Points that share an ordinary word, even a price word, are the article's own list.
    points = "\n- Future costs\n- Funeral costs\n"
    text = STUFFED_FAUCET.replace("## Frost-free faucets\n", f"## Frost-free faucets\n{points}")
    assert "SEO105" not in codes(text)


def test_a_planted_seed_goes_where_the_words_around_it_join():
    # "the discount" is a common pair, but "the dial" reads on without the phrase: it goes.
    stuffed = SINK_ANSWER.replace("comes next.", "comes next. Cheap Cake Tins UK.").replace(
        "then collapses.", "then collapses. Best Cake Tin Deals."
    )
    text = stuffed.replace("the oven discount cake tin price dial", "the discount cake tin price dial")
    found = [f.text for f in findings(text) if f.rule == "SEO102"]
    assert found.count("discount cake tin price") == 3


def test_a_tail_after_a_documentation_heading_pilcrow_is_a_slot():
    text = STUFFED_FAUCET.replace("## Steps", "## Steps¶ Outdoor Faucet For Sale")
    tails = [f.text for f in findings(text) if f.rule == "SEO102" and "tacked onto a heading" in f.message]
    assert tails == ["Outdoor Faucet For Sale"]
    assert "SEO102" not in codes(ONE_FRAGMENT_FAUCET.replace("## Steps", "## Steps¶ Frost-free faucets"))


ROUND_UP = """\
# Kids' scooters compared: we tested four popular models

Our panel of seven young testers spent a month riding four scooters to school and around the park.

## Zippit Mini Lean — best for toddlers

Steering by leaning sounds odd but clicked quickly with our youngest testers, and the wide deck is low.

## Bolt Junior Fold — best for the school run

Folds in one movement and has a carry strap, which parents loved on the walk to school every morning.

## Roamer Glide 3 — best on a budget

Cheaper and simpler: the plastic deck flexed a little under our heaviest tester, but it did the job.
"""


def test_a_round_ups_verdict_tails_are_not_a_keyphrase_family():
    # The tails share only their modifier ("best"), not a topic: a verdict per product.
    assert not [f for f in findings(ROUND_UP) if f.rule.startswith("SEO1")]
    stuffed = (
        ROUND_UP.replace("best for toddlers", "scooter near me")
        .replace("best for the school run", "cheap scooter deals")
        .replace("best on a budget", "cheap scooter price")
    )
    assert [f.text for f in findings(stuffed) if f.rule == "SEO102"] == [
        "scooter near me",
        "cheap scooter deals",
        "cheap scooter price",
    ]
