"""Topic coherence: do the paragraphs talk about the same things?

A scraped mash-up pastes passages from other articles between a host article's paragraphs. Each
paragraph of a real article shares some of its topical words (content words rarer than about 60
per million: "lentils", "mortgage", not "people", "make") with other paragraphs and with the
headings; a pasted passage shares few or none. Linking paragraphs that share at least two topical
words splits a mash-up into several topic islands, where a real article stays one.

A single off-topic paragraph is also how honest asides, sidebars and quotes look, so most of this
is left to the classifier as measures. Only a page with off-topic paragraphs on two or more
unrelated topics gets findings (SEO407, ``pasted_passages``); ``topic_profile`` holds the
rarity-weighted similarity of each paragraph to the article that both use.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from itertools import pairwise

from seoclean.detectors.base import Detector, DetectorResult, make_finding
from seoclean.detectors.pasted_passages import PastedPassages, pasted_passages
from seoclean.detectors.topic_profile import (
    CORE_MIN_SIMILARITY,
    ParagraphTopic,
    linked_groups,
    paragraph_topics,
    rarer_than,
    word_weights,
)
from seoclean.document import Document
from seoclean.findings import Finding
from seoclean.lexicon import get_lexicon

TOPICAL_MAX_ZIPF = 4.8  # rarer than ~60 per million words
MIN_PARAGRAPH_WORDS = 20  # shorter blocks (list items, captions) say too little about their topic
MIN_SHARED = 2  # topical words two paragraphs must share to count as one topic
MIN_ISLAND_WORDS = 40
TOP_WORDS = 8
_BODY_KINDS = frozenset({"paragraph", "quote", "list_item"})
_BOLD_LABEL_RE = re.compile(r"\s*(?:\*\*|__)[^*_\n]{1,80}(?:\*\*|__)")
_HEADING_KINDS = frozenset({"heading", "title"})
_ISLAND_MEASURES = (
    "off_topic_word_frac",
    "topic_islands",
    "no_heading_word_frac",
    "no_top_word_frac",
    "disjoint_neighbour_frac",
)


class CoherenceDetector(Detector):
    """Measures (paragraphs are prose blocks of at least 20 words):

    - ``off_topic_word_frac``: share of paragraph words outside the largest topic island;
    - ``topic_islands``: islands of at least 40 words;
    - ``no_heading_word_frac``: share of paragraph words in paragraphs sharing no topical word
      with any heading or the title;
    - ``no_top_word_frac``: share of paragraphs without any of the document's 8 most frequent
      topical words;
    - ``disjoint_neighbour_frac``: share of adjacent paragraph pairs with no topical word in common;

    and, over paragraphs of at least 15 words compared with the article's core (``topic_profile``):

    - ``min_core_similarity``: the lowest similarity of a paragraph to the article (1 without any);
    - ``outlier_word_frac``: share of their words in paragraphs under 0.05 similarity;
    - ``off_topic_paragraphs``: paragraphs with their own subject and nothing of the article's;
    - ``off_topic_topics``: unrelated topics among those (two or more: SEO407 findings).
    """

    name = "coherence"
    measure_names = (
        *_ISLAND_MEASURES,
        "min_core_similarity",
        "outlier_word_frac",
        "off_topic_paragraphs",
        "off_topic_topics",
    )

    def detect(self, doc: Document) -> DetectorResult:
        weights = word_weights(doc)  # one lexicon lookup per distinct word for both kinds of measure
        topics = paragraph_topics(doc, weights)
        passages = pasted_passages(topics, [_entry_or_kind(doc, p.block) for p in topics])
        result = self._island_result(doc, rarer_than(weights, TOPICAL_MAX_ZIPF))
        result.measures.update(_core_measures(topics, passages))
        if passages.is_mashup:
            result.findings = [_finding(doc, paragraph, passages) for paragraph in passages.paragraphs]
        return result

    def _island_result(self, doc: Document, vocabulary: set[str]) -> DetectorResult:
        paragraphs, headings = _topical_blocks(doc, vocabulary)
        if not paragraphs:
            return DetectorResult(measures=dict.fromkeys(_ISLAND_MEASURES, 0.0))
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


def _entry_or_kind(doc: Document, index: int) -> str:
    """The block's kind, or ``"entry"`` for a paragraph that opens on a bold label ("**3. A stick
    blender.** Soups blitzed in the pan..."): an entry of a listicle or glossary, which names its own
    subject by design; a passage a scraper pastes is running prose."""
    block = doc.blocks[index]
    return "entry" if block.kind == "paragraph" and _BOLD_LABEL_RE.match(doc.text, block.start) else block.kind


def _core_measures(topics: list[ParagraphTopic], passages: PastedPassages) -> dict[str, float]:
    words = sum(p.words for p in topics)
    return {
        "min_core_similarity": min((p.core for p in topics), default=1.0),
        "outlier_word_frac": sum(p.words for p in topics if p.core < CORE_MIN_SIMILARITY) / words if words else 0.0,
        "off_topic_paragraphs": float(len(passages.paragraphs)),
        "off_topic_topics": float(passages.topics),
    }


def _finding(doc: Document, paragraph: ParagraphTopic, passages: PastedPassages) -> Finding:
    """SEO407 over the paragraph (never the first under a heading: see ``off_topic``)."""
    block = doc.blocks[paragraph.block]
    message = (
        f"this paragraph shares almost nothing with the article (similarity {paragraph.core:.2f}) and the page "
        f"holds {len(passages.paragraphs)} such paragraphs on {passages.topics} unrelated topics: "
        "a passage pasted from another article"
    )
    evidence = {
        "similarity": round(paragraph.core, 4),
        "heading_similarity": round(paragraph.headings, 4),
        "rare_words": float(paragraph.rare_words),
        "passages": float(len(passages.paragraphs)),
        "topics": float(passages.topics),
    }
    return make_finding(doc, "SEO407", block.start, block.end, message, suggestion="", evidence=evidence)


def _topical_blocks(doc: Document, vocabulary: set[str]) -> tuple[list[tuple[int, set[str]]], list[set[str]]]:
    """(word count, topical words) per paragraph, and topical words per heading."""
    by_block: dict[int, list[str]] = defaultdict(list)
    for word in doc.words:
        by_block[word.block].append(word.lower)
    paragraphs, headings = [], []
    for index, words in by_block.items():
        kind = doc.blocks[index].kind
        if kind in _BODY_KINDS and len(words) >= MIN_PARAGRAPH_WORDS:
            paragraphs.append((len(words), _topical(words, vocabulary)))
        elif kind in _HEADING_KINDS:
            headings.append(_topical(words, vocabulary))
    return paragraphs, headings


def topical_words(words: list[str]) -> set[str]:
    """The topical words among ``words`` (lower-cased), plural "s" dropped; see ``_topical``."""
    return _topical(words, _topical_vocabulary(set(words)))


def _topical_vocabulary(distinct: set[str]) -> set[str]:
    """The topical words among ``distinct`` words: each looked up once, the lexicon is the cost."""
    lex = get_lexicon()
    return {
        word
        for word in distinct
        if word.isalpha() and len(word) > 2 and not lex.is_stopword(word) and lex.zipf(word) < TOPICAL_MAX_ZIPF
    }


def _topical(words: list[str], vocabulary: set[str]) -> set[str]:
    """Topical words, with a plural "s" dropped so "lentil" and "lentils" match."""
    return {word[:-1] if word.endswith("s") and len(word) > 4 else word for word in set(words) if word in vocabulary}


def _island_sizes(topics: list[set[str]], sizes: list[int]) -> list[int]:
    """Words per connected group of paragraphs, linking two that share ``MIN_SHARED`` topical words."""
    groups = linked_groups(len(topics), lambda i, j: len(topics[i] & topics[j]) >= MIN_SHARED)
    islands: Counter = Counter()
    for group, size in zip(groups, sizes):
        islands[group] += size
    return list(islands.values())
