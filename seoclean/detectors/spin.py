"""The spin detector (SEO201-SEO206): traces of thesaurus-based article spinning.

Spinners swap words for thesaurus entries without regard to sense. The evidence is relational, so
the checks run from the strongest to the weakest and a word covered by a stronger finding is not
reported again:

1. SEO205 spintax left in the text (certain);
2. SEO202 one frame, several synonyms in one document ("lower back" / "deeper back");
3. SEO203 a multi-word thesaurus entry where a single word collocates ("a nest egg account");
4. SEO201 a word that breaks a fixed phrase, a collocation or the grammar where a far commoner
   synonym fits ("broiling soda", "can supporter the body");
   SEO202 and SEO201 here also need the substitution model (5) to find the word a plausible
   substitute: a writer's jargon and deliberate variation break frames and pairs too;
5. substitutions (SEO201, SEO202, SEO203): every word and thesaurus phrase weighed as a
   spinner's substitute for one of its synonyms against the writer's own choice (a bigram model
   with a document cache, ``substitutions``), with the document's rate of such words as context
   (``spin_weights``): the rare synonym where a common one fits ("takings it out"), the word a
   page uses once while its common synonym appears elsewhere, the sense-blind multi-word entry
   ("a money box transfer"); on a page spun at a rate clean text never shows, words too rare
   for the frequency list that the thesaurus lists under a common word (SEO201, ``rare_entries``);
6. SEO206 two function words English never puts together ("it was is not known"); off by default;
7. SEO204 a common word capitalised mid-sentence ("the Best way"), unless the page is long enough
   to show that its other words read as written (``_reads_as_written``).

Lexical evidence comes from ``seoclean.lexicon`` (Google bigrams, WordNet synonyms, compounds
and proper-name shares, lemminflect tags); the substitution weights from the dataset's train
split. Every finding with a suggestion carries ``confidence``: the probability that the
suggestion is exactly the replaced wording, calibrated on the dataset's dev split. The measures
are listed in ``spin_measures``.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable

from seoclean.detectors.base import Detector, DetectorResult, make_finding
from seoclean.detectors.collocations import CollocationThresholds
from seoclean.detectors.consistency import inconsistent_synonyms
from seoclean.detectors.rare_entries import rare_entry_hits
from seoclean.detectors.spin_context import Hit, SpinContext
from seoclean.detectors.spin_measures import RATE_MEASURES, SLOT_MEASURES, collocation_measures, slot_measures
from seoclean.detectors.spin_surface import function_phrase_swaps, odd_capitals, spintax_residue
from seoclean.detectors.spin_weights import PRIOR_RATE, PRIOR_SLOTS, load_weights
from seoclean.detectors.substitution_hits import substitution_hits
from seoclean.detectors.substitutions import Slots, find_slots
from seoclean.detectors.synonym_swaps import BreakStats, multiword_substitutes, unnatural_synonyms
from seoclean.document import Document
from seoclean.lexicon import get_lexicon

FUNCTION_PAIR_EXPECTED = 4.0  # SEO206's threshold for the measure, whether or not it reports
MIN_SUBSTITUTE_SUPPORT = 0.2  # substitution probability a frame or collocation finding needs (if scored)


class SpinDetector(Detector):
    """Thesaurus spinning: unnatural synonyms, inconsistent synonyms, multi-word substitutes, odd
    capitals, spintax residue and impossible function-word pairs.

    Args:
        allowlist: terms and brand names never reported ("Acme", "Best Buy"); matched as whole words,
            case-insensitively.
        min_pmi: SEO201/SEO203 need a synonym whose pair with a content neighbour occurs at least
            10**min_pmi times as often as chance (1.5). None turns SEO201 and SEO203 off.
        min_zipf_gain: SEO201/SEO203 consider only synonyms at least 10**min_zipf_gain times as common
            as the observed word (1.5: spinners pick the rarer entries).
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
        function_min_expected: SEO206 reports function-word pairs that chance alone would put in the
            reference data 10**function_min_expected times per billion, but the data lacks. None
            (the default) turns the findings off: on 450k words of real articles the rule raised
            about 0.03 false alarms per 1,000 words and it finds little in spun text, so it is opt-in
            (4.0 is a good value). The pairs are always counted for ``function_phrase_per_100w``.
        spintax: report SEO205 (True).
        min_substitution: report a word or thesaurus phrase as a spinner's substitute (SEO201,
            SEO202, SEO203) when the probability that it is one reaches this (0.5: more likely
            than not; on the dataset's dev split 70% of such findings are substitutes and
            real clean articles get 0.2-0.4 per 1,000 words). None turns these findings off; the
            measures are computed either way.
    """

    name = "spin"
    measure_names = (
        *RATE_MEASURES.values(),
        "function_phrase_per_100w",
        "spintax_count",
        "context_gain_mean",
        "context_gain_max",
        "weak_break_per_100w",
        "tag_misfit_per_100w",
        "unseen_content_pair_frac",
        "rare_synonym_rate",
        "odd_capital_candidate_per_100w",
        *SLOT_MEASURES,
    )

    def __init__(
        self,
        *,
        allowlist: Iterable[str] = (),
        min_pmi: float | None = 1.5,
        min_zipf_gain: float = 1.5,
        max_misfit: float = 0.003,
        min_fit: float = 0.05,
        min_margin: float = 0.0,
        consistency_min_zipf_gain: float | None = 0.5,
        max_phrase_words: int = 3,
        capital_min_zipf: float | None = 4.0,
        max_proper_share: float = 0.05,
        function_min_expected: float | None = None,
        spintax: bool = True,
        min_substitution: float | None = 0.5,
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
        self.min_substitution = min_substitution
        self._memo: dict = {}  # synonym ids per word, shared by all documents (a pure function of the lexicon)

    def __getstate__(self) -> dict:
        # The memo is a cache of lexicon lookups (megabytes once warm): rebuilt, never shipped.
        return {**self.__dict__, "_memo": {}}

    def detect(self, doc: Document) -> DetectorResult:
        allowlist = tuple(tuple(term.lower().split()) for term in self.allowlist if term.strip())
        ctx = SpinContext(doc, get_lexicon(), allowlist, self._memo)
        hits: list[Hit] = []
        stats = BreakStats()
        weak_capitals = 0
        if self.spintax:
            hits += spintax_residue(ctx)
        weights = load_weights()
        slots, rate = weights.score_in_context(ctx, find_slots(ctx))
        if self.consistency_min_zipf_gain is not None:
            found = inconsistent_synonyms(ctx, min(self.max_phrase_words, 2), self.consistency_min_zipf_gain)
            hits += _unclaimed(_plausible_substitutes(ctx, found, slots), hits)
        if self.min_pmi is not None:
            th = CollocationThresholds(self.min_pmi, self.min_zipf_gain, self.max_misfit, self.min_fit, self.min_margin)
            hits += _unclaimed(multiword_substitutes(ctx, th, self.max_phrase_words), hits)
            found = [h for h in unnatural_synonyms(ctx, th, _claimed_words(ctx, hits), stats) if _one_side_fixed(h)]
            hits += _plausible_substitutes(ctx, found, slots)
        if self.min_substitution is not None:
            hits += substitution_hits(ctx, slots, self.min_substitution, _claimed_words(ctx, hits))
            if weights.rare_entry is not None:
                hits += rare_entry_hits(ctx, rate, weights.rare_entry, _claimed_words(ctx, hits))
        pairs = function_phrase_swaps(ctx, self.function_min_expected or FUNCTION_PAIR_EXPECTED)
        if self.function_min_expected is not None:
            hits += _unclaimed(pairs, hits)
        if self.capital_min_zipf is not None:
            capitals, weak_capitals = odd_capitals(ctx, self.capital_min_zipf, self.max_proper_share)
            if not _reads_as_written(slots, rate):
                hits += _unclaimed(capitals, hits)
        findings = [
            make_finding(doc, h.rule, h.start, h.end, h.message, suggestion=h.suggestion, evidence=h.evidence)
            for h in sorted(hits, key=lambda h: (h.start, h.rule))
        ]
        measures = collocation_measures(ctx, hits, stats, weak_capitals)
        measures.update(slot_measures(ctx, slots, rate))
        measures["function_phrase_per_100w"] = len(pairs) * 100.0 / max(ctx.word_count, 1)
        return DetectorResult(findings, measures)


def _one_side_fixed(hit: Hit) -> bool:
    """A SEO201 hit whose synonym fixes a collocation or the grammar on one side.

    Unknown pairs on both sides alone (the context channel) still count in the measures but are
    not reported: the bigram data drops pairs under about 100 per billion, so a moderately rare
    word misses both of its pairs whatever it is ("each time you retrieve an attribute", "should
    append any detected defects"), and the substitution model that runs next weighs that same
    evidence against the writer's own choice, calibrated on the dataset. On the dataset's dev spam
    the channel added 22 of 6,131 SEO201 findings (one row of 133 had no other); on 209 unseen
    documentation pages read as plain text it raised 21 of 33."""
    return hit.evidence["fixed_collocations"] + hit.evidence["fixed_grammar"] > 0


def _plausible_substitutes(ctx: SpinContext, hits: list[Hit], slots: Slots) -> list[Hit]:
    """The SEO202 frame findings and SEO201 collocation findings whose words the substitution
    model finds at least MIN_SUBSTITUTE_SUPPORT likely to be a spinner's substitute in their
    place, or cannot score (no slot: a word the frequency list lacks).

    A frame or a broken collocation says which synonym would fit, not that a swap happened:
    writers put common words of one thesaurus entry into the same frame on purpose ("the original
    object" and "the new object"), and use words in senses and jargon the reference pairs lack
    ("a stale copy", "the kernel blocks", "not getting pruned"). The model weighs the writer's
    choice against a spinner's in context, with the page's rate of odd words, and already knows
    that a word the page repeats is the writer's ("commits" on a page about git). On 436 pages
    of real documentation (``scripts/eval_real_prose.py``) 96 of these 100 findings scored under
    0.2; on the dataset's dev split 3 of the 166 true ones did, and all 3 on clean rows."""
    if not hits:
        return hits  # the common case: no need to index the slots
    spun_at = {(int(a), int(b)): float(p) for a, b, p in zip(slots.first, slots.last, slots.spun)}
    starts, kept = ctx.doc.word_starts, []
    for hit in hits:
        span = (bisect_left(starts, hit.start), bisect_left(starts, hit.end) - 1)
        if spun_at.get(span, 1.0) >= MIN_SUBSTITUTE_SUPPORT or _both_repeated_in_frame(hit):
            kept.append(hit)
    return kept


def _both_repeated_in_frame(hit: Hit) -> bool:
    """An SEO202 frame holding the variant twice or more and the original as often ("lower back
    pain" twice, "deeper back pain" twice): a spinner that swaps a repeated phrase the same way
    each time. That frame is evidence enough; the model, which takes a repeated word for the
    writer's, would miss it."""
    return hit.evidence.get("variant_count", 0.0) >= 2 and hit.evidence.get("original_count", 0.0) >= 2


def _reads_as_written(slots: Slots, rate: float) -> bool:
    """The page has enough slots to show its own substitution rate (PRIOR_SLOTS, as many as the
    rate's prior weighs), and that rate is below clean text's mean (PRIOR_RATE). SEO204 is then
    left out: on such a page a capital mid-sentence is the writer's convention far more often than
    a trace ("a Web server", "the Internet", "returns True", a referenced title: "see Writing your
    first patch"). On 436 pages of real documentation all 23 SEO204 findings were on such pages
    (rates 0.06-0.083); on the dataset's train and dev splits every true one was on a page above
    0.09, and 18 of the 27 on clean rows were below. A short text cannot show its rate: a stray
    capital there ("This is the Best way to clean a sink") is still reported."""
    return len(slots) >= PRIOR_SLOTS and rate < PRIOR_RATE


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
