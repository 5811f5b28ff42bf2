"""The passes that report swapped words: SEO201 (a single word) and SEO203 (a multi-word
thesaurus entry standing for a single word). The evidence itself is weighed in ``collocations``;
this module walks the document, applies the cheap tests first and turns the verdicts into hits.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from seoclean.detectors.collocations import (
    CollocationThresholds,
    Examined,
    Fit,
    examine_span,
    has_unknown_pair,
    may_be_spun,
)
from seoclean.detectors.spin_context import NO_ID, Hit, SpinContext, match_case

_COMMONEST_KEY = ("commonest candidate zipf by id",)  # memo key: tuples never collide with words
# Per rule, for (collocation, grammar, context) evidence: how often the suggestion was exact.
EXACT_SHARE = {"SEO201": (0.77, 0.72, 0.85), "SEO203": (0.92, 0.80, 0.89)}


@dataclass(slots=True)
class BreakStats:
    """What the SEO201 pass saw, for the measures: every span with an evidence side counts."""

    examined: int = 0
    weak: int = 0  # with a candidate at relaxed thresholds
    misfits: int = 0
    gains: list[float] = field(default_factory=list)

    def add(self, examined: Examined) -> None:
        self.examined += 1
        self.weak += examined.relaxed is not None
        self.misfits += examined.misfit
        self.gains.append(max(0.0, examined.raw_gain))


def unnatural_synonyms(ctx: SpinContext, th: CollocationThresholds, taken: set[int], stats: BreakStats) -> list[Hit]:
    """SEO201 over every word not already inside another finding (``taken`` word indexes)."""
    hits = []
    low, zipfs = ctx.low, ctx.zipf
    # Cheapest tests first, for all words at once: most words make known pairs with both neighbours,
    # and only a synonym much commoner than the word can count (candidates come commonest first).
    indexes = _spinnable_with_evidence_side(ctx)
    commonest = ctx.by_id(_COMMONEST_KEY, indexes, lambda word: _commonest_zipf(ctx.candidates(word)), float)
    gain = commonest - ctx.array("zipf")[indexes] >= th.relaxed().min_zipf_gain
    for i in indexes[gain].tolist():
        if i in taken:
            continue
        examined = examine_span(ctx, i, i, ctx.candidates(low[i]), zipfs[i], th)
        if examined is None:
            continue
        stats.add(examined)
        if examined.strict is not None and not repeated_with_neighbour(ctx, i, i):
            hits.append(make_hit(ctx, "SEO201", i, i, examined.strict, th, zipfs[i]))
    return hits


def _commonest_zipf(candidates: tuple[tuple[str, int, float], ...]) -> float:
    return candidates[0][2] if candidates else float("-inf")  # the commonest comes first


def _spinnable_with_evidence_side(ctx: SpinContext) -> np.ndarray:
    """Indexes of the words that may be spun (not a stop word, letters only, not a name, in the
    vocabulary) and have a side that can give evidence: a joined neighbour, in a pair the data
    lacks, that is a known plain word other than a capitalised content word, and that precedes the
    word or is a content word. ``examine_span`` returns None for every other word: a collocation
    side, a grammar side and two unknown sides each need such a neighbour (see ``_side``)."""
    n = ctx.word_count
    unknown = ctx.array("joined") & (ctx.array("pair") == 0.0)  # words i-1 and i: an unseen pair
    known, content = ctx.id_array != NO_ID, ctx.array("content")
    usable = ctx.array("plain") & known & ~(ctx.array("name_like") & content)
    evidence = np.zeros(n, dtype=bool)
    evidence[1:] = unknown[1:] & usable[:-1]  # on the left
    evidence[:-1] |= unknown[1:] & usable[1:] & content[1:]  # on the right
    spinnable = ~ctx.array("stop") & ctx.array("plain") & ~ctx.array("name_like") & known
    return np.flatnonzero(evidence & spinnable)


def repeated_with_neighbour(ctx: SpinContext, i: int, j: int) -> bool:
    """The span occurs more than once with the same neighbour: a writer's deliberate wording ("a wiry
    old terrier" three times), where a spinner picks a fresh synonym for every occurrence."""
    span = " ".join(ctx.low[i : j + 1])
    phrases = []
    if ctx.has_left(i):
        phrases.append(f"{ctx.low[i - 1]} {span}")
    if ctx.has_right(j):
        phrases.append(f"{span} {ctx.low[j + 1]}")
    # A phrase the text holds once as a plain substring (str.count, fast) cannot occur twice as words.
    return any(ctx.lower_text.count(p) > 1 and ctx.occurrences(p) > 1 for p in phrases)


def multiword_substitutes(ctx: SpinContext, th: CollocationThresholds, max_words: int = 3) -> list[Hit]:
    """SEO203: thesaurus phrases of 2..max_words words standing where a single word fits."""
    hits: list[Hit] = []
    free = 0  # the first word not inside an earlier hit
    for i in _promising_openings(ctx, max_words).tolist():
        if i < free:
            continue
        hit = _phrase_hit(ctx, i, th, max_words)
        if hit:
            hits.append(hit)
            free = i + int(hit.evidence["words"])
    return hits


def _promising_openings(ctx: SpinContext, max_words: int) -> np.ndarray:
    """The phrase openings where ``_phrase_hit`` may find something, by tests it makes of every
    span it looks at (2..max_words words from the opening), made for all openings at once: the
    first word may be spun, the second may be too (stop words allowed), and the span meets a
    neighbour in a pair the data lacks (``has_unknown_pair``) for some length."""
    openings = ctx.phrase_openings
    may_be_spun = (ctx.id_array != NO_ID) & ctx.array("plain") & ~ctx.array("name_like")
    promising = may_be_spun[openings] & ~ctx.array("stop")[openings] & may_be_spun[openings + 1]
    # unseen[k]: words k-1 and k are joined in an unseen pair (False past the last word).
    unseen = np.zeros(ctx.word_count + max_words + 1, dtype=bool)
    unseen[: ctx.word_count] = ctx.array("joined") & (ctx.array("pair") == 0.0)
    unknown = unseen[openings].copy()  # on the left of the span
    for length in range(2, max_words + 1):
        unknown |= unseen[openings + length]  # on the right of a span of this length
    return openings[promising & unknown]


def _phrase_hit(ctx: SpinContext, i: int, th: CollocationThresholds, max_words: int) -> Hit | None:
    joined, n = ctx.joined, ctx.word_count
    for length in range(max_words, 1, -1):
        j = i + length - 1
        if j >= n or not all(joined[i + 1 : j + 1]) or not has_unknown_pair(ctx, i, j):
            continue
        originals = ctx.candidates(" ".join(ctx.low[i : j + 1]))
        if not originals or not all(may_be_spun(ctx, k, allow_stop=k > i) for k in range(i, j + 1)):
            continue
        phrase_zipf = min(ctx.pair[i + 1 : j + 1])  # the phrase is no commoner than its rarest pair
        examined = examine_span(ctx, i, j, originals, phrase_zipf, th)
        if examined is not None and examined.strict is not None and not repeated_with_neighbour(ctx, i, j):
            return make_hit(ctx, "SEO203", i, j, examined.strict, th, phrase_zipf)
    return None


def make_hit(
    ctx: SpinContext, rule: str, i: int, j: int, best: Fit, th: CollocationThresholds, observed_zipf: float
) -> Hit:
    start, end = ctx.words[i].start, ctx.words[j].end
    text = ctx.doc.text[start:end]
    suggestion = match_case(best.word, text) if best.confirmed else None
    # The share of such findings whose suggestion was the exact original on the dataset's spun
    # train and dev rows, by channel; independent channels multiply the remaining doubt.
    doubt = 1.0
    for fixed, share in zip(best.fixed(th), EXACT_SHARE[rule]):
        doubt *= (1.0 - share) ** fixed
    confidence = (1.0 - doubt) * (1.0 if best.confirmed else 0.5)
    what = "phrase" if j > i else "word"
    if suggestion is not None:
        message = (
            f'"{text}" looks like a spinner\'s swap for "{best.word}": the {what} does not fit its '
            f'neighbours and "{best.word}" does (context gain {best.gain:+.1f})'
        )
    else:
        message = (
            f'"{text}" does not fit its neighbours as a thesaurus synonym such as "{best.word}" would '
            f"on one side: possibly a spinner's swap"
        )
    evidence = {
        "context_gain": round(best.gain, 2),
        "pmi": round(max((c[0] for c in best.collocations), default=0.0), 2),
        "zipf": round(observed_zipf, 2),
        "candidate_zipf": ctx.lex.zipf(best.word),
        "fixed_collocations": float(best.fixed(th)[0]),
        "fixed_grammar": float(best.fixed(th)[1]),
        "fixed_context": float(best.fixed(th)[2]),
        "words": float(j - i + 1),
        "confidence": round(confidence, 3),
    }
    return Hit(rule, start, end, message, suggestion, evidence)
