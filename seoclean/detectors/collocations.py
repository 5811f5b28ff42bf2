"""Collocation breaks: a word (SEO201) or a multi-word thesaurus entry (SEO203) that fits its
neighbours much worse than a thesaurus synonym would.

Evidence comes from each side of the span separately:

- a content-word neighbour gives evidence when the observed pair is unknown (neither in the
  bigram data nor a WordNet compound) while a synonym forms a strong collocation with it (PMI);
- a function-word neighbour gives evidence when the observed word's possible tags almost never
  stand there ("the departs") while the synonym's do and the synonym's pair is in the data;
- both sides together give evidence when the observed word makes unknown pairs with both of its
  neighbours while a far commoner synonym makes well-attested pairs with both ("a good night's
  slumber is" -> "sleep").

The reference data keeps only frequent pairs, so an unknown pair alone proves nothing: most genuine
content-word pairs are missing from it. A finding needs a common synonym that fixes the context,
and no side where the synonym would be worse than the observed word.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import NamedTuple

from seoclean.detectors.spin_context import NO_ID, SpinContext

# Side kinds. Evidence sides point at a swap; the others only veto candidates that would break them.
COLLOCATION, GRAMMAR, CONTENT, FUNCTION, IGNORED = "collocation", "grammar", "content", "function", "ignored"
EVIDENCE_KINDS = (COLLOCATION, GRAMMAR)
UNKNOWN_KINDS = (COLLOCATION, GRAMMAR, FUNCTION)  # sides whose observed pair may be unknown
SEEN_FLOOR = 2.0  # the bigram data keeps pairs from about 100 per billion (score 2.0) up


@dataclass(frozen=True, slots=True)
class CollocationThresholds:
    """When a synonym counts as fixing a side. With the defaults SEO201 and SEO203 together raise
    about two false alarms per 10,000 words of real articles; ``relaxed()`` gives the weak version
    counted as a measure.

    min_pmi: a synonym's pair with a content neighbour must occur 10**min_pmi times more often
        than chance (1.5: about 30x, a real collocation, not just two frequent words).
    min_zipf_gain: a synonym counts only if it is this much more frequent than the observed word
        (1.5: about 30x; spinners pick the rarer entries, writers the common collocation).
    max_misfit: the observed word's tags may make up at most this share of a function word's
        neighbours (0.003) before the pair counts as ungrammatical.
    min_fit: a candidate's tags must make up at least this share there (0.05).
    min_margin: the synonym's PMI must exceed by this much the highest PMI the observed pair could
        have and still be missing from the data (0.0). A pair of rare words is missing whatever its
        PMI, so its absence proves nothing; WordNet compounds ("baking soda") are fixed phrases and
        need no margin: any other word in them is wrong.
    min_context_score, min_context_zipf_gain, min_context_pmi: two-sided evidence needs the
        synonym's pairs with both neighbours in the data with scores summing to at least 4.5 (e.g.
        two pairs of 200 per billion), the synonym 100x as common as the observed word (2.0), and
        one of its pairs 3x more frequent than chance (PMI 0.5), not just two frequent words.
    """

    min_pmi: float = 1.5
    min_zipf_gain: float = 1.5
    max_misfit: float = 0.003
    min_fit: float = 0.05
    min_margin: float = 0.0
    min_context_score: float = 4.5
    min_context_zipf_gain: float = 2.0
    min_context_pmi: float = 0.5

    def relaxed(self) -> CollocationThresholds:
        return CollocationThresholds(
            self.min_pmi - 1.0,
            self.min_zipf_gain - 0.5,
            self.max_misfit * 5,
            self.min_fit / 2,
            self.min_margin - 1.0,
            self.min_context_score - 1.0,
            self.min_context_zipf_gain - 0.5,
            self.min_context_pmi - 0.5,
        )


class Side(NamedTuple):
    # A NamedTuple, not a frozen dataclass: every examined span makes one or two, and tuples build
    # several times faster.
    index: int  # the neighbour's word index
    is_left: bool  # the neighbour precedes the span
    kind: str
    observed: float  # reference score of the observed pair
    observed_fit: float | None  # share of the observed edge word's tags next to a function word
    ceiling: float = 0.0  # on collocation sides: the highest PMI an unseen observed pair can have


@dataclass(slots=True)
class Fit:
    """How a candidate would fit each side of the span (measured once, judged at any thresholds)."""

    word: str
    zipf_gain: float
    gain: float = 0.0  # summed pair scores, candidate minus observed
    confirmed: bool = True  # every usable side forms a known pair with the candidate
    vetoed: bool = False  # the candidate would break a side the observed word fits
    sides: int = 0  # usable sides (a neighbour that is a known plain word)
    both_unknown: bool = False  # the observed span makes unknown pairs on both sides
    context_score: float = 0.0  # the candidate's summed pair scores when both are in the data
    context_pmi: float = float("-inf")  # the better PMI of those two pairs
    # On collocation sides: (candidate's PMI, its pair is a WordNet compound, the observed pair's ceiling).
    collocations: list[tuple[float, bool, float]] = field(default_factory=list)
    # On grammar sides: (observed word's tag fit, candidate's tag fit or -1.0 when its pair is unseen).
    grammar: list[tuple[float, float]] = field(default_factory=list)

    def supports(self, th: CollocationThresholds) -> int:
        return sum(self.fixed(th))

    def fixed(self, th: CollocationThresholds) -> tuple[int, int, int]:
        """(collocation sides, grammar sides, both sides together) the candidate fixes at these
        thresholds; the last counts only when no single side does."""
        if self.vetoed or self.zipf_gain < th.min_zipf_gain:
            return 0, 0, 0  # spinners pick the rarer entries; a writer's rarer word is a choice
        # A collocation that is not a fixed phrase needs the word's other side too.
        two_sided = self.sides == 2
        collocations = sum(
            compound or (two_sided and pmi >= th.min_pmi and pmi >= ceiling + th.min_margin)
            for pmi, compound, ceiling in self.collocations
        )
        grammar = sum(obs < th.max_misfit and cand >= th.min_fit for obs, cand in self.grammar)
        context = (
            collocations + grammar == 0
            and self.both_unknown
            and self.context_score >= th.min_context_score
            and self.zipf_gain >= th.min_context_zipf_gain
            and self.context_pmi >= th.min_context_pmi
        )
        return collocations, grammar, int(context)


@dataclass(slots=True)
class Examined:
    """One span with an evidence side: its best candidate, if any, at strict and relaxed thresholds."""

    strict: Fit | None
    relaxed: Fit | None
    raw_gain: float  # best context gain of a candidate that could count, whatever the thresholds
    misfit: bool  # a function-word neighbour rejects the observed word's tags (strict threshold)


def examine_span(
    ctx: SpinContext,
    i: int,
    j: int,
    candidates: tuple[tuple[str, int, float], ...],
    observed_zipf: float,
    th: CollocationThresholds,
) -> Examined | None:
    """None when the span has no evidence side (the common case, decided before any candidate).

    Candidates are first screened with plain table lookups: only those forming a pair in the data
    (or a compound) on some evidence side are measured in full."""
    relaxed = _relaxed(th)
    sides = _sides(ctx, i, j, relaxed.max_misfit)
    usable = [side for side in sides if side.kind != IGNORED]
    both_unknown = len(usable) == 2 and all(s.kind in UNKNOWN_KINDS and s.observed == 0.0 for s in usable)
    if not both_unknown and not any(side.kind in EVIDENCE_KINDS for side in sides):
        return None
    observed = sum(side.observed for side in usable)
    table, bits = ctx.table, ctx.id_bits
    # (neighbour, its id, it is on the left, the side is evidence, the side is a collocation side)
    keys = [
        (ctx.low[s.index], ctx.ids[s.index], s.is_left, s.kind in EVIDENCE_KINDS, s.kind == COLLOCATION) for s in usable
    ]
    # Only a commoner synonym can count; candidates come commonest first, so the loop stops at the
    # first one that is not common enough.
    fits, raw_gain = [], 0.0
    for word, wid, zipf in candidates:
        if zipf - observed_zipf < relaxed.min_zipf_gain:
            break
        total, seen, promising = 0, 0, False
        for neighbour, nid, is_left, is_evidence, is_collocation in keys:
            score = table.get((nid << bits) | wid if is_left else (wid << bits) | nid, 0)
            total += score
            seen += score > 0
            if is_evidence and not promising:
                promising = score > 0 or (is_collocation and _compound(ctx, neighbour, is_left, word))
        raw_gain = max(raw_gain, total / 10 - observed)
        if promising or (both_unknown and seen == 2):
            fits.append(_fit(ctx, usable, word, observed_zipf, both_unknown))
    return Examined(
        strict=_best(fits, th),
        relaxed=_best(fits, relaxed),
        raw_gain=raw_gain,
        misfit=any(side.kind == GRAMMAR and (side.observed_fit or 0.0) < th.max_misfit for side in sides),
    )


@cache
def _relaxed(th: CollocationThresholds) -> CollocationThresholds:
    # Made once per set of thresholds (a detector has one), not once per examined span.
    return th.relaxed()


def _compound(ctx: SpinContext, neighbour: str, neighbour_is_left: bool, word: str) -> bool:
    return ctx.lex.compound(neighbour, word) if neighbour_is_left else ctx.lex.compound(word, neighbour)


def may_be_spun(ctx: SpinContext, i: int, allow_stop: bool = False) -> bool:
    if ctx.ids[i] == NO_ID or (ctx.stop[i] and not allow_stop):
        return False
    return ctx.plain[i] and not ctx.name_like[i]


def has_unknown_pair(ctx: SpinContext, i: int, j: int) -> bool:
    """Cheap first test: a span whose pairs with both neighbours are in the data is left alone."""
    return (ctx.has_left(i) and ctx.pair[i] == 0.0) or (ctx.has_right(j) and ctx.pair[j + 1] == 0.0)


def _sides(ctx: SpinContext, i: int, j: int, max_misfit: float) -> list[Side]:
    sides = []
    if ctx.has_left(i):
        sides.append(_side(ctx, i - 1, i, True, ctx.pair[i], max_misfit))
    if ctx.has_right(j):
        sides.append(_side(ctx, j + 1, j, False, ctx.pair[j + 1], max_misfit))
    return sides


def _side(ctx: SpinContext, n: int, edge: int, is_left: bool, observed: float, max_misfit: float) -> Side:
    """The side of the span where word ``n`` neighbours its edge word ``edge``."""
    if not ctx.plain[n] or ctx.ids[n] == NO_ID or (ctx.name_like[n] and ctx.content[n]):
        return Side(n, is_left, IGNORED, observed, None)
    neighbour, edge_word = ctx.low[n], ctx.low[edge]
    if not ctx.content[n]:
        if ctx.words[n].text.isupper() and len(neighbour) > 1:
            return Side(n, is_left, IGNORED, observed, None)  # "US", "IT": an acronym, not a function word
        fit = ctx.tag_fit(neighbour, "right" if is_left else "left", ctx.lex.tags(edge_word))
        # Only a function word before the span constrains it ("the departs"); one after it often
        # opens a new clause or phrase ("we knew the answer", "she said it rained"), so anything goes.
        misfit = is_left and observed == 0.0 and fit is not None and fit < max_misfit
        return Side(n, is_left, GRAMMAR if misfit else FUNCTION, observed, fit)
    pair = (neighbour, edge_word) if is_left else (edge_word, neighbour)
    if observed > 0.0 or ctx.lex.compound(*pair):
        return Side(n, is_left, CONTENT, observed, None)
    ceiling = SEEN_FLOOR - ctx.zipf[edge] - ctx.zipf[n] + 9.0  # ctx.zipf: the words' lexicon Zipf
    return Side(n, is_left, COLLOCATION, observed, None, ceiling)


def _fit(ctx: SpinContext, sides: list[Side], word: str, observed_zipf: float, both_unknown: bool) -> Fit:
    fit = Fit(word, ctx.lex.zipf(word) - observed_zipf, sides=len(sides), both_unknown=both_unknown)
    scores, pmis = [], []
    for side in sides:
        neighbour = ctx.low[side.index]
        pair = (neighbour, word) if side.is_left else (word, neighbour)
        score = ctx.score(*pair)
        known = score > 0 or ctx.lex.compound(*pair)
        scores.append(score)
        pmis.append(ctx.pmi(*pair))
        fit.gain += score - side.observed
        fit.confirmed = fit.confirmed and known
        if side.kind in (GRAMMAR, FUNCTION):
            tag_fit = ctx.tag_fit(neighbour, "right" if side.is_left else "left", ctx.lex.tags(word))
        if side.kind == COLLOCATION:
            # A WordNet compound is a fixed phrase ("baking soda"): another word in it is wrong
            # whatever the frequencies say. Not so for verb + particle ("look up" vs "look upwards"):
            # particles are stop words, and those combinations are productive.
            stopwords = ctx.lex.stopwords
            fixed = neighbour not in stopwords and word not in stopwords and ctx.lex.compound(*pair)
            fit.collocations.append((pmis[-1], fixed, side.ceiling))
        elif side.kind == GRAMMAR:
            fit.grammar.append((side.observed_fit or 0.0, tag_fit if score > 0 and tag_fit is not None else -1.0))
        elif side.kind == FUNCTION:
            # The candidate would be the ungrammatical one here.
            fit.vetoed |= score == 0 and (tag_fit or 0.0) < (side.observed_fit or 0.0) / 2
        elif side.kind == CONTENT:
            fit.vetoed |= not known  # the observed word keeps a known pair the candidate would lose
    # Two-sided evidence is about content words: a function word ("can", "have", "well") fits
    # almost any pair of neighbours.
    if len(scores) == 2 and min(scores) > 0 and word not in ctx.lex.stopwords:
        fit.context_score, fit.context_pmi = sum(scores), max(pmis)
    return fit


def _best(fits: list[Fit], th: CollocationThresholds) -> Fit | None:
    if not fits:
        return None  # the common case
    ranked = [(f.supports(th), f.gain, f) for f in fits]
    ranked = [r for r in ranked if r[0] > 0]
    return max(ranked, key=lambda r: (r[0], r[1]))[2] if ranked else None
