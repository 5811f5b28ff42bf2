"""Substitution slots -> spin findings.

A slot is reported when the probability that it is a spinner's substitute reaches the detector's
threshold; overlapping slots keep the likeliest. The rule says what the evidence is:

- SEO203 for a multi-word thesaurus entry standing for a single word ("money box" for "bank"),
  unless its pairs with both neighbours are known;
- SEO202 when the suggested synonym also appears elsewhere in the document: the page names one
  thing with two thesaurus synonyms, the rarer one once;
- SEO201 otherwise: a rare synonym where a common one fits the neighbours.

The confidence is the probability that the suggestion is exactly the replaced wording. When the
suggestion needs the other indefinite article ("a write up" for "an account"), the finding takes
in the article, so that applying the suggestion leaves grammatical text.
"""

from __future__ import annotations

import re

import numpy as np

from seoclean.detectors.spin_context import Hit, SpinContext, match_case
from seoclean.detectors.substitutions import FEATURES, Slots

_SYNONYM_COUNT = FEATURES.index("synonym_count")
_LLR = FEATURES.index("llr")
_ZIPF_GAIN = FEATURES.index("zipf_gain")
_LEFT_SEEN, _RIGHT_SEEN = FEATURES.index("left_seen"), FEATURES.index("right_seen")
# "an" goes before a vowel sound: vowel letters except a "yoo"/"wuh" sound ("use", "one"), and a
# few words with a silent "h".
_VOWEL_SOUND = re.compile(r"(?!(?:uni|use|usu|uti|eu|one\b|once))[aeiou]|(?:hour|honest|honou?r|heir)", re.IGNORECASE)


def substitution_hits(ctx: SpinContext, slots: Slots, min_spun: float, taken: set[int]) -> list[Hit]:
    """Hits for the likeliest non-overlapping slots at or above ``min_spun``, avoiding the word
    indexes in ``taken`` (words inside stronger findings)."""
    chosen: list[int] = []
    used = set(taken)
    likely = [k for k in np.flatnonzero(slots.spun >= min_spun).tolist() if not _settled_phrase(slots, k)]
    for k in sorted(likely, key=lambda k: -slots.spun[k]):
        words = range(int(slots.first[k]), int(slots.last[k]) + 1)
        if any(w in used for w in words):
            continue
        used.update(words)
        chosen.append(k)
    return [_hit(ctx, slots, k) for k in sorted(chosen, key=lambda k: slots.first[k])]


def _settled_phrase(slots: Slots, k: int) -> bool:
    """A phrase whose pairs with both neighbours are known: a writer's idiom or phrasal verb ("put
    aside a nest egg for", "goes away in"); a spinner's entry rarely fits both sides."""
    features = slots.features[k]
    return slots.last[k] > slots.first[k] and features[_LEFT_SEEN] > 0 and features[_RIGHT_SEEN] > 0


def _hit(ctx: SpinContext, slots: Slots, k: int) -> Hit:
    first, last = int(slots.first[k]), int(slots.last[k])
    start, end = ctx.words[first].start, ctx.words[last].end
    original = slots.original(k)
    # A capitalised entry mid-sentence (a stray capital, see ``slot_spans``) stood for a lowercase word.
    stray = ctx.name_like[first] and not ctx.first[first]
    suggestion = original if stray else match_case(original, ctx.doc.text[start:end])
    article = article_fix(ctx, first, original)
    if article is not None:
        start, suggestion = ctx.words[first - 1].start, f"{article} {suggestion}"
    text = ctx.doc.text[start:end]
    features = slots.features[k]
    if last > first:
        rule, why = "SEO203", f'a multi-word thesaurus entry standing where "{original}" fits'
    elif features[_SYNONYM_COUNT] > 0:
        rule, why = "SEO202", f'this document also writes "{original}", a far likelier choice here'
    else:
        rule, why = "SEO201", f'a rare synonym where the common "{original}" fits the neighbours'
    message = f'"{text}" looks like a spinner\'s substitute: {why}'
    evidence = {
        "substitution_probability": round(float(slots.spun[k]), 3),
        "likelihood_ratio": round(float(features[_LLR]), 2),
        "zipf_gain": round(float(features[_ZIPF_GAIN]), 2),
        "words": float(last - first + 1),
        "confidence": round(float(slots.exact[k]), 3),
    }
    return Hit(rule, start, end, message, suggestion, evidence)


def article_fix(ctx: SpinContext, first: int, original: str) -> str | None:
    """The article before the span, corrected for ``original``, when it needs correcting."""
    if not ctx.has_left(first) or ctx.low[first - 1] not in ("a", "an"):
        return None
    wanted = "an" if _VOWEL_SOUND.match(original) else "a"
    if wanted == ctx.low[first - 1]:
        return None
    return match_case(wanted, ctx.words[first - 1].text)
