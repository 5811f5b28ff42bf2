"""Findings -> edits, rule family by rule family (``CleanPolicy`` says which findings may edit).

- Keyword stuffing: SEO102 (a keyphrase wedged into or appended to a sentence, or standing as its
  own line) and SEO105 (a line of keyword variants) are deleted. SEO101 alone never deletes: a
  phrase being frequent says nothing about which occurrence to drop; SEO102 decides that per
  occurrence. SEO103/SEO104 only advise.
- Duplication: the later copies of repeated lines, paragraphs and titles and near-copies of
  paragraphs and repeated sentences (SEO402-SEO406) are deleted; the first copy stays (of two
  near-copies, the one that is not reworded: ``near_copies``); a repeated quotation standing as
  a block is a pull quote and stays, and a repeated line the boilerplate rules call page chrome is
  left to the boilerplate policy. Copies tacked on one after the other become one deletion,
  repaired as one. On a page with no other spam, a reference page's note said under several of
  its entries ("This is a read-only attribute.") stays, as do a table of contents repeated in a
  sidebar and the fields list entries share (a bibliography's publishers): ``repeat_policy``.
- Boilerplate (SEO3xx): deleted on pages that carry platform lines (report-abuse links, "powered
  by"/"create your own free blog" host footers: ``evidence["platform"]``), which mark a post on a
  spam platform. Ordinary site chrome on a legitimate page (menus, share buttons, newsletter
  boxes) is the page's own and is kept unless ``boilerplate="always"``.
- Comment spam (SEO501): a spam comment of the page's thread is deleted whole, header and body;
  the thread's genuine comments stay.
- Scraped mash-ups (SEO407): passages pasted from other articles are deleted only on a page with at
  least ``mashup_min_passages`` of them (3), and only those sharing least with the article
  (similarity under ``mashup_max_similarity``): two off-topic paragraphs are still how an honest
  page with a sidebar and an aside can look, and a host paragraph near the finding's threshold is
  more often the article's own.
- Spin (SEO2xx): a finding's suggestion restores the original wording when its confidence reaches
  ``spin_min_confidence`` and the document is corroborated as spun (several such findings at a
  rate no honest text shows); spintax residue (SEO205) is proof by itself. SEO204 only changes
  case and is never applied.

Code blocks, front matter and raw markup are never edited, whatever a finding says.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from seoclean.document import Document
from seoclean.findings import Finding
from seoclean.rewrite.edits import Edit, resolve_edits
from seoclean.rewrite.repair import absorb_blank_lines, widen_deletion
from seoclean.rewrite.repeat_policy import without_entry_notes

STUFFING_DELETIONS = frozenset({"SEO102", "SEO105"})
COMMENT_DELETIONS = frozenset({"SEO501"})
DUPLICATE_DELETIONS = frozenset({"SEO402", "SEO403", "SEO404", "SEO405", "SEO406"})
SPIN_RESTORATIONS = frozenset({"SEO201", "SEO202", "SEO203", "SEO205", "SEO206"})
MASHUP_DELETIONS = frozenset({"SEO407"})
SELF_EVIDENT_SPIN = frozenset({"SEO205"})  # spintax "{a|b|c}" left in a page proves itself
BOILERPLATE_MODES = ("platform", "always", "never")
MIN_SECTION_COPIES = 3
MIN_GLUED_SENTENCES = 2
_OPENING_QUOTES = "\"“‘'«"


@dataclass(frozen=True, slots=True)
class CleanPolicy:
    """Which findings become edits.

    Args:
        stuffing: delete SEO102/SEO105 occurrences.
        duplicates: delete later copies (SEO402-SEO406).
        comments: delete spam comments (SEO501).
        boilerplate: ``"platform"`` (default) deletes SEO3xx lines on pages with platform lines,
            ``"always"`` on every page, ``"never"`` keeps them.
        spin_min_confidence: a spin finding's ``evidence["confidence"]`` must reach this to be
            applied (0.55: on the dev split, 76% of the edits then restore exactly what the spinner
            replaced). None turns spin restoration off.
        spin_min_findings, spin_min_per_100_words: the document must hold at least this many
            applicable spin findings, at least this many per 100 words (3 and 0.2): one unusual
            word in a long article is more often a writer's choice than a spinner's.
        spin_rules: the spin rules whose suggestions may be applied.
        mashup_min_passages: delete pasted passages (SEO407) on pages with at least this many
            (3: on the train and dev splits no clean or hard-negative page has that many); None
            keeps them.
        mashup_max_similarity: of those, delete the ones whose similarity to the article is under
            this (0.02: on the train and dev splits 22 pasted paragraphs and no host paragraph;
            at 0.03, the finding's own threshold, 25 and 4).
    """

    stuffing: bool = True
    duplicates: bool = True
    comments: bool = True
    boilerplate: str = "platform"
    spin_min_confidence: float | None = 0.55
    spin_min_findings: int = 3
    spin_min_per_100_words: float = 0.2
    spin_rules: frozenset[str] = field(default=SPIN_RESTORATIONS)
    mashup_min_passages: int | None = 3
    mashup_max_similarity: float = 0.02

    def __post_init__(self) -> None:
        if self.boilerplate not in BOILERPLATE_MODES:
            raise ValueError(f"boilerplate must be one of {BOILERPLATE_MODES}, not {self.boilerplate!r}")


def plan_edits(doc: Document, findings: Iterable[Finding], policy: CleanPolicy | None = None) -> list[Edit]:
    """The edits that clean ``doc``: resolved, repaired, none overlapping, sorted by position."""
    policy = policy or CleanPolicy()
    findings = [f for f in findings if f.suggestion is not None and _editable(doc, f)]
    chosen = _deletions(doc, findings, policy) + _restorations(doc, findings, policy)
    edits = _merge_deletions(doc.text, [_edit_for(doc.text, finding) for finding in chosen])
    edits = resolve_edits(edits)
    return resolve_edits(absorb_blank_lines(doc.text, edits))


def _merge_deletions(text: str, edits: list[Edit]) -> list[Edit]:
    """Overlapping deletions as one, repaired as one: two copies tacked on one after the other
    each take the space between them, and resolving the overlap would keep one for no reason."""
    deletions = sorted((e for e in edits if e.is_deletion), key=lambda e: (e.start, e.end))
    merged: list[Edit] = []
    for edit in deletions:
        merged.append(edit)
        # widening a merged deletion may reach back into the one before it: three copies in a row
        while len(merged) > 1 and _partly_overlap(merged[-2], merged[-1]):
            last = merged.pop()
            merged[-1] = _joined(text, merged[-1], last)
    return [e for e in edits if not e.is_deletion] + merged


def _partly_overlap(first: Edit, second: Edit) -> bool:
    return second.start < first.end and not first.covers(second) and not second.covers(first)


def _joined(text: str, first: Edit, second: Edit) -> Edit:
    """One deletion from the start of ``first`` to the end of ``second``, repaired as one."""
    start, end = min(first.start, second.start), max(first.end, second.end)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    start, end, replacement = widen_deletion(text, start, end)
    rule = first.rule if second.rule == first.rule else f"{first.rule}+{second.rule}"
    reason = first.reason if second.reason == first.reason else f"{first.reason}; {second.reason}"
    return Edit(start, end, replacement, rule, reason, max(first.priority, second.priority))


def _deletions(doc: Document, findings: list[Finding], policy: CleanPolicy) -> list[Finding]:
    chosen = []
    if policy.stuffing:
        chosen += [f for f in findings if f.rule in STUFFING_DELETIONS and f.suggestion == ""]
    if policy.duplicates:
        copies = _duplicate_deletions(doc.text, _content_copies(findings, bool(chosen)), bool(chosen))
        # a reference page's note said under each of its entries stays, unless the page shows other spam
        chosen += copies if chosen else without_entry_notes(doc, copies)
    if _delete_boilerplate(findings, policy):
        chosen += [f for f in findings if f.rule.startswith("SEO3") and f.suggestion == ""]
    if policy.comments:
        chosen += [f for f in findings if f.rule in COMMENT_DELETIONS and f.suggestion == ""]
    return chosen + _mashup_deletions(findings, policy)


def _mashup_deletions(findings: list[Finding], policy: CleanPolicy) -> list[Finding]:
    pasted = [f for f in findings if f.rule in MASHUP_DELETIONS and f.suggestion == ""]
    if policy.mashup_min_passages is None or len(pasted) < policy.mashup_min_passages:
        return []
    return [f for f in pasted if f.evidence.get("similarity", 1.0) < policy.mashup_max_similarity]


def _content_copies(findings: list[Finding], other_spam: bool) -> list[Finding]:
    """Copies to weigh. On a page with no other spam, a copyright or "follow us" line the
    boilerplate rules flag is the site's header and footer, repeated by design: whether it goes is
    the boilerplate policy's call. On a spam page a repeated call to action is padding."""
    chrome = [f for f in findings if f.rule.startswith("SEO3")] if not other_spam else []
    return [
        f
        for f in findings
        if f.rule in DUPLICATE_DELETIONS and not any(c.start < f.end and f.start < c.end for c in chrome)
    ]


def _duplicate_deletions(text: str, copies: list[Finding], other_spam: bool) -> list[Finding]:
    """Later copies to delete. Kept: pull quotes (a quotation repeated once by design), sections
    repeated whole in their order (a printable recipe card, a page template's second copy: not
    padding), and repeated sentences on a page that repeats nothing else and shows no other spam
    (an article's summary restating a point, a reader's comment posted twice), unless two
    different sentences were lifted from inside paragraphs and glued onto the ends of others or
    stood as paragraphs of their own."""
    sections = _repeated_sections(copies)
    said = Counter(f.text.lower() for f in copies)  # a pull quote repeats its quotation once, not twice
    kept = [f for f in copies if f.suggestion == "" and not (_pull_quote(f) and said[f.text.lower()] == 1)]
    kept = [f for f in kept if id(f) not in sections]
    blocks = [f for f in kept if f.rule != "SEO406"]
    lifted = {f.text.lower() for f in kept if f.rule == "SEO406" and _lifted_unquoted(text, f)}
    if blocks or other_spam or len(lifted) >= MIN_GLUED_SENTENCES:
        return kept
    return []


def _lifted_unquoted(text: str, finding: Finding) -> bool:
    """A sentence copy with other text before it on its line, or standing as a line of its own,
    with no quotation in it, of a sentence that sits inside its own paragraph (parallel entries of
    a reference page end alike by design)."""
    line_start = text.rfind("\n", 0, finding.start) + 1
    line_end = text.find("\n", finding.end)
    glued = bool(text[line_start : finding.start].strip())
    alone = not glued and not text[finding.end : len(text) if line_end < 0 else line_end].strip()
    quoted = any(q in finding.text for q in '"“”«»')  # single quotes are apostrophes too often
    in_flow = finding.evidence.get("original_in_flow", 0.0) > 0
    return (glued or alone) and not quoted and in_flow


def _pull_quote(finding: Finding) -> bool:
    """A quotation standing as a block of its own, with or without its attribution ("one owner
    told us"): a design element that repeats a line on purpose. A quoted sentence tacked onto
    another paragraph (SEO406) is not one, nor is a paragraph of reported speech that weaves two
    quotations together ("'I hoped,' said Akers. 'I'll never forget that.'"): a pull quote lifts one."""
    text = finding.text.strip().lstrip(">*_ ").rstrip("*_ ")
    quoted = text[:1] in _OPENING_QUOTES  # ending on a quotation is reported speech ('..., he said "...".')
    one_quotation = text.count('"') <= 2 and text.count("“") <= 1 and text.count("«") <= 1
    return finding.rule != "SEO406" and quoted and one_quotation


def _repeated_sections(copies: list[Finding]) -> set[int]:
    """Ids of copies that belong to a run of three or more adjacent copies whose originals sit in
    the same order and layout (each copy as far below the previous one as its original was)."""
    ordered = sorted((f for f in copies if "first_line" in f.evidence), key=lambda f: f.start)
    runs: list[list[Finding]] = []
    for finding in ordered:
        if runs and _continues(runs[-1], finding):
            runs[-1].append(finding)
        else:
            runs.append([finding])
    return {id(f) for run in runs if len(run) >= MIN_SECTION_COPIES for f in run}


def _continues(run: list[Finding], finding: Finding) -> bool:
    """Whether ``finding`` extends ``run``: as far below the run's last copy as its original is
    below the last original, and its original above the run (a section said again, not a list
    whose every entry is doubled right below itself)."""
    previous = run[-1]
    step = finding.line - previous.line
    in_step = 0 < step <= 2 and finding.evidence["first_line"] - previous.evidence["first_line"] == step
    return in_step and finding.evidence["first_line"] < run[0].line


def _delete_boilerplate(findings: list[Finding], policy: CleanPolicy) -> bool:
    if policy.boilerplate == "never":
        return False
    if policy.boilerplate == "always":
        return True
    return any(f.rule.startswith("SEO3") and f.evidence.get("platform", 0) > 0 for f in findings)


def _restorations(doc: Document, findings: list[Finding], policy: CleanPolicy) -> list[Finding]:
    if policy.spin_min_confidence is None:
        return []
    candidates = [
        f
        for f in findings
        if f.rule in policy.spin_rules
        and f.suggestion
        and f.evidence.get("confidence", 0.0) >= policy.spin_min_confidence
    ]
    proven = [f for f in candidates if f.rule in SELF_EVIDENT_SPIN]
    per_100_words = 100.0 * len(candidates) / max(doc.word_count, 1)
    if len(candidates) >= policy.spin_min_findings and per_100_words >= policy.spin_min_per_100_words:
        return candidates
    return proven


def _edit_for(text: str, finding: Finding) -> Edit:
    priority = int(finding.severity)
    if finding.suggestion == "":
        start, end, replacement = widen_deletion(text, finding.start, finding.end)
    else:
        start, end, replacement = finding.start, finding.end, finding.suggestion
    return Edit(start, end, replacement, finding.rule, finding.message, priority)


def _editable(doc: Document, finding: Finding) -> bool:
    """Only prose is edited: a finding must lie inside prose blocks (never code or front matter)."""
    for block in doc.blocks:
        if block.start < finding.end and finding.start < block.end and not block.is_prose:
            return False
    return finding.end > finding.start


__all__ = ["CleanPolicy", "plan_edits"]
