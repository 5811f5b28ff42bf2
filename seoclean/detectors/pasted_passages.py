"""Passages pasted in from other articles (scraped mash-ups): which paragraphs, and how sure.

A paragraph is *off-topic* when it names its own subject (at least six rare words), shares almost
nothing with the article's core or its title and headings (both similarities under 0.03; see
``topic_profile``), and follows another paragraph of prose, as pasted passages do: the first
paragraph under a heading or one among one-line entries is the entry of a listicle, FAQ, glossary
or option list. One such paragraph is how honest asides, sidebars and quotes look, and so are two
paragraphs of one digression. A mash-up pastes passages from several articles: the finding needs
off-topic paragraphs on at least two *unrelated* topics (off-topic paragraphs that share words are
one topic), together at most a fifth of the paragraphs' words (past that the page is a collection
of entries, not an article with pastes) and at least 8% of the paragraphs (a long manual has a few
odd paragraphs by chance: without this, 29 of 396 real documentation pages got findings).

Measured on the train split (1,778 clean and hard-negative rows, 184 mash-ups with 752 pasted
paragraphs): 25 mash-ups get findings, 55 pasted paragraphs found and 5 host paragraphs wrongly,
and 1 negative row (a listicle) gets findings; on the dev split (406 negatives, 37 mash-ups): 3
mash-ups, 4 pasted paragraphs and 3 host paragraphs, no negative row; on 396 real documentation
pages (``scripts/eval_real_prose.py``) and 627 unseen Python and Debian pages, none. The listicle
is no longer reported: a paragraph opening on a bold label is an entry (``coherence``). The rewrite
deletes only on pages with three or more, and only the least similar (``CleanPolicy``). Recall is
low: half the pasted paragraphs have fewer than six rare words, and a third share some vocabulary
with the host (scrapers paste from articles of the same genre too).
"""

from __future__ import annotations

from dataclasses import dataclass

from seoclean.detectors.topic_profile import ParagraphTopic, cosine, linked_groups

MIN_RARE_WORDS = 6
MAX_SIMILARITY = 0.03
SAME_TOPIC_SIMILARITY = 0.05
MIN_TOPICS = 2
MAX_WORD_SHARE = 0.2  # off-topic paragraphs past a fifth of the words: a collection, not an article
MIN_PARAGRAPH_SHARE = 0.08  # fewer, on a long page, is the odd paragraph any long text has


@dataclass(frozen=True, slots=True)
class PastedPassages:
    """The off-topic paragraphs of a page and the number of unrelated topics among them."""

    paragraphs: tuple[ParagraphTopic, ...]
    topics: int
    word_share: float  # of the words of all paragraphs compared
    paragraph_share: float  # of the paragraphs compared

    @property
    def is_mashup(self) -> bool:
        return (
            self.topics >= MIN_TOPICS
            and self.word_share <= MAX_WORD_SHARE
            and self.paragraph_share >= MIN_PARAGRAPH_SHARE
        )


def off_topic(paragraph: ParagraphTopic, kind: str) -> bool:
    """A prose paragraph with its own subject, unrelated to the page, that follows another paragraph
    of prose, as a scraper pastes one: not a list item or quote, nor the first under a heading or
    among one-line entries (a listicle's, a glossary's, a reference page's entries)."""
    return (
        kind == "paragraph"
        and paragraph.follows_paragraph
        and paragraph.heading_above is None
        and paragraph.rare_words >= MIN_RARE_WORDS
        and paragraph.core < MAX_SIMILARITY
        and paragraph.headings < MAX_SIMILARITY
    )


def pasted_passages(paragraphs: list[ParagraphTopic], kinds: list[str]) -> PastedPassages:
    """The off-topic paragraphs among ``paragraphs`` (``kinds``: each one's block kind)."""
    chosen = [p for p, kind in zip(paragraphs, kinds) if off_topic(p, kind)]
    words = sum(p.words for p in paragraphs)
    share = sum(p.words for p in chosen) / words if words else 0.0
    paragraph_share = len(chosen) / len(paragraphs) if paragraphs else 0.0
    return PastedPassages(tuple(chosen), _topic_count(chosen), share, paragraph_share)


def _topic_count(paragraphs: list[ParagraphTopic]) -> int:
    """Groups of paragraphs linked by a similarity of at least ``SAME_TOPIC_SIMILARITY``."""
    groups = linked_groups(
        len(paragraphs),
        lambda i, j: cosine(paragraphs[i].profile, paragraphs[j].profile) >= SAME_TOPIC_SIMILARITY,
    )
    return len(set(groups))
