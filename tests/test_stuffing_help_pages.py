"""Honest help and manual pages keep their structure: numbered tables of contents, a menu-command
index sorted A to Z, reference lines that end on a term after a name ("Starts the QIF file import
process."), numbered page titles. Stuffed pages with the same shapes still lose their keyphrases."""

from __future__ import annotations

from seoclean.detectors.stuffing import StuffingDetector
from seoclean.document import Document
from seoclean.rewrite.api import clean


def stuffing_findings(text: str, fmt: str = "text"):
    """The findings that delete text (SEO102, SEO105). SEO101 judges density, which a page this
    short cannot show either way."""
    found = StuffingDetector().run(Document(text, format=fmt)).findings
    return [f for f in found if f.rule in ("SEO102", "SEO105")]


def deleted(text: str, fmt: str = "text") -> list[str]:
    result = clean(text, format=fmt)
    return [result.baseline[e.start : e.end].strip(" \n#*|-,") for e in result.edits if e.rule.startswith("SEO1")]


# A chapter page of a finance manual: its title three times (page title, heading, breadcrumb),
# then its numbered table of contents. Short, so its title's words are dense.
CHAPTER_CONTENTS = """\
Chapter 4. Household Budgets

Chapter 4. Household Budgets

<<< Prev | Part II. Everyday Use | Next >>>

Chapter 4. Household Budgets

Table of Contents

4.1. Budget Concepts

4.2. Setting Up a Budget

4.2.1. Choosing Budget Periods

4.2.2. Estimating Household Expenses

4.3. Entering Planned Amounts

4.4. Comparing Budgets with Actual Spending

4.4.1. Running the Budget Report

4.4.2. Adjusting Household Budgets Midyear

This chapter shows how to plan household budgets with the program.

<<< Prev | Home | Next >>>

3.5. Other Expense Accounts | Up | 4.1. Budget Concepts
"""


def test_a_numbered_table_of_contents_is_kept():
    assert stuffing_findings(CHAPTER_CONTENTS) == []
    assert deleted(CHAPTER_CONTENTS) == []


def test_fragments_planted_after_sentences_still_go_next_to_a_numbered_contents_list():
    stuffed = CHAPTER_CONTENTS.replace(
        "with the program.", "with the program. Cheap budget planner. Best budget planner app online."
    )
    assert deleted(stuffed) == ["Cheap budget planner.", "Best budget planner app online."]


# The list of tables and examples at the front of a manual, as trafilatura writes it.
LIST_OF_EXAMPLES = """\
List of Examples
- 8.1. Accounts for the loan to a friend
- 9.1. Sale of Shares with Profit, Manual Profit/Loss Calculation, Sale & Profit Combined, Gross Pricing
- 9.2. Sale of Shares with Profit, Manual Profit/Loss Calculation, Sale & Profit Combined, Net Pricing
- 9.3. Sale of Shares with Profit, Manual Profit/Loss Calculation, Sale & Profit Separated, Net Pricing
- 9.5. Manual Lot Creation and Linking
- 10.1. Sample Chart of Accounts for the Income Statement
A register keeps one line per transaction. The examples above walk through the usual cases, from \
a simple loan between friends to the sale of shares with a capital gain.
"""


def test_numbered_captions_listing_variants_of_a_scheme_are_kept():
    assert [f.rule for f in stuffing_findings(LIST_OF_EXAMPLES)] == []


# The index of an image editor's manual: a term, then the pages it points to, sorted A to Z.
MENU_INDEX = """\
Index
- Color Balance, Color Balance
- Color Profile, Color Management
- Color Temperature, Color Temperature
- Color to Alpha, Color to Alpha, Color to Alpha…
- Color to Gray, Color to Gray
- Colorize, Colorize
- Contrast, Contrast, Stretch Contrast
- Copy Visible, Copy Visible
- Crop, Crop
- Crop to content, Crop Image, Crop Layer
- Crop to selection, Crop Image
- Curves, Curves
"""


def test_a_menu_command_index_sorted_a_to_z_is_kept():
    assert stuffing_findings(MENU_INDEX) == []
    assert deleted(MENU_INDEX) == []


STUFFED_ROOFING = """\
# Fixing a leaking roof before winter

A leaking roof rarely fails all at once. Water finds one cracked tile or a lifted flashing and \
runs along the rafters before it shows as a stain on the ceiling.

roof repair near me, cheap roof repair, best roof repair, roof repair cost

Check the valleys and the flashing around the chimney first. Those joints move with every change \
of temperature, and the sealant behind them dries out after a few summers.

Replace cracked tiles from the ridge down, so each new tile sits under the one above it.
"""


def test_a_keyword_list_in_an_article_is_still_deleted():
    assert [f.rule for f in stuffing_findings(STUFFED_ROOFING, "markdown")] == ["SEO105"]
    assert deleted(STUFFED_ROOFING, "markdown") == [
        "roof repair near me, cheap roof repair, best roof repair, roof repair cost"
    ]


# Reference lines of a help page that end on a term after the name of a format or a window.
FILE_MENU = """\
The File menu
| Import | Opens the Import sub-menu to import files from other financial programs. |
| | Starts the CSV Account file import process. The file must be in the exported format. |
| | Starts the CSV Transactions file import process. The file must be a delimited file. |
| | Starts the QIF file import process. |
| | Starts the OFX/QFX file import process. |
| Export | Opens the Export sub-menu. |
"""


def test_a_term_after_the_names_it_applies_to_is_kept():
    assert stuffing_findings(FILE_MENU) == []


BUMP_MAP = """\
Bump Map
The filter creates a relief effect from a map image. Lighter parts of the map are raised, darker parts sink.
Options
Linear: Bump height is a linear function of luminosity.
Spherical: Bump height is a spherical function of luminosity.
Sinusoidal: Bump height is a sinusoidal function of luminosity.
Compensate for darkening keeps the image as bright as it was before the filter ran.
"""


def test_a_term_after_a_determiner_and_an_adjective_is_kept():
    assert stuffing_findings(BUMP_MAP) == []


# A manual's appendix page: its title names the manual and the numbered appendix, which the
# page's contents list and its heading repeat.
MANUAL_PAGE = """\
# Engraving Manual: B. GNU Free Documentation License

- A. Traditional notation
- B. GNU Free Documentation License

## B. GNU Free Documentation License

Version 1.3, 3 November 2008

Everyone is permitted to copy and distribute verbatim copies of this license document, but \
changing it is not allowed.

The purpose of this License is to make a manual, textbook, or other functional and useful \
document free in the sense of freedom: to assure everyone the effective freedom to copy and \
redistribute it, with or without modifying it, either commercially or noncommercially.
"""


def test_numbered_manual_titles_and_appendix_headings_are_kept():
    assert stuffing_findings(MANUAL_PAGE, "markdown") == []


def test_a_wrapped_enumeration_and_a_line_of_notes_are_not_keyword_lists():
    text = (
        "Accounts\n"
        "Examples of accounts include: checking accounts, savings accounts, credit card accounts, mortgages,\n"
        "        and loans. Each account tracks the activity of that real account.\n"
        "The tenor part repeats one note through the hymn:\n"
        "g4 g | g g g g | g g g g | g g g g | g2\n"
    )
    assert stuffing_findings(text) == []


# An administrator's guide shows its configuration lines in running text, unmarked.
SOURCES_LIST = (
    "Repositories for a stable system\n"
    "\t\tEach active line of the file describes a package source and is made of at least three parts "
    "separated by spaces: the type of the source, the base address of the archive, the suite, and "
    "the components of the archive to take packages from.\n"
    "Example 6.2. A sources.list file for a stable system\n"
    "# Security updates\n"
    "deb http://security.example.org/ trixie-security main contrib non-free\n"
    "deb-src http://security.example.org/ trixie-security main contrib non-free\n"
    "# Stable backports\n"
    "deb https://deb.example.org/debian trixie-backports main contrib non-free\n"
    "\t\tThis file names the release explicitly, so the system stays where it is when the next "
    "stable release comes out.\n"
    "Example 6.3. Proposed updates\n"
    "deb https://deb.example.org/debian trixie-proposed-updates main contrib non-free\n"
    "\t\tProposed updates are tested here before they reach the stable release.\n"
    "Example 6.4. Following the stable role\n"
    "deb https://deb.example.org/debian stable main contrib non-free\n"
    "deb-src http://security.example.org/ stable-security main contrib non-free\n"
    "\t\tNaming the role instead follows it to the next release on the day it is published, which "
    "an administrator rarely wants on a server.\n"
)


def test_configuration_lines_ending_on_the_same_words_are_kept():
    assert stuffing_findings(SOURCES_LIST) == []
