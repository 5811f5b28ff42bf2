"""Two lines of one mould: sibling entries of a page worded alike, each naming what the other does
not (for ``RepeatContext``, which takes such lines next to a repeat and next to its original as
the sign of a page's parallel entries)."""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from seoclean.document import WORD_RE

ALIKE_MIN_WORDS = 5  # lines this long worded alike are parallel ("Step 2" / "Step 5" are not evidence)
ALIKE_MIN_RATIO = 0.7  # word-sequence similarity (difflib ratio) of two lines worded alike
ALIKE_OPENING_WORDS = 2  # ... which open alike ("Create a Parser instance" / "Create a BytesParser instance")
ENTRY_MIN_WORDS = 3  # an entry's opening (a signature) is this long
ENTRY_MIN_RATIO = 0.6  # ... and worded this alike (difflib ratio): two signatures differ in their names
_SENTENCE_INSIDE_RE = re.compile(r"[.!?…][\"'”’)\]]*\s+\S")
# a caption's or a heading's number ("Example 3.2. ...", "4.1. ...") ends no sentence
_NUMBER_LABEL_RE = re.compile(r"^[\W_]*(?:[A-Z]\w*\s+)?\d+(?:\.\d+)*\.\s+")
# a note: a short label and a colon open it ("Note: ...", "Changed in version 3.10: ...")
NOTE_RE = re.compile(r"^[\W_]*[A-Z][\w.]*(?: [\w.]+){0,3}:\s")


def alike(my_line: str, their_line: str, mine: tuple[str, ...], theirs: tuple[str, ...]) -> bool:
    """Two sentences of the same mould: "... passed directly to loop.create_server()" and "... to
    loop.create_connection()", "When printing NameError ..." and "When printing AttributeError ...":
    opening alike, worded alike, each naming something the other does not. A paragraph of
    several sentences next to a copy that reads like its original's neighbour is a reworded copy
    pasted along with it, and a sentence whose words the other line holds is a copy of its part.
    Entries of a list of named settings are compared after their names ("- Logo: Use the Browse
    button to pick the logo." and "- Banner: Use the Browse button to pick the banner.")."""
    names = [NOTE_RE.match(line) for line in (my_line, their_line)]
    if names[0] and names[1] and names[0].group() != names[1].group():
        my_line, their_line = my_line[names[0].end() :], their_line[names[1].end() :]
        mine, theirs = (tuple(w.lower() for w in WORD_RE.findall(line)) for line in (my_line, their_line))
    return _one_mould(
        my_line, their_line, mine, theirs, min_words=ALIKE_MIN_WORDS, opening=ALIKE_OPENING_WORDS, ratio=ALIKE_MIN_RATIO
    )


def entries_alike(my_line: str, their_line: str, mine: tuple[str, ...], theirs: tuple[str, ...]) -> bool:
    """Two openings of entries of one mould: "class email.parser.BytesFeedParser(_factory=None,
    *, policy=policy.compat32)" and "class email.parser.BytesParser(_class=None, *, policy=...)"
    open with the same word and differ in the names they document."""
    return _one_mould(my_line, their_line, mine, theirs, min_words=ENTRY_MIN_WORDS, opening=1, ratio=ENTRY_MIN_RATIO)


def _one_mould(
    my_line: str,
    their_line: str,
    mine: tuple[str, ...],
    theirs: tuple[str, ...],
    *,
    min_words: int,
    opening: int,
    ratio: float,
) -> bool:
    """Lines of one sentence each, at least ``min_words`` long, opening with the same ``opening``
    words, each holding a word the other lacks, and worded alike (difflib ratio >= ``ratio``)."""
    if min(len(mine), len(theirs)) < min_words or _numberless(mine[:opening]) != _numberless(theirs[:opening]):
        return False
    if any(_SENTENCE_INSIDE_RE.search(_NUMBER_LABEL_RE.sub("", line)) for line in (my_line, their_line)):
        return False
    if not (set(mine) - set(theirs) and set(theirs) - set(mine)):
        return False
    return SequenceMatcher(None, mine, theirs, autojunk=False).ratio() >= ratio


def _numberless(words: tuple[str, ...]) -> tuple[str, ...]:
    """Words with their numbers masked: "Example 3.1. Selling ..." and "Example 3.2. Selling ..." open alike."""
    return tuple("#" if word[:1].isdigit() else word for word in words)


__all__ = ["NOTE_RE", "alike", "entries_alike"]
