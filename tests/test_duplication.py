"""Duplication (SEO401-SEO405): a crafted positive and a legitimate near-miss per rule."""

from __future__ import annotations

import pytest

from seoclean.detectors.duplication import DuplicationDetector
from seoclean.document import Block, Document
from seoclean.ingest import load_text
from seoclean.rules import get_rule

PLUMBER_PAGE = """\
Emergency Plumber in London Today

Our plumbers in London fix leaks fast and at a fair price, day or night, every day of the week.

Best Practices for Fixing Leaks

Turn off the water at the stopcock before you do anything else, then call us.

Best Practices for Fixing Leaks

A dripping tap wastes thousands of litres a year, so do not wait for it to get worse.

Our plumbers in Leeds fix leaks fast and at a fair price, day or night, every day of the week.

Emergency Plumber in London Today

Call us today for a free quote!
We answer the phone around the clock.
Call us today for a free quote!
"""

RECIPE = """\
Lemon Sponge with Two Fillings

Ingredients

2 eggs
100 g sugar
100 g flour

Step 1

Beat the eggs and sugar until pale, then fold in the flour.

Ingredients

200 ml cream
1 lemon

Step 1

Whip the cream with the lemon zest until it just holds its shape.
"""


def findings(text: str, **options):
    return DuplicationDetector(**options).run(Document(text)).findings


def findings_in(text: str, fmt: str):
    return DuplicationDetector().run(load_text(text, format=fmt)).findings


def by_rule(text: str, code: str, **options):
    return [f for f in findings(text, **options) if f.rule == code]


def test_rules_are_registered():
    names = {code: get_rule(code).name for code in ("SEO401", "SEO402", "SEO403", "SEO404", "SEO405")}
    assert names == {
        "SEO401": "duplicate-heading",
        "SEO402": "duplicate-line",
        "SEO403": "duplicate-paragraph",
        "SEO404": "near-duplicate-paragraph",
        "SEO405": "title-repeated-in-body",
    }


# -- SEO401 duplicate-heading ---------------------------------------------------------------------
def test_repeated_heading_is_reported_at_the_second_copy():
    found = by_rule(PLUMBER_PAGE, "SEO401")
    heading = "Best Practices for Fixing Leaks"
    second = PLUMBER_PAGE.index(heading, PLUMBER_PAGE.index(heading) + 1)
    assert [(f.start, f.end, f.text) for f in found[:1]] == [(second, second + len(heading), heading)]
    assert (found[0].line, found[0].column) == (9, 1)
    assert found[0].evidence["first_line"] == 5
    assert found[0].suggestion is None  # deleting a heading would merge two sections


def test_short_structural_headings_may_repeat():
    assert findings(RECIPE) == []


# -- SEO402 duplicate-line ------------------------------------------------------------------------
def test_repeated_line_inside_a_paragraph():
    # In Markdown the three lines are one paragraph; in plain text each is a block of its own
    # (SEO403 there, see test_measures_count_the_repeats).
    text = PLUMBER_PAGE.replace("Best Practices for Fixing Leaks", "## Best Practices for Fixing Leaks")
    found = [f for f in DuplicationDetector().run(load_text(text, format="markdown")).findings if f.rule == "SEO402"]
    assert len(found) == 1
    line = "Call us today for a free quote!"
    assert found[0].text == line
    assert found[0].start == text.rindex(line)
    assert (found[0].line, found[0].column) == (19, 1)
    assert found[0].evidence["first_line"] == 17
    assert found[0].suggestion == ""


def test_pieces_of_sentences_broken_across_lines_are_not_repeated_lines():
    # Reference text extracted with its HTML source's line breaks: the same sentence ending
    # ("return the decoded bytes.") closes two different sentences; no line was said twice.
    text = (
        "base64 functions\n\n"
        "Decode the Base16 encoded bytes-like object or ASCII string s and\nreturn the decoded bytes.\n"
        "Optional casefold is a flag specifying whether a lowercase alphabet is acceptable.\n\n"
        "Decode the Ascii85 encoded bytes-like object or ASCII string b and\nreturn the decoded bytes.\n"
        "Optional foldspaces is a flag that specifies whether the short sequence is accepted.\n"
    )
    assert [f.rule for f in DuplicationDetector().run(load_text(text, format="text")).findings] == []
    glued = text.replace(
        "is accepted.\n",
        "is accepted.\nOptional casefold is a flag specifying whether a lowercase alphabet is acceptable.\n",
    )
    found = DuplicationDetector().run(load_text(glued, format="text")).findings
    # A whole line said twice is still found: one element per line here, so a paragraph copy.
    assert [(f.rule, f.line) for f in found] == [("SEO403", 10)]


def test_list_items_and_table_rows_may_repeat():
    text = (
        "Pros and cons of each exchange are listed below for quick comparison.\n"
        "- Two-factor authentication and cold storage\n"
        "- No control over private keys\n"
        "Second exchange, with a very different fee model.\n"
        "- Two-factor authentication and cold storage\n"
        "- No control over private keys\n"
        "Pos Player Plays Yards\n"
        "Pos Player Plays Yards\n"
    )
    assert findings(text) == []


# -- SEO403 duplicate-paragraph -------------------------------------------------------------------
DUPLICATED_PARAGRAPH = """\
Why Regular Servicing Matters

A boiler that is serviced every year runs more efficiently, breaks down less often and is safer \
for everyone in the house.

Our engineers are registered and carry identification on every visit.

A boiler that is serviced every year runs more efficiently, breaks down less often and is safer \
for everyone in the house.
"""


def test_repeated_paragraph_is_one_finding():
    found = findings(DUPLICATED_PARAGRAPH)
    assert [f.rule for f in found] == ["SEO403"]  # not also SEO402 for its line
    paragraph = "A boiler that is serviced every year runs more efficiently, breaks down less often and is safer"
    assert found[0].start == DUPLICATED_PARAGRAPH.rindex(paragraph)
    assert found[0].end == len(DUPLICATED_PARAGRAPH.rstrip())
    assert (found[0].line, found[0].column) == (7, 1)
    assert found[0].evidence["first_line"] == 3
    assert found[0].suggestion == ""


def test_different_paragraphs_on_one_topic_are_not_repeats():
    text = DUPLICATED_PARAGRAPH.rsplit("\n\n", 1)[0] + (
        "\n\nA serviced boiler also keeps its warranty valid, which most manufacturers make conditional "
        "on an annual check by a registered engineer.\n"
    )
    assert findings(text) == []


# -- SEO404 near-duplicate-paragraph --------------------------------------------------------------
def test_near_duplicate_paragraph():
    found = by_rule(PLUMBER_PAGE, "SEO404")
    assert len(found) == 1
    assert found[0].text.startswith("Our plumbers in Leeds")
    assert (found[0].line, found[0].column) == (13, 1)
    assert found[0].evidence["first_line"] == 3
    assert 0.7 <= found[0].evidence["jaccard"] < 1
    assert found[0].suggestion == ""


def test_short_similar_paragraphs_are_not_compared():
    text = "Open Monday to Friday, nine to five.\n\nOpen Saturday, ten to four, closed Sunday.\n"
    assert by_rule(text, "SEO404") == []


def test_threshold_can_be_switched_off():
    assert by_rule(PLUMBER_PAGE, "SEO404", near_duplicate_threshold=None) == []


# -- SEO405 title-repeated-in-body ----------------------------------------------------------------
def test_title_repeated_in_the_body():
    found = by_rule(PLUMBER_PAGE, "SEO405")
    title = "Emergency Plumber in London Today"
    assert [(f.start, f.end, f.text) for f in found] == [
        (PLUMBER_PAGE.rindex(title), PLUMBER_PAGE.rindex(title) + 33, title)
    ]
    assert (found[0].line, found[0].column) == (15, 1)
    assert found[0].evidence["first_line"] == 1
    assert found[0].suggestion == ""
    assert title not in [f.text for f in by_rule(PLUMBER_PAGE, "SEO401")]  # reported once, as SEO405


def test_html_headline_may_echo_the_title_once():
    title = "Emergency Plumber in London Today"
    text = f"{title}\n{title}\nOur plumbers fix leaks fast and at a fair price.\n{title}"
    spans = [(0, 33, "title"), (34, 67, "heading"), (68, 116, "paragraph"), (117, 150, "heading")]
    doc = Document(text, format="html", blocks=[Block(start, end, kind) for start, end, kind in spans])
    found = DuplicationDetector().run(doc).findings
    assert [(f.rule, f.start, f.line) for f in found] == [("SEO405", 117, 4)]


def test_title_named_inside_a_sentence_is_normal():
    text = (
        "Second Battle of Naktong Bulge\n\n"
        "The Second Battle of Naktong Bulge was fought in September 1950. Historians still debate how "
        "the Second Battle of Naktong Bulge shaped the campaign that followed.\n"
    )
    assert findings(text) == []


# -- measures and edge cases ----------------------------------------------------------------------
@pytest.mark.parametrize("text", ["", "Hello", "\n\n \n"])
def test_empty_and_tiny_documents(text):
    result = DuplicationDetector().run(Document(text))
    assert result.findings == []
    assert set(result.measures) == set(DuplicationDetector.measure_names)
    assert all(value == 0 for value in result.measures.values())


def test_measures_count_the_repeats():
    measures = DuplicationDetector().run(Document(PLUMBER_PAGE)).measures
    assert measures["dup_heading_count"] == 1
    assert measures["title_in_body_count"] == 1
    assert measures["dup_paragraph_count"] == 1  # "Call us today for a free quote!", a line of its own
    assert measures["dup_line_count"] == 0
    assert measures["near_dup_paragraph_count"] == 1
    assert 0 < measures["near_dup_char_frac"] < 0.3


def test_many_look_alike_paragraphs_switch_to_minhash_and_still_match():
    from seoclean.detectors import near_duplicates as nd

    base = tuple(f"word{i}" for i in range(30))
    texts = [base[:-1] + (f"variant{n}",) for n in range(nd.EXACT_JACCARD_LIMIT + 50)]
    found = nd.near_duplicates(texts, 0.7)
    assert len(found) == len(texts) - 1  # every text after the first matches an earlier one
    assert all(first < k and similarity > 0.9 for k, first, similarity in found)
    assert nd.near_duplicates(texts[:10], 0.7) == [
        (k, 0, nd.jaccard(nd.shingle_set(texts[k], 3), nd.shingle_set(texts[0], 3))) for k in range(1, 10)
    ]


# -- repeated sentences (SEO406) and list items repeated in a row -------------------------------------
FILTER_GUIDE = """\
Pond Pump Care

Rinse the filter sponge in pond water every month. Tap water kills the bacteria that keep the pond clear.

The pump itself needs little attention, but check the intake for leaves after a storm. Rinse the filter sponge in pond water every month.

Replace the sponge when it no longer springs back after squeezing, usually every two years.
"""


def test_seo406_a_sentence_tacked_onto_another_paragraph():
    (finding,) = findings(FILTER_GUIDE)
    copy = "Rinse the filter sponge in pond water every month."
    second = FILTER_GUIDE.index(copy, FILTER_GUIDE.index(copy) + 1)
    assert (finding.rule, finding.start, finding.end, finding.suggestion) == ("SEO406", second, second + len(copy), "")
    assert finding.evidence["first_line"] == 3 and finding.category == get_rule("SEO406").category == "duplicate"


def test_a_sentence_restated_inside_a_paragraph_is_not_seo406():
    restated = FILTER_GUIDE.replace(
        "but check the intake for leaves after a storm. Rinse the filter sponge in pond water every month.",
        "Rinse the filter sponge in pond water every month. Check the intake for leaves after a storm.",
    )
    assert findings(restated) == []
    assert findings(FILTER_GUIDE, sentence_min_words=None) == []


def test_a_list_item_repeated_right_below_itself():
    text = (
        "Key dates for every shareholder are listed below, in the order they happen.\n\n"
        "- Declaration date: the company announces the payment\n"
        "- Ex-dividend date: own the shares before this date\n"
        "- Ex-dividend date: own the shares before this date\n"
        "- Payment date: the money arrives in your account\n"
    )
    (finding,) = findings(text)
    assert finding.rule == "SEO402" and finding.line == 5 and "right above" in finding.message


# -- copies glued onto other text ----------------------------------------------------------------
REVIEW = """\
# Brightpath Invest Review

I've used Brightpath Invest for eleven months with a small test portfolio. Here's what it's like to live with.

**Rating: 4 out of 5** Here's what it's like to live with.

Sign-up took about fifteen minutes and the questions were sensible.
"""


def test_a_sentence_copy_glued_after_a_label_is_reported_from_its_capital():
    (finding,) = findings(REVIEW)
    copy = "Here's what it's like to live with."
    start = REVIEW.rindex(copy)
    assert (finding.rule, finding.start, finding.end, finding.suggestion) == ("SEO406", start, start + len(copy), "")
    assert finding.evidence["first_line"] == 3


def test_two_copies_tacked_on_one_after_the_other_are_both_reported():
    first = "The road is shut between its junctions with Castle Hill and Tanners Lane."
    second = "Our teams are working around the clock to replace the damaged section."
    text = (
        f"Part of Queen Street will stay closed for a week while engineers repair a burst main.\n\n"
        f"{first} A signed diversion is in place via Albert Street.\n\n"
        f"{second} Buses on routes 4 and 4A are diverted.\n\n"
        f"Pedestrian access to shops is being maintained throughout the work. {first} {second}\n"
    )
    found = findings(text)
    assert [(f.rule, f.text) for f in found] == [("SEO406", first), ("SEO406", second)]


def test_a_sentence_that_introduces_a_list_counts_when_copied():
    intro = "For anything worth more than a few hundred pounds, take close-up photos, including:"
    text = (
        "A home inventory makes insurance claims faster and takes less time than you would expect. "
        f"{intro}\n\n"
        "What you'll need is a phone and an hour on a quiet afternoon.\n\n"
        f"{intro}\n\n- serial numbers on electronics\n- receipts and valuations\n"
    )
    (finding,) = findings(text)
    assert (finding.rule, finding.text) == ("SEO406", intro) and finding.start == text.index(intro)


def test_a_repeated_paragraph_of_figures_is_still_a_paragraph():
    example = (
        "Representative example: Borrow £600 over 12 months at 12.7% APR (12.0% fixed per year). "
        "12 monthly repayments of £53.31. Total repayable £639.72."
    )
    text = f"# Holiday Loan\n\nApply from 1 November at any branch.\n\n{example}\n\nRates are fixed.\n\n{example}\n"
    (finding,) = findings(text)
    assert (finding.rule, finding.start) == ("SEO403", text.rindex(example))
    row = "| 12 months | 12.7% | £53.31 | £639.72 |"
    assert findings(f"# Rates\n\n{row}\n{row}\n") == []  # a table row is not a paragraph


def test_the_title_pasted_before_a_sentence_and_a_table_of_contents():
    title = "What to Know Before You Buy a Robot Vacuum"
    text = (
        f"# {title}\n\n- {title}\n- Navigation\n\n"
        "A robot vacuum won't replace your regular vacuum, but a good one keeps floors tidy.\n\n"
        f"{title} Most models now map the house with a laser and clean room by room.\n"
    )
    (finding,) = findings(text)
    assert (finding.rule, finding.text, finding.line) == ("SEO405", title, 8)


def test_a_short_header_line_does_not_hide_the_headline():
    title = "Starting Vegetable Seeds Indoors: A Beginner's Guide"
    text = f"Blog\n\n{title}\n\nSow seeds six weeks before the last frost, in trays on a warm sill.\n\n## {title}\n"
    found = findings(text)
    assert [(f.rule, f.line) for f in found] == [("SEO405", 7)]


def test_a_lede_that_opens_with_the_title_is_not_a_copy():
    text = (
        "New York State Route 93\n\n"
        "New York State Route 93 (NY 93) is a state highway in western New York that runs for 43 miles.\n\n"
        "The route was assigned in the 1930 renumbering of state highways in New York.\n"
    )
    assert findings(text) == []


def test_a_table_of_contents_entry_is_never_taken_for_the_title():
    # Documentation pages open with a short title and a bulleted table of contents; the sections
    # the entries name follow as headings. None of them is a copy of the page title.
    text = (
        "Argparse Tutorial\n\n- Concepts\n\n- Combining Positional and Optional arguments\n\n- Conflicting options\n\n"
        "This tutorial is a gentle introduction to argparse, the recommended command-line parser.\n\n"
        "Combining Positional and Optional arguments\n\nOur program keeps growing in complexity.\n"
    )
    assert [f.rule for f in findings(text)] == []


def test_a_lead_in_on_a_line_of_its_own_may_recur_but_one_tacked_onto_a_paragraph_is_a_copy():
    lead_in = "Following is a result of running the code:"
    tutorial = (
        f"## The basics\n\nRun the script with no options.\n\n{lead_in}\n\n"
        "Nothing is printed, which is not very useful.\n\n"
        f"## Positional arguments\n\nNow pass a positional argument.\n\n{lead_in}\n\n"
        "The argument is echoed back to the terminal.\n"
    )
    assert findings_in(tutorial, "markdown") == []
    tacked = tutorial.replace(
        "Now pass a positional argument.\n\n", f"Now pass a positional argument. {lead_in}\n\n", 1
    )
    (finding,) = findings_in(tacked, "markdown")
    assert (finding.rule, finding.start) == ("SEO406", tacked.index(f" {lead_in}") + 1)


def test_a_lead_in_said_again_further_down_its_own_section_is_a_copy():
    tutorial = (
        "## Combining positional and optional arguments\n\n"
        "Our program keeps growing in complexity:\n\n"
        "The program now takes a positional argument and an optional flag that makes it talk more.\n\n"
        "We have brought back a positional argument, hence the complaint about a missing value.\n\n"
        "## Conclusion\n\nThe argparse module offers a lot more than shown here.\n"
    )
    assert findings_in(tutorial, "markdown") == []
    pasted = tutorial.replace(
        "hence the complaint about a missing value.\n\n",
        "hence the complaint about a missing value.\n\nOur program keeps growing in complexity:\n\n",
    )
    (finding,) = findings_in(pasted, "markdown")
    assert (finding.rule, finding.text) == ("SEO403", "Our program keeps growing in complexity:")
    assert finding.start == pasted.rindex("Our program")


# -- lines glued onto other lines, and lines said twice in a row ----------------------------------
PRODUCT = """\
# Cedar Raised Bed Kit

**$189.00** · Ships in 3–5 business days · Free shipping over $150

This raised bed kit is made from naturally rot-resistant cedar. It weathers to a soft silver-gray.

## What's included

Eight cedar boards, corner posts and stainless screws. For the full list, see What's Included In The Box
"""


def test_a_price_line_pasted_after_the_last_sentence_of_a_paragraph():
    line = "**$189.00** · Ships in 3–5 business days · Free shipping over $150"
    text = PRODUCT.replace("soft silver-gray.", f"soft silver-gray. {line}")
    (finding,) = findings(text)
    assert (finding.rule, finding.text, finding.line) == ("SEO402", line, 5)
    assert finding.evidence["first_line"] == 3 and finding.suggestion == ""


def test_a_line_ending_in_a_phrase_said_elsewhere_is_not_glued():
    # "see What's Included In The Box" continues its sentence; the untouched page has no finding
    assert findings(PRODUCT) == []
    cross_reference = PRODUCT + "\nWhat's Included In The Box\n"
    assert findings(cross_reference) == []
    # a numbered heading repeats its table-of-contents entry after a section number
    numbered = (
        "Contents\n\nArchive and compression tools\n\nBackups are simple.\n\n10.1. Archive and compression tools\n"
    )
    assert [f.rule for f in findings(numbered)] == []


def test_a_label_glued_after_a_title_cased_name_is_a_copy():
    text = (
        "ClearPour Water Filter Jug\n\nCustomer rating: 4.6/5 (1,284 reviews)\n\n"
        "The jug holds 2.4 litres and the filter lasts about a month in a household of four.\n\n"
        "ClearPour Filter Cartridge Customer rating: 4.6/5 (1,284 reviews)\n"
    )
    (finding,) = findings(text)
    assert (finding.rule, finding.text) == ("SEO402", "Customer rating: 4.6/5 (1,284 reviews)")


def test_a_bulleted_entry_said_twice_in_a_row_and_short_entries_that_may_be():
    entry = "- Module faulthandler for tracebacks"
    text = f"The debugger builds on two modules.\n\nSee also\n\n{entry}\n{entry}\n- Module bdb\n"
    (finding,) = findings(text)
    assert (finding.rule, finding.line, finding.text) == ("SEO402", 6, entry)
    # short entries do recur in a row in real documentation: a nested table of contents naming
    # its page, one "- Note" per note; and two entries may differ only in their symbols
    short = (
        "General Python FAQ\n\nThe shell expands these forms before the command runs.\n\n"
        "- General Python FAQ\n- General Python FAQ\n"
        '- "$( command )" → the output of "command"\n'
        '- "\' command \'" → the output of "command"\n\n'
        "- Note\n- Note\n- Note\n"
    )
    assert findings(short) == []


def test_a_label_paragraph_said_again_as_the_next_paragraph():
    label = "Issued by the Consumer Protection Office"
    text = (
        f"# Beware of Investment Scams\n\n{label}\n\n{label}\n\n"
        "We are receiving an increasing number of reports about schemes that promise guaranteed returns.\n"
    )
    markdown = DuplicationDetector().run(load_text(text, format="markdown")).findings  # as an HTML page is read
    assert [(f.rule, f.line) for f in markdown] == [("SEO402", 5)]
    menu = "About us | Careers | Advertise | Privacy policy"
    assert DuplicationDetector().run(load_text(text.replace(label, menu), format="markdown")).findings == []


def test_a_table_of_contents_entry_said_twice_in_a_row_is_a_copy_even_of_the_title():
    title = "Upcoming Developments in Debian"
    text = (
        f"# {title}\n\n- Next\n- {title}\n- {title}\n\n"
        "Now that Debian version 11 is out, the developers are already busy working on the next version.\n"
    )
    (finding,) = [f for f in DuplicationDetector().run(load_text(text, format="markdown")).findings]
    assert (finding.rule, finding.line) == ("SEO402", 5)


def test_a_short_top_level_heading_below_a_menu_line_is_the_title():
    title = "4.1. Installation Methods"
    text = (
        f"Search | Sign in | Subscribe\n\n# {title}\n\n- {title}\n- 4.1.1. Installing from a CD-ROM\n\n"
        "To use Debian, you have to install it on a computer; this task is taken care of by the installer.\n\n"
        f"### {title}\n\nA more detailed explanation is available in the installation guide.\n"
    )
    found = DuplicationDetector().run(load_text(text, format="markdown")).findings
    assert [(f.rule, f.line) for f in found] == [("SEO405", 10)]


def test_a_subheading_does_not_take_the_place_of_a_short_title():
    text = (
        "# Low-level API Index\n\n- Obtaining the Event Loop\n\nThis page lists all low-level APIs.\n\n"
        "## Obtaining the Event Loop\n\nCall the function from a coroutine to get the running loop.\n\n"
        "## Low-level API Index\n"
    )
    found = DuplicationDetector().run(load_text(text, format="markdown")).findings
    assert [(f.rule, f.line) for f in found] == [("SEO405", 11)]


def test_a_title_case_heading_ending_in_a_line_of_the_page_is_not_a_glued_copy():
    # Every word of a Title Case heading is capitalised, so no boundary shows where a copy would start.
    text = (
        "# Top Guidelines Of Lower Back Pain After Running Treatment\n\n"
        "Most runners feel a little stiffness after a long run on hard ground.\n\n"
        "## Lower back pain after running treatment\n\n"
        "Stretch your hip flexors and rest for a day or two before the next run.\n"
    )
    assert "SEO402" not in [f.rule for f in findings(text)]


# -- plain text laid out one element per line -----------------------------------------------------
# trafilatura, html2text and "save as text" put each element on a line of its own, between single
# newlines: short lines (notes, captions, credits, sub-headings) then repeat by design.
REFERENCE_PAGE = """\
platform — Access to underlying platform's identifying data
platform.node()
Returns the computer's network name, which may not be fully qualified, as a string for the caller.
An empty string is returned if the value cannot be determined.
platform.release()
Returns the system's release, such as '2.2.0' or 'NT', as a string for the caller to display.
An empty string is returned if the value cannot be determined.
platform.system()
Returns the system or operating system name, such as 'Linux', 'Darwin', 'Java' or 'Windows'.
An empty string is returned if the value cannot be determined.
"""


def test_a_short_note_said_again_as_a_line_of_its_own_is_not_a_repeat():
    assert findings(REFERENCE_PAGE) == []
    # The same lines in Markdown are paragraphs, and the page said them twice on purpose or not:
    # only plain text is read as one element per line.
    markdown = DuplicationDetector().run(load_text(REFERENCE_PAGE.replace("\n", "\n\n"), format="markdown"))
    assert [f.rule for f in markdown.findings] == ["SEO403", "SEO403"]


def test_a_long_paragraph_said_again_on_a_line_of_its_own_is_still_a_repeat():
    paragraph = "Returns the computer's network name, which may not be fully qualified, as a string for the caller."
    text = REFERENCE_PAGE + paragraph + "\n"
    (finding,) = findings(text)
    assert (finding.rule, finding.start, finding.evidence["first_line"]) == ("SEO403", text.rindex(paragraph), 3)


def test_a_short_line_said_again_right_below_itself_or_inside_a_paragraph_is_still_a_repeat():
    note = "An empty string is returned if the value cannot be determined."
    doubled = REFERENCE_PAGE.replace(f"{note}\nplatform.system()", f"{note}\n\n{note}\nplatform.system()")
    assert [(f.rule, f.line) for f in findings(doubled)] == [("SEO402", 9)]
    # short lines that are all sentences, between blank lines: one paragraph's lines (a call to
    # action said twice), not one element per line
    assert [f.rule for f in findings(PLUMBER_PAGE)].count("SEO403") == 1


def test_a_label_copied_out_of_a_paragraph_is_still_a_copy():
    sentence = "Tap water kills the bacteria that keep the pond clear."
    text = (
        "Pond Pump Care\n"
        f"Rinse the filter sponge in pond water every month. {sentence} Squeeze it gently, never wring it.\n"
        "The pump itself needs little attention, but check the intake for leaves after a storm.\n"
        f"{sentence}\n"
        "Replace the sponge when it no longer springs back after squeezing, usually every two years.\n"
    )
    (finding,) = findings(text)
    assert (finding.rule, finding.start) == ("SEO406", text.rindex(sentence))


NEWS_TEXT = """\
Flood barriers hold as River Ouse peaks in York
Flood barriers hold as River Ouse peaks in York
By Sarah Mills, Environment Correspondent
Residents of York's lower streets spent the night moving furniture upstairs as the river rose to within a metre of its record level.
The city's new flood barrier on the River Foss was closed at 9pm on Tuesday and held through the peak, the agency said.
More rain is forecast for the Pennines on Thursday, and a flood warning remains in place for the Ouse at Naburn.
Flood barriers hold as River Ouse peaks in York
Share this story
More from Environment
"""


def test_the_title_said_again_by_the_header_and_the_footer_of_plain_text_is_no_copy():
    assert findings(NEWS_TEXT) == []
    title = "Flood barriers hold as River Ouse peaks in York"
    planted = NEWS_TEXT.replace("More rain is forecast", f"{title}\nMore rain is forecast")
    (finding,) = findings(planted)
    assert (finding.rule, finding.line) == ("SEO405", 6)
    # in a run of short lines, a copy right below a paragraph's last sentence is planted there
    above_see_also = NEWS_TEXT.replace(
        "More rain is forecast", f"{title}\nSee also\nFlood warnings\nMore rain is forecast"
    )
    assert [(f.rule, f.line) for f in findings(above_see_also)] == [("SEO405", 6)]
    # a bulleted entry stays an entry of a list wherever it stands
    bulleted = NEWS_TEXT.replace("More rain is forecast", f"- {title}\n- Flood warnings\nMore rain is forecast")
    assert findings(bulleted) == []


# A reference page whose lists are spaced out by blank lines, as Markdown made from HTML is.
SPACED_OUT_REFERENCE = """\
# Streams

- Streams

- open_connection()

- StreamReader

- StreamReader

- StreamWriter

- StreamWriter

Streams are high-level async/await-ready primitives to work with network connections.

See also

- Module asyncio.protocols

- The lower-level callback API that the stream functions are built on.

- Module socket

- Low-level networking interface.
"""


def test_an_entry_pasted_twice_on_consecutive_lines_of_a_spaced_out_list_is_a_copy():
    # a nested table of contents names "StreamReader" twice in the list's own spacing: no copy
    assert findings(SPACED_OUT_REFERENCE) == []
    pasted = SPACED_OUT_REFERENCE.replace("- Module socket\n", "- Module socket\n- Module socket\n")
    (finding,) = findings(pasted)
    assert (finding.rule, finding.line, finding.text) == ("SEO402", 24, "- Module socket")
    # the same entry pasted twice more, below a paragraph and above the next entry
    tripled = SPACED_OUT_REFERENCE.replace("- Module asyncio.protocols\n", "- Module asyncio.protocols\n" * 3)
    assert [(f.rule, f.line) for f in findings(tripled)] == [("SEO402", 20), ("SEO402", 21)]


def test_entries_on_consecutive_lines_of_a_tight_or_nested_list_are_the_lists_own():
    tight = SPACED_OUT_REFERENCE.replace("\n\n- ", "\n- ")  # every entry on the next line, as HTML renders
    assert findings(tight) == []
    nested = SPACED_OUT_REFERENCE.replace("- Module socket\n", "- Module socket\n  - Module socket\n")
    assert findings(nested) == []


def test_a_long_entry_said_again_as_the_next_item_of_a_spaced_out_list():
    entry = "- Splash guard with pouring chute"
    text = (
        "The stand mixer comes with three attachments and a 5-litre stainless steel bowl.\n\n"
        f"- Tilt-head design for easy bowl and tool changes\n\n{entry}\n\n{entry}\n\n"
        "- Power hub for optional attachments\n"
    )
    (finding,) = DuplicationDetector().run(load_text(text, format="text")).findings
    assert (finding.rule, finding.line, finding.text) == ("SEO402", 7, entry)


COMPOUND_STATEMENTS = """\
# 8. Compound statements

- 8. Compound statements

- 8.1. The if statement

- 8.2. The while statement

Compound statements contain (groups of) other statements; they affect or control the execution of those
other statements in some way.

The if statement is used for conditional execution. It selects exactly one of the suites by evaluating
the expressions one by one until one is found to be true.
"""


def test_a_numbered_title_standing_alone_in_the_body_is_a_title_copy():
    # the table of contents naming the title is left alone
    assert findings(COMPOUND_STATEMENTS) == []
    pasted = COMPOUND_STATEMENTS.replace("\nThe if statement", "\n8. Compound statements\n\nThe if statement")
    (finding,) = findings(pasted)
    assert (finding.rule, finding.line, finding.text) == ("SEO405", 12, "8. Compound statements")
    # a page without sections lists only itself in its contents, right below its title
    one_entry = "# 5.1. Structure of a Binary Package\n\n- 5.1. Structure of a Binary Package\n\n" + (
        "As a Debian system administrator, you will routinely handle .deb packages.\n"
    )
    assert findings(one_entry) == []
    # nor is a link back to the page below its last paragraph
    assert findings(COMPOUND_STATEMENTS + "\n- 8. Compound statements\n") == []


# A blog post saved as plain text: the page's header lines (skip link, menu, byline) above the headline.
BLOG_POST_TEXT = """\
Skip to main content

Home About Services Insurance Blog Contact

Reviewed by Tom Hendry, consumer editor · 18/03/2020

Ten Questions to Ask Your Insurance Agent Before You Sign

A good insurance agent should welcome these questions. If yours gets defensive, that tells you something too.

Ask for the exclusions in plain language, not just "read the policy". Most disputes start with a clause nobody explained.

Find out how claims are handled, who you call at night, and how long a typical payout takes after the paperwork is in.
"""


def text_findings(text: str):
    return DuplicationDetector().run(load_text(text, format="text")).findings


def test_the_headline_below_a_skip_link_a_menu_and_a_byline_is_the_title():
    assert text_findings(BLOG_POST_TEXT) == []
    headline = "Ten Questions to Ask Your Insurance Agent Before You Sign"
    planted = BLOG_POST_TEXT.replace("Find out how claims", f"{headline}\n\nFind out how claims")
    (finding,) = text_findings(planted)
    assert (finding.rule, finding.text, finding.line) == ("SEO405", headline, 13)
    # a dateline alone above the headline ("Published December 20, 2022") gives way to it too
    dated = planted.replace("Reviewed by Tom Hendry, consumer editor · 18/03/2020", "Published December 20, 2022")
    assert [(f.rule, f.line) for f in text_findings(dated.split("\n\n", 2)[2])] == [("SEO405", 9)]


def test_a_headline_naming_site_sections_in_a_sentence_is_still_the_title():
    # lowercase words make it a headline, not a menu: its copy in the body is reported
    headline = "How to Contact Your Home Insurer About a Claim"
    text = BLOG_POST_TEXT.replace("Ten Questions to Ask Your Insurance Agent Before You Sign", headline)
    planted = text.replace("Find out how claims", f"{headline}\n\nFind out how claims")
    assert [(f.rule, f.text) for f in text_findings(planted)] == [("SEO405", headline)]
