"""Page templates: where a page's main phrase sits, and what its comments look like.

The shape of a page is context, not proof, so these are measures, with one exception: on a page
laid out as a template around the title's phrase, the stock sentences that carry that phrase and
say nothing else are reported for deletion (SEO102, ``template_phrase``). The measures let the
classifier tell two kinds of spam that other detectors see only in part:

* templated doorway pages put one phrase in the title, most subheadings, the first and the last
  paragraph, however few times it occurs in total: ``top_phrase_heading_frac`` (share of headings
  holding the page's most repeated 2-3 word phrase, found without being told it) and
  ``top_phrase_at_edges`` (0, 0.5 or 1: in the first and / or last paragraph) and
  ``top_phrase_paragraph_frac`` (share of paragraphs holding it: a template names its phrase in
  nearly every paragraph, an article on the topic in some);
* comment spam is short, praises the post in words that fit any post, and drops a link:
  ``url_per_100w`` (visible URLs and Markdown link targets per 100 words), ``link_line_frac``
  (share of lines with a URL or a link), ``praise_sentence_frac`` (share of sentences that are
  generic praise of "this post" / "your blog"), ``comment_header_frac`` (share of lines that head a
  comment: "Name says:", "Name on 5 May 2021").

Genuine comment threads, articles on one topic and real documentation pages have some of these
too, which is why they are measures for the classifier, not rules.
"""

from __future__ import annotations

import re

import numpy as np

from seoclean.detectors.base import Detector, DetectorResult
from seoclean.detectors.comment_cues import MD_LINK_RE
from seoclean.detectors.template_phrase import template_phrase_findings
from seoclean.document import Document
from seoclean.lexicon import get_lexicon

_HEADING_KINDS = frozenset({"heading", "title"})
_URL_RE = re.compile(r"\bhttps?://[^\s)\]>\"']+|\bwww\.[a-z0-9-]+\.[a-z]{2,}[^\s)\]>\"']*", re.IGNORECASE)
# Praise addressed to the post or its author that would fit under any post. Every alternative
# starts with one of these letters; the lookahead lets ``re`` give up at most word starts at once
# instead of trying each alternative there (the same matches, found in about half the time).
_PRAISE_FIRST_LETTERS = "abefghiklnopstuvwy"
_PRAISE_RE = re.compile(
    rf"\b(?=[{_PRAISE_FIRST_LETTERS}])"
    r"(?:(?:great|nice|good|awesome|amazing|excellent|wonderful|fantastic|informative|helpful|useful|valuable|"
    r"interesting|lovely|superb|brilliant|fabulous|pleasant|impressive|outstanding)\s+(?:\w+\s+){0,2}"
    r"(?:post|article|blog|site|website|web site|write-?up|read|info(?:rmation)?|content|piece|work|job|share|"
    r"layout|stuff|page|topic|points?)|thanks? (?:you )?(?:a lot |so much )?for (?:sharing|posting|this (?:post|"
    r"article|information|info))|keep (?:it )?up the (?:good|great|nice) work|keep (?:on )?(?:writing|posting|it "
    r"up)|(?:i will|i'll|i am going to|i'm going to|will) (?:definitely |surely )?(?:bookmark|come back|be back|"
    r"return|revisit)|bookmark(?:ed)? (?:your|this) (?:site|blog|page|website)|(?:your|this) (?:blog|site|website|"
    r"post|article) is (?:really |very |so )?(?:great|nice|good|awesome|amazing|helpful|informative|useful)|"
    r"stumbled upon (?:your|this)|(?:enjoyed|loved|liked) (?:reading )?(?:your|this) (?:post|article|blog)|"
    r"(?:found|find) (?:your|this) (?:blog|site|website|post) (?:via|through|on|from) (?:google|bing|yahoo))",
    re.IGNORECASE,
)
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_DATE = rf"(?:\d{{1,2}} {_MONTH},? \d{{4}}|{_MONTH} \d{{1,2}},? \d{{4}}|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}/\d{{1,2}}/\d{{2,4}})"
_COMMENT_HEADER_RE = re.compile(
    rf"^[\w .'’@-]{{1,40}}?\s+(?:says|said|wrote|writes|commented|replied)\s*:?"
    rf"(?:\s*(?:on\s+)?{_DATE}.*)?$|^[\w .'’@-]{{1,40}}?\s+(?:on|-|–|\|)\s+{_DATE}(?:\s+at\s+[\d:]+\s*(?:am|pm)?)?\s*:?$"
    r"|^(?:posted|comment) by [\w .'’@-]{1,40}$|^reply$",
    re.IGNORECASE,
)


class PageDetector(Detector):
    """Measures, and SEO102 for a template's stock sentences; see the module docstring."""

    name = "page"
    measure_names = (
        "top_phrase_heading_frac",
        "top_phrase_at_edges",
        "top_phrase_paragraph_frac",
        "url_per_100w",
        "link_line_frac",
        "praise_sentence_frac",
        "comment_header_frac",
    )

    def detect(self, doc: Document) -> DetectorResult:
        words = doc.words
        heading_frac, at_edges, paragraph_frac = _top_phrase_placement(doc)
        lines = [doc.text[start:end] for start, end in doc.lines]
        urls = len(_URL_RE.findall(doc.text)) + len(MD_LINK_RE.findall(doc.text))
        sentences = [doc.text[s.start : s.end] for s in doc.sentences]
        return DetectorResult(
            measures={
                "top_phrase_heading_frac": heading_frac,
                "top_phrase_at_edges": at_edges,
                "top_phrase_paragraph_frac": paragraph_frac,
                "url_per_100w": 100 * urls / max(1, len(words)),
                "link_line_frac": _share(lines, lambda line: bool(_URL_RE.search(line) or MD_LINK_RE.search(line))),
                "praise_sentence_frac": _share(sentences, lambda sentence: bool(_PRAISE_RE.search(sentence))),
                "comment_header_frac": _share(lines, lambda line: bool(_COMMENT_HEADER_RE.match(_strip_markup(line)))),
            },
            findings=template_phrase_findings(doc, get_lexicon().stopwords),
        )


def _top_phrase_placement(doc: Document) -> tuple[float, float, float]:
    """Shares of headings and of paragraphs holding the top phrase, and whether it is in the first
    and the last paragraph (0, 0.5 or 1)."""
    phrase = _top_phrase(doc)
    if phrase is None:
        return 0.0, 0.0, 0.0
    pattern = re.compile(rf"\b{re.escape(phrase)}\b", re.IGNORECASE)
    blocks = [doc.blocks[i] for i in doc.prose_blocks]
    headings = [b for b in blocks if b.kind in _HEADING_KINDS]
    paragraphs = [b for b in blocks if b.kind == "paragraph"]
    in_heading = [bool(pattern.search(doc.masked[b.start : b.end])) for b in headings]
    in_paragraph = [bool(pattern.search(doc.masked[b.start : b.end])) for b in paragraphs]
    heading_frac = sum(in_heading) / len(headings) if headings else 0.0
    paragraph_frac = sum(in_paragraph) / len(paragraphs) if paragraphs else 0.0
    edges = [in_paragraph[0], in_paragraph[-1]] if len(paragraphs) >= 2 else in_paragraph
    return heading_frac, sum(edges) / 2, paragraph_frac


def _top_phrase(doc: Document) -> str | None:
    """The most repeated 2-3 word run of the page that starts and ends with a content word
    (at least three times; longer runs win ties)."""
    stopwords = get_lexicon().stopwords
    low = [w.lower for w in doc.words]
    ids: dict[str, int] = {}
    word_id = np.array([ids.setdefault(word, len(ids)) for word in low], dtype=np.int64)
    block = np.array([w.block for w in doc.words], dtype=np.int64)
    # A run may start and end only on a content word of letters; all runs are counted at once,
    # as integer keys, and only the runs seen three times are spelled out.
    edge = np.array([word.isalpha() and word not in stopwords for word in low], dtype=bool)
    ranked = []
    for n in (2, 3):
        if len(low) < n:
            continue
        starts = len(low) - n + 1
        # A phrase never crosses a block (blocks are contiguous, so first and last decide).
        keep = np.flatnonzero(edge[:starts] & edge[n - 1 :] & (block[:starts] == block[n - 1 :]))
        key = np.zeros(len(keep), dtype=np.int64)
        for k in range(n):
            key = key * len(ids) + word_id[keep + k]
        _, first, count = np.unique(key, return_index=True, return_counts=True)
        for at, c in zip(keep[first[count >= 3]].tolist(), count[count >= 3].tolist()):
            ranked.append((c * n, tuple(low[at : at + n])))
    if not ranked:
        return None
    return " ".join(max(ranked)[1])


def _strip_markup(line: str) -> str:
    return line.strip().strip("*_#>-• ").strip()


def _share(items: list[str], test) -> float:
    return sum(1 for item in items if test(item)) / len(items) if items else 0.0
