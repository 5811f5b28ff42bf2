"""Short paragraphs pasted again with words swapped for synonyms (SEO404, for ``DuplicationDetector``).

A spinner rewords a pasted paragraph word by word ("Let us start with a very simple example" ->
"Let us commence with a extremely simple example"). In a paragraph of a dozen words, two swapped
words break half of its word-3-grams, so shingle similarity misses the copy although every other
word stands where it stood.

Honest text repeats a sentence's mould with other names in it ("The numeric constant for the LZMA
compression method." / "... the BZIP2 ..."), not with synonyms, and a writer who says a thing
twice varies a word or two either way ("the dir_fd argument" / "the dir_fd parameter"). So a
paragraph is a reworded copy of an earlier one when the two differ only by short swaps
(``MAX_SWAP_WORDS`` words for as many), at least ``MIN_SWAPS`` of them, one puts a synonym in a
word's place (the lexicon's thesaurus, the one the spin rules use), the words one side swapped in
are all rarer than the words they replaced (a spinner reaches for the rarer word), and most words
are unchanged (``MIN_KEPT``). On 502 real documentation pages as plain text none is found.
"""

from __future__ import annotations

from difflib import SequenceMatcher

from seoclean.detectors.copy_direction import all_rarer

MIN_KEPT = 0.7  # share of the longer paragraph's words left where they stood
MAX_SWAP_WORDS = 3  # a swap replaces at most this many words by at most this many
MIN_SHARED_SHINGLES = 0.2  # share of a paragraph's word-3-grams found elsewhere (a cheap first test)
MAX_LENGTH_GAP = 4  # words: swaps change a paragraph's length by a few words at most
MIN_SWAPS = 2  # a spinner swaps several words; a writer saying a thing twice may vary one
SPUN_RARER_BY = 0.3  # Zipf: the words a spinner swaps in are rarer than the ones they replace


def reworded_copies(
    words: list[tuple[str, ...]],
    shingles: list[frozenset],
    shared: set,
    skip: frozenset[int] = frozenset(),
) -> list[tuple[int, int, float]]:
    """(index, index of the earlier text it rewords, share of words kept) for every text that is an
    earlier one with words swapped for synonyms. ``shingles`` and ``shared`` as for
    ``near_duplicates``; texts in ``skip`` (already reported) are not reported again."""
    hopeful = [k for k, own in enumerate(shingles) if own and len(own & shared) >= MIN_SHARED_SHINGLES * len(own)]
    found = []
    for index, k in enumerate(hopeful):
        if k in skip:
            continue
        for first in hopeful[:index]:
            if words[first] == words[k] or abs(len(words[first]) - len(words[k])) > MAX_LENGTH_GAP:
                continue
            if len(shingles[k] & shingles[first]) < MIN_SHARED_SHINGLES * min(len(shingles[k]), len(shingles[first])):
                continue  # too few word-3-grams in common for a copy with a few words swapped
            kept = synonym_swaps(words[first], words[k])
            if kept is not None:
                found.append((k, first, kept))
                break
    return found


def synonym_swaps(earlier: tuple[str, ...], later: tuple[str, ...]) -> float | None:
    """The share of words kept when ``later`` is ``earlier`` with short swaps only, one of them a
    synonym for the word it replaces; None otherwise."""
    matcher = SequenceMatcher(None, earlier, later, autojunk=False)
    kept = sum(block.size for block in matcher.get_matching_blocks())
    if kept < MIN_KEPT * max(len(earlier), len(later)):
        return None
    swaps = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        if tag != "replace" or i2 - i1 > MAX_SWAP_WORDS or j2 - j1 > MAX_SWAP_WORDS:
            return None
        swaps.append((earlier[i1:i2], later[j1:j2]))
    if len(swaps) < MIN_SWAPS or not _spun(swaps, set(earlier), set(later)):
        return None
    return kept / max(len(earlier), len(later))


def _spun(swaps: list[tuple[tuple[str, ...], tuple[str, ...]]], earlier: set[str], later: set[str]) -> bool:
    """Whether the swaps read as a spinner's: one of them puts a synonym in a word's place, and the
    words one side swapped in are all rarer than those they replaced (``all_rarer``). A writer who
    says a thing twice varies a word or two either way ("argument" / "parameter")."""
    from seoclean.lexicon import get_lexicon  # loaded on first use: most pages have no such pair

    synonyms = get_lexicon().synonyms
    pairs = [(" ".join(old), " ".join(new)) for old, new in swaps]
    if not any(new in synonyms(old) or old in synonyms(new) for old, new in pairs):
        return False
    removed = {w for old, _ in swaps for w in old} - later
    added = {w for _, new in swaps for w in new} - earlier
    if not (removed and added):
        return False
    return all_rarer(added, removed, SPUN_RARER_BY) or all_rarer(removed, added, SPUN_RARER_BY)


__all__ = ["reworded_copies", "synonym_swaps"]
