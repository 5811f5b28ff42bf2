"""``clean`` keeps the notes a reference page says under each of its entries (``repeat_policy``)."""

from __future__ import annotations

import pytest

from seoclean.analysis import Analyzer
from seoclean.rewrite.api import clean
from seoclean.rewrite.repeat_policy import EntryHeads

# The two pages below are our own writing, shaped like real reference pages (a Sphinx attribute list
# rendered as text, and an AsciiDoc list of environment variables); the library and the tool are
# invented.
DOM_ATTRIBUTES = """\
lattice.grid — The Grid Cell API
Cell Objects¶
Every square on a lattice grid is represented by an instance of Cell.
- Cell.kind¶
- An integer giving the kind of cell.  Named constants for the kinds live on
the Cell class: EMPTY_CELL, WALL_CELL, WATER_CELL, DOOR_CELL, STAIR_CELL, GATE_CELL, SPAWN_CELL, EXIT_CELL, TRAP_CELL, HIDDEN_CELL.
This is a read-only attribute.
- Cell.owner¶
- The grid that holds this cell, or None for a cell that was detached. The value
is always a Grid object or None.  For border cells, this
will be the outer grid, except for the corner cells, in which case it will
be the frame object. For copied cells, this is always None. This is a read-only attribute.
- Cell.tags¶
- A TagMap of the labels attached to the cell.  Only placed cells carry labels
here; loose ones report None for this attribute. This is a read-only
attribute.
- Cell.westNeighbour¶
- The cell that lies directly to the west of this one in the same row.  For
example the cell whose right edge touches the left edge of this
cell.  Grids can also wrap around, of course, so the west neighbour of a cell
in the first column may be the last cell of the row, or nothing at all.
If this cell sits on an edge that does not wrap, this attribute will be
None. This is a read-only attribute.
- Cell.eastNeighbour¶
- The cell that lies directly to the east of this one in the same row.  See
also westNeighbour.  If this is the last cell of a row that does not wrap, this
attribute will be None. This is a read-only attribute.
- Cell.contents¶
- A list of the items lying on this cell. This is a read-only attribute.
- Cell.firstItem¶
- The first item on the cell, if there are any, or None. This is a read-only
attribute.
- Cell.shortName¶
- The part of the cell name following the dot if there is one, else the
whole cell name.  The value is a string.
- Cell.zone¶
- The part of the cell name preceding the dot if there is one, else the
empty string.  The value is a string, or None.
"""

GIT_VARIABLES = """\
quarry(1)
=========

ENVIRONMENT VARIABLES
---------------------
Several quarry commands read environment variables and adjust
their behaviour. The variables marked as "Boolean" take their
values the same way as Boolean settings in the configuration file.

`QUARRY_LOG`::
\tTurns on general log messages, e.g. how shortcuts are expanded,
\twhich built-in step runs and which helper programs are started.
+
When this variable is set to "1", "2" or "yes" (letter case
does not matter), log messages are written to
standard error.
+
Removing the variable, or setting it to empty, "0" or
"no" (letter case does not matter) turns log messages off.

`QUARRY_LOG_WATCHER`::
\tTurns on log messages for the file watcher extension.

`QUARRY_LOG_CACHE_READS`::
\tTurns on log messages for every read from any cache. For each
\tread, the cache file name and an offset in the cache is
\twritten.

`QUARRY_LOG_NETWORK`::
\tTurns on log messages for every request sent or received by a
\tgiven command.

`QUARRY_LOG2`::
\tTurns on more detailed log messages from the "log2" module.
\tOutput from `QUARRY_LOG2` is a plain line-based format that
\tpeople can read.
+
When this variable is set to "1", "2" or "yes" (letter case
does not matter), log messages are written to
standard error.
+
Removing the variable, or setting it to empty, "0" or
"no" (letter case does not matter) turns log messages off.

`QUARRY_LOG_MASK`::
\tBy default, when logging is on, quarry masks the values of
\tsession tokens, the "Authorization:" header, and the "Proxy-Authorization:"
\theader. Set this Boolean environment variable to false to turn this
\tmasking off.
"""

INTRODUCTION = (
    "Every square on a lattice grid is represented by an instance of Cell, and each of them carries the "
    "attributes documented below in the same way."
)


@pytest.fixture(scope="module")
def analyzer():
    return Analyzer(model=None)


def test_the_introduction_pasted_under_an_entry_still_goes(analyzer):
    page = DOM_ATTRIBUTES.replace("Every square on a lattice grid is represented by an instance of Cell.", INTRODUCTION)
    spam = page.replace("- Cell.contents¶", f"{INTRODUCTION}\n- Cell.contents¶")
    result = clean(spam, format="text", analyzer=analyzer)
    assert result.text == page and {e.rule for e in result.edits} <= {"SEO403", "SEO406"}


def test_entry_heads_are_names_in_code_form_standing_apart():
    heads = EntryHeads(DOM_ATTRIBUTES + GIT_VARIABLES)
    lines = [(DOM_ATTRIBUTES + GIT_VARIABLES)[h.start :].split("\n", 1)[0] for h in heads.heads]
    assert "- Cell.kind¶" in lines and "`QUARRY_LOG2`::" in lines
    assert not any(line.startswith(("Cell Objects", "lattice.grid", "- An integer", "ENVIRONMENT")) for line in lines)
    assert heads.reference_page


# The pages below are our own writing too, shaped like real reference pages (a module page with its
# table of contents repeated in a sidebar, a literature list, a POD list of command-line switches and
# a module page with a class under its functions); the modules, books, authors, publishers, journals
# and switches are invented.
SIDEBAR_PAGE = """\
# rota — The duty roster database¶

- rota — The duty roster database

- rota — The duty roster database

This module gives access to the shared duty roster database. It works on every supported server.

Roster database entries are returned as a record-like object, whose fields match the
columns of the roster table. The slot is an integer, the worker and station are strings, and
the swap list is a list of strings.

The slot is an integer, worker and station are strings, and the swap list is a list of strings.
Most workers are not named in the swap list of the slot they cover according to the
staff database. Read both databases to learn who really covers a slot.

- rota.byslot(slot)¶

- Return the roster database entry for the given numeric slot. LookupError is raised when no
  such entry exists in the roster.

- rota.byworker(name)¶

- Return the roster database entry for the given worker name. LookupError is raised when no such
  entry exists in the roster.

- rota — The duty roster database

- rota — The duty roster database
"""

BIBLIOGRAPHY = """\
Literature on map lettering

The books and papers below are the ones we read while writing the label placement and line
wrapping code. Each entry names its authors, its title and where it was published, with a note
on what it covers.

- 
Edith Marwood.
The Lettering of Early Sea Charts.
Halvard & Crane, Ltd., Bristol, 1952.
A survey of hand-drawn lettering on harbour charts, with many plates.
- 
Tobias R Ellery.
How to letter a field map: a workbook of graded exercises.
Halvard & Crane, Ltd., Bristol, 1952.
A workbook for draughtsmen, with exercises on spacing, curved names and the size of capitals.
- 
Nadia K. Oberlin.
Label Placement: Problems, Heuristics, and Programs.
Journal of Map Drawing, 9(2), 1988.
Sets out several placement problems and the heuristics that solve them.
- 
Piet Vandersloot.
Names Along Rivers in Automated Map Drawing.
Journal of Map Drawing, 9(2), 1988.
An introduction to setting names along curved lines, with a short worked example.
"""

POD_OPTIONS = """\
    The following switches choose which checks are run.

    *   -slow

        Run the slow checks as well as the quick default set of checks.

    *   -only=GLOB

        Narrow the list of scripts so that every check script run matches GLOB.
        Note that this form differs from the -only LIST OF GLOBS form
        further down in that it lets the script list be given as well.

    *   -only LIST OF GLOBS

        Narrow the list of scripts so that every check script run matches
        /(LIST|OF|GLOBS)/. Note that with this form the globs are
        joined by '|' and no list of scripts can be given.

    *   -ascii

        Run the checks with the ascii switch on, which makes sure the code
        behaves when every input is plain seven-bit text.

    *   -q

        Run the checks in quiet mode, so that only the summary line of each
        script is printed once that script ends.

    *   -base

        Run only the base checks, skipping the checks of the optional plugins.
"""

METHODS_UNDER_FUNCTIONS = """\
stow — Packing objects into bundles¶
The stow module packs a tree of Python objects into a compact bundle and unpacks it again later.
- stow.put(obj, file)¶
- Pack the object obj into a bundle and write the bundle to the open binary file object file.
- stow.puts(obj)¶
- Pack the object obj into a bundle and hand the bundle back as a bytes object rather than writing it out.
- stow.take(file)¶
- Read one bundle from the open binary file object file and rebuild the
tree of objects that was packed into it.
The bundle format is recognised from its header, so no format argument is needed.
- stow.takes(data)¶
- Rebuild the tree of objects that was packed into the bundle held in data.
- class stow.Reader(file)¶
- This wraps a binary file from which bundles are read one after another.
  - take()¶
  - Read one bundle from the open binary file object given to the
constructor, and rebuild the tree of objects that was packed into it.
The bundle format is recognised from its header, so no format argument is needed.
  - resolve(module, name)¶
  - Import module when needed and return the attribute called name from it.
  - external_ref(key)¶
  - Raise a BundleError unless a subclass overrides it.
  - pack_hook(obj)¶
  - Optional hook that Writer subclasses can define to pack special objects.
  - forget()¶
  - Empties the reader's table of the objects the reader has already rebuilt.
  - handlers¶
  - A reader object's handler table maps each type name to a rebuild function.
"""


@pytest.mark.parametrize(
    ("page", "page_format"),
    [
        pytest.param(DOM_ATTRIBUTES, "text", id="a note closing each attribute entry"),
        pytest.param(GIT_VARIABLES, "text", id="the same paragraphs under two environment variables"),
        pytest.param(SIDEBAR_PAGE, "markdown", id="the title repeated in a table of contents and a sidebar"),
        pytest.param(BIBLIOGRAPHY, "text", id="bibliography entries sharing a publisher or journal"),
        pytest.param(POD_OPTIONS, "text", id="an option described as another with sentences left out"),
        pytest.param(METHODS_UNDER_FUNCTIONS, "text", id="a note under a method and under a module function"),
    ],
)
def test_honest_repeats_of_a_reference_page_stay(analyzer, page, page_format):
    result = clean(page, format=page_format, analyzer=analyzer)
    assert result.edits == () and result.text == page


def test_a_line_pasted_on_its_own_next_to_a_list_still_goes(analyzer):
    line = "Halvard & Crane, Ltd., Bristol, 1952."
    spam = f"{BIBLIOGRAPHY}\n{line}\n"
    result = clean(spam, format="text", analyzer=analyzer)
    assert result.text.strip() == BIBLIOGRAPHY.strip()


def test_a_sub_list_of_names_is_no_series_of_entry_heads():
    page = DOM_ATTRIBUTES.replace(
        "- Cell.shortName¶",
        "The values are one of:\n  - Cell.EMPTY_CELL\n  - Cell.WALL_CELL\n  - Cell.WATER_CELL\n"
        "  - Cell.DOOR_CELL\n  - Cell.STAIR_CELL\n- Cell.shortName¶",
    )
    heads = EntryHeads(page)
    lines = [page[h.start :].split("\n", 1)[0] for h in heads.heads]
    assert "- Cell.shortName¶" in lines and not any("EMPTY_CELL" in line for line in lines)


# Our own writing as well, shaped like a real module page that quotes the standard it follows; the
# module and the standard are invented.
QUOTED_SOURCES = """\
tally — Exact arithmetic on amounts of money
The tally module provides support for exact, correctly rounded arithmetic on amounts of
money. It has several advantages over plain float values:
- Tally “follows a bookkeeping model which was drawn up with clerks in mind, and so keeps one rule above all others – a ledger program must add up amounts in the same way as the careful clerk who adds them up by hand on paper.” – excerpt from the open ledger arithmetic standard.
- Amounts of money can be stored exactly.  By contrast, amounts like 0.10 and 0.20 have no
exact form in binary floating point.
- The exactness carries through every sum.  With tally amounts, 0.10 + 0.10 + 0.10 - 0.30
comes out as exactly zero.  With binary floats, the result is 5.551115123125783e-17.
- The tally module was built to support “on an equal footing, both exact unrounded amounts (often known as fixed-point amounts) and amounts rounded to a set number of places.” – excerpt from the open ledger arithmetic standard.
The module is organised around three ideas: the amount, the rounding context for
arithmetic, and warnings.
"""


def test_the_source_named_after_two_quotations_stays(analyzer):
    pasted = "Amounts of money can be stored exactly, which binary floating point values cannot do."
    page = QUOTED_SOURCES + f"\n{pasted}\n"
    result = clean(page + f"\n{pasted}\n", format="text", analyzer=analyzer)
    assert result.text.rstrip() == page.rstrip()


def test_the_title_entry_doubled_on_the_next_line_of_a_tight_list_still_goes(analyzer):
    doubled = SIDEBAR_PAGE.replace(
        "- rota — The duty roster database\n\n- rota — The duty roster database\n\nThis module",
        "- rota — The duty roster database\n- rota — The duty roster database\n\nThis module",
    )
    result = clean(doubled, format="markdown", analyzer=analyzer)
    assert result.text.count("- rota — The duty roster database") == 3


def test_a_section_entry_doubled_below_itself_in_a_loose_list_still_goes(analyzer):
    doubled = SIDEBAR_PAGE.replace(
        "- rota — The duty roster database\n\nThis module",
        "- Roster database entries and their fields\n\n- Roster database entries and their fields\n\nThis module",
    ).replace(
        "Roster database entries are returned", "## Roster database entries and their fields\n\nEntries are returned"
    )
    result = clean(doubled, format="markdown", analyzer=analyzer)
    assert result.text.count("- Roster database entries and their fields") == 1
    assert result.text.count("- rota — The duty roster database") == 3


# Our own writing, laid out as a manual page lays out commands: each term on its own line, its
# description hanging below it, indented deeper; the tool is invented.
HANGING_COMMANDS = """\
NAME
    tidewatch - follow a gauge's readings from the command line

COMMANDS
    Commands are typed at the prompt and act on the gauge that is open.

    mark [reading]
                Mark a reading so that later reports start from it. Marks are
                kept when the gauge is closed and can be cleared with the
                "unmark" command.

    mark [gauge]:[reading]
                Mark a reading so that later reports start from it. Marks are
                kept when the gauge is closed and can be cleared with the
                "unmark" command.

                This is done for a reading of another gauge.

    unmark [reading]
                Clear the mark so that later reports start from the first
                reading again.

    unmark [gauge]:[reading]
                Clear the mark so that later reports start from the first
                reading again.

                This is done for a reading of another gauge.

    follow gauge
                Open a gauge and print each new reading as it arrives.

    Debugger Style Layout
      These sections are laid out the same way in every manual.
"""


def test_the_same_description_under_two_hanging_commands_stays(analyzer):
    result = clean(HANGING_COMMANDS, format="text", analyzer=analyzer)
    assert result.edits == () and result.text == HANGING_COMMANDS


def test_hanging_terms_are_entry_heads_and_headings_or_code_are_not():
    page = HANGING_COMMANDS + "\n    if (level > 3)\n            ...\n"
    lines = [page[h.start :].split("\n", 1)[0].strip() for h in EntryHeads(page).heads]
    assert lines == [
        "mark [reading]",
        "mark [gauge]:[reading]",
        "unmark [reading]",
        "unmark [gauge]:[reading]",
        "follow gauge",
    ]


def test_the_introduction_pasted_under_a_hanging_command_still_goes(analyzer):
    intro = "Commands are typed at the prompt and act on the gauge that is open."
    spam = HANGING_COMMANDS.replace(
        "print each new reading as it arrives.", f"print each new reading as it arrives.\n\n                {intro}"
    )
    result = clean(spam, format="text", analyzer=analyzer)
    assert intro not in result.text[result.text.index("follow gauge") :]


# Our own writing, shaped like a Sphinx reference rendered as text with its lines joined anywhere:
# the notes "Cells past ..." and "Rows of ..." end a line under ``Reader.load`` but go on mid-line
# under ``lattice.load``; the library is invented.
JOINED_ENTRIES = """\
lattice.io — Reading and writing grids
- lattice.load(file, *, strict=True)¶
- Read the stored grid from the open file object file and return the rebuilt grid of cells
described therein. The format of the file is detected automatically, so no format argument is needed. Cells past the last row of the grid are ignored. Rows of unequal length are padded with empty cells. Arguments file and strict
have the same meaning as in the Reader constructor.
- lattice.loads(data, *, strict=True)¶
- Return the rebuilt grid of cells described by the bytes object data.
- lattice.dump(grid, file)¶
- Write the grid to the open file object file, one row of cells per line.
- lattice.dumps(grid)¶
- Return the grid as a bytes object instead of writing it to a file.
- class lattice.Reader(file, *, strict=True)¶
- This takes a binary file for reading a stored grid.
  - load()¶
  - Read the stored grid from the open file object given in the constructor, and return the rebuilt grid of cells described therein. Cells past the last row of the grid are ignored. Rows of unequal length are padded with empty cells.
  - close()¶
  - Close the file object given in the constructor.
"""


def test_a_note_ending_its_line_in_one_like_entry_only_stays(analyzer):
    result = clean(JOINED_ENTRIES, format="text", analyzer=analyzer)
    assert result.edits == () and result.text == JOINED_ENTRIES


def test_notes_pasted_beside_other_words_in_joined_text_still_go(analyzer):
    rows = "Rows of unequal length are padded with empty cells."
    detected = "The format of the file is detected automatically, so no format argument is needed."
    page = JOINED_ENTRIES.replace(f" {rows}\n  - close()", "\n  - close()")
    spam = page.replace("given in the constructor.", f"given in the constructor. {rows}")
    spam = spam.replace("instead of writing it to a file.", f"instead of writing it to a file. {detected}")
    result = clean(spam, format="text", analyzer=analyzer)
    assert result.text == page


# Our own writing, shaped like an AsciiDoc list of capabilities whose terms are quoted words; the
# tool and its harbour are invented.
QUOTED_TERMS = """\
Capabilities
~~~~~~~~~~~~

'unload'::
\tCan find the ships in port and move the crates standing
\ton their decks to the local yard. The helper must keep the
\tgate open until the last lorry leaves.
\tEach order is answered with a blank line once it is done.

'load'::
\tCan stack local crates and the pallets packed
\twith them onto new or waiting ships.

'weigh'::
\tCan read the cargo of each ship in port as a
\tplain weight sheet. The helper must keep the
\tgate open until the last lorry leaves.
\tEach order is answered with a blank line once it is done.

'seal'::
\tCan print a customs label for every crate
\tthat leaves the yard.

'moor'::
\tCan try to reach the harbour office that
\tassigns the berths.
"""


def test_notes_under_quoted_asciidoc_terms_stay(analyzer):
    lines = [QUOTED_TERMS[h.start :].split("\n", 1)[0] for h in EntryHeads(QUOTED_TERMS).heads]
    assert lines == ["'unload'::", "'load'::", "'weigh'::", "'seal'::", "'moor'::"]
    result = clean(QUOTED_TERMS, format="text", analyzer=analyzer)
    assert result.edits == () and result.text == QUOTED_TERMS
