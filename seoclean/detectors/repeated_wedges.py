"""Lower-case phrases the page keeps wedging into sentences: seeds found by what they do to grammar.

A stuffer drops one lower-case keyphrase into sentence after sentence at random word boundaries:
"servers, confined in ssh machine their own room", "allows ssh machine us to keep keys". Its words
may be rare or technical, so the pair data cannot judge the phrase itself; it can judge the seams.
An occurrence reads as wedged when neither neighbour forms a known pair with the phrase ("in ssh",
"machine their") while the two neighbours form a common pair with each other ("in their"): the
sentence reads on without it. Where a writer uses a term, it is the noun of a determiner ("the
sparse index might"), is followed by a clause ("... dates which", "... dates written") or keeps
one word before it ("file descriptor fd"); none of those places counts. A phrase wedged into
several sentences, after and before different words, is a seed (``keyword_seeds``): its slots and
wedged occurrences are reported.

A phrase shaped like a search query that carries a query tail or two search words ("root-bound
houseplant without prescription", "loan rates coupon") needs only ``MIN_TAGGED_PLACES`` (with a
single search word, "affordable teenagers company", ``MIN_QUERY_PLACES``): a writer may say the
topic in passing, but does not drop a query again and again into sentences that read on without
it. Such a copy follows a word it never pairs with and that is no search word ("top [heat pump
deals]" is a longer query), and leaves a usual pair behind or ends the sentence. Its words must
hold the topic too (a content word that is no search word): "best deals" alone is how a shop writes.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from seoclean.detectors.insertion import DETERMINERS
from seoclean.detectors.keyword_insertions import MIN_COMMON_ZIPF, MIN_JOIN, InsertionFinder
from seoclean.detectors.keyword_slots import MAX_SLOT_WORDS
from seoclean.detectors.phrases import WordTable
from seoclean.detectors.query_shape import query_modifiers, query_shaped
from seoclean.detectors.search_terms import MODIFIER_START_WORDS, modifiers_in
from seoclean.document import Document
from seoclean.lexicon import Lexicon

MIN_WEDGED_PLACES = 4  # sentences the phrase must be wedged into, after and before different words
MIN_TAGGED_PLACES = 2  # ... for a phrase shaped like a tagged search query (module docstring)
MIN_QUERY_PLACES = 3  # ... for one with a single search word ("affordable teenagers company")
MIN_WEDGED_SHARE = 0.3  # ... and at least this share of its mid-sentence occurrences (the pair data is sparse)


def wedged_repeats(
    doc: Document, table: WordTable, lex: Lexicon, repeated: Iterable[tuple[str, ...]]
) -> set[tuple[str, ...]]:
    """The ``repeated`` phrases (lower-case words) wedged into enough sentences to be seeds."""
    candidates = [p for p in repeated if 2 <= len(p) <= MAX_SLOT_WORDS]
    return {
        phrase
        for phrase, positions in _places(table, candidates).items()
        if _wedged_often(doc, table, lex, positions, len(phrase))
    }


def wedged_queries(
    doc: Document, table: WordTable, lex: Lexicon, repeated: Iterable[tuple[str, ...]]
) -> set[tuple[str, ...]]:
    """The ``repeated`` phrases shaped like a search query on a topic word of their own (module
    docstring) dropped into enough sentences after different words: seeds."""
    seeds = set()
    for phrase, positions in _places(table, [p for p in repeated if 2 <= len(p) <= MAX_SLOT_WORDS]).items():
        needed = _places_needed(phrase, lex)
        if needed is None or len(positions) < needed:
            continue
        leaders = {table.lower[i - 1] for i in positions if _dropped_in(doc, table, lex, i, len(phrase))}
        if len(leaders) >= needed:
            seeds.add(phrase)
    return seeds


def _places_needed(words: tuple[str, ...], lex: Lexicon) -> int | None:
    """``MIN_TAGGED_PLACES`` for a query with a query tail or two search words, ``MIN_QUERY_PLACES``
    for one with a single search word; None for a phrase that is no query on a topic of its own."""
    topic = [w for w in words if w not in lex.stopwords and not modifiers_in((w,)) and w.isalpha()]
    modifiers = query_modifiers(words)
    if not (topic and modifiers and query_shaped(words, lex.stopwords, lex)):
        return None
    return MIN_TAGGED_PLACES if InsertionFinder.query_tagged(modifiers) else MIN_QUERY_PLACES


def _dropped_in(doc: Document, table: WordTable, lex: Lexicon, i: int, size: int) -> bool:
    """A lower-case copy right after a word that never meets its first word, ending the sentence
    or followed by a word the word before it pairs with: the sentence does without it."""
    end = i + size
    words, lower, text = table.words, table.lower, doc.text
    if i <= table.sentence_start[i] or end > table.sentence_end[i] or table.in_heading(i):
        return False
    if any(w.text != w.lower for w in words[i:end]) or text[words[i - 1].end : words[i].start].strip():
        return False
    before = lower[i - 1]
    if before in DETERMINERS or lex.bigram(before, lower[i]):
        return False  # "the [antibiotics without prescription]", "buying antibiotics ...": a noun the clause needs
    if before in MODIFIER_START_WORDS:
        return False  # "top [heat pump deals]": the query starts before the phrase
    if end == table.sentence_end[i]:
        return before not in lex.stopwords  # "... dollar-cost averaging [dollar-cost averaging price]."
    return not text[words[end - 1].end : words[end].start].strip() and lex.bigram(before, lower[end]) >= MIN_JOIN


def _places(table: WordTable, candidates: list[tuple[str, ...]]) -> dict[tuple[str, ...], list[int]]:
    """Positions of each candidate phrase (lower-case words) in the page."""
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for phrase in candidates:
        by_first.setdefault(phrase[0], []).append(phrase)
    places: dict[tuple[str, ...], list[int]] = {}
    for i, word in enumerate(table.lower):
        for phrase in by_first.get(word, ()):
            if tuple(table.lower[i : i + len(phrase)]) == phrase:
                places.setdefault(phrase, []).append(i)
    return places


def _wedged_often(doc: Document, table: WordTable, lex: Lexicon, positions: list[int], size: int) -> bool:
    leaders = Counter(table.lower[i - 1] for i in positions if i > 0)
    if leaders and leaders.most_common(1)[0][1] * 2 >= len(positions):
        return False  # "the file descriptor fd" again and again: part of a longer term, not a paste
    inside = [i for i in positions if _mid_sentence(doc, table, i, size)]
    wedged = [i for i in inside if _reads_on_without(table, lex, i, size)]
    followers = {table.lower[i + size] for i in wedged}
    leaders_wedged = {table.lower[i - 1] for i in wedged}
    places = min(len(followers), len(leaders_wedged))
    return places >= MIN_WEDGED_PLACES and len(wedged) >= MIN_WEDGED_SHARE * len(inside)


def _mid_sentence(doc: Document, table: WordTable, i: int, size: int) -> bool:
    """In lower case inside a sentence of running text, with no punctuation on either side."""
    end = i + size
    if i <= table.sentence_start[i] or end >= table.sentence_end[i] or table.in_heading(i):
        return False
    words, text = table.words, doc.text
    if any(w.text != w.lower for w in words[i:end]):
        return False
    return (
        not text[words[i - 1].end : words[i].start].strip() and not text[words[end - 1].end : words[end].start].strip()
    )


def _reads_on_without(table: WordTable, lex: Lexicon, i: int, size: int) -> bool:
    """The phrase's last word never meets the next word, while the words around the phrase form a
    common pair. Both words of the absent pair must be common for its absence to mean anything."""
    lower = table.lower
    before, last, after = lower[i - 1], lower[i + size - 1], lower[i + size]
    if before in DETERMINERS:
        return False  # "the sparse specification might": the phrase is the determiner's noun
    if after in _CLAUSE_OPENERS or _past_participle(lex, after):
        return False  # "have corrected commit dates if ...", "... dates written": a clause follows any noun
    if min(len(last), len(after)) < 2 or min(lex.zipf(last), lex.zipf(after)) < MIN_COMMON_ZIPF:
        return False
    if lex.bigram(before, lower[i]) or lex.bigram(last, after):
        return False  # "of child mocks": the phrase attaches to the word before it (or after it)
    return lex.bigram(before, after) >= MIN_JOIN


def _past_participle(lex: Lexicon, word: str) -> bool:
    """A form that can only be a past participle or past tense: after a noun it opens a reduced
    relative clause ("the layer has commit dates written"), which the pair data rarely holds."""
    tags = lex.tags(word)
    return bool(tags) and all(tag in ("VBN", "VBD") for tag in tags)


# Words that open a clause after any noun phrase; their pair with the noun's last word is too rare
# in the pair data to say anything.
_CLAUSE_OPENERS = frozenset(
    ("which", "who", "whose", "whom", "that", "when", "where", "while", "if", "unless", "until", "as", "because")
    + ("since", "though", "although", "whether", "so", "than", "once", "before", "after")
)
