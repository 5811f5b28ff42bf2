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


def test_a_note_closing_each_attribute_entry_stays(analyzer):
    result = clean(DOM_ATTRIBUTES, format="text", analyzer=analyzer)
    assert result.edits == () and result.text == DOM_ATTRIBUTES


def test_the_same_paragraphs_under_two_environment_variables_stay(analyzer):
    result = clean(GIT_VARIABLES, format="text", analyzer=analyzer)
    assert result.edits == () and result.text == GIT_VARIABLES


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
