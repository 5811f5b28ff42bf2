"""The substitute table: lexicon lookups in array form for the vectorised substitution scoring.

The table is a pure function of the lexicon, filled on first use and kept in the detector's
memo, so every document of a run shares it and results never depend on processing order.

- ``SubstituteTable``: per word type (or thesaurus phrase), its commonest single-word lexical synonyms
  as fixed-width rows of ids, Zipf frequencies and dilutions (how many entries share the
  synonym's thesaurus slot); a document gathers its slots' rows by fancy indexing.
"""

from __future__ import annotations

import math

import numpy as np

from seoclean.detectors.spin_context import SpinContext

MAX_SUBSTITUTES = 6  # commonest single-word synonyms considered as the original
SYNONYM_SHARE = 0.5  # how strongly a thesaurus's many entries dilute each one's chance (0: not at all)
NONE = -1
# spaCy's stop list holds lexical words too ("keep", "really", "whole", "one"), and spinners swap
# them. Function words never are: the auxiliary and modal verbs (a closed class of English), single
# letters, and the commonest stop words (articles, pronouns, prepositions, conjunctions: from
# about 4 in 1,000 words up).
AUXILIARIES = frozenset(
    ("am", "is", "are", "was", "were", "be", "been", "being", "have", "has", "had", "having", "do", "does", "did")
    + ("doing", "done", "can", "could", "may", "might", "must", "shall", "should", "will", "would", "ought")
)
FUNCTION_ZIPF = 6.6
_SUBSTITUTES_KEY = ("substitute table",)  # memo keys: tuples never collide with the word keys
_ROWS_KEY = ("substitute table row by id",)


class SubstituteTable:
    def __init__(self) -> None:
        self.index: dict[str, int] = {}
        self.words: list[tuple[str, ...]] = []
        self.ids = np.full((256, MAX_SUBSTITUTES), NONE, dtype=np.int64)
        self.zipf = np.zeros((256, MAX_SUBSTITUTES))
        self.dilution = np.zeros((256, MAX_SUBSTITUTES))

    @staticmethod
    def of(ctx: SpinContext) -> SubstituteTable:
        table = ctx.memo.get(_SUBSTITUTES_KEY)
        if table is None:
            table = ctx.memo[_SUBSTITUTES_KEY] = SubstituteTable()
        return table

    def row(self, ctx: SpinContext, text: str) -> int:
        """The row of a word or phrase, NONE when it has no single-word content synonym."""
        row = self.index.get(text)
        if row is None:
            row = self.index[text] = self._add(ctx, text)
        return row

    def word_rows(self, ctx: SpinContext, indexes: np.ndarray) -> np.ndarray:
        """``row`` of the document's words at ``indexes`` (all in the vocabulary) at once, by id."""
        return ctx.by_id(_ROWS_KEY, indexes, lambda word: self.row(ctx, word), np.int64)

    def _add(self, ctx: SpinContext, text: str) -> int:
        if not is_lexical(ctx, text):
            return NONE
        vocabulary, zipf_of = ctx.lex.vocabulary_ids(), ctx.lex.zipf
        found = [
            (word, vocabulary[word], zipf_of(word))
            for word in ctx.lex.synonyms(text)
            if " " not in word and word in vocabulary and is_lexical(ctx, word)
        ][:MAX_SUBSTITUTES]
        if not found:
            return NONE
        row = len(self.words)
        if row == len(self.ids):
            self.ids = np.vstack([self.ids, np.full_like(self.ids, NONE)])
            self.zipf = np.vstack([self.zipf, np.zeros_like(self.zipf)])
            self.dilution = np.vstack([self.dilution, np.zeros_like(self.dilution)])
        synonyms = ctx.lex.synonyms
        self.words.append(tuple(word for word, _, _ in found))
        for k, (word, word_id, zipf) in enumerate(found):
            self.ids[row, k] = word_id
            self.zipf[row, k] = zipf
            self.dilution[row, k] = SYNONYM_SHARE * math.log10(max(len(synonyms(word)), 1))
        return row


def is_lexical(ctx: SpinContext, word: str) -> bool:
    """A word a spinner may replace or put in: any word but a function word (see AUXILIARIES)."""
    if word not in ctx.lex.stopwords or " " in word:
        return True
    return len(word) > 1 and word not in AUXILIARIES and ctx.lex.zipf(word) < FUNCTION_ZIPF
