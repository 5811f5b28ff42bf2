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


def names_only(my_text: str, their_text: str, elsewhere: frozenset[str] | None = None) -> bool:
    """Two paragraphs of one mould that differ only in what they name: "... the scheduled
    transaction for the Tax payment." / "... for the Loan Repayment.", or the same description
    under two labels ("Cash: All accounts except ..." / "Asset: All accounts except ..."): each
    run of changed words holds a name on both sides. Names are capitalised inside a sentence, or
    figures; a spinner swaps ordinary words, and an opening put in front of a paste ("Remember:
    ...") stands before a paragraph that has none. With ``elsewhere`` (the lowercase words of the
    rest of the page), each side's names must also be said there: a manual names its entries
    elsewhere too, a doorway page's city swapped into a pasted paragraph ("Our plumbers in
    Leeds ...") is said nowhere else."""
    labels = [NOTE_RE.match(text) for text in (my_text, their_text)]
    relabelled = bool(labels[0] and labels[1] and labels[0].group().lower() != labels[1].group().lower())
    runs = [(_words_and_names(labels[0].group()), _words_and_names(labels[1].group()))] if relabelled else []
    if relabelled:
        my_text, their_text = my_text[labels[0].end() :], their_text[labels[1].end() :]
    mine, theirs = _words_and_names(my_text), _words_and_names(their_text)
    matcher = SequenceMatcher(None, [w for w, _ in mine], [w for w, _ in theirs], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        if tag != "replace" or not (any(n for _, n in mine[i1:i2]) and any(n for _, n in theirs[j1:j2])):
            return False  # each changed run names something on both sides
        runs.append((mine[i1:i2], theirs[j1:j2]))
    if elsewhere is not None and not all(_said(run, elsewhere) for pair in runs for run in pair):
        return False
    return bool(runs)


def _said(run: list[tuple[str, bool]], words: frozenset[str]) -> bool:
    return any(word in words for word, _ in run)


def restates(my_text: str, their_text: str) -> bool:
    """Whether one text is the other with words in front that run on into it as one clause ("As
    an example of adding the AMZN commodity ..." above the figure caption "Adding the AMZN
    commodity ..."): a sentence and the caption restating it. An opening put in front of a pasted
    paragraph is set off by a comma or a colon ("In short, ...", "Remember: ...")."""
    longer, shorter = sorted((my_text, their_text), key=len, reverse=True)
    words = list(WORD_RE.finditer(longer))
    size = len(WORD_RE.findall(shorter))
    if not 0 < size < len(words):
        return False
    rest = [m.group().lower() for m in words[-size:]]
    if rest != [w.lower() for w in WORD_RE.findall(shorter)]:
        return False
    return not longer[words[-size - 1].end() : words[-size].start()].strip()


def _words_and_names(text: str) -> list[tuple[str, bool]]:
    """The lowercase words of ``text``, each with whether it is a name: capitalised or a figure,
    and not the first word of a sentence."""
    found, previous_end = [], 0
    for match in WORD_RE.finditer(text):
        before = text[previous_end : match.start()].strip()
        opens_sentence = not found or (before != "" and before[-1] in ".!?:")
        word = match.group()
        found.append((word.lower(), (word[:1].isupper() or word[:1].isdigit()) and not opens_sentence))
        previous_end = match.end()
    return found


__all__ = ["NOTE_RE", "alike", "entries_alike", "names_only", "restates"]
