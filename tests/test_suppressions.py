"""Suppression comments: line-level noqa (flake8 style), disable/enable blocks (sqlfluff style),
unused suppressions reported as SEO902; and once end to end through the console script."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

from seoclean.findings import Finding, Severity
from seoclean.suppressions import ALL, apply_suppressions, parse_directives, unused_findings

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    executable = shutil.which("seoclean")
    command = [executable, *args] if executable else [sys.executable, "-m", "seoclean", *args]
    return subprocess.run(command, check=False, capture_output=True, text=True, timeout=120, cwd=cwd)


def finding(rule: str, line: int, text: str = "word") -> Finding:
    return Finding(rule, "spin", 0, len(text), line, 1, text, "m", None, Severity.WARNING)


def test_noqa_forms_are_parsed_with_their_codes():
    source = (
        "a <!-- seoclean: noqa -->\n"
        "b <!-- seoclean: noqa SEO101 -->\n"
        "c <!-- SEOCLEAN: NOQA: seo101, SEO2 -->\n"
        "d seoclean: noqa SEO101 SEO3\n"
        "e # noqa SEO101 (not ours: no seoclean: prefix)"
    )
    directives = parse_directives(source)
    assert [(d.line, d.codes) for d in directives] == [
        (1, (ALL,)),
        (2, ("SEO101",)),
        (3, ("SEO101", "SEO2")),
        (4, ("SEO101", "SEO3")),
    ]
    assert directives[1].column == source.split("\n")[1].index("seoclean") + 1


def test_noqa_suppresses_matching_codes_on_its_line_only():
    directives = parse_directives("one\ntwo <!-- seoclean: noqa SEO2 -->\nthree")
    kept, _ = apply_suppressions([finding("SEO201", 2), finding("SEO101", 2), finding("SEO201", 3)], directives)
    assert [(f.rule, f.line) for f in kept] == [("SEO101", 2), ("SEO201", 3)]
    assert unused_findings(directives, offsets_valid=True) == []


def test_noqa_counts_for_every_line_a_multiline_finding_covers():
    directives = parse_directives("p1\np2\np3 <!-- seoclean: noqa SEO403 -->")
    kept, _ = apply_suppressions([finding("SEO403", 1, "p1\np2\np3")], directives)
    assert kept == []


def test_disable_enable_blocks_suppress_findings_in_between():
    source = (
        "<!-- seoclean: disable=SEO201 -->\n"  # 1
        "spun\n"  # 2
        "<!-- seoclean: enable=SEO201 -->\n"  # 3
        "spun again\n"  # 4
        "<!-- seoclean: disable -->\n"  # 5: every rule to the end of the file
        "stuffed"  # 6
    )
    directives = parse_directives(source)
    assert [(d.kind, d.line, d.end_line) for d in directives] == [("disable", 1, 3), ("disable", 5, None)]
    found = [finding("SEO201", 2), finding("SEO201", 4), finding("SEO101", 6)]
    kept, _ = apply_suppressions(found, directives)
    assert [(f.rule, f.line) for f in kept] == [("SEO201", 4)]


def test_unused_suppressions_and_stray_enables_become_seo902():
    source = "text <!-- seoclean: noqa SEO101, SEO2 -->\n<!-- seoclean: disable=all -->\n<!-- seoclean: enable=SEO4 -->"
    directives = parse_directives(source)
    kept, _ = apply_suppressions([finding("SEO201", 1)], directives)
    assert kept == []
    unused = unused_findings(directives, offsets_valid=True)
    assert {f.rule for f in unused} == {"SEO902"}
    by_line = {f.line: f for f in unused}
    assert "SEO101" in by_line[1].message and "remove SEO101" in by_line[1].message
    assert "SEO2" not in by_line[1].message.split("remove")[1]
    assert "no finding of any rule" in by_line[2].message
    assert "no `disable` is open" in by_line[3].message
    # In Markdown and text the span is the directive itself.
    assert source[by_line[1].start : by_line[1].end] == by_line[1].text
    # In HTML the comment is not in the analysed text: no span, only a source position.
    html = unused_findings(parse_directives(source), offsets_valid=False)
    assert all(f.start == f.end == 0 and f.text == "" for f in html)


def test_suppressions_end_to_end_in_markdown_and_html(tmp_path):
    lines = (EXAMPLES / "spam-article.md").read_text(encoding="utf-8").split("\n")
    spintax_line = next(i for i, line in enumerate(lines) if "{lasts|" in line)
    lines[spintax_line] += " <!-- seoclean: noqa SEO205 -->"
    report_line = lines.index("Report this page")
    lines.insert(report_line, "<!-- seoclean: disable=SEO301 -->")
    lines.append("<!-- seoclean: enable=SEO301 -->")
    lines.insert(1, "stale: <!-- seoclean: noqa SEO104 -->")  # inside the front matter: nothing there
    (tmp_path / "draft.md").write_text("\n".join(lines), encoding="utf-8")
    html = (EXAMPLES / "spam-page.html").read_text(encoding="utf-8").split("\n")
    copyright_line = next(i for i, line in enumerate(html) if "&copy;" in line)
    html[copyright_line] += " <!-- seoclean: noqa SEO301 -->"
    html.insert(2, "<!-- seoclean: noqa SEO205 -->")
    (tmp_path / "page.html").write_text("\n".join(html), encoding="utf-8")

    result = run_cli("check", "draft.md", "page.html", "--format", "json", "--no-model", "--no-config", cwd=tmp_path)
    assert result.returncode == 1, result.stderr  # SEO101 warnings remain
    records = {r["path"]: r for r in json.loads(result.stdout)}
    draft = [(f["rule"], f["line"]) for f in records["draft.md"]["findings"]]
    assert "SEO205" not in {rule for rule, _ in draft}
    assert "SEO301" not in {rule for rule, _ in draft}
    assert ("SEO902", 2) in draft
    page = [(f["rule"], f["line"]) for f in records["page.html"]["findings"]]
    assert ("SEO301", copyright_line + 2) not in page  # +1 for 1-based lines, +1 for the inserted line
    assert any(rule == "SEO301" for rule, _ in page)  # the other boilerplate lines are still reported
    assert ("SEO902", 3) in page
