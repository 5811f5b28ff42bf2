"""Topic-coherence rules, decided by ``seoclean.detectors.coherence``.

A passage pasted from another article is content scraped from elsewhere, so it is filed under the
duplicate category (SEO4xx) rather than a category of its own: reports and CSV columns keep their
five categories.
"""

from seoclean.findings import Severity
from seoclean.rules import Rule

RULES: tuple[Rule, ...] = (
    Rule(
        code="SEO407",
        name="pasted-passage",
        category="duplicate",
        severity=Severity.WARNING,
        summary="A paragraph shares almost nothing with the rest of the article or its headings, and the "
        "page holds such paragraphs on two or more unrelated topics: passages pasted from other articles "
        "(a scraped mash-up).",
        bad=(
            "# Red lentil soup\n\nRinse the lentils, then soften the onion and cumin in oil ...\n\n"
            "A fixed-rate mortgage keeps your repayments the same while the lender's variable rate moves ...\n\n"
            "Stir in the lentils with the stock and simmer until they collapse ...\n\n"
            "Index funds track a market benchmark, so the fund's expense ratio stays low ..."
        ),
        better="# Red lentil soup\n\nRinse the lentils, then soften the onion and cumin in oil ...\n\n"
        "Stir in the lentils with the stock and simmer until they collapse ...",
        details="Each paragraph of 15 or more words is compared with the article's core (its other prose, "
        "words weighted by rarity) and with the title and headings. One unrelated paragraph is how an "
        "honest aside, sidebar or quote looks and is never reported, nor are several that share a topic "
        "(one digression); list items and quotations are never reported. The heading right above a "
        "reported paragraph is included when it, too, shares nothing with the article. A paragraph opening on "
        "a bold label is a listicle's entry, not a paste. `seoclean clean` deletes the passages only when "
        "there are three or more of them.",
    ),
)
