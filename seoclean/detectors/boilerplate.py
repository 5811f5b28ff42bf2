"""SEO3xx: site and platform chrome glued around the content.

Works line by line on any document (for HTML every block is one line) with block features in the
spirit of jusText and Boilerpipe (Kohlschütter et al., 2010), computed in ``boilerplate_lines``:
length in words, stop-word density, ending punctuation, capitalised words, link density and
main-content flags (HTML), position in the document. Three decisions sit on top of them:

* navigation (SEO302): runs of short, capitalised, link-like lines that contain menu entries, menu
  entries joined by separators on one line, breadcrumb trails, link-dense HTML blocks;
* cue lines (``boilerplate_cues``): a whole short line that is a report, sign-up, login, cookie,
  copyright, comment-form (SEO301), call-to-action (SEO303) or share (SEO304) phrase;
* outside main content (SEO305): HTML blocks trafilatura did not keep that nothing above explains.

Measures (always all of them; features ``boilerplate__<name>``), over prose lines (for HTML, the
lines of the main content plus spam-platform lines anywhere; ``non_main_char_frac`` over all):
``boilerplate_line_frac`` / ``boilerplate_char_frac`` (lines / characters inside any SEO3xx finding),
``cue_line_count`` and ``cta_line_count`` (lines matching a cue / a call to action), ``nav_line_frac``
(lines in SEO302 findings), ``link_density_mean`` (character-weighted), ``non_main_char_frac``,
``short_line_frac`` (lines of at most 4 words), ``stopword_density`` (stop words per word) and
``end_punct_frac`` (lines ending like a sentence).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from seoclean.detectors.base import Detector, DetectorResult, make_finding
from seoclean.detectors.boilerplate_cues import CUE_FAMILY_BY_NAME, PLATFORM_RE
from seoclean.detectors.boilerplate_lines import Line, describe_lines
from seoclean.detectors.comment_thread import find_thread
from seoclean.document import Document
from seoclean.findings import Finding

_SHORT_LINE_WORDS = 4
# "Posted by Lucy Bell" heading each comment of a thread: the thread's content, not page chrome.
_BYLINE_RE = re.compile(r"(?:posted|written|commented|replied|reply|comment) by [\w .'’-]{1,40}", re.IGNORECASE)
_EDGE_LINE_WORDS = 6  # a bare line in a platform's header or footer: a name, a date, a count
_SHAPE_DESCRIPTIONS = {
    "menu_line": "menu entries joined by separators",
    "breadcrumb": "a breadcrumb trail",
    "share_row": "a row of share buttons",
}


class BoilerplateDetector(Detector):
    """Reports chrome lines and blocks; every finding suggests deleting them (``""``).

    ``nav_max_words``: longest line that can be a menu entry. ``nav_min_run``: fewest lines in a
    menu (one fewer at the very start or end of the document). ``nav_link_density``: HTML link
    density from which a short line reads as a link. ``report_outside_main=False`` turns SEO305 off.
    """

    name = "boilerplate"
    measure_names = (
        "boilerplate_line_frac",
        "boilerplate_char_frac",
        "cue_line_count",
        "cta_line_count",
        "nav_line_frac",
        "link_density_mean",
        "non_main_char_frac",
        "short_line_frac",
        "stopword_density",
        "end_punct_frac",
    )

    def __init__(
        self,
        *,
        nav_max_words: int = 5,
        nav_min_run: int = 3,
        nav_link_density: float = 0.7,
        report_outside_main: bool = True,
    ) -> None:
        self.nav_max_words = nav_max_words
        self.nav_min_run = nav_min_run
        self.nav_link_density = nav_link_density
        self.report_outside_main = report_outside_main

    def detect(self, doc: Document) -> DetectorResult:
        lines = _without_comment_bylines(
            doc, describe_lines(doc, nav_max_words=self.nav_max_words, nav_link_density=self.nav_link_density)
        )
        claimed: dict[int, str] = {}  # line index -> rule of the finding that covers it
        findings = self._navigation_findings(doc, lines, claimed)
        findings += _cue_findings(doc, lines, claimed)
        if self.report_outside_main:
            findings += _outside_main_findings(doc, lines, claimed)
        findings += _platform_edge_findings(doc, lines, claimed)
        findings.sort(key=lambda finding: (finding.start, finding.rule))
        return DetectorResult(findings, _measures(lines, claimed))

    # -- navigation runs ----------------------------------------------------------------------
    def _navigation_findings(self, doc: Document, lines: list[Line], claimed: dict[int, str]) -> list[Finding]:
        findings = []
        for first, last in self._navigation_runs(lines):
            run = lines[first : last + 1]
            claimed.update(dict.fromkeys(range(first, last + 1), "SEO302"))
            evidence = {
                "lines": len(run),
                "menu_entries": sum(line.nav_word for line in run),
                "link_density": _mean(line.link_density for line in run),
            }
            message = f"Navigation menu: {len(run)} short link-like lines with menu entries; delete it."
            findings.append(
                make_finding(doc, "SEO302", run[0].start, run[-1].end, message, suggestion="", evidence=evidence)
            )
        return findings

    def _navigation_runs(self, lines: list[Line]) -> list[tuple[int, int]]:
        """(first, last) indexes of every run of consecutive menu-shaped lines that reads as a menu."""
        runs, first = [], None
        for index, line in enumerate([*lines, None]):
            if line is not None and line.nav_like:
                first = index if first is None else first
                continue
            if first is not None:
                run = self._trim_run(lines, first, index - 1)
                if run and self._is_menu(lines, *run):
                    runs.append(run)
            first = None
        return runs

    def _trim_run(self, lines: list[Line], first: int, last: int) -> tuple[int, int] | None:
        """Drop lines at both ends that carry no menu evidence: a heading right after a menu has
        the shape of a menu entry but belongs to the article."""
        while first <= last and not self._is_menu_evidence(lines[first]):
            first += 1
        while last >= first and not self._is_menu_evidence(lines[last]):
            last -= 1
        return (first, last) if first <= last else None

    def _is_menu_evidence(self, line: Line) -> bool:
        return line.nav_word or line.cue is not None or line.link_density >= self.nav_link_density

    def _is_menu(self, lines: list[Line], first: int, last: int) -> bool:
        run = lines[first : last + 1]
        at_edge = first == 0 or last == len(lines) - 1
        if len(run) < self.nav_min_run - at_edge:
            return False
        # A run of share or sign-up lines is reported line by line under its own rules.
        plain = sum(line.rule in (None, "SEO302") for line in run)
        menu_entries = sum(line.nav_word or line.rule == "SEO302" for line in run)
        links = len(run) >= self.nav_min_run and _mean(line.link_density for line in run) >= self.nav_link_density
        return plain >= 2 and (menu_entries >= 2 or links)


def _without_comment_bylines(doc: Document, lines: list[Line]) -> list[Line]:
    """The lines, with the byline cue taken off bylines that head comments: when two or more
    "Posted by <name>" lines each stand above a sentence, they introduce the comments of a thread
    (deleting them would run one reader's comment into the next). A single byline is post metadata,
    unless it heads a comment of a thread a heading announces ("4 Responses", then "Posted by
    Editor" above the site's reply): there it is the thread's, not a blog platform's default account."""
    heads = [
        i
        for i, line in enumerate(lines[:-1])
        if line.cue == "postmeta" and _BYLINE_RE.fullmatch(line.core.strip()) and lines[i + 1].ends_sentence
    ]
    if len(heads) < 2:
        heads = [i for i in heads if _heads_a_comment(doc, lines[i])]
    for i in heads:
        lines[i].cue = None
    return lines


def _heads_a_comment(doc: Document, line: Line) -> bool:
    thread = find_thread(doc)
    announced = thread is not None and bool(thread.heading)
    return announced and any(c.start <= line.start < c.body_start for c in thread.comments)


def _cue_findings(doc: Document, lines: list[Line], claimed: dict[int, str]) -> list[Finding]:
    findings = []
    for index, line in enumerate(lines):
        rule = line.rule
        if rule is None or index in claimed:
            continue
        claimed[index] = rule
        family = CUE_FAMILY_BY_NAME.get(line.cue)
        what = family.describe if family else _SHAPE_DESCRIPTIONS[line.cue]
        message = f"{what[0].upper()}{what[1:]} on a line of its own: page chrome, not content; delete it."
        evidence = {
            "words": line.words,
            "link_density": line.link_density,
            "in_main": float(line.in_main),
            "platform": float(_is_platform_line(line)),
        }
        findings.append(make_finding(doc, rule, line.start, line.end, message, suggestion="", evidence=evidence))
    return findings


def _is_platform_line(line: Line) -> bool:
    return PLATFORM_RE.search(line.core) is not None


def _platform_edge_findings(doc: Document, lines: list[Line], claimed: dict[int, str]) -> list[Finding]:
    """On a page that carries a blog platform's lines, the rest of the platform's header and footer.

    A host's chrome around a post mixes recognisable lines with bare ones (the host's name, a view
    count, a date). At the bottom, every short line after the first chrome line of the trailing
    run of short or chrome lines is chrome too; at the top only short lines between two chrome
    lines are, since the post's own title is a short line right after the header.
    """
    if not any(_is_platform_line(lines[i]) for i in claimed):
        return []
    edge: list[int] = []
    for index in range(len(lines) - 1, -1, -1):  # the trailing run
        if index not in claimed and not _short_line(lines[index]):
            break
        edge.append(index)
    edge.reverse()
    first_chrome = next((i for i in edge if i in claimed), None)
    picked = [i for i in edge if first_chrome is not None and i > first_chrome and i not in claimed]
    top: list[int] = []
    for index in range(len(lines)):  # the leading run
        if index not in claimed and not _short_line(lines[index]):
            break
        top.append(index)
    chrome_at_top = [i for i in top if i in claimed]
    if chrome_at_top:
        picked += [i for i in top if chrome_at_top[0] < i < chrome_at_top[-1] and i not in claimed]
    findings = []
    for index in sorted(picked):
        line = lines[index]
        claimed[index] = "SEO301"
        evidence = {
            "words": line.words,
            "link_density": line.link_density,
            "in_main": float(line.in_main),
            "platform": 1.0,
        }
        message = "A bare line inside a blog platform's header or footer: page chrome, not content; delete it."
        findings.append(make_finding(doc, "SEO301", line.start, line.end, message, suggestion="", evidence=evidence))
    return findings


def _short_line(line: Line) -> bool:
    return 0 < line.words <= _EDGE_LINE_WORDS and not line.ends_sentence


def _outside_main_findings(doc: Document, lines: list[Line], claimed: dict[int, str]) -> list[Finding]:
    """One finding per run of consecutive unexplained lines outside the main content."""
    findings, run = [], []
    for index, line in enumerate([*lines, None]):
        if line is not None and not line.in_main and index not in claimed:
            run.append(index)
            continue
        if run:
            claimed.update(dict.fromkeys(run, "SEO305"))
            first, last = lines[run[0]], lines[run[-1]]
            evidence = {
                "blocks": len(run),
                "chars": last.end - first.start,
                "link_density": _mean(lines[i].link_density for i in run),
            }
            blocks = f"{len(run)} block{'s' if len(run) > 1 else ''}"
            message = (
                f"{blocks} outside the page's main content (sidebar, footer or widget text); "
                "delete unless it belongs to the article."
            )
            findings.append(
                make_finding(doc, "SEO305", first.start, last.end, message, suggestion="", evidence=evidence)
            )
            run = []
    return findings


def _measures(lines: list[Line], claimed: dict[int, str]) -> dict[str, float]:
    """The classifier's measures, over the lines that count (see ``_counted_lines``)."""
    non_main = sum(line.chars for line in lines if not line.in_main) / (sum(line.chars for line in lines) or 1)
    counted = _counted_lines(lines, claimed)
    claimed = {i: rule for i, rule in claimed.items() if i in counted}
    line_count = len(counted) or 1
    chars = sum(lines[i].chars for i in counted) or 1
    words = sum(lines[i].words for i in counted) or 1
    return {
        "boilerplate_line_frac": len(claimed) / line_count,
        "boilerplate_char_frac": sum(lines[i].chars for i in claimed) / chars,
        "cue_line_count": float(sum(lines[i].cue is not None for i in counted)),
        "cta_line_count": float(sum(lines[i].rule == "SEO303" for i in counted)),
        "nav_line_frac": sum(rule == "SEO302" for rule in claimed.values()) / line_count,
        "link_density_mean": sum(lines[i].link_density * lines[i].chars for i in counted) / chars,
        "non_main_char_frac": non_main,
        "short_line_frac": sum(lines[i].words <= _SHORT_LINE_WORDS for i in counted) / line_count,
        "stopword_density": sum(lines[i].stopwords for i in counted) / words,
        "end_punct_frac": sum(lines[i].ends_sentence for i in counted) / line_count,
    }


def _counted_lines(lines: list[Line], claimed: dict[int, str]) -> list[int]:
    """Lines inside the main content, plus spam-platform lines wherever they are.

    Navigation, cookie, share and copyright lines outside an HTML page's main content are what
    every real site has (they are still reported as findings); counted, they made real pages look
    like spam. A blog platform's own lines ("Report this page", "Powered by ...") mark where a page
    is published, so they count in the header and footer too. Text and Markdown have no
    main-content boundary: every line counts. A page whose main content has no prose line is
    measured whole."""
    counted = [i for i, line in enumerate(lines) if line.in_main or (i in claimed and _is_platform_line(line))]
    return counted if any(lines[i].in_main for i in counted) else list(range(len(lines)))


def _mean(values: Iterable[float]) -> float:
    values = list(values)
    return sum(values) / len(values) if values else 0.0


__all__ = ["BoilerplateDetector"]
