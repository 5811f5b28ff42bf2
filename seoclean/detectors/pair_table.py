"""The reference pair scores in array form: ``bigram`` for whole arrays of word ids at once.

Built once from the lexicon's bigram table and kept in the spin detector's memo, so every document
of a run shares it. The keys are filed in hash buckets rather than sorted for binary search: a
binary search makes about 18 dependent reads per pair, each one likely a cache miss, while a bucket
needs one or two, and numpy issues them for all pairs at once.
"""

from __future__ import annotations

import numpy as np

_MEMO_KEY = ("pair table",)  # tuples never collide with the word keys of the memo
_GOLDEN = np.uint64(0x9E3779B97F4A7C15)  # Fibonacci hashing: 2**64 / golden ratio, odd


class PairTable:
    def __init__(self, table: dict[int, int], bits: int) -> None:
        keys = np.fromiter(table.keys(), dtype=np.int64, count=len(table))
        scores = np.fromiter(table.values(), dtype=np.float64, count=len(table)) / 10
        # At least four buckets per key: nearly every bucket holds at most one key, so few keys need
        # a second round, and hardly any a third.
        bucket_bits = max(4 * len(keys), 2).bit_length()
        self.shift = np.uint64(64 - bucket_bits)
        buckets = self._bucket(keys)
        order = np.argsort(buckets, kind="stable")
        self.keys, self.scores, self.bits = keys[order], scores[order], bits
        # Bucket b's keys are keys[starts[b] : starts[b + 1]].
        self.starts = np.searchsorted(buckets[order], np.arange((1 << bucket_bits) + 1))

    @staticmethod
    def of(memo: dict, table: dict[int, int], bits: int) -> PairTable:
        found = memo.get(_MEMO_KEY)
        if found is None:
            found = memo[_MEMO_KEY] = PairTable(table, bits)
        return found

    def _bucket(self, keys: np.ndarray) -> np.ndarray:
        # The top bits of key * _GOLDEN (mod 2**64) spread the keys evenly over the buckets.
        return ((keys.astype(np.uint64) * _GOLDEN) >> self.shift).astype(np.int64)

    def scores_of(self, first_ids: np.ndarray, second_ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        """Pair scores (log10 per billion) of broadcast id arrays; 0.0 where unseen or masked."""
        return self.scores_of_each([(first_ids, second_ids, mask)])[0]

    def scores_of_each(self, batches: list[tuple[np.ndarray, np.ndarray, np.ndarray]]) -> list[np.ndarray]:
        """``scores_of`` for several (first_ids, second_ids, mask) batches in one lookup: its rounds
        cost about as much for a few pairs as for many."""
        queries = [np.broadcast_arrays((first << self.bits) | second, mask) for first, second, mask in batches]
        found = self._lookup(np.concatenate([query[mask] for query, mask in queries]))
        results, start = [], 0
        for query, mask in queries:
            result = np.zeros(query.shape)
            end = start + int(np.count_nonzero(mask))
            result[mask] = found[start:end]
            results.append(result)
            start = end
        return results

    def _lookup(self, wanted: np.ndarray) -> np.ndarray:
        """Scores of pair keys, 0.0 for keys not in the table: every key is compared with the first
        key of its bucket, all keys at once, then the keys not found with the next one, until each
        is found or its bucket is exhausted (rarely more than three rounds)."""
        buckets = self._bucket(wanted)
        at, end = self.starts[buckets], self.starts[buckets + 1]
        found = np.zeros(len(wanted))
        todo = np.flatnonzero(at < end)  # the keys still looked for, and where their bucket goes on
        at, end, wanted = at[todo], end[todo], wanted[todo]
        while len(todo):
            hit = self.keys[at] == wanted
            found[todo[hit]] = self.scores[at[hit]]
            going = ~hit & (at + 1 < end)
            todo, at, end, wanted = todo[going], at[going] + 1, end[going], wanted[going]
        return found
