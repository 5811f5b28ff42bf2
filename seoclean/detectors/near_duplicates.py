"""Near-duplicate texts by word-shingle Jaccard similarity.

Exact Jaccard over word-3-gram (shingle) sets, not MinHash: a document has a few dozen
paragraphs, so building MinHash signatures would cost more than intersecting the shingle sets,
and exact sets give no false negatives. A text is only compared at all when enough of its
shingles occur elsewhere to reach the threshold, which in ordinary prose leaves almost nothing to
compare. Only a page with hundreds of look-alike paragraphs (a spun doorway page) switches to
MinHash LSH (datasketch), where pairwise comparison would be quadratic.
"""

from __future__ import annotations

from collections import Counter

EXACT_JACCARD_LIMIT = 200  # look-alike texts compared pairwise; more switch to MinHash LSH
MINHASH_PERMUTATIONS = 64


def near_duplicates(
    texts: list[tuple[str, ...]],
    threshold: float,
    shingle_words: int = 3,
    shingles: list[frozenset[tuple[str, ...]]] | None = None,
    shared: set | None = None,
) -> list[tuple[int, int, float]]:
    """(index, index of the most similar earlier text, similarity) for every text whose shingle
    Jaccard similarity with an earlier one reaches ``threshold``. Exact copies are skipped: they
    are repeats, not near-duplicates, and their original is already indexed. ``shingles`` (the
    texts' ``shingle_set``s) and ``shared`` (their ``shared_items``): when the caller has them."""
    if shingles is None:
        shingles = [shingle_set(words, shingle_words) for words in texts]
    if shared is None:
        shared = shared_items(shingles)
    # Jaccard(A, B) >= t needs t * |A| of A's shingles inside B, hence inside ``shared``.
    hopeful = [k for k, own in enumerate(shingles) if own and len(own & shared) >= threshold * len(own)]
    matcher = _ExactMatcher(shingles) if len(hopeful) <= EXACT_JACCARD_LIMIT else _MinHashMatcher(shingles, threshold)
    found = []
    seen: set[tuple[str, ...]] = set()
    for k in hopeful:
        if texts[k] in seen:
            continue
        similarity, earlier = matcher.best(k)
        if similarity >= threshold:
            found.append((k, earlier, similarity))
        matcher.add(k)
        seen.add(texts[k])
    return found


def shingle_set(words: tuple[str, ...], size: int) -> frozenset[tuple[str, ...]]:
    return frozenset(zip(*(words[i:] for i in range(size))))


def jaccard(a: frozenset, b: frozenset) -> float:
    if not a or not b:
        return 0.0
    shared = len(a & b)
    return shared / (len(a) + len(b) - shared)


class _ExactMatcher:
    """Exact Jaccard against every earlier paragraph: fastest for the few dozen a page has."""

    def __init__(self, shingles: list[frozenset]) -> None:
        self.shingles = shingles
        self.indexed: list[int] = []

    def best(self, k: int) -> tuple[float, int]:
        return _most_similar(self.shingles, k, self.indexed)

    def add(self, k: int) -> None:
        self.indexed.append(k)


class _MinHashMatcher:
    """MinHash LSH (datasketch) finds candidates in constant time; each is then checked exactly.
    Only used for pages with hundreds of look-alike paragraphs, where pairwise comparison is
    quadratic; LSH may then miss a borderline pair, which exact matching never does."""

    def __init__(self, shingles: list[frozenset], threshold: float) -> None:
        from datasketch import MinHashLSH

        self.shingles = shingles
        self.lsh = MinHashLSH(threshold=threshold, num_perm=MINHASH_PERMUTATIONS)
        self.signatures: dict[int, object] = {}

    def _signature(self, k: int):
        from datasketch import MinHash

        if k not in self.signatures:
            signature = MinHash(num_perm=MINHASH_PERMUTATIONS)
            signature.update_batch([" ".join(shingle).encode() for shingle in self.shingles[k]])
            self.signatures[k] = signature
        return self.signatures[k]

    def best(self, k: int) -> tuple[float, int]:
        candidates = self.lsh.query(self._signature(k))
        return _most_similar(self.shingles, k, sorted(candidates))

    def add(self, k: int) -> None:
        self.lsh.insert(k, self._signature(k))


def shared_items(sets: list[frozenset]) -> set:
    """Items that occur in more than one of ``sets``."""
    counts: Counter = Counter()
    for items in sets:
        counts.update(items)
    return {item for item, count in counts.items() if count > 1}


def _most_similar(shingles: list[frozenset], k: int, earlier: list[int]) -> tuple[float, int]:
    """(similarity, index) of the earliest of the texts most similar to text ``k``."""
    best = (0.0, -1)
    for j in earlier:
        similarity = jaccard(shingles[k], shingles[j])
        if similarity > best[0]:
            best = (similarity, j)
    return best
