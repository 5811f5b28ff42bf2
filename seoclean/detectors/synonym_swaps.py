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
    low = ctx.low
    min_gain = th.relaxed().min_zipf_gain
    # Cheapest tests first, for all words at once: most words make known pairs with both neighbours.
    for i in _spinnable_with_unknown_pair(ctx):
        if i in taken:
            continue
        candidates = ctx.candidates(low[i])
        if not candidates:
            continue
        zipf = ctx.zipf[i]
        if candidates[0][2] - zipf < min_gain:
            continue  # only a commoner synonym can count, and the commonest comes first
        examined = examine_span(ctx, i, i, candidates, zipf, th)
        if examined is None:
            continue
        stats.add(examined)
        if examined.strict is not None and not repeated_with_neighbour(ctx, i, i):
            hits.append(make_hit(ctx, "SEO201", i, i, examined.strict, th, zipf))
    return hits


def _spinnable_with_unknown_pair(ctx: SpinContext) -> list[int]:
    """Indexes of the words that may be spun (not a stop word, letters only, not a name, in the
    vocabulary) and meet a neighbour they are joined to in a pair the data lacks."""
    n = ctx.word_count
    unknown = np.zeros(n + 1, dtype=bool)  # unknown[i]: word i is joined to word i-1 in an unseen pair
    unknown[:n] = ctx.array("joined") & (ctx.array("pair") == 0.0)
    spinnable = ~ctx.array("stop") & ctx.array("plain") & ~ctx.array("name_like") & (ctx.id_array != NO_ID)
    return np.flatnonzero((unknown[:n] | unknown[1:]) & spinnable).tolist()


def repeated_with_neighbour(ctx: SpinContext, i: int, j: int) -> bool:
    """The span occurs more than once with the same neighbour: a writer's deliberate wording ("a wiry
    old terrier" three times), where a spinner picks a fresh synonym for every occurrence."""
    span = " ".join(ctx.low[i : j + 1])
    phrases = []
    if ctx.has_left(i):
        phrases.append(f"{ctx.low[i - 1]} {span}")
    if ctx.has_right(j):
        phrases.append(f"{span} {ctx.low[j + 1]}")
    return any(ctx.occurrences(p) > 1 for p in phrases)


def multiword_substitutes(ctx: SpinContext, th: CollocationThresholds, max_words: int = 3) -> list[Hit]:
    """SEO203: thesaurus phrases of 2..max_words words standing where a single word fits."""
    hits: list[Hit] = []
    starts, low = ctx.lex.phrase_starts(), ctx.low
    may_open = ctx.array("joined")[1:] & np.fromiter(map(starts.__contains__, low[:-1]), dtype=bool, count=len(low) - 1)
    free = 0  # the first word not inside an earlier hit
    for i in np.flatnonzero(may_open).tolist():
        if i < free or f"{low[i]} {low[i + 1]}" not in starts:
            continue
        hit = _phrase_hit(ctx, i, th, max_words)
        if hit:
            hits.append(hit)
            free = i + int(hit.evidence["words"])
    return hits


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
