"""SEO201 for a word too rare for the frequency list that the thesaurus lists as a synonym of a
common word: "saccharify" where "sugar" stood, "quoin" for "corner", "amusive" for "amusing".

A thesaurus spinner draws from every entry, archaic and technical ones included, so a spun page
carries words that no frequency list of ordinary text holds. The substitution model cannot weigh
them (it needs the word's frequency and pairs) and the thesaurus has no entry of their own, but
they stand in the entries of common words: those are the candidate originals (a reverse index of
the thesaurus, built once per run, and only when a page needs it). The likeliest original makes
known pairs with more of the word's neighbours; among equals, the commonest.

A writer's technical term is as rare ("a stopcock" in a plumbing guide), so these words are
reported only on a page whose substitution rate (``spin_weights``) is above that of clean text:
RARE_MIN_RATE is over the 99th percentile of the dataset's clean train rows (0.111), where all
65 such words of the clean train rows stand. Hyphenated compounds ("well-educated",
"pre-existing") are left alone: writers coin them freely and the frequency list lacks most.

The confidence is the ``rare_entry`` logistic model of ``spin_weights`` (fitted on the train
split by ``scripts/fit_spin_weights.py``): whether the original is the only candidate, how many
neighbours it makes known pairs with, and the page's rate.
"""

from __future__ import annotations

import numpy as np

from seoclean.detectors.spin_context import NO_ID, Hit, SpinContext, match_case
from seoclean.detectors.spin_weights import rate_logit
from seoclean.detectors.substitution_hits import article_fix

RARE_MIN_RATE = 0.12
# (ending on the page, ending of the listed base form, inflection): "-ies" is "-y" made plural
_ENDINGS = (
    ("ies", "y", "s"),
    ("es", "", "s"),
    ("s", "", "s"),
    ("ied", "y", "ed"),
    ("ed", "e", "ed"),
    ("ed", "", "ed"),
    ("ing", "e", "ing"),
    ("ing", "", "ing"),
)
_TAGS = {"s": frozenset({"NNS", "VBZ"}), "ed": frozenset({"VBD", "VBN"}), "ing": frozenset({"VBG"})}
_REVERSE_KEY = ("common originals of rare thesaurus entries",)  # memo key: tuples never collide with words


def rare_entry_hits(ctx: SpinContext, rate: float, confidence_model, taken: set[int]) -> list[Hit]:
    """SEO201 hits for the rare thesaurus entries of a page spun at ``rate``, avoiding the word
    indexes in ``taken``; ``confidence_model`` maps ``rare_entry_features`` rows to confidences."""
    if rate < RARE_MIN_RATE:
        return []
    found = [(i, originals) for i, originals in rare_entries(ctx) if i not in taken]
    if not found:
        return []
    rows = [rare_entry_features(ctx, i, originals, rate) for i, originals in found]
    confidences = confidence_model.probability(np.array([features for _, features in rows]))
    return [_hit(ctx, i, original, float(p)) for (i, _), (original, _), p in zip(found, rows, confidences)]


def rare_entries(ctx: SpinContext) -> list[tuple[int, tuple[str, ...]]]:
    """(word index, candidate originals) of the open words outside the vocabulary, letters only,
    that the thesaurus lists as synonyms of common words."""
    unknown = np.flatnonzero((ctx.id_array == NO_ID) & ctx.array("open")).tolist()
    unknown = [i for i in unknown if ctx.low[i].isalpha()]
    if not unknown:
        return []
    index, found = _reverse_index(ctx), []
    for i in unknown:
        originals = index.get(ctx.low[i]) or _inflected_originals(ctx, ctx.low[i], index)
        if originals:
            found.append((i, originals))
    return found


def _inflected_originals(ctx: SpinContext, word: str, index: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    """The originals of an inflected rare entry ("hebdomads": "hebdomad" is listed under "week"),
    in the same inflection ("weeks"): the thesaurus lists base forms of its rarest entries only.
    Regular English endings; an original's form counts only when the vocabulary has it with the
    tag the ending makes."""
    for ending, base_ending, inflection in _ENDINGS:
        if not word.endswith(ending) or len(word) - len(ending) < 3:
            continue
        originals = index.get(word[: len(word) - len(ending)] + base_ending)
        if originals:
            forms = (_inflect(ctx, original, inflection) for original in originals)
            return tuple(form for form in forms if form is not None)
    return ()


def _inflect(ctx: SpinContext, base: str, inflection: str) -> str | None:
    """``base`` with a regular ``inflection`` ("s", "ed", "ing") as the vocabulary spells it and
    tags it: "week" -> "weeks", "carry" -> "carried", "make" -> "making", "stop" -> "stopped"."""
    last, trimmed = base[-1], base[:-1]
    if inflection == "s":
        forms = [base + "s", base + "es", trimmed + "ies" if last == "y" else ""]
    elif inflection == "ed":
        forms = [base + "ed", base + "d" if last == "e" else "", trimmed + "ied" if last == "y" else ""]
        forms.append(base + last + "ed")
    else:
        forms = [base + "ing", trimmed + "ing" if last == "e" else "", base + last + "ing"]
    vocabulary, wanted = ctx.lex.vocabulary_ids(), _TAGS[inflection]
    for form in forms:
        if form in vocabulary and wanted & set(ctx.lex.tags(form)):
            return form
    return None


def rare_entry_features(ctx: SpinContext, i: int, originals: tuple[str, ...], rate: float) -> tuple[str, list[float]]:
    """The likeliest original of the rare word ``i`` (the one that makes known pairs with more
    neighbours, counting the page writing it elsewhere as one more; then the commonest) and the
    confidence model's inputs: one candidate only, neighbours it makes known pairs with (0-2),
    whether the page writes it elsewhere, the logit of the page's rate."""

    def likelihood(original: str) -> tuple[int, float]:
        return _known_sides(ctx, i, original) + (_uses(ctx, original) > 0), ctx.lex.zipf(original)

    best = max(originals, key=likelihood)
    sides, in_document = _known_sides(ctx, i, best), float(_uses(ctx, best) > 0)
    return best, [float(len(originals) == 1), float(sides), in_document, rate_logit(rate)]


def _uses(ctx: SpinContext, word: str) -> int:
    """How often the page itself writes ``word``: a spinner rewrites each occurrence on its own,
    so the original often survives elsewhere on the page."""
    word_id = ctx.lex.word_id(word)
    return int(np.count_nonzero(ctx.id_array == word_id)) if word_id is not None else 0


def _known_sides(ctx: SpinContext, i: int, original: str) -> int:
    left = ctx.has_left(i) and ctx.score(ctx.low[i - 1], original) > 0
    right = ctx.has_right(i) and ctx.score(original, ctx.low[i + 1]) > 0
    return int(left) + int(right)


def _reverse_index(ctx: SpinContext) -> dict[str, tuple[str, ...]]:
    """Rare single-word entry -> the common content words whose thesaurus entries list it."""
    index = ctx.memo.get(_REVERSE_KEY)
    if index is None:
        vocabulary, lists = ctx.lex.vocabulary_ids(), {}
        for key, synonyms in ctx.lex.thesaurus_entries():
            if key not in vocabulary or not ctx.is_content(key):  # phrases are not in the vocabulary
                continue
            for synonym in synonyms:
                if synonym not in vocabulary and synonym.isalpha():
                    lists.setdefault(synonym, []).append(key)
        index = ctx.memo[_REVERSE_KEY] = {word: tuple(keys) for word, keys in lists.items()}
    return index


def _hit(ctx: SpinContext, i: int, original: str, confidence: float) -> Hit:
    start, end = ctx.words[i].start, ctx.words[i].end
    suggestion = match_case(original, ctx.doc.text[start:end])
    text = ctx.doc.text[start:end]
    article = article_fix(ctx, i, original)
    if article is not None:
        start, suggestion = ctx.words[i - 1].start, f"{article} {suggestion}"
    message = (
        f'"{text}" looks like a spinner\'s substitute: a word too rare for the frequency list, '
        f'which the thesaurus gives as a synonym of the common "{original}"'
    )
    evidence = {"words": 1.0, "zipf_gain": round(ctx.lex.zipf(original), 2), "confidence": round(confidence, 3)}
    return Hit("SEO201", start, end, message, suggestion, evidence)
