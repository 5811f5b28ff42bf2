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

Among the synonyms, the one the document itself writes next to the same neighbour ("our large
garden" earlier, "our tremendous garden" here) gains FRAME_BONUS per occurrence as the likeliest
original: a spinner rewrites each occurrence of a phrase on its own, so the original frame
survives elsewhere on the page.

``llr`` is one input of a small logistic model (``spin_weights``); the others describe the slot:
rarity, how often the word and its best synonym occur in the document, which pairs are known.
A slot is an open word or a multi-word thesaurus entry ("money box" for "bank") with a
single-word synonym (``slot_spans``). Once the likely substitutes are known, ``rescored`` scores
the slots again with those read as their originals by their neighbours: spinners swap adjacent
words independently, and a word next to a substitute meets an unknown pair through no fault of
its own.

Nearly every open word is a slot, so the scoring is vectorised per document with numpy: a slot's
synonyms come from a per-word-type table, and pair scores from a sorted key array.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from seoclean.detectors.slot_spans import SEEN_FLOOR, UNSEEN_DISCOUNT, SlotSpans, slot_spans
from seoclean.detectors.spin_context import SpinContext
from seoclean.detectors.substitute_tables import SubstituteTable

CACHE_WEIGHT = 0.3  # share of a word's probability that comes from the document itself
# log10 bonus per occurrence elsewhere in the document of a candidate's pair with a neighbour
# ("lower back" written earlier, "deeper back" here): a spinner rewrites each occurrence of a
# phrase on its own, so the original frame survives elsewhere; capped at FRAME_CAP occurrences.
FRAME_BONUS = 0.5
FRAME_CAP = 3
_ZIPFS_KEY = ("vocabulary zipfs",)  # memo key: tuples never collide with the word keys

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
    "best_left_seen",  # the best synonym's pair with the left neighbour is known
    "best_right_seen",
    "frame_in_document",  # log(1 + times the document writes the best synonym next to these neighbours)
)
# Features about the best synonym only: they say which synonym the original was, not whether the
# slot is a substitute, so only the ``exact`` model weighs them (the others give them weight 0,
# which keeps what is reported, and so the false alarms on clean text, as it was).
EXACT_ONLY = ("best_left_seen", "best_right_seen", "frame_in_document")


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
    inputs: _Inputs | None = None  # what ``rescored`` needs to score the slots again
    reading: np.ndarray | None = None  # the original the context alone prefers (``best`` may follow the frame)
    alone: np.ndarray | None = None  # after scoring: each slot's probability judged from the slot alone
    spun: np.ndarray | None = None
    exact: np.ndarray | None = None

    def __len__(self) -> int:
        return len(self.first)

    def original(self, k: int) -> str:
        return self.table.words[int(self.rows[k])][int(self.best[k])]

    def original_ids(self) -> np.ndarray:
        """The vocabulary id of every slot's likeliest original."""
        return self.table.ids[self.rows, self.best]

    def feature(self, name: str) -> np.ndarray:
        return self.features[:, FEATURES.index(name)]


@dataclass(slots=True)
class _Inputs:
    """A document's slots and their candidates: everything but the neighbours' context."""

    spans: SlotSpans
    cand_ids: np.ndarray
    cand_zipf: np.ndarray
    cand_unigram: np.ndarray  # log10 P(candidate | document cache), diluted
    cand_counts: np.ndarray
    valid: np.ndarray
    own_unigram: np.ndarray
    frames: np.ndarray | None = None  # per slot and candidate: ``_frames_in_document``


def find_slots(ctx: SpinContext) -> Slots:
    """Every lexical word and thesaurus phrase with a single-word synonym, with its features."""
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
    cand_unigram = np.log10(keep * 10.0 ** (cand_zipf - 9) + cache * cand_counts) - dilution
    own_unigram = np.log10(keep * 10.0 ** (spans.own_zipf - 9) + cache * np.maximum(spans.own_repeats, 0))
    inputs = _Inputs(spans, cand_ids, cand_zipf, cand_unigram, cand_counts, valid, own_unigram)
    observed = _Neighbours.observed(ctx, spans)
    inputs.frames = _frames_in_document(ctx, observed, cand_ids, valid)
    return _scored(ctx, inputs, table, observed)


def rescored(ctx: SpinContext, slots: Slots, likely: np.ndarray) -> Slots:
    """The slots scored again with every ``likely`` single-word substitute replaced, as their
    neighbours' context, by its likeliest original: a spinner swaps neighbours independently, so a
    word next to a substitute meets an unknown pair that says nothing about the word itself
    ("stream report": with "report" read as "account", "stream" is a rare stand-in for "current")."""
    words = likely & (slots.last == slots.first)
    context_ids = ctx.id_array.copy()
    context_ids[slots.first[words]] = slots.table.ids[slots.rows, slots.reading][words]
    return _scored(ctx, slots.inputs, slots.table, _Neighbours.restored(ctx, slots.inputs.spans, context_ids))


def _scored(ctx: SpinContext, inputs: _Inputs, table: SubstituteTable, s: _Neighbours) -> Slots:
    spans, cand_ids, cand_zipf, valid = inputs.spans, inputs.cand_ids, inputs.cand_zipf, inputs.valid
    # Spinner: each candidate in the context, diluted by the size of its thesaurus entry.
    left_pair, right_pair = ctx.pairs.scores_of_each(
        [
            (s.left_id[:, None], cand_ids, spans.has_left[:, None] & valid),
            (cand_ids, s.right_id[:, None], spans.has_right[:, None] & valid),
        ]
    )
    frames = inputs.frames
    spinner_terms = inputs.cand_unigram + _context(s, left_pair, right_pair, cand_zipf, cand_zipf, two_d=True)
    spinner_terms = np.where(valid, spinner_terms, -np.inf)
    spinner = _log_sum(spinner_terms)
    unigram_spinner = _log_sum(np.where(valid, inputs.cand_unigram, -np.inf))
    # The frame picks the original among the candidates but is no evidence of a swap by itself:
    # writers reuse their words next to the same neighbours too ("your doctor", "your physician").
    # The features that say whether the slot is a substitute at all keep the candidate the
    # context alone prefers, so that what is reported does not depend on the frame.
    best = np.argmax(spinner_terms + FRAME_BONUS * np.minimum(frames, FRAME_CAP), axis=1)
    at_best = (np.arange(len(best)), best)
    plain = (at_best[0], np.argmax(spinner_terms, axis=1))
    # Writer: the observed span in the same context.
    own_unigram = inputs.own_unigram
    writer = own_unigram + _context(s, s.left_observed, s.right_observed, s.first_zipf, s.last_zipf, two_d=False)
    llr = np.clip(spinner - writer, -6.0, 8.0)
    features = np.column_stack(
        [
            llr,
            unigram_spinner - own_unigram,
            spinner_terms[plain] - spinner,
            spans.own_zipf,
            cand_zipf[plain] - spans.own_zipf,
            np.log1p(np.maximum(spans.own_repeats, 0)),
            np.log1p(inputs.cand_counts[plain]),
            s.left_observed > 0,
            s.right_observed > 0,
            spans.has_left,
            spans.has_right,
            s.left_function,
            spans.last > spans.first,
            np.log1p(spans.support),
            llr * llr / 10,
            spans.own_zipf * spans.own_zipf / 10,
            left_pair[at_best] > 0,
            right_pair[at_best] > 0,
            np.log1p(frames[at_best]),
        ]
    ).astype(float)
    return Slots(spans.first, spans.last, features, spans.rows, best, table, inputs, reading=plain[1])


class _Neighbours:
    """Per-slot arrays about the words on each side of the span and the pairs the span makes with
    them: as written (``observed``), or with some neighbours read as other words (``restored``)."""

    def __init__(self, ctx: SpinContext, spans: SlotSpans, zipf: np.ndarray, left_id, right_id) -> None:
        n = ctx.word_count
        left, right = np.maximum(spans.first - 1, 0), np.minimum(spans.last + 1, n - 1)
        self.has_left, self.has_right = spans.has_left, spans.has_right
        self.left_id, self.right_id = left_id, right_id
        self.left_zipf, self.right_zipf = zipf[left], zipf[right]
        self.left_function = spans.has_left & ~ctx.array("content")[left]
        self.first_zipf, self.last_zipf = zipf[spans.first], zipf[spans.last]
        self.left_observed = self.right_observed = np.zeros(0)

    @staticmethod
    def observed(ctx: SpinContext, spans: SlotSpans) -> _Neighbours:
        ids, zipf, pair = ctx.id_array, ctx.array("zipf"), np.append(ctx.array("pair"), 0.0)
        left, right = np.maximum(spans.first - 1, 0), np.minimum(spans.last + 1, ctx.word_count - 1)
        s = _Neighbours(ctx, spans, zipf, ids[left], ids[right])
        s.left_observed = np.where(spans.has_left, pair[spans.first], 0.0)
        s.right_observed = np.where(spans.has_right, pair[spans.last + 1], 0.0)
        return s

    @staticmethod
    def restored(ctx: SpinContext, spans: SlotSpans, context_ids: np.ndarray) -> _Neighbours:
        ids, zipfs = ctx.id_array, _vocabulary_zipfs(ctx)
        zipf = np.where(context_ids >= 0, zipfs[np.maximum(context_ids, 0)], 0.0)
        left, right = np.maximum(spans.first - 1, 0), np.minimum(spans.last + 1, ctx.word_count - 1)
        s = _Neighbours(ctx, spans, zipf, context_ids[left], context_ids[right])
        s.first_zipf, s.last_zipf = ctx.array("zipf")[spans.first], ctx.array("zipf")[spans.last]
        s.left_observed, s.right_observed = ctx.pairs.scores_of_each(
            [(s.left_id, ids[spans.first], spans.has_left), (ids[spans.last], s.right_id, spans.has_right)]
        )
        return s


def _frames_in_document(ctx: SpinContext, s: _Neighbours, cand_ids: np.ndarray, valid: np.ndarray) -> np.ndarray:
    """Per slot and candidate: how often the document writes the candidate next to the slot's
    neighbour as written, on either side ("lower back" elsewhere, "deeper back" here). Made once,
    with the neighbours as written: a frame is evidence only where the page has it verbatim."""
    ids, bits = ctx.id_array, ctx.id_bits
    joined = ctx.array("joined")[1:] & (ids[1:] >= 0) & (ids[:-1] >= 0)
    keys, counts = np.unique((ids[:-1][joined] << bits) | ids[1:][joined], return_counts=True)
    frames = np.zeros(cand_ids.shape)
    if not len(keys):
        return frames
    cand = np.maximum(cand_ids, 0)
    for wanted, mask in (
        ((s.left_id[:, None] << bits) | cand, valid & (s.has_left & (s.left_id >= 0))[:, None]),
        ((cand << bits) | s.right_id[:, None], valid & (s.has_right & (s.right_id >= 0))[:, None]),
    ):
        at = np.minimum(np.searchsorted(keys, wanted[mask]), len(keys) - 1)
        frames[mask] += np.where(keys[at] == wanted[mask], counts[at], 0)
    return frames


def _vocabulary_zipfs(ctx: SpinContext) -> np.ndarray:
    found = ctx.memo.get(_ZIPFS_KEY)
    if found is None:
        found = ctx.memo[_ZIPFS_KEY] = np.array(ctx.lex.vocabulary_zipfs())
    return found


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
