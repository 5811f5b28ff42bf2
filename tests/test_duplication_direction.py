"""Which copy goes: a reworded near-copy pasted ABOVE its original is the one deleted, and a
lead-in pasted again among its own items in plain text is a copy, while honest pages stay as
they are."""

from __future__ import annotations

import pytest

from seoclean.analysis import Analyzer
from seoclean.detectors.copy_direction import earlier_is_the_copy
from seoclean.detectors.duplication import DuplicationDetector
from seoclean.ingest import load_text
from seoclean.rewrite.api import clean

ORIGINAL = (
    "Write down the name of the person you spoke to and the date of the call. If anything important "
    "is promised on the phone, ask the agent to confirm it in writing before you sign."
)

QUESTIONS = """\
# Questions to ask your insurance agent

Buying a policy through an agent is easier when you arrive with your questions written down. An
hour of preparation can save you from a policy that does not cover what you thought it covered.

Ask what is excluded. Every policy has exclusions, and the agent should be able to name the main
ones in plain language rather than telling you to read the small print later.

Ask how a claim works from the first phone call to the payment. Find out who you call, what
evidence they want, and how long a typical claim of your kind takes to settle.

Ask whether the premium will rise after a claim, and by how much. Some insurers protect a
no-claims discount for an extra fee, others do not offer it at all.

{original}
"""


def _pasted_above(copy: str) -> tuple[str, str]:
    """(the page with ``copy`` pasted after its second paragraph, the page without it)."""
    page = QUESTIONS.format(original=ORIGINAL)
    anchor = "read the small print later.\n\n"
    return page.replace(anchor, anchor + copy + "\n\n"), page


@pytest.fixture(scope="module")
def analyzer():
    return Analyzer(model=None)


def test_a_copy_with_an_opening_put_in_front_and_pasted_above_its_original_is_the_one_deleted(analyzer):
    spam, page = _pasted_above("Remember: " + ORIGINAL[0].lower() + ORIGINAL[1:])
    result = clean(spam, format="markdown", analyzer=analyzer)
    assert [e.rule for e in result.edits] == ["SEO404"]
    assert result.text == page  # the original stays at the end, where the article put it


def test_a_copy_with_rarer_synonyms_swapped_in_and_pasted_above_its_original_is_the_one_deleted(analyzer):
    spam, page = _pasted_above(ORIGINAL.replace("important", "vital").replace("date", "calendar date"))
    finding = next(f for f in DuplicationDetector().detect(load_text(spam, format="markdown")).findings)
    assert finding.rule == "SEO404" and finding.text.startswith("Write down") and "vital" in finding.text
    assert finding.evidence["first_line"] > load_text(spam, format="markdown").position(finding.start)[0]
    assert clean(spam, format="markdown", analyzer=analyzer).text == page


def test_a_reworded_copy_pasted_below_its_original_is_deleted_as_before(analyzer):
    page = QUESTIONS.format(original=ORIGINAL)
    spam = page + "\n" + ORIGINAL.replace("important", "vital") + "\n"
    result = clean(spam, format="markdown", analyzer=analyzer)
    assert [e.rule for e in result.edits] == ["SEO404"] and result.text == page


def test_the_earlier_paragraph_stays_the_original_without_a_sign_of_rewording():
    words = tuple(ORIGINAL.lower().replace(".", "").replace(",", "").split())
    # a sentence moved to the front is no opening; a commoner word swapped in is no spinner's
    moved = words[12:] + words[:12]
    assert not earlier_is_the_copy(moved, words)
    assert not earlier_is_the_copy(tuple("important" if w == "vital" else w for w in words), words)
    assert earlier_is_the_copy(("remember", *words), words)
    assert not earlier_is_the_copy(words, ("remember", *words))


TKINTER_FONT = """\
tkinter.font — Tkinter font wrapper

The tkinter.font module provides the Font class for creating and using named fonts.

class tkinter.font.Font(root=None, font=None, name=None, exists=False, **options)

The Font class represents a named font. Font instances are given unique names and can be specified by their family, size, and style configuration.

arguments:

font - font specifier tuple (family, size, options)

additional keyword options (ignored if font is specified):

family - font family i.e. Courier, Times

size - font size

weight - font emphasis (NORMAL, BOLD)

slant - ROMAN, ITALIC

underline - font underlining (0 - none, 1 - underline)

actual(option=None, displayof=None)

Return the attributes of the font.
"""

# A tutorial in plain text says the same lead-in above each of its examples, with prose between.
TUTORIAL = """\
Reading files in Python

Open the file with a with statement so that it is closed even when an error is raised.

Here is what the program prints when it runs:

hello world

The file object is an iterator over its lines, so a for loop reads one line at a time without loading the whole file.

Here is what the program prints when it runs:

line one
line two

Large files are best read this way, since only one line is held in memory at once.
"""


def test_a_lead_in_pasted_among_the_items_it_introduces_is_a_copy_in_plain_text(analyzer):
    lead_in = "additional keyword options (ignored if font is specified):\n\n"
    spam = TKINTER_FONT.replace("slant - ROMAN", lead_in + "slant - ROMAN")
    result = clean(spam, format="text", analyzer=analyzer)
    assert [e.rule for e in result.edits] == ["SEO403"] and result.text == TKINTER_FONT
    assert clean(TKINTER_FONT, format="text", analyzer=analyzer).edits == ()


def test_a_lead_in_said_above_each_example_of_a_plain_text_tutorial_stays(analyzer):
    assert clean(TUTORIAL, format="text", analyzer=analyzer).edits == ()
