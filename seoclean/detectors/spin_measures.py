"""The spin detector's measures: the classifier's features, computed over all words so that they
carry evidence even where no finding is certain enough to report.

From the findings and the collocation pass (``synonym_swaps``):

- ``<rule>_per_100w``: findings per 100 words by rule; ``spintax_count``: SEO205 findings;
- ``context_gain_mean``/``_max``: over the words the collocation pass examines (an unknown pair
  with a neighbour and a synonym at least 10x as common), the best gain in summed pair scores
  (log10 per billion) such a synonym would bring;
- ``weak_break_per_100w``: such words with a candidate at relaxed thresholds;
- ``tag_misfit_per_100w``: words whose possible tags do not fit the function word before them;
- ``unseen_content_pair_frac``: adjacent content-word pairs neither in the bigram data nor WordNet
  compounds;
- ``rare_synonym_rate``: content words rarer than 1 per million with a synonym 30x as common;
- ``odd_capital_candidate_per_100w``: capitalised common words mid-sentence outside names.

From the substitution slots (``substitutions``), whatever the reporting threshold:

- ``substitution_rate``: the document's substitution rate (``spin_weights``): the mean
  probability, slot by slot, that a word is a spinner's substitute;
- ``likely_substitute_per_100w``: slots more likely substitutes than not, per 100 words;
- ``substitution_llr_mean``: the mean log10 likelihood ratio, spinner over writer, of the slots;
- ``mean_zipf_gap``: how much commoner than the word its likeliest original is, on average over
  the slots (0 where it is rarer): spun text is written in rarer synonyms than its topic needs;
- ``synonym_in_document_rate``: share of slots whose word the document uses once while a far
  commoner thesaurus synonym of it appears elsewhere in the document;
- ``top_decile_substitute_prob``: the mean probability, judged slot by slot alone, of the tenth
  of the slots likeliest to be substitutes. The rate averages over every slot and is shrunk
  towards clean text when the slots are few, so a page spun lightly, or spun in short list items
  and headings, hardly moves it; its most suspicious slots still stand out;
- ``substitute_excess_z``: how far the summed slot-alone probabilities exceed what a writer's
  rate of odd-looking slots (``spin_weights.PRIOR_RATE``) would give, in binomial standard
  deviations: a few clear substitutes in a short page and many faint ones in a long page both
  count, each as strongly as its slot count supports.
"""

from __future__ import annotations

import math
from statistics import fmean

import numpy as np

from seoclean.detectors.spin_context import Hit, SpinContext
from seoclean.detectors.spin_weights import PRIOR_RATE
from seoclean.detectors.substitutions import Slots
from seoclean.lexicon import Lexicon

RATE_MEASURES = {
    "SEO201": "unnatural_synonym_per_100w",
    "SEO202": "inconsistent_synonym_per_100w",
    "SEO203": "multiword_substitute_per_100w",
    "SEO204": "odd_capital_per_100w",
}
SLOT_MEASURES = (
    "substitution_rate",
    "likely_substitute_per_100w",
    "substitution_llr_mean",
    "mean_zipf_gap",
    "synonym_in_document_rate",
    "top_decile_substitute_prob",
    "substitute_excess_z",
)
RARE_ZIPF = 3.0  # a word rarer than this (under 1 in a million) ...
RARE_SYNONYM_GAIN = 1.5  # ... with a synonym 30x as common counts towards rare_synonym_rate
LIKELY = 0.5  # likely_substitute_per_100w counts slots at this probability or more
LLR_FLOOR = -3.0  # a very natural word should not outweigh several odd ones in the mean
DOCUMENT_SYNONYM_GAIN = 0.5  # the synonym in the document is at least 3x as common
TOP_SHARE_DIVISOR = 10  # top_decile_substitute_prob averages the likeliest tenth of the slots
_COMMONER_SYNONYM_KEY = ("has a synonym RARE_SYNONYM_GAIN commoner, by id",)  # memo key


def collocation_measures(ctx: SpinContext, hits: list[Hit], stats, weak_capitals: int) -> dict[str, float]:
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


def slot_measures(ctx: SpinContext, slots: Slots, rate: float) -> dict[str, float]:
    if not len(slots):
        return dict.fromkeys(SLOT_MEASURES, 0.0)
    llr, gain = slots.feature("llr"), slots.feature("zipf_gain")
    in_document = (slots.feature("synonym_count") > 0) & (slots.feature("repeats") == 0)
    return {
        "substitution_rate": rate,
        "likely_substitute_per_100w": float(np.sum(slots.spun >= LIKELY)) * 100.0 / max(ctx.word_count, 1),
        "substitution_llr_mean": float(np.mean(np.maximum(llr, LLR_FLOOR))),
        "mean_zipf_gap": float(np.mean(np.maximum(gain, 0.0))),
        "synonym_in_document_rate": float(np.mean(in_document & (gain >= DOCUMENT_SYNONYM_GAIN))),
        **_alone_measures(slots.alone),
    }


def _alone_measures(alone: np.ndarray) -> dict[str, float]:
    """The slot-alone probabilities' upper tail and their excess over a writer's rate."""
    top = np.sort(alone)[-max(1, len(alone) // TOP_SHARE_DIVISOR) :]
    spread = math.sqrt(len(alone) * PRIOR_RATE * (1.0 - PRIOR_RATE))
    return {
        "top_decile_substitute_prob": float(np.mean(top)),
        "substitute_excess_z": float((np.sum(alone) - len(alone) * PRIOR_RATE) / spread),
    }


def _unseen_content_pair_frac(ctx: SpinContext) -> float:
    """Share of adjacent content-word pairs that are neither in the bigram data nor WordNet
    compounds: a fluency signal."""
    open_ = ctx.array("open")
    at = np.flatnonzero(ctx.array("joined")[1:] & open_[1:] & open_[:-1]) + 1
    if not len(at):
        return 0.0
    low, compound = ctx.low, ctx.lex.compound
    unseen = [i for i in at[ctx.array("pair")[at] == 0.0].tolist() if not compound(low[i - 1], low[i])]
    return len(unseen) / len(at)


def _rare_synonym_rate(ctx: SpinContext) -> float:
    """Share of content words that are rare while a thesaurus synonym is far more common."""
    open_ = ctx.array("open")
    content = int(open_.sum())
    if not content:
        return 0.0
    zipfs = ctx.array("zipf")
    rare = np.flatnonzero(open_ & (zipfs > 0) & (zipfs < RARE_ZIPF))  # in the vocabulary: zipf > 0
    lex = ctx.lex
    found = ctx.by_id(_COMMONER_SYNONYM_KEY, rare, lambda word: _has_commoner_synonym(lex, word), bool)
    return int(np.sum(found)) / content


def _has_commoner_synonym(lex: Lexicon, word: str) -> bool:
    floor = lex.zipf(word) + RARE_SYNONYM_GAIN
    return any(lex.zipf(s) >= floor for s in lex.synonyms(word) if " " not in s)
