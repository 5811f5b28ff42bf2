"""Keyphrase variants planted through a page, found as a family (SEO102, SEO105).

A stuffer targets one topic and writes it out as search queries: the topic with modifiers of
commercial or local intent ("best", "cheap", "price", "deals", "near me", "open now", "for sale",
a year), the modifiers keyword-research tools sort queries by. Articles have short lists and noun
headings too, so a single short phrase proves nothing; a family does:

1. Seeds. A bare list whose items are short phrases without sentence punctuation, most of them
   repeating one content word, with two or more different search modifiers among them, is a
   keyword list (SEO105 over the list) and its items are seeds, as are the items of a short list
   of title variants pasted between two paragraphs (``keyword_lists.pasted_lists``). So are the
   items of labelled keyword lines (SEO105 "Related searches: ..."), phrases with a search
   modifier that recur in two places of the page's structure, stuffed phrases (SEO101) with a
   modifier, and repeated phrases wedged into sentences (``repeated_wedges``: a query with a
   query tail into two of them).
2. Every slot (``keyword_slots``) holding exactly a seed is reported: an extra heading, a heading's
   tail, a fragment sentence, a bold run, a list item. A title that contains a seed with a
   modifier is a template built around the keyphrase and is reported whole.
3. Inside a sentence a seed is reported where the sentence does not need it: capitalised after a
   lower-case word, or with neither neighbour forming a known word pair with it. On a page shown
   to be stuffed, phrases of three or more search words that the page repeats, and phrases
   reported planted elsewhere on the page, are looked for in the sentences the same way.

4. Once two different phrases are reported, the family's head words (``family_wedges``) find its
   other variants: the head word with a search modifier, wedged into a sentence or standing as a
   heading, a heading's tail or a list item.
5. A phrase reported planted at two places or more, and at half its occurrences, loses its other
   copies where a seam shows the paste even if the pair data cannot judge the other seam
   (``confirmed_echoes``).

Structure is not a family: a table of contents repeats the page's headings as list items, so its
entries neither make a keyword list nor turn a heading into a seed.

This module runs the steps in order; the seeds are gathered in ``keyword_seeds``, the sentences
searched in ``wedged_seeds``, shaped phrases confirmed in ``family_proof``, and the findings built
in ``family_findings``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from seoclean.detectors.confirmed_echoes import confirmed_copies
from seoclean.detectors.family_findings import echoes, overlaps, planted_phrases, slot_finding
from seoclean.detectors.family_proof import family_confirmed, plain_query, tagged_queries_vary_a_topic
from seoclean.detectors.family_wedges import head_words, reported_phrases, wedged_variants
from seoclean.detectors.keyword_insertions import InsertionFinder
from seoclean.detectors.keyword_lists import keyword_lists, loose_keyword_lists, pasted_lists
from seoclean.detectors.keyword_seeds import family_seeds, holds_seed, repeated_queries
from seoclean.detectors.keyword_slots import MAX_SLOT_WORDS, Slot, Slots, numbered_slot, read_slots
from seoclean.detectors.phrases import WordTable
from seoclean.detectors.repeated_wedges import wedged_queries, wedged_repeats
from seoclean.detectors.standalone_repeats import unjoined_tail
from seoclean.detectors.wedged_seeds import seeds_in_sentences
from seoclean.document import Document
from seoclean.findings import Finding
from seoclean.lexicon import Lexicon

MIN_TOPIC_CUTS = 2  # different topic queries that sentences read on without (`_topic_queries_cut_off`)


@dataclass(slots=True)
class _Page:
    """What the steps share. ``taken`` grows with every finding, so no two findings share text;
    ``listed`` are the lines of the keyword lists already reported, whose items are not slots."""

    doc: Document
    table: WordTable
    lex: Lexicon
    slots: Slots
    listed: set[int]
    taken: list[tuple[int, int]]
    finder: InsertionFinder

    def free(self, slot: Slot) -> bool:
        # A numbered heading or contents entry ("5.7 Further tweaking") is the writer's outline.
        return (
            slot.line not in self.listed
            and not overlaps(self.taken, slot.start, slot.end)
            and not numbered_slot(self.doc.text, slot)
        )

    def finding(self, slot: Slot) -> Finding:
        return slot_finding(self.doc, slot.kind, slot.start, slot.end, slot.words)

    def report(self, slot: Slot) -> Finding:
        self.taken.append((slot.start, slot.end))
        return self.finding(slot)


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
    repeated_twice: Iterable[tuple[str, ...]] = (),
) -> list[Finding]:
    """SEO105 for bare keyword lists and SEO102 for every planted seed (see the module docstring).

    Phrases found only by their own shape (``keyword_insertions``) are reported when the page
    confirms the stuffing: another planted phrase, ``corroborated`` (other SEO1xx findings), or at
    least two different such phrases. One odd phrase in an article, however often it recurs, is
    more often a name ("Fast Company") or a slip. Phrases ``inserted`` into sentences (other SEO102
    findings) are echoed too: a title or heading built around one of them is reported."""
    keyword_lines, inserted, repeated, stuffed = list(keyword_lines), list(inserted), list(repeated), list(stuffed)
    slots = read_slots(doc)
    findings, list_seeds = keyword_lists(doc, slots, lex.stopwords)
    pasted, pasted_seeds = pasted_lists(doc, slots, lex, [(f.start, f.end) for f in findings])
    findings, list_seeds = findings + pasted, list_seeds | pasted_seeds
    seeds = family_seeds(doc, slots, lex, list_seeds, keyword_lines, stuffed)
    seeds |= wedged_repeats(doc, table, lex, repeated)
    seeds |= wedged_queries(doc, table, lex, repeated_twice)
    listed = {i for f in findings for i in range(len(slots.lines)) if f.start <= slots.lines[i].start < f.end}
    taken = [(f.start, f.end) for f in findings]
    page = _Page(doc, table, lex, slots, listed, taken, InsertionFinder(doc, table, lex))
    findings += _seeded_slots(page, seeds)
    findings += seeds_in_sentences(doc, table, lex, seeds, taken)
    confirmed = bool(findings) or corroborated
    page.finder.relaxed = confirmed  # one finder: only the relaxed flag differs between the steps
    findings += _shaped_phrases(page, confirmed, repeated, seeds)
    if findings or corroborated:
        findings += loose_keyword_lists(doc, slots, lex.stopwords, page.finder.topic, taken)
    if findings and not page.finder.relaxed:  # the page is now shown to be stuffed: its topic counts too
        page.finder.relaxed = True
        findings += _on_topic_slots(page)
    findings += _planted_elsewhere(page, findings, inserted, seeds)
    findings += _family_variants(page, findings + inserted + keyword_lines, stuffed)
    findings += confirmed_copies(doc, table, slots, lex, findings + inserted, page.taken)
    return findings


def _family_variants(page: _Page, reported: list[Finding], stuffed: Iterable[tuple[str, ...]]) -> list[Finding]:
    """The family's other variants, found by its head words (``family_wedges``)."""
    title = [w for slot in page.slots.of_kind("title") for w in slot.words]
    heads = head_words(reported_phrases(reported) | set(stuffed), title, page.lex.stopwords)
    return wedged_variants(page.doc, page.table, page.slots, page.lex, heads, page.taken)


def _seeded_slots(page: _Page, seeds: set[tuple[str, ...]]) -> list[Finding]:
    """What the page's structure proves on its own: slots holding exactly a seed, titles holding
    one, and titles the strict finder takes for templates."""
    found = []
    for slot in page.slots.slots:
        if not page.free(slot):
            continue
        seeded = slot.words in seeds or (slot.kind == "title" and holds_seed(slot.words, seeds))
        if seeded or (slot.kind == "title" and page.finder.slot_is_planted(slot, page.slots)):
            found.append(page.report(slot))
    return found


def _shaped_phrases(
    page: _Page, confirmed: bool, repeated: Iterable[tuple[str, ...]], seeds: set[tuple[str, ...]]
) -> list[Finding]:
    """Slots and sentence phrases planted by their own shape, kept when the page confirms them;
    then the phrases of search words the page repeats, wedged into its sentences."""
    weak, joining, tails, headings = _shaped_slots(page, seeds)
    _shaped_sentences(page, weak, joining)
    if not (
        confirmed
        or family_confirmed(weak, tails, headings, page.slots, page.lex)
        or tagged_queries_vary_a_topic(weak + joining, page.lex)
    ):
        weak, joining = _topic_queries_cut_off(page), []
        if not weak:
            return []
    found = []
    for finding in weak + joining:
        if not overlaps(page.taken, finding.start, finding.end):
            page.taken.append((finding.start, finding.end))
            found.append(finding)
    queries = repeated_queries(repeated, page.lex.stopwords, page.lex) - seeds
    return found + seeds_in_sentences(page.doc, page.table, page.lex, queries, page.taken)


def _topic_queries_cut_off(page: _Page) -> list[Finding]:
    """On a page not otherwise shown stuffed: the lower-case phrases of the page's topic and a
    search word that sentences read on without ("recover [investment scams offering without
    prescription] your money", "for [personal loan best price] example"), when there are at least
    MIN_TOPIC_CUTS different ones. One is an article's own phrasing as often as a paste; several
    variants, each leaving a common word pair behind, are a keyphrase family planted through it."""
    page.finder.relaxed = True
    hits = page.finder.cut_off_in_sentences()
    page.finder.relaxed = False
    lower = page.table.lower
    if len({tuple(lower[i : i + size]) for i, size in hits}) < MIN_TOPIC_CUTS:
        return []  # one phrase, however often: the article's own wording ("the best roofers book up")
    found = []
    for position, size in hits:
        start, end = page.table.span(position, size)
        found.append(
            slot_finding(page.doc, "sentence", start, end, tuple(page.table.lower[position : position + size]))
        )
    return found


def _shaped_slots(page: _Page, seeds: set[tuple[str, ...]]) -> tuple[list[Finding], list[Finding], set, set]:
    """Free slots the finder takes for planted: (weak, joining, tail words, heading words). A
    heading that ends on a seed tacked onto it ("## Rent increases Cheap Tenant Fast") is left to
    ``echoes``, which takes only the seed.

    Headings, list items and the phrases only a modifier's own function words make query-shaped
    ("top rated ...", "same day ...") do not confirm the stuffing by themselves ("## Free Shipping"
    and "## Same Day Delivery" on a shop page); they join a page shown to be stuffed, or confirm
    it as tagged queries that vary one topic or stand at two places
    (``family_proof.tagged_queries_vary_a_topic``)."""
    weak: list[Finding] = []
    joining: list[Finding] = []
    tails: set[tuple[str, ...]] = set()
    headings: set[tuple[str, ...]] = set()
    for slot in page.slots.slots:
        if not (page.free(slot) and page.finder.slot_is_planted(slot, page.slots)):
            continue
        if slot.kind == "heading" and unjoined_tail(page.doc, slot, seeds, page.lex):
            continue
        joins = slot.kind in ("heading", "item") or page.slots.lines[slot.line].kind == "item"
        (joining if joins or not plain_query(slot.words, page.lex) else weak).append(page.finding(slot))
        if slot.kind == "tail":
            tails.add(slot.words)
        elif slot.kind == "heading":
            headings.add(slot.words)
    return weak, joining, tails, headings


def _shaped_sentences(page: _Page, weak: list[Finding], joining: list[Finding]) -> None:
    """Adds the finder's query-shaped phrases inside sentences to ``weak`` or ``joining``."""
    for position, size in page.finder.in_sentences():
        start, end = page.table.span(position, size)
        words = tuple(page.table.lower[position : position + size])
        found = slot_finding(page.doc, "sentence", start, end, words)
        (weak if plain_query(words, page.lex) else joining).append(found)


def _on_topic_slots(page: _Page) -> list[Finding]:
    """Titles and heading tails the relaxed finder takes for planted, once the page is shown stuffed."""
    found = []
    for slot in page.slots.slots:
        if slot.kind in ("title", "tail") and page.free(slot) and page.finder.slot_is_planted(slot, page.slots):
            found.append(page.report(slot))
    return found


def _planted_elsewhere(
    page: _Page, findings: list[Finding], inserted: list[Finding], seeds: set[tuple[str, ...]]
) -> list[Finding]:
    """Other occurrences of the phrases reported planted here or ``inserted`` elsewhere."""
    planted = (planted_phrases(findings) | planted_phrases(inserted)) - seeds
    # A phrase shown planted in one place is a seed for the sentences too ("... assigned to Top
    # rated compound statements without prescription at all"): its other wedged occurrences go.
    found_here = {p for p in planted_phrases(findings) - seeds if 2 <= len(p) <= MAX_SLOT_WORDS}
    found = seeds_in_sentences(page.doc, page.table, page.lex, found_here, page.taken)
    return found + echoes(page.doc, page.slots, planted, page.taken, planted_phrases(findings + found), page.finder)


__all__ = ["keyword_family_findings"]
