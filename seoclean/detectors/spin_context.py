"""The per-document view the spin checks share: normalised words, which words are direct
neighbours, and cheap access to the reference pair frequencies.

Built once per document, for all words at once (C-level maps over ``Document.words``, then numpy);
every check then works on numpy arrays or plain lists and integer ids, because the spin detector
looks at every word and must stay fast. What depends on a word alone is worked out once per run
and read by vocabulary id (``SpinContext.by_id``).
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property
from itertools import repeat
from typing import Any

import numpy as np

from seoclean.detectors.pair_table import PairTable
from seoclean.document import Document, Word
from seoclean.lexicon import Lexicon

NO_ID = -1
_NOUN_STOPWORDS = ("noun stop words",)  # memo keys; a tuple never collides with the word keys
_ZIPFS_KEY = ("zipf by id, then 0.0 for NO_ID",)
_KINDS_KEY = ("word kinds by id",)
_OPENINGS_KEY = ("two-word phrase starts as id pairs",)
_STOP, _CONTENT, _PLAIN, _OPENS_PHRASE = 1, 2, 4, 8  # a word type's bit flags (``SpinContext._kind``)


@dataclass(frozen=True, slots=True)
class Hit:
    """A spin finding before it gets a line and column: detector-neutral, easy to test."""

    rule: str
    start: int
    end: int
    message: str
    suggestion: str | None
    evidence: dict[str, float]


class SpinContext:
    """Arrays over ``doc.words``: ``low`` (lowercase, curly apostrophes straightened), ``ids`` (vocabulary
    ids, ``NO_ID`` when unknown), ``joined[i]`` (word i directly follows word i-1: same sentence,
    only spaces between), ``first[i]`` (word i starts a sentence), ``stop[i]`` and ``pair[i]`` (the
    reference score of the pair (i-1, i), 0.0 when unseen or not joined). ``id_array`` holds the ids
    as a numpy array and ``pairs`` scores arrays of pairs at once. ``content[i]``: not a stop
    word, or a stop word with a common noun reading ("back", "side", "part": they form collocations).
    ``plain[i]``: letters only; ``name_like[i]``: capitalised mid-sentence, all capitals or allowlisted;
    ``open[i]``: content, plain and not name-like. ``texts`` are the words as written, ``cased`` the
    indexes of those with a capital.

    ``memo`` is a dictionary the caller may share between documents: it caches each word's
    single-word synonyms with their ids and the ``by_id`` tables (pure functions of the lexicon).
    """

    def __init__(
        self, doc: Document, lex: Lexicon, allowlist: tuple[tuple[str, ...], ...] = (), memo: dict | None = None
    ) -> None:
        self.doc = doc
        self.lex = lex
        self.memo = memo if memo is not None else {}
        self.words: list[Word] = doc.words
        self.word_count = n = len(self.words)
        # Each per-word value is kept as an array for the vectorised checks and as a list for the
        # per-word ones (a list reads faster than an array, one item at a time).
        self.texts = [w.text for w in self.words]
        lowered = [w.lower for w in self.words]
        self.low = [w.replace("’", "'") if "’" in w else w for w in lowered] if "’" in doc.text else lowered
        ids = lex.vocabulary_ids()
        self.ids = list(map(ids.get, self.low, repeat(NO_ID, n)))
        self.table, self.id_bits = lex.bigram_table()
        self.id_array = np.array(self.ids, dtype=np.int64)
        self.pairs = PairTable.of(self.memo, self.table, self.id_bits)
        # Indexes of the words with a capital: only those differ from their lowercase form.
        self.cased: list[int] = np.flatnonzero(flags(map(operator.ne, self.texts, lowered))).tolist()
        self._kinds = self._word_kinds()
        stop = (self._kinds & _STOP) > 0
        first = self._sentence_starts()
        joined = self._joined(first)
        allowed = self._allowed(allowlist)
        name_like = self._name_like(first, allowed)
        self._arrays: dict[str, np.ndarray] = {
            "zipf": self._zipfs(lex),
            "stop": stop,
            "content": (self._kinds & _CONTENT) > 0,
            "plain": (self._kinds & _PLAIN) > 0,
            "first": first,
            "joined": joined,
            "pair": self._pair_scores(joined),
            "allowed": allowed,
            "name_like": name_like,
        }
        # A word that can carry a collocation: content, letters only, not a name.
        self._arrays["open"] = self._arrays["content"] & self._arrays["plain"] & ~name_like
        self.zipf: list[float] = self._arrays["zipf"].tolist()
        self.stop: list[bool] = stop.tolist()
        self.content: list[bool] = self._arrays["content"].tolist()
        self.plain: list[bool] = self._arrays["plain"].tolist()
        self.first: list[bool] = first.tolist()
        self.joined: list[bool] = joined.tolist()
        self.pair: list[float] = self._arrays["pair"].tolist()
        self.allowed: list[bool] = allowed.tolist()
        self.name_like: list[bool] = name_like.tolist()
        self.open: list[bool] = self._arrays["open"].tolist()

    # -- construction ------------------------------------------------------------------------
    def _noun_stopwords(self) -> frozenset[str]:
        nouns = self.memo.get(_NOUN_STOPWORDS)
        if nouns is None:
            nouns = self.memo[_NOUN_STOPWORDS] = frozenset(
                w for w in self.lex.stopwords if _has_noun_reading(self.lex, w)
            )
        return nouns

    def _zipfs(self, lex: Lexicon) -> np.ndarray:
        """Zipf frequency per word (0.0 when not in the vocabulary)."""
        zipfs = self.memo.get(_ZIPFS_KEY)
        if zipfs is None:
            zipfs = self.memo[_ZIPFS_KEY] = np.append(np.asarray(lex.vocabulary_zipfs(), dtype=float), 0.0)
        return zipfs[self.id_array]  # NO_ID (-1) picks the appended 0.0

    def _word_kinds(self) -> np.ndarray:
        """Per word, the bit flags of its type (``_kind``); by id for words in the vocabulary."""
        kinds = np.zeros(self.word_count, dtype=np.uint8)
        known = self.id_array != NO_ID
        kinds[known] = self.by_id(_KINDS_KEY, np.flatnonzero(known), self._kind, np.uint8)
        unknown = [self.low[i] for i in np.flatnonzero(~known).tolist()]
        kind_of = {word: self._kind(word) for word in set(unknown)}  # numbers and names recur
        kinds[~known] = [kind_of[word] for word in unknown]
        return kinds

    def _kind(self, word: str) -> int:
        stop = word in self.lex.stopwords
        return (
            _STOP * stop
            | _CONTENT * (not stop or word in self._noun_stopwords())
            # Letters only (inner apostrophes and hyphens allowed): numbers and codes are never spun.
            | _PLAIN * (word.isalpha() or _letters_inside(word))
            | _OPENS_PHRASE * (word in self.lex.phrase_starts())
        )

    def _sentence_starts(self) -> np.ndarray:
        first = np.zeros(self.word_count, dtype=bool)
        first[[sentence.first_word for sentence in self.doc.sentences]] = True
        return first

    def _joined(self, first: np.ndarray) -> np.ndarray:
        """Word i follows word i-1 in the same sentence with only blanks between them: a non-empty
        gap of whitespace other than newlines. Nearly every such gap is one space, tested for all
        words at once; the few other gaps ("," or two spaces) are looked at one by one."""
        joined = np.zeros(self.word_count, dtype=bool)
        if self.word_count < 2:
            return joined
        text = self.doc.text
        starts = np.array(self.doc.word_starts, dtype=np.int64)
        ends = starts + np.fromiter(map(len, self.texts), dtype=np.int64, count=self.word_count)
        gap_start, gap_end = ends[:-1], starts[1:]
        # One code point per character, to read the first character of every gap at once.
        codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        opening = codes[np.minimum(gap_start, len(codes) - 1)]
        space = (gap_end - gap_start == 1) & (opening == ord(" "))
        joined[1:] = space & ~first[1:]
        # Only a gap that opens with a blank can be blank, and no ASCII character after " " is one.
        may_be_blank = (gap_end > gap_start) & ((opening <= ord(" ")) | (opening > 127))
        others = np.flatnonzero(~space & ~first[1:] & may_be_blank).tolist()
        bounds = list(zip(gap_start[others].tolist(), gap_end[others].tolist()))
        joined[[i + 1 for i, (a, b) in zip(others, bounds) if _blank_gap(text[a:b])]] = True
        return joined

    def _pair_scores(self, joined: np.ndarray) -> np.ndarray:
        scores = np.zeros(self.word_count)
        if self.word_count > 1:
            ids = self.id_array
            mask = joined[1:] & (ids[1:] != NO_ID) & (ids[:-1] != NO_ID)
            scores[1:] = self.pairs.scores_of(ids[:-1], ids[1:], mask)
        return scores

    def _allowed(self, allowlist: tuple[tuple[str, ...], ...]) -> np.ndarray:
        """Words inside an allowlisted term (lowercase word tuples; matched case-insensitively)."""
        allowed = np.zeros(self.word_count, dtype=bool)
        if not allowlist:
            return allowed
        singles = {term[0] for term in allowlist if len(term) == 1}
        phrases = [term for term in allowlist if len(term) > 1]
        for i, word in enumerate(self.low):
            if word in singles:
                allowed[i] = True
            for term in phrases:
                if word == term[0] and tuple(self.low[i : i + len(term)]) == term:
                    allowed[i : i + len(term)] = True
        return allowed

    def _name_like(self, first: np.ndarray, allowed: np.ndarray) -> np.ndarray:
        """Capitalised away from a sentence start, all capitals, or allowlisted: not a common word here."""
        name_like = allowed.copy()
        texts, starts = self.texts, first.tolist()
        name_like[[i for i in self.cased if _capitalised_name(texts[i], starts[i])]] = True
        return name_like

    def array(self, name: str) -> np.ndarray:
        """A per-word list (``zipf``, ``pair``, ``joined``, ``open``...) as a numpy array, made
        once per document: several checks vectorise over the same lists."""
        return self._arrays[name]

    # -- lookups ---------------------------------------------------------------------------------
    def score(self, first: str, second: str) -> float:
        """Reference score of any word pair (0.0 when unseen)."""
        return self.lex.bigram(first, second)

    def pmi(self, first: str, second: str) -> float:
        """log10 of how much more often the pair occurs than its words would by chance; a WordNet
        compound missing from the frequency data counts as a strong collocation (2.0)."""
        score = self.lex.bigram(first, second)
        if score <= 0:
            return 2.0 if self.lex.compound(first, second) else float("-inf")
        return score - self.lex.zipf(first) - self.lex.zipf(second) + 9.0

    def tag_fit(self, stopword: str, side: str, tags: tuple[str, ...]) -> float | None:
        """Share of a stop word's neighbours on ``side`` ("right": words after it) that carry one of
        ``tags``; None when the word has no such profile or ``tags`` is empty."""
        shares = self.lex.neighbour_tags(stopword, side)
        if not shares or not tags:
            return None
        return sum(shares.get(tag, 0.0) for tag in tags)

    def candidates(self, word: str) -> tuple[tuple[str, int, float], ...]:
        """The word's single-word content synonyms that are in the vocabulary, with their ids and
        Zipf frequencies, commonest first."""
        found = self.memo.get(word)
        if found is None:
            synonyms = self.lex.synonyms(word)
            if not synonyms:
                return ()  # not remembered: the memo holds thesaurus entries only, so it stays bounded
            ids, zipf, content = self.lex.vocabulary_ids(), self.lex.zipf, self.is_content
            # Spinners swap content words: the original of a swap is never a function word.
            found = tuple((s, ids[s], zipf(s)) for s in synonyms if " " not in s and s in ids and content(s))
            self.memo[word] = found
        return found

    def by_id(self, key: tuple, indexes: np.ndarray, value_of: Callable[[str], Any], dtype: type) -> np.ndarray:
        """``value_of(word)`` for the words at ``indexes`` (all in the vocabulary), read from a table
        by vocabulary id that all documents share (the memo's entry ``key``) and that learns an id's
        value the first time the id is seen: for a pure function of the word and the lexicon,
        worked out once per run instead of at every occurrence, in a table the vocabulary's size."""
        table = self.memo.get(key)
        if table is None:
            size = len(self.lex.vocabulary_zipfs())
            table = self.memo[key] = (np.zeros(size, dtype=dtype), np.zeros(size, dtype=bool))
        values, seen = table
        ids = self.id_array[indexes]
        found = values[ids]
        new = np.flatnonzero(~seen[ids])
        if len(new):
            found[new] = [value_of(self.low[i]) for i in indexes[new].tolist()]
            values[ids[new]] = found[new]
            seen[ids[new]] = True
        return found

    @cached_property
    def phrase_openings(self) -> np.ndarray:
        """Indexes i where word i+1 is joined to word i and the two begin a multi-word thesaurus
        entry: the only places such an entry can start, since ``phrase_starts`` holds the first
        two words of every one. Three checks look for entries; the test is made once."""
        at = np.flatnonzero(self._arrays["joined"][1:] & ((self._kinds[:-1] & _OPENS_PHRASE) > 0))
        # Half the words may open one: two vocabulary words are looked up by id pair, all at once.
        first, second = self.id_array[at], self.id_array[at + 1]
        known = (first != NO_ID) & (second != NO_ID)
        pairs, wanted = self._opening_pairs(), (first << self.id_bits) | second
        opens = known & (pairs[np.minimum(pairs.searchsorted(wanted), len(pairs) - 1)] == wanted)
        starts, low = self.lex.phrase_starts(), self.low
        for k in np.flatnonzero(~known).tolist():  # a word outside the vocabulary: by the words
            opens[k] = f"{low[at[k]]} {low[at[k] + 1]}" in starts
        return at[opens]

    def _opening_pairs(self) -> np.ndarray:
        """The id pairs (made as in the bigram table) of the two-word ``phrase_starts`` whose words
        are both in the vocabulary, sorted, after a -1 that keeps the array from being empty."""
        found = self.memo.get(_OPENINGS_KEY)
        if found is None:
            ids = self.lex.vocabulary_ids()
            starts = [start.split(" ") for start in self.lex.phrase_starts() if " " in start]
            pairs = [(ids[a] << self.id_bits) | ids[b] for a, b in starts if a in ids and b in ids]
            found = self.memo[_OPENINGS_KEY] = np.unique(np.array([-1, *pairs], dtype=np.int64))
        return found

    @cached_property
    def lower_text(self) -> str:
        return _normalise(self.doc.text.lower())

    def occurrences(self, phrase: str) -> int:
        """How often a lowercase phrase occurs in the document as whole words."""
        return len(re.findall(rf"(?<![\w'-]){re.escape(phrase)}(?![\w'-])", self.lower_text))

    def is_content(self, word: str) -> bool:
        """The ``content`` test for any word: not a stop word, or one with a common noun reading."""
        return word not in self.lex.stopwords or word in self._noun_stopwords()

    def has_left(self, i: int) -> bool:
        return i > 0 and self.joined[i]

    def has_right(self, i: int) -> bool:
        return i + 1 < len(self.words) and self.joined[i + 1]


def _has_noun_reading(lex: Lexicon, word: str) -> bool:
    return any(tag in ("NN", "NNS") for tag in lex.tags(word))


def flags(values: Iterable[bool]) -> np.ndarray:
    """Booleans as a (read-only) numpy array (through bytes: several times faster than np.array)."""
    return np.frombuffer(bytes(values), dtype=bool)


def _capitalised_name(text: str, starts_sentence: bool) -> bool:
    return text[0].isupper() and (not starts_sentence or (len(text) > 1 and text.isupper()))


def _letters_inside(word: str) -> bool:
    return word.replace("'", "").replace("-", "").isalpha()


def _blank_gap(gap: str) -> bool:
    return gap.isspace() and "\n" not in gap


def _normalise(word: str) -> str:
    return word.replace("’", "'") if "’" in word else word


def match_case(replacement: str, original: str) -> str:
    """Give ``replacement`` the capitalisation of the text it replaces (sentence-initial capitals)."""
    if original[:1].isupper() and not original.isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement
