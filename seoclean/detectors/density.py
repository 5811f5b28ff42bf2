"""Keyphrase density (Yoast's formula) and the profile of a phrase's occurrences.

Yoast SEO's keyphrase density assessment (``yoastseo`` KeywordDensityAssessment) scores
``occurrences / words x 100 x (0.7 + keyphrase length / 3)``, the length counted in content words:
repeating a longer phrase weighs more. It calls 0.5-3% good, above 3% too much and above 4% "way
over the maximum", and only assesses texts of 100 words or more.
"""

from __future__ import annotations

from dataclasses import dataclass

from seoclean.detectors.phrases import WordTable

YOAST_MAX_DENSITY = 3.0
YOAST_WAY_OVER_DENSITY = 4.0
YOAST_MIN_TEXT_WORDS = 100


def length_factor(content_words: int) -> float:
    """Yoast's keyphrase length weight."""
    return 0.7 + max(content_words, 1) / 3


def keyphrase_density(count: int, text_words: int, content_words: int) -> float:
    """Yoast keyphrase density in percent (0 for an empty text)."""
    if text_words <= 0:
        return 0.0
    return count / text_words * 100 * length_factor(content_words)


def allowed_count(text_words: int, content_words: int, max_density: float = YOAST_MAX_DENSITY) -> int:
    """The most occurrences that keep the density at or under ``max_density`` (Yoast: at least 2)."""
    return max(2, int(max_density * text_words / (100 * length_factor(content_words))))


def content_word_count(words: tuple[str, ...], stopwords: frozenset[str]) -> int:
    return sum(1 for w in words if w not in stopwords) or len(words)


@dataclass(frozen=True, slots=True)
class Profile:
    """Where and how a phrase occurs."""

    in_headings: int  # occurrences in headings or the title
    at_boundary: int  # body occurrences that open or close their sentence
    name_share: float  # share of mid-sentence body occurrences written with capitals (a name)
    spread: float  # share of the text between the first and the last occurrence


def profile(table: WordTable, positions: tuple[int, ...], size: int, stopwords: frozenset[str]) -> Profile:
    words = table.words
    in_headings = at_boundary = mid_sentence = capitalised = 0
    for i in positions:
        if table.in_heading(i):
            in_headings += 1
            continue
        if i == table.sentence_start[i] or i + size == table.sentence_end[i]:
            at_boundary += 1
            if i == table.sentence_start[i]:
                continue  # the first word is capitalised anyway: no evidence of a name
        mid_sentence += 1
        content = [w for w in words[i : i + size] if w.lower not in stopwords]
        if content and all(w.text[:1].isupper() for w in content):
            capitalised += 1
    name_share = capitalised / mid_sentence if mid_sentence else 0.0
    return Profile(in_headings, at_boundary, name_share, spread(positions, len(table)))


def spread(positions: tuple[int, ...], text_words: int) -> float:
    """Share of the text between the first and the last occurrence (0 for fewer than two).

    Near 1 when the phrase runs through the whole text, as stuffing does to weigh on every part
    of the page; low when the occurrences crowd into one stretch, as in a table or a reference list.
    """
    if len(positions) < 2 or text_words <= 1:
        return 0.0
    return (positions[-1] - positions[0]) / (text_words - 1)
