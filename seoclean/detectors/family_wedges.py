"""More variants of a keyphrase family a page is shown to plant, found by its head words (SEO102).

Once a page carries planted phrases of one topic ("ssh machine", "ssh price", "cheap walls price",
"walls near me"), the stuffer's other variants are that topic's head word with other search
modifiers, dropped where they do not belong: "In a single [top ssh deals] session", "the
(Secure [ssh 2025] SHell) protocol", "## Choosing paint: [top walls]". Each is a different phrase,
so neither repetition nor a seed finds it. What they share is the family's head word and a search
modifier, in a place that shows the insertion:

- inside a sentence, in lower case: the phrase's last word never meets the next word while the
  words on either side of the phrase make a common pair (the sentence reads on without it), and
  the phrase does not attach to the word before it unless it opens with a search modifier
  ("single top" is a pair; "top ssh deals" is still a query); or it ends the sentence after a word
  it does not pair with;
- a heading, a heading's tail or a list item that is exactly such a query (no punctuation inside:
  "Prices, Reviews and Tips" is a headline).

A query opens and ends on the head word or a search word, holds function words only inside a
modifier ("in my area"), and no word that can only be a verb: "for [top heat pump deals]", not
"for top heat pump deals", and "[discount flooding closes]", not "... closes route keeps growing".

Head words are the content words (no stop words, no search modifiers, no years) of the phrases
already reported on the page that either recur in two different reported phrases or stand in the
title. Nothing is looked for unless two different phrases are reported already: one finding on an
honest page must not grow into many. A writer's own use of the topic with a search word ("the top
ssh options", "## Best walls paint") attaches to its neighbours or reads as a clause, and is left.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from seoclean.detectors.family_findings import overlaps, phrase_words, slot_finding
from seoclean.detectors.keyword_insertions import MIN_COMMON_ZIPF, MIN_JOIN
from seoclean.detectors.keyword_slots import Slots
from seoclean.detectors.phrases import WordTable
from seoclean.detectors.query_shape import MAX_PHRASE, query_shaped
from seoclean.detectors.search_terms import SEARCH_MODIFIERS, YEAR_RE, modifiers_in
from seoclean.document import Document
from seoclean.findings import Finding
from seoclean.lexicon import Lexicon

MIN_REPORTED_PHRASES = 2  # different phrases already reported before the head words are trusted
MIN_HEAD_LENGTH = 3  # shorter words ("pi", "uk") are too often parts of names or codes


def head_words(reported: Iterable[tuple[str, ...]], title: Iterable[str], stopwords: frozenset[str]) -> frozenset[str]:
    """The family's head words (see the module docstring); empty unless enough is reported."""
    phrases = {p for p in reported if p}
    if len(phrases) < MIN_REPORTED_PHRASES:
        return frozenset()
    title_words = set(title)
    counts = Counter(w for phrase in phrases for w in set(phrase) - _modifier_words(phrase) if _content(w, stopwords))
    return frozenset(w for w, n in counts.items() if n >= 2 or w in title_words)


def wedged_variants(
    doc: Document,
    table: WordTable,
    slots: Slots,
    lex: Lexicon,
    heads: frozenset[str],
    taken: list[tuple[int, int]],
) -> list[Finding]:
    """SEO102 for each variant of the family found in a sentence or a slot, outside ``taken``."""
    if not heads:
        return []
    found = _in_slots(doc, slots, lex, heads, taken)
    return found + _in_sentences(doc, table, lex, heads, taken)


def _modifier_words(words: tuple[str, ...]) -> set[str]:
    """The words of the phrase's search modifiers ("day" of "same day" is no topic word)."""
    return {part for modifier in modifiers_in(words) for part in modifier.split()}


def _content(word: str, stopwords: frozenset[str]) -> bool:
    return len(word) >= MIN_HEAD_LENGTH and word.isalpha() and word not in stopwords and not modifiers_in((word,))


def _variant(words: tuple[str, ...], heads: frozenset[str], lex: Lexicon) -> bool:
    """A query of the family: a head word, a search modifier, and a query's shape."""
    modifier_words = _modifier_words(words)
    if not modifier_words or heads.isdisjoint(set(words) - modifier_words) or not query_shaped(words, lex.stopwords):
        return False
    # Function words only inside a modifier ("in my area", "near me"): "for top heat pump deals"
    # and "heat pump 2025 the flow" run on into the sentence's own words.
    if any(w in lex.stopwords and w not in modifier_words for w in words):
        return False
    # A query opens and ends on its topic or a search word: "discount flooding closes route [keeps
    # growing]" runs on into the sentence's verb.
    edges = heads | modifier_words
    if words[0] not in edges or words[-1] not in edges:
        return False
    # No word that can only be a verb, but the head words: the family's topic is a noun here
    # whatever else it can be ("desist letter", "pay off").
    return not any(w not in heads and not modifiers_in((w,)) and _only_verb(lex.tags(w)) for w in words)


def _only_verb(tags: tuple[str, ...]) -> bool:
    return bool(tags) and all(tag.startswith("VB") and tag != "VBG" for tag in tags)


def _in_slots(doc: Document, slots: Slots, lex: Lexicon, heads: frozenset[str], taken: list) -> list[Finding]:
    found = []
    for slot in slots.of_kind("heading", "tail", "item"):
        if len(slot.words) > MAX_PHRASE or overlaps(taken, slot.start, slot.end):
            continue
        if _variant(slot.words, heads, lex) and _not_only_a_year(slot.words) and not _punctuated(doc, slot):
            taken.append((slot.start, slot.end))
            found.append(slot_finding(doc, slot.kind, slot.start, slot.end, slot.words))
    return found


def _punctuated(doc: Document, slot) -> bool:
    """Punctuation between the slot's words: a headline ("Prices, Reviews and Tips"), not a query."""
    return any(ch in ",;:!?()" for ch in doc.text[slot.start : slot.end])


def _not_only_a_year(words: tuple[str, ...]) -> bool:
    """A heading holding the topic and a year ("## Debian 12 in 2023") names a release or an
    edition; a heading needs a search word beyond the year to be a query."""
    return any(not YEAR_RE.fullmatch(m) for m in modifiers_in(words))


def _in_sentences(doc: Document, table: WordTable, lex: Lexicon, heads: frozenset[str], taken: list) -> list[Finding]:
    found = []
    lower = table.lower
    next_free = 0
    for i, word in enumerate(lower):
        if word not in heads or i < next_free:
            continue
        hit = _around(doc, table, lex, heads, i, max(next_free, 1))
        if hit is None:
            continue
        start, end = table.span(hit[0], hit[1] - hit[0])
        next_free = hit[1]
        if overlaps(taken, start, end):
            continue
        taken.append((start, end))
        found.append(slot_finding(doc, "sentence", start, end, tuple(lower[hit[0] : hit[1]])))
    return found


def _around(
    doc: Document, table: WordTable, lex: Lexicon, heads: frozenset[str], i: int, first_free: int
) -> tuple[int, int] | None:
    """The longest wedged variant holding the head word at ``i``, as (first word, end)."""
    if table.in_heading(i):
        return None
    low = max(first_free, table.sentence_start[i] + 1, i - MAX_PHRASE + 1)
    high = min(table.sentence_end[i], i + MAX_PHRASE)
    best = None
    for start in range(low, i + 1):
        for end in range(min(high, start + MAX_PHRASE), i, -1):
            if end - start < 2 or (best and end - start <= best[1] - best[0]):
                continue
            if _wedged_here(doc, table, lex, start, end) and _variant(tuple(table.lower[start:end]), heads, lex):
                best = (start, end)
    return best


def _wedged_here(doc: Document, table: WordTable, lex: Lexicon, start: int, end: int) -> bool:
    """Lower case, no punctuation inside or before it, and the sentence reads on without it."""
    words, lower = table.words, table.lower
    if any(w.text != w.lower for w in words[start:end]) or any(_gap(doc, table, k - 1, k) for k in range(start, end)):
        return False
    before, first, last = lower[start - 1], lower[start], lower[end - 1]
    loose_left = lex.bigram(before, first) == 0
    if end == table.sentence_end[start]:
        return loose_left  # appended to a finished clause, after a word it does not pair with
    if _gap(doc, table, end - 1, end):
        return False
    after = lower[end]
    if lex.bigram(last, after) != 0 or lex.zipf(after) < MIN_COMMON_ZIPF or len(after) < 2:
        return False
    if loose_left:
        return True  # met by neither neighbour: the pair data has seen neither seam
    return first in SEARCH_MODIFIERS and lex.bigram(before, after) >= MIN_JOIN


def _gap(doc: Document, table: WordTable, left: int, right: int) -> bool:
    words = table.words
    return bool(doc.text[words[left].end : words[right].start].strip())


def reported_phrases(findings: Iterable[Finding]) -> set[tuple[str, ...]]:
    """The phrases of SEO1xx findings, a keyword list's lines taken one by one."""
    phrases = set()
    for finding in findings:
        for line in finding.text.split("\n"):
            words = phrase_words(line)
            if words:
                phrases.add(words)
    return phrases


__all__ = ["head_words", "reported_phrases", "wedged_variants"]
