"""Whether a run of words is shaped like a search query, and the page's topic words.

A keyphrase is a short noun phrase: a few content words, a search modifier or a year, and only
the function words a query holds ("plumber in london", "near me"). These helpers judge words
alone; where the words sit in the page is judged by the callers (``keyword_insertions`` and the
detectors that reuse its checks).
"""

from __future__ import annotations

from collections import Counter

from seoclean.detectors.phrases import WordTable
from seoclean.detectors.search_terms import SEARCH_MODIFIERS, YEAR_RE, modifiers_in
from seoclean.lexicon import Lexicon

TOPIC_WORDS = 6  # the page's most frequent content words count as its topic
MAX_PHRASE = 6
# Function words a keyphrase may hold ("plumber in london", "near me"); others mean a clause.
PHRASE_FUNCTION_WORDS = frozenset(
    ("in", "for", "of", "near", "to", "with", "on", "at", "by", "and", "the", "a", "an", "me", "my", "now", "no")
)


def topic_words(table: WordTable, stopwords: frozenset[str]) -> frozenset[str]:
    counts = Counter(w for w in table.lower if w not in stopwords and len(w) > 2 and w.isalpha())
    return frozenset(w for w, n in counts.most_common(TOPIC_WORDS) if n >= 3)


def query_shaped(
    words: tuple[str, ...], stopwords: frozenset[str], lex: Lexicon | None = None, *, modifier_words: bool = True
) -> bool:
    """Short, no clause words, no numbers but a year, and (given the lexicon) no word that can
    only be a verb unless it is a search modifier ("buy"): a keyphrase is a noun phrase."""
    if not 2 <= len(words) <= MAX_PHRASE:
        return False
    if sum(1 for w in words if len(w) == 1) * 2 > len(words):
        return False  # mostly single letters ("X | Y", "x y"): variables of code or maths, not a query
    allowed = PHRASE_FUNCTION_WORDS
    if modifier_words and (not SEARCH_MODIFIERS.isdisjoint(words) or "without" in words or "same" in words):
        # A modifier's own function words ("top rated", "same day", "without prescription").
        allowed = allowed | {part for modifier in modifiers_in(words) for part in modifier.split()}
    for w in words:
        if w in stopwords and w not in allowed:
            return False
        if lex is not None and w not in SEARCH_MODIFIERS and _only_verb(lex.tags(w)):
            return False
        if any(ch.isdigit() for ch in w) and not YEAR_RE.fullmatch(w) and w not in ("24", "7"):
            return False
    return words[-1] not in stopwords or words[-1] in ("me", "now")


def _only_verb(tags: tuple[str, ...]) -> bool:
    """A finite or bare verb form; an -ing form can name things ("Starting Vegetable Seeds")."""
    return bool(tags) and all(tag.startswith("VB") and tag != "VBG" for tag in tags)


def query_modifiers(words: tuple[str, ...]) -> set[str]:
    """Search modifiers other than a year: a date says nothing about a query."""
    return {m for m in modifiers_in(words) if not YEAR_RE.fullmatch(m)}


__all__ = ["MAX_PHRASE", "PHRASE_FUNCTION_WORDS", "TOPIC_WORDS", "query_modifiers", "query_shaped", "topic_words"]
