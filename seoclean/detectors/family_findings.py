"""The SEO102 findings of a keyphrase family, and the slots that echo a phrase found planted.

``slot_finding`` words every SEO102 finding ``keyword_family`` makes; ``taken`` spans (a list the
caller shares between its steps) keep two findings off the same text.
"""

from __future__ import annotations

from seoclean.detectors.base import make_finding
from seoclean.detectors.keyword_insertions import InsertionFinder
from seoclean.detectors.keyword_seeds import MIN_QUERY_WORDS, holds_seed
from seoclean.detectors.keyword_slots import MAX_SLOT_WORDS, Slots
from seoclean.detectors.search_terms import modifiers_in
from seoclean.detectors.standalone_repeats import unjoined_tail
from seoclean.document import WORD_RE, Document
from seoclean.findings import Finding

_WHERE = {
    "title": "the title is a template built around the keyphrase",
    "heading": "it stands as a heading of its own",
    "tail": "it is tacked onto a heading",
    "fragment": "it stands as a sentence of its own",
    "bold": "it is bolded into a sentence it does not belong to",
    "item": "it is a list item of its own",
    "sentence": "the sentence reads on without it",
}


def slot_finding(doc: Document, kind: str, start: int, end: int, words: tuple[str, ...]) -> Finding:
    where = _WHERE[kind]
    phrase = " ".join(words)
    evidence = {"phrase_words": len(words), "modifiers": len(modifiers_in(words)), "in_title": float(kind == "title")}
    if kind == "title":
        # Deleting a title leaves the page without one, and the writer's own title cannot be
        # recovered from the template: the fix is a new title, which only the writer can give.
        message = f"'{phrase}' is a planted keyphrase variant: {where}; write a title of your own"
        return make_finding(doc, "SEO102", start, end, message, suggestion=None, evidence=evidence)
    message = f"'{phrase}' is a planted keyphrase variant: {where}; delete it"
    return make_finding(doc, "SEO102", start, end, message, suggestion="", evidence=evidence)


def overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


def phrase_words(text: str) -> tuple[str, ...]:
    return tuple(m.group().lower() for m in WORD_RE.finditer(text))


def planted_phrases(findings: list[Finding]) -> set[tuple[str, ...]]:
    """The phrases reported planted (SEO102), as word tuples."""
    return {phrase_words(f.text) for f in findings if f.rule == "SEO102"}


def echoes(
    doc: Document, slots: Slots, planted: set, taken: list, reported: set, finder: InsertionFinder
) -> list[Finding]:
    """Slots that repeat a phrase reported planted elsewhere (a title built around it, a heading)."""
    planted = {p for p in planted if 2 <= len(p) <= MAX_SLOT_WORDS}
    # A heading's tail that opens like a planted phrase of three or more words, cased unlike its
    # heading, is another variant of it ("## 5. Go through every line - Bank Statement Payment"
    # beside "Bank Statement Fraud Services"; "re — Regular expression operations" is a title).
    cores = {p[:2] for p in planted | reported if MIN_QUERY_WORDS <= len(p) <= MAX_SLOT_WORDS}
    found = []
    for slot in slots.slots:
        if overlaps(taken, slot.start, slot.end) or slot.kind in ("fragment",):
            continue
        if (
            slot.words in planted
            or (slot.kind == "title" and holds_seed(slot.words, planted))
            or (slot.kind == "tail" and slot.words[:2] in cores and finder.case_breaks(slot, slots))
        ):
            taken.append((slot.start, slot.end))
            found.append(slot_finding(doc, slot.kind, slot.start, slot.end, slot.words))
        elif (
            slot.kind == "heading"
            and (tail := unjoined_tail(doc, slot, planted | reported, finder.lex))
            and not overlaps(taken, tail[0], tail[1])
        ):
            taken.append(tail[:2])
            found.append(slot_finding(doc, "tail", *tail))
    return found
