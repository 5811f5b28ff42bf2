"""Gopher repetition measures as pure helpers, shared by the stuffing and duplication detectors.

The definitions follow Rae et al. 2021 ("Scaling Language Models: Methods, Analysis & Insights from
Training Gopher"), Table A1, as implemented by datatrove's ``gopher_repetition_filter``. The
paper's thresholds, quoted for reference (a document above any of them was dropped from MassiveWeb):

    duplicate line fraction                 0.30
    duplicate paragraph fraction            0.30
    duplicate line character fraction       0.20
    duplicate paragraph character fraction  0.20
    top 2-gram character fraction           0.20
    top 3-gram character fraction           0.18
    top 4-gram character fraction           0.16
    duplicate 5..10-gram character fraction 0.15, 0.14, 0.13, 0.12, 0.11, 0.10

Unlike datatrove, an n-gram is keyed by one small integer, its class (equal n-grams, equal classes),
rather than a joined string: building and hashing one string per position for nine values of ``n``
would cost most of our time budget. Classes are built with numpy, each size from the one before,
and only where an n-gram can still occur more than once (the only n-grams either measure counts).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Sequence
from itertools import accumulate

import numpy as np

TOP_NGRAM_SIZES = (2, 3, 4)
DUPLICATE_NGRAM_SIZES = (5, 6, 7, 8, 9, 10)


def word_ids(words: Sequence[str]) -> list[int]:
    """Map each word to a small integer, equal words to equal integers (cheap n-gram keys)."""
    ids: dict[str, int] = {}
    return [ids.setdefault(word, len(ids)) for word in words]


def get_n_grams(tokens: Sequence[Hashable], n: int) -> list[tuple]:
    """Every run of ``n`` consecutive tokens, in order."""
    if n <= 0 or len(tokens) < n:
        return []
    return list(zip(*(tokens[i:] for i in range(n))))


def find_duplicates(items: Sequence[str]) -> tuple[int, int]:
    """(number of items that repeat an earlier item, their total characters)."""
    seen: set[str] = set()
    duplicate_items = duplicate_chars = 0
    for item in items:
        if item in seen:
            duplicate_items += 1
            duplicate_chars += len(item)
        else:
            seen.add(item)
    return duplicate_items, duplicate_chars


def find_top_duplicate(n_grams: Sequence[tuple], word_lengths: Sequence[int], n: int) -> int:
    """Characters covered by all occurrences of the most frequent n-gram (words joined by spaces).

    Returns 0 when no n-gram occurs twice: the measure is about repetition, and a single
    occurrence of the "top" n-gram is noise.
    """
    if not n_grams:
        return 0
    gram, count = Counter(n_grams).most_common(1)[0]  # the first seen among the most frequent
    if count < 2:
        return 0
    i = n_grams.index(gram)
    return (_span_chars(_prefix_sums(word_lengths), i, n) + n - 1) * count  # the words plus the spaces between them


def find_all_duplicate(n_grams: Sequence[tuple], word_lengths: Sequence[int], n: int) -> int:
    """Characters in n-grams that repeat an earlier, non-overlapping n-gram (datatrove's walk).

    Walks left to right; a position whose n-gram was already seen counts its characters (words
    without spaces) and jumps ``n`` words ahead, otherwise the n-gram is remembered. Only n-grams
    occurring at least twice can ever count, so the walk visits just those positions.
    """
    counts = Counter(n_grams)
    repeated = [i for i, gram in enumerate(n_grams) if counts[gram] > 1]
    return _walk(repeated, [n_grams[i] for i in repeated], _prefix_sums(word_lengths), n)


def ngram_repetition_chars(ids: Sequence[int], word_lengths: Sequence[int]) -> dict[str, int]:
    """Characters behind the Gopher n-gram measures, keyed ``top_{n}gram`` and ``dup_{n}gram``;
    ``ids`` as from ``word_ids``.

    Same numbers as ``find_top_duplicate``/``find_all_duplicate`` for every n, computed faster: an
    n-gram can only repeat where its (n-1)-gram prefix repeats, so each size only re-keys the
    positions still repeated at the size before (in ordinary prose that set shrinks to almost
    nothing), and each n-gram is keyed by one small integer, its class, with numpy.
    """
    result: dict[str, int] = {}
    prefix = _prefix_sums(word_lengths)
    tokens = np.asarray(ids, dtype=np.int64)
    positions, classes = np.arange(len(tokens)), tokens  # the 1-grams: words
    for n in range(2, DUPLICATE_NGRAM_SIZES[-1] + 1):
        # Neither measure changes without the n-grams that occur once (see the two helpers).
        repeated = (np.bincount(classes)[classes] > 1) & (positions + n <= len(tokens))
        positions = positions[repeated]
        classes = next_gram_classes(tokens, positions, classes[repeated], n)
        counts = np.bincount(classes)
        if n in TOP_NGRAM_SIZES:
            result[f"top_{n}gram"] = _top_chars(positions, classes, counts, prefix, n)
        if n in DUPLICATE_NGRAM_SIZES:
            twice = counts[classes] > 1
            result[f"dup_{n}gram"] = _walk(positions[twice].tolist(), classes[twice].tolist(), prefix, n)
    return result


def next_gram_classes(tokens: np.ndarray, positions: np.ndarray, classes: np.ndarray, n: int) -> np.ndarray:
    """Classes of the n-grams starting at ``positions`` (equal n-grams, equal small integers), from
    ``classes``, those of the (n-1)-grams there: an (n-1)-gram class and the next token make the key."""
    if not len(positions):
        return positions
    # Word ids and classes are below len(tokens), so keys stay below len(tokens) ** 2: no overflow.
    keys = classes * (int(tokens.max()) + 1) + tokens[positions + n - 1]
    return np.unique(keys, return_inverse=True)[1]


def _prefix_sums(word_lengths: Sequence[int]) -> list[int]:
    return [0, *accumulate(word_lengths)]


def _span_chars(prefix: list[int], i: int, n: int) -> int:
    return prefix[i + n] - prefix[i]


def _top_chars(positions: np.ndarray, classes: np.ndarray, counts: np.ndarray, prefix: list[int], n: int) -> int:
    """``find_top_duplicate`` from the n-gram classes at ``positions`` (ascending); n-grams seen
    once may be missing, they never count."""
    count = int(counts.max()) if len(counts) else 0
    if count < 2:
        return 0
    i = int(positions[counts[classes] == count][0])  # Counter.most_common(1): the first seen of the most frequent
    return (_span_chars(prefix, i, n) + n - 1) * count  # the words plus the spaces between them


def _walk(positions: Sequence[int], grams: Sequence[Hashable], prefix: list[int], n: int) -> int:
    """datatrove's duplicated n-gram walk over ``positions`` (ascending, with their n-grams), the
    only ones that can count."""
    seen: set[Hashable] = set()
    repeated_chars = 0
    next_free = 0  # positions before it were swallowed by the last counted duplicate
    for i, gram in zip(positions, grams):
        if i < next_free:
            continue
        if gram in seen:
            repeated_chars += _span_chars(prefix, i, n)
            next_free = i + n
        else:
            seen.add(gram)
    return repeated_chars


def gopher_measures(
    paragraphs: Sequence[str], lines: Sequence[str], words: Sequence[str], total_chars: int, ids: Sequence[int] = ()
) -> dict[str, float]:
    """Gopher Table A1 repetition measures of one document, as fractions in [0, 1].

    ``ids`` are ``word_ids(words)`` when the caller already has them.
    """
    chars = max(total_chars, 1)
    dup_paras, dup_para_chars = find_duplicates(paragraphs)
    dup_lines, dup_line_chars = find_duplicates(lines)
    measures = {
        "dup_para_frac": dup_paras / max(len(paragraphs), 1),
        "dup_para_char_frac": dup_para_chars / chars,
        "dup_line_frac": dup_lines / max(len(lines), 1),
        "dup_line_char_frac": dup_line_chars / chars,
    }
    ngram_chars = ngram_repetition_chars(ids or word_ids(words), list(map(len, words)))
    for n in TOP_NGRAM_SIZES:
        measures[f"top_{n}gram_char_frac"] = ngram_chars[f"top_{n}gram"] / chars
    for n in DUPLICATE_NGRAM_SIZES:
        measures[f"dup_{n}gram_char_frac"] = ngram_chars[f"dup_{n}gram"] / chars
    return measures


GOPHER_MEASURE_NAMES = (
    "dup_line_frac",
    "dup_para_frac",
    "dup_line_char_frac",
    "dup_para_char_frac",
    *(f"top_{n}gram_char_frac" for n in TOP_NGRAM_SIZES),
    *(f"dup_{n}gram_char_frac" for n in DUPLICATE_NGRAM_SIZES),
)
