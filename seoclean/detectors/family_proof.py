"""Whether phrases planted only by their own shape prove a keyphrase family on their own.

``keyword_insertions`` finds phrases shaped like search queries; one such phrase in an article,
however often it recurs, is more often a name ("Fast Company") or a slip. ``family_confirmed``
says when the page's shaped phrases vary one topic enough to be reported without other proof.
"""

from __future__ import annotations

from collections import Counter

from seoclean.detectors.family_findings import phrase_words
from seoclean.detectors.keyword_insertions import query_modifiers, query_shaped
from seoclean.detectors.keyword_seeds import MIN_QUERY_WORDS, holds_seed, query_tagged
from seoclean.detectors.keyword_slots import Slots
from seoclean.findings import Finding
from seoclean.lexicon import Lexicon

MIN_UNCONFIRMED = 2
MIN_TITLE_ECHO = 2  # title words a shaped phrase must repeat to be the page's keyphrase as a query


def family_confirmed(
    weak: list[Finding], tails: set[tuple[str, ...]], headings: set[tuple[str, ...]], slots: Slots, lex: Lexicon
) -> bool:
    """Two different shaped phrases on one topic, a shaped phrase the title is built around, two
    headings of search queries on one topic, or a shaped phrase that writes the title out as a
    query. ``weak`` are the shaped phrases that cannot join on their own; ``tails`` and
    ``headings`` the shaped heading tails and headings."""
    distinct = {phrase_words(f.text) for f in weak}
    # Phrases count only when they vary one topic (``sharing_a_topic_word``): a help page's
    # unrelated terms ("Average cost method", "buy split in the sale") are no keyphrase family.
    counted = sharing_a_topic_word(distinct, lex.stopwords)
    return (
        len(counted) >= MIN_UNCONFIRMED
        or _headlined(weak, slots)
        or _query_headings_vary_a_topic(headings, lex)
        or any(echoes_title_as_query(words, slots, lex.stopwords) for words in distinct | tails | headings)
    )


def echoes_title_as_query(words: tuple[str, ...], slots: Slots, stopwords: frozenset[str]) -> bool:
    """A phrase planted by its shape (a heading, a heading's tail, a fragment, a phrase inside a
    sentence) that repeats MIN_TITLE_ECHO of the title's content words with a search modifier the
    title does not carry ("## Feature article - mediweek twice-daily pill deals" under "# Mediweek
    twice-daily pill organiser"): the page's keyphrase written out as a query. A section heading
    names a part of the topic in the writer's words; the title's words plus a deal word are a
    search query pasted in. The title's own modifiers do not count ("## How we chose: best kettles
    for small spaces" under "# Best kettles for a small kitchen")."""
    title = {w for slot in slots.of_kind("title") for w in slot.words if w not in stopwords and len(w) > 2}
    if len(title.intersection(words)) < MIN_TITLE_ECHO:
        return False
    title_modifiers = {m for slot in slots.of_kind("title") for m in query_modifiers(slot.words)}
    return bool(query_modifiers(words) - title_modifiers)


def sharing_a_topic_word(phrases: set[tuple[str, ...]], stopwords: frozenset[str]) -> set[tuple[str, ...]]:
    """The phrases that share a topic word (neither a stop word nor a search modifier) with another.

    Planted variants write one topic out as several queries ("cheap plumber", "plumber near me");
    a product round-up's headings share only their modifier ("X — best for toddlers", "Y — best on
    a budget"), which makes them a verdict per product, not a keyphrase family."""
    topic_words = {phrase: set(phrase) - stopwords - query_modifiers(phrase) for phrase in phrases}
    counts = Counter(word for words in topic_words.values() for word in words)
    return {phrase for phrase, words in topic_words.items() if any(counts[word] >= 2 for word in words)}


def _query_headings_vary_a_topic(headings: set[tuple[str, ...]], lex: Lexicon) -> bool:
    """Two headings of search queries that vary one topic word ("## Emergency pytest without
    prescription", "### Pytest for sale"): a keyphrase family, not a shop's "## Free Shipping" and
    "## Same Day Delivery", which share no topic word."""
    tagged = {words for words in headings if query_tagged(words)}
    return len(sharing_a_topic_word(tagged, lex.stopwords)) >= MIN_UNCONFIRMED


def tagged_queries_vary_a_topic(found: list[Finding], lex: Lexicon) -> bool:
    """Phrases found by their shape, each tagged as a query (a query tail such as "near me" or
    "for sale", or two search modifiers), wherever they stand: two that vary one topic word
    ("## Mulch Free Shipping" over one section, "... thin beds mulch for sale." in another), or
    one of bare search words found at two places ("### Affordable Python Open Now" over two
    sections). A shop's "## Free Shipping" and "Same day delivery" share no topic word, and a
    heading a writer repeats reads as a phrase ("## Delivery in the UK"), not as a query."""
    tagged = [words for words in (phrase_words(f.text) for f in found) if query_tagged(words)]
    if len(sharing_a_topic_word(set(tagged), lex.stopwords)) >= MIN_UNCONFIRMED:
        return True
    counts = Counter(tagged)
    return any(n >= MIN_UNCONFIRMED and _bare_query(words, lex.stopwords) for words, n in counts.items())


def _bare_query(words: tuple[str, ...], stopwords: frozenset[str]) -> bool:
    """A topic word and search modifiers, with no function word but a modifier's own ("near me")."""
    modifier_words = {part for modifier in query_modifiers(words) for part in modifier.split()}
    rest = [w for w in words if w not in modifier_words]
    return bool(rest) and not stopwords.intersection(rest)


def _headlined(weak: list[Finding], slots: Slots) -> bool:
    """A phrase of three or more words found by its shape in sentence case that the page's title
    holds in Title Case ("... the carrots are soft Cheap red lentil coupon." under "# Inside Scoop
    On Cheap Red Lentil Coupon"): the page is built around it. A phrase cased as in the title is a
    reference to it, as to a section ("see PEP 495 Local Time Disambiguation")."""
    titles = [slot.words for slot in slots.of_kind("title")]
    for finding in weak:
        words = phrase_words(finding.text)
        recased = any(w[:1].islower() for w in finding.text.split()[1:])
        if recased and len(words) >= MIN_QUERY_WORDS and any(holds_seed(title, {words}) for title in titles):
            return True
    return False


def plain_query(words: tuple[str, ...], lex: Lexicon) -> bool:
    """Query-shaped without the function words of a modifier ("top", "same", "without")."""
    return query_shaped(words, lex.stopwords, lex, modifier_words=False)
