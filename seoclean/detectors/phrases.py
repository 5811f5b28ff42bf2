"""Repeated phrases of a document, found without being told what to look for.

A phrase is a run of 2-6 words (case-insensitive) inside one sentence that neither starts nor ends
with a stop word, a number or a one-letter token: the shape of a search keyphrase ("backlink
quality factors", "types of backlinks"), not of grammar ("of the", "it is a"). Discovery grows
phrases one word at a time from positions whose shorter phrase already repeats, so the cost stays
close to one pass over the words however long the document is.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import pairwise

import numpy as np

from seoclean.detectors.repetition import next_gram_classes
from seoclean.document import WORD_RE, Document, Word

MIN_PHRASE_WORDS = 2
MAX_PHRASE_WORDS = 6


@dataclass(frozen=True, slots=True)
class WordTable:
    """The words of the main content (``Block.in_main``) and per-word arrays read many times.

    Navigation, related links and footers of a web page repeat by design; they are the
    boilerplate detector's business, so phrase statistics only count the main content.
    """

    words: list[Word]
    lower: list[str]
    ids: list[int]
    sentence_start: list[int]  # first word of the sentence holding word i
    sentence_end: list[int]  # one past its last word
    heading_blocks: frozenset[int]  # indexes of the heading and title blocks
    blocks: list[int]  # the main-content prose blocks, in order

    @classmethod
    def from_document(cls, doc: Document) -> WordTable:
        blocks = [i for i in doc.prose_blocks if doc.blocks[i].in_main]
        words, new_index = _main_words(doc, set(blocks))
        lower = [w.lower for w in words]
        vocabulary = {word: i for i, word in enumerate(dict.fromkeys(lower))}  # numbered in order of first use
        ids = [vocabulary[w] for w in lower]
        starts = list(range(len(words)))
        ends = list(range(1, len(words) + 1))
        for sentence in doc.sentences:
            first = new_index(sentence.first_word)
            if first is None:
                continue  # a sentence outside the main content
            size = sentence.last_word - sentence.first_word
            starts[first : first + size] = [first] * size
            ends[first : first + size] = [first + size] * size
        heading_blocks = frozenset(i for i in blocks if doc.blocks[i].kind in ("heading", "title"))
        return cls(words, lower, ids, starts, ends, heading_blocks, blocks)

    def __len__(self) -> int:
        return len(self.lower)

    def in_heading(self, position: int) -> bool:
        return self.words[position].block in self.heading_blocks

    def span(self, position: int, size: int) -> tuple[int, int]:
        """Character offsets of ``size`` words starting at ``position``."""
        return self.words[position].start, self.words[position + size - 1].end


def _main_words(doc: Document, main_blocks: set[int]) -> tuple[list[Word], Callable[[int], int | None]]:
    """The words of ``main_blocks`` and a map from a document word index to its index among them."""
    if len(main_blocks) == len(doc.prose_blocks):
        return doc.words, lambda index: index
    kept: dict[int, int] = {}
    words: list[Word] = []
    for index, word in enumerate(doc.words):
        if word.block in main_blocks:
            kept[index] = len(words)
            words.append(word)
    return words, kept.get


@dataclass(frozen=True, slots=True)
class Phrase:
    """A repeated phrase and the first word of each of its non-overlapping occurrences."""

    words: tuple[str, ...]
    positions: tuple[int, ...]

    @property
    def text(self) -> str:
        return " ".join(self.words)

    @property
    def size(self) -> int:
        return len(self.words)

    @property
    def count(self) -> int:
        return len(self.positions)


def is_phrase_edge(word: str, stopwords: frozenset[str]) -> bool:
    """Can ``word`` start or end a keyphrase? Not a stop word, not a number, not a lone letter."""
    return len(word) > 1 and word not in stopwords and not word.replace(".", "").replace(",", "").isdigit()


def repeated_phrases(
    table: WordTable,
    stopwords: frozenset[str],
    *,
    min_count: int = 2,
    max_words: int = MAX_PHRASE_WORDS,
) -> list[Phrase]:
    """Every phrase of 2..``max_words`` words occurring at least ``min_count`` times, longest first."""
    tokens = np.asarray(table.ids, dtype=np.int64)
    ends = np.asarray(table.sentence_end, dtype=np.int64)
    # A repeated phrase starts with a word used at least min_count times.
    positions = np.flatnonzero(np.bincount(tokens)[tokens] >= min_count)
    classes = tokens[positions]  # of the phrase (so far of one word) starting at each position
    edges = None
    found: list[Phrase] = []
    for size in range(MIN_PHRASE_WORDS, max_words + 1):
        # Keep positions whose phrase of this size fits in its sentence and still repeats: the
        # phrases that repeat are among those whose shorter phrase repeated.
        fits = positions + size <= ends[positions]
        positions = positions[fits]
        classes = next_gram_classes(tokens, positions, classes[fits], size)
        repeats = np.bincount(classes)[classes] >= min_count
        positions, classes = positions[repeats], classes[repeats]
        if not len(positions):
            break
        if edges is None:  # a repeated phrase starts and ends with words of repeated pairs: judge only those
            edges = _phrase_edges(tokens, table.lower, stopwords, np.concatenate((positions, positions + 1)))
        found.extend(_phrases_at(table, positions, classes, size, edges, min_count))
    found.sort(key=lambda p: (-p.size, -p.count, p.positions[0]))
    return found


def _phrase_edges(tokens: np.ndarray, lower: list[str], stopwords: frozenset[str], places: np.ndarray) -> np.ndarray:
    """Per position, ``is_phrase_edge`` of its word, judged once for each word found at ``places``
    (False for the other words)."""
    ids, first = np.unique(tokens[places], return_index=True)
    by_id = np.zeros(int(tokens.max()) + 1, dtype=bool)
    by_id[ids] = [is_phrase_edge(lower[i], stopwords) for i in places[first].tolist()]
    return by_id[tokens]


def _phrases_at(
    table: WordTable,
    positions: np.ndarray,
    classes: np.ndarray,
    size: int,
    edges: np.ndarray,
    min_count: int,
) -> Iterable[Phrase]:
    """The phrases of ``size`` words at ``positions`` (ascending; equal ``classes``, equal phrases)."""
    # Occurrences of one phrase share their first and last words: the test drops whole phrases.
    edged = edges[positions] & edges[positions + size - 1]
    positions, classes = positions[edged], classes[edged]
    order = np.argsort(classes, kind="stable")  # phrase by phrase, occurrences still ascending
    starts = positions[order].tolist()
    bounds = [0, *(np.flatnonzero(np.diff(classes[order])) + 1).tolist(), len(starts)]
    lower = table.lower
    for begin, stop in pairwise(bounds):
        kept = non_overlapping(starts[begin:stop], size)
        if len(kept) >= min_count:
            first = kept[0]
            yield Phrase(tuple(lower[first : first + size]), tuple(kept))


def non_overlapping(starts: Iterable[int], size: int) -> list[int]:
    """Greedy left-to-right choice of occurrences that do not share words ("a b a b a")."""
    kept: list[int] = []
    for start in starts:
        if not kept or start >= kept[-1] + size:
            kept.append(start)
    return kept


# -- a keyphrase the user names --------------------------------------------------------------------
def light_stem(word: str) -> str:
    """Fold plural and possessive endings so "backlinks" matches "backlink" ("light inflection")."""
    word = word.removesuffix("'s").removesuffix("’s")
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def keyphrase_positions(table: WordTable, keyphrase: str) -> list[int]:
    """First-word positions of the keyphrase's occurrences, case- and plural-insensitive."""
    wanted = tuple(light_stem(m.group().lower()) for m in WORD_RE.finditer(keyphrase))
    if not wanted:
        return []
    size = len(wanted)
    stems = [light_stem(w) for w in table.lower]
    first = wanted[0]
    starts = [i for i, stem in enumerate(stems) if stem == first and tuple(stems[i : i + size]) == wanted]
    return non_overlapping(starts, size)
