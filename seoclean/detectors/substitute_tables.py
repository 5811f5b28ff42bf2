"""Lexicon lookups in array form for the vectorised substitution scoring.

Both tables are pure functions of the lexicon, filled on first use and kept in the detector's
memo, so every document of a run shares them and results never depend on processing order.

- ``SubstituteTable``: per word type (or thesaurus phrase), its commonest single-word synonyms
  as fixed-width rows of ids, Zipf frequencies and dilutions (how many entries share the
  synonym's thesaurus slot); a document gathers its slots' rows by fancy indexing.
- ``PairTable``: the reference pair scores for arrays of (first id, second id), by binary search
  in the sorted keys of the bigram table.
"""

from __future__ import annotations

import math

import numpy as np

from seoclean.detectors.spin_context import SpinContext

MAX_SUBSTITUTES = 8  # commonest single-word synonyms considered as the original
SYNONYM_SHARE = 0.5  # how strongly a thesaurus's many entries dilute each one's chance (0: not at all)
NONE = -1
_SUBSTITUTES_KEY = ("substitute table",)  # memo keys: tuples never collide with the word keys
_PAIRS_KEY = ("pair table",)


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

    def _add(self, ctx: SpinContext, text: str) -> int:
        found = ctx.candidates(text)[:MAX_SUBSTITUTES]
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


class PairTable:
    def __init__(self, ctx: SpinContext) -> None:
        table = ctx.table
        keys = np.fromiter(table.keys(), dtype=np.int64, count=len(table))
        scores = np.fromiter(table.values(), dtype=np.float64, count=len(table)) / 10
        order = np.argsort(keys, kind="stable")
        self.keys, self.scores, self.bits = keys[order], scores[order], ctx.id_bits

    @staticmethod
    def of(ctx: SpinContext) -> PairTable:
        table = ctx.memo.get(_PAIRS_KEY)
        if table is None:
            table = ctx.memo[_PAIRS_KEY] = PairTable(ctx)
        return table

    def scores_of(self, first_ids: np.ndarray, second_ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        """Pair scores (log10 per billion) of broadcast id arrays; 0.0 where unseen or masked."""
        query = (first_ids << self.bits) | second_ids
        query, mask = np.broadcast_arrays(query, mask)
        result = np.zeros(query.shape)
        wanted = query[mask]
        at = np.minimum(np.searchsorted(self.keys, wanted), len(self.keys) - 1)
        result[mask] = np.where(self.keys[at] == wanted, self.scores[at], 0.0)
        return result
