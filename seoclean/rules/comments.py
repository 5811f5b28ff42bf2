"""Comment-spam rules (SEO5xx), decided by ``seoclean.detectors.comments``."""

from seoclean.findings import Severity
from seoclean.rules import Rule

_CATEGORY = "comment-spam"

RULES: tuple[Rule, ...] = (
    Rule(
        code="SEO501",
        name="spam-comment",
        category=_CATEGORY,
        severity=Severity.WARNING,
        summary="A comment in the page's comment thread is spam: generic, and there to drop a link, "
        "pitch a service or promote the author's site.",
        bad=(
            "## 2 Comments\n\n"
            "Mark says:\n\n"
            "Great post, keep up the good work! Visit my site: https://cheap-pills-online.example\n\n"
            "Anna says:\n\n"
            "Does the 50/30/20 split still work if most of my income goes on rent?"
        ),
        better=("## 1 Comment\n\nAnna says:\n\nDoes the 50/30/20 split still work if most of my income goes on rent?"),
        details="Each comment (its header and body, up to the next header) is weighed on its cues: links "
        "that are not references (links to .gov, .edu, .org.uk, Wikipedia... are), a linked author name, "
        "self-promotion ('visit my blog'), a pitch with a way to buy, a spam trade named, talk about the "
        "site instead of the article (its theme, host, feed), praise that fits any post, spintax, and a "
        "sentence other comments repeat; words of the article's topic count against. One cue alone is "
        "how readers write too and is not enough. Comments are looked for in a comment thread (after a "
        "'Comments' heading, or from comment headers such as 'Name says:'), and on a short page of bare "
        "short paragraphs (a thread that lost its markup) only when two of them, or half, are clear spam, "
        "so an article's own 'visit our website' line is never reported. The fix deletes the comment.",
    ),
)
