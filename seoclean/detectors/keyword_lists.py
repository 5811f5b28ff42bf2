"""Bare lists of keyphrase variants (SEO105), read from a document's list items.

A list of short, unpunctuated items that vary one word with search modifiers ("- cheap kettle
descaler near me", "- best kettle descaler deals") is a list of search queries, not the points of
an article. A table of contents is not: its items repeat the page's own headings. On a page
already shown to be stuffed, a shorter list of the same shape with one search word is enough.
"""

from __future__ import annotations

import re
from collections import Counter

from seoclean.detectors.base import make_finding
from seoclean.detectors.keyword_insertions import query_modifiers, query_shaped
from seoclean.detectors.keyword_slots import MAX_SLOT_WORDS, Line, Slots
from seoclean.detectors.search_terms import STRONG_MODIFIERS, YEAR_RE, modifiers_in
from seoclean.document import Document
from seoclean.findings import Finding
from seoclean.lexicon import Lexicon

_TERMINAL = (".", "!", "?", ":", ";")
# Entries of a menu or a breadcrumb trail on one line ("Home | News | Contact", "Home > Services"):
# a row of links, which plain text extracted from a page lists with its other header lines.
_MENU_SEPARATOR_RE = re.compile(r"\s[|·•»›>/]\s")
MIN_SHARED_ITEM_SHARE = 0.6
# Punctuation inside an item: a headline ("Buying a Mattress Online: Your Questions Answered",
# "Crew Socks — 3 Pack"), not a keyphrase.
_HEADLINE_PUNCTUATION_RE = re.compile(r"[:?!—–]|\s-\s")
MIN_CONTENTS_ENTRIES = 3  # headings repeated as list items that make a table of contents
MAX_PASTED_ITEMS = 4  # a pasted list of keyphrase variants is short: the stuffer's budget is a few words


def keyword_lists(doc: Document, slots: Slots, stopwords: frozenset[str]) -> tuple[list[Finding], set]:
    """SEO105 for every bare keyword list, and its items as seeds (word tuples) for the page."""
    findings, seeds = [], set()
    headings = {slot.words for slot in slots.slots if slot.kind in ("heading", "title")}
    for items in _short_item_runs(doc, slots):
        if _is_contents(items, headings) or not _is_keyword_list(doc, items, stopwords):
            continue
        seeds.update(item.lower for item in items)
        start, end = items[0].start, items[-1].end
        shared, _ = _shared_word([item.lower for item in items], stopwords)
        message = f"a list of {len(items)} keyword variants ('{shared}' in most of them); delete it"
        evidence = {"items": len(items), "list_block": 1.0}
        findings.append(make_finding(doc, "SEO105", start, end, message, suggestion="", evidence=evidence))
    return findings, seeds


def loose_keyword_lists(
    doc: Document, slots: Slots, stopwords: frozenset[str], topic: frozenset[str], taken: list
) -> list[Finding]:
    """On a page shown to be stuffed, a short list whose items vary one of the page's ``topic``
    words, one of them with a search modifier ("- Radiator valve / - Radiator fast"), is one more
    keyword list. Points of an article that share an ordinary word ("Future costs", "Funeral
    costs") are not, nor are headlines of related posts ("- Buying a Mattress Online: Your
    Questions Answered"), whose items hold punctuation."""
    findings = []
    headings = {slot.words for slot in slots.slots if slot.kind in ("heading", "title")}
    for items in _short_item_runs(doc, slots):
        start, end = items[0].start, items[-1].end
        words = [item.lower for item in items]
        if any(s < end and start < e for s, e in taken) or _is_contents(items, headings):
            continue
        if any(_HEADLINE_PUNCTUATION_RE.search(doc.text, item.words[0].start, item.end) for item in items):
            continue
        shared, sharing = _shared_word(words, stopwords)
        if sharing < 2 or shared not in topic or not any(shared in w and query_modifiers(w) for w in words):
            continue
        taken.append((start, end))
        message = f"a list of {len(items)} keyword variants ('{shared}' in {sharing}) on a stuffed page; delete it"
        evidence = {"items": len(items), "list_block": 1.0}
        findings.append(make_finding(doc, "SEO105", start, end, message, suggestion="", evidence=evidence))
    return findings


def pasted_lists(doc: Document, slots: Slots, lex: Lexicon, taken: list) -> tuple[list[Finding], set]:
    """SEO105 for a short list pasted between two paragraphs, and its items as seeds.

    A writer introduces a list ("You will need:") and makes its items parallel points; a stuffer
    drops two or three keyphrase variants after any paragraph ("... and the spout filter. / - Kettle
    descaler fast / - Kettle for beginners"). Such a list is the whole list (or the run of one
    marker before another kind of list), follows a paragraph that does not lead into it, holds
    only query-shaped items without headline punctuation, and writes the page's keyphrase family
    out as queries: an item repeats a title word, and the items carry a search modifier the title
    does not ("There are two ways to pay. / - Online banking / - Local branches" under "# Paying
    your council tax" shares no word with its title)."""
    findings, seeds = [], set()
    title = _title_words(slots, lex.stopwords)
    for run in (part for whole in slots.lists for part in _by_marker(doc, slots, whole)):
        items = [slots.lines[i] for i in run]
        start, end = items[0].start, items[-1].end
        if len(items) < 2 or len(items) > MAX_PASTED_ITEMS or any(s < end and start < e for s, e in taken):
            continue
        if not _without_lead_in(doc, slots, run[0]) or not all(_pasted_item(doc, item, lex) for item in items):
            continue
        words = [item.lower for item in items]
        modifiers = set().union(*(query_modifiers(w) for w in words)) - title
        if not modifiers or not any(title.intersection(w) for w in words):
            continue
        taken.append((start, end))
        seeds.update(words)
        message = f"a list of {len(items)} keyphrase variants pasted between paragraphs; delete it"
        evidence = {"items": len(items), "list_block": 1.0}
        findings.append(make_finding(doc, "SEO105", start, end, message, suggestion="", evidence=evidence))
    return findings, seeds


def _by_marker(doc: Document, slots: Slots, run: list[int]) -> list[list[int]]:
    """A run of items split where the list marker changes kind ("• Garden hose today" above "1.
    Turn off the outside tap"): plain text runs a pasted bullet list into the numbered steps below."""
    parts: list[list[int]] = []
    previous = None
    for index in run:
        first = doc.text[slots.lines[index].start : slots.lines[index].end].lstrip("> ")[:1]
        kind = "number" if first.isdigit() else first
        if kind != previous:
            parts.append([])
        parts[-1].append(index)
        previous = kind
    return parts


def _title_words(slots: Slots, stopwords: frozenset[str]) -> frozenset[str]:
    return frozenset(w for slot in slots.of_kind("title") for w in slot.words if w not in stopwords and len(w) > 2)


def _without_lead_in(doc: Document, slots: Slots, first: int) -> bool:
    """The line before the list is a paragraph that does not introduce it (no closing colon)."""
    if first == 0 or slots.lines[first - 1].kind != "paragraph":
        return False
    return not doc.text[slots.lines[first - 1].start : slots.lines[first - 1].end].rstrip().endswith(":")


def _pasted_item(doc: Document, item: Line, lex: Lexicon) -> bool:
    if not _short_item(doc, item) or _HEADLINE_PUNCTUATION_RE.search(doc.text, item.words[0].start, item.end):
        return False
    return query_shaped(item.lower, lex.stopwords, lex)


def _is_contents(items: list[Line], headings: set[tuple[str, ...]]) -> bool:
    """A table of contents: most items repeat the page's own headings."""
    mirrored = sum(1 for item in items if item.lower in headings)
    return mirrored >= MIN_CONTENTS_ENTRIES and mirrored * 2 >= len(items)


def _short_item_runs(doc: Document, slots: Slots) -> list[list[Line]]:
    """Runs of two or more adjacent short, unpunctuated list items (keyphrases pasted into a
    real list sit beside its sentence-like items)."""
    runs: list[list[Line]] = []
    for run in slots.lists:
        current: list[Line] = []
        for index in run + [None]:
            item = slots.lines[index] if index is not None else None
            if item is not None and _short_item(doc, item):
                current.append(item)
                continue
            if len(current) >= 2:
                runs.append(current)
            current = []
    return runs


def _short_item(doc: Document, item: Line) -> bool:
    if not 1 <= len(item.words) <= MAX_SLOT_WORDS:
        return False
    raw = doc.text[item.words[0].start : item.end].rstrip()  # after the list marker
    return not raw.endswith(_TERMINAL) and ". " not in raw and not _MENU_SEPARATOR_RE.search(raw)


def _is_keyword_list(doc: Document, items: list[Line], stopwords: frozenset[str]) -> bool:
    """Short unpunctuated items, most repeating one content word, with two or more different
    search modifiers among them (a query tail such as "near me" counts twice): search queries,
    not the points of an article."""
    words = [item.lower for item in items]
    found = [modifiers_in(w) for w in words]
    distinct = _one_year(set().union(*found))
    weight = len(distinct) + sum(1 for m in distinct if m in STRONG_MODIFIERS)
    _, sharing = _shared_word(words, stopwords)
    if sharing < 2 or (sharing < MIN_SHARED_ITEM_SHARE * len(items) and weight < 3):
        return False  # most items vary one topic, unless the list is plainly made of queries
    return weight >= 2 and (sum(bool(m) for m in found) * 2 >= len(items) or weight >= 3)


def _one_year(modifiers: set[str]) -> set[str]:
    """The modifiers with all years counted as one: a different year on each item dates a
    chronology ("Ian Murdock August 1993", "Bruce Perens April 1996"), not queries."""
    years = sorted(m for m in modifiers if YEAR_RE.fullmatch(m))
    return (modifiers - set(years)) | set(years[:1])


def _shared_word(items: list[tuple[str, ...]], stopwords: frozenset[str]) -> tuple[str, int]:
    counts: Counter = Counter()
    for words in items:
        counts.update({w for w in words if w not in stopwords and len(w) > 1 and not w.isdigit()})
    return max(counts.items(), key=lambda kv: (kv[1], kv[0]), default=("", 0))


__all__ = ["MIN_CONTENTS_ENTRIES", "keyword_lists", "loose_keyword_lists", "pasted_lists"]
