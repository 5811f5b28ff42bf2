"""SEO3xx: site and platform chrome glued around the content (found by ``detectors.boilerplate``).

Every rule here matches whole standalone lines or blocks, never a phrase inside a sentence, and
suggests deleting them (``""``).
"""

from seoclean.findings import Severity
from seoclean.rules import Rule

RULES: tuple[Rule, ...] = (
    Rule(
        code="SEO301",
        name="platform-boilerplate",
        category="boilerplate",
        severity=Severity.WARNING,
        summary="A line of platform chrome: report/sign-up/login/subscribe prompts, cookie notices, "
        "copyright and powered-by footers, post metadata and comment-form labels.",
        bad="How to repair a leaking tap in five minutes.\n\nReport this page\n\n"
        "© 2024 Example Media. All rights reserved.",
        better="How to repair a leaking tap in five minutes.",
        details="Pasted from a blog platform or page template, these lines say nothing about the topic "
        "and mark the text as scraped or auto-generated. The cue must make up a short standalone line: "
        '"Voters must sign up before the deadline, officials said." is prose and is not reported.',
    ),
    Rule(
        code="SEO302",
        name="navigation-block",
        category="boilerplate",
        severity=Severity.WARNING,
        summary="A navigation menu, breadcrumb trail, link list or related-posts block left in the text.",
        bad="Home\nAbout Us\nBlog\nContact\n\nHome > Garden > Tomatoes",
        better="(delete the menu and the breadcrumb; keep the article)",
        details="Found as runs of short, capitalised, link-like lines that include typical menu entries, "
        'as single lines of menu entries joined by separators ("Home | About | Contact"), as breadcrumb '
        "trails, and in HTML as runs of blocks that are almost entirely link text.",
    ),
    Rule(
        code="SEO303",
        name="call-to-action",
        category="boilerplate",
        severity=Severity.INFO,
        summary='A standalone call to action: "Click here", "Read more", "Buy now", "Visit our website", '
        '"Contact us today".',
        bad="Our plumbers fix leaks fast.\n\nClick here to get a free quote!",
        better="Our plumbers fix leaks fast.",
        details="Only short lines that start with the call to action are reported; a sentence that "
        "mentions visiting a website in passing is prose.",
    ),
    Rule(
        code="SEO304",
        name="share-widget",
        category="boilerplate",
        severity=Severity.WARNING,
        summary='Social sharing and follow widgets: "Share on Facebook", "Tweet", "Pin it", '
        '"Follow us on Instagram", rows of network names.',
        bad="Share this:\nFacebook\nTwitter\nPin it",
        better="(delete the widget)",
    ),
    Rule(
        code="SEO305",
        name="outside-main-content",
        category="boilerplate",
        severity=Severity.INFO,
        summary="HTML text outside the page's main content (as extracted by trafilatura) that no other "
        "SEO3xx rule explains: sidebars, footers, widgets.",
        bad="<aside>Popular this week: ...</aside>",
        better="(keep only the main content)",
        details="Consecutive blocks outside the main content are reported as one span. Plain text and "
        "Markdown have no such information and never produce this finding.",
    ),
)
