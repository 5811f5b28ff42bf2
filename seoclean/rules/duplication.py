"""Duplication rules (SEO4xx), decided by ``seoclean.detectors.duplication``."""

from seoclean.findings import Severity
from seoclean.rules import Rule

_CATEGORY = "duplicate"

RULES: tuple[Rule, ...] = (
    Rule(
        code="SEO401",
        name="duplicate-heading",
        category=_CATEGORY,
        severity=Severity.WARNING,
        summary="A heading of four or more words repeats an earlier heading word for word.",
        bad="## Best Practices for Link Audits\n...\n## Best Practices for Link Audits",
        better="## Best Practices for Link Audits\n...\n## Tools that speed up an audit",
        details="Short headings ('Ingredients', 'Step 1') legitimately repeat and are ignored.",
    ),
    Rule(
        code="SEO402",
        name="duplicate-line",
        category=_CATEGORY,
        severity=Severity.WARNING,
        summary="A line of four or more words repeats an earlier line word for word.",
        bad="Call us today for a free quote!\n...\nCall us today for a free quote!",
        better="Call us today for a free quote!  (once)",
        details="Comparison ignores case, spacing and punctuation. Delete the repeat.",
    ),
    Rule(
        code="SEO403",
        name="duplicate-paragraph",
        category=_CATEGORY,
        severity=Severity.WARNING,
        summary="A paragraph repeats an earlier paragraph word for word.",
        bad="(the same 80-word paragraph at the top and again at the bottom of the page)",
        better="(keep one copy)",
    ),
    Rule(
        code="SEO404",
        name="near-duplicate-paragraph",
        category=_CATEGORY,
        severity=Severity.WARNING,
        summary="A paragraph is a light rewording of an earlier one (word 3-gram Jaccard similarity >= 0.7), "
        "or its sentences said again in another order.",
        bad=(
            "Our plumbers in London fix leaks fast and at a fair price, day or night, every day.\n"
            "Our plumbers in Leeds fix leaks fast and at a fair price, day or night, every day."
        ),
        better="Our plumbers in London and Leeds fix leaks fast and at a fair price, day or night.",
        details="Only paragraphs of 12 or more words are compared. A paragraph made of an earlier one's "
        "sentences, each nearly word for word but in another order (one may be dropped), is a copy too: honest "
        "pages repeat a paragraph's mould in its order, never its sentences shuffled. Delete or merge the copy.",
    ),
    Rule(
        code="SEO406",
        name="duplicate-sentence",
        category=_CATEGORY,
        severity=Severity.WARNING,
        summary="A sentence of five or more words, tacked on at the end of a paragraph, repeats an earlier "
        "sentence word for word.",
        bad="Rinse the filter monthly. The pump runs quietly. ... Rinse the filter monthly.",
        better="Rinse the filter monthly. The pump runs quietly.",
        details="Spam pads pages by repeating sentences inside other paragraphs, where line and paragraph "
        "comparisons cannot see them. Comparison ignores case, spacing and punctuation; the later copy "
        "is reported, and a sentence inside a repeated line or paragraph is left to SEO402/SEO403.",
    ),
    Rule(
        code="SEO405",
        name="title-repeated-in-body",
        category=_CATEGORY,
        severity=Severity.INFO,
        summary="The page title (four or more words) is repeated as a line of the body text.",
        bad="Best Plumber in London Today\n\nOur team ...\n\nBest Plumber in London Today\n\nCall us ...",
        better="Best Plumber in London Today\n\nOur team ...\n\nCall us ...",
        details="Naming the subject inside a sentence is normal and never reported.",
    ),
)
