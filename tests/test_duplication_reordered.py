"""Copies that shingles miss (a paragraph pasted with its sentences reordered) and honest repeats
that are no copies (a reference page's version notes said under each entry they concern)."""

from __future__ import annotations

import pytest

from seoclean.analysis import Analyzer
from seoclean.detectors.duplication import DuplicationDetector
from seoclean.detectors.reordered_copies import reordered_coverage, sentences
from seoclean.ingest import load_text
from seoclean.rewrite.api import clean

# A how-to whose third paragraph was pasted again further down with its two sentences swapped,
# one dropped and a word reworded: its shingle similarity with the original is under 0.7.
PASTED_REORDERED = """\
# Bleeding a radiator

If the top of a radiator stays cold while the bottom is warm, air is trapped inside it. Bleeding
it takes five minutes and needs nothing more than a radiator key and an old towel.

Turn the heating off and let the radiators cool down completely before you start. Hot water can
spurt out of the valve and scald your hands.

Hold the towel under the bleed valve at the top corner of the radiator. Turn the key a quarter
turn anticlockwise until you hear a hiss. Close the valve as soon as water starts to dribble out.

Check the pressure gauge on the boiler afterwards. Letting air out lowers the pressure, and most
boilers want between one and one and a half bar when the system is cold.

Turn the key a quarter turn anticlockwise until you hear a hiss. Hold the towel under the bleed
valve at the top corner of the radiator.

If the radiator is still cold at the top after bleeding, the problem is more likely sludge, and
a heating engineer can flush the system for you.
"""

# A reference page documents sibling entries in one mould: the same sentences, in the same order,
# with the names changed. Nothing here was pasted.
PARALLEL_ENTRIES = """\
# Compression constants

zipfile.ZIP_STORED

The numeric constant for an uncompressed archive member. This needs no extra module at all, and
it is the default when no compression is asked for.

zipfile.ZIP_DEFLATED

The numeric constant for the usual ZIP compression method. This requires the zlib module, which
every ordinary build of Python has.

zipfile.ZIP_BZIP2

The numeric constant for the BZIP2 compression method. This requires the bz2 module, which
every ordinary build of Python has.

zipfile.ZIP_LZMA

The numeric constant for the LZMA compression method. This requires the lzma module, which
every ordinary build of Python has.
"""

# A reference page's version notes: each is said under every entry it concerns, in whatever layout
# the extraction left (list items, quotes), and a note is doubled where the entry between was lost.
VERSION_NOTES = """\
# Streams

- coroutine open_connection(host=None, port=None, *, limit=None)
- Establish a network connection and return a pair of reader and writer objects.
- Changed in version 3.7: Added the ssl_handshake_timeout parameter.
- Changed in version 3.10: Removed the loop parameter.
- coroutine start_server(client_connected_cb, host=None, port=None)
- Start a socket server and call the callback for every new client.
- Changed in version 3.10: Removed the loop parameter.

## Unix sockets

> Establish a Unix socket connection and return a pair of reader and writer objects.

> Changed in version 3.7: The path parameter can now be a path-like object.

> Changed in version 3.10: Removed the loop parameter.

## StreamWriter

- close() closes the stream and the underlying socket as soon as the buffer is flushed.
- is_closing() returns True if the stream is closed or in the process of being closed.
- New in version 3.7.
- New in version 3.7.
- New in version 3.8: Added the happy_eyeballs_delay parameter.
- New in version 3.11: Added the ssl_shutdown_timeout parameter.
"""


@pytest.fixture(scope="module")
def analyzer():
    return Analyzer(model=None)


def near_copies(text: str, fmt: str = "markdown", **options):
    return [f for f in DuplicationDetector(**options).run(load_text(text, format=fmt)).findings if f.rule == "SEO404"]


def test_a_paragraph_pasted_with_its_sentences_reordered_is_a_near_copy():
    found = near_copies(PASTED_REORDERED)
    assert [f.text.split()[:4] for f in found] == [["Turn", "the", "key", "a"]]
    assert found[0].evidence["first_line"] == 9
    assert "sentences reordered" in found[0].message


def test_reordered_copies_can_be_turned_off():
    assert near_copies(PASTED_REORDERED, reordered_sentences=False) == []


def test_sibling_entries_of_one_mould_are_no_copies():
    assert near_copies(PARALLEL_ENTRIES) == []


def test_sentences_in_their_original_order_are_a_mould_not_a_reordered_copy():
    one = sentences("The numeric constant for LZMA. This requires the lzma module.")
    other = sentences("The numeric constant for BZIP2. This requires the bz2 module.")
    assert reordered_coverage(one, other) is None
    swapped = sentences("This requires the lzma module. The numeric constant for LZMA.")
    assert reordered_coverage(swapped, one) == 1.0


def test_the_cleaner_deletes_the_reordered_copy_and_keeps_the_original(analyzer):
    result = clean(PASTED_REORDERED, format="markdown", analyzer=analyzer)
    assert result.text.count("Turn the key a quarter") == 1
    assert "Close the valve as soon as water starts" in result.text
    assert clean(result.text, format="markdown", analyzer=analyzer).text == result.text


def test_version_notes_said_under_each_entry_are_left_alone(analyzer):
    report = analyzer.analyze_document(load_text(VERSION_NOTES, format="markdown"))
    assert [f for f in report.findings if f.rule.startswith("SEO4")] == []
    assert clean(VERSION_NOTES, format="markdown", analyzer=analyzer).edits == ()


def test_a_version_note_pasted_once_more_is_still_a_copy(analyzer):
    pasted = VERSION_NOTES + "\nChanged in version 3.7: Added the ssl_handshake_timeout parameter.\n"
    report = analyzer.analyze_document(load_text(pasted, format="markdown"))
    copies = [f for f in report.findings if f.rule.startswith("SEO4")]
    # the pasted note is reported, not the notes under their entries (the planner deletes a lone
    # sentence copy only on a page showing other spam)
    assert [f.line for f in copies] == [28]
