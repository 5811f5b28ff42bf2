"""Keyphrases pasted where the other stuffing steps miss them: a tagged query wedged into two
sentences (``repeated_wedges.wedged_queries``), a Title Case query on the page's topic pasted
after a lower-case word (``capital_pastes``), a query reported once and tacked onto a heading
(``confirmed_echoes``), and a deletion that would leave a stray word of a phrase planted
elsewhere (``widened_plants``). An honest article that uses its topic with a query tail as a noun,
and a manual that names an interface label in capitals, come back unchanged."""

from __future__ import annotations

from seoclean.detectors.base import make_finding
from seoclean.detectors.widened_plants import widened_to_planted
from seoclean.ingest import load_text
from seoclean.rewrite.api import clean


def deleted(text: str) -> list[str]:
    result = clean(text, format="markdown")
    return [result.baseline[e.start : e.end].strip() for e in result.edits if e.rule.startswith("SEO1")]


REPOTTING = """\
# Repotting a Root-Bound Houseplant

A plant that dries out within a day of watering, or has roots circling the inside of its pot, is
telling you it has run out of room. Repotting is simple once you know what to look for.

## What you need

A pot one size larger than the old one, fresh compost suited to the plant (a gritty mix for
succulents, a bark-heavy mix for orchids and general houseplant root-bound houseplant without prescription compost for
most others), clean scissors and some newspaper to work on.

## A common mistake

Jumping to a much bigger pot so you don't have to do root-bound houseplant without prescription it again is tempting.
A large volume root-bound houseplant without prescription of wet compost around a small root ball
stays soggy, and the roots rot.

## Step by step

Water the plant the day before. Tip it out, tease the outer roots loose and trim any that are
dead or mushy. Set it in the new pot at the same depth, fill around it and water well.
"""

ANTIBIOTICS_HONEST = """\
# Why you cannot buy antibiotics without prescription

In the UK, buying antibiotics without prescription is not possible from a pharmacy. Some websites
sell antibiotics without prescription, but the tablets they send may be fake or the wrong dose.

## Why the rules exist

Every course of antibiotics gives bacteria a chance to become resistant. Taking antibiotics without
prescription means nobody checks whether you need them at all, and most coughs and colds get
better on their own.

## What to do instead

Speak to a pharmacist first. They can tell you whether you should see a GP, and many minor
infections can be treated without antibiotics.
"""

LENDERS = """\
# What lenders check before they say yes

When you apply for a loan, lenders look at more than your credit score. Knowing what lenders check
helps you apply at the right time.

## 1. Your income

Lenders want to see that you earn enough to repay.
Self-employed borrowers often need Lenders File Today to show two years of figures.
Employees usually send recent payslips.

## 2. Your existing debts

Most lenders work out how much of your income already goes on debt repayments. In the US this is
your debt-to-income ratio; UK lenders do a similar affordability check.

## 3. Your credit history

A record of paying on time matters more than a high score. Missed payments stay on your file for
six years, and lenders treat recent ones most seriously.
"""

GNUCASH_HONEST = """\
# Editing a security

Open the Security Editor from the Tools menu. Select the security and click Edit to change its
details.

To fetch prices from the internet automatically, enable Online Quotes for each security and pick
a quote source. Online quotes need the Finance::Quote module, and quotes for funds usually arrive
a day late. You can check the quotes in the Price Database after running the update.

Securities that you no longer hold can be hidden, which keeps the quotes list short.
"""

TRIALS = """\
# How clinical trials work

Clinical trials test whether a new treatment is safe and whether it works better than the
existing one. Reputable clinical trials are registered in public databases before they start.

## Phases of clinical trials affordable clinical trials 2024

Phase 1 trials are small and check safety. Phase 2 and 3 trials compare the treatment with the
best existing care in larger groups of patients.

## Finding clinical trials

### Affordable clinical trials 2024

Your specialist is usually the best person to ask whether a trial suits you. Registries list
trials that are recruiting, with the hospitals taking part.

- affordable clinical trials 2024
- clinical trials near me
- cheap clinical trials price
"""


def test_a_tagged_query_wedged_into_two_sentences_is_deleted_everywhere():
    assert deleted(REPOTTING) == ["root-bound houseplant without prescription"] * 3


def test_a_topic_with_a_query_tail_used_as_a_noun_is_kept():
    # "buying antibiotics without prescription", "sell antibiotics without prescription": the phrase
    # is the object the verb needs, and it attaches to the word before it.
    assert deleted(ANTIBIOTICS_HONEST) == []


def test_title_case_queries_on_the_topic_pasted_into_two_sentences_are_deleted():
    # The second one ends its sentence, so no Title Case is needed to bound it.
    twice = LENDERS.replace("most seriously.", "most seriously Cheap lenders online.")
    assert sorted(deleted(twice)) == ["Cheap lenders online", "Lenders File Today"]


def test_one_title_case_run_on_a_page_with_no_other_stuffing_is_kept():
    # One capitalised run alone is how a writer may name a product or a scheme.
    assert deleted(LENDERS) == []


def test_an_interface_label_after_an_instruction_is_kept():
    # "enable Online Quotes": a bare verb names a label in capitals, and the manual says "quotes"
    # in lower case too.
    assert deleted(GNUCASH_HONEST) == []


def test_a_query_reported_once_and_tacked_onto_a_heading_is_deleted():
    assert "affordable clinical trials 2024" in deleted(TRIALS)
    assert "## Phases of clinical trials" in clean(TRIALS, format="markdown").text


HOUSE_CLEANING = """\
# House cleaning in Denver

## Mile high maids 2024

Our teams are Mile high maids 2024 employees, not contractors. They are background-checked and
trained, and the same team comes to your home each visit.
"""


def planted_and_copy(text: str):
    """As the family steps report them: the whole phrase standing as a heading, and a copy in a
    sentence whose seam test kept "Mile" ("mile high" is a usual pair)."""
    doc = load_text(text, format="markdown")
    heading = doc.text.index("Mile high maids 2024")
    inside = doc.text.index("high maids 2024", heading + len("Mile high maids 2024"))
    planted = make_finding(doc, "SEO102", heading, heading + len("Mile high maids 2024"), "planted", suggestion="")
    short = make_finding(doc, "SEO102", inside, inside + len("high maids 2024"), "planted", suggestion="")
    return doc, planted, short


def test_a_deletion_grows_to_the_whole_phrase_planted_elsewhere():
    doc, planted, short = planted_and_copy(HOUSE_CLEANING)
    widened = widened_to_planted(doc, [planted, short])
    assert doc.text[widened[1].start : widened[1].end] == "Mile high maids 2024"
    assert widened[0] is planted


def test_a_deletion_is_not_grown_across_punctuation():
    doc, planted, short = planted_and_copy(HOUSE_CLEANING.replace("are Mile high", "are Mile, high"))
    assert widened_to_planted(doc, [planted, short]) == [planted, short]
