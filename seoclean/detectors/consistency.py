"""SEO202: one phrase written with several thesaurus synonyms in the same frame of one document.

A spinner rewrites each occurrence of "lower back pain" on its own, so one page ends up with
"lower back pain", "deeper back pain" and "gloomier back pain": the same two-word frame ("_ back
pain", or "suffer _ pain", or "the _ back"), and words in the slot that are thesaurus synonyms of
each other. The variant that forms a known collocation with its neighbour in the frame, and is
the commonest, is the original; rarer variants whose pair is unknown are the spun copies.

Writers vary words too ("large company", "big company"), but rarely inside the same two-word
frame, and both of their pairs are idiomatic: a variant with a known pair is never reported.
"""

from __future__ import annotations

from itertools import pairwise

from seoclean.detectors.spin_context import Hit, SpinContext, match_case

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
        known = {v: _known(ctx, frame, v) for v in variants}
        originals = [v for v in variants if known[v]]
        for text, spans in variants.items():
            if known[text] or not originals:
                continue
            original = _original_for(ctx, frame, text, originals, variants, min_zipf_gain)
            if original is not None:
                hits += [_hit(ctx, frame, text, len(spans), original, len(variants[original]), s) for s in spans]
    return hits


def _frames(ctx: SpinContext, max_words: int) -> dict[Frame, dict[str, list[Span]]]:
    """Every run of 1..max_words open words (a phrase only when it is a thesaurus entry), filed
    under each of its frames. Plain tuples, dicts and local names: this runs for every word."""
    frames: dict[Frame, dict[str, list[Span]]] = {}
    low, joined, plain, open_, content, n = ctx.low, ctx.joined, ctx.plain, ctx.open, ctx.content, ctx.word_count
    starts_phrase, synonyms = ctx.lex.starts_phrase, ctx.lex.synonyms
    for first in range(n):
        if not open_[first]:
            continue
        may_start_phrase = None  # looked up once per first word, only when a phrase is possible
        for last in range(first, min(first + max_words, n)):
            if last == first:
                text = low[first]
            else:
                if not (joined[last] and open_[last]):
                    break
                if may_start_phrase is None:
                    may_start_phrase = starts_phrase(low[first])
                if not may_start_phrase:
                    break
                text = " ".join(low[first : last + 1])
                if not synonyms(text):
                    continue
            # Only a content word next to the slot can judge a filler (see _known): frames whose
            # neighbouring words are function words are never filed.
            before = first >= 1 and joined[first] and plain[first - 1]
            after = last + 1 < n and joined[last + 1] and plain[last + 1]
            content_before, content_after = before and content[first - 1], after and content[last + 1]
            span = (first, last)
            if content_after and last + 2 < n and joined[last + 2] and plain[last + 2]:
                _file(frames, ("next", low[last + 1], low[last + 2]), text, span)
            if content_before and first >= 2 and joined[first - 1] and plain[first - 2]:
                _file(frames, ("previous", low[first - 2], low[first - 1]), text, span)
            if before and after and (content_before or content_after):
                _file(frames, ("around", low[first - 1], low[last + 1]), text, span)
    return frames


def _file(frames: dict[Frame, dict[str, list[Span]]], frame: Frame, text: str, span: Span) -> None:
    variants = frames.get(frame)
    if variants is None:
        frames[frame] = {text: [span]}
    elif text in variants:
        variants[text].append(span)
    else:
        variants[text] = [span]


def _adjacent(frame: Frame) -> tuple[tuple[str, bool], ...]:
    """The frame's words next to the slot: (word, it is on the left of the slot)."""
    kind, a, b = frame
    if kind == "next":
        return ((a, False),)
    if kind == "previous":
        return ((b, True),)
    return ((a, True), (b, False))


def _known(ctx: SpinContext, frame: Frame, variant: str) -> bool:
    """Every content neighbour in the frame forms a known pair with the filler."""
    words = variant.split()
    checks = [(w, left) for w, left in _adjacent(frame) if ctx.is_content(w)]
    if not checks:
        return True  # only function words touch the slot: nothing to judge the filler by
    return all(ctx.known(w, words[0]) if left else ctx.known(words[-1], w) for w, left in checks)


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
