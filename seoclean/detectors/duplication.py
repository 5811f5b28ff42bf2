"""The duplication detector (SEO401-SEO406): repeated headings, lines, paragraphs and sentences,
near-duplicate paragraphs, and a page title repeated in the body.

Text is compared by its words (lowercase, punctuation and spacing ignored). The second and every
later copy is reported, with the line of the first copy in the evidence; the first copy stays,
unless it is a near-copy that shows the rewording and the later one is its original
(``near_copies``).
Short units (under four words: "Ingredients", "Step 1", "Read more") legitimately repeat and are
left to the boilerplate rules. In plain text laid out one element per line, a short line of its own
(a note, a caption, a credit: ``duplicate_units.label_spans``) said again as a line of its own is a
label repeated by design, as a list item is in Markdown; it is reported only right below itself.

The units compared come from ``duplicate_units``; near-copies are found by ``near_copies``
(word-3-gram Jaccard similarity, reordered or dropped sentences, synonyms swapped in), title
copies by ``title_copies`` (in plain text, which marks no title, also the one header line the body
says again as a line of its own), lines pasted onto the end of other lines by ``glued_lines``,
lines said again right below themselves by ``adjacent_lines`` and sentence copies by
``repeated_sentences``. A lead-in (a line ending in ":") said again among the items it
introduces was pasted there. A repeat among the same neighbours as its original (a reference
page's note under each entry, a footer repeating the header: ``repeat_context``) is the page's
mould, not a copy, and is not reported; so is a navigation bar printed above and below the body,
or a row inside a table (``page_frame``).
"""

from __future__ import annotations

from seoclean.detectors.adjacent_lines import adjacent_copies
from seoclean.detectors.base import Detector, DetectorResult, make_finding
from seoclean.detectors.duplicate_units import Unit, Units, cut_units, ends_sentence, is_list_item
from seoclean.detectors.glued_lines import glued_lines
from seoclean.detectors.near_copies import NearCopies, Span
from seoclean.detectors.repeat_context import RepeatContext
from seoclean.detectors.repeated_sentences import sentence_copies
from seoclean.detectors.title_copies import title_copies
from seoclean.document import Document
from seoclean.findings import Finding

Labels = frozenset[tuple[int, int]]
LEAD_IN_MAX_ITEMS = 6  # items one lead-in introduces that may stand between it and its pasted repeat


class DuplicationDetector(Detector):
    """Repeats inside one document.

    Args:
        min_words: shortest heading, line or paragraph that counts as a repeat (4).
        near_duplicate_threshold: shingle Jaccard similarity from which two paragraphs are
            near-duplicates (0.7). None turns SEO404 off.
        near_duplicate_min_words: shortest paragraph compared for near-duplicates (12).
        shingle_words: words per shingle (3: one changed word breaks only three shingles).
        title_min_words: shortest title whose repetition in the body is reported (2: a page rarely
            names its own title again as a heading or a line of its own; list items naming it are a
            table of contents and are left alone). None: off.
        sentence_min_words: shortest sentence whose repetition inside other text is reported (5).
            None turns SEO406 off.
        reordered_sentences: also report as SEO404 a paragraph made of an earlier one's sentences
            in another order (``reordered_copies``), which shingles miss (True).
    """

    name = "duplication"
    measure_names = (
        "dup_heading_count",
        "dup_line_count",
        "dup_paragraph_count",
        "near_dup_paragraph_count",
        "title_in_body_count",
        "dup_line_char_frac",
        "dup_paragraph_char_frac",
        "near_dup_char_frac",
    )

    def __init__(
        self,
        *,
        min_words: int = 4,
        near_duplicate_threshold: float | None = 0.7,
        near_duplicate_min_words: int = 12,
        shingle_words: int = 3,
        title_min_words: int | None = 2,
        sentence_min_words: int | None = 5,
        reordered_sentences: bool = True,
    ) -> None:
        self.min_words = min_words
        self.near_duplicate_threshold = near_duplicate_threshold
        self.near_duplicate_min_words = near_duplicate_min_words
        self.shingle_words = shingle_words
        self.title_min_words = title_min_words
        self.sentence_min_words = sentence_min_words
        self.reordered_sentences = reordered_sentences

    def detect(self, doc: Document) -> DetectorResult:
        units = cut_units(doc)
        near, originals = self._near_duplicates(doc, units, RepeatContext(doc, self.min_words))
        # a near-copy next to a repeat is part of the paste, never a sign of the page's mould
        context = RepeatContext(doc, self.min_words, pasted=tuple((f.start, f.end) for f in near))
        # copies of the title are SEO405's, not SEO401-403's
        title = title_copies(doc, units, self.title_min_words, context) if self.title_min_words is not None else []
        title_words = units.title.words if units.title and self.title_min_words is not None else None
        kept = [[u for u in group if u.words != title_words] for group in (units.headings, units.paragraphs)]
        # a bulleted heading-like line is a table-of-contents entry, which the section's heading repeats
        headings = [u for u in kept[0] if not is_list_item(doc, u)]
        headings = [u for previous, u in zip([None, *headings], headings) if not _header_row(doc, previous, u)]
        headings = self._exact_repeats(doc, headings, "SEO401", "heading", None, context)
        paragraphs = self._exact_repeats(doc, kept[1], "SEO403", "paragraph", "", context, units.labels)
        lines = self._line_repeats(doc, units, title_words, paragraphs + title, context)
        lines += self._glued_lines(doc, units.headings + units.lines, headings + paragraphs + lines + title)
        # the sentences of a near-copy and of an original kept below it are the pair's, not copies of their own
        covered = [*headings, *paragraphs, *lines, *near, *originals, *title]
        sentences = self._sentence_repeats(doc, covered, units.labels, context)
        main_chars = sum(u.end - u.start for u in units.paragraphs + units.headings) or 1
        measures = {
            "dup_heading_count": len(headings),
            "dup_line_count": len(lines),
            "dup_paragraph_count": len(paragraphs),
            "near_dup_paragraph_count": len(near),
            "title_in_body_count": len(title),
            "dup_line_char_frac": _chars(lines) / main_chars,
            "dup_paragraph_char_frac": _chars(paragraphs) / main_chars,
            "near_dup_char_frac": _chars(near) / main_chars,
        }
        findings = sorted(headings + paragraphs + lines + near + title + sentences, key=lambda f: (f.start, f.rule))
        return DetectorResult(findings=findings, measures=measures)

    # -- exact repeats (SEO401-SEO403) -------------------------------------------------------
    def _exact_repeats(
        self,
        doc: Document,
        units: list[Unit],
        code: str,
        what: str,
        suggestion,
        context: RepeatContext,
        labels: Labels = frozenset(),
    ) -> list[Finding]:
        """Later copies of ``units``; a label (``label_spans``) said again as a label is not one,
        nor is a repeat among the same neighbours as its original (``repeat_context``): a
        reference page's note under each entry, or its footer repeating its header, nor a note
        in one of the page's formulas (``RepeatContext.formula``)."""
        first_seen: dict[tuple[str, ...], Unit] = {}
        findings = []
        for unit in units:
            if not self._comparable(unit, what):
                continue
            first = first_seen.setdefault(unit.words, unit)
            if first is unit or not self._same_kind_of_copy(first, unit, labels, context):
                continue
            if context.honest((unit.start, unit.end), (first.start, first.end)):
                continue
            first_line = doc.position(first.start)[0]
            message = f"this {what} repeats the {what} on line {first_line}"
            evidence = {"first_line": first_line, "words": len(unit.words)}
            findings.append(
                make_finding(doc, code, unit.start, unit.end, message, suggestion=suggestion, evidence=evidence)
            )
        return findings

    @staticmethod
    def _same_kind_of_copy(first: Unit, unit: Unit, labels: Labels, context: RepeatContext) -> bool:
        """Whether ``unit`` may be a copy of ``first`` at all: a lead-in said again in another section
        opens that section alike ("Here is what is happening:"), a label said again as a label is
        the page's layout; a lead-in said twice in one section, label or not, was pasted there.
        Plain text marks no sections, but a lead-in said again among the items it introduces
        (``_among_its_items``) is in its own section."""
        if first.lead_in:
            return context.same_section((unit.start, unit.end), (first.start, first.end)) or _among_its_items(
                context.text, first, unit
            )
        return not ((first.start, first.end) in labels and (unit.start, unit.end) in labels)

    def _comparable(self, unit: Unit, what: str) -> bool:
        if len(unit.words) < self.min_words:
            return False
        if what == "heading":  # headings are unpunctuated; a number makes them a label ("Day 2 ...")
            return not any(w[:1].isdigit() for w in unit.words)
        return unit.prose

    def _line_repeats(
        self, doc: Document, units: Units, title_words, reported: list[Finding], context: RepeatContext
    ) -> list[Finding]:
        """Repeated lines, except those a repeated paragraph or a title copy already covers (a
        one-line paragraph is both a line and a paragraph: it is reported once, as a paragraph).
        Lines naming the title are left to SEO405, unless one stands right below itself: a table of
        contents names the title once. A label said again is only reported right below itself."""
        lone = [u for u in units.lines if not _inside_any(u, reported)]
        others = [u for u in lone if u.words != title_words]
        found = self._exact_repeats(doc, others, "SEO402", "line", "", context, units.labels)
        headings = frozenset(u.words for u in [*units.headings, *([units.title] if units.title else [])])
        adjacent = adjacent_copies(doc, lone, found, headings, self.min_words)
        # a page's note formula ("New in version 3.7.") doubled where the text lost the entry between
        return found + [f for f in adjacent if not context.formula((f.start, f.end), times=2)]

    def _glued_lines(self, doc: Document, lines: list[Unit], reported: list[Finding]) -> list[Finding]:
        """Whole lines pasted onto the end of other lines (``glued_lines``), outside reported units."""
        ordered = sorted(lines, key=lambda u: u.start)  # the first of two equal lines is the one cited
        return [f for f in glued_lines(doc, ordered, self.min_words) if not _overlaps_any(f, reported)]

    # -- repeated sentences (SEO406) -----------------------------------------------------------
    def _sentence_repeats(
        self, doc: Document, reported: list[Finding | Span], labels: Labels, context: RepeatContext
    ) -> list[Finding]:
        """Copies of a sentence tacked on at the end of a paragraph, standing as one, or glued
        after a label (``repeated_sentences``), outside reported units; a label said again as a
        label is none."""
        if self.sentence_min_words is None:
            return []
        return sentence_copies(doc, self.sentence_min_words, reported, labels, context)

    def _near_duplicates(self, doc: Document, units: Units, context: RepeatContext) -> tuple[list[Finding], list[Span]]:
        """SEO404 near-copies (``near_copies``) and the originals kept below their copies."""
        if self.near_duplicate_threshold is None:
            return [], []
        finder = NearCopies(self.near_duplicate_threshold, self.near_duplicate_min_words, self.shingle_words)
        return finder.find(doc, units.paragraphs, units.lines, context, reordered=self.reordered_sentences)


def _header_row(doc: Document, previous: Unit | None, unit: Unit) -> bool:
    """A short line said again on the very next line is not a section heading but a table's header
    row (extracted text loses the cells: "Pos Player Plays Yards" above each team's rows)."""
    if previous is None or previous.words != unit.words:
        return False
    return doc.text[previous.end : unit.start].count("\n") == 1


def _among_its_items(text: str, first: Unit, unit: Unit) -> bool:
    """Whether only a few items (``LEAD_IN_MAX_ITEMS`` lines, none a sentence) stand between a
    lead-in and its repeat: one lead-in introduces one run of items, and a page that says it again
    ("Here is what is happening:" under each example) has said something in between."""
    between = [line.strip() for line in text[first.end : unit.start].splitlines() if line.strip()]
    return 0 < len(between) <= LEAD_IN_MAX_ITEMS and not any(
        ends_sentence(line) or line.endswith(":") for line in between
    )


def _overlaps_any(finding: Finding, findings: list[Finding]) -> bool:
    return any(f.start < finding.end and finding.start < f.end for f in findings)


def _inside_any(unit: Unit, findings: list[Finding]) -> bool:
    return any(f.start <= unit.start and unit.end <= f.end for f in findings)


def _chars(findings: list[Finding]) -> int:
    return sum(f.end - f.start for f in findings)
