"""The spin detector (SEO201-SEO206): traces of thesaurus-based article spinning.

Spinners swap words for thesaurus entries without regard to sense. The evidence is relational, so
the checks run from the strongest to the weakest and a word covered by a stronger finding is not
reported again:

1. SEO205 spintax left in the text (certain);
2. SEO202 one frame, several synonyms in one document ("lower back" / "deeper back");
3. SEO203 a multi-word thesaurus entry where a single word collocates ("back painful sensations");
4. SEO201 a word that breaks a collocation or the grammar where a synonym fits ("the departs");
5. SEO206 two function words English never puts together ("I to find");
6. SEO204 a common word capitalised mid-sentence ("the Best way").

Lexical evidence comes from ``seoclean.lexicon`` (Google bigrams, WordNet synonyms, compounds
and proper-name shares, lemminflect tags). The measures are computed over all words, so they carry
the classifier's evidence even in documents where no finding is certain enough to report.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from statistics import fmean

from seoclean.detectors.base import Detector, DetectorResult, make_finding
from seoclean.detectors.collocations import CollocationThresholds
from seoclean.detectors.consistency import inconsistent_synonyms
from seoclean.detectors.spin_context import Hit, SpinContext
from seoclean.detectors.spin_surface import function_phrase_swaps, odd_capitals, spintax_residue
from seoclean.detectors.synonym_swaps import BreakStats, multiword_substitutes, unnatural_synonyms
from seoclean.document import Document
from seoclean.lexicon import get_lexicon

RATE_MEASURES = {
    "SEO201": "unnatural_synonym_per_100w",
    "SEO202": "inconsistent_synonym_per_100w",
    "SEO203": "multiword_substitute_per_100w",
    "SEO204": "odd_capital_per_100w",
    "SEO206": "function_phrase_per_100w",
}
RARE_ZIPF = 3.0  # a word rarer than this (under 1 in a million) ...
RARE_SYNONYM_GAIN = 1.5  # ... with a synonym 30x as common counts towards rare_synonym_rate


class SpinDetector(Detector):
    """Thesaurus spinning: unnatural synonyms, inconsistent synonyms, multi-word substitutes, odd
    capitals, spintax residue and impossible function-word pairs.

    Args:
        allowlist: terms and brand names never reported ("Acme", "Best Buy"); matched as whole words,
            case-insensitively.
        min_pmi: SEO201/SEO203 need a synonym whose pair with a content neighbour occurs at least
            10**min_pmi times as often as chance (1.5). None turns SEO201 and SEO203 off.
        min_zipf_gain: and that synonym must be at least 10**min_zipf_gain times as common as the
            observed word (1.0).
        max_misfit: the observed word's possible tags may make up at most this share of a function
            word's neighbours before the pair counts as ungrammatical (0.003).
        min_fit: a synonym fixes an ungrammatical pair when its tags make up this share (0.05).
        consistency_min_zipf_gain: SEO202 needs the original at least 10**this times as common as the
            variant (0.5: about 3x). None turns SEO202 off.
        max_phrase_words: longest thesaurus phrase SEO203 and SEO202 look for (3).
        capital_min_zipf: SEO204 looks only at words at least this common in lowercase (4.0: more
            than 10 per million words). None turns SEO204 off.
        max_proper_share: SEO204 skips words that WordNet gives as proper names in more than this
            share of their uses (0.05: "may", "china", "august").
        function_min_expected: SEO206 needs a pair that chance alone would put in the reference data
            10**function_min_expected times per billion (4.0). None turns SEO206 off.
        spintax: report SEO205 (True).
    """

    name = "spin"
    measure_names = (
        *RATE_MEASURES.values(),
        "spintax_count",
        "context_gain_mean",
        "context_gain_max",
        "weak_break_per_100w",
        "tag_misfit_per_100w",
        "unseen_content_pair_frac",
        "rare_synonym_rate",
        "odd_capital_candidate_per_100w",
    )

    def __init__(
        self,
        *,
        allowlist: Iterable[str] = (),
        min_pmi: float | None = 1.5,
        min_zipf_gain: float = 1.0,
        max_misfit: float = 0.003,
        min_fit: float = 0.05,
        min_margin: float = 0.0,
        consistency_min_zipf_gain: float | None = 0.5,
        max_phrase_words: int = 3,
        capital_min_zipf: float | None = 4.0,
        max_proper_share: float = 0.05,
        function_min_expected: float | None = 4.0,
        spintax: bool = True,
    ) -> None:
        self.allowlist = tuple(allowlist)
        self.min_pmi = min_pmi
        self.min_zipf_gain = min_zipf_gain
        self.max_misfit = max_misfit
        self.min_fit = min_fit
        self.min_margin = min_margin
        self.consistency_min_zipf_gain = consistency_min_zipf_gain
        self.max_phrase_words = max_phrase_words
        self.capital_min_zipf = capital_min_zipf
        self.max_proper_share = max_proper_share
        self.function_min_expected = function_min_expected
        self.spintax = spintax
        self._memo: dict = {}  # synonym ids per word, shared by all documents (a pure function of the lexicon)

    def detect(self, doc: Document) -> DetectorResult:
        allowlist = tuple(tuple(term.lower().split()) for term in self.allowlist if term.strip())
        ctx = SpinContext(doc, get_lexicon(), allowlist, self._memo)
        hits: list[Hit] = []
        stats = BreakStats()
        weak_capitals = 0
        if self.spintax:
            hits += spintax_residue(ctx)
        if self.consistency_min_zipf_gain is not None:
            found = inconsistent_synonyms(ctx, min(self.max_phrase_words, 2), self.consistency_min_zipf_gain)
            hits += _unclaimed(found, hits)
        if self.min_pmi is not None:
            th = CollocationThresholds(self.min_pmi, self.min_zipf_gain, self.max_misfit, self.min_fit, self.min_margin)
            hits += _unclaimed(multiword_substitutes(ctx, th, self.max_phrase_words), hits)
            hits += unnatural_synonyms(ctx, th, _claimed_words(ctx, hits), stats)
        if self.function_min_expected is not None:
            hits += _unclaimed(function_phrase_swaps(ctx, self.function_min_expected), hits)
        if self.capital_min_zipf is not None:
            capitals, weak_capitals = odd_capitals(ctx, self.capital_min_zipf, self.max_proper_share)
            hits += _unclaimed(capitals, hits)
        findings = [
            make_finding(doc, h.rule, h.start, h.end, h.message, suggestion=h.suggestion, evidence=h.evidence)
            for h in sorted(hits, key=lambda h: (h.start, h.rule))
        ]
        return DetectorResult(findings, _measures(ctx, hits, stats, weak_capitals))


def _unclaimed(new: list[Hit], existing: list[Hit]) -> list[Hit]:
    """New hits that do not overlap an earlier (stronger) one, nor each other."""
    kept: list[Hit] = []
    spans = [(h.start, h.end) for h in existing]
    for hit in new:
        if all(hit.end <= start or hit.start >= end for start, end in spans):
            kept.append(hit)
            spans.append((hit.start, hit.end))
    return kept


def _claimed_words(ctx: SpinContext, hits: list[Hit]) -> set[int]:
    """Indexes of the words inside ``hits``."""
    starts = ctx.doc.word_starts
    claimed: set[int] = set()
    for hit in hits:
        claimed.update(range(bisect_left(starts, hit.start), bisect_left(starts, hit.end)))
    return claimed


def _measures(ctx: SpinContext, hits: list[Hit], stats: BreakStats, weak_capitals: int) -> dict[str, float]:
    per_100 = 100.0 / max(ctx.word_count, 1)
    measures = {name: sum(h.rule == code for h in hits) * per_100 for code, name in RATE_MEASURES.items()}
    measures.update(
        spintax_count=float(sum(h.rule == "SEO205" for h in hits)),
        context_gain_mean=fmean(stats.gains) if stats.gains else 0.0,
        context_gain_max=max(stats.gains, default=0.0),
        weak_break_per_100w=stats.weak * per_100,
        tag_misfit_per_100w=stats.misfits * per_100,
        unseen_content_pair_frac=_unseen_content_pair_frac(ctx),
        rare_synonym_rate=_rare_synonym_rate(ctx),
        odd_capital_candidate_per_100w=weak_capitals * per_100,
    )
    return measures


def _unseen_content_pair_frac(ctx: SpinContext) -> float:
    """Share of adjacent content-word pairs that are neither in the bigram data nor WordNet
    compounds: a fluency signal, much higher in spun text."""
    pairs = unseen = 0
    for i in range(1, ctx.word_count):
        if ctx.joined[i] and ctx.open[i] and ctx.open[i - 1]:
            pairs += 1
            unseen += ctx.pair[i] == 0.0 and not ctx.lex.compound(ctx.low[i - 1], ctx.low[i])
    return unseen / pairs if pairs else 0.0


def _rare_synonym_rate(ctx: SpinContext) -> float:
    """Share of content words that are rare while a thesaurus synonym is far more common."""
    content = rare = 0
    zipf, synonyms = ctx.lex.zipf, ctx.lex.synonyms
    for i in range(ctx.word_count):
        if not ctx.open[i]:
            continue
        content += 1
        word_zipf = ctx.zipf[i]
        if 0 < word_zipf < RARE_ZIPF:
            rare += any(zipf(s) >= word_zipf + RARE_SYNONYM_GAIN for s in synonyms(ctx.low[i]) if " " not in s)
    return rare / content if content else 0.0
