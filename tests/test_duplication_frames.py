"""Honest repeats on generated manuals (a navigation bar at the top and the foot of the page, a
DocBook-style header table naming the page, a tutorial's parallel worked examples) versus a
spammer's pasted copies (``page_frame``, ``title_copies``, ``repeat_context``)."""

from __future__ import annotations

from seoclean.analysis import Analyzer
from seoclean.detectors.duplication import DuplicationDetector
from seoclean.detectors.page_frame import PageFrame, is_chrome
from seoclean.ingest import load_text
from seoclean.rewrite.api import clean

DETECTOR = DuplicationDetector()

# Texinfo-style manual page as extracted text: the same navigation bar above and below the body,
# and again at the head of the page's second section.
NAV_TOP = "| [ << Basic notation of pitches ] | [Top][Contents][Index] | [ Working on input text files >> ] |"
NAV_SECTION = "| [ < Note lengths and dotted notes ] | [ Up : Entering notes and rests ] | [ Rests and skips > ] |"
MANUAL_PAGE = f"""\
{NAV_TOP}
{NAV_SECTION}
2.1.3 Ties and slurs
A tie joins two notes of the same pitch, so that they sound as one long note. Write a tilde after the first note to tie it to the next one.
A slur marks notes to be played smoothly, and is written with round brackets around the notes it covers.
{NAV_TOP}
| [ < Ties between two notes ] | [ Up : Ties and slurs in melodies ] | [ Phrasing slurs and phrases > ] |
Phrasing slurs
A phrasing slur groups several slurred passages into one musical phrase, and is written with escaped brackets.
Phrasing slurs and ordinary slurs may be nested, but two slurs of one kind may not overlap.
See also
Notation Reference: Slurs.
{NAV_TOP}
{NAV_SECTION}
"""

PASTED_PROSE = (
    "A tie joins two notes of the same pitch, so that they sound as one long note. "
    "Write a tilde after the first note to tie it to the next one."
)

# DocBook-style page rendered as Markdown: a header table naming the page above its headline.
DOCBOOK_PAGE = """\
| 6.2. Planning a Monthly Budget |
| --- |
| <<< Prev | Chapter 6. Budgets | Next >>> |

## 6.2. Planning a Monthly Budget

A monthly budget sets an amount for each expense account, so that the reports can compare what you planned with what you spent.

Open the budget editor from the Actions menu, choose the accounts to include, and enter an amount for each month of the year.

The budget report then lists every account with its planned and actual amounts side by side, month by month.
"""

# A finance tutorial walking through two worked examples in one mould: each restates its setup.
TUTORIAL_PAGE = """\
## 8.3. Recording a Sale of Shares

A sale is entered like a purchase, except that the number of shares is negative and the proceeds go to the bank account. The gain is recorded in the same transaction or in a second one.

Example 8.1. Sale of Shares at a Gain, Gross Pricing

In this example, we will use the brokerage account opened in Section 8.1, "A Sample Portfolio".

You bought 50 shares of the fund for $30 per share, then later sell them all for $42 per share with a commission of $10. The transaction is entered as shown in the table below.

| Account | Shares | Price | Amount |
| --- | --- | --- | --- |
| Assets:Bank | | | 2090.00 |
| Assets:Fund | -50 | 42.00 | 2100.00 |

Example 8.2. Sale of Shares at a Gain, Net Pricing

In this example, we will use the brokerage account opened in Section 8.1, "A Sample Portfolio".

You bought 50 shares of the fund for $30 per share, then later sell them all for $42 per share less a commission of $10. The transaction is entered as shown in the table below.

| Account | Shares | Price | Amount |
| --- | --- | --- | --- |
| Assets:Bank | | | 2090.00 |
| Assets:Fund | -50 | 41.80 | 2090.00 |
"""


def _rules(text: str, fmt: str) -> list[tuple[str, str]]:
    doc = load_text(text, format=fmt)
    return [(f.rule, doc.text[f.start : f.end]) for f in DETECTOR.detect(doc).findings]


def test_a_navigation_bar_above_and_below_the_body_is_no_copy():
    assert _rules(MANUAL_PAGE, "text") == []
    assert not clean(MANUAL_PAGE, format="text", analyzer=Analyzer(model=None)).changed


def test_prose_pasted_below_the_body_is_still_a_copy():
    spam = MANUAL_PAGE.replace(f"{NAV_TOP}\n{NAV_SECTION}\n", f"{PASTED_PROSE}\n{NAV_TOP}\n{NAV_SECTION}\n")
    spam = spam[: spam.rindex(NAV_TOP)] + PASTED_PROSE + "\n"
    found = _rules(spam, "text")
    assert ("SEO403", PASTED_PROSE) in found or ("SEO402", PASTED_PROSE) in found


def test_a_menu_line_pasted_inside_the_body_frames_nothing():
    """A line of entries said again between two sentences of the body is no navigation bar."""
    menu = "| Cheap flights to Rome today | Rome flight deals this week | Last minute Rome flights |"
    lines = MANUAL_PAGE.splitlines()
    lines.insert(2, menu)
    lines.insert(lines.index("Phrasing slurs") + 2, menu)
    doc = load_text("\n".join(lines) + "\n", format="text")
    frame = PageFrame(doc.text, doc.lines)
    menus = [span for span in doc.lines if doc.text[slice(*span)] == menu]
    navs = [span for span in doc.lines if doc.text[slice(*span)] == NAV_SECTION]
    assert len(menus) == 2 and len(navs) == 2
    assert not frame.frames(menus[1], menus[0])
    assert frame.frames(navs[1], navs[0])


def test_chrome_is_a_row_of_entries_not_a_sentence():
    assert is_chrome(NAV_SECTION)
    assert is_chrome("Home | Blog | Contact us")
    assert not is_chrome("| A tie joins two notes of the same pitch. |")
    assert not is_chrome(PASTED_PROSE)


def test_a_header_table_naming_the_page_is_no_title_copy():
    assert [rule for rule, _ in _rules(DOCBOOK_PAGE, "markdown")] == []
    assert not clean(DOCBOOK_PAGE, format="markdown", analyzer=Analyzer(model=None)).changed


def test_a_title_pasted_into_the_body_is_still_reported():
    spam = DOCBOOK_PAGE.replace("Open the budget editor", "6.2. Planning a Monthly Budget\n\nOpen the budget editor")
    found = _rules(spam, "markdown")
    assert ("SEO405", "6.2. Planning a Monthly Budget") in found


def test_parallel_worked_examples_restating_their_setup_are_kept():
    assert _rules(TUTORIAL_PAGE, "markdown") == []
    assert not clean(TUTORIAL_PAGE, format="markdown", analyzer=Analyzer(model=None)).changed


def test_a_setup_sentence_pasted_without_its_example_still_goes():
    setup = 'In this example, we will use the brokerage account opened in Section 8.1, "A Sample Portfolio".'
    spam = TUTORIAL_PAGE + "\nThe gain is taxed in the year of the sale, whatever the pricing used.\n\n" + setup + "\n"
    result = clean(spam, format="markdown", analyzer=Analyzer(model=None))
    assert [edit.rule for edit in result.edits] == ["SEO403"]
    assert result.text.count(setup) == 2


# A tax-category reference rendered one cell per row: two forms share a category and describe it alike.
CATEGORY_TABLES = """\
## 7.3. Tax Categories

Each expense account can be assigned a tax category, so that the tax report adds up the amounts that go on each line of a form.

### Schedule B

| Schedule B \\ L12 |
| Office supplies |
| Paper, toner, postage and small tools bought for the business and used up within the year. |
| Schedule B \\ L13 |
| Vehicle costs |
| Fuel, repairs and insurance for vehicles used for the business, in proportion to business use. |

### Form 440

| Form 440 \\ L3 |
| Office supplies |
| Paper, toner, postage and small tools bought for the business and used up within the year. |
| Form 440 \\ L4 |
| Professional fees |
| Fees paid to accountants and lawyers for work on the business's accounts and contracts. |
"""


def test_a_table_describing_two_entries_alike_is_no_copy():
    assert _rules(CATEGORY_TABLES, "markdown") == []
    assert not clean(CATEGORY_TABLES, format="markdown", analyzer=Analyzer(model=None)).changed


def test_a_table_row_pasted_as_a_paragraph_is_still_a_copy():
    row = "Paper, toner, postage and small tools bought for the business and used up within the year."
    spam = CATEGORY_TABLES + f"\nKeep every receipt for at least six years after the return is filed.\n\n{row}\n"
    doc = load_text(spam, format="markdown")
    found = [(f.rule, f.start) for f in DETECTOR.detect(doc).findings if doc.text[f.start : f.end] == row]
    assert found == [("SEO402", spam.rindex(row))]  # the pasted line goes, the table keeps its row


# A help page's list of named settings as extracted text: three picture settings, each followed by
# the same sentence about its Clear button.
SETTINGS_LIST = """\
Report Style Sheets
A style sheet sets the fonts, colours and pictures that every report printed with it uses. Open the editor from the Edit menu to change one.
- Prepared by: The name of the person who prepared the report.
- Background Tile: Use the Browse button to pick a picture to show behind the report text.
  The Clear button removes the picture again.
- Heading Banner: Use the Browse button to pick a picture to show above the report heading.
  The Clear button removes the picture again.
- Page Logo: Use the Browse button to pick a picture to show beside the report heading.
  The Clear button removes the picture again.
- Table border: The width in pixels of the lines drawn around tables.
"""


def test_a_sentence_said_under_each_named_setting_is_kept():
    assert _rules(SETTINGS_LIST, "text") == []
    assert not clean(SETTINGS_LIST, format="text", analyzer=Analyzer(model=None)).changed


def test_a_sentence_pasted_after_an_unrelated_setting_still_goes():
    """Only the neighbours worded in one mould vouch for a repeat: below a setting of another
    wording, the sentence is a paste."""
    spam = SETTINGS_LIST.replace("around tables.\n", "around tables.\n  The Clear button removes the picture again.\n")
    found = [rule for rule, text in _rules(spam, "text") if text == "The Clear button removes the picture again."]
    assert found == ["SEO402"]


# A bibliography as extracted text: each entry ends with its subject, and several share one.
BIBLIOGRAPHY = """\
Further reading
The books below are in the university library; the list gives each one's subject.
- 
Mary Holt.
A History of Woodcut Printing.
Fenwick Press, London, 1951.
subject: history of printing and engraving.
- 
Arthur Lane.
Early Type Design.
Oxford, 1962.
subject: type design.
- 
Edith Marsh.
The Printed Page.
Boston, 1970.
subject: history of printing and engraving.
- 
Peter Quint.
Engraved Maps of Europe.
Leiden, 1988.
subject: maps and atlases.
- 
Ruth Vail.
Presses and Printers.
New York, 1975.
subject: history of printing and engraving.
"""


def test_a_field_said_under_several_entries_of_a_list_is_kept():
    assert _rules(BIBLIOGRAPHY, "text") == []


def test_a_field_line_said_only_twice_is_still_a_copy():
    """A line pasted once more is said twice; the page's own fields are said under many entries."""
    pasted = "subject: cheap printing of business cards and flyers online."
    text = BIBLIOGRAPHY.replace("- \nArthur Lane.", f"{pasted}\n- \nArthur Lane.") + pasted + "\n"
    assert len([rule for rule, line in _rules(text, "text") if line == pasted and rule in ("SEO402", "SEO403")]) == 1
