"""Keyphrases pasted into sentences in capitals where the sentence reads on without them, a
keyphrase said twice as a sentence of its own: stuffed pages lose them, honest articles that
repeat a name or a refrain come back unchanged; headlines of related posts are not keyword lists."""

from __future__ import annotations

from seoclean.detectors.stuffing import StuffingDetector
from seoclean.document import Document
from seoclean.rewrite.api import clean


def stuffing_findings(text: str, fmt: str = "markdown"):
    return [f for f in StuffingDetector().run(Document(text, format=fmt)).findings if f.rule.startswith("SEO1")]


FOOD_LABELS_STUFFED = """\
# How to read a nutrition label in under a minute

Once you know where to look, you can size up most foods in the time it takes to wait in the \
Nutrition Facts Label Size Coupon checkout line. Here's the order I use.

## Step 1: Check the serving size

Everything on the panel refers to one serving, and the serving is often smaller than you think. \
A bag of crisps may list one serving while the bag holds three.

If you'll eat **Nutrition Facts Label Size Coupon** the whole thing, multiply every number below it.

## Step 2: Look at the percentages

The daily value percentages tell you whether a food is high or low in a nutrient. Five percent \
or less is low; twenty percent or more is high.

Labels leave out a lot of what makes a food worth eating. Fresh produce often has no label \
Nutrition Facts Label Size Coupon at all. Use the panel to compare similar products, not to judge \
a whole diet.
"""

CHARITY_ARTICLE = """\
# Getting free debt advice

If your debts feel out of control, the first call to make is to a free advice service. \
Citizens Advice Bureau volunteers can look at your budget with you and tell you which debts to \
pay first.

Many people put off that call for months. The staff at the Citizens Advice Bureau offices have \
heard every story before, and nobody there will judge you for how the debts built up.

Bring your latest statements, a list of what comes in and goes out each month, and any letters \
from creditors. An adviser at the Citizens Advice Bureau can then write to your creditors on your \
behalf and ask them to freeze interest while you agree a plan.

The Citizens Advice Bureau also runs a phone line for people who cannot get to an office. The \
service is free, confidential and independent of any lender.
"""


def test_a_title_case_keyphrase_the_sentences_read_on_without_is_deleted():
    found = [f for f in stuffing_findings(FOOD_LABELS_STUFFED) if f.rule == "SEO102"]
    assert {f.text for f in found} >= {"Nutrition Facts Label Size Coupon"}
    result = clean(FOOD_LABELS_STUFFED, format="markdown")
    assert "Coupon" not in result.text
    assert "in the time it takes to wait in the checkout line" in result.text
    assert "has no label at all." in result.text


def test_a_repeated_organisation_name_that_fills_its_sentences_is_kept():
    assert stuffing_findings(CHARITY_ARTICLE) == []
    assert not clean(CHARITY_ARTICLE, format="markdown").edits


PYTHON_DOCS_EXCERPT = """\
# Python Development Mode

The Python Development Mode introduces additional runtime checks that are too expensive to be \
enabled by default. It should not be more verbose than the default if the code is correct.

It can be enabled using the -X dev command line option. See also the Python Development Mode \
section of the command line documentation.

Effects of the Python Development Mode: warning filters are added, so that more warnings are \
shown, and the debug hooks on memory allocators are installed.

The Python Development Mode does not prevent the -O command line option from removing assert \
statements, nor from setting __debug__ to False.
"""


def test_a_title_case_name_without_a_search_word_is_not_a_keyphrase():
    assert [f for f in stuffing_findings(PYTHON_DOCS_EXCERPT) if f.rule == "SEO102"] == []
    assert not clean(PYTHON_DOCS_EXCERPT, format="markdown").edits


COMPOUND_STATEMENTS_STUFFED = """\
# Compound statements

Compound statements contain groups of other statements; they affect or control the execution of \
those other statements in some way.

The formatting of the grammar rules in the following sections places each clause on Top rated \
compound statements without prescription a separate line for clarity.

## The for statement

The for statement is used to iterate over the elements of a sequence. The for-loop makes \
assignments to Top rated compound statements without prescription the variables in the target list.

Names in the target list are not deleted when the loop is finished, but if the sequence is empty, \
they will not have been assigned to Top rated compound statements without prescription at all by \
the loop.
"""


def test_a_keyphrase_opening_on_a_capitalised_stop_word_is_deleted_whole():
    found = {f.text for f in stuffing_findings(COMPOUND_STATEMENTS_STUFFED) if f.rule == "SEO102"}
    assert "Top rated compound statements without prescription" in found
    result = clean(COMPOUND_STATEMENTS_STUFFED, format="markdown")
    assert "prescription" not in result.text and "Top rated" not in result.text
    assert "places each clause on a separate line for clarity." in result.text
    assert "makes assignments to the variables in the target list." in result.text


FAUCET_STUFFED = """\
# How to winterize an outdoor faucet

A frozen outdoor faucet can split the pipe behind the wall, and you won't find out until spring, \
when you turn it on and water pours into the basement. Top rated outdoor faucet. Do this before the \
first hard freeze.

- Disconnect the hose and drain it before you store it.
- Shut off the indoor valve that feeds the faucet, then open the faucet outside to let it drain.
- Open the small bleeder cap on the indoor valve, if it has one, with a bucket underneath, to \
release trapped water. Top rated outdoor faucet. Close it again.
- Add an insulated faucet cover. These foam domes cost a few dollars at any hardware store.
"""

YOGA_SEQUENCE = """\
# A short yoga sequence for runners

These stretches take ten minutes and are best done after an easy run, while your muscles are warm.

Lie on your back and pull one knee to your chest. Hold it for thirty seconds. Switch sides. Keep \
your shoulders flat on the floor throughout.

From standing, cross one ankle over the other knee and sit back as if into a chair. Hold it for \
thirty seconds. Switch sides. Use a wall for balance if you need to.

Finish in a low lunge with your back knee on a folded towel. Sink your hips forward until you \
feel the stretch in the front of your hip. Switch sides. Breathe slowly the whole time.
"""


def test_a_query_said_twice_as_a_sentence_of_its_own_is_deleted():
    result = clean(FAUCET_STUFFED, format="markdown")
    assert "Top rated" not in result.text
    assert "pours into the basement. Do this before the first hard freeze." in result.text
    assert "to release trapped water. Close it again." in result.text


def test_a_refrain_without_search_words_is_emphasis():
    assert stuffing_findings(YOGA_SEQUENCE) == []
    assert not clean(YOGA_SEQUENCE, format="markdown").edits


# A stuffed page (a labelled keyword line) that also lists related posts: on a page shown to be
# stuffed, short lists varying its topic are keyword lists, but headlines are not keyphrases.
SKILLET_WITH_RELATED_POSTS = """\
# Why I still cook with a cast iron skillet

After ten years of cooking for a family of five, the skillet is the one pan I would keep if I had \
to give the rest away. It goes from the hob to the oven and it will outlive me.

A new skillet needs seasoning: a thin coat of oil baked on at a high heat, repeated a few times. \
After that, wash the skillet with hot water, dry it on the hob and wipe on a drop of oil.

Related searches: cheap skillet deals, skillet price uk, best skillet near me

More on this

- Skillet Reviews: What the Tests Missed
- Skillet Care: Seasoning Explained
"""


def test_related_post_headlines_on_a_stuffed_page_are_not_a_keyword_list():
    lists = [f.text for f in stuffing_findings(SKILLET_WITH_RELATED_POSTS) if f.rule == "SEO105"]
    assert lists == ["Related searches: cheap skillet deals, skillet price uk, best skillet near me"]
    result = clean(SKILLET_WITH_RELATED_POSTS, format="markdown")
    assert "Related searches" not in result.text and "- Skillet Care: Seasoning Explained" in result.text


SHELVE_REFERENCE_STUFFED = """\
# shelve: Python object persistence

- Shelf.sync(): write back all entries in the cache if the shelf was opened with writeback set to \
True. Also empty the Python object persistence shelf without prescription cache and synchronize the \
persistent dictionary on disk, if feasible.
- Shelf.close(): synchronize and close the persistent dict object. Operations on a closed shelf \
will fail with a ValueError.
- A Shelf object can also be used as a context manager, in which case Python object persistence \
shelf without prescription it will be automatically closed when the with block ends.
- The shelve module does not support concurrent read/write access to shelved objects. Multiple \
simultaneous reads are safe.
"""

SHELVE_REFERENCE = """\
# shelve: Python object persistence

- Shelf.sync(): write back all entries in the cache if the shelf was opened with writeback set to \
True, and synchronize the persistent dictionary on disk, if feasible.
- Shelf.close(): synchronize and close the persistent dict object. The Python Shelf Object Best \
Practices page lists the operations that fail on a closed shelf.
- A Shelf object can also be used as a context manager, in which case the Python Shelf Object \
Best Practices apply: it is closed when the with block ends.
- The shelve module does not support concurrent read/write access to shelved objects. Multiple \
simultaneous reads are safe.
"""


def test_a_keyphrase_pasted_into_the_sentences_of_list_items_is_deleted():
    result = clean(SHELVE_REFERENCE_STUFFED, format="markdown")
    assert "prescription" not in result.text
    assert "Also empty the cache and synchronize the persistent dictionary" in result.text
    assert "in which case it will be automatically closed" in result.text


def test_a_title_case_name_that_list_items_need_is_kept():
    # "Best" is a search word, but the name is the subject or object of its sentences.
    assert [f for f in stuffing_findings(SHELVE_REFERENCE) if f.rule == "SEO102"] == []
    assert not clean(SHELVE_REFERENCE, format="markdown").edits
