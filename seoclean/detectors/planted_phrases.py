"""Repeated phrases dropped into sentences in capitals (SEO102), found without a word list.

A stuffer pastes the same keyphrase into several sentences in its own casing: "a sensible Sports
betting tips today range", "the school Trusted eight-month roof repair expects". Writers capitalise
mid-sentence only for names, and a name of common words ("Supreme Court") keeps its Title Case
wherever it occurs. So an occurrence is *planted* when it opens mid-sentence, right after a
lower-case word, with common words (rarely names) in sentence case ("Trusted eight-month roof
repair"), or in Title Case while other occurrences of the phrase are cased otherwise; or when it
stands as a sentence or a heading of its own.

A phrase of three or more words is reported when

- it is pasted into a sentence and also stands on its own somewhere (a heading, a heading's tail
  after a separator, a fragment sentence), or is pasted after three different words (a
  user-interface label such as "click Save Changes" always follows the same verb); or
- it stands on its own and is wedged, in lower case, between common words neither of which is
  ever seen next to it; or
- it is appended, in lower case, to the ends of three sentences after three different words
  ("... should help usb-c charge 2024."); or
- it carries a search word, and is pasted in capitals (Title Case or sentence case, after any
  lower-case word, "the" and "to" included) into two sentences that read on without it, or into
  one while it stands alone or is pasted elsewhere: the words on either side of it make a common
  pair ("wait in the Nutrition Facts Label Size Coupon checkout line", "assignments to Top rated
  compound statements without prescription the variables"). A name fills its place in the
  sentence ("the Supreme Court ruled": "the ruled" is no pair), and carries no search word.

Otherwise a phrase always in Title Case is taken for a name however often it recurs (titles of
books, laws and programmes look the same), and headings that repeat a phrase prove nothing on their own
(tables of contents, reference pages and FAQ pages repeat headings and heading tails). A
phrase that is a whole heading and carries no search word is a section's name: said in running
text it is the page's subject, and quoted in the heading's casing at the end of a clause it is a
cross-reference ("see Organizing test code."). A line that a hard-wrapped sentence breaks off
("... executed by the main" above "thread of the main interpreter.") does not stand on its own. Each
planted occurrence of a reported phrase is reported, also after "the" (where a capital alone
would suggest a name), as is each occurrence appended to a finished clause. A phrase that every
occurrence opens with the same capitalised stop word ("... on Top rated compound statements") is
judged with that word, which repeated phrases never start with.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from seoclean.detectors.keyword_insertions import MIN_COMMON_ZIPF, query_modifiers, query_shaped
from seoclean.detectors.keyword_slots import quotation_closes
from seoclean.detectors.phrases import Phrase, WordTable
from seoclean.document import Document
from seoclean.lexicon import Lexicon

MIN_WORDS = 3  # two capitalised common words mid-sentence are as often a name ("Prime minister")
MAX_PROPER_SHARE = 0.3  # a capitalised word must be this rarely a name
_LIST_MARKER_RE = re.compile(r"[ \t]*(?:[-*+•]|\d{1,3}[.)])[ \t]+")
_TAIL_SEPARATOR_RE = re.compile(r"[:|?–—]|\s-\s")
MIN_LEADERS = 3  # pasted into this many sentences after different words, when it never stands alone
MIN_APPENDED_LEADERS = 3  # appended in lower case to this many sentences, after different words
MIN_APPENDED_WORDS = 3  # a lower-case occurrence at a sentence end is reported from this length
MIN_CLAUSE_WORDS = 4
MIN_JOINED = 2  # pasted into this many sentences that read on without it
MIN_JOINED_PAIR = 2.5  # the pair left when the phrase is taken out must be this common (log10/billion)
MAX_EXTENDED_WORDS = 7  # a phrase grown by the capitalised word before it (see `_extended`)
# Words that introduce names ("the Royal Mail", "at Kelsbury Library"): a capital after them is a name's.
_NAME_LEADERS = frozenset(
    ("the", "a", "an", "of", "in", "on", "at", "by", "for", "from", "to", "with", "and", "or", "our", "their")
    + ("his", "her", "its", "my", "your", "this", "that", "these", "those", "via", "called", "named")
)
IN_SENTENCE, STANDING, APPENDED, WEDGED = "in-sentence", "standing", "appended", "wedged"
AFTER_LEADER = "after-leader"  # reported as IN_SENTENCE, but no evidence on its own
JOINED = "joined"  # capitalised, and the sentence reads on without it: reported as IN_SENTENCE
_REPORTED_AS = {AFTER_LEADER: IN_SENTENCE, JOINED: IN_SENTENCE}
# The placement that judges a list item's sentence, not the item: a phrase of search words the
# item's sentence reads on without ("- Also empty the cache Python object persistence shelf
# without prescription and synchronize ..."). Reference pages are lists of such sentences.
_IN_ITEMS = frozenset({JOINED})
LOWER_CASE, SENTENCE_CASE, TITLE_CASE, OTHER_CASE = "lower", "sentence", "title", "other"


@dataclass(frozen=True, slots=True)
class Planted:
    position: int
    size: int
    how: str


def planted_phrases(
    doc: Document, table: WordTable, phrases: list[Phrase], lex: Lexicon, taken: set[int]
) -> list[Planted]:
    """Planted occurrences of repeated phrases (longest first), skipping words in ``taken``."""
    found: list[Planted] = []
    words, ends = table.words, table.sentence_end
    for phrase in _with_extended(table, lex, phrases):
        size = phrase.size
        if size < MIN_WORDS or not any(words[i].text[:1].isupper() or i + size == ends[i] for i in phrase.positions):
            continue  # never capitalised (pasted, standing) nor ending a sentence (appended): not planted
        if not query_shaped(phrase.words, lex.stopwords, lex):
            continue
        free = [i for i in phrase.positions if taken.isdisjoint(range(i, i + phrase.size))]
        hits = _judge(doc, table, lex, free, phrase.size)
        if hits:
            found += hits
            taken.update(j for hit in hits for j in range(hit.position, hit.position + hit.size))
    return found


def _with_extended(table: WordTable, lex: Lexicon, phrases: list[Phrase]) -> list[Phrase]:
    """``phrases`` with, before each, its ``_extended`` form when it has one."""
    found = []
    for phrase in phrases:
        longer = _extended(table, lex, phrase)
        found += [longer, phrase] if longer else [phrase]
    return found


def _extended(table: WordTable, lex: Lexicon, phrase: Phrase) -> Phrase | None:
    """The phrase with the word before it, when every occurrence has the same capitalised stop
    word there mid-sentence ("... assignments to Top rated compound statements ..."): the phrase
    starts at that capital. Repeated phrases never start with a stop word, so "top" or "best"
    opening a keyphrase is otherwise lost."""
    positions, words = phrase.positions, table.words
    if phrase.size >= MAX_EXTENDED_WORDS or any(i < 1 or i == table.sentence_start[i] for i in positions):
        return None
    before = {words[i - 1].text for i in positions}
    if len(before) != 1:
        return None
    first = before.pop()
    if not (first[:1].isupper() and not first.isupper() and lex.is_stopword(first.lower())):
        return None
    # "Top" opening a sentence may be the sentence's capital; mid-sentence it is the phrase's.
    if sum(1 for i in positions if i - 1 > table.sentence_start[i]) < MIN_JOINED:
        return None
    return Phrase((first.lower(),) + phrase.words, tuple(i - 1 for i in positions))


def _judge(doc: Document, table: WordTable, lex: Lexicon, positions: list[int], size: int) -> list[Planted]:
    varies = len({_casing(table, i, size) for i in positions}) > 1
    how = {i: _placement(doc, table, lex, i, size, varies) for i in positions}
    in_sentence = [i for i in positions if how[i] == IN_SENTENCE]
    standing = [i for i in positions if how[i] == STANDING]
    wedged = [i for i in positions if how[i] == WEDGED]
    joined = [i for i in positions if how[i] == JOINED]
    headings = {_phrase_text(doc, table, i, size) for i in standing if _names_section(table, i, size)}
    in_sentence = [i for i in in_sentence if not _cross_reference(doc, table, i, size, headings)]
    leaders = {table.lower[i - 1] for i in in_sentence}
    appended = {table.lower[i - 1] for i in positions if how[i] == APPENDED}
    # A section's name said in its own words in running text ("if you have multiple windows and
    # pads on screen" under "## Windows and Pads") is the page's subject; a query is planted.
    alone = [i for i in standing if not _names_section(table, i, size)]
    query = bool(positions) and bool(query_modifiers(tuple(table.lower[positions[0] : positions[0] + size])))
    pasted = (in_sentence and (standing or len(leaders) >= MIN_LEADERS)) or (wedged and (alone or (standing and query)))
    if len(joined) >= MIN_JOINED or (joined and (standing or in_sentence)):
        pasted = True
    if not pasted and len(appended) < MIN_APPENDED_LEADERS:
        return []
    return [Planted(i, size, _REPORTED_AS.get(how[i], how[i])) for i in positions if how[i] is not None]


def _names_section(table: WordTable, i: int, size: int) -> bool:
    """Whether the occurrence at ``i`` is a whole heading: the name of a section of the page."""
    return table.in_heading(i) and i == table.sentence_start[i] and i + size == table.sentence_end[i]


def _phrase_text(doc: Document, table: WordTable, i: int, size: int) -> str:
    return doc.text[table.words[i].start : table.words[i + size - 1].end]


def _cross_reference(doc: Document, table: WordTable, i: int, size: int, headings: set[str]) -> bool:
    """A section's heading quoted in its own casing at the end of a clause ("covered in the section
    Organizing test code.", "described in Bytes and Bytearray Operations."): a pointer to the
    section, as documentation writes them; a pasted phrase runs on into its sentence."""
    end = i + size
    closes = end == table.sentence_end[i] or _gap(doc, table, end - 1, end)
    return closes and _phrase_text(doc, table, i, size) in headings


def _placement(doc: Document, table: WordTable, lex: Lexicon, i: int, size: int, varies: bool) -> str | None:
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
    if i == start or _gap(doc, table, i - 1, i) or not _common_words(table, lex, i, size):
        return None
    words = table.words
    casing = _casing(table, i, size)
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
    ):
        return APPENDED
    if (
        casing == LOWER_CASE
        and i + size < end
        and not _gap(doc, table, i + size - 1, i + size)
        and _wedged(table, lex, i, size)
    ):
        return WEDGED
    return None


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
    if size < MIN_WORDS or any(_gap(doc, table, k - 1, k) for k in range(i + 1, i + size)):
        return False
    return bool(query_modifiers(tuple(table.lower[i : i + size])))


def _reads_on_without(doc: Document, table: WordTable, lex: Lexicon, i: int, size: int) -> bool:
    """Mid-sentence, and the words on either side make a common pair once the phrase is out:
    "wait in the [Nutrition Facts Label Size Coupon] checkout line" -> "the checkout"."""
    end = i + size
    if table.in_heading(i) or end >= table.sentence_end[i] or _gap(doc, table, end - 1, end):
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


def _casing(table: WordTable, i: int, size: int) -> str:
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


def _gap(doc: Document, table: WordTable, left: int, right: int) -> bool:
    """Punctuation between two words; emphasis markers do not count (a bolded phrase is still in
    its sentence)."""
    return bool(_between(doc, table, left, right).strip(" \t*_"))


__all__ = ["Planted", "planted_phrases"]
