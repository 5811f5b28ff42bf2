"""Where a spinner may have put a substitute: the slots ``substitutions`` scores.

A slot is an open word (content, letters only, not a name; or a stray capital mid-sentence,
``spin_surface.stray_capitals``: spinners put in capitalised entries) with a single-word thesaurus synonym,
or a run of 2..MAX_PHRASE_WORDS joined words that is a multi-word thesaurus entry standing for a
single word ("money box" -> "bank", "sum of money" -> "gain"). Inner words of a phrase may be
function words; its first and last may not. Overlapping slots are all kept: the weights decide.
Stop words are not slots, although their synonyms may be the original ("really" for "truly"):
on the dataset's dev split four in seven such findings were wrong, and every slot costs time.

Every open word is looked at, so single words are gathered with list comprehensions and numpy;
phrases, rarer, with a plain loop.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import numpy as np

from seoclean.detectors.spin_context import NO_ID, SpinContext
from seoclean.detectors.spin_surface import stray_capitals
from seoclean.detectors.substitute_tables import SubstituteTable

MAX_PHRASE_WORDS = 3
SEEN_FLOOR = 2.0  # as in ``substitutions``: unseen pairs are capped there and discounted
UNSEEN_DISCOUNT = -0.5


@dataclass(slots=True)
class SlotSpans:
    """Slots as arrays: word span, row in the substitute table, Zipf of the observed word or
    phrase, its other occurrences in the document, and whether a joined, known, plain word stands
    on each side."""

    first: np.ndarray
    last: np.ndarray
    rows: np.ndarray
    own_zipf: np.ndarray
    own_repeats: np.ndarray
    support: np.ndarray  # phrases: fewest other occurrences of any of its content words, else 0
    has_left: np.ndarray
    has_right: np.ndarray


def slot_spans(ctx: SpinContext, table: SubstituteTable, ids: np.ndarray, counts: np.ndarray) -> SlotSpans:
    """The document's slots, with their rows in the substitute ``table``; ``ids`` are the words'
    vocabulary ids, ``counts`` the document's count of each id."""
    low, n = ctx.low, ctx.word_count
    usable = (ids != NO_ID) & ctx.array("plain")
    candidates = np.flatnonzero(usable & (ctx.array("open") | stray_capitals(ctx)))
    found = table.word_rows(ctx, candidates)
    first, rows = candidates[found >= 0], found[found >= 0]
    own_zipf = ctx.array("zipf")[first]
    own_repeats = counts[ids[first]] - 1
    support = np.zeros(len(first), dtype=np.int64)
    last = first
    phrases = [(i, j, " ".join(low[i : j + 1])) for i, j in _phrases(ctx, usable)]
    phrases = [(i, j, text, row) for i, j, text in phrases if (row := table.row(ctx, text)) >= 0]
    if phrases:
        repeats = _phrase_counts(ctx, phrases)
        first = np.concatenate([first, [i for i, _, _, _ in phrases]]).astype(np.int64)
        last = np.concatenate([last, [j for _, j, _, _ in phrases]]).astype(np.int64)
        rows = np.concatenate([rows, [row for _, _, _, row in phrases]]).astype(np.int64)
        own_zipf = np.concatenate([own_zipf, [_phrase_zipf(ctx, i, j) for i, j, _, _ in phrases]])
        own_repeats = np.concatenate([own_repeats, [repeats[text] - 1 for _, _, text, _ in phrases]])
        # Other occurrences of each word in the document (-1 outside the vocabulary).
        word_repeats = np.where(ids != NO_ID, counts[ids] - 1, -1).tolist()
        support = np.concatenate([support, [_support(ctx, word_repeats, i, j) for i, j, _, _ in phrases]])
    joined = np.append(ctx.array("joined"), False)
    usable_ext = np.append(usable, False)
    has_left = (first > 0) & joined[first] & usable_ext[first - 1]
    has_right = (last + 1 < n) & joined[last + 1] & usable_ext[last + 1]
    return SlotSpans(first, last, rows, own_zipf, own_repeats, support, has_left, has_right)


def _phrases(ctx: SpinContext, usable: np.ndarray):
    """(first, last) of runs that may be a multi-word thesaurus entry, by the cheap prefix test:
    every entry's first two words are in ``starts_phrase`` (``SpinContext.phrase_openings``)."""
    joined, n = ctx.joined, ctx.word_count
    content, name_like, openings = ctx.content, ctx.name_like, ctx.phrase_openings
    if not len(openings):
        return
    open_, named = ctx.array("open"), ctx.array("name_like")
    # The second word of an opening is joined to the first: the rest of the test, for all at once.
    chosen = open_[openings] & usable[openings] & usable[openings + 1] & ~named[openings + 1]
    for i in openings[chosen].tolist():
        for j in range(i + 1, min(i + MAX_PHRASE_WORDS, n)):
            if j > i + 1 and not (joined[j] and usable[j] and not name_like[j]):
                break
            if content[j]:
                yield i, j


def _support(ctx: SpinContext, word_repeats: list[int], i: int, j: int) -> int:
    """How well the document backs a phrase's words: a writer's compound ("tree stump") reuses
    words of its topic, a spinner's sense-blind entry ("variable star" in a savings page) brings
    a word the page never uses again."""
    return min(word_repeats[k] for k in range(i, j + 1) if ctx.content[k])


def _phrase_counts(ctx: SpinContext, phrases: list) -> Counter:
    """How often each phrase's words occur in a row in the document."""
    wanted = {tuple(text.split()) for _, _, text, _ in phrases}
    # Where a phrase's first word (a vocabulary word) occurs, found by id for all words at once.
    starts = np.isin(ctx.id_array, [ctx.ids[i] for i, _, _, _ in phrases])
    low, found = ctx.low, Counter()
    for k in np.flatnonzero(starts).tolist():
        for words in wanted:
            if words[0] == low[k] and tuple(low[k : k + len(words)]) == words:
                found[" ".join(words)] += 1
    return found


def _phrase_zipf(ctx: SpinContext, i: int, j: int) -> float:
    """A Zipf-like frequency for a phrase: its first word's, then each further word's conditional
    probability given the one before (a bigram chain); unseen pairs are capped and discounted."""
    zipf = ctx.zipf[i]
    for k in range(i + 1, j + 1):
        pair = ctx.pair[k]
        if pair <= 0:
            pair = min(ctx.zipf[k - 1] + ctx.zipf[k] - 9, SEEN_FLOOR) + UNSEEN_DISCOUNT
        zipf += pair - ctx.zipf[k - 1]
    return zipf
