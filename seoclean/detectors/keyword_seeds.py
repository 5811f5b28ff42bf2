"""Seeds of a keyphrase family: the phrases a page's own structure shows to be planted.

``keyword_family`` reports every slot holding exactly a seed, and looks for the seeds inside
sentences (``wedged_seeds``). A seed comes from a keyword list, a labelled keyword line ("Related
searches: ..."), a phrase with a search modifier that recurs in two kinds of place, a stuffed
phrase with a modifier, or a fragment the page repeats on its own. A title is judged by whether it
holds a seed (``holds_seed``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from seoclean.detectors.keyword_insertions import InsertionFinder, query_modifiers, query_shaped
from seoclean.detectors.keyword_lists import MIN_CONTENTS_ENTRIES
from seoclean.detectors.keyword_slots import MAX_SLOT_WORDS, Slots, quotation_closes
from seoclean.detectors.search_terms import YEAR_RE, modifiers_in
from seoclean.detectors.standalone_repeats import repeated_fragments
from seoclean.document import WORD_RE, Document
from seoclean.findings import Finding
from seoclean.lexicon import Lexicon

_ITEM_SEPARATOR_RE = re.compile(r"\s*(?:[,|;•·]|(?<!\d)/(?!\d))\s*|\s+[-–—]\s+")
_LABEL_RE = re.compile(r"^\s*[A-Za-z][\w ]{0,30}:\s+")
MIN_SEED_WORDS = 2
MIN_QUERY_WORDS = 3  # a repeated phrase of search words this long seeds the sentences
MIN_HEADLINE_PLACES = 3  # a phrase without a search word standing in this many headings and tails
MIN_TAIL_HEADINGS = 2  # a tail with a search word on this many different headings is a seed
MIN_BOLD_REPEATS = 3  # a phrase bolded inside sentences this many times is a seed


def family_seeds(
    doc: Document,
    slots: Slots,
    lex: Lexicon,
    list_seeds: set[tuple[str, ...]],
    keyword_lines: Iterable[Finding],
    stuffed: Iterable[tuple[str, ...]],
) -> set[tuple[str, ...]]:
    """Every seed of the page (see the module docstring), no longer than a slot can hold."""
    seeds = set(list_seeds)
    seeds |= _labelled_items(doc, keyword_lines)
    seeds |= _repeated_modifier_slots(slots, lex.stopwords)
    seeds |= _repeated_tails(doc.text, slots, lex.stopwords, lex)
    seeds |= _repeated_bold(slots, lex.stopwords, lex)
    seeds |= {phrase for phrase in stuffed if modifiers_in(phrase)}
    seeds |= repeated_fragments(doc, slots, lex)
    # One word is a topic or a label ("Tip", "Note"), not a search query: it seeds nothing.
    return {s for s in seeds if MIN_SEED_WORDS <= len(s) <= MAX_SLOT_WORDS}


def _labelled_items(doc: Document, keyword_lines: Iterable[Finding]) -> set[tuple[str, ...]]:
    seeds = set()
    for finding in keyword_lines:
        body = _LABEL_RE.sub("", doc.text[finding.start : finding.end], count=1)
        for item in _ITEM_SEPARATOR_RE.split(body):
            words = tuple(m.group().lower() for m in WORD_RE.finditer(item))
            if len(words) >= 2:
                seeds.add(words)
    return seeds


def _repeated_modifier_slots(slots: Slots, stopwords: frozenset[str]) -> set[tuple[str, ...]]:
    """Phrases with a search modifier that stand alone in two kinds of place (a heading and a
    fragment, a list item and a bold run): a menu or a repeated section heading repeats in one.
    Without a modifier, a phrase of three or more words takes three places, headings and heading
    tails among them ("## Bank Statement Fraud Services", "## 7. Check fees: Bank Statement Fraud
    Services"): a section's name is not also the tail of other sections' headings."""
    kinds: dict[tuple[str, ...], set[str]] = {}
    places: Counter = Counter()
    for slot in slots.slots:
        if slot.kind != "title" and len(slot.words) >= 2:
            kinds.setdefault(slot.words, set()).add(slot.kind)
            places[slot.words] += 1
    for words in _contents_entries(kinds):
        kinds[words].discard("item")  # a table of contents repeats the headings: one place, not two
    return {
        words
        for words, seen in kinds.items()
        if len(seen) >= 2
        and query_shaped(words, stopwords)
        and (_word_modifiers(words) or _headline_repeat(words, seen, places[words]))
    }


def _repeated_tails(text: str, slots: Slots, stopwords: frozenset[str], lex: Lexicon) -> set[tuple[str, ...]]:
    """A query tacked onto two different headings ("## Rent increases | Cheap Tenant Fast", "## Where
    to get help - Cheap Tenant Fast"): a heading's own tail names its section, and sections differ;
    a search word in it makes it a keyphrase. Not counted: tails repeated on identical headings (a
    repeated section), the title's tail and quoted tails (a comment thread's header quotes the
    title: '3 thoughts on "Three Months with the V9: An Honest Review"')."""
    titles = {slot.line for slot in slots.of_kind("title")}
    headings: dict[tuple[str, ...], set[int]] = {}
    for slot in slots.of_kind("tail"):
        if slot.line not in titles and not quotation_closes(text, slot.end):
            headings.setdefault(slot.words, set()).add(slot.line)
    return {
        words
        for words, lines in headings.items()
        if len({slots.lines[i].lower for i in lines}) >= MIN_TAIL_HEADINGS
        and _word_modifiers(words)
        and query_shaped(words, stopwords, lex)
    }


def _repeated_bold(slots: Slots, stopwords: frozenset[str], lex: Lexicon) -> set[tuple[str, ...]]:
    """A phrase of two or more words bolded inside sentences again and again ("... unplug the
    **laptop time** charger", "... after **laptop time** all the screws"): a writer bolds a term
    where it is defined, once; bolding the same phrase in sentence after sentence marks a keyphrase
    for search engines. Bold lead-ins ("**Note:** ...") are not bold runs (``keyword_slots``)."""
    counts = Counter(slot.words for slot in slots.of_kind("bold") if len(slot.words) >= 2)
    return {words for words, n in counts.items() if n >= MIN_BOLD_REPEATS and query_shaped(words, stopwords, lex)}


def _headline_repeat(words: tuple[str, ...], seen: set[str], places: int) -> bool:
    return len(words) >= MIN_QUERY_WORDS and {"heading", "tail"} <= seen and places >= MIN_HEADLINE_PLACES


def _contents_entries(kinds: dict[tuple[str, ...], set[str]]) -> set[tuple[str, ...]]:
    """Headings that list items repeat, when the page repeats several (a table of contents):
    "Instant User's Manual" as a section heading and as its entry in the contents is structure."""
    mirrored = {words for words, seen in kinds.items() if {"heading", "item"} <= seen}
    return mirrored if len(mirrored) >= MIN_CONTENTS_ENTRIES else set()


def repeated_queries(repeated: Iterable[tuple[str, ...]], stopwords: frozenset[str], lex: Lexicon) -> set:
    """Phrases of three or more words with two search modifiers (or a query tail) that the page
    repeats ("discount cake sink price"): seeds for the sentences only, where ``wedged`` decides."""
    return {
        words
        for words in repeated
        if MIN_QUERY_WORDS <= len(words) <= MAX_SLOT_WORDS
        and query_tagged(words)
        and query_shaped(words, stopwords, lex)
    }


def query_tagged(words: tuple[str, ...]) -> bool:
    return InsertionFinder.query_tagged(query_modifiers(words))


def _word_modifiers(words: tuple[str, ...]) -> set[str]:
    """Modifiers other than a year: a dated caption ("Senate, October 9, 2018") is not a query."""
    return {m for m in modifiers_in(words) if not YEAR_RE.fullmatch(m)}


def holds_seed(words: tuple[str, ...], seeds: set[tuple[str, ...]]) -> bool:
    """A title holding a seed of three words, or of two with a search modifier."""
    for seed in seeds:
        size = len(seed)
        if (size >= 3 or (size == 2 and modifiers_in(seed))) and any(
            words[i : i + size] == seed for i in range(len(words) - size + 1)
        ):
            return True
    return False
