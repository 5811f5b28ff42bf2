"""Document shape: length, headings, lists, sentence and paragraph lengths, heading casing.

No finding is ever reported here: a short text or a list-heavy page is not spam in itself. The
measures are context for the classifier, so it can tell a glossary's short repeated lines or a
product page's lists from stuffing, and weigh per-100-word rates by how much text they rest on.

``mixed_case_heading_frac`` is the share of headings of four or more words that mix Title Case
with lowercase content words ("The Only Hand hygiene during vomiting company Guide You Need"): how
a keyphrase pasted verbatim into a title template looks, and rare in edited headings.
"""

from __future__ import annotations

import math
from collections import defaultdict

from seoclean.detectors.base import Detector, DetectorResult
from seoclean.document import Document
from seoclean.lexicon import get_lexicon

_HEADING_KINDS = frozenset({"heading", "title"})


class ShapeDetector(Detector):
    """Measures only; see the module docstring."""

    name = "shape"
    measure_names = (
        "log_words",
        "heading_block_frac",
        "list_block_frac",
        "mean_sentence_words",
        "mean_block_words",
        "mixed_case_heading_frac",
    )

    def detect(self, doc: Document) -> DetectorResult:
        words, sentences = doc.words, doc.sentences
        prose = [doc.blocks[i] for i in doc.prose_blocks]
        blocks_with_words = len({w.block for w in words}) or 1
        return DetectorResult(
            measures={
                "log_words": math.log1p(len(words)),
                "heading_block_frac": _share(prose, _HEADING_KINDS),
                "list_block_frac": _share(prose, frozenset({"list_item"})),
                "mean_sentence_words": len(words) / len(sentences) if sentences else 0.0,
                "mean_block_words": len(words) / blocks_with_words,
                "mixed_case_heading_frac": _mixed_case_share(doc),
            }
        )


def _mixed_case_share(doc: Document) -> float:
    lex = get_lexicon()
    by_block: dict[int, list[str]] = defaultdict(list)
    for word in doc.words:
        if doc.blocks[word.block].kind in _HEADING_KINDS:
            by_block[word.block].append(word.text)
    headings = [words[1:] for words in by_block.values() if len(words) >= 4]  # the first word is always capitalised
    mixed = 0
    for words in headings:
        capitalised = sum(w[0].isupper() for w in words)
        lowercase_content = sum(w[0].islower() and w.isalpha() and not lex.is_stopword(w) for w in words)
        mixed += capitalised >= 2 and lowercase_content >= 1
    return mixed / len(headings) if headings else 0.0


def _share(blocks: list, kinds: frozenset[str]) -> float:
    return sum(block.kind in kinds for block in blocks) / len(blocks) if blocks else 0.0
