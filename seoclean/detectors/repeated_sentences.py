"""Copies of sentences glued onto other text (SEO406), for ``DuplicationDetector``.

A spammer repeats a sentence by tacking it onto the end of a paragraph, by standing it alone, or
by gluing it after a label or a heading ("**Rating: 4 out of 5** Here's what it's like."). The
copy that is part of a paragraph's flow stays; a copy that ends its line, or is followed on its
line only by other copies, is reported. A sentence restated inside paragraphs (a summary, a
quotation) is not a copy, nor is one that closes several of the page's entries alike
(``_closing_formula``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from seoclean.detectors.base import make_finding
from seoclean.detectors.repeat_context import DEFAULT_LABEL_WORDS, RepeatContext
from seoclean.document import Document, Sentence
from seoclean.findings import Finding

_CLOSERS = "\"'”’)]»"
_LIST_START_RE = re.compile(r"\s*(?:[-*+•]|\d{1,3}[.)])\s")
_TERMINAL = (".", "!", "?", "…", ":")  # a sentence that introduces a list ends in a colon
CLOSING_MIN_TIMES = 3  # a sentence said this often after other text of its entries ...
CLOSING_MIN_ENDINGS = 2  # ... and ending this many of them closes the page's entries alike


@dataclass(frozen=True, slots=True)
class Copy:
    """A copied sentence (or the copied tail of a sentence) and the occurrence that stays."""

    start: int
    end: int
    kept: Sentence
    words: int
    kept_in_flow: bool  # the occurrence that stays has text after it on its line


def sentence_copies(
    doc: Document,
    min_words: int,
    reported: list[Finding],
    labels: frozenset[tuple[int, int]] = frozenset(),
    context: RepeatContext | None = None,
) -> list[Finding]:
    """SEO406 findings for sentences of at least ``min_words`` words (see the module docstring).
    A sentence that is a whole label (a note on a line of its own: ``label_spans``) said again as
    a label is not a copy, nor is one among the same neighbours as the sentence it repeats (a
    parallel entry of a reference page: ``context``)."""
    context = context or RepeatContext(doc, DEFAULT_LABEL_WORDS)
    sentences = [s for s in doc.sentences if doc.blocks[doc.words[s.first_word].block].in_main]
    keys = [tuple(w.lower for w in doc.words[s.first_word : s.last_word]) for s in sentences]
    groups: dict[tuple[str, ...], list[int]] = {}
    for index, (sentence, key) in enumerate(zip(sentences, keys)):
        if len(key) >= min_words and _ends_like_a_sentence(doc.text, sentence.end):
            groups.setdefault(key, []).append(index)
    repeated = {i for group in groups.values() if len(group) >= 2 for i in group}
    tacked = {i for i in range(len(sentences)) if _tacked(doc.text, sentences, i, repeated)}
    copies: list[Copy] = []
    for key, group in groups.items():
        if len(group) < 2 or _closing_formula(doc, sentences, group, tacked, reported):
            continue
        kept = next((i for i in group if i not in tacked), group[0])
        copies += [
            Copy(sentences[i].start, sentences[i].end, sentences[kept], len(key), kept not in tacked)
            for i in group
            if i in tacked and i != kept
        ]
    copies += _glued_tails(doc, sentences, keys, groups, tacked, min_words)
    findings = []
    for copy in sorted(copies, key=lambda c: c.start):
        if any(f.start <= copy.start and copy.end <= f.end for f in reported) or _in_list_item(doc, copy.start):
            continue  # a list item that repeats a question or a heading is a table of contents
        if (copy.start, copy.end) in labels and (copy.kept.start, copy.kept.end) in labels:
            continue
        if context.honest((copy.start, copy.end), (copy.kept.start, copy.kept.end)):
            continue  # a parallel entry's sentence, or a note said under each entry it concerns
        first_line = doc.position(copy.kept.start)[0]
        message = f"this sentence repeats a sentence on line {first_line}"
        evidence = {"first_line": first_line, "words": copy.words, "original_in_flow": float(copy.kept_in_flow)}
        findings.append(make_finding(doc, "SEO406", copy.start, copy.end, message, suggestion="", evidence=evidence))
    return findings


def _closing_formula(
    doc: Document, sentences: list[Sentence], group: list[int], tacked: set[int], reported: list[Finding]
) -> bool:
    """Whether a sentence closes several of the page's entries alike: said ``CLOSING_MIN_TIMES``
    times outside reported copies, each time after other text of its own entry (a block), and
    ending ``CLOSING_MIN_ENDINGS`` of them ("A report option can suppress this column." under each
    column a manual describes). A spammer pastes a sentence once more after a paragraph it has
    nothing to do with, or several times in a row, and a pasted paragraph says its sentences again."""
    said = [i for i in group if not any(f.start <= sentences[i].start and sentences[i].end <= f.end for f in reported)]
    if len(said) < CLOSING_MIN_TIMES or sum(i in tacked for i in said) < CLOSING_MIN_ENDINGS:
        return False
    blocks = [doc.block_at(sentences[i].start) for i in said]
    if any(block is None for block in blocks) or len({block.start for block in blocks}) < len(said):
        return False
    return all(doc.text[block.start : sentences[i].start].strip() for block, i in zip(blocks, said))


def _tacked(text: str, sentences: list[Sentence], index: int, repeated: set[int]) -> bool:
    """Whether the sentence ends its line, or only copies of other sentences follow it there."""
    line_end = text.find("\n", sentences[index].end)
    line_end = len(text) if line_end < 0 else line_end
    cursor = sentences[index].end
    for following in range(index + 1, len(sentences)):
        if sentences[following].start >= line_end:
            break
        if following not in repeated:
            return False
        cursor = sentences[following].end
    if text[cursor:line_end].strip():
        return False
    if not text[:cursor].rstrip(_CLOSERS + "*_ ").endswith(":") or not text[line_end:].strip():
        return True
    # A sentence ending in a colon introduces what comes next. Above a list ("..., including:") or
    # on a line of its own ("The output is:" above each example of a tutorial) it is in the flow
    # of the text; tacked onto the end of another paragraph's sentences, it is a copy.
    line_start = text.rfind("\n", 0, sentences[index].start) + 1
    return not (_LIST_START_RE.match(text, line_end) or not text[line_start : sentences[index].start].strip())


def _glued_tails(doc, sentences, keys, groups, tacked: set[int], min_words: int) -> list[Copy]:
    """The tail of a sentence that is a whole sentence found elsewhere, glued on after a label or
    a heading without a full stop between: it starts with a capital, as the sentence it copies."""
    copies = []
    for index, (sentence, key) in enumerate(zip(sentences, keys)):
        if index not in tacked or len(key) <= min_words:
            continue
        for offset in range(1, len(key) - min_words + 1):
            word = doc.words[sentence.first_word + offset]
            if not word.text[:1].isupper():
                continue
            group = groups.get(key[offset:])
            kept = next((i for i in group or () if i != index), None)
            if kept is not None:
                copies.append(Copy(word.start, sentence.end, sentences[kept], len(key) - offset, kept not in tacked))
                break
    return copies


def _in_list_item(doc: Document, offset: int) -> bool:
    """Whether ``offset`` starts the text of a list item (after its marker)."""
    block = doc.block_at(offset)
    return (
        block is not None
        and block.kind == "list_item"
        and not doc.text[block.start : offset].strip(" \t-*+•0123456789.)")
    )


def _ends_like_a_sentence(text: str, end: int) -> bool:
    return text[:end].rstrip(_CLOSERS + "*_").endswith(_TERMINAL)


__all__ = ["sentence_copies"]
