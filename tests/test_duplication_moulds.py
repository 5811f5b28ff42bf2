"""Copies that earlier rules missed (a paragraph pasted again with a sentence left out, a plain-text
headline pasted between paragraphs) and honest repeats that are no copies (sibling entries naming
different things, a caption restating the sentence above it, a contents list in a page's header)."""

from __future__ import annotations

import pytest

from seoclean.analysis import Analyzer
from seoclean.detectors.duplication import DuplicationDetector
from seoclean.detectors.line_moulds import names_only, restates
from seoclean.detectors.reordered_copies import sentences, shortened_coverage
from seoclean.ingest import load_text
from seoclean.rewrite.api import clean

# A blog post whose second paragraph was pasted again further down without its third sentence, in
# the same order: its word-3-gram similarity with the original is under 0.7.
PASTED_SHORTENED = """\
# Letting the lawn grow

Last spring I stopped mowing the back half of the lawn. My neighbours were polite about it, but I
could tell they thought I had given up on the garden altogether.

The first May, it looked scruffy. By June, it looked interesting. There was clover, and self-heal,
and bird's-foot trefoil, which I had to look up. There were more bees than I had ever seen in the
garden, and butterflies I could not name.

I still mow a path through the middle and a strip along the patio, so it looks deliberate rather
than abandoned. That small change stopped the polite comments almost overnight.

The first May, it looked scruffy. By June, it looked interesting. There were more bees than I had
ever seen in the garden, and butterflies I could not name.

My father, to his credit, came round to the idea by the end of the summer and now leaves a corner
of his own lawn unmown.
"""

# An image editor's manual describes its buffer commands one after the other in one mould: the
# second entry says the first one's sentences but one, with its own verb.
BUFFER_COMMANDS = """\
Buffers

These commands cut and copy parts of an image to named buffers.

This command cuts the selected part from the current drawable and places it in a buffer. If there
is no selection the whole drawable will be used. You will be asked to give the buffer a name. The
image will be removed from the selection after this is done.

This command copies the selected part from the current drawable and places it in a buffer. If
there is no selection the whole drawable will be used. You will be asked to give the buffer a name.

This command opens the Buffers dialog, where a buffer is pasted with one of the buttons at the
bottom of the dialog or from its context menu.
"""

# A product page as plain text: its headline, above the shop's byline, is pasted again between the
# body's paragraphs.
PASTED_HEADLINE = """\
We use essential cookies and, with your permission, analytics cookies. [Accept] [Decline]
You are here: Home > Garden > Tools
Reviewed by Sam Adey, garden editor · 27 February 2020

GreenEdge 36V Cordless Hedge Trimmer with 55 cm Blade

From the Garden Tools Team

Cut hedges the way you like to: no cable trailing behind you, no petrol fumes and no pull cord.
The trimmer has a 55 cm dual-action blade and cuts branches up to 22 mm thick.

GreenEdge 36V Cordless Hedge Trimmer with 55 cm Blade

The rotating rear handle has five positions, so you can cut the top of a tall hedge and the side
of a low one without twisting your wrist or changing your grip on the tool.

Every trimmer comes with a blade cover and a printed manual, and the battery version adds a fast
charger that fills the battery in about an hour.
"""

# A reference page as plain text: a contents list in its header, whose entries the page says again
# as the headings of its sections (the first two above its first paragraph of sentences).
CONTENTS_IN_HEADER = """\
Low-level API Index

Obtaining the Event Loop

Event Loop Methods

Event Loop Policies

This page lists all low-level asyncio APIs.

Obtaining the Event Loop

Get the running event loop.

Event Loop Methods

The methods of the loop schedule callbacks, run subprocesses, open network connections and watch
file descriptors. The main documentation section describes each of them in turn.

Event Loop Policies

Policies are a low-level mechanism to change what functions like get_event_loop() return. Few
programs need one of their own, and the default policy suits almost every application.
"""

# An accounting manual's loan assistant: one screen after another, described in one mould.
LOAN_SCREENS = """\
# Setting up a loan repayment

The assistant asks about the loan first: its amount, its interest rate and its length. Then it
asks which other payments the loan carries: tax, insurance, other expense, each on a page of its
own after the loan repayment. Accounts payable and cash accounts are set up beforehand.

The next screen is used to set up the details of the scheduled transaction for the Loan Repayment.

The next screen is used to set up the details of the scheduled transaction for the Tax payment.

The next screen is used to set up the details of the scheduled transaction for the Insurance payment.

The next screen is used to set up the details of the scheduled transaction for the Other Expense payment.

Accounts Payable: All accounts except Equity, Expense and Income can be child accounts.

Cash: All accounts except Equity, Expense and Income can be child accounts.

As an example of adding the AMZN commodity to the price database, with an initial value of $40.50 per share.

Adding the AMZN commodity to the price database, with an initial value of $40.50 per share.
"""


@pytest.fixture(scope="module")
def analyzer():
    return Analyzer(model=None)


def findings(text: str, fmt: str, rule: str):
    return [f for f in DuplicationDetector().run(load_text(text, format=fmt)).findings if f.rule == rule]


def test_a_paragraph_pasted_again_with_a_sentence_left_out_is_a_near_copy(analyzer):
    [found] = findings(PASTED_SHORTENED, "markdown", "SEO404")
    assert found.line == 13 and found.evidence["first_line"] == 6
    assert "sentences left out" in found.message
    result = clean(PASTED_SHORTENED, format="markdown", analyzer=analyzer)
    assert result.text.count("The first May, it looked scruffy.") == 1
    assert "bird's-foot trefoil" in result.text
    assert clean(result.text, format="markdown", analyzer=analyzer).text == result.text


def test_sibling_entries_saying_each_other_s_sentences_with_their_own_verb_are_no_copies():
    assert findings(BUFFER_COMMANDS, "text", "SEO404") == []


def test_a_shortened_copy_says_its_sentences_word_for_word_and_in_order():
    original = sentences("One two three four. Five six seven eight. Nine ten eleven twelve.")
    shortened = sentences("One two three four. Nine ten eleven twelve.")
    assert shortened_coverage(shortened, original) == pytest.approx(2 / 3)
    assert shortened_coverage(sentences("One two three four. Five six seven eighty."), original) is None
    assert shortened_coverage(sentences("Nine ten eleven twelve. One two three four."), original) is None


def test_a_plain_text_headline_pasted_between_the_paragraphs_goes(analyzer):
    [found] = findings(PASTED_HEADLINE, "text", "SEO405")
    assert found.line == 12 and found.evidence["first_line"] == 5
    result = clean(PASTED_HEADLINE, format="text", analyzer=analyzer)
    assert result.text.count("GreenEdge 36V Cordless Hedge Trimmer") == 1
    assert "Trimmer with 55 cm Blade\n\nFrom the Garden Tools Team" in result.text


def test_a_contents_list_in_the_header_named_again_by_the_section_headings_stays(analyzer):
    assert findings(CONTENTS_IN_HEADER, "text", "SEO405") == []
    assert clean(CONTENTS_IN_HEADER, format="text", analyzer=analyzer).edits == ()


def test_entries_naming_different_things_and_a_caption_restating_its_sentence_stay(analyzer):
    assert findings(LOAN_SCREENS, "markdown", "SEO404") == []
    assert clean(LOAN_SCREENS, format="markdown", analyzer=analyzer).edits == ()


def test_names_and_restatements_are_told_from_a_spinner_s_rewording():
    mould = "The next screen sets up the {} payment of the scheduled transaction."
    assert names_only(mould.format("Tax"), mould.format("Other Expense"))
    # a doorway page's city swapped into a pasted paragraph is named nowhere else on the page
    assert not names_only(mould.format("London"), mould.format("Leeds"), frozenset({"london", "the"}))
    assert names_only(mould.format("Loan"), "The next screen sets up the Repayment of the scheduled transaction.")
    assert not names_only(mould.format("tax"), mould.format("other"))  # ordinary words swapped
    assert not names_only(mould.format("Legit"), mould.format("legal"))  # a spinner's odd capital undone
    assert not names_only("Remember: all accounts can be child accounts.", "All accounts can be child accounts.")
    assert restates("As an example of adding the AMZN commodity.", "Adding the AMZN commodity.")
    assert not restates("In short, adding the AMZN commodity.", "Adding the AMZN commodity.")


# A report manual describes its columns one after the other, and closes each description alike.
CLOSING_SENTENCES = """\
# Account summary report

The report lists every account with the columns chosen in its options. Each column is described
below, in the order in which it appears in the report. A report option can suppress this column.

Account code: the code given to the account in the account editor, sorted as text. A report
option can suppress this column.

Account type: whether the account holds assets, liabilities, income, expenses or equity. A report
option can suppress this column.

Balance: the balance of the account on the report's end date, in the report's currency. A report
option can suppress this column.
"""

# A how-to whose pointer to the manual was pasted twice more at the end of another paragraph.
PASTED_TWICE = """\
# Fetching share prices

GnuCash can download the most recent price for your commodities from the Internet. This needs a
Perl module installed on your computer first. See the chapter Setting Up the Quote Retrieval in the manual.

Once the module works, mark each commodity whose price should be fetched, and choose the source
the prices should come from. See the chapter Setting Up the Quote Retrieval in the manual. See the chapter Setting Up the Quote Retrieval in the manual.

The prices are then fetched each time you open the price editor and press the button for it.
"""


def test_a_sentence_closing_several_entries_alike_is_no_copy(analyzer):
    assert findings(CLOSING_SENTENCES, "markdown", "SEO406") == []
    assert clean(CLOSING_SENTENCES, format="markdown", analyzer=analyzer).edits == ()


def test_a_sentence_pasted_twice_in_a_row_is_still_a_copy():
    # said three times, but twice on one line: no entries closed alike (the planner deletes lone
    # sentence copies only on a page showing other spam, so this is checked on the findings)
    found = findings(PASTED_TWICE, "markdown", "SEO406")
    assert [f.line for f in found] == [7, 7]


# A music-engraving tutorial as extracted text: its examples stay inline, each the previous one
# with one change, as long as a paragraph and ending like a sentence.
SCORE_EXAMPLES = r"""Aligning lyrics to a melody

Lyrics are entered with the addlyrics command, which puts the words under the notes of the staff
above them, one syllable under each note, in the order in which the notes come.

<< \relative { \key g \major \time 6/8 d''4 b8 c4 a8 | d4 b8 g4 g8 | a4 b8 c( b) a | d4 b8 g4. | } \addlyrics { Girls and boys come out to play, The moon doth shine as bright as day. } >>

The slur over the two notes of the third bar makes them one melisma, so the syllable under them
is held over both. A beam does the same when it is written out by hand instead.

<< \relative { \key g \major \time 6/8 d''4 b8 c4 a8 | d4 b8 g4 g8 | a4 b8 c[ b] a | d4 b8 g4. | } \addlyrics { Girls and boys come out to play, The moon doth shine as bright as day. } >>

Both ways give the same lyrics under the same notes, and the choice between them is a matter of
how the score should look on the page.
"""


def test_score_examples_repeated_with_one_change_are_code_not_copies(analyzer):
    report = analyzer.analyze_document(load_text(SCORE_EXAMPLES, format="text"))
    assert [f for f in report.findings if f.rule.startswith("SEO4")] == []
    assert clean(SCORE_EXAMPLES, format="text", analyzer=analyzer).edits == ()


# A backup guide whose one-sentence rule was pasted again as a paragraph and glued onto the end of
# another paragraph: said three times, but no entries closed alike.
RULE_PASTED_TWICE = """\
# Backing up family photos

Phones make it easy to take thousands of photos and just as easy to lose them. A dropped handset
or a failed laptop drive can wipe out years of memories in a moment.

Keep three copies of anything you care about, on two kinds of storage, with one copy away from home.

That might sound like overkill. It isn't. Each copy protects against a different kind of disaster.

Keep three copies of anything you care about, on two kinds of storage, with one copy away from home.

Once a year, open your backup and make sure you can view a few photos from different years. Keep three copies of anything you care about, on two kinds of storage, with one copy away from home.

Write down the login details for your cloud account and keep them somewhere safe.
"""


def test_a_sentence_pasted_as_a_paragraph_and_glued_on_is_still_a_copy(analyzer):
    result = clean(RULE_PASTED_TWICE, format="markdown", analyzer=analyzer)
    assert result.text.count("Keep three copies of anything") == 1
    assert "make sure you can view a few photos from different years." in result.text


# A command's options as extracted text: a short sentence said under two of them is no headline.
OPTIONS_PAGE = """\
--patch

Generate a patch.

This is the default.

--raw

Generate the diff in raw format, one line per changed file, with the modes and object names of
both sides, for scripts that read the output rather than people.

This is the default.

Each option may be given more than once; the last one given wins over the ones before it.
"""


def test_a_short_sentence_said_in_the_header_and_the_body_is_no_headline():
    assert findings(OPTIONS_PAGE, "text", "SEO405") == []
