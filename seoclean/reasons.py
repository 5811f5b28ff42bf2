"""The verdict in plain words: which rules fired and which measures drove the score.

Reasons come from two places: the findings, summarised per rule (what a moderator can go and look
at), and the features whose values moved the spam probability most (``Scorer.contributions``),
each named in words with its value and the value on a typical clean page.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import numpy as np

from seoclean.findings import Finding

MAX_MEASURE_REASONS = 3
MAX_RULE_REASONS = 3
MIN_CONTRIBUTION = 0.25  # log-odds; smaller pushes are noise, not a reason
MAX_MESSAGE_CHARS = 110

# Feature -> what it measures, as a noun phrase. Unlisted features are named by their measure.
FEATURE_WORDS = {
    "stuffing__dup_line_frac": "share of repeated lines",
    "stuffing__dup_para_frac": "share of repeated paragraphs",
    "stuffing__dup_line_char_frac": "share of text in repeated lines",
    "stuffing__dup_para_char_frac": "share of text in repeated paragraphs",
    "stuffing__top_2gram_char_frac": "share of text in the most repeated 2-word phrase",
    "stuffing__top_3gram_char_frac": "share of text in the most repeated 3-word phrase",
    "stuffing__top_4gram_char_frac": "share of text in the most repeated 4-word phrase",
    **{f"stuffing__dup_{n}gram_char_frac": f"share of text in repeated {n}-word sequences" for n in range(5, 11)},
    "stuffing__top_phrase_count": "repetitions of the densest phrase",
    "stuffing__top_phrase_per_100_words": "repetitions of the densest phrase per 100 words",
    "stuffing__top_phrase_density": "keyphrase density of the densest phrase",
    "stuffing__stuffed_phrases": "stuffed keyphrases",
    "stuffing__stuffed_word_frac": "share of words inside stuffed keyphrases",
    "stuffing__stuffed_phrase_words": "length in words of the stuffed keyphrase",
    "stuffing__title_template": "a title built from a template around the keyphrase",
    "stuffing__inserted_per_100_words": "keyphrases wedged into sentences per 100 words",
    "stuffing__keyword_list_lines": "keyword-list lines",
    "stuffing__keyphrase_density": "density of the named keyphrase",
    "stuffing__keyphrase_heading_frac": "share of subheadings with the named keyphrase",
    "spin__unnatural_synonym_per_100w": "unnatural synonym swaps per 100 words",
    "spin__inconsistent_synonym_per_100w": "inconsistent synonyms for one idea per 100 words",
    "spin__multiword_substitute_per_100w": "multi-word thesaurus substitutes per 100 words",
    "spin__odd_capital_per_100w": "common words capitalised mid-sentence per 100 words",
    "spin__function_phrase_per_100w": "impossible function-word pairs per 100 words",
    "spin__spintax_count": "leftover spintax {a|b} groups",
    "spin__context_gain_mean": "how much commoner synonyms would fit the context (mean)",
    "spin__context_gain_max": "how much commoner synonyms would fit the context (max)",
    "spin__weak_break_per_100w": "words that break common word pairs per 100 words",
    "spin__tag_misfit_per_100w": "ungrammatical word after a function word per 100 words",
    "spin__unseen_content_pair_frac": "share of word pairs never seen in reference English",
    "spin__rare_synonym_rate": "share of rare words with a far commoner synonym",
    "spin__odd_capital_candidate_per_100w": "capitalised common words mid-sentence per 100 words",
    "boilerplate__boilerplate_line_frac": "share of boilerplate lines",
    "boilerplate__boilerplate_char_frac": "share of text in boilerplate lines",
    "boilerplate__cue_line_count": "page-chrome lines (cookie notices, sign-up calls, copyright, report links)",
    "boilerplate__cta_line_count": "call-to-action lines",
    "boilerplate__nav_line_frac": "share of navigation lines",
    "boilerplate__link_density_mean": "link density",
    "boilerplate__non_main_char_frac": "share of text outside the main content",
    "boilerplate__short_line_frac": "share of short lines",
    "boilerplate__stopword_density": "share of function words (low in keyword text)",
    "boilerplate__end_punct_frac": "share of lines ending in punctuation",
    "duplication__dup_heading_count": "repeated headings",
    "duplication__dup_line_count": "repeated lines",
    "duplication__dup_paragraph_count": "repeated paragraphs",
    "duplication__near_dup_paragraph_count": "near-duplicate paragraphs",
    "duplication__title_in_body_count": "title repeated in the body",
    "duplication__dup_line_char_frac": "share of text in repeated lines",
    "duplication__dup_paragraph_char_frac": "share of text in repeated paragraphs",
    "duplication__near_dup_char_frac": "share of text in near-duplicate paragraphs",
    "coherence__off_topic_word_frac": "share of paragraphs' words off the main topic",
    "coherence__topic_islands": "separate topics among the paragraphs",
    "coherence__no_heading_word_frac": "share of paragraphs' words in paragraphs unrelated to the headings",
    "coherence__no_top_word_frac": "share of paragraphs without the page's main topic words",
    "coherence__disjoint_neighbour_frac": "share of neighbouring paragraphs with nothing in common",
    "coherence__min_core_similarity": "lowest similarity of a paragraph to the rest of the article",
    "coherence__outlier_word_frac": "share of paragraphs' words in paragraphs unlike the rest of the article",
    "coherence__off_topic_paragraphs": "paragraphs on a subject of their own, unlike the article",
    "coherence__off_topic_topics": "unrelated subjects among those paragraphs",
    "shape__mixed_case_heading_frac": "share of headings mixing Title Case with lowercase words",
    "shape__log_words": "document length (log words)",
    "shape__heading_block_frac": "share of blocks that are headings",
    "shape__list_block_frac": "share of blocks that are list items",
    "shape__mean_sentence_words": "mean sentence length in words",
    "shape__mean_block_words": "mean paragraph length in words",
    "spin__substitution_rate": "share of words the spin model reads as swapped-in synonyms",
    "spin__likely_substitute_per_100w": "likely swapped-in synonyms per 100 words",
    "spin__substitution_llr_mean": "mean evidence that words are swapped-in synonyms",
    "spin__mean_zipf_gap": "how much rarer words are than the usual word in their place",
    "spin__synonym_in_document_rate": "share of words whose usual synonym the page uses elsewhere",
    "spin__top_decile_substitute_prob": "likelihood of the tenth of words most likely swapped in",
    "spin__substitute_excess_z": "swapped-in synonyms beyond a writer's usual rate",
    "page__top_phrase_heading_frac": "share of headings holding the most repeated phrase",
    "page__top_phrase_at_edges": "most repeated phrase in the first and last paragraphs",
    "page__top_phrase_paragraph_frac": "share of paragraphs holding the most repeated phrase",
    "page__url_per_100w": "URLs per 100 words",
    "page__link_line_frac": "share of lines with a link",
    "page__praise_sentence_frac": "share of sentences of generic praise",
    "page__comment_header_frac": "share of lines heading a comment",
    "comments__comment_count": "comments in the page's thread",
    "comments__spam_comment_count": "spam comments",
    "comments__spam_comment_frac": "share of comments that are spam",
}


def describe_feature(name: str) -> str:
    if name in FEATURE_WORDS:
        return FEATURE_WORDS[name]
    return name.split("__", 1)[-1].replace("_per_100w", " per 100 words").replace("_", " ")


def measure_reasons(
    names: Sequence[str], values: np.ndarray, reference: np.ndarray, contributions: np.ndarray, *, spam: bool
) -> list[str]:
    """The measures that pushed the score towards the verdict, strongest first."""
    direction = 1.0 if spam else -1.0
    order = np.argsort(-direction * contributions)
    reasons = []
    for index in order[:MAX_MEASURE_REASONS]:
        if direction * contributions[index] < MIN_CONTRIBUTION:
            break
        value, typical = float(values[index]), float(reference[index])
        level = "high" if value > typical else "low"
        reasons.append(
            f"{describe_feature(names[index])} {level}: {names[index]} = {_number(value)} "
            f"(typical clean page {_number(typical)})"
        )
    return reasons


def rule_reasons(findings: Sequence[Finding]) -> list[str]:
    """One line per rule, most severe and most frequent first, quoting its first finding."""
    from seoclean.rules import get_rule

    counts = Counter(f.rule for f in findings)
    first = {}
    for finding in findings:
        first.setdefault(finding.rule, finding)
    ranked = sorted(counts, key=lambda code: (-first[code].severity, -counts[code], code))
    reasons = []
    for code in ranked[:MAX_RULE_REASONS]:
        message = first[code].message
        if len(message) > MAX_MESSAGE_CHARS:
            message = message[: MAX_MESSAGE_CHARS - 3].rstrip() + "..."
        times = f", {counts[code]} times" if counts[code] > 1 else ""
        reasons.append(f"{get_rule(code).name} ({code}{times}): {message}")
    return reasons


def verdict_reasons(
    names: Sequence[str],
    values: np.ndarray,
    reference: np.ndarray,
    contributions: np.ndarray,
    findings: Sequence[Finding],
    *,
    score: float,
    threshold: float,
) -> list[str]:
    """Everything a moderator reads next to the verdict."""
    spam = score >= threshold
    measures = measure_reasons(names, values, reference, contributions, spam=spam)
    serious = [f for f in findings if f.severity.label != "info"]
    shown_score, shown_threshold = _distinct(score, threshold)
    if spam:
        return measures + rule_reasons(serious) or [
            f"score {shown_score} is at or above the threshold {shown_threshold}"
        ]
    head = f"score {shown_score} is below the spam threshold {shown_threshold}"
    if serious:
        return [head + "; these findings were not enough for a spam verdict:"] + rule_reasons(serious)
    return [head + "; the measures look like a clean page"] + measures


def _distinct(score: float, threshold: float) -> tuple[str, str]:
    """Score and threshold with two decimals, or more when two would print a score just under the
    threshold as equal to it ("score 0.89 is below the spam threshold 0.89")."""
    for decimals in (2, 3, 4):
        shown = f"{score:.{decimals}f}", f"{threshold:.{decimals}f}"
        if shown[0] != shown[1]:
            break
    return shown


def _number(value: float) -> str:
    return f"{value:.0f}" if float(value).is_integer() else f"{value:.3g}"
