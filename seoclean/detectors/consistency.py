"""SEO202: one phrase written with several thesaurus synonyms in the same frame of one document.

A spinner rewrites each occurrence of "lower back pain" on its own, so one page ends up with
"lower back pain", "deeper back pain" and "gloomier back pain": the same two-word frame ("_ back
pain", or "suffer _ pain", or "the _ back"), and words in the slot that are thesaurus synonyms of
each other. The variant that forms a known collocation with its neighbour in the frame, and is
the commonest, is the original; rarer variants whose pair is unknown are the spun copies.

Writers vary words too ("large company", "big company"), but rarely inside the same two-word
frame, and both of their pairs are idiomatic: a variant with a known pair is never reported, nor
one the page writes in the frame more often than the original (its own wording, repeated).
"""

from __future__ import annotations

from itertools import pairwise

import numpy as np

from seoclean.detectors.spin_context import NO_ID, Hit, SpinContext, match_case

# A frame: its kind and two words. "next" frames hold the slot's two following words, "previous"
# frames its two preceding words, "around" frames the word before and the word after it.
Frame = tuple[str, str, str]
Span = tuple[int, int]  # first and last word index of a slot filler


def inconsistent_synonyms(ctx: SpinContext, max_words: int = 2, min_zipf_gain: float = 0.5) -> list[Hit]:
    """Slot fillers with an unknown pair in a frame where a thesaurus synonym has a known one and
    is at least ``10**min_zipf_gain`` times as common (spinners pick the rarer entries)."""
    hits = []
    for frame, variants in _frames(ctx, max_words).items():
        if len(variants) < 2:
            continue
        known = {v: _known(ctx, frame, spans[0]) for v, spans in variants.items()}
        originals = [v for v in variants if known[v]]
        for text, spans in variants.items():
            if known[text] or not originals:
                continue
            original = _original_for(ctx, frame, text, originals, variants, min_zipf_gain)
            if original is not None and not _writers_wording(spans, variants[original]):
                hits += [_hit(ctx, frame, text, len(spans), original, len(variants[original]), s) for s in spans]
    return hits


def _writers_wording(variant: list[Span], original: list[Span]) -> bool:
    """The variant fills the frame more often than the original, twice or more: the writer's own
    wording ("the returned time object" twice, "the given time" once). A spinner rewrites each
    occurrence on its own, so its variants are scattered and the original is the frame's usual filler."""
    return len(variant) >= 2 and len(variant) > len(original)


_KINDS = ("next", "previous", "around")


def _frames(ctx: SpinContext, max_words: int) -> dict[Frame, dict[str, list[Span]]]:
    """Every run of 1..max_words open words (a phrase only when it is a thesaurus entry), filed
    under each of its frames, for the frames that hold at least two different fillers (the only
    ones that can show a swap). Every word is a candidate filler, so the frames are keyed and
    counted with numpy; only the few frames with several fillers are built as dicts, in the
    order a word-by-word walk would file them (first word, then last word, then frame kind)."""
    low = ctx.low
    word_key = _word_keys(ctx)
    first, last, filler = _fillers(ctx, max_words, word_key)
    if not len(first):
        return {}
    size = int(word_key.max()) + 1
    words = _WordFlags(ctx)
    entries = [_frame_entries(words, kind, first, last, word_key, size) for kind in range(len(_KINDS))]
    slot, key, a, b = (np.concatenate([e[field] for e in entries]) for field in range(4))
    kind = np.concatenate([np.full(len(e[0]), k) for k, e in enumerate(entries)])
    chosen = np.flatnonzero(_with_several_fillers(key, filler[slot]))
    chosen = chosen[np.lexsort((kind[chosen], last[slot[chosen]], first[slot[chosen]]))]
    slot, kind, a, b = slot[chosen], kind[chosen], a[chosen], b[chosen]
    frames: dict[Frame, dict[str, list[Span]]] = {}
    for k, i, j, a_at, b_at in zip(kind.tolist(), first[slot].tolist(), last[slot].tolist(), a.tolist(), b.tolist()):
        text = low[i] if i == j else " ".join(low[i : j + 1])
        frames.setdefault((_KINDS[k], low[a_at], low[b_at]), {}).setdefault(text, []).append((i, j))
    return frames


class _WordFlags:
    """``joined``, ``plain`` and ``content`` as numpy arrays, padded with two False entries so
    that the words after the last one can be looked up."""

    def __init__(self, ctx: SpinContext) -> None:
        self.n = ctx.word_count
        self.joined, self.plain, self.content = (
            np.append(ctx.array(name), [False, False]) for name in ("joined", "plain", "content")
        )


def _fillers(ctx: SpinContext, max_words: int, word_key: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """First and last word of every filler (open words, and runs of joined open words up to
    ``max_words`` that are thesaurus phrases), and an id per distinct filler text (a word's
    ``word_key``; phrases numbered after the words)."""
    low, joined, open_, n = ctx.low, ctx.joined, ctx.open, ctx.word_count
    is_open = ctx.array("open")
    singles = np.flatnonzero(is_open)
    phrases: list[tuple[int, int]] = []
    if max_words >= 2 and n >= 2:
        synonyms, openings = ctx.lex.synonyms, ctx.phrase_openings
        # A phrase starts at a phrase opening (its first two words begin a thesaurus entry, and
        # the second is joined) whose two words are open: test that for all openings at once.
        for i in openings[is_open[openings] & is_open[openings + 1]].tolist():
            for j in range(i + 1, min(i + max_words, n)):
                if not (joined[j] and open_[j]):
                    break
                if synonyms(" ".join(low[i : j + 1])):
                    phrases.append((i, j))
    texts: dict[str, int] = {}
    offset = int(word_key.max()) + 1
    phrase_ids = [offset + texts.setdefault(" ".join(low[i : j + 1]), len(texts)) for i, j in phrases]
    first = np.concatenate([singles, np.array([i for i, _ in phrases], dtype=np.int64)])
    last = np.concatenate([singles, np.array([j for _, j in phrases], dtype=np.int64)])
    filler = np.concatenate([word_key[singles], np.array(phrase_ids, dtype=np.int64)])
    return first, last, filler


def _word_keys(ctx: SpinContext) -> np.ndarray:
    """An integer per distinct word of the document: its vocabulary id, or a number after the
    vocabulary for a word outside it (two padding entries at the end)."""
    keys = np.append(ctx.id_array, [0, 0])
    unknown = np.flatnonzero(keys[: ctx.word_count] == NO_ID)
    if len(unknown):
        ids: dict[str, int] = {}
        base = len(ctx.lex.vocabulary_zipfs())
        keys[unknown] = [base + ids.setdefault(ctx.low[i], len(ids)) for i in unknown.tolist()]
    return keys


def _frame_entries(words: _WordFlags, kind: int, first: np.ndarray, last: np.ndarray, word_key, size: int):
    """(filler index, frame key, positions of the frame's two words) of every filler that has a
    frame of this kind. Only a content word next to the slot can judge a filler (see _known):
    frames whose neighbouring words are function words are never filed."""
    n, joined, plain, content = words.n, words.joined, words.plain, words.content
    before = (first >= 1) & joined[first] & plain[first - 1]
    after = (last + 1 < n) & joined[last + 1] & plain[last + 1]
    content_before, content_after = before & content[first - 1], after & content[last + 1]
    if kind == 0:
        has = content_after & (last + 2 < n) & joined[last + 2] & plain[last + 2]
    elif kind == 1:
        has = content_before & (first >= 2) & joined[first - 1] & plain[first - 2]
    else:
        has = before & after & (content_before | content_after)
    slot = np.flatnonzero(has)
    a, b = _frame_words(kind, first[slot], last[slot])
    return slot, (kind * size + word_key[a]) * size + word_key[b], a, b


def _frame_words(kind: int, first, last):
    """Positions of the two words of a frame of this kind (0 next, 1 previous, 2 around) for
    fillers from word ``first`` to ``last``: ints or numpy arrays alike."""
    if kind == 0:
        return last + 1, last + 2
    if kind == 1:
        return first - 2, first - 1
    return first - 1, last + 1


def _with_several_fillers(key: np.ndarray, filler: np.ndarray) -> np.ndarray:
    """Per entry: its key occurs with at least two different fillers. One sort by key, then
    filler: the distinct fillers of a key are the starts of new (key, filler) runs in its run."""
    several = np.zeros(len(key), dtype=bool)
    if not len(key):
        return several
    order = np.lexsort((filler, key))
    key, filler = key[order], filler[order]
    new_key = np.ones(len(key), dtype=bool)
    new_key[1:] = key[1:] != key[:-1]
    new_pair = new_key.copy()
    new_pair[1:] |= filler[1:] != filler[:-1]
    run = np.cumsum(new_key) - 1  # the key's run, per sorted entry
    several[order] = np.bincount(run, weights=new_pair)[run] >= 2
    return several


def _adjacent(frame: Frame) -> tuple[tuple[str, bool], ...]:
    """The frame's words next to the slot: (word, it is on the left of the slot)."""
    kind, a, b = frame
    if kind == "next":
        return ((a, False),)
    if kind == "previous":
        return ((b, True),)
    return ((a, True), (b, False))


def _known(ctx: SpinContext, frame: Frame, at: Span) -> bool:
    """Every content neighbour in the frame forms a known pair with the filler, read at one of
    its occurrences ``at``: the pair is joined there, so its score is the document's ``pair``,
    and the answer depends on the words alone."""
    i, j = at
    pairs = []  # the positions of the filler's pairs with the content words next to it in the frame
    if frame[0] != "next" and ctx.content[i - 1]:
        pairs.append((i - 1, i))
    if frame[0] != "previous" and ctx.content[j + 1]:
        pairs.append((j, j + 1))
    # Without any, only function words touch the slot: nothing to judge the filler by.
    return all(ctx.pair[b] > 0 or ctx.lex.compound(ctx.low[a], ctx.low[b]) for a, b in pairs)


def _score(ctx: SpinContext, frame: Frame, variant: str) -> float:
    words = variant.split()
    return sum(ctx.score(w, words[0]) if left else ctx.score(words[-1], w) for w, left in _adjacent(frame))


def _original_for(
    ctx: SpinContext,
    frame: Frame,
    variant: str,
    originals: list[str],
    variants: dict[str, list[Span]],
    min_zipf_gain: float,
) -> str | None:
    """The known filler this one is a thesaurus synonym of: strongest pairs, then commonest in the
    document, then commonest in English."""
    floor = _zipf(ctx, variant) + min_zipf_gain
    related = [o for o in originals if _zipf(ctx, o) >= floor and _synonyms(ctx, o, variant)]
    if not related:
        return None
    return max(related, key=lambda o: (_score(ctx, frame, o), len(variants[o]), ctx.lex.zipf(o)))


def _zipf(ctx: SpinContext, text: str) -> float:
    """A word's Zipf frequency; a phrase is no commoner than its rarest inner pair."""
    words = text.split()
    if len(words) == 1:
        return ctx.lex.zipf(text)
    return min(ctx.score(a, b) for a, b in pairwise(words))


def _synonyms(ctx: SpinContext, a: str, b: str) -> bool:
    return b in ctx.lex.synonyms(a) or a in ctx.lex.synonyms(b)


def _hit(ctx: SpinContext, frame: Frame, variant: str, count: int, original: str, original_count: int, at: Span) -> Hit:
    start, end = ctx.words[at[0]].start, ctx.words[at[1]].end
    text = ctx.doc.text[start:end]
    kind, a, b = frame
    shown = {"next": f"{original} {a} {b}", "previous": f"{a} {b} {original}", "around": f"{a} {original} {b}"}[kind]
    message = (
        f'"{text}" stands where this document also writes "{shown}": thesaurus synonyms in the same '
        f'frame are the mark of a spinner, and "{original}" is the collocation'
    )
    evidence = {
        "variant_count": float(count),
        "original_count": float(original_count),
        "original_pair_score": round(_score(ctx, frame, original), 2),
        "zipf": round(_zipf(ctx, variant), 2),
        "candidate_zipf": round(_zipf(ctx, original), 2),
        "confidence": 0.95,  # share of exact suggestions on the dataset's spun train and dev rows
    }
    return Hit("SEO202", start, end, message, match_case(original, text), evidence)
