"""The per-document view the spin checks share: normalised words, which words are direct
neighbours, and cheap access to the reference pair frequencies.

Built once per document in one pass over ``Document.words``; every check then works on plain lists
and integer ids, because the spin detector looks at every word and must stay fast (~150k words/s).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from itertools import pairwise, repeat

import numpy as np

from seoclean.detectors.pair_table import PairTable
from seoclean.document import Document, Word
from seoclean.lexicon import Lexicon

NO_ID = -1
_NOUN_STOPWORDS = ("noun stop words",)  # memo keys; a tuple never collides with the word keys
_ZIPFS_KEY = ("zipf by id, then 0.0 for NO_ID",)
_FLAG_LISTS = frozenset(("stop", "content", "plain", "first", "joined", "allowed", "name_like", "open"))


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
    ``open[i]``: content, plain and not name-like.

    ``memo`` is a dictionary the caller may share between documents: it caches each word's
    single-word synonyms with their ids (a pure function of the lexicon).
    """

    def __init__(
        self, doc: Document, lex: Lexicon, allowlist: tuple[tuple[str, ...], ...] = (), memo: dict | None = None
    ) -> None:
        self.doc = doc
        self.lex = lex
        self.memo = memo if memo is not None else {}
        self._arrays: dict[str, np.ndarray] = {}
        self.words: list[Word] = doc.words
        self.word_count = len(self.words)
        # Built with map() and C-level builtins where possible: this runs once per document over
        # every word, and per-word Python calls dominated its cost.
        lowered = [w.lower for w in self.words]
        self.low = [_normalise(w) for w in lowered] if "’" in doc.text else lowered
        ids = lex.vocabulary_ids()
        self.ids = list(map(ids.get, self.low, repeat(NO_ID, self.word_count)))
        self.table, self.id_bits = lex.bigram_table()
        self.id_array = np.array(self.ids, dtype=np.int64)
        self.pairs = PairTable.of(self.memo, self.table, self.id_bits)
        self.zipf = self._zipfs(lex)
        stopwords = lex.stopwords
        self.stop = list(map(stopwords.__contains__, self.low))
        nouns = self._noun_stopwords()
        self.content = [not stop or word in nouns for word, stop in zip(self.low, self.stop)]
        # Letters only (inner apostrophes and hyphens allowed): numbers and codes are never spun.
        self.plain = [alpha or _letters_inside(w) for w, alpha in zip(self.low, map(str.isalpha, self.low))]
        self.first = self._sentence_starts()
        self.joined = self._joined()
        self.pair = self._pair_scores()
        self.allowed = self._allowed(allowlist)
        self.name_like = self._name_like(lowered)
        # A word that can carry a collocation: content, letters only, not a name.
        self.open = [c and p and not n for c, p, n in zip(self.content, self.plain, self.name_like)]

    # -- construction ------------------------------------------------------------------------
    def _noun_stopwords(self) -> frozenset[str]:
        nouns = self.memo.get(_NOUN_STOPWORDS)
        if nouns is None:
            nouns = self.memo[_NOUN_STOPWORDS] = frozenset(
                w for w in self.lex.stopwords if _has_noun_reading(self.lex, w)
            )
        return nouns

    def _zipfs(self, lex: Lexicon) -> list[float]:
        """Zipf frequency per word (0.0 when not in the vocabulary)."""
        zipfs = self.memo.get(_ZIPFS_KEY)
        if zipfs is None:
            zipfs = self.memo[_ZIPFS_KEY] = np.append(np.asarray(lex.vocabulary_zipfs(), dtype=float), 0.0)
        return zipfs[self.id_array].tolist()  # NO_ID (-1) picks the appended 0.0

    def _sentence_starts(self) -> list[bool]:
        first = [False] * self.word_count
        for sentence in self.doc.sentences:
            first[sentence.first_word] = True
        return first

    def _joined(self) -> list[bool]:
        text, words = self.doc.text, self.words
        gaps = [text[left.end : right.start] for left, right in pairwise(words)]
        return [False] + [not first and (gap == " " or _blank_gap(gap)) for first, gap in zip(self.first[1:], gaps)]

    def _pair_scores(self) -> list[float]:
        scores = np.zeros(self.word_count)
        if self.word_count > 1:
            ids = self.id_array
            mask = np.frombuffer(bytes(self.joined[1:]), dtype=bool) & (ids[1:] != NO_ID) & (ids[:-1] != NO_ID)
            scores[1:] = self.pairs.scores_of(ids[:-1], ids[1:], mask)
        return scores.tolist()

    def _allowed(self, allowlist: tuple[tuple[str, ...], ...]) -> list[bool]:
        """Words inside an allowlisted term (lowercase word tuples; matched case-insensitively)."""
        allowed = [False] * self.word_count
        if not allowlist:
            return allowed
        singles = {term[0] for term in allowlist if len(term) == 1}
        phrases = [term for term in allowlist if len(term) > 1]
        for i, word in enumerate(self.low):
            if word in singles:
                allowed[i] = True
            for term in phrases:
                if word == term[0] and tuple(self.low[i : i + len(term)]) == term:
                    allowed[i : i + len(term)] = [True] * len(term)
        return allowed

    def _name_like(self, lowered: list[str]) -> list[bool]:
        """Capitalised away from a sentence start, all capitals, or allowlisted: not a common word here."""
        name_like = list(self.allowed)
        # Only a word with a capital differs from its lowercase form (a cheap C-level comparison).
        for i in [i for i, (word, low) in enumerate(zip(self.words, lowered)) if word.text != low]:
            text = self.words[i].text
            if text[0].isupper() and (not self.first[i] or (len(text) > 1 and text.isupper())):
                name_like[i] = True
        return name_like

    def array(self, name: str) -> np.ndarray:
        """A per-word list (``zipf``, ``pair``, ``joined``, ``open``...) as a numpy array, made
        once per document: several checks vectorise over the same lists."""
        found = self._arrays.get(name)
        if found is None:
            values = getattr(self, name)
            found = flags(values) if name in _FLAG_LISTS else np.asarray(values, dtype=float)
            self._arrays[name] = found
        return found

    # -- lookups ---------------------------------------------------------------------------------
    def score(self, first: str, second: str) -> float:
        """Reference score of any word pair (0.0 when unseen)."""
        return self.lex.bigram(first, second)

    def known(self, first: str, second: str) -> bool:
        """A pair English uses: in the bigram data or a WordNet compound."""
        return self.lex.bigram(first, second) > 0 or self.lex.compound(first, second)

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

    def is_capitalised(self, i: int) -> bool:
        return self.words[i].text[:1].isupper()

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


def flags(values: list[bool]) -> np.ndarray:
    """A list of booleans as a numpy array (through bytes: several times faster than np.array)."""
    return np.frombuffer(bytes(values), dtype=bool)


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
