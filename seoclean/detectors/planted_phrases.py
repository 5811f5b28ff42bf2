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
judged with that word, which repeated phrases never start with. Where each occurrence stands
(in a sentence, standing, appended, wedged) is judged in ``planted_placement``.
"""

from __future__ import annotations

from dataclasses import dataclass

from seoclean.detectors.keyword_insertions import query_modifiers, query_shaped
from seoclean.detectors.phrases import Phrase, WordTable
from seoclean.detectors.planted_placement import (
    AFTER_LEADER,
    APPENDED,
    IN_SENTENCE,
    JOINED,
    MIN_WORDS,
    SENTENCE_CASE,
    STANDING,
    WEDGED,
    casing_of,
    gap,
    placement,
)
from seoclean.document import Document
from seoclean.lexicon import Lexicon

MIN_LEADERS = 3  # pasted into this many sentences after different words, when it never stands alone
MIN_APPENDED_LEADERS = 3  # appended in lower case to this many sentences, after different words
MIN_JOINED = 2  # pasted into this many sentences that read on without it
MAX_EXTENDED_WORDS = 7  # a phrase grown by the capitalised word before it (see `_extended`)
_REPORTED_AS = {AFTER_LEADER: IN_SENTENCE, JOINED: IN_SENTENCE}
# Words a noun phrase opens with: a term said after one is used as a noun, not pasted in.
_DETERMINERS = frozenset(
    ("a", "an", "the", "this", "that", "these", "those", "its", "their", "your", "our", "his", "her", "my")
    + ("all", "any", "both", "each", "every", "many", "most", "other", "some")
)


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
    how = {i: placement(doc, table, lex, i, size, _casing_varies(table, positions, size)) for i in positions}
    in_sentence = [i for i in positions if how[i] == IN_SENTENCE]
    standing = [i for i in positions if how[i] == STANDING]
    wedged = [i for i in positions if how[i] == WEDGED]
    joined = [i for i in positions if how[i] == JOINED]
    headings = {_phrase_text(doc, table, i, size) for i in standing if _names_section(table, i, size)}
    in_sentence = [i for i in in_sentence if not _cross_reference(doc, table, i, size, headings)]
    appended = {table.lower[i - 1] for i in positions if how[i] == APPENDED}
    # A section's name said in its own words in running text ("if you have multiple windows and
    # pads on screen" under "## Windows and Pads") is the page's subject; a query is planted.
    alone = [i for i in standing if not _names_section(table, i, size)]
    query = bool(positions) and bool(query_modifiers(tuple(table.lower[positions[0] : positions[0] + size])))
    if standing and not alone and not query:
        # So is a section's name without a search word said as the noun of a determiner or a
        # quantifier ("all Pod formatting codes" under "Pod Formatting Codes").
        in_sentence = [i for i in in_sentence if table.lower[i - 1] not in _DETERMINERS]
    leaders = {table.lower[i - 1] for i in in_sentence}
    pasted = (in_sentence and (standing or len(leaders) >= MIN_LEADERS)) or (wedged and (alone or (standing and query)))
    if len(joined) >= MIN_JOINED or (joined and (standing or in_sentence)):
        pasted = True
    if not pasted and len(appended) < MIN_APPENDED_LEADERS:
        return []
    return [Planted(i, size, _REPORTED_AS.get(how[i], how[i])) for i in positions if how[i] is not None]


def _casing_varies(table: WordTable, positions: list[int], size: int) -> bool:
    """Whether the phrase is written in a capitalised casing and also in lower or sentence case.
    A name of common words keeps the capitals of its name words wherever it stands, even where
    the writer varies a trailing common noun ("Core Team Members" beside "active Core Team
    members"); a stuffer's paste stands beside the phrase as plain words ("roof repair denver")."""
    casings = {casing_of(table, i, size) for i in positions}
    if len(casings) < 2:
        return False
    return SENTENCE_CASE in casings or any(table.words[i].text[:1].islower() for i in positions)


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
    closes = end == table.sentence_end[i] or gap(doc, table, end - 1, end)
    return closes and _phrase_text(doc, table, i, size) in headings


__all__ = ["APPENDED", "IN_SENTENCE", "STANDING", "WEDGED", "Planted", "planted_phrases"]
