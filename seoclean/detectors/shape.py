"""Document shape: length, headings, lists, sentence and paragraph lengths.

No finding is ever reported here: a short text or a list-heavy page is not spam in itself. The
measures are context for the classifier, so it can tell a glossary's short repeated lines or a
product page's lists from stuffing, and weigh per-100-word rates by how much text they rest on.
"""

from __future__ import annotations

import math

from seoclean.detectors.base import Detector, DetectorResult
from seoclean.document import Document


class ShapeDetector(Detector):
    """Measures only; see the module docstring."""

    name = "shape"
    measure_names = (
        "log_words",
        "heading_block_frac",
        "list_block_frac",
        "mean_sentence_words",
        "mean_block_words",
    )

    def detect(self, doc: Document) -> DetectorResult:
        words, sentences = doc.words, doc.sentences
        prose = [doc.blocks[i] for i in doc.prose_blocks]
        blocks_with_words = len({w.block for w in words}) or 1
        return DetectorResult(
            measures={
                "log_words": math.log1p(len(words)),
                "heading_block_frac": _share(prose, {"heading", "title"}),
                "list_block_frac": _share(prose, {"list_item"}),
                "mean_sentence_words": len(words) / len(sentences) if sentences else 0.0,
                "mean_block_words": len(words) / blocks_with_words,
            }
        )


def _share(blocks: list, kinds: set[str]) -> float:
    return sum(block.kind in kinds for block in blocks) / len(blocks) if blocks else 0.0
