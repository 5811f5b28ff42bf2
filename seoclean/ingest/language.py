"""Language identification: seoclean analyses English only, and says so instead of guessing.

py3langid gives the language; a cheap English function-word rate backs it up, because language
identifiers are unreliable on short or keyword-heavy texts (spam is both).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

_SAMPLE_CHARS = 4000
_WORD = re.compile(r"[^\W\d_]+")
_CLEARLY_ENGLISH_RATE = 0.12
# The commonest English function words: more than ~15% of running English text.
# fmt: off
_ENGLISH_FUNCTION_WORDS = frozenset(
    ["the", "of", "and", "to", "a", "in", "is", "that", "for", "it", "on", "with", "as", "was", "be", "by", "at",
     "are", "this", "from", "or", "an", "not", "you", "your", "have", "has", "can", "will", "we", "they",
     "their", "our", "more"]
)
# fmt: on


@dataclass(frozen=True, slots=True)
class LanguageGuess:
    language: str
    confidence: float
    english_function_rate: float

    @property
    def is_english(self) -> bool:
        if self.language == "en" or self.english_function_rate >= _CLEARLY_ENGLISH_RATE:
            return True
        # Too little evidence either way: keep analysing rather than refuse.
        return self.confidence < 0.9 and self.english_function_rate >= 0.05


def detect_language(text: str) -> LanguageGuess:
    sample = text[:_SAMPLE_CHARS]
    words = [w.lower() for w in _WORD.findall(sample)]
    rate = sum(w in _ENGLISH_FUNCTION_WORDS for w in words) / len(words) if words else 0.0
    if not words:
        return LanguageGuess("und", 0.0, 0.0)
    if rate >= _CLEARLY_ENGLISH_RATE:
        # Running English text: no need to load the identifier's model (~0.8 s) at all.
        return LanguageGuess("en", 1.0, rate)
    language, confidence = _identifier().classify(sample)
    return LanguageGuess(str(language), float(confidence), rate)


@cache
def _identifier():
    """The identifier unpacks its model on creation (~0.1 s): once per process, on first use."""
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_modelpath(MODEL_DIR / MODEL_FILE, norm_probs=True)
