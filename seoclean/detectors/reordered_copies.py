"""Paragraphs pasted again with their sentences reordered (SEO404, for ``DuplicationDetector``).

A spinner hides a pasted paragraph from shingle comparison by swapping its sentences, dropping
one, and rewording a few words: the word-3-gram Jaccard similarity of such a copy with its
original falls well under the near-duplicate threshold, although each of its sentences is still
its original's sentence, in the same words and the same order inside the sentence.

Honest text repeats a paragraph's mould, never its sentences in another order: a reference page
describes sibling entries sentence by sentence alike ("The numeric constant for the LZMA
compression method. This requires the lzma module." / "... BZIP2 ... bz2 module."), always in
the mould's order. So a paragraph is a reordered copy of an earlier one when each of its
sentences (two at least) matches its own sentence of the other, word for word but for a few
(``SENTENCE_MIN_RATIO``), the matched sentences cover most of the longer paragraph
(``MIN_COVERAGE``: one of three sentences may be dropped), and their order differs.
On the clean train and dev rows no pair of paragraphs passes; half of the dev split's near-copies
that shingles miss do.

A copy may also keep the order and drop a sentence or two, which breaks the shingles of a short
paragraph as much as a reordering does. The mould's sibling paragraphs say the mould's sentences
with other names in them; a shortened copy says its original's sentences word for word. So a
paragraph with fewer sentences than the other is a shortened copy when it says each of them word
for word, in the same order. Sibling entries that share all but their names ("This command cuts
the selected part ..." / "This command copies the selected part ...") are not: a name changed in
one sentence is the mould's, and a spinner's rewording is left to the shingles.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from seoclean.document import WORD_RE

SENTENCE_MIN_RATIO = 0.8  # word-sequence similarity (difflib ratio) of two sentences said alike
SENTENCE_MAX_LENGTH_GAP = 0.4  # ... whose lengths differ by at most this share of the longer
MIN_COVERAGE = 0.6  # share of the longer paragraph's words in matched sentences
MIN_SHARED_SHINGLES = 0.25  # share of a paragraph's word-3-grams found in the other (a cheap first test)
MIN_LENGTH_RATIO = 0.5  # shorter paragraph's words / longer's: a dropped sentence, not half a page
_SENTENCE_BREAK_RE = re.compile(r"(?<=[.!?…])[\"'”’)\]]*\s+(?=[\"'“‘(\[]*[A-Z0-9])")

Sentences = tuple[tuple[str, ...], ...]


def reordered_copies(
    texts: list[str],
    words: list[tuple[str, ...]],
    shingles: list[frozenset],
    shared: set,
    skip: frozenset[int] = frozenset(),
) -> list[tuple[int, int, float, str]]:
    """(index, index of the earlier text it copies, share of the longer text covered, "reordered"
    or "shortened") for every text whose sentences are an earlier text's sentences in another
    order, or some of them in the same order (``shortened_coverage``). ``words`` and
    ``shingles`` are the texts' lowercase words and word-shingle sets, ``shared`` the shingles
    found in more than one text (``shared_items``); texts in ``skip`` (already
    reported) are not reported again but still serve as originals. Only texts sharing
    ``MIN_SHARED_SHINGLES`` of their shingles with some other text are compared at all: a copy
    keeps its sentences' shingles, and ordinary prose shares almost none."""
    hopeful = [
        k
        for k, own in enumerate(shingles)
        if own and len(own & shared) >= MIN_SHARED_SHINGLES * len(own) and _SENTENCE_BREAK_RE.search(texts[k])
    ]
    split: dict[int, Sentences] = {}
    found = []
    for index, k in enumerate(hopeful):
        if k in skip:
            continue
        for first in hopeful[:index]:
            if words[first] == words[k] or not _may_match(words[k], words[first], shingles[k], shingles[first]):
                continue
            mine = split.setdefault(k, sentences(texts[k]))
            theirs = split.setdefault(first, sentences(texts[first]))
            coverage, how = reordered_coverage(mine, theirs), "reordered"
            if coverage is None:
                coverage, how = shortened_coverage(mine, theirs), "shortened"
            if coverage is not None:
                found.append((k, first, coverage, how))
                break
    return found


def sentences(text: str) -> Sentences:
    """The lowercase words of each sentence of ``text``."""
    parts = (tuple(m.group().lower() for m in WORD_RE.finditer(part)) for part in _SENTENCE_BREAK_RE.split(text))
    return tuple(part for part in parts if part)


def reordered_coverage(mine: Sentences, theirs: Sentences) -> float | None:
    """The share of the longer text's words in sentences matched one to one, when every sentence
    of the text with fewer (two at least) matches, the match covers ``MIN_COVERAGE`` and the
    order of the matched sentences differs; None otherwise."""
    fewer, more = (mine, theirs) if len(mine) <= len(theirs) else (theirs, mine)
    if len(fewer) < 2:
        return None
    matched = _match_sentences(fewer, more)
    if matched is None or matched == sorted(matched):
        return None  # a sentence unmatched, or the order kept: a paragraph of the same mould
    coverage = sum(len(more[j]) for j in matched) / sum(len(s) for s in more)
    return coverage if coverage >= MIN_COVERAGE else None


def shortened_coverage(mine: Sentences, theirs: Sentences) -> float | None:
    """The share of the longer text's words in the sentences of the text with fewer (two at
    least), when that text says each of them word for word as the other does, in the same order,
    and they cover ``MIN_COVERAGE``; None otherwise."""
    fewer, more = (mine, theirs) if len(mine) <= len(theirs) else (theirs, mine)
    if not 2 <= len(fewer) < len(more):
        return None
    matched = _match_sentences(fewer, more)
    if matched is None or matched != sorted(matched) or any(s != more[j] for s, j in zip(fewer, matched)):
        return None
    coverage = sum(len(more[j]) for j in matched) / sum(len(s) for s in more)
    return coverage if coverage >= MIN_COVERAGE else None


def _may_match(a: tuple[str, ...], b: tuple[str, ...], shingles_a: frozenset, shingles_b: frozenset) -> bool:
    if min(len(a), len(b)) < MIN_LENGTH_RATIO * max(len(a), len(b)):
        return False
    return len(shingles_a & shingles_b) >= MIN_SHARED_SHINGLES * min(len(shingles_a), len(shingles_b))


def _match_sentences(fewer: Sentences, more: Sentences) -> list[int] | None:
    """For each sentence of ``fewer``, the index of the most alike unused sentence of ``more``;
    None when one has no match."""
    used: list[int] = []
    for sentence in fewer:
        best, best_ratio = -1, SENTENCE_MIN_RATIO
        for j, other in enumerate(more):
            if j in used or abs(len(sentence) - len(other)) > SENTENCE_MAX_LENGTH_GAP * max(len(sentence), len(other)):
                continue
            ratio = SequenceMatcher(None, sentence, other, autojunk=False).ratio()
            if ratio >= best_ratio:
                best, best_ratio = j, ratio
        if best < 0:
            return None
        used.append(best)
    return used


__all__ = ["reordered_copies", "reordered_coverage", "sentences", "shortened_coverage"]
