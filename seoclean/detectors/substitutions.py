"""Substitution likelihood: is a word likelier a spinner's replacement for one of its thesaurus
synonyms than the writer's own choice?

A spinner replaces an original word ``c`` by an entry of its thesaurus drawn without regard to
sense, so the word on the page, ``w``, is one of the synonyms of ``c``, and ``c`` fitted the
neighbours ``a`` and ``b`` that are still there. Under a bigram model with a document cache
(a word the document already uses is likelier to come again):

    writer:  P(w | a, doc) * P(b | w)
    spinner: sum over synonyms c of w:  P(c | a, doc) * P(b | c) / |synonyms(c)| ** SYNONYM_SHARE

The log10 ratio of the two (``llr``) is high for a rare word standing where a common synonym
makes the known pairs ("a UK stream report" for "current account"), and for a word the document
never repeats while its synonym appears elsewhere in it. The reference pairs keep only frequent
pairs (about 100 per billion and up); an unseen pair's probability is capped there, so its
absence counts against two common words ("the departs") and hardly against rare ones.

``llr`` is one input of a small logistic model (``spin_weights``); the others describe the slot:
rarity, how often the word and its best synonym occur in the document, which pairs are known.
A slot is a single open word or a multi-word thesaurus entry ("money box" for "bank").

Every open word is a slot, so the scoring is vectorised per document with numpy: a slot's
synonyms come from a per-word-type table, and pair scores from a sorted key array.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from seoclean.detectors.slot_spans import SEEN_FLOOR, UNSEEN_DISCOUNT, SlotSpans, flags, slot_spans
from seoclean.detectors.spin_context import SpinContext
from seoclean.detectors.substitute_tables import SubstituteTable

CACHE_WEIGHT = 0.3  # share of a word's probability that comes from the document itself

FEATURES = (
    "llr",  # log10 spinner / writer likelihood in context
    "unigram_llr",  # the same without the neighbours: rarity and the document cache only
    "best_share",  # log10 posterior share of the best synonym among the spinner's candidates
    "zipf",  # the observed word (a phrase: its bigram-chain frequency)
    "zipf_gain",  # best synonym's Zipf minus the observed one
    "repeats",  # log(1 + other occurrences of the observed word in the document)
    "synonym_count",  # log(1 + occurrences of the best synonym in the document)
    "left_seen",
    "right_seen",
    "has_left",
    "has_right",
    "left_function",  # the left neighbour is a function word (they constrain grammar)
    "phrase",  # the slot is a multi-word thesaurus entry
    "phrase_support",  # log(1 + fewest other occurrences of a phrase's content words in the document)
    "llr_squared",
    "zipf_squared",
)


@dataclass(slots=True)
class Slots:
    """A document's slots: word spans (``first``/``last`` inclusive), features, and after
    ``SpinWeights.score`` the probabilities ``spun`` (a substitute) and ``exact`` (its best
    synonym is exactly what it replaced)."""

    first: np.ndarray
    last: np.ndarray
    features: np.ndarray
    rows: np.ndarray  # per slot: its row in the substitute table
    best: np.ndarray  # index of the likeliest original in that row
    table: SubstituteTable | None = None
    spun: np.ndarray | None = None
    exact: np.ndarray | None = None

    def __len__(self) -> int:
        return len(self.first)

    def original(self, k: int) -> str:
        return self.table.words[int(self.rows[k])][int(self.best[k])]

    def feature(self, name: str) -> np.ndarray:
        return self.features[:, FEATURES.index(name)]


def find_slots(ctx: SpinContext) -> Slots:
    """Every open word and thesaurus phrase with a single-word synonym, with its features."""
    ids = ctx.id_array
    counts = np.bincount(ids[ids >= 0], minlength=len(ctx.lex.vocabulary_zipfs()))
    table = SubstituteTable.of(ctx)
    spans = slot_spans(ctx, table, ids, counts)
    if not len(spans.first):
        empty = np.zeros(0, dtype=np.int64)
        return Slots(empty, empty, np.zeros((0, len(FEATURES))), empty, empty, table)
    cand_ids, cand_zipf, dilution = table.ids[spans.rows], table.zipf[spans.rows], table.dilution[spans.rows]
    valid = cand_ids >= 0
    cand_counts = np.where(valid, counts[np.maximum(cand_ids, 0)], 0)
    keep, cache = 1.0 - CACHE_WEIGHT, CACHE_WEIGHT / max(ctx.word_count, 1)

    s = _Neighbours(ctx, spans, ids)
    # Spinner: each candidate in the observed context, diluted by the size of its thesaurus entry.
    cand_unigram = np.log10(keep * 10.0 ** (cand_zipf - 9) + cache * cand_counts) - dilution
    pairs = ctx.pairs
    left_pair = pairs.scores_of(s.left_id[:, None], cand_ids, spans.has_left[:, None] & valid)
    right_pair = pairs.scores_of(cand_ids, s.right_id[:, None], spans.has_right[:, None] & valid)
    spinner_terms = cand_unigram + _context(s, left_pair, right_pair, cand_zipf, cand_zipf, two_d=True)
    spinner_terms = np.where(valid, spinner_terms, -np.inf)
    spinner = _log_sum(spinner_terms)
    unigram_spinner = _log_sum(np.where(valid, cand_unigram, -np.inf))
    best = np.argmax(spinner_terms, axis=1)
    at_best = (np.arange(len(best)), best)
    # Writer: the observed span in the same context (its pairs with the neighbours are known).
    own_unigram = np.log10(keep * 10.0 ** (spans.own_zipf - 9) + cache * np.maximum(spans.own_repeats, 0))
    writer = own_unigram + _context(s, s.left_observed, s.right_observed, s.first_zipf, s.last_zipf, two_d=False)
    llr = np.clip(spinner - writer, -6.0, 8.0)
    features = np.column_stack(
        [
            llr,
            unigram_spinner - own_unigram,
            spinner_terms[at_best] - spinner,
            spans.own_zipf,
            cand_zipf[at_best] - spans.own_zipf,
            np.log1p(np.maximum(spans.own_repeats, 0)),
            np.log1p(cand_counts[at_best]),
            s.left_observed > 0,
            s.right_observed > 0,
            spans.has_left,
            spans.has_right,
            s.left_function,
            spans.last > spans.first,
            np.log1p(spans.support),
            llr * llr / 10,
            spans.own_zipf * spans.own_zipf / 10,
        ]
    ).astype(float)
    return Slots(spans.first, spans.last, features, spans.rows, best, table)


class _Neighbours:
    """Per-slot arrays about the words on each side of the span and the observed pairs with them."""

    def __init__(self, ctx: SpinContext, spans: SlotSpans, ids: np.ndarray) -> None:
        zipf, pair = np.array(ctx.zipf), np.array(ctx.pair + [0.0])
        left, right = np.maximum(spans.first - 1, 0), np.minimum(spans.last + 1, len(ids) - 1)
        self.has_left, self.has_right = spans.has_left, spans.has_right
        self.left_id, self.right_id = ids[left], ids[right]
        self.left_zipf, self.right_zipf = zipf[left], zipf[right]
        self.left_function = spans.has_left & ~flags(ctx.content)[left]
        self.first_zipf, self.last_zipf = zipf[spans.first], zipf[spans.last]
        self.left_observed = np.where(spans.has_left, pair[spans.first], 0.0)
        self.right_observed = np.where(spans.has_right, pair[spans.last + 1], 0.0)


def _context(s: _Neighbours, left_pair, right_pair, first_zipf, last_zipf, two_d: bool) -> np.ndarray:
    """log10 P(x | a) / P(x) + log10 P(b | x) for spans x with these edge words' frequencies
    (per slot, or per slot and candidate when ``two_d``); a pair score of 0 means unseen: capped
    at the data's floor, then discounted."""
    lz, rz, has_left, has_right = s.left_zipf, s.right_zipf, s.has_left, s.has_right
    if two_d:
        lz, rz, has_left, has_right = lz[:, None], rz[:, None], has_left[:, None], has_right[:, None]
    left_unseen = np.minimum(first_zipf - 9 + lz, SEEN_FLOOR) + UNSEEN_DISCOUNT
    right_unseen = np.minimum(last_zipf - 9 + rz, SEEN_FLOOR) + UNSEEN_DISCOUNT
    left = np.where(left_pair > 0, left_pair, left_unseen) - lz - first_zipf + 9
    right = np.where(right_pair > 0, right_pair, right_unseen) - last_zipf
    return np.where(has_left, left, 0.0) + np.where(has_right, right, 0.0)


def _log_sum(values: np.ndarray) -> np.ndarray:
    """log10 of the row sums of 10**values (-inf entries contribute nothing)."""
    top = np.max(values, axis=1)
    return top + np.log10(np.sum(10.0 ** (values - top[:, None]), axis=1))
