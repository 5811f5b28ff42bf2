"""Honest pages that repeat their topic or a name where stuffers put keyphrases (a sentence ending on
the topic as a verb's object, a run-in bold heading, a comment thread quoting the post's title,
a list of code constants) come back unchanged; stuffed pages lose the keyphrase tacked onto several
headings or bolded in sentence after sentence."""

from __future__ import annotations

from seoclean.detectors.insertion import keyword_list
from seoclean.detectors.stuffing import StuffingDetector
from seoclean.document import Document
from seoclean.lexicon import get_lexicon
from seoclean.rewrite.api import clean


def stuffing_findings(text: str, fmt: str = "markdown"):
    return [f for f in StuffingDetector().run(Document(text, format=fmt)).findings if f.rule.startswith("SEO1")]


def deleted(text: str, fmt: str = "markdown") -> list[str]:
    result = clean(text, format=fmt)
    return [result.baseline[e.start : e.end].strip(" \n#*|-") for e in result.edits if e.rule.startswith("SEO1")]


TERM_LIFE_ARTICLE = """\
# Term life insurance in plain words

Term life insurance pays a fixed sum if you die within the years the policy runs. Term life \
insurance is cheap because most policies end without a claim.

## Who buys term life insurance?

Parents of young children buy term life insurance more than anyone. So do couples with a \
mortgage that one income could not carry alone.

## How long should it run?

Match the term to your longest debt. If the mortgage has twenty years left, twenty years of \
term life insurance covers it, and a second, shorter policy can cover the years of school fees.

## What it costs

Term life insurance premiums depend on your age, your health and whether you smoke. A healthy \
thirty-year-old pays far less than a smoker of fifty for the same cover.

## Be honest on the form

If you hide an illness on the application, the insurer may refuse to pay out, which defeats the \
whole point of having term life insurance.
"""


def test_a_sentence_ending_on_its_topic_as_a_verbs_object_is_kept():
    # "having" leaves its clause open: the topic after it is its object, not an appended keyphrase
    assert deleted(TERM_LIFE_ARTICLE) == []


def test_a_topic_appended_after_a_finished_clause_is_still_deleted():
    stuffed = TERM_LIFE_ARTICLE.replace(
        "a smoker of fifty for the same cover.", "a smoker of fifty for the same money term life insurance."
    )
    assert "term life insurance" in deleted(stuffed)


PILLOW_REVIEW = """\
# Choosing a memory foam pillow

A memory foam pillow moulds to your head and neck, which is why side sleepers like them and \
stomach sleepers often do not.

## Height

Side sleepers need a higher memory foam pillow than back sleepers. Measure from your ear to the \
edge of your shoulder: that gap is roughly the loft you want.

## Heat

Dense foam holds heat, and a memory foam pillow sits right against your face. Look for gel \
layers or ventilation holes if you sleep hot.

## The first week

Expect a new memory foam pillow to smell faintly for a day or two; air it by an open window. \
Most people also need a week to get used to the feel of a memory foam pillow.
"""


def test_a_topic_after_a_determiner_and_an_adjective_is_kept():
    assert deleted(PILLOW_REVIEW) == []


INSURANCE_GUIDE = """\
<html><head><title>Small business insurance: what you need</title></head><body><main><article>
<h1>Small business insurance: what you need</h1>
<p>Only a couple of kinds of cover are required by law. Everything else depends on what you do.</p>
<p><strong>Employers' liability insurance.</strong> If you employ anyone, even part-time, you must
hold at least five million pounds of cover and show the certificate to your staff.</p>
<p><strong>Motor insurance.</strong> Vehicles used for the business need at least third-party
cover, and personal car insurance rarely covers business trips.</p>
<h2>The main types of cover</h2>
<h3>Public liability insurance</h3>
<p>Covers claims from customers and passers-by who are hurt or whose property is damaged.</p>
<h3>Employers' liability insurance</h3>
<p>Covered above. Compulsory once you have staff.</p>
<h3>Professional indemnity insurance</h3>
<p>Covers claims that your advice or design cost a client money.</p>
</article></main></body></html>
"""


def test_a_run_in_bold_heading_that_a_section_repeats_is_kept():
    assert [f for f in stuffing_findings(INSURANCE_GUIDE, "html") if f.rule == "SEO102"] == []
    assert deleted(INSURANCE_GUIDE, "html") == []


COMMENT_THREAD = """\
House Cleaning in Denver – Mile High Maids
We clean homes across Denver every week, with the same two-person team at each visit.
Book online and we confirm within the hour.

3 thoughts on "House Cleaning in Denver – Mile High Maids"
Posted by Helen M
Do you cover mile high maids for older people anywhere on the site?
Grace says:
I tried what you suggest about mile high maids last month and it worked better than I expected.
Chris says:
Is it worth asking a professional about mile high maids, or can most people do it themselves?
"""


def test_a_comment_header_quoting_the_title_does_not_make_its_tail_a_keyphrase():
    assert [f for f in stuffing_findings(COMMENT_THREAD, "text") if f.rule == "SEO102"] == []


def test_a_list_of_code_constants_is_not_a_keyword_list():
    stopwords = get_lexicon().stopwords
    constants = "LOG EMERG, LOG ALERT, LOG CRIT, LOG ERR, LOG WARNING, LOG NOTICE, LOG INFO, LOG DEBUG."
    assert keyword_list(constants, stopwords) is None
    # Shouting does not hide a list of queries: it still carries its search words.
    assert keyword_list("CHEAP FLIGHTS, CHEAP HOTELS, CHEAP CAR HIRE, CHEAP FLIGHTS LONDON", stopwords)


TENANT_GUIDE_STUFFED = """\
# Tenant rights explained

Renting a home gives you rights that no contract can take away.

## Deposits - Cheap Tenant Fast

Your landlord must protect your deposit in a government scheme within thirty days.

## Rent increases | Cheap Tenant Fast

During a fixed term the rent can only go up if the agreement allows it.

## Repairs

The landlord must keep the structure, the heating and the water supply in repair.

## Where to get help? Cheap Tenant Fast

Your local council's housing team can inspect the property and order repairs.
"""


def test_a_keyphrase_tacked_onto_several_headings_is_deleted_and_the_headings_kept():
    found = deleted(TENANT_GUIDE_STUFFED)
    assert found == ["Cheap Tenant Fast"] * 3
    cleaned = clean(TENANT_GUIDE_STUFFED).text
    assert "## Rent increases\n" in cleaned and "## Where to get help?\n" in cleaned


RELEASE_NOTES = """\
# Ledger release notes

## Version 4.2 - Bug fixes

Statements with more than a thousand lines no longer take a minute to open.

## Version 4.1 - Bug fixes

The export to spreadsheet keeps the currency of each account.

## Version 4.0 - New features

Accounts can now be grouped into folders, and each folder shows its own balance.
"""


def test_section_tails_without_a_search_word_are_kept():
    assert deleted(RELEASE_NOTES) == []


THERMAL_PASTE_STUFFED = """\
# Replacing the thermal paste on a laptop

A laptop that runs hot and loud often needs new thermal paste. The job takes an hour.

## Opening the case

Shut the laptop down completely, unplug the **laptop time** charger, and hold the power button \
for a few seconds. Remove the screws on the base in order.

## Cleaning the old paste

Wipe the old paste off the chip with a lint-free cloth and isopropyl alcohol. Let the **laptop \
time** surface dry for a minute before you go on.

## Applying the new paste

Put a pea-sized dot in the centre of the chip and let the **laptop time** heatsink spread it. \
Tighten the heatsink screws a few turns at a time, in the printed order. Then close the case and \
let the laptop time fan run for ten minutes under load.
"""


def test_a_phrase_bolded_in_sentence_after_sentence_is_deleted():
    # ... and so is its plain occurrence that the sentence reads on without ("let the fan run")
    assert deleted(THERMAL_PASTE_STUFFED) == ["laptop time"] * 4


BAKING_GUIDE = """\
# Why did my cake sink?

A cake that sinks in the middle was usually underbaked, overfilled or opened too soon.

## Underbaking

The **crumb structure** sets in the last minutes of baking. Test with a skewer in the centre.

## Too much raising agent

Too much baking powder makes the batter rise fast and collapse. Measure it with a proper spoon, \
not a **heaped teaspoon** from the cutlery drawer.

## Opening the oven

Cold air makes a rising cake fall. Keep the door shut for the first **twenty minutes**.
"""


def test_different_terms_bolded_once_each_are_kept():
    assert deleted(BAKING_GUIDE) == []


SIGNAL_REFERENCE = """\
signal — Set handlers for asynchronous events

This module provides mechanisms to use signal handlers in Python.

signal.SIGALRM
Timer signal from alarm(2). Availability: Unix.

signal.SIGBREAK
Interrupt from keyboard (CTRL + BREAK). Availability: Windows.

signal.SIGBUS
Bus error (bad memory access). Availability: Unix.

signal.SIGCHLD
Child process stopped or terminated. Availability: Unix.

signal.SIGHUP
Hangup detected on controlling terminal or death of controlling process. Availability: Unix.

signal.SIGKILL
Kill signal. It cannot be caught, blocked, or ignored. Availability: Unix.

signal.SIGPIPE
Broken pipe: write to pipe with no readers. Default action is to ignore the signal. Availability: Unix.

signal.SIGUSR1
User-defined signal 1. Availability: Unix.

Availability: Unix

signal.SIGWINCH
Window resize signal. Availability: Unix.

Availability: Unix

signal.alarm(time)
If time is non-zero, this function requests that a SIGALRM signal be sent to the process in time \
seconds. Returns nothing. Availability: Unix.

Availability: Unix
"""


def test_a_field_repeated_after_each_entry_of_a_reference_page_is_kept():
    # "Availability: Unix." is a label and its value, not a keyphrase standing as a sentence
    assert deleted(SIGNAL_REFERENCE, "text") == []
