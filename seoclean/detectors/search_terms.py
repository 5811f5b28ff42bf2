"""The words search queries are made of, beyond their topic: modifiers of commercial or local
intent ("best", "cheap", "price", "deals", "near me", "open now", "for sale") and a year.

Keyword-research guides sort queries by intent with these modifiers; stuffers write their
keyphrase variants with them ("top rated colonoscopy deals", "rail in my area"). Articles use the
same words in sentences, so they are evidence only about short phrases standing on their own.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

# Word lists read best packed.
# fmt: off
SEARCH_MODIFIERS = frozenset(
    (
        "best", "top", "cheap", "cheapest", "affordable", "buy", "discount", "discounted", "deal", "deals", "coupon",
        "coupons", "promo", "sale", "price", "prices", "pricing", "cost", "costs", "review", "reviews", "rated",
        "online", "local", "nearby", "certified", "trusted", "professional", "licensed", "instant", "emergency", "fast",
        "today", "uk", "usa",
    )
)
# Multi-word modifiers; several keep a pronoun or an adverb that would otherwise read as a clause.
SEARCH_MODIFIER_PHRASES = (
    ("near", "me"), ("open", "now"), ("in", "my", "area"), ("for", "sale"), ("free", "shipping"), ("same", "day"),
    ("top", "rated"), ("without", "prescription"), ("24", "hour"), ("24", "7"), ("guide", "pdf"), ("at", "home"),
    ("no", "credit", "check"), ("for", "me"),
)
# fmt: on
# Modifiers an article hardly ever writes as a phrase of its own: query tails and deal words.
STRONG_MODIFIERS = frozenset(
    {" ".join(p) for p in SEARCH_MODIFIER_PHRASES if p not in (("at", "home"), ("for", "me"), ("same", "day"))}
    | {"coupon", "coupons", "promo", "deals", "uk", "usa"}
)
# Every word a modifier can start with: no such word in a window means no modifier in it.
MODIFIER_START_WORDS = SEARCH_MODIFIERS | {phrase[0] for phrase in SEARCH_MODIFIER_PHRASES}
YEAR_RE = re.compile(r"(?:19|20)\d\d")
QUERY_TAILS_RE = re.compile(
    r"\b(?:" + "|".join(re.escape(" ".join(p)) for p in SEARCH_MODIFIER_PHRASES if len(p) > 1) + r")\b", re.IGNORECASE
)


def modifiers_in(words: tuple[str, ...]) -> set[str]:
    """The search modifiers a phrase (lower-case words) carries: {"near me", "2025", "cheap"}."""
    found = {w for w in words if w in SEARCH_MODIFIERS or YEAR_RE.fullmatch(w)}
    if not _PHRASE_STARTS.isdisjoint(words):
        # Words hold no spaces, so a space-padded substring match is a contiguous word match.
        padded = f" {' '.join(words)} "
        found.update(phrase for phrase in _PHRASE_STRINGS if f" {phrase} " in padded)
    return found


def modifier_spans(words: Sequence[str]) -> list[tuple[int, int, str]]:
    """(start, end, modifier) of every search modifier but a year in ``words`` (the lower-case
    words of a whole text), in order. ``modifiers_in(words[i:j])`` less its years is exactly the
    set of modifiers whose span lies in [i, j): one pass over a text answers every window of it."""
    spans = []
    for start in [i for i, word in enumerate(words) if word in MODIFIER_START_WORDS]:
        word = words[start]
        if word in SEARCH_MODIFIERS:
            spans.append((start, start + 1, word))
        for phrase in _PHRASES_BY_START.get(word, ()):
            end = start + len(phrase)
            if tuple(words[start:end]) == phrase:
                spans.append((start, end, " ".join(phrase)))
    return spans


_PHRASE_STRINGS = tuple(" ".join(phrase) for phrase in SEARCH_MODIFIER_PHRASES)
_PHRASE_STARTS = frozenset(phrase[0] for phrase in SEARCH_MODIFIER_PHRASES)
_PHRASES_BY_START = {first: [p for p in SEARCH_MODIFIER_PHRASES if p[0] == first] for first in _PHRASE_STARTS}


__all__ = [
    "MODIFIER_START_WORDS",
    "QUERY_TAILS_RE",
    "SEARCH_MODIFIERS",
    "SEARCH_MODIFIER_PHRASES",
    "STRONG_MODIFIERS",
    "YEAR_RE",
    "modifier_spans",
    "modifiers_in",
]
