"""Keyphrase variants planted through a page, found as a family (SEO102, SEO105).

A stuffer targets one topic and writes it out as search queries: the topic with modifiers of
commercial or local intent ("best", "cheap", "price", "deals", "near me", "open now", "for sale",
a year), the modifiers keyword-research tools sort queries by. Articles have short lists and noun
headings too, so a single short phrase proves nothing; a family does:

1. Seeds. A bare list whose items are short phrases without sentence punctuation, most of them
   repeating one content word, with two or more different search modifiers among them, is a
   keyword list (SEO105 over the list) and its items are seeds. So are the items of labelled
   keyword lines (SEO105 "Related searches: ..."), phrases with a search modifier that recur in
   two places of the page's structure, and stuffed phrases (SEO101) with a modifier.
2. Every slot (``keyword_slots``) holding exactly a seed is reported: an extra heading, a heading's
   tail, a fragment sentence, a bold run, a list item. A title that contains a seed with a
   modifier is a template built around the keyphrase and is reported whole.
3. Inside a sentence a seed is reported where the sentence does not need it: capitalised after a
   lower-case word, or with neither neighbour forming a known word pair with it. On a page shown
   to be stuffed, phrases of three or more search words that the page repeats, and phrases
   reported planted elsewhere on the page, are looked for in the sentences the same way.

Structure is not a family: a table of contents repeats the page's headings as list items, so its
entries neither make a keyword list nor turn a heading into a seed.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from seoclean.detectors.base import make_finding
from seoclean.detectors.keyword_insertions import MIN_JOIN, InsertionFinder, query_modifiers, query_shaped
from seoclean.detectors.keyword_lists import MIN_CONTENTS_ENTRIES, keyword_lists, loose_keyword_lists
from seoclean.detectors.keyword_slots import MAX_SLOT_WORDS, Slots, read_slots
from seoclean.detectors.phrases import WordTable
from seoclean.detectors.search_terms import YEAR_RE, modifiers_in
from seoclean.detectors.standalone_repeats import repeated_fragments, unjoined_tail
from seoclean.document import WORD_RE, Document
from seoclean.findings import Finding
from seoclean.lexicon import Lexicon

_ITEM_SEPARATOR_RE = re.compile(r"\s*(?:[,|;•·]|(?<!\d)/(?!\d))\s*|\s+[-–—]\s+")
_LABEL_RE = re.compile(r"^\s*[A-Za-z][\w ]{0,30}:\s+")
MIN_UNCONFIRMED = 2
MIN_QUERY_WORDS = 3  # a repeated phrase of search words this long seeds the sentences
MIN_HEADLINE_PLACES = 3  # a phrase without a search word standing in this many headings and tails


def keyword_family_findings(
    doc: Document,
    table: WordTable,
    lex: Lexicon,
    *,
    keyword_lines: Iterable[Finding] = (),
    stuffed: Iterable[tuple[str, ...]] = (),
    corroborated: bool = False,
    inserted: Iterable[Finding] = (),
    repeated: Iterable[tuple[str, ...]] = (),
) -> list[Finding]:
    """SEO105 for bare keyword lists and SEO102 for every planted seed (see the module docstring).

    Phrases found only by their own shape (``keyword_insertions``) are reported when the page
    confirms the stuffing: another planted phrase, ``corroborated`` (other SEO1xx findings), or at
    least two different such phrases. One odd phrase in an article, however often it recurs, is
    more often a name ("Fast Company") or a slip. Phrases ``inserted`` into sentences (other SEO102
    findings) are echoed too: a title or heading built around one of them is reported."""
    keyword_lines, inserted = list(keyword_lines), list(inserted)
    slots = read_slots(doc)
    findings, seeds = keyword_lists(doc, slots, lex.stopwords)
    seeds |= _labelled_items(doc, keyword_lines)
    seeds |= _repeated_modifier_slots(slots, lex.stopwords)
    seeds |= {phrase for phrase in stuffed if modifiers_in(phrase)}
    seeds |= repeated_fragments(doc, slots, lex)
    seeds = {s for s in seeds if s and len(s) <= MAX_SLOT_WORDS}
    listed = {i for f in findings for i in range(len(slots.lines)) if f.start <= slots.lines[i].start < f.end}
    taken: list[tuple[int, int]] = [(f.start, f.end) for f in findings]
    strict = InsertionFinder(doc, table, lex)
    for slot in slots.slots:  # what the page's structure proves on its own
        if slot.line in listed or _overlaps(taken, slot.start, slot.end):
            continue
        seeded = slot.words in seeds or (slot.kind == "title" and _holds_seed(slot.words, seeds))
        if seeded or (slot.kind == "title" and strict.slot_is_planted(slot, slots)):
            findings.append(_slot_finding(doc, slot.kind, slot.start, slot.end, slot.words))
            taken.append((slot.start, slot.end))
    findings += _in_sentences(doc, table, lex, seeds, taken)
    finder = strict  # built once: only the relaxed flag differs
    finder.relaxed = bool(findings) or corroborated
    weak: list[Finding] = []  # planted by their own shape only: kept when the page confirms them
    # Headings, list items and the phrases only a modifier's own function words make query-shaped
    # ("top rated ...", "same day ...") never confirm the stuffing themselves ("## Free Shipping"
    # and "## Same Day Delivery" on a shop page); they only join a page shown to be stuffed.
    joining: list[Finding] = []
    tails: set[tuple[str, ...]] = set()
    headings: set[tuple[str, ...]] = set()
    for slot in slots.slots:
        if (
            slot.line not in listed
            and not _overlaps(taken, slot.start, slot.end)
            and finder.slot_is_planted(slot, slots)
        ):
            found = _slot_finding(doc, slot.kind, slot.start, slot.end, slot.words)
            joins = slot.kind in ("heading", "item") or slots.lines[slot.line].kind == "item"
            (joining if joins or not _plain_query(slot.words, lex) else weak).append(found)
            if slot.kind == "tail":
                tails.add(slot.words)
            elif slot.kind == "heading":
                headings.add(slot.words)
    for position, size in finder.in_sentences():
        start, end = table.span(position, size)
        words = tuple(table.lower[position : position + size])
        (weak if _plain_query(words, lex) else joining).append(_slot_finding(doc, "sentence", start, end, words))
    distinct = {_words(f.text) for f in weak}
    # Heading tails count only when they vary one topic: see ``_sharing_a_topic_word``.
    counted = (distinct - tails) | (_sharing_a_topic_word(distinct, lex.stopwords) & tails)
    proof = bool(findings) or corroborated or len(counted) >= MIN_UNCONFIRMED or _headlined(weak, slots)
    proof = proof or _query_headings_vary_a_topic(headings, lex)
    for finding in weak + joining if proof else ():
        if not _overlaps(taken, finding.start, finding.end):
            taken.append((finding.start, finding.end))
            findings.append(finding)
    if proof:  # phrases of search words the page repeats, wedged into its sentences
        findings += _in_sentences(doc, table, lex, _repeated_queries(repeated, lex.stopwords, lex) - seeds, taken)
    if findings or corroborated:
        findings += loose_keyword_lists(doc, slots, lex.stopwords, finder.topic, taken)
    if findings and not finder.relaxed:  # the page is now shown to be stuffed: its topic counts too
        finder.relaxed = True
        for slot in slots.slots:
            if (
                slot.kind in ("title", "tail")
                and slot.line not in listed
                and not _overlaps(taken, slot.start, slot.end)
                and finder.slot_is_planted(slot, slots)
            ):
                taken.append((slot.start, slot.end))
                findings.append(_slot_finding(doc, slot.kind, slot.start, slot.end, slot.words))
    planted = (_planted_phrases(findings) | _planted_phrases(inserted)) - seeds
    # A phrase shown planted in one place is a seed for the sentences too ("... assigned to Top
    # rated compound statements without prescription at all"): its other wedged occurrences go.
    found_here = {p for p in _planted_phrases(findings) - seeds if 2 <= len(p) <= MAX_SLOT_WORDS}
    findings += _in_sentences(doc, table, lex, found_here, taken)
    findings += _echoes(doc, slots, planted, taken, _planted_phrases(findings), finder)
    return findings


def _sharing_a_topic_word(phrases: set[tuple[str, ...]], stopwords: frozenset[str]) -> set[tuple[str, ...]]:
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
    tagged = {words for words in headings if _query_tagged(words)}
    return len(_sharing_a_topic_word(tagged, lex.stopwords)) >= MIN_UNCONFIRMED


def _headlined(weak: list[Finding], slots: Slots) -> bool:
    """A phrase of three or more words found by its shape in sentence case that the page's title
    holds in Title Case ("... the carrots are soft Cheap red lentil coupon." under "# Inside Scoop
    On Cheap Red Lentil Coupon"): the page is built around it. A phrase cased as in the title is a
    reference to it, as to a section ("see PEP 495 Local Time Disambiguation")."""
    titles = [slot.words for slot in slots.of_kind("title")]
    for finding in weak:
        words = _words(finding.text)
        recased = any(w[:1].islower() for w in finding.text.split()[1:])
        if recased and len(words) >= MIN_QUERY_WORDS and any(_holds_seed(title, {words}) for title in titles):
            return True
    return False


def _plain_query(words: tuple[str, ...], lex: Lexicon) -> bool:
    """Query-shaped without the function words of a modifier ("top", "same", "without")."""
    return query_shaped(words, lex.stopwords, lex, modifier_words=False)


def _query_tagged(words: tuple[str, ...]) -> bool:
    return InsertionFinder.query_tagged(query_modifiers(words))


def _words(text: str) -> tuple[str, ...]:
    return tuple(m.group().lower() for m in WORD_RE.finditer(text))


def _planted_phrases(findings: list[Finding]) -> set[tuple[str, ...]]:
    """The phrases reported planted (SEO102), as word tuples."""
    return {tuple(m.group().lower() for m in WORD_RE.finditer(f.text)) for f in findings if f.rule == "SEO102"}


def _echoes(
    doc: Document, slots: Slots, planted: set, taken: list, reported: set, finder: InsertionFinder
) -> list[Finding]:
    """Slots that repeat a phrase reported planted elsewhere (a title built around it, a heading)."""
    planted = {p for p in planted if 2 <= len(p) <= MAX_SLOT_WORDS}
    # A heading's tail that opens like a planted phrase of three or more words, cased unlike its
    # heading, is another variant of it ("## 5. Go through every line - Bank Statement Payment"
    # beside "Bank Statement Fraud Services"; "re — Regular expression operations" is a title).
    cores = {p[:2] for p in planted | reported if MIN_QUERY_WORDS <= len(p) <= MAX_SLOT_WORDS}
    found = []
    for slot in slots.slots:
        if _overlaps(taken, slot.start, slot.end) or slot.kind in ("fragment",):
            continue
        if (
            slot.words in planted
            or (slot.kind == "title" and _holds_seed(slot.words, planted))
            or (slot.kind == "tail" and slot.words[:2] in cores and finder.case_breaks(slot, slots))
        ):
            taken.append((slot.start, slot.end))
            found.append(_slot_finding(doc, slot.kind, slot.start, slot.end, slot.words))
        elif (
            slot.kind == "heading"
            and (tail := unjoined_tail(doc, slot, planted | reported, finder.lex))
            and not _overlaps(taken, tail[0], tail[1])
        ):
            taken.append(tail[:2])
            found.append(_slot_finding(doc, "tail", *tail))
    return found


# -- seeds -------------------------------------------------------------------------------------
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


def _headline_repeat(words: tuple[str, ...], seen: set[str], places: int) -> bool:
    return len(words) >= MIN_QUERY_WORDS and {"heading", "tail"} <= seen and places >= MIN_HEADLINE_PLACES


def _contents_entries(kinds: dict[tuple[str, ...], set[str]]) -> set[tuple[str, ...]]:
    """Headings that list items repeat, when the page repeats several (a table of contents):
    "Instant User's Manual" as a section heading and as its entry in the contents is structure."""
    mirrored = {words for words, seen in kinds.items() if {"heading", "item"} <= seen}
    return mirrored if len(mirrored) >= MIN_CONTENTS_ENTRIES else set()


def _repeated_queries(repeated: Iterable[tuple[str, ...]], stopwords: frozenset[str], lex: Lexicon) -> set:
    """Phrases of three or more words with two search modifiers (or a query tail) that the page
    repeats ("discount cake sink price"): seeds for the sentences only, where ``_wedged`` decides."""
    return {
        words
        for words in repeated
        if MIN_QUERY_WORDS <= len(words) <= MAX_SLOT_WORDS
        and _query_tagged(words)
        and query_shaped(words, stopwords, lex)
    }


def _word_modifiers(words: tuple[str, ...]) -> set[str]:
    """Modifiers other than a year: a dated caption ("Senate, October 9, 2018") is not a query."""
    return {m for m in modifiers_in(words) if not YEAR_RE.fullmatch(m)}


def _holds_seed(words: tuple[str, ...], seeds: set[tuple[str, ...]]) -> bool:
    """A title holding a seed of three words, or of two with a search modifier."""
    for seed in seeds:
        size = len(seed)
        if (size >= 3 or (size == 2 and modifiers_in(seed))) and any(
            words[i : i + size] == seed for i in range(len(words) - size + 1)
        ):
            return True
    return False


# -- occurrences inside sentences ----------------------------------------------------------------
def _in_sentences(doc: Document, table: WordTable, lex: Lexicon, seeds: set, taken: list) -> list[Finding]:
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
            if _overlaps(taken, start, end) or not _wedged(doc, table, i, size, lex):
                continue
            taken.append((start, end))
            findings.append(_slot_finding(doc, "sentence", start, end, seed))
    return findings


def _wedged(doc: Document, table: WordTable, i: int, size: int, lex: Lexicon) -> bool:
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
    # A seed of three or more words that one side does not take, where the words around it make a
    # common pair: "ovens run hotter than the [discount cake sink price] dial says".
    return size >= MIN_QUERY_WORDS and (left or right) and lex.bigram(lower[i - 1], lower[end]) >= MIN_JOIN


def _slot_finding(doc: Document, kind: str, start: int, end: int, words: tuple[str, ...]) -> Finding:
    where = {
        "title": "the title is a template built around the keyphrase",
        "heading": "it stands as a heading of its own",
        "tail": "it is tacked onto a heading",
        "fragment": "it stands as a sentence of its own",
        "bold": "it is bolded into a sentence it does not belong to",
        "item": "it is a list item of its own",
        "sentence": "the sentence reads on without it",
    }[kind]
    phrase = " ".join(words)
    evidence = {"phrase_words": len(words), "modifiers": len(modifiers_in(words)), "in_title": float(kind == "title")}
    if kind == "title":
        # Deleting a title leaves the page without one, and the writer's own title cannot be
        # recovered from the template: the fix is a new title, which only the writer can give.
        message = f"'{phrase}' is a planted keyphrase variant: {where}; write a title of your own"
        return make_finding(doc, "SEO102", start, end, message, suggestion=None, evidence=evidence)
    message = f"'{phrase}' is a planted keyphrase variant: {where}; delete it"
    return make_finding(doc, "SEO102", start, end, message, suggestion="", evidence=evidence)


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


__all__ = ["keyword_family_findings"]
