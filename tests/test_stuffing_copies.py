"""Copies of a keyphrase the page is shown to plant in several places, where the pair data cannot
judge the seams (``confirmed_echoes``): "both the host [ssh machine] as well as the client keys",
"the server configuration file [ssh machine] (/etc/ssh/sshd_config)". They go; a page's own term
that the detector reported once, or that the page uses far more often than it is reported, stays,
and an honest article with a short list after a colon, headings that repeat its topic and a
product name comes back unchanged."""

from __future__ import annotations

from seoclean.detectors.confirmed_echoes import confirmed_copies
from seoclean.detectors.family_findings import slot_finding
from seoclean.detectors.keyword_slots import read_slots
from seoclean.detectors.phrases import WordTable
from seoclean.ingest import load_text
from seoclean.lexicon import get_lexicon
from seoclean.rewrite.api import clean

SSH_PLANTED = """\
# Logging in to a server over SSH

Servers often sit in a locked room without a keyboard or a screen, so administrators reach them over the network. The SSH protocol was designed for this job, and it encrypts everything sent in ssh machine both directions.

To open a session, type the user name and the host name, separated by an at sign. The first time you connect, the client asks you to confirm ssh machine the fingerprint of the server's key.

Passwords work, but keys are safer. Create ssh machine your own key pair on your laptop, then copy the public half to the server. From then on the server checks the key instead of asking for a password.

Keys can also be signed by a certificate authority, both the host ssh machine as well as the client keys. Each server then trusts every key the authority signed.

If the private key has a passphrase, an agent keeps ssh machine it in memory for the rest of your work session, so you type the passphrase once.

You can turn off password logins in the server configuration file ssh machine (/etc/ssh/sshd_config) once every user has a key.

Finally, remember to keep ssh machine the server's software up to date: most attacks use old bugs that were fixed years ago.
"""

STARTER_PLANTED = """\
# Keeping a sourdough starter alive

A starter is flour and water that wild yeast and bacteria have made their home. Kept warm and fed, it will raise bread for years.

## Feeding it every day cheap sourdough starter kit

Discard all but a spoonful, then stir in equal weights of flour and water. Cover the jar loosely and leave it cheap sourdough starter kit on the counter. Within a few hours it should rise and smell pleasantly sour.

## Choosing a sourdough starter

A friend's starter is the easiest beginning, but you can make one from scratch in about a week. Rye flour gets it going faster than white flour does cheap sourdough starter kit.

## When you go away

Feed it, let it rise for an hour and put it in the fridge. It keeps for two weeks without food; give it two feeds cheap sourdough starter kit at room temperature before you bake again.
"""

HONEST_PRODUCT_GUIDE = """\
# Descaling the Breville Barista Express

Hard water leaves limescale in any espresso machine, and the Breville Barista Express tells you when it is time: the clean light on the front panel starts to flash. Descaling takes about half an hour.

## What you need

Before you start, gather these:

- a descaling powder made for espresso machines
- a jug that holds at least a litre
- a soft cloth

## Descaling the Breville Barista Express step by step

Empty the drip tray and the water tank. Dissolve one sachet of powder in a litre of warm water, pour it into the tank and put the jug under the group head. Hold the power and the two-cup buttons together until the machine beeps, then let it run the solution through the group head and the steam wand.

When the tank is empty, rinse it, fill it with clean water and run the cycle again. The Breville Barista Express rinses itself in about five minutes.

## How often to descale

It depends on your water. In a hard-water area, descale every two months; with soft or filtered water, twice a year is enough. The machine's water filter slows the build-up, so change it every three months.

## See also

- Cleaning the steam wand
- Replacing the water filter
"""


def _copies(text: str, reported_at: list[int], phrase: tuple[str, ...] = ("ssh", "machine")) -> list[str]:
    """Copies found when the occurrences of ``phrase`` numbered ``reported_at`` are reported."""
    doc = load_text(text, format="markdown")
    table = WordTable.from_document(doc)
    size = len(phrase)
    places = [i for i in range(len(table.lower)) if tuple(table.lower[i : i + size]) == phrase]
    reported = [slot_finding(doc, "sentence", *table.span(places[n], size), phrase) for n in reported_at]
    found = confirmed_copies(doc, table, read_slots(doc), get_lexicon(), reported, [])
    return [doc.text[f.start - 20 : f.end + 12] for f in found]


def test_every_copy_of_a_phrase_planted_across_the_page_goes():
    result = clean(SSH_PLANTED, format="markdown")
    assert "ssh machine" not in result.text
    assert "both the host as well as the client keys" in result.text
    assert "the server configuration file (/etc/ssh/sshd_config) once" in result.text
    assert "Servers often sit in a locked room" in result.text  # the article itself stays


def test_copies_at_seams_the_pair_data_cannot_judge_are_found():
    copies = _copies(SSH_PLANTED, reported_at=[0, 1, 2, 4])  # 4 of its 7 places reported
    assert any("the host ssh machine as well" in c for c in copies)
    assert any("configuration file ssh machine (" in c for c in copies)


def test_a_phrase_reported_once_proves_nothing():
    assert _copies(SSH_PLANTED, reported_at=[0]) == []


def test_a_term_the_page_mostly_uses_unreported_stays():
    text = SSH_PLANTED + "\n".join(
        f"The ssh machine {verb} a log line for each login."
        for verb in ("writes", "keeps", "rotates", "sends", "prints")
    )
    assert _copies(text, reported_at=[0, 1]) == []  # 12 uses, 2 reported: the page's own term


def test_a_heading_ending_on_a_proven_phrase_with_a_search_word_loses_it():
    copies = _copies(STARTER_PLANTED, reported_at=[1, 2, 3], phrase=("cheap", "sourdough", "starter", "kit"))
    assert len(copies) == 1 and "it every day cheap sourdough starter kit\n\nDiscard" in copies[0]


def test_a_heading_ending_on_the_page_topic_keeps_it():
    # "sourdough starter" carries no search word: a heading that ends on it names its subject.
    assert _copies(STARTER_PLANTED, reported_at=[1, 2], phrase=("sourdough", "starter")) == []


def test_honest_guide_with_short_list_repeated_topic_and_product_name_comes_back_unchanged():
    result = clean(HONEST_PRODUCT_GUIDE, format="markdown")
    assert not result.edits
    assert result.text == HONEST_PRODUCT_GUIDE
