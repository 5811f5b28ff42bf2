"""Title Case search queries on the page's topic pasted into running text (SEO102).

A stuffer pastes its keyphrase into sentences in the casing of a headline: "illegal to interrupt
[Sweep Year No Credit Check] an active nest", "employed borrowers often need [Lenders File Today]
to show two years of figures". A writer capitalises common words mid-sentence only for a name,
and a name of the page's topic is written in capitals wherever it occurs. So a run is reported
when

- it follows a lower-case content word with no punctuation between (after "the", "of", ... a
  capitalised run is a name's usual place; after a search word, "best Local Services articles",
  it is a category the writer names);
- the word before it is not a bare verb form: an instruction names an interface label in capitals
  ("enable Online Quotes", "click Save Changes");
- every word is a common word in Title Case (no acronym, no rare word: names are made of those),
  and the next word is in lower case (the run does not continue into a longer name); or, ending
  the sentence, it opens on such a word and runs on in lower case ("... the same lot Affordable
  capital gains."): there the sentence's end bounds it;
- it is shaped like a search query (``query_shape``) and carries a search modifier; and
- it holds one of the page's topic words, which the page writes in lower case more often than in
  capitals mid-sentence: the page's own subject said as a query, in a casing the page does not
  give it (the words of a name keep their capitals: "said Local Government Association staff").

One such run alone is how a writer may name a product or a scheme, so runs are reported only on a
page that shows stuffing already (other findings) or holds ``MIN_ALONE`` of them.

A stuffer also pastes its keyphrase without a search word, the same Title Case run again and again
("unless it [Frequently Asked Beneficiary] was made", "a [Frequently Asked Beneficiary] house
move"). Without a search word such a run could be a name, so it is reported only when it is pasted
``MIN_REPEATED`` times after a lower-case content word, holds a topic word the page writes in lower
case, and all but one of its places read on without it: a name needs its place in the sentence.
A run that a heading of the page holds is the name of that section, which a manual refers to
("see section Polling Objects below").
"""

from __future__ import annotations

from collections import Counter, defaultdict

from seoclean.detectors.base import make_finding
from seoclean.detectors.family_findings import overlaps
from seoclean.detectors.keyword_insertions import InsertionFinder, bare_verb
from seoclean.detectors.phrases import WordTable
from seoclean.detectors.query_shape import MAX_PHRASE, query_modifiers, query_shaped
from seoclean.detectors.search_terms import MODIFIER_START_WORDS, YEAR_RE
from seoclean.document import Document
from seoclean.findings import Finding
from seoclean.lexicon import Lexicon

MIN_RUN = 2  # one capitalised word after a lower-case one is as often a name as a paste
MIN_ALONE = 2  # runs needed on a page with no other stuffing finding
MIN_REPEATED = 3  # pastes of one run without a search word that make it a planted keyphrase


def capital_pastes(doc: Document, table: WordTable, lex: Lexicon, taken: list[tuple[int, int]]) -> list[Finding]:
    """SEO102 for each Title Case query pasted into a sentence (module docstring), outside ``taken``."""
    finder = InsertionFinder(doc, table, lex)
    if not finder.topic:
        return []
    lower_topic = _topic_in_lower_case(table, finder.topic)
    corroborated = bool(taken)
    reserved = list(taken)
    openings = [i for i in range(1, len(table)) if _opens_paste(table, finder, lex, i)]  # both passes read them
    found = []
    for i in openings:
        end = _query_end(table, finder, lex, i, lower_topic)
        if end is None:
            continue
        start, stop = table.span(i, end - i)
        if overlaps(taken, start, stop):
            continue
        taken.append((start, stop))
        found.append(_paste_finding(doc, table, i, end))
    if not (corroborated or len(found) >= MIN_ALONE):
        found, taken[:] = [], reserved
    return found + _repeated_pastes(doc, table, finder, lex, lower_topic, taken, openings)


def _paste_finding(doc: Document, table: WordTable, i: int, end: int) -> Finding:
    start, stop = table.span(i, end - i)
    phrase = " ".join(table.lower[i:end])
    message = f"'{phrase}' is a keyphrase pasted into this sentence in Title Case; delete it"
    evidence = {"phrase_words": end - i, "junction_bigram": 0.0}
    return make_finding(doc, "SEO102", start, stop, message, suggestion="", evidence=evidence)


def _repeated_pastes(
    doc: Document,
    table: WordTable,
    finder: InsertionFinder,
    lex: Lexicon,
    lower_topic: frozenset[str],
    taken: list[tuple[int, int]],
    openings: list[int],
) -> list[Finding]:
    """The Title Case runs without a search word pasted ``MIN_REPEATED`` times (module docstring),
    among the runs opening at ``openings`` (``_opens_paste``)."""
    places: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i in openings:
        end = _title_run_end(table, finder, i)
        if end is None or end - i < MIN_RUN:
            continue
        words = tuple(table.lower[i:end])
        if query_shaped(words, lex.stopwords, lex) and not lower_topic.isdisjoint(words):
            places[words].append(i)
    found = []
    headings = _heading_texts(table)
    for words, starts in places.items():
        if any(f" {' '.join(words)} " in heading for heading in headings):
            continue  # a reference to a section of the page
        reading_on = sum(1 for i in starts if finder.leaves_sentence_whole(i, i + len(words)))
        if len(starts) < MIN_REPEATED or reading_on < len(starts) - 1:
            continue
        for i in starts:
            start, stop = table.span(i, len(words))
            if not overlaps(taken, start, stop):
                taken.append((start, stop))
                found.append(_paste_finding(doc, table, i, i + len(words)))
    return found


def _heading_texts(table: WordTable) -> list[str]:
    """The lower-case words of each heading and title, space-padded for whole-word matching."""
    words_of: dict[int, list[str]] = defaultdict(list)
    for position, word in enumerate(table.words):
        if word.block in table.heading_blocks:
            words_of[word.block].append(table.lower[position])
    return [f" {' '.join(words)} " for words in words_of.values()]


def _title_run_end(table: WordTable, finder: InsertionFinder, i: int) -> int | None:
    """The end of the run of common words in Title Case opening at ``i``; None when the capitals
    run on into a longer name or title."""
    run = i + 1
    limit = min(table.sentence_end[i], i + MAX_PHRASE)
    while run < limit and not finder.gap(run - 1, run) and _in_title_case(table, finder, run):
        run += 1
    if run < table.sentence_end[i] and table.words[run].text[:1].isupper():
        return None
    return run


def _topic_in_lower_case(table: WordTable, topic: frozenset[str]) -> frozenset[str]:
    """The topic words the page writes in lower case more often than in capitals mid-sentence: a
    name's words ("Local Government Association" beside "the association") keep their capitals."""
    lower, capital = Counter(), Counter()
    for i, word in enumerate(table.words):
        if word.lower in topic:
            if word.text == word.lower:
                lower[word.lower] += 1
            elif i != table.sentence_start[i]:
                capital[word.lower] += 1
    return frozenset(w for w in lower if lower[w] > capital[w])


def _opens_paste(table: WordTable, finder: InsertionFinder, lex: Lexicon, i: int) -> bool:
    """A common capitalised word right after a lower-case content word that is no bare verb."""
    if not table.words[i].text[:1].isupper():  # most words: the cheapest test first
        return False
    if i == table.sentence_start[i] or table.in_heading(i) or finder.gap(i - 1, i):
        return False
    before = table.words[i - 1]
    if not before.text.islower() or before.lower in lex.stopwords or before.lower in MODIFIER_START_WORDS:
        return False
    if bare_verb(lex.tags(before.lower)):
        return False
    return finder.common_capital(i)


def _query_end(
    table: WordTable, finder: InsertionFinder, lex: Lexicon, i: int, lower_topic: frozenset[str]
) -> int | None:
    """The end of the longest Title Case query starting at ``i``, or None."""
    run = _title_run_end(table, finder, i)
    if run is None:
        return None
    if run == i + 1 and _appended_in_sentence_case(table, finder, i):
        run = table.sentence_end[i]  # "... the same lot Affordable capital gains."
    for end in range(run, i + MIN_RUN - 1, -1):
        words = tuple(table.lower[i:end])
        if (
            query_modifiers(words)
            and query_shaped(words, lex.stopwords, lex)
            and not lower_topic.isdisjoint(words)
            and (end == table.sentence_end[i] or not table.words[end - 1].text[:1].islower())
        ):
            return end if end == run else None  # a query ending inside the run leaves capitals behind
    return None


def _appended_in_sentence_case(table: WordTable, finder: InsertionFinder, i: int) -> bool:
    """A capitalised word opening a run of lower-case words that ends the sentence: its end is
    the sentence's, so the paste's bounds are known without Title Case."""
    end = table.sentence_end[i]
    if not MIN_RUN <= end - i <= MAX_PHRASE or any(finder.gap(k - 1, k) for k in range(i + 1, end)):
        return False
    return all(w.text == w.lower for w in table.words[i + 1 : end])


def _in_title_case(table: WordTable, finder: InsertionFinder, k: int) -> bool:
    """A common word in capitals, or a query's number ("Same Day Stable 24/7", "... 2025")."""
    word = table.words[k]
    if word.text.isdigit():
        return bool(YEAR_RE.fullmatch(word.text)) or word.text in ("24", "7")
    return finder.common_capital(k)


__all__ = ["capital_pastes"]
