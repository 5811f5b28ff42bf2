"""Seeds wedged into sentences: occurrences of a keyphrase the sentence reads on without.

A seed inside a sentence is often just the topic said in passing ("a cheap plumber is hard to
find"), so an occurrence is reported only where the sentence does not need it (``wedged``):
capitalised after a lower-case word, or with neither neighbour forming a known word pair with it.
"""

from __future__ import annotations

from seoclean.detectors.family_findings import overlaps, slot_finding
from seoclean.detectors.keyword_insertions import MIN_COMMON_ZIPF, MIN_JOIN
from seoclean.detectors.keyword_seeds import MIN_QUERY_WORDS
from seoclean.detectors.phrases import WordTable
from seoclean.document import Document
from seoclean.findings import Finding
from seoclean.lexicon import Lexicon


def seeds_in_sentences(doc: Document, table: WordTable, lex: Lexicon, seeds: set, taken: list) -> list[Finding]:
    """SEO102 for each wedged occurrence of a seed outside headings and the ``taken`` spans."""
    findings = []
    lower = table.lower
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for seed in sorted(seeds, key=lambda s: (-len(s), s)):  # longest first, and not in hash order
        by_first.setdefault(seed[0], []).append(seed)
    if not by_first:
        return findings  # most pages: no seeds, nothing to look for
    for i, word in enumerate(lower):
        for seed in by_first.get(word, ()):
            size = len(seed)
            if tuple(lower[i : i + size]) != seed or i + size > table.sentence_end[i] or table.in_heading(i):
                continue
            start, end = table.span(i, size)
            if overlaps(taken, start, end) or "|" in doc.text[start:end] or not wedged(doc, table, i, size, lex):
                continue  # taken, across a table's cells (a header row: "| Share Price | Total Buy |"), or needed
            taken.append((start, end))
            findings.append(slot_finding(doc, "sentence", start, end, seed))
    return findings


def wedged(doc: Document, table: WordTable, i: int, size: int, lex: Lexicon) -> bool:
    """Whether the sentence does without the seed at ``i``: it is capitalised after a lower-case
    word, or neither neighbour makes a known word pair with it."""
    words, lower, text = table.words, table.lower, doc.text
    if i == table.sentence_start[i] or text[words[i - 1].end : words[i].start].strip():
        return False  # at a sentence start or after punctuation: it may be the sentence's subject
    if words[i].text[:1].isupper() and words[i - 1].text[:1].islower() and not words[i].text.isupper():
        return True
    left = lex.bigram(lower[i - 1], lower[i]) == 0
    end = i + size
    if end == table.sentence_end[i]:
        return left
    if text[words[end - 1].end : words[end].start].strip():
        return False
    right = lex.bigram(lower[end - 1], lower[end]) == 0
    if left and right:
        return True
    # A seed that one side does not take, where the words around it make a common pair: "ovens run
    # hotter than the [discount cake sink price] dial says", "unplug the [laptop time] charger". A
    # seed is already shown planted on the page, so one side's word pair is enough; for a seed of
    # two words only between common words, where an absent pair means something ("a ctypes type").
    if size < MIN_QUERY_WORDS and not _common(lex, (lower[i - 1], lower[i], lower[end - 1], lower[end])):
        return False
    return (left or right) and lex.bigram(lower[i - 1], lower[end]) >= MIN_JOIN


def _common(lex: Lexicon, words: tuple[str, ...]) -> bool:
    return all(len(w) > 1 and lex.zipf(w) >= MIN_COMMON_ZIPF for w in words)
