"""Topic coherence: do the paragraphs talk about the same things? Measures only, no findings.

A scraped mash-up pastes passages from other articles between a host article's paragraphs. Each
paragraph of a real article shares some of its topical words (content words rarer than about 60
per million: "lentils", "mortgage", not "people", "make") with other paragraphs and with the
headings; a pasted passage shares few or none. Linking paragraphs that share at least two topical
words splits a mash-up into several topic islands, where a real article stays one.

No rule reports this (yet): a single off-topic paragraph is also how honest asides, sidebars and
quotes look, so the measures are left to the classifier, which weighs them with everything else.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from itertools import pairwise

from seoclean.detectors.base import Detector, DetectorResult
from seoclean.document import Document
from seoclean.lexicon import get_lexicon

TOPICAL_MAX_ZIPF = 4.8  # rarer than ~60 per million words
MIN_PARAGRAPH_WORDS = 20  # shorter blocks (list items, captions) say too little about their topic
MIN_SHARED = 2  # topical words two paragraphs must share to count as one topic
MIN_ISLAND_WORDS = 40
TOP_WORDS = 8
_BODY_KINDS = frozenset({"paragraph", "quote", "list_item"})
_HEADING_KINDS = frozenset({"heading", "title"})


class CoherenceDetector(Detector):
    """Measures (paragraphs are prose blocks of at least 20 words):

    - ``off_topic_word_frac``: share of paragraph words outside the largest topic island;
    - ``topic_islands``: islands of at least 40 words;
    - ``no_heading_word_frac``: share of paragraph words in paragraphs sharing no topical word
      with any heading or the title;
    - ``no_top_word_frac``: share of paragraphs without any of the document's 8 most frequent
      topical words;
    - ``disjoint_neighbour_frac``: share of adjacent paragraph pairs with no topical word in common.
    """

    name = "coherence"
    measure_names = (
        "off_topic_word_frac",
        "topic_islands",
        "no_heading_word_frac",
        "no_top_word_frac",
        "disjoint_neighbour_frac",
    )

    def detect(self, doc: Document) -> DetectorResult:
        paragraphs, headings = _topical_blocks(doc)
        if not paragraphs:
            return DetectorResult(measures=dict.fromkeys(self.measure_names, 0.0))
        sizes = [size for size, _ in paragraphs]
        topics = [words for _, words in paragraphs]
        total = sum(sizes)
        island_sizes = _island_sizes(topics, sizes)
        heading_words = set().union(*headings) if headings else set()
        counts = Counter(w for words in topics for w in words)
        # Ties broken by the word itself: sets iterate in hash order, which changes between runs.
        top = set(sorted(counts, key=lambda word: (-counts[word], word))[:TOP_WORDS])
        pairs = list(pairwise(topics))
        return DetectorResult(
            measures={
                "off_topic_word_frac": 1 - max(island_sizes) / total,
                "topic_islands": float(sum(size >= MIN_ISLAND_WORDS for size in island_sizes)),
                "no_heading_word_frac": (
                    sum(size for size, words in paragraphs if not words & heading_words) / total
                    if heading_words
                    else 0.0
                ),
                "no_top_word_frac": sum(not words & top for words in topics) / len(topics),
                "disjoint_neighbour_frac": sum(not (a & b) for a, b in pairs) / len(pairs) if pairs else 0.0,
            }
        )


def _topical_blocks(doc: Document) -> tuple[list[tuple[int, set[str]]], list[set[str]]]:
    """(word count, topical words) per paragraph, and topical words per heading."""
    lex = get_lexicon()
    by_block: dict[int, list[str]] = defaultdict(list)
    for word in doc.words:
        by_block[word.block].append(word.lower)
    paragraphs, headings = [], []
    for index, words in by_block.items():
        kind = doc.blocks[index].kind
        if kind in _BODY_KINDS and len(words) >= MIN_PARAGRAPH_WORDS:
            paragraphs.append((len(words), _topical(words, lex)))
        elif kind in _HEADING_KINDS:
            headings.append(_topical(words, lex))
    return paragraphs, headings


def topical_words(words: list[str]) -> set[str]:
    """The topical words among ``words`` (lower-cased), plural "s" dropped; see ``_topical``."""
    return _topical(words, get_lexicon())


def _topical(words: list[str], lex) -> set[str]:
    """Topical words, with a plural "s" dropped so "lentil" and "lentils" match."""
    return {
        word[:-1] if word.endswith("s") and len(word) > 4 else word
        for word in set(words)  # each distinct word once: the lexicon lookups are the cost
        if word.isalpha() and len(word) > 2 and not lex.is_stopword(word) and lex.zipf(word) < TOPICAL_MAX_ZIPF
    }


def _island_sizes(topics: list[set[str]], sizes: list[int]) -> list[int]:
    """Words per connected group of paragraphs, linking two that share ``MIN_SHARED`` topical words."""
    parent = list(range(len(topics)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(topics)):
        for j in range(i + 1, len(topics)):
            if len(topics[i] & topics[j]) >= MIN_SHARED:
                parent[root(i)] = root(j)
    islands: Counter = Counter()
    for i, size in enumerate(sizes):
        islands[root(i)] += size
    return list(islands.values())
