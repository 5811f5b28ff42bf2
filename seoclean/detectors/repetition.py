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

Unlike datatrove, n-grams are tuples of integer word ids rather than joined strings: building and
hashing one string per position for nine values of ``n`` would cost most of our time budget, and
the duplicated-n-gram walk only needs to look at positions whose n-gram occurs more than once.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable, Mapping, Sequence
from itertools import accumulate

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
    return _top_chars(n_grams, Counter(n_grams), _prefix_sums(word_lengths), n)


def find_all_duplicate(n_grams: Sequence[tuple], word_lengths: Sequence[int], n: int) -> int:
    """Characters in n-grams that repeat an earlier, non-overlapping n-gram (datatrove's walk).

    Walks left to right; a position whose n-gram was already seen counts its characters (words
    without spaces) and jumps ``n`` words ahead, otherwise the n-gram is remembered. Only n-grams
    occurring at least twice can ever count, so the walk visits just those positions.
    """
    counts = Counter(n_grams)
    repeated = [i for i, gram in enumerate(n_grams) if counts[gram] > 1]
    return _walk(n_grams, repeated, _prefix_sums(word_lengths), n)


def ngram_repetition_chars(ids: Sequence[int], word_lengths: Sequence[int]) -> dict[str, int]:
    """Characters behind the Gopher n-gram measures, keyed ``top_{n}gram`` and ``dup_{n}gram``.

    Same numbers as ``find_top_duplicate``/``find_all_duplicate`` for every n, computed faster: an
    n-gram can only repeat where its (n-1)-gram prefix repeats, so for n >= 5 only the positions
    still repeated at n-1 are re-keyed; in ordinary prose that set shrinks to almost nothing.
    """
    result: dict[str, int] = {}
    prefix = _prefix_sums(word_lengths)
    candidates: list[int] = []
    for n, grams in _gram_keys(ids, TOP_NGRAM_SIZES):
        counts = Counter(grams)
        result[f"top_{n}gram"] = _top_chars(grams, counts, prefix, n)
    # Repeated 4-grams seed the longer sizes (TOP_NGRAM_SIZES ends at 4, DUPLICATE_NGRAM_SIZES starts at 5).
    candidates = [i for i, gram in enumerate(grams) if counts[gram] > 1] if ids else []
    for n in DUPLICATE_NGRAM_SIZES:
        keyed = {i: tuple(ids[i : i + n]) for i in candidates if i + n <= len(ids)}
        counts = Counter(keyed.values())
        candidates = [i for i, gram in keyed.items() if counts[gram] > 1]
        result[f"dup_{n}gram"] = _walk(keyed, candidates, prefix, n)
    return result


def _gram_keys(ids: Sequence[int], sizes: Sequence[int]) -> Iterable[tuple[int, list[int]]]:
    """The n-grams of ``ids`` for each n in ``sizes`` (ascending), each as one int
    (``ids[i] * V**(n-1) + ... + ids[i+n-1]``, V the vocabulary size): the same identity as the
    tuple, with cheaper hashing, and each size built from the one before."""
    size_of_vocabulary = max(ids, default=0) + 1
    keys, n = list(ids), 1
    for size in sizes:
        while n < size:
            keys = [key * size_of_vocabulary + ids[i + n] for i, key in enumerate(keys[: len(ids) - n])]
            n += 1
        yield size, keys


def _prefix_sums(word_lengths: Sequence[int]) -> list[int]:
    return [0, *accumulate(word_lengths)]


def _top_chars(grams: Sequence[tuple], counts: Counter, prefix: list[int], n: int) -> int:
    if not grams:
        return 0
    gram, count = counts.most_common(1)[0]
    if count < 2:
        return 0
    i = grams.index(gram)
    return (prefix[i + n] - prefix[i] + n - 1) * count  # the words plus the spaces between them


def _walk(grams: Mapping[int, tuple] | Sequence[tuple], positions: list[int], prefix: list[int], n: int) -> int:
    """datatrove's duplicated n-gram walk over ``positions`` (ascending), the only ones that can count."""
    seen: set[tuple] = set()
    repeated_chars = 0
    next_free = 0  # positions before it were swallowed by the last counted duplicate
    for i in positions:
        if i < next_free:
            continue
        gram = grams[i]
        if gram in seen:
            repeated_chars += prefix[i + n] - prefix[i]
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
    ngram_chars = ngram_repetition_chars(ids or word_ids(words), [len(w) for w in words])
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
