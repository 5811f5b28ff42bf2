"""Restoring spun wording: a spun paragraph gets its original words back, an honest one that
chooses rarer synonyms stays as written, and spintax is told from technical brace notation. All
texts are written for these tests (the spun one by hand, with sense-blind WordNet synonyms); none
depends on the evaluation data."""

from __future__ import annotations

import pytest

from seoclean.analysis import Analyzer
from seoclean.detectors.spin import SpinDetector
from seoclean.document import Document
from seoclean.rewrite.api import clean


@pytest.fixture(scope="module")
def analyzer():
    return Analyzer(model=None)


TOMATOES = (
    "Water your tomato plants early in the morning, before the sun gets hot. Give each plant a deep drink at "
    "the base instead of a light sprinkle over the leaves, because wet leaves invite disease. A thick layer "
    "of mulch keeps the soil moist and stops weeds from growing. Feed the plants every week once the first "
    "flowers appear, and pick each fruit as soon as it turns red. If the leaves start to yellow, check the "
    "soil: too much water is a more common problem than too little. Tie the main stem to a cane as the plant "
    "grows, and pinch out the side shoots so that the plant puts its energy into the fruit. At the end of the "
    "season, pull up the old plants and compost them, unless they showed signs of blight."
)
# The same paragraph after a thesaurus spinner: words swapped for entries of another sense or register.
TOMATOES_SPUN = (
    "Water your tomato plants early in the forenoon, before the sun gets hot. Give each plant a deep drink at "
    "the foundation instead of a light sprinkle over the leafage, because wet leaves invite disease. A thick bed "
    "of mulch keeps the filth moist and stops weeds from growing. Feed the plants every hebdomad once the first "
    "flowers appear, and pick each fruit as soon as it turns red. If the leaves begin to yellow, check the "
    "soil: too much water is a more common trouble than too little. Tie the main shank to a cane as the plant "
    "grows, and pinch out the side shoots so that the plant puts its muscularity into the fruit. At the "
    "destruction of the season, pull up the old plants and compost them, unless they showed signs of blight."
)
# A gardener's own wording: rarer synonyms chosen on purpose ("foliage", "blossoms", "stalk", "vigour").
TOMATOES_IN_OTHER_WORDS = (
    "Water your tomato plants early in the morning, before the sun gets hot. Give each plant a deep drink at "
    "the base instead of a light sprinkle over the foliage, because wet foliage invites disease. A thick layer "
    "of mulch keeps the soil moist and stops weeds from growing. Feed the plants every week once the first "
    "blossoms appear, and pick each fruit as soon as it turns red. Tie the main stalk to a cane as the plant "
    "grows, and pinch out the side shoots so that the plant puts its vigour into the fruit."
)


def spin_edits(result) -> set[tuple[str, str]]:
    return {(result.baseline[e.start : e.end], e.replacement) for e in result.edits if e.rule.startswith("SEO2")}


def test_a_spun_paragraph_gets_its_original_wording_back(analyzer):
    result = clean(TOMATOES_SPUN, format="text", analyzer=analyzer)
    expected = {("forenoon", "morning"), ("filth", "soil"), ("hebdomad", "week"), ("muscularity", "energy")}
    assert expected <= spin_edits(result)
    assert "early in the morning" in result.text and "every week once" in result.text
    # Every restoration is a word of the source: none invents wording the writer never used.
    assert all(replacement in TOMATOES for _, replacement in spin_edits(result))
    assert clean(result.text, format="text", analyzer=analyzer).text == result.text


@pytest.mark.parametrize("text", [TOMATOES, TOMATOES_IN_OTHER_WORDS])
def test_an_honest_paragraph_comes_back_unchanged_whatever_synonyms_it_chose(analyzer, text):
    result = clean(text, format="text", analyzer=analyzer)
    assert result.edits == () and result.text == text


def spintax(text: str) -> list:
    return [f for f in SpinDetector().run(Document(text)).findings if f.rule == "SEO205"]


@pytest.mark.parametrize(
    "text, suggestion",
    [
        ("If the pain {lasts|persists|continues} for weeks, see a doctor about it.", "lasts"),
        ("Saving takes {a lot|a great deal} of patience, but it pays off.", "a lot"),
        ("This is a {simple|easy|quick} way to put money aside every month.", "simple"),
    ],
)
def test_spintax_offering_words_of_the_prose_is_restored(text, suggestion):
    found = spintax(text)
    assert found and found[-1].suggestion == suggestion


@pytest.mark.parametrize(
    "text",
    [
        # DNS record types in a command line of real documentation (one word, "any", among codes).
        "Check the DNS records of a domain with dig [@dns-server.com] example.com [{a|mx|any}] from a shell.",
        "Pick the protocol with {http|https} in the address and the port with {80|443} after it.",
        "The archive holds {v1|v2.txt} and the notes for each release of the tool.",
        # An option's allowed values in a synopsis, quoted as literals.
        "'option dry-run' {'true'|'false'}:\n\tIf true, pretend the operation completed successfully.",
    ],
)
def test_brace_alternatives_of_codes_and_file_names_are_not_spintax(text, analyzer):
    assert spintax(text) == []
    edits = clean(text, format="text", analyzer=analyzer).edits
    assert not [e for e in edits if e.rule.startswith("SEO2")]
