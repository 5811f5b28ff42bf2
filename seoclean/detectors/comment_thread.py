"""Where a page's comment thread is, and where each comment in it starts and ends.

A thread starts after a heading that announces it ("Comments", "3 thoughts on ...", "Leave a
reply", "12 Responses") or, without one, at the first comment header ("Name says:", "Name - 5 May
2021", "Name on March 3, 2024", "Posted by Name"). A page with neither has no thread, unless it
is a short page (up to 1,000 words) of short paragraphs before any section heading: a thread that
lost its markup, returned as ``announced=False`` so that the detector asks more of it.

Inside a thread a comment is a header and its body: the blocks up to the next header. Threads whose
comments carry headers also use bare names ("Tom W.", "Daniel Hughes") standing alone on a line as
headers. A thread without headers is one comment per paragraph, with a list that follows a
paragraph belonging to it (a link list under "See also:"). The thread ends at the next real
heading (Markdown or HTML) or at page furniture ("Comments are closed", a copyright line, "Read
next"); the last comment takes its first block and the list under it, never the page's footer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from seoclean.document import Block, Document

_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_DATE = (
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)? {_MONTH},? \d{{4}}|{_MONTH} \d{{1,2}}(?:st|nd|rd|th)?,? \d{{4}}"
    r"|\d{4}-\d{2}-\d{2}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4})"
)
_TIME = r"(?:,?\s+(?:at\s+)?\d{1,2}[:.]\d{2}\s*(?:am|pm)?)?"
_NAME = r"[\w .'’@-]{1,40}?"
# An article's byline ("By Ann Lee · 5 May 2021", "Updated 3 June 2022") is not a comment's header.
_NOT_AUTHOR = r"(?!(?:by|written by|reviewed by|edited by|updated|last updated|published|posted on|filed)\b)"
HEADER_RE = re.compile(
    rf"^{_NOT_AUTHOR}{_NAME}\s+(?:says|said|wrote|writes|commented|replied|asks|answered)\s*:?(?:\s*(?:on\s+)?{_DATE}{_TIME}.*)?$"
    rf"|^{_NOT_AUTHOR}{_NAME}\s+(?:on|-|–|—|\||·|,)\s+{_DATE}{_TIME}\s*:?$"
    rf"|^{_DATE}{_TIME}\s*(?:-|–|—|\||·|by)\s*{_NAME}\s*:?$"
    r"|^(?:posted|comment|reply) by [\w .'’@-]{1,40}$",
    re.IGNORECASE,
)
# "Comments" alone, or counted ("3 Responses", "One comment"): a bare "Responses", "Discussion" or
# "COMMENT" is as likely a section of a reference page (an API's responses, a token's name).
_COUNT = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)"
THREAD_HEADING_RE = re.compile(
    rf"^(?:(?:{_COUNT}\s+)?[Cc]omments|COMMENTS|{_COUNT}\s+(?:comments?|responses?|replies|reply|reactions?)"
    rf"|{_COUNT}\s+thoughts? on\b.*|(?:{_COUNT}\s+)?(?:thoughts?|responses?|comments?|replies) (?:on|to)\s+[\"“'‘].*"
    r"|leave a (?:comment|reply)|reader(?:s'?|'s)? (?:comments|responses|reactions)|what readers (?:say|think)"
    r"|join the (?:discussion|conversation)|comments \(\d+\)|(?:show|view|read) (?:all )?(?:\d+ )?comments)$",
    re.IGNORECASE,
)
# Page furniture that ends a thread.
_THREAD_END_RE = re.compile(
    r"^(?:comments are closed|leave a (?:reply|comment)\b|your email address will not be published|"
    r"post (?:a )?comment\b|add (?:a )?comment\b|©|\(c\) \d{4}|copyright\b|all rights reserved|more from\b|"
    r"related (?:posts|articles|stories|reading)|read next|you (?:may|might) also like|popular posts|"
    r"recent posts|tags?:|categories:|share this|subscribe\b|sign up\b|was this (?:article|page) helpful|"
    r"advertisement$|(?:we|this (?:web)?site) uses? .*cookies|.*\bmenu:)",
    re.IGNORECASE,
)
_BARE_NAME_RE = re.compile(r"^[^\W\d][\w'’-]*\.?(?: [^\W\d][\w'’-]*\.?){0,3}$")
_HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_MAX_HEADER_CHARS = 80
MAX_UNANNOUNCED_PARAGRAPHS = 15
MAX_UNANNOUNCED_WORDS = 1000  # a page of comments without their thread is short...
MAX_COMMENT_WORDS = 200  # ...and made of short paragraphs
# Plain text calls any short line without a full stop a heading: a comment ending in a link is one.
_UNANNOUNCED_KINDS = frozenset({"paragraph", "list_item", "heading"})


@dataclass(frozen=True, slots=True)
class Comment:
    """One comment: ``start``-``end`` is the whole comment (header and body), ``body_start``-``end``
    its text. ``linked_author`` is True when the author's name is a link (HTML or Markdown)."""

    start: int
    body_start: int
    end: int
    has_header: bool
    linked_author: bool = False


@dataclass(frozen=True, slots=True)
class Thread:
    """A comment thread: its comments, and where the article before it ends (0: no article)."""

    start: int
    article_end: int
    heading: str
    comments: tuple[Comment, ...]
    announced: bool = True  # False: a page of bare paragraphs, taken as comments for want of a thread


def find_thread(doc: Document) -> Thread | None:
    """The page's comment thread, or None when it has none (found once per document: several
    detectors ask)."""
    return doc.derived("comment_thread", _find_thread)


def _find_thread(doc: Document) -> Thread | None:
    blocks = [doc.blocks[i] for i in doc.prose_blocks]
    texts = [_plain(doc.text[b.start : b.end]) for b in blocks]
    first, heading = _thread_start(blocks, texts)
    region = _thread_region(blocks, texts, first) if first is not None else []
    comments = _segment(doc, blocks, texts, region) if region else []
    if not comments:  # no thread, or a "Join the discussion" box with nothing under it
        return _unannounced(doc, blocks, texts)
    article_end = blocks[first - 1].end if first > 0 else 0
    return Thread(blocks[region[0]].start, article_end, heading, tuple(comments))


def _thread_start(blocks: list[Block], texts: list[str]) -> tuple[int | None, str]:
    """Index of the first block of the thread and the heading that announced it ("" if none).
    The page's ``<title>`` is not a heading of the page: its ``<h1>`` repeats it where it belongs."""
    heading = next(
        (
            (index + 1, text)
            for index, text in enumerate(texts)
            if blocks[index].kind != "title"
            and "\n" not in text
            and THREAD_HEADING_RE.match(text)
            and index + 1 < len(texts)
        ),
        (None, ""),
    )
    header = next((index for index, text in enumerate(texts) if _is_header(_first_line(text))), None)
    if header is None or (heading[0] is not None and heading[0] <= header):
        return heading
    # Comments above the first "Name says:" may be headed by bare names: "Sarah", her comment.
    while header >= 2 and _is_bare_name(texts[header - 2]) and not _is_bare_name(texts[header - 1]):
        header -= 2
    return header, ""


def _thread_region(blocks: list[Block], texts: list[str], first: int) -> list[int]:
    """Indices of the thread's blocks: from ``first`` up to a real heading or page furniture."""
    region = []
    for index in range(first, len(blocks)):
        if THREAD_HEADING_RE.match(texts[index]):  # the <h1> under a <title> that said the same
            continue
        if blocks[index].tag in _HEADING_TAGS or _THREAD_END_RE.match(texts[index]):
            if region:
                break
            continue  # furniture between the heading and the first comment
        # Outside the main content only an author's (linked) name belongs to the thread.
        if blocks[index].in_main or _is_bare_name(texts[index]):
            region.append(index)
    return region


def _unannounced(doc: Document, blocks: list[Block], texts: list[str]) -> Thread | None:
    """A short page (up to 1,000 words) of short paragraphs (up to 200 words) with no thread
    heading and no comment header, before any section heading: a page of comments whose thread
    lost its markup, or a short note. Its paragraphs are offered as comments; the detector asks
    more of them than of an announced thread's."""
    # Up to the first section heading: what comes after one is an article's (or the footer's).
    end = next((i for i, b in enumerate(blocks) if b.tag in _HEADING_TAGS and b.tag != "h1"), len(blocks))
    region = [
        i
        for i, b in enumerate(blocks[:end])
        if b.in_main and b.kind in _UNANNOUNCED_KINDS and not _THREAD_END_RE.match(texts[i])
    ]
    comments = _segment(doc, blocks, texts, region) if region and doc.word_count <= MAX_UNANNOUNCED_WORDS else []
    if not comments or len(comments) > MAX_UNANNOUNCED_PARAGRAPHS:
        return None
    if any(len(doc.words_between(c.body_start, c.end)) > MAX_COMMENT_WORDS for c in comments):
        return None  # a long paragraph is an article's, not a comment
    return Thread(comments[0].start, 0, "", tuple(comments), announced=False)


def _segment(doc: Document, blocks: list[Block], texts: list[str], region: list[int]) -> list[Comment]:
    strong = [_is_header(_first_line(texts[i])) for i in region]
    bare = [blocks[i].kind != "list_item" and _is_bare_name(texts[i]) for i in region]
    # A name heads the block after it; two name-like lines in a row are a list, not two authors.
    names = [bare[k] and k + 1 < len(region) and not bare[k + 1] and not strong[k + 1] for k in range(len(region))]
    if not any(strong) and not _alternates(names):
        return _headerless(doc, blocks, region)
    heads = [s or n for s, n in zip(strong, names)]
    comments = []
    for k, index in enumerate(region):
        if not heads[k]:
            continue
        following = region[k + 1 :]
        stop = next((j for j, later in enumerate(following) if heads[k + 1 + j]), len(following))
        body = following[:stop] if stop < len(following) else _last_body(blocks, following)
        comment = _comment(doc, blocks[index], texts[index], [blocks[i] for i in body])
        if comment is not None:
            comments.append(comment)
    return comments


def _alternates(names: list[bool]) -> bool:
    """Bare names alternating with bodies: at least two names, never two names in a row."""
    return sum(names) >= 2 and not any(a and b for a, b in pairwise(names))


def _last_body(blocks: list[Block], following: list[int]) -> list[int]:
    """The last comment's body: its first block and the list items right under it."""
    body = following[:1]
    for index in following[1:]:
        if blocks[index].kind != "list_item":
            break
        body.append(index)
    return body


def _comment(doc: Document, header: Block, header_text: str, body: list[Block]) -> Comment | None:
    lines = header_text.split("\n", 1)
    if len(lines) == 2 and _is_header(lines[0]):  # "Name says:" and the body in one block
        body_start = header.start + doc.text[header.start : header.end].index("\n") + 1
        end = body[-1].end if body else header.end
        return Comment(header.start, body_start, end, True, _linked(doc, header, body_start))
    if not body:
        return None
    return Comment(header.start, body[0].start, body[-1].end, True, _linked(doc, header, header.end))


def _headerless(doc: Document, blocks: list[Block], region: list[int]) -> list[Comment]:
    """One comment per paragraph; list items belong to the paragraph above them."""
    groups: list[list[Block]] = []
    for index in region:
        block = blocks[index]
        if block.kind == "list_item" and groups:
            groups[-1].append(block)
        else:
            groups.append([block])
    return [Comment(g[0].start, g[0].start, g[-1].end, False) for g in groups]


def _linked(doc: Document, header: Block, end: int) -> bool:
    """The author's name is a link: an HTML link element, or a Markdown link on the header line."""
    return header.link_density > 0 or "](" in doc.text[header.start : end]


def _is_header(line: str) -> bool:
    return len(line) <= _MAX_HEADER_CHARS and bool(HEADER_RE.match(line))


def _is_bare_name(text: str) -> bool:
    """A name alone on a line: up to four words, no sentence punctuation but an initial's dot."""
    if "\n" in text or len(text) > 40 or not _BARE_NAME_RE.match(text):
        return False
    return not text.endswith(".") or len(text.split()[-1]) == 2


def _first_line(text: str) -> str:
    return text.split("\n", 1)[0].strip()


def _plain(text: str) -> str:
    """Block text without Markdown decoration: heading marks, emphasis, list bullets, link targets."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text.strip())
    return text.lstrip("#>*-•+ ").replace("**", "").replace("__", "").strip().strip("*_").strip()
