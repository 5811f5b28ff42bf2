"""The keyword-stuffing detector (SEO101-SEO105).

Finds stuffed keyphrases without being told them: every repeated 2-6-word phrase is scored with
Yoast's keyphrase density, and the longest phrase that is "way over" the limit is reported at each
occurrence (SEO101). Occurrences of repeated phrases that break their sentence are reported for
deletion (SEO102), as are lines that only list keyphrase variants (SEO105). When the user names the
keyphrase, Yoast's density (SEO103) and subheading (SEO104) limits are checked for it too.

The Gopher repetition measures and the phrase statistics are returned as measures (features).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from seoclean.detectors import density as dens
from seoclean.detectors.base import Detector, DetectorResult, make_finding
from seoclean.detectors.capital_pastes import capital_pastes
from seoclean.detectors.insertion import (
    MID_SENTENCE,
    RUN_ON,
    SENTENCE_END,
    Insertion,
    InsertionThresholds,
    find_insertion,
    keyword_list_findings,
)
from seoclean.detectors.keyphrase import keyphrase_findings, named_keyphrase
from seoclean.detectors.keyword_family import keyword_family_findings
from seoclean.detectors.phrases import Phrase, WordTable, repeated_phrases
from seoclean.detectors.planted_phrases import APPENDED, IN_SENTENCE, STANDING, WEDGED, Planted, planted_phrases
from seoclean.detectors.repetition import GOPHER_MEASURE_NAMES, gopher_measures
from seoclean.detectors.widened_plants import widened_to_planted
from seoclean.document import Document
from seoclean.lexicon import get_lexicon

PHRASE_MEASURE_NAMES = (
    "top_phrase_count",  # occurrences of the repeated phrase with the highest keyphrase density
    "top_phrase_per_100_words",  # ... per 100 words
    "top_phrase_density",  # ... its Yoast keyphrase density (%)
    "stuffed_phrases",  # phrases reported by SEO101
    "stuffed_word_frac",  # share of the words inside SEO101 occurrences
    "stuffed_phrase_words",  # words in the longest SEO101 phrase (0 without one)
    "inserted_per_100_words",  # SEO102 occurrences per 100 words
    "keyword_list_lines",  # SEO105 lines
    "title_template",  # 1 when the title is a template built around a planted keyphrase (SEO102)
    "keyphrase_density",  # Yoast density of the named keyphrase (0 without one)
    "keyphrase_heading_frac",  # share of subheadings holding the named keyphrase
)
# A phrase used only twice is rarely a planted keyphrase; judging it for SEO102 only adds noise.
MIN_REPEATS_FOR_INSERTION = 3


@dataclass(frozen=True, slots=True)
class StuffedPhrase:
    phrase: Phrase
    positions: tuple[int, ...]  # occurrences not inside a longer stuffed phrase
    density: float
    per_100_words: float
    limit: float  # the density it was allowed (higher for names)


class StuffingDetector(Detector):
    """Keyword stuffing, with or without a target keyphrase.

    Args:
        keyphrase: the page's target keyphrase, if known; enables SEO103/SEO104.
        max_density: Yoast density (%) above which a discovered phrase is stuffed (SEO101). Default
            4.0, Yoast's "way over the maximum": no keyphrase was named, so only the unmistakable
            level counts, and the best of many candidate phrases is being judged. None turns SEO101 off.
        min_count: fewest occurrences for SEO101 (4; three uses of a phrase are ordinary emphasis).
        name_allowance: multiplier on ``max_density`` for names (products, people, places: their
            content words are capitalised mid-sentence); a name has no synonym to vary with (2.0).
        min_spread: SEO101 needs occurrences spread over the text (see ``density.spread``); a
            phrase crowded into one stretch is a table or a list, not stuffing (0.4).
        min_text_words: density is computed over at least this many words (Yoast's 100), so two
            uses in a 20-word snippet do not count as 10%.
        max_keyphrase_density: Yoast's maximum (3.0) for the named keyphrase (SEO103). None: off.
        max_heading_share: Yoast's upper limit (0.75) on subheadings holding the keyphrase (SEO104).
        min_inserted: broken occurrences a repeated phrase needs before SEO102 reports them (2);
            one is enough for a stuffed phrase or the named keyphrase. None turns SEO102 off.
        keyword_list_share: share of a list's items that must repeat one content word (0.75) for
            SEO105. None turns SEO105 off.
    """

    name = "stuffing"
    measure_names = GOPHER_MEASURE_NAMES + PHRASE_MEASURE_NAMES

    def __init__(
        self,
        *,
        keyphrase: str | None = None,
        max_density: float | None = dens.YOAST_WAY_OVER_DENSITY,
        min_count: int = 4,
        name_allowance: float = 2.0,
        min_spread: float = 0.4,
        min_text_words: int = dens.YOAST_MIN_TEXT_WORDS,
        max_keyphrase_density: float | None = dens.YOAST_MAX_DENSITY,
        max_heading_share: float | None = 0.75,
        min_inserted: int | None = 2,
        keyword_list_share: float | None = 0.75,
    ) -> None:
        self.keyphrase = keyphrase
        self.max_density = max_density
        self.min_count = min_count
        self.name_allowance = name_allowance
        self.min_spread = min_spread
        self.min_text_words = min_text_words
        self.max_keyphrase_density = max_keyphrase_density
        self.max_heading_share = max_heading_share
        self.min_inserted = min_inserted
        self.keyword_list_share = keyword_list_share

    def detect(self, doc: Document) -> DetectorResult:
        lex = get_lexicon()
        table = WordTable.from_document(doc)
        result = DetectorResult(measures=_gopher(doc, table))
        phrases = repeated_phrases(table, lex.stopwords, min_count=2)
        stuffed = self._stuffed(doc, table, phrases, lex.stopwords) if self.max_density is not None else []
        result.findings += [self._stuffed_finding(doc, table, s, i) for s in stuffed for i in s.positions]
        target = named_keyphrase(table, self.keyphrase)
        inserted = self._inserted_findings(doc, table, phrases, stuffed, target, lex)
        result.findings += inserted
        lists = keyword_list_findings(doc, lex.stopwords, self.keyword_list_share)
        result.findings += lists
        if self.min_inserted is not None:
            planted = keyword_family_findings(
                doc,
                table,
                lex,
                keyword_lines=lists,
                stuffed=[s.phrase.words for s in stuffed],
                corroborated=bool(stuffed or inserted or lists),
                inserted=inserted,
                repeated=[p.words for p in phrases if p.count >= MIN_REPEATS_FOR_INSERTION],
                repeated_twice=[p.words for p in phrases],
            )
            planted = [f for f in planted if not _overlaps_any(f, inserted + lists)]
            result.findings += planted
            inserted += [f for f in planted if f.rule == "SEO102"]
            lists += [f for f in planted if f.rule == "SEO105"]
        if self.min_inserted is not None:
            pasted = capital_pastes(doc, table, lex, [(f.start, f.end) for f in result.findings])
            result.findings += pasted
            inserted += pasted
        checks = keyphrase_findings(
            doc, table, target, lex.stopwords, self.max_keyphrase_density, self.max_heading_share
        )
        result.findings += checks.findings
        result.measures.update(self._phrase_measures(table, phrases, stuffed, len(inserted), len(lists), lex.stopwords))
        result.measures["title_template"] = float(any(f.evidence.get("in_title") for f in inserted))
        result.measures.update(keyphrase_density=checks.density, keyphrase_heading_frac=checks.heading_share)
        result.findings = widened_to_planted(doc, result.findings)
        result.findings.sort(key=lambda f: (f.start, f.rule))
        return result

    # -- SEO101 ------------------------------------------------------------------------------
    def _stuffed(self, doc: Document, table: WordTable, phrases: list[Phrase], stopwords: frozenset[str]):
        """Longest phrases first; a shorter phrase only counts occurrences outside the longer ones."""
        text_words = max(len(table), self.min_text_words)
        covered: set[int] = set()
        stuffed: list[StuffedPhrase] = []
        for phrase in phrases:  # longest first
            own = tuple(i for i in phrase.positions if i not in covered)
            if len(own) < self.min_count:
                continue
            density = dens.keyphrase_density(len(own), text_words, dens.content_word_count(phrase.words, stopwords))
            if density <= self.max_density:
                continue
            limit = self._limit(dens.profile(table, own, phrase.size, stopwords))
            if limit is None or density <= limit:
                continue
            stuffed.append(StuffedPhrase(phrase, own, density, len(own) / text_words * 100, limit))
            covered.update(j for i in own for j in range(i, i + phrase.size))
        return stuffed

    def _limit(self, where: dens.Profile) -> float | None:
        """The density a phrase may reach where it occurs; None when it cannot be stuffing."""
        if where.spread < self.min_spread:
            return None
        return self.max_density * (self.name_allowance if where.name_share >= 0.5 else 1.0)

    def _stuffed_finding(self, doc: Document, table: WordTable, stuffed: StuffedPhrase, position: int):
        start, end = table.span(position, stuffed.phrase.size)
        count = len(stuffed.positions)
        message = (
            f"'{stuffed.phrase.text}' is repeated {count} times ({stuffed.per_100_words:.1f} per 100 words, "
            f"keyphrase density {stuffed.density:.1f}% > {stuffed.limit:g}%)"
        )
        evidence = {
            "count": count,
            "per_100_words": stuffed.per_100_words,
            "phrase_words": stuffed.phrase.size,
            "density": stuffed.density,
        }
        return make_finding(doc, "SEO101", start, end, message, suggestion=None, evidence=evidence)

    # -- SEO102 ------------------------------------------------------------------------------
    def _inserted_findings(self, doc, table, phrases, stuffed: list[StuffedPhrase], target: Phrase | None, lex):
        """SEO102 for repeated phrases with enough broken occurrences; for a stuffed phrase or the
        named keyphrase one is enough, since we already know it is being pushed."""
        if self.min_inserted is None:
            return []
        strong = {s.phrase.words for s in stuffed} | ({target.words} if target else set())
        limits = InsertionThresholds()
        taken: set[int] = set()
        findings = []
        for phrase in ([target] if target else []) + phrases:  # longest first: no sub-phrase re-reports words
            if phrase.count < MIN_REPEATS_FOR_INSERTION and phrase.words not in strong:
                continue
            hits = [
                find_insertion(doc, table, i, phrase.size, lex, limits)
                for i in _loose_occurrences(table, phrase)
                if not taken.intersection(range(i, i + phrase.size))
            ]
            hits = [h for h in hits if h is not None]
            if len(hits) < (1 if phrase.words in strong else self.min_inserted):
                continue
            for hit in hits:
                taken.update(range(hit.position, hit.position + hit.size))
                findings.append(_inserted_finding(doc, table, phrase, hit))
        findings += [_planted_finding(doc, table, hit) for hit in planted_phrases(doc, table, phrases, lex, taken)]
        return findings

    # -- measures ------------------------------------------------------------------------------
    def _phrase_measures(self, table, phrases, stuffed, inserted: int, lists: int, stopwords) -> dict[str, float]:
        text_words = max(len(table), self.min_text_words)

        def density(phrase: Phrase) -> float:
            return dens.keyphrase_density(phrase.count, text_words, dens.content_word_count(phrase.words, stopwords))

        top = max(phrases, key=density, default=None)
        stuffed_words = sum(len(s.positions) * s.phrase.size for s in stuffed)
        return {
            "top_phrase_count": top.count if top else 0,
            "top_phrase_per_100_words": top.count / text_words * 100 if top else 0.0,
            "top_phrase_density": density(top) if top else 0.0,
            "stuffed_phrases": len(stuffed),
            "stuffed_word_frac": stuffed_words / len(table) if len(table) else 0.0,
            # A topic term ("heart rate") is short; a planted search query is three to six words long.
            "stuffed_phrase_words": max((s.phrase.size for s in stuffed), default=0),
            "inserted_per_100_words": inserted / text_words * 100,
            "keyword_list_lines": lists,
        }


def _overlaps_any(finding, others) -> bool:
    return any(o.start < finding.end and finding.start < o.end for o in others)


def _loose_occurrences(table: WordTable, phrase: Phrase) -> list[int]:
    """Occurrences whose neighbours vary. A phrase that keeps the same word before (or after) it is
    part of a longer term ("central dense overcast"); an inserted phrase lands in a new place each time."""
    lower, size = table.lower, phrase.size
    before = Counter(lower[i - 1] for i in phrase.positions if i > 0)
    after = Counter(lower[i + size] for i in phrase.positions if i + size < len(lower))
    return [
        i
        for i in phrase.positions
        if (i == 0 or before[lower[i - 1]] < 2) and (i + size >= len(lower) or after[lower[i + size]] < 2)
    ]


def _inserted_finding(doc: Document, table: WordTable, phrase: Phrase, hit: Insertion):
    start, end = table.span(hit.position, hit.size)
    how = {
        MID_SENTENCE: "the words around it read on without it",
        SENTENCE_END: "it is appended after a finished clause",
        RUN_ON: "it runs into the next clause without punctuation",
    }[hit.kind]
    message = f"'{phrase.text}' is inserted into this sentence: {how}; delete it"
    evidence = {"count": phrase.count, "phrase_words": phrase.size, "junction_bigram": hit.junction}
    return make_finding(doc, "SEO102", start, end, message, suggestion="", evidence=evidence)


def _planted_finding(doc: Document, table: WordTable, hit: Planted):
    start, end = table.span(hit.position, hit.size)
    how = {
        IN_SENTENCE: "it is pasted into this sentence in capitals",
        STANDING: "it stands on its own, as it is pasted elsewhere",
        APPENDED: "it is appended to a finished clause",
        WEDGED: "it is wedged into this sentence",
    }[hit.how]
    phrase = " ".join(table.lower[hit.position : hit.position + hit.size])
    message = f"'{phrase}' is a keyphrase planted across the page: {how}; delete it"
    evidence = {"phrase_words": hit.size, "junction_bigram": 0.0}
    return make_finding(doc, "SEO102", start, end, message, suggestion="", evidence=evidence)


def _gopher(doc: Document, table: WordTable) -> dict[str, float]:
    text = doc.text
    paragraphs = [text[doc.blocks[i].start : doc.blocks[i].end] for i in table.blocks]
    lines = [line.strip() for paragraph in paragraphs for line in paragraph.split("\n") if line.strip()]
    return gopher_measures(paragraphs, lines, table.lower, sum(len(p) for p in paragraphs), table.ids)
