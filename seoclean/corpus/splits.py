"""Train/dev/test assignment by source article, stratified by genre, with a fixed seed.

Every row made from one clean source (its clean copies and all its spam variants) lands in the
source's split, and mash-ups only borrow from sources in the same split, so no text is shared
between splits.
"""

from __future__ import annotations

import random

from seoclean.corpus.sources import CleanSource

DEFAULT_SHARES = (("train", 0.70), ("dev", 0.15), ("test", 0.15))


def assign_splits(
    sources: list[CleanSource], *, seed: int, shares: tuple[tuple[str, float], ...] = DEFAULT_SHARES
) -> dict[str, str]:
    """``source_id -> split``. Within each genre the sources are shuffled with ``seed`` and cut by
    ``shares`` (rounded, the first split taking the remainder)."""
    by_genre: dict[str, list[str]] = {}
    for source in sorted(sources, key=lambda s: s.source_id):
        by_genre.setdefault(source.genre, []).append(source.source_id)
    assignment: dict[str, str] = {}
    for genre, ids in sorted(by_genre.items()):
        random.Random(f"{seed}:split:{genre}").shuffle(ids)
        counts = [round(len(ids) * share) for _, share in shares[1:]]
        counts.insert(0, len(ids) - sum(counts))
        cursor = 0
        for (name, _), count in zip(shares, counts):
            for source_id in ids[cursor : cursor + count]:
                assignment[source_id] = name
            cursor += count
    return assignment
