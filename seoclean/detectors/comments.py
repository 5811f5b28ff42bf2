"""Spam comments, one by one: each is reported with the span of the whole comment, to delete.

The thread and its comments come from ``comment_thread``; each comment's body is then weighed
(``comment_cues`` says why each cue is one):

=====================  ======  =====================================================================
cue                    points  why
=====================  ======  =====================================================================
self-promotion         2       "visit my site", "here is my blog": the reason the comment exists
pitch to the owner     1 each  an offer with a way to buy it (up to 3)
spintax residue        2       "{great|nice}": machine-spun text
link                   1       2 for a link list: three or more hosts, or two with under 8 words
                               (links to .gov/.edu/.org.uk/Wikipedia... are references, not counted)
linked author name     1       the name itself is the link
spam trade named       1.5     pills, casinos, loans, replicas... as anchor text
talk about the site    1 each  its theme, host, feed, how the author found it (up to 2); +0.5
                               when the comment has none of the article's topical words
generic praise         1 each  "great post", "keep up the good work" (up to 3)
e-mail address         1       a contact for a sale
template repeat        1       a sentence of 5+ words that another comment of the thread repeats
about the article      -1.5    two or more of the article's topical words (-0.75 for one)
=====================  ======  =====================================================================

A comment scoring ``min_score`` (2) or more is spam. One cue alone (a thank-you, a link to a
source, a question about the site's theme) stays below it: readers do each of these. A page
without a thread heading or comment headers is searched only when it is a short page of bare
paragraphs (a thread that lost its markup); there a paragraph must score one point more, and two
paragraphs or half of the page's must be spam, or nothing is reported: an article's "visit our
website" line is the article's own.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from seoclean.detectors import comment_cues as cues
from seoclean.detectors.base import Detector, DetectorResult, make_finding
from seoclean.detectors.coherence import topical_words
from seoclean.detectors.comment_thread import Comment, Thread, find_thread
from seoclean.document import WORD_RE, Document

CODE = "SEO501"
DEFAULT_MIN_SCORE = 2.0
MIN_TEMPLATE_WORDS = 5
LINK_LIST_MAX_WORDS = 8
# Paragraphs of a page without a thread heading or comment headers must score this much more:
# nothing but their own words says they are comments.
UNANNOUNCED_EXTRA_SCORE = 1.0
# ... and be two or more, or at least half of the page's paragraphs (page furniture counts as one).
UNANNOUNCED_MIN_SPAM, UNANNOUNCED_MIN_SPAM_SHARE = 2, 0.5
# Hosts that people cite as sources; a link to one is a reference, not a link drop.
_REFERENCE_HOST_RE = re.compile(
    r"(?:\.gov|\.edu|\.ac\.[a-z]{2}|\.gov\.[a-z]{2}|\.org\.uk|\.nhs\.uk|\.mil|wikipedia\.org|\.int)(?:[/:]|$|\s)",
    re.IGNORECASE,
)
_SENTENCE_RE = re.compile(r"[^.!?\n]+")


@dataclass(frozen=True, slots=True)
class CommentCues:
    """What one comment's body shows; ``score`` weighs it as the module docstring says."""

    links: int
    linked_author: bool
    self_promo: int
    pointer: int
    pitch: int
    spintax: int
    vertical: int
    site_talk: int
    praise: int
    email: int
    template_repeats: int
    topical_overlap: int | None  # None: no article to compare with
    words: int = 0  # words of the body outside links

    @property
    def link_points(self) -> float:
        """1 for a link, 2 for a link list (three or more, or two with hardly a word around them):
        two links and a sentence are how a reader cites, and no other cue is needed to say so."""
        if not self.links:
            return 0.0
        return 2.0 if self.links >= 3 or (self.links == 2 and self.words < LINK_LIST_MAX_WORDS) else 1.0

    @property
    def score(self) -> float:
        score = 2.0 * bool(self.self_promo) + min(self.pitch, 3) + 2.0 * bool(self.spintax)
        score += self.link_points + self.linked_author + 1.5 * bool(self.vertical)
        score += min(self.site_talk, 2) + min(self.praise, 3) + bool(self.email) + bool(self.template_repeats)
        score += bool(self.pointer) * (not self.self_promo)
        if self.topical_overlap is None:
            return score
        if self.topical_overlap == 0 and self.site_talk:  # about the site and nothing of the article
            return score + 0.5
        return score - (1.5 if self.topical_overlap >= 2 else 0.75 * self.topical_overlap)

    def evidence(self) -> dict[str, float]:
        fields = {
            name: float(getattr(self, name))
            for name in self.__dataclass_fields__
            if name not in ("topical_overlap", "words")
        }
        if self.topical_overlap is not None:
            fields["topical_overlap"] = float(self.topical_overlap)
        return fields | {"score": round(self.score, 2)}


class CommentSpamDetector(Detector):
    """SEO501 for each spam comment of the page's thread (see the module docstring).

    Measures: ``comment_count`` (comments in the thread, 0 without one), ``spam_comment_count``
    and ``spam_comment_frac`` (of the thread's comments). A page of bare paragraphs counts as a
    thread only when it is reported as one.

    Args:
        min_score: the score from which a comment is spam; None turns the findings off (the
            measures are still computed, with the default 2).
    """

    name = "comments"
    measure_names = ("comment_count", "spam_comment_count", "spam_comment_frac")

    def __init__(self, *, min_score: float | None = DEFAULT_MIN_SCORE) -> None:
        self.min_score = min_score

    def detect(self, doc: Document) -> DetectorResult:
        thread = find_thread(doc)
        if thread is None:
            return DetectorResult(measures=dict.fromkeys(self.measure_names, 0.0))
        judged = judge_comments(doc, thread)
        threshold = self.min_score if self.min_score is not None else DEFAULT_MIN_SCORE
        threshold += 0 if thread.announced else UNANNOUNCED_EXTRA_SCORE
        spam = [(comment, c) for comment, c in judged if c.score >= threshold]
        if not thread.announced and len(spam) < min(UNANNOUNCED_MIN_SPAM, UNANNOUNCED_MIN_SPAM_SHARE * len(judged)):
            # a page of paragraphs that are mostly not spam is an article, not a thread
            return DetectorResult(measures=dict.fromkeys(self.measure_names, 0.0))
        findings = [
            make_finding(doc, CODE, comment.start, comment.end, _message(c), suggestion="", evidence=c.evidence())
            for comment, c in spam
            if self.min_score is not None
        ]
        count = len(judged)
        return DetectorResult(
            findings=findings,
            measures={
                "comment_count": float(count),
                "spam_comment_count": float(len(spam)),
                "spam_comment_frac": len(spam) / count if count else 0.0,
            },
        )


def judge_comments(doc: Document, thread: Thread) -> list[tuple[Comment, CommentCues]]:
    """Every comment of ``thread`` with its cues."""
    article = _article_topics(doc, thread)
    bodies = [doc.text[c.body_start : c.end] for c in thread.comments]
    repeated = _repeated_sentences(bodies)
    return [(comment, _cues(doc, comment, body, article, repeated)) for comment, body in zip(thread.comments, bodies)]


def _cues(doc: Document, comment: Comment, body: str, article: set[str] | None, repeated: set[str]) -> CommentCues:
    words = [m.group().lower() for m in WORD_RE.finditer(doc.masked, comment.body_start, comment.end)]
    overlap = len(topical_words(words) & article) if article is not None else None
    self_promo = len(cues.SELF_PROMO_RE.findall(body))
    links = _links(doc, comment, body)
    if not self_promo and cues.CITE_RE.search(body):  # "the reference is here: <link>"
        links, body = max(0, links - 1), cues.CITE_RE.sub(" ", body)
    return CommentCues(
        links=links,
        linked_author=comment.linked_author,
        self_promo=self_promo,
        pointer=len(cues.POINTER_RE.findall(body)),
        pitch=len(cues.PITCH_RE.findall(body)),
        spintax=cues.spintax_groups(body),
        vertical=len(cues.SPAM_VERTICAL_RE.findall(body)),
        site_talk=len(cues.SITE_TALK_RE.findall(body)),
        praise=len(cues.PRAISE_RE.findall(body)),
        email=len(cues.EMAIL_RE.findall(body)),
        template_repeats=sum(_key(s) in repeated for s in _SENTENCE_RE.findall(body)),
        topical_overlap=overlap,
        words=len(WORD_RE.findall(cues.URL_RE.sub(" ", body))),
    )


def _links(doc: Document, comment: Comment, body: str) -> int:
    """Hosts linked from the body that are not references (one per host: a reader who names a site
    and then links its page cites once); for HTML, also link elements (not in the text)."""
    found = cues.URL_RE.findall(body) + cues.BARE_DOMAIN_RE.findall(cues.URL_RE.sub(" ", body))
    hosts = {_host(link) for link in found if not _REFERENCE_HOST_RE.search(link + " ")}
    elements = 0
    if doc.format == "html":
        elements = sum(
            1 for b in doc.blocks if comment.body_start <= b.start < comment.end and b.link_density > 0 and b.is_prose
        )
    return len(hosts) + elements  # a Markdown link's target is a visible URL


def _host(link: str) -> str:
    host = re.sub(r"^(?:https?://)?(?:www\.)?", "", link.lower())
    return re.split(r"[/?#:]", host, maxsplit=1)[0]


def _article_topics(doc: Document, thread: Thread) -> set[str] | None:
    """Topical words of the article before the thread, its title and the thread's heading (which
    often names the article: '3 thoughts on "..."'); None when there is no article to compare with."""
    article = [w.lower for w in doc.words if w.start < thread.article_end]
    extra = " ".join(filter(None, [doc.title or "", thread.heading]))
    article += [m.group().lower() for m in WORD_RE.finditer(extra)]
    topics = topical_words(article)
    return topics if topics else None


def _repeated_sentences(bodies: list[str]) -> set[str]:
    """Sentences of five or more words found in two or more comments."""
    seen: Counter = Counter()
    for body in bodies:
        seen.update({_key(s) for s in _SENTENCE_RE.findall(body) if len(s.split()) >= MIN_TEMPLATE_WORDS})
    return {key for key, n in seen.items() if n >= 2}


def _key(sentence: str) -> str:
    return " ".join(sentence.lower().split())


def _message(c: CommentCues) -> str:
    reasons = []
    if c.links:
        reasons.append(f"{c.links} link(s)")
    if c.linked_author:
        reasons.append("a linked author name")
    for count, label in (
        (c.self_promo, "self-promotion"),
        (c.pointer, "readers sent elsewhere"),
        (c.pitch, "a sales pitch"),
        (c.spintax, "spintax"),
        (c.vertical, "a spam trade named"),
        (c.site_talk, "talk about the site, not the article"),
        (c.praise, "praise that fits any post"),
        (c.template_repeats, "a sentence other comments repeat"),
    ):
        if count:
            reasons.append(label)
    if c.topical_overlap == 0:
        reasons.append("no word of the article's topic")
    return "spam comment: " + ", ".join(reasons) + "; delete it"
