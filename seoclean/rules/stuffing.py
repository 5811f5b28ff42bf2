"""Keyword-stuffing rules (SEO1xx), decided by ``seoclean.detectors.stuffing``."""

from seoclean.findings import Severity
from seoclean.rules import Rule

_CATEGORY = "keyword-stuffing"

RULES: tuple[Rule, ...] = (
    Rule(
        code="SEO101",
        name="stuffed-keyphrase",
        category=_CATEGORY,
        severity=Severity.WARNING,
        summary="A phrase is repeated far more often than the text's length justifies.",
        bad=(
            "Welcome to our guide on backlink quality factors. Backlink quality factors is a crucial\n"
            "aspect of SEO. Successful backlink quality factors requires a strategy. Mastering backlink\n"
            "quality factors is essential. (10 times in 220 words)"
        ),
        better=(
            "Welcome to our guide on what makes a backlink valuable. Relevance, authority and placement\n"
            "decide how much a link helps; this guide covers each of them."
        ),
        details=(
            "Found without being told the keyphrase: repeated 2-6-word phrases are scored with Yoast's\n"
            "keyphrase density (occurrences per 100 words times 0.7 + content words / 3) and flagged\n"
            "above Yoast's 'way over the maximum' level (4%). Names (capitalised mid-sentence, like a\n"
            "product or a person) get more room, and a phrase repeated only in one stretch of the text\n"
            "(a table, a reference list) is left to the duplication and boilerplate rules. Every\n"
            "occurrence is reported; rewrite some of them with pronouns, synonyms or nothing."
        ),
    ),
    Rule(
        code="SEO102",
        name="inserted-keyphrase",
        category=_CATEGORY,
        severity=Severity.ERROR,
        summary="A keyphrase is wedged into a sentence it does not belong to; deleting it repairs the sentence.",
        bad="Regular exercise keeps people car insurance who sit all day healthy.",
        better="Regular exercise keeps people who sit all day healthy.",
        details=(
            "Evidence comes from reference word-pair frequencies: the words around the phrase form a\n"
            "common pair on their own, while neither joins the phrase naturally; or the phrase is\n"
            "appended after a finished clause; or it runs straight into a new capitalised clause.\n"
            "Only phrases the text repeats (or the keyphrase you named) are checked. Keyphrase\n"
            "variants standing as headings, heading tails, list items or bold runs are reported too.\n"
            "A title built from a template around the keyphrase is reported without a deletion:\n"
            "the page needs a title, and only you can give it its own."
        ),
    ),
    Rule(
        code="SEO103",
        name="keyphrase-density",
        category=_CATEGORY,
        severity=Severity.WARNING,
        summary="The keyphrase you named is used more often than Yoast's 3% keyphrase-density limit allows.",
        bad="(keyphrase 'olive oil') olive oil appears 14 times in a 300-word recipe.",
        better="Name it where it matters (title, introduction, once or twice in the steps) and say 'the oil'.",
        details=(
            "Density follows Yoast: occurrences / words x 100 x (0.7 + keyphrase content words / 3),\n"
            "counted case-insensitively with plural and possessive forms. Texts under 100 words are\n"
            "not assessed. Each occurrence beyond the largest count that stays under the limit is\n"
            "reported."
        ),
    ),
    Rule(
        code="SEO104",
        name="keyphrase-in-headings",
        category=_CATEGORY,
        severity=Severity.WARNING,
        summary="The keyphrase you named appears in more than 75% of the subheadings (Yoast's upper limit).",
        bad="Introduction to Link Audits / Key Strategies for Link Audits / Best Practices for Link Audits",
        better="Why audit your links / How to run the audit / What to do with bad links",
    ),
    Rule(
        code="SEO105",
        name="keyword-list",
        category=_CATEGORY,
        severity=Severity.ERROR,
        summary="A line or sentence is only a list of keyphrase variants, with no verb and nothing to read.",
        bad="plumber london, cheap plumber london, emergency plumber london, 24 hour plumber london",
        better="(delete the line; name the areas you serve in a sentence if it matters)",
        details=(
            "Three or more comma, pipe, slash or semicolon separated items of one to six words, no\n"
            "clause words (pronouns, auxiliaries), no numbers, most of them sharing a content word.\n"
            "A line labelled as searches ('People also search for:') needs only two items of up to\n"
            "eight words; a 'Tags:' line counts when several of its items carry search words."
        ),
    ),
)
