"""Evidence that a keyphrase occurrence was inserted into a sentence, and keyword-list lines.

Inserted keyphrases (SEO102) show up in three shapes, each judged with reference word-pair
frequencies (``Lexicon.bigram``, which only keeps frequent pairs, so an *absent* pair is evidence
only when both of its words are common):

- mid-sentence: "keeps people car insurance who sit" -- the words around the phrase form a common
  pair ("people who") while neither joins the phrase ("people car", "insurance who" unseen);
- sentence-final: "... call us today cheap plumber london." -- appended after a finished clause;
- run-on: "cheap plumber london Our team ..." -- the phrase runs into a new capitalised clause.

Names (capitalised words) are never judged: the pair data hardly covers them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from seoclean.detectors.base import make_finding
from seoclean.detectors.boilerplate_cues import SHARE_TOKENS
from seoclean.detectors.index_entries import index_or_contents_entry
from seoclean.detectors.keyword_slots import is_table_row, wrapped_on
from seoclean.detectors.phrases import WordTable
from seoclean.detectors.search_terms import QUERY_TAILS_RE, YEAR_RE, modifiers_in
from seoclean.document import WORD_RE, Document
from seoclean.findings import Finding
from seoclean.lexicon import Lexicon

MID_SENTENCE = "mid-sentence"
SENTENCE_END = "sentence-end"
RUN_ON = "run-on"


@dataclass(frozen=True, slots=True)
class InsertionThresholds:
    """Defaults are conservative: a false SEO102 deletes words from a good sentence."""

    min_junction: float = 3.0  # the pair left after deleting the phrase is this common (log10/billion)
    min_known_zipf: float = 3.0  # every word of the test must be this common for an absent pair to mean much
    min_expected_entry: float = 1.5  # sentence-final: zipf(before) + zipf(first) - 9, the pair's chance level
    min_clause_words: int = 4  # sentence-final: words of the clause the phrase is appended to


@dataclass(frozen=True, slots=True)
class Insertion:
    position: int  # first word of the occurrence
    size: int
    kind: str
    junction: float


def find_insertion(
    doc: Document, table: WordTable, position: int, size: int, lex: Lexicon, limits: InsertionThresholds
) -> Insertion | None:
    """The insertion evidence for one occurrence, or None when it reads as part of its sentence."""
    end = position + size
    if table.in_heading(position) or not _is_plain_lowercase(table, position, end):
        return None
    start_of_sentence, end_of_sentence = table.sentence_start[position], table.sentence_end[position]
    if end < end_of_sentence and _runs_into_clause(doc, table, end):
        return Insertion(position, size, RUN_ON, 0.0)
    if position > start_of_sentence and not _punctuation_between(doc, table, position - 1, position):
        if end < end_of_sentence and not _punctuation_between(doc, table, end - 1, end):
            junction = _mid_sentence_junction(table, position, end, lex, limits)
            return Insertion(position, size, MID_SENTENCE, junction) if junction else None
        if end == end_of_sentence and _appended_to_clause(table, position, lex, limits):
            return Insertion(position, size, SENTENCE_END, 0.0)
    return None


def _is_plain_lowercase(table: WordTable, start: int, end: int) -> bool:
    words = table.words
    first = 1 if start == table.sentence_start[start] else 0  # a sentence may capitalise its first word
    return all(w.text == w.lower for w in words[start + first : end])


def _punctuation_between(doc: Document, table: WordTable, left: int, right: int) -> bool:
    words = table.words
    return bool(doc.text[words[left].end : words[right].start].strip())


def _mid_sentence_junction(table: WordTable, start: int, end: int, lex: Lexicon, limits: InsertionThresholds) -> float:
    before, first, last, after = table.lower[start - 1], table.lower[start], table.lower[end - 1], table.lower[end]
    # "the [phrase] of": a function word before the phrase takes it as its complement.
    if lex.is_stopword(before) or _modified_noun(table, start, lex):
        return 0.0
    if min(lex.zipf(w) for w in (before, first, last, after)) < limits.min_known_zipf:
        return 0.0
    junction = lex.bigram(before, after)
    if junction < limits.min_junction or lex.bigram(before, first) or lex.bigram(last, after):
        return 0.0
    return junction


def _modified_noun(table: WordTable, start: int, lex: Lexicon) -> bool:
    """A determiner and an adjective before the phrase ("expect a new [memory foam pillow] to
    smell"): the phrase is the head of their noun phrase, whatever the pair data says of
    "new memory" (adjectives pair with too many nouns for the data to hold them all)."""
    if start - 2 < table.sentence_start[start]:
        return False
    determiner, adjective = table.lower[start - 2], table.lower[start - 1]
    return determiner in DETERMINERS and not _ADJECTIVE_TAGS.isdisjoint(lex.tags(adjective))


_ADJECTIVE_TAGS = frozenset(("JJ", "JJR", "JJS"))  # "a new", "a higher", "the best"
DETERMINERS = frozenset(
    ("a", "an", "the", "this", "that", "these", "those", "your", "my", "our", "their", "his", "her", "its")
    + ("each", "every", "any", "some", "no", "another")
)


def _appended_to_clause(table: WordTable, start: int, lex: Lexicon, limits: InsertionThresholds) -> bool:
    before, first = table.lower[start - 1], table.lower[start]
    if start - table.sentence_start[start] < limits.min_clause_words or lex.is_stopword(before):
        return False
    if _takes_object(lex, before):
        return False  # "the point of having [term life insurance]": the clause needs its object
    expected = lex.zipf(before) + lex.zipf(first) - 9  # log10 per billion if the words were independent
    return expected >= limits.min_expected_entry and not lex.bigram(before, first)


def _takes_object(lex: Lexicon, word: str) -> bool:
    """A verb form that leaves its clause open ("having", "choose", "needs"): only verb tags, none
    of them a past form, which can close a passive clause ("... was cleaned"). A noun phrase after
    it is its object, not an appendix."""
    tags = lex.tags(word)
    return bool(tags) and all(tag in _OPEN_VERB_TAGS for tag in tags)


_OPEN_VERB_TAGS = frozenset(("VB", "VBG", "VBZ"))


def _runs_into_clause(doc: Document, table: WordTable, end: int) -> bool:
    """A capitalised clause opener right after the phrase, without punctuation: "... london Our team"."""
    word = table.words[end]
    if not word.text[:1].isupper() or word.text.isupper() or _punctuation_between(doc, table, end - 1, end):
        return False
    if word.lower not in _CLAUSE_OPENERS:
        return False
    sentence_words = table.words[table.sentence_start[end] + 1 : table.sentence_end[end]]
    capitalised = sum(1 for w in sentence_words if w.text[:1].isupper())
    return capitalised * 2 <= len(sentence_words)  # Title Case lines capitalise everything: not a run-on


# Words that open a new clause: pronouns, determiners and auxiliaries that start sentences.
_CLAUSE_OPENERS = frozenset(
    ("we", "our", "you", "your", "i", "it", "its", "they", "their", "this", "these", "that", "there", "he")
    + ("she", "the", "a", "an", "are", "is", "was", "do", "does", "can", "will", "if", "when")
)


# -- keyword lists (SEO105) ----------------------------------------------------------------------
_SEPARATOR_RE = re.compile(r"\s*(?:[,|;•·]|(?<!\d)/(?!\d))\s*|\s+[-–—]\s+")  # "24/7" is one item
_SEPARATOR_CHAR_RE = re.compile(r"[,|/;•·]|\s[-–—]\s")
_SEPARATOR_CHARS = ",|/;•·-–—"  # every match of _SEPARATOR_RE is one of them and whitespace
_SEPARATOR_CHARS_RE = re.compile(f"[{re.escape(_SEPARATOR_CHARS)}]")
_ITEM_PUNCTUATION = '.!?:"“”()[]'  # sentence punctuation or a placeholder ("[REVISION]"): prose or code
# Numbers that belong to keyphrases rather than to quantities: years, "24/7", "24 hour".
_KEYPHRASE_NUMBER_RE = re.compile(r"\b(?:(?:19|20)\d\d|24/7|24 hours?)\b")
# A line break with its indentation: the pieces of a hard-wrapped sentence are judged joined by a space.
_WRAP_RE = re.compile(r"[ \t]*\n\s*")
MAX_ITEM_WORDS = 6  # a keyphrase is short; a longer item is a clause
_LABEL_RE = re.compile(r"^\s*[A-Za-z][\w ]{0,30}:\s+")
# A label that says the line lists search queries ("Related searches:", "Keywords:", "Trending:").
_QUERY_LABEL_RE = re.compile(r"\b(?:search(?:es|ed)?|keywords?|trending|queries|search terms)\b", re.IGNORECASE)
# A tags label: tags name topics ("Tags: baking, bread"), so it takes search modifiers in several
# items ("Tags: roof repair near me - network usa") to make the line a list of queries.
_TAG_LABEL_RE = re.compile(r"\b(?:tags?|tagged)\b", re.IGNORECASE)
MIN_TAGGED_QUERY_ITEMS = 2
# The items of a line labelled as searches are queries whatever their words ("people also search
# for: pay off rate online, weight loss pills that work fast"): longer, and any function word.
MAX_QUERY_ITEM_WORDS = 8
# Function words a keyphrase may contain ("plumber in london", "shoes for women"); any other stop
# word (a pronoun, an auxiliary, a verb like "get") signals a clause, not a keyword.
_KEYPHRASE_FUNCTION_WORDS = frozenset(
    ("in", "for", "of", "near", "to", "with", "on", "at", "by", "and", "the", "a", "an", "vs", "best", "top")
)


@dataclass(frozen=True, slots=True)
class KeywordList:
    items: int
    shared_word: str
    sharing_items: int


def keyword_list(
    text: str, stopwords: frozenset[str], *, min_items: int = 3, share: float = 0.75
) -> KeywordList | None:
    """``text`` (a line or sentence) as a keyword list, or None when it reads as prose or a plain list.

    A list of distinct nouns ("flour, sugar, eggs") is not stuffing; variants of one keyphrase are:
    at least ``share`` of the items (and at least ``min_items``) must repeat one content word.
    """
    label = _LABEL_RE.match(text.strip())
    body = text.strip().rstrip(".")[label.end() :] if label else text.strip().rstrip(".")
    names_queries = bool(label and _QUERY_LABEL_RE.search(label.group()))
    tagged = bool(label and _TAG_LABEL_RE.search(label.group()))
    if tagged and _query_items(_SEPARATOR_RE.split(body)) < MIN_TAGGED_QUERY_ITEMS:
        tagged = False  # topic tags ("Tags: baking, bread"): judged as any other line
    if names_queries or tagged:
        min_items, share = min(min_items, 2), min(share, 0.5)  # "Related searches: a | b" says what it is
    max_words = MAX_QUERY_ITEM_WORDS if names_queries else MAX_ITEM_WORDS
    if _cannot_be_list(body, min_items, max_words):
        return None
    items = [item for item in _SEPARATOR_RE.split(body) if item]
    if len({item.lower() for item in items}) < min_items:
        return None  # "prioritize, prioritize, prioritize" is emphasis, not a list of variants
    trails_off = text.rstrip().rstrip(".…").rstrip().endswith(",") or items[-1].strip().lower() == "etc"
    if items[-1].lower().startswith(("and ", "or ")) or trails_off:
        # "x, y, and z", "x, y," (wrapped onto the next line), "x, y, ..." or "x, y, etc.": an
        # enumeration in a sentence
        return None
    item_words = _keyword_items(items, frozenset() if names_queries else stopwords, max_words)
    if item_words is None:
        return None
    quantities = sum(1 for item in items if any(ch.isdigit() for ch in _KEYPHRASE_NUMBER_RE.sub("", item)))
    if quantities * 2 >= len(items):
        return None  # quantities on most items: an ingredient list or a table row, not keywords
    if _constants(items, item_words):
        return None  # "LOG EMERG, LOG ALERT, LOG CRIT": names of constants, not search queries
    counts: dict[str, int] = {}
    for words in item_words:
        for word in set(words) - stopwords:
            counts[word] = counts.get(word, 0) + 1
    shared, sharing = max(counts.items(), key=lambda kv: (kv[1], kv[0]), default=("", 0))
    if sharing < max(min_items, share * len(items)) and not names_queries:
        return None  # a list of distinct things, unless it says it lists searches
    if shared in SHARE_TOKENS or len(shared) < 2:
        return None  # a share widget ("Share on X | Share by email"), or notes and letters ("g4 g | g g g g")
    return KeywordList(len(items), shared, sharing)


def _constants(items: list[str], item_words: list[list[str]]) -> bool:
    """Most items in capitals throughout and none with a search word: code constants and acronyms
    ("LOG EMERG, LOG ALERT", "GET, POST, PUT"). A query is typed in lower case; shouted spam
    ("CHEAP FLIGHTS, CHEAP HOTELS") still carries its search words."""
    shouted = sum(1 for item in items if item.isupper())
    return shouted * 2 > len(items) and not any(modifiers_in(tuple(words)) for words in item_words)


def _query_items(items: list[str]) -> int:
    """Items carrying a search modifier other than a year ("near me", "usa", "cheap")."""
    words = [tuple(m.group().lower() for m in WORD_RE.finditer(item)) for item in items]
    return sum(1 for item in words if any(not YEAR_RE.fullmatch(m) for m in modifiers_in(item)))


def _cannot_be_list(body: str, min_items: int, max_words: int = MAX_ITEM_WORDS) -> bool:
    """Exits that spare the separator regex on most prose, exact because a separator is one
    separator character with whitespace around it: fewer separator characters than items needed
    leave too few items; sentence punctuation lies in some item (``_is_keyword_item`` fails); a
    stretch without separator characters, stripped, lies in one item (too long if it holds
    ``max_words`` spaces, see ``_keyword_items``)."""
    if sum(map(body.count, _SEPARATOR_CHARS)) + 1 < min_items or any(ch in body for ch in _ITEM_PUNCTUATION):
        return True
    return any(part.strip().count(" ") >= max_words for part in _SEPARATOR_CHARS_RE.split(body))


def _keyword_items(
    items: list[str], stopwords: frozenset[str], max_words: int = MAX_ITEM_WORDS
) -> list[list[str]] | None:
    """The words of each item, or None as soon as one item reads like prose (most lists do)."""
    item_words = []
    for item in items:
        if item.count(" ") >= max_words:
            return None
        words = [m.group().lower() for m in WORD_RE.finditer(QUERY_TAILS_RE.sub("", item))]
        if not _is_keyword_item(item, words, stopwords, max_words):
            return None
        item_words.append(words)
    return item_words


def _is_keyword_item(item: str, words: list[str], stopwords: frozenset[str], max_words: int = MAX_ITEM_WORDS) -> bool:
    if not 1 <= len(words) <= max_words or not any(ch.isalpha() for ch in item):
        return False
    if any(ch in item for ch in _ITEM_PUNCTUATION):
        return False
    return all(w not in stopwords or w in _KEYPHRASE_FUNCTION_WORDS for w in words)


def _in_table_row(text: str, offset: int) -> bool:
    line_start = text.rfind("\n", 0, offset) + 1
    line_end = text.find("\n", offset)
    return is_table_row(text[line_start : len(text) if line_end < 0 else line_end])


def keyword_list_findings(doc: Document, stopwords: frozenset[str], share: float | None) -> list[Finding]:
    """SEO105 for every main-content sentence (a line without end punctuation is one) that is a
    keyword list. Menus and footers are left to the boilerplate detector: a product menu
    ("Ascom | Hospital Solutions Ascom | ...") has the same shape and is not stuffing."""
    if share is None:
        return []
    findings = []
    for start, end in _unwrapped_sentences(doc):
        text = _WRAP_RE.sub(" ", doc.text[start:end])
        if not _SEPARATOR_CHAR_RE.search(text):  # cheap pre-check: a list needs a separator
            continue
        if _in_table_row(doc.text, start):
            continue  # "| ctypes type | C type | Python type |" heads a table's columns
        found = keyword_list(text, stopwords, share=share)
        if found is None or index_or_contents_entry(doc, start):
            continue  # not a list, or an index's entry ("Crop to content, Crop Image, Crop Layer")
        message = (
            f"a list of {found.items} keyword variants ('{found.shared_word}' in {found.sharing_items}); delete it"
        )
        evidence = {"items": found.items, "sharing_items": found.sharing_items}
        findings.append(make_finding(doc, "SEO105", start, end, message, suggestion="", evidence=evidence))
    return findings


def _unwrapped_sentences(doc: Document) -> list[tuple[int, int]]:
    """(start, end) of the main-content sentences, with the pieces of a sentence hard-wrapped over
    lines joined again. ``Document.sentences`` ends a sentence at every line break, so an
    enumeration wrapped at 72-80 columns ("... socket" over "handles, limits on disk space usage,
    limits on memory size, limits on" over "CPU utilization etc.") would read as a bare list line."""
    spans: list[tuple[int, int]] = []
    previous_block = None
    for sentence in doc.sentences:
        block = doc.words[sentence.first_word].block
        if not doc.blocks[block].in_main:
            previous_block = None
            continue
        if block == previous_block and wrapped_on(doc.text, spans[-1][1], sentence.start):
            spans[-1] = (spans[-1][0], sentence.end)
        else:
            spans.append((sentence.start, sentence.end))
        previous_block = block
    return spans
