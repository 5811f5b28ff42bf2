"""A keyphrase repeated in the places where a phrase can stand alone (SEO102): as a sentence of
its own and as a heading, or tacked onto a heading after being planted elsewhere.

A noun phrase standing as a sentence of its own between two sentences of a paragraph ("... into
the basement. Top rated outdoor faucet. Do this before ...") is how writers add emphasis too
("Switch sides."), and one plain phrase said twice that way proves nothing on its own. One that
also heads a section of the page is a keyphrase put in every place where a phrase can stand
alone, and so is one said twice that way with a search word in it (a price, a deal, "top rated"):
emphasis repeats a point, not a query (``repeated_fragments``).
A phrase shown planted elsewhere on the page that ends a Title Case heading in lower case, or a
sentence-case heading in Title Case, with no joiner, was tacked onto it ("9.2.1.3. Using Remote X11
Applications ssh machine", "## Rent increases Cheap Tenant Fast": ``unjoined_tail``); a
sentence-case heading ending on it in lower case names it as its object.
"""

from __future__ import annotations

from collections import Counter

from seoclean.detectors.keyword_insertions import query_modifiers, query_shaped
from seoclean.detectors.keyword_slots import Slot, Slots
from seoclean.document import Document
from seoclean.lexicon import Lexicon

MIN_FRAGMENT_WORDS = 3  # a sentence of its own this long that also heads a section is a keyphrase
MIN_HEADINGS = 3  # ... or one of two words that heads this many sections
MIN_QUERY_FRAGMENTS = 2  # a sentence of its own with a search modifier, said this many times


def repeated_fragments(doc: Document, slots: Slots, lex: Lexicon) -> set[tuple[str, ...]]:
    """Noun phrases standing as a sentence of their own (``fragment`` slots) that also stand as a
    heading or a heading's tail: of three or more words, or of two that head ``MIN_HEADINGS``
    sections. A fragment said twice is one too when it carries a search modifier other than a
    year ("Top rated outdoor faucet." twice); without one ("Switch sides." in a yoga sequence,
    "For example.") it is emphasis or a refrain."""
    # A sentence starts with a capital; one in lower case is the end of a sentence broken over lines.
    fragments = Counter(slot.words for slot in slots.of_kind("fragment") if doc.text[slot.start].isupper())
    headings = Counter(slot.words for slot in slots.of_kind("heading", "tail"))
    found = set()
    for words in sorted(fragments):
        if not query_shaped(words, lex.stopwords, lex):
            continue
        heads_sections = headings[words] >= (1 if len(words) >= MIN_FRAGMENT_WORDS else MIN_HEADINGS)
        said_as_query = fragments[words] >= MIN_QUERY_FRAGMENTS and bool(query_modifiers(words))
        if heads_sections or said_as_query:
            found.add(words)
    return found


def unjoined_tail(doc: Document, slot: Slot, phrases: set, lex: Lexicon) -> tuple[int, int, tuple[str, ...]] | None:
    """A phrase planted elsewhere ending a heading with no joiner before it, in lower case after a
    Title Case heading ("9.2.1.3. Using Remote X11 Applications ssh machine"), after a word that
    neither is a function word nor makes a known pair with it."""
    for phrase in sorted(phrases, key=lambda p: (-len(p), p)):
        size = len(phrase)
        if not 2 <= size < len(slot.words) or slot.words[-size:] != phrase:
            continue
        previous = slot.words[-size - 1]
        if lex.is_stopword(previous) or lex.bigram(previous, phrase[0]):
            return None
        words = doc.words_between(slot.start, slot.end)
        if not _case_breaks(words[1:-size], words[-size:], lex):
            return None  # "## Choosing cloud storage" ends on its own object
        return words[-size].start, words[-1].end, phrase
    return None


def _case_breaks(head: list, tail: list, lex: Lexicon) -> bool:
    """A lower-case phrase after a Title Case heading, or a Title Case phrase after a heading in
    sentence case ("## Rent increases Cheap Tenant Fast"): the heading's own words keep its casing."""
    head = [w for w in head if not lex.is_stopword(w.lower) and w.text[:1].isalpha()]
    if not head:
        return False
    if all(w.text[:1].isupper() for w in head):
        return all(w.text == w.lower for w in tail)
    content = [w for w in tail if not lex.is_stopword(w.lower)]
    head_lower = not any(w.text[:1].isupper() for w in head)
    return head_lower and bool(content) and all(w.text[:1].isupper() and not w.text.isupper() for w in content)


__all__ = ["repeated_fragments", "unjoined_tail"]
