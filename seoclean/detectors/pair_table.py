"""The reference pair scores in array form: ``bigram`` for whole arrays of word ids at once.

Built once from the lexicon's bigram table (its keys sorted for binary search) and kept in the
spin detector's memo, so every document of a run shares it.
"""

from __future__ import annotations

import numpy as np

_MEMO_KEY = ("pair table",)  # tuples never collide with the word keys of the memo


class PairTable:
    def __init__(self, table: dict[int, int], bits: int) -> None:
        keys = np.fromiter(table.keys(), dtype=np.int64, count=len(table))
        scores = np.fromiter(table.values(), dtype=np.float64, count=len(table)) / 10
        order = np.argsort(keys, kind="stable")
        self.keys, self.scores, self.bits = keys[order], scores[order], bits

    @staticmethod
    def of(memo: dict, table: dict[int, int], bits: int) -> PairTable:
        found = memo.get(_MEMO_KEY)
        if found is None:
            found = memo[_MEMO_KEY] = PairTable(table, bits)
        return found

    def scores_of(self, first_ids: np.ndarray, second_ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        """Pair scores (log10 per billion) of broadcast id arrays; 0.0 where unseen or masked."""
        query = (first_ids << self.bits) | second_ids
        query, mask = np.broadcast_arrays(query, mask)
        result = np.zeros(query.shape)
        wanted = query[mask]
        at = np.minimum(np.searchsorted(self.keys, wanted), len(self.keys) - 1)
        result[mask] = np.where(self.keys[at] == wanted, self.scores[at], 0.0)
        return result
