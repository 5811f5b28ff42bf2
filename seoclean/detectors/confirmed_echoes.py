"""Further copies of a keyphrase the page is already shown to plant in several places (SEO102).

A stuffer drops the same lower-case keyphrase into sentence after sentence at random word
boundaries: "cut in freehand. Use low-tack decorator's [walls step for beginners] tape on the
skirting", "firmware-atheros for [instant network] Qualcomm Atheros". Once that exact phrase is
reported planted at ``MIN_PROOF`` places, and at least half of its occurrences, a copy of it
needs less proof than a phrase judged on its own (``wedged_seeds.wedged`` asks for a common word
pair left behind, which rare or technical neighbours never give). A copy inside a sentence is
taken when

- it is in lower case, right after a word (no punctuation before it),
- at least one neighbour never pairs with it (the phrase does not fit the place), and
- after a function word, the two neighbours make a usual pair when the next word is common:
  where the writer uses the term as a noun ("connect to the ssh machine over a tunnel"), taking
  it out leaves words that rarely meet ("the over", "the is"), and the copy stays. After a
  content word the phrase is no noun the sentence needs ("the host [ssh machine] as well as").

A copy that carries a search word and ends a heading of the writer's own words goes too ("##
Finding clinical trials [affordable clinical trials 2024]"); the page's topic without a search
word ("## Choosing a sourdough starter") is what a heading names.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from seoclean.detectors.family_findings import overlaps, phrase_words, slot_finding
from seoclean.detectors.keyword_insertions import MIN_ATTACHED_JOIN, MIN_COMMON_ZIPF
from seoclean.detectors.keyword_slots import MAX_SLOT_WORDS, Slots
from seoclean.detectors.phrases import WordTable
from seoclean.detectors.search_terms import modifiers_in
from seoclean.document import Document
from seoclean.findings import Finding
from seoclean.lexicon import Lexicon

MIN_PROOF = 2  # places the exact phrase must already be reported planted at
MIN_TAIL_QUERY_WORDS = 3  # ... but once for a phrase this long with a search word ending a heading


def confirmed_copies(
    doc: Document, table: WordTable, slots: Slots, lex: Lexicon, reported: Iterable[Finding], taken: list
) -> list[Finding]:
    """SEO102 for copies of phrases reported planted ``MIN_PROOF`` times: lower-case copies inside
    sentences, and copies carrying a search word that end a heading."""
    spans = {(f.start, f.end): phrase_words(f.text) for f in reported if f.rule == "SEO102"}
    counts = Counter(spans.values())  # by span: two steps may report the same place
    proven = {p for p, n in counts.items() if n >= MIN_PROOF and 2 <= len(p) <= MAX_SLOT_WORDS}
    # A query of three or more words is no heading's own ending: one report proves its copy there.
    queries = {p for p in counts if MIN_TAIL_QUERY_WORDS <= len(p) <= MAX_SLOT_WORDS}
    if not (proven or queries):
        return []  # most pages: nothing planted
    places = _occurrences(table, proven)
    # Mostly unreported: the page's own term ("mock objects"), reported by a slip.
    proven = {p for p in proven if len(places[p]) <= 2 * counts[p]}
    found = _heading_tails(doc, slots, proven | queries, list(spans), taken)
    for phrase in sorted(proven, key=lambda p: (-len(p), p)):
        positions = places[phrase]
        for i in positions:
            start, end = table.span(i, len(phrase))
            if (
                overlaps(taken, start, end)
                or overlaps(spans, start, end)
                or not _copy_here(doc, table, lex, i, len(phrase))
            ):
                continue
            taken.append((start, end))
            found.append(slot_finding(doc, "sentence", start, end, phrase))
    return sorted(found, key=lambda f: f.start)


def _heading_tails(
    doc: Document, slots: Slots, proven: set[tuple[str, ...]], spans: list, taken: list
) -> list[Finding]:
    """Headings of their own words ending on a proven phrase with a search word: "## Finding
    clinical trials [affordable clinical trials 2024]", "## 1. What ibuprofen is used for [buy
    youtube views]". A heading that is only the phrase is judged by the slot steps."""
    found = []
    for slot in slots.of_kind("heading"):
        words = slots.lines[slot.line].words
        for phrase in sorted(proven, key=lambda p: (-len(p), p)):
            size = len(phrase)
            if len(slot.words) < size + 2 or slot.words[-size:] != phrase or not modifiers_in(phrase):
                continue
            start, end = words[-size].start, words[-1].end
            if not (overlaps(taken, start, end) or overlaps(spans, start, end)):
                taken.append((start, end))
                found.append(slot_finding(doc, "tail", start, end, phrase))
            break
    return found


def _occurrences(table: WordTable, phrases: set[tuple[str, ...]]) -> dict[tuple[str, ...], list[int]]:
    """Positions of each phrase, longest phrases first: where phrases overlap, the longer one's
    copy is judged (and taken) first."""
    ordered = sorted(phrases, key=lambda p: (-len(p), p))  # not in hash order
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for phrase in ordered:
        by_first.setdefault(phrase[0], []).append(phrase)
    places: dict[tuple[str, ...], list[int]] = {p: [] for p in ordered}
    for i, word in enumerate(table.lower):
        for phrase in by_first.get(word, ()):
            if tuple(table.lower[i : i + len(phrase)]) == phrase:
                places[phrase].append(i)
    return places


def _copy_here(doc: Document, table: WordTable, lex: Lexicon, i: int, size: int) -> bool:
    """Whether the copy at ``i`` is wedged between words that do without it (module docstring)."""
    words, lower, text = table.words, table.lower, doc.text
    end = i + size
    if i == table.sentence_start[i] or end > table.sentence_end[i] or table.in_heading(i):
        return False
    if text[words[i - 1].end : words[i].start].strip() or not words[i].text.islower():
        return False  # after punctuation it may open a clause; capitalised copies are judged elsewhere
    if "|" in text[words[i].start : words[end - 1].end]:
        return False  # across a table's cells
    left_free = lex.bigram(lower[i - 1], lower[i]) == 0
    if end == table.sentence_end[i] or text[words[end - 1].end : words[end].start].strip():
        # At a clause's end only the left seam can show it; after a function word ("log in to
        # the ssh machine.") the phrase is the noun the clause ends on.
        return left_free and lower[i - 1] not in lex.stopwords
    right_free = lex.bigram(lower[end - 1], lower[end]) == 0
    if not (left_free or right_free):
        return False
    if lower[i - 1] in lex.stopwords and _common(lex, lower[end]):
        # "the [ssh machine] is down": a noun the clause needs, unless the pair left is a usual one
        return lex.bigram(lower[i - 1], lower[end]) >= MIN_ATTACHED_JOIN
    return True


def _common(lex: Lexicon, word: str) -> bool:
    return len(word) > 1 and lex.zipf(word) >= MIN_COMMON_ZIPF
