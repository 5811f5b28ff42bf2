"""Honest repeats (a reference page's parallel entries, a footer repeating the header) versus a
spammer's pasted copies: the repeat's neighbours decide (``repeat_context``)."""

from __future__ import annotations

import pytest

from seoclean.analysis import Analyzer
from seoclean.detectors.duplication import DuplicationDetector
from seoclean.ingest import load_text
from seoclean.rewrite.api import clean

# A library reference documenting two functions in one mould: the same note under a "Note" label,
# the same version note, a parameter described alike next to a line naming each function.
REFERENCE_PAGE = """\
tarstream — Streaming tar archives

Source code: Lib/tarstream.py

The tarstream module reads and writes tar archives as streams, without seeking, so that an archive can be piped between processes or read straight from a socket.

coroutine tarstream.open_reader(source, *, limit=None, chunk_size=None)

Open a tar archive for reading and return a Reader instance that yields the members one by one.

limit determines the buffer size limit used by the returned Reader instance. By default the limit is set to 64 KiB.

The rest of the arguments are passed directly to tarstream.Reader().

Note

The source argument transfers ownership of the file object to the Reader created. To close it, call the reader's close() method.

Changed in version 3.9: Added the chunk_size parameter.

coroutine tarstream.open_writer(target, *, limit=None, chunk_size=None)

Open a tar archive for writing and return a Writer instance that takes members one by one.

limit determines the buffer size limit used by the returned Reader instance. By default the limit is set to 64 KiB.

The rest of the arguments are passed directly to tarstream.Writer().

Note

The source argument transfers ownership of the file object to the Reader created. To close it, call the reader's close() method.

Changed in version 3.9: Added the chunk_size parameter.

Reader objects

Represents a reader object that provides APIs to read members from the archive stream.
"""

# An article whose writer's paragraph was pasted again further down, and one sentence of it
# tacked onto the end of a later paragraph.
SPAM_ARTICLE = """\
# How to Store Winter Tyres

Winter tyres last longer when they spend the summer somewhere cool, dark and dry, away from the boiler and out of the sun.

Clean each tyre with warm soapy water before you put it away, and let it dry completely so that no grit or salt is left in the tread.

## Stacking or hanging

Tyres on rims can hang on wall hooks or lie stacked flat, but tyres without rims should stand upright and be turned every month.

Winter tyres last longer when they spend the summer somewhere cool, dark and dry, away from the boiler and out of the sun.

## Checking them in autumn

Look for cracks in the sidewall and measure the tread depth before you fit them again. Clean each tyre with warm soapy water before you put it away, and let it dry completely so that no grit or salt is left in the tread.

A tyre older than six years should be replaced whatever its tread depth says.
"""

# Plain text of a documentation page: the header's title and table of contents said again below
# the body, as the page's footer.
FOOTER_PAGE = """\
Tracing Mode for Beginners

Tracing Mode for Beginners

Effects of the tracing mode

Memory example

Python »

The tracing mode adds checks that are too expensive to run by default, and it prints a warning for every resource that a program forgets to close before it exits.

It is enabled with a command line option or an environment variable, and its state can be read at run time from the flags the interpreter exposes.

Effects of the tracing mode

Enabling the tracing mode is similar to a command line that installs a warning filter and a fault handler, and it turns on the debug hooks of the memory allocators.

Memory example

A script that opens a file without closing it emits a warning once the tracing mode is on, and the warning names the line where the file was opened.

Tracing Mode for Beginners

Effects of the tracing mode

Memory example

Python »
"""

GLOSSARY_SPAM = """\
Home Network Glossary

A short list of the words your router's settings page uses, in plain language.

Gateway
The device that connects your home network to the internet. In most homes the router is the gateway.

Firmware
The software that runs inside your router. Manufacturers release updates to fix bugs and close security holes.

Subnet
A subdivision of a network that groups devices. Home users rarely need to think about subnets at all.

Gateway
The device that connects your home network to the internet. In most homes the router is the gateway.

Mesh
A set of units that work together to cover a home with one wireless network.
"""


@pytest.fixture(scope="module")
def analyzer():
    return Analyzer(model=None)


def rules(text: str, fmt: str) -> list[str]:
    return [f.rule for f in DuplicationDetector().detect(load_text(text, format=fmt)).findings]


def test_parallel_entries_of_a_reference_page_are_not_copies(analyzer):
    assert rules(REFERENCE_PAGE, "text") == []
    assert not clean(REFERENCE_PAGE, format="text", analyzer=analyzer).edits


def test_the_same_notes_pasted_among_other_paragraphs_are_copies(analyzer):
    # the same note and version line, but pasted between paragraphs that share nothing
    pasted = REFERENCE_PAGE.replace(
        "Reader objects\n", "Note\n\nChanged in version 3.9: Added the chunk_size parameter.\n\nReader objects\n"
    )
    pasted = pasted.replace(
        "Represents a reader object that provides APIs to read members from the archive stream.\n",
        "Represents a reader object that provides APIs to read members from the archive stream.\n\n"
        "The source argument transfers ownership of the file object to the Reader created. To close it, call "
        "the reader's close() method.\n\nA reader is not safe to share between tasks.\n",
    )
    found = DuplicationDetector().detect(load_text(pasted, format="text")).findings
    note = (
        "The source argument transfers ownership of the file object to the Reader created. To close it, call "
        "the reader's close() method."
    )
    assert [f.text for f in found if f.rule == "SEO403"] == [note]


def test_pasted_article_prose_is_still_collapsed(analyzer):
    found = DuplicationDetector().detect(load_text(SPAM_ARTICLE, format="markdown")).findings
    assert [f.rule for f in found] == ["SEO403", "SEO406"]
    result = clean(SPAM_ARTICLE, format="markdown", analyzer=analyzer)
    assert result.text.count("Winter tyres last longer") == 1
    assert result.text.count("Clean each tyre with warm soapy water") == 1
    assert "measure the tread depth before you fit them again.\n" in result.text


def test_two_adjacent_paragraphs_pasted_together_are_both_copies():
    first, second = SPAM_ARTICLE.split("\n\n")[1:3]
    text = SPAM_ARTICLE + f"\n{first}\n\n{second}\n\nStore the wheel nuts in a labelled bag.\n"
    found = DuplicationDetector().detect(load_text(text, format="markdown")).findings
    assert [f.text for f in found if f.rule == "SEO403"][-2:] == [first, second]


def test_a_footer_repeating_the_header_is_not_a_title_copy(analyzer):
    assert "SEO405" not in rules(FOOTER_PAGE, "text")
    assert not clean(FOOTER_PAGE, format="text", analyzer=analyzer).edits


def test_the_title_pasted_into_the_body_is_still_a_copy():
    marker = "Memory example\n\nA script"
    text = FOOTER_PAGE.replace(marker, "Tracing Mode for Beginners\n\n" + marker, 1)
    found = [f for f in DuplicationDetector().detect(load_text(text, format="text")).findings if f.rule == "SEO405"]
    assert [text.count("\n", 0, f.start) + 1 for f in found] == [text[: text.index(marker)].count("\n") - 1]


def test_a_glossary_entry_pasted_with_its_term_is_a_copy():
    found = DuplicationDetector().detect(load_text(GLOSSARY_SPAM, format="text")).findings
    assert any(f.text.startswith("The device that connects your home network") for f in found)


def test_an_honest_comment_thread_keeps_its_heading_and_the_editors_reply(analyzer):
    page = (
        "# Repairing a Slow Puncture\n\n"
        "A slow puncture is usually a nail or a screw in the tread, and most of them can be plugged from "
        "the outside by any tyre shop in ten minutes, as long as the hole is not near the sidewall.\n\n"
        "If the tyre has been driven flat, the sidewall may be damaged inside, and then it has to be "
        "replaced whatever the tread looks like.\n\n"
        "## 2 Comments\n\n"
        "Anna K on 24 June 2021\n\n"
        "Is a plug safe on a motorway, or only around town?\n\n"
        "Posted by Editor\n\n"
        "A proper plug-and-patch repair is rated for the tyre's full speed, motorways included.\n"
    )
    assert not clean(page, format="markdown", analyzer=analyzer).edits


def test_a_lead_in_said_in_two_sections_of_one_mould_is_not_a_copy(analyzer):
    page = (
        "# Backup idioms\n\n"
        "Every idiom below works on a whole folder, with its permissions and links kept.\n\n"
        "## Idioms for the archive\n\n"
        'Here are several ways to archive and unarchive the whole content of the folder "./photos" with '
        "different tools.\n\n"
        "GNU tar:\n\n"
        "Alternatively, by the following.\n\n"
        "cpio:\n\n"
        "## Idioms for the copy\n\n"
        'Here are several ways to copy the whole content of the folder "./photos" with different tools.\n\n'
        "rsync:\n\n"
        "You can also use a trailing slash on the source folder, which avoids one more folder level.\n\n"
        "Alternatively, by the following.\n\n"
        "GNU cp and OpenSSH scp:\n"
    )
    assert rules(page, "markdown") == []
    assert not clean(page, format="markdown", analyzer=analyzer).edits
    # the same lead-in pasted into a section that opens differently is a copy
    other = page.replace(
        "Here are several ways to copy the whole content", "Copying is simpler than archiving the content"
    )
    assert rules(other, "markdown") == ["SEO403"]
    # said twice in one section of that mould, the second was pasted there
    twice = page.replace("GNU cp and OpenSSH scp:\n", "GNU cp and OpenSSH scp:\n\nAlternatively, by the following.\n")
    found = DuplicationDetector().detect(load_text(twice, format="markdown")).findings
    assert twice.rindex("Alternatively") in [f.start for f in found if f.rule == "SEO403"]
