"""Where a repeated phrase's occurrence stands, judged one occurrence at a time (``planted_phrases``).

A stuffer pastes the same keyphrase into several sentences in its own casing: "a sensible Sports
betting tips today range", "the school Trusted eight-month roof repair expects". Writers capitalise
mid-sentence only for names, and a name of common words ("Supreme Court") keeps its Title Case
wherever it occurs. So an occurrence is *in a sentence* when it opens mid-sentence, right after a
lower-case word, with common words (rarely names) in sentence case ("Trusted eight-month roof
repair"), or in Title Case while other occurrences of the phrase are cased otherwise; *joined*
when, capitalised and carrying a search word, the words on either side of it make a common pair;
*standing* when it is a sentence, a line or a heading of its own (or a heading's tail after a
separator); *appended* when, in lower case, it ends a finished clause; and *wedged* when, in lower
case, it sits between common words neither of which is ever seen next to it. Lines that a
hard-wrapped sentence breaks off do not stand on their own, and list items are judged as lists.
"""

from __future__ import annotations

import re

from seoclean.detectors.keyword_insertions import MAX_PROPER_SHARE, MIN_COMMON_ZIPF, query_modifiers
from seoclean.detectors.keyword_slots import quotation_closes
from seoclean.detectors.phrases import WordTable
from seoclean.document import Document
from seoclean.lexicon import Lexicon

MIN_WORDS = 3  # two capitalised common words mid-sentence are as often a name ("Prime minister")
_LIST_MARKER_RE = re.compile(r"[ \t]*(?:[-*+•]|\d{1,3}[.)])[ \t]+")
_TAIL_SEPARATOR_RE = re.compile(r"[:|?–—]|\s-\s")
MIN_APPENDED_WORDS = 3  # a lower-case occurrence at a sentence end is reported from this length
MIN_CLAUSE_WORDS = 4
MIN_JOINED_PAIR = 2.5  # the pair left when the phrase is taken out must be this common (log10/billion)
# Words that introduce names ("the Royal Mail", "at Kelsbury Library"): a capital after them is a name's.
_NAME_LEADERS = frozenset(
    ("the", "a", "an", "of", "in", "on", "at", "by", "for", "from", "to", "with", "and", "or", "our", "their")
    + ("his", "her", "its", "my", "your", "this", "that", "these", "those", "via", "called", "named")
)
_DETERMINERS = frozenset(("a", "an", "the", "this", "that", "its", "their", "your", "our", "each", "every"))
IN_SENTENCE, STANDING, APPENDED, WEDGED = "in-sentence", "standing", "appended", "wedged"
AFTER_LEADER = "after-leader"  # reported as IN_SENTENCE, but no evidence on its own
JOINED = "joined"  # capitalised, and the sentence reads on without it: reported as IN_SENTENCE
# The placement that judges a list item's sentence, not the item: a phrase of search words the
# item's sentence reads on without ("- Also empty the cache Python object persistence shelf
# without prescription and synchronize ..."). Reference pages are lists of such sentences.
_IN_ITEMS = frozenset({JOINED})
LOWER_CASE, SENTENCE_CASE, TITLE_CASE, OTHER_CASE = "lower", "sentence", "title", "other"


def placement(doc: Document, table: WordTable, lex: Lexicon, i: int, size: int, varies: bool) -> str | None:
    how = _place(doc, table, lex, i, size, varies)
    if how not in _IN_ITEMS and _list_item(doc, table, i):
        return None  # lists of keyphrases are judged as lists (SEO105, keyword_family)
    return how


def _place(doc: Document, table: WordTable, lex: Lexicon, i: int, size: int, varies: bool) -> str | None:
    start, end = table.sentence_start[i], table.sentence_end[i]
    if i == start and i + size == end:
        if _wrapped(doc, table, i, size):
            return None  # "... search locations for\nmodules and packages." is one sentence
        return STANDING  # a heading, a line or a sentence that is only the phrase
    if (
        i > start
        and i + size == end
        and table.in_heading(i)
        and _TAIL_SEPARATOR_RE.search(_between(doc, table, i - 1, i))
        and not quotation_closes(doc.text, table.words[i + size - 1].end)
        and not _in_title(doc, table, i)
    ):
        return STANDING  # a heading's tail after a separator ("Getting started: same day brightpath invest")
    if i == start or gap(doc, table, i - 1, i) or not _common_words(table, lex, i, size):
        return None
    words = table.words
    casing = casing_of(table, i, size)
    pasted = casing == SENTENCE_CASE or (casing == TITLE_CASE and varies)  # a name keeps its Title Case
    capitalised = casing in (SENTENCE_CASE, TITLE_CASE) and words[i - 1].text[:1].islower()
    if capitalised and _query_phrase(doc, table, i, size) and _reads_on_without(doc, table, lex, i, size):
        return JOINED  # a name fills its place in the sentence; a pasted phrase leaves it whole
    if pasted and words[i - 1].text[:1].islower():
        # after "the", "of", ... a capital usually starts a name: reported, but no evidence
        return IN_SENTENCE if table.lower[i - 1] not in _NAME_LEADERS else AFTER_LEADER
    if (
        size >= MIN_APPENDED_WORDS
        and i + size == end
        and i - start >= MIN_CLAUSE_WORDS
        and not lex.is_stopword(table.lower[i - 1])
        and not _completes_noun_phrase(table, lex, i)
        and not _unpunctuated_lower_line(doc, table, i, size)
    ):
        return APPENDED
    if (
        casing == LOWER_CASE
        and i + size < end
        and not gap(doc, table, i + size - 1, i + size)
        and _wedged(table, lex, i, size)
    ):
        return WEDGED
    return None


def _completes_noun_phrase(table: WordTable, lex: Lexicon, i: int) -> bool:
    """Whether the word before the phrase modifies it, so the clause is not finished without it: a
    capitalised name or label mid-sentence ("Starts the QIF file import process.", "the Customers
    Overview window, click"), or, after a determiner, an adjective or a word commonly seen before
    the phrase's first word ("Bump height is a sinusoidal function of luminosity.": no clause ends
    on "is a sinusoidal"). A stuffer appends the phrase to a clause that already ended ("... should
    help usb-c charge 2024.", "we fixed the roof cheap roof repair")."""
    leader = table.words[i - 1]
    if leader.text[:1].isupper():
        return True
    if table.lower[i - 2] not in _DETERMINERS:
        return False
    tags = lex.tags(leader.lower)
    adjective = "JJ" in tags and not {"NN", "NNS"} & set(tags)
    return adjective or lex.bigram(leader.lower, table.lower[i]) > 0


def _unpunctuated_lower_line(doc: Document, table: WordTable, i: int, size: int) -> bool:
    """Whether the sentence is a line that opens in lower case and ends without punctuation: a
    configuration or command line shown in running text ("deb https://deb.debian.org/debian
    stable main contrib non-free"), whose last words repeat by design. A clause a stuffer appends
    to is prose: it opens with a capital or ends on a full stop."""
    first = table.words[table.sentence_start[i]]
    last = table.words[i + size - 1]
    line_end = doc.text.find("\n", last.end)
    rest = doc.text[last.end : len(doc.text) if line_end < 0 else line_end].strip()
    return first.text[:1].islower() and rest[:1] not in (".", "!", "?")


def _wrapped(doc: Document, table: WordTable, i: int, size: int) -> bool:
    """Whether a line break without punctuation joins the phrase to a lower-case word: a sentence
    hard-wrapped over lines ("executed by the main" above "thread of the main interpreter."), whose
    pieces look like lines of their own but are not."""
    words, end = table.words, i + size
    before = i > 0 and words[i].text[:1].islower() and _line_break(_between(doc, table, i - 1, i))
    after = end < len(words) and words[end].text[:1].islower() and _line_break(_between(doc, table, end - 1, end))
    return before or after


def _line_break(gap: str) -> bool:
    return "\n" in gap and not gap.strip() and gap.count("\n") == 1


def _wedged(table: WordTable, lex: Lexicon, i: int, size: int) -> bool:
    """Common words on both sides, neither of which is ever seen next to the phrase: "a hood big
    buy waterproof jacket enough to fit" (an absent pair means something only between common words)."""
    lower = table.lower
    before, first, last, after = lower[i - 1], lower[i], lower[i + size - 1], lower[i + size]
    if lex.is_stopword(before) or min(lex.zipf(w) for w in (before, first, last, after)) < MIN_COMMON_ZIPF:
        return False
    return not lex.bigram(before, first) and not lex.bigram(last, after)


def _query_phrase(doc: Document, table: WordTable, i: int, size: int) -> bool:
    """Three or more words without punctuation between them, with a search modifier other than a
    year ("... Label Size Coupon", "... without prescription"): the shape of a search query. Names
    and titles of documents ("Python Development Mode", "Argument Clinic") carry none."""
    if size < MIN_WORDS or any(gap(doc, table, k - 1, k) for k in range(i + 1, i + size)):
        return False
    return bool(query_modifiers(tuple(table.lower[i : i + size])))


def _reads_on_without(doc: Document, table: WordTable, lex: Lexicon, i: int, size: int) -> bool:
    """Mid-sentence, and the words on either side make a common pair once the phrase is out:
    "wait in the [Nutrition Facts Label Size Coupon] checkout line" -> "the checkout"."""
    end = i + size
    if table.in_heading(i) or end >= table.sentence_end[i] or gap(doc, table, end - 1, end):
        return False
    after = table.words[end]
    if after.text[:1].isupper() or _title_cased_line(table, lex, i, size):
        return False  # the capitals run on (a longer name), or every word is capitalised
    return lex.bigram(table.lower[i - 1], after.lower) >= MIN_JOINED_PAIR


def _title_cased_line(table: WordTable, lex: Lexicon, i: int, size: int) -> bool:
    """Whether the sentence around the phrase capitalises its content words too (a title or a
    breadcrumb: "Home › A Practical Introduction to Unit Testing in Python with pytest"), where
    capitals say nothing about a paste."""
    start, end = table.sentence_start[i], table.sentence_end[i]
    around = [w for k, w in enumerate(table.words[start + 1 : end], start + 1) if not i <= k < i + size]
    content = [w for w in around if not lex.is_stopword(w.lower) and w.text[:1].isalpha()]
    return sum(1 for w in content if w.text[:1].isupper()) * 2 > len(content)


def _in_title(doc: Document, table: WordTable, i: int) -> bool:
    """Whether word ``i`` lies in the page's title (its first prose block, a heading): a title's tail
    names the site or the business ("House Cleaning in Denver – Mile High Maids"), not a keyphrase."""
    block = table.words[i].block
    if doc.blocks[block].kind == "title":
        return True
    first = next((k for k, b in enumerate(doc.blocks) if b.is_prose), None)
    return block == first and doc.blocks[block].kind == "heading"


def _list_item(doc: Document, table: WordTable, i: int) -> bool:
    word = table.words[i]
    if doc.blocks[word.block].kind == "list_item":
        return True
    return bool(_LIST_MARKER_RE.fullmatch(doc.text, doc.text.rfind("\n", 0, word.start) + 1, word.start))


def casing_of(table: WordTable, i: int, size: int) -> str:
    capitals = [w.text[:1].isupper() for w in table.words[i : i + size]]
    if not capitals[0]:
        return LOWER_CASE if not any(capitals) else OTHER_CASE
    if not any(capitals[1:]):
        return SENTENCE_CASE
    content = [c for c, word in zip(capitals, table.lower[i : i + size]) if len(word) > 3]
    return TITLE_CASE if all(content) else OTHER_CASE


def _common_words(table: WordTable, lex: Lexicon, i: int, size: int) -> bool:
    """Every capitalised word is a common word that is rarely a name (all capitals: an acronym)."""
    for word in table.words[i : i + size]:
        if word.text[:1].isupper() and (
            word.text.isupper()
            or lex.zipf(word.lower) < MIN_COMMON_ZIPF
            or lex.proper_share(word.lower) > MAX_PROPER_SHARE
        ):
            return False
    return True


def _between(doc: Document, table: WordTable, left: int, right: int) -> str:
    return doc.text[table.words[left].end : table.words[right].start]


def gap(doc: Document, table: WordTable, left: int, right: int) -> bool:
    """Punctuation between two words; emphasis markers do not count (a bolded phrase is still in
    its sentence)."""
    return bool(_between(doc, table, left, right).strip(" \t*_"))


__all__ = ["casing_of", "gap", "placement"]
