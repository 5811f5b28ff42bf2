"""How often real writing by many authors would fail an editor's check: documentation prose from
four Debian packages that the dataset never uses, read as plain text.

    python scripts/eval_real_prose.py [--show 10] [--max-per-source 200]

The pages: Django's topic guides, how-tos, FAQ and release notes (``python-django-doc``, HTML
extracted to text by trafilatura, as a crawler would keep it), git's how-to and technical
articles (``git-doc``, AsciiDoc text hard-wrapped at 72-80 columns, many written as e-mails),
Perl's tutorials and FAQ (``perl-doc``, rendered by ``pod2text``: indented, hard-wrapped, code
samples inline), and LilyPond's learning manual and essays on music engraving (``lilypond-doc``,
Texinfo HTML extracted by trafilatura, navigation bars and all). Pages under 200 words are skipped. Every page is honest writing, so every
verdict of spam and every finding is a false alarm, or a true repetition an editor may want to
hear about; the per-rule counts say which.

Reported: pages flagged as spam, pages that fail ``seoclean check`` with ``--fail-on error`` (the
default) and with ``--fail-on warning``, and, per rule, the pages and findings.

Needs ``apt-get install -y python-django-doc git-doc perl-doc lilypond-doc``.
"""

from __future__ import annotations

import argparse
import random
import shutil
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

DJANGO = Path("/usr/share/doc/python-django-doc/html")
GIT = Path("/usr/share/doc/git-doc")
PERL_POD = Path("/usr/share/perl")
DJANGO_SECTIONS = ("topics", "howto", "intro", "faq", "releases", "misc")
# Reference pages: one long list of functions or messages each, not prose.
PERL_REFERENCE = frozenset({"perlfunc", "perlapi", "perldiag", "perlvar", "perlop"})
MIN_WORDS = 200
MAX_PERL_WORDS = 12_000
LILYPOND = Path("/usr/share/doc/lilypond/html/Documentation")
PACKAGES = {"python-django-doc": DJANGO, "git-doc": GIT, "perl-doc": PERL_POD, "lilypond-doc": LILYPOND}


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--show", type=int, default=10, help="print up to N failing pages with their reasons")
    parser.add_argument("--max-per-source", type=int, default=300, help="pages to read per package at most")
    parser.add_argument("--seed", type=int, default=1, help="order in which Django pages are sampled")
    return parser.parse_args(argv)


def django_pages(limit: int, seed: int) -> Iterator[tuple[str, str]]:
    import trafilatura

    paths = sorted(p for section in DJANGO_SECTIONS for p in (DJANGO / section).rglob("*.html"))
    random.Random(seed).shuffle(paths)
    for path in paths[:limit]:
        text = trafilatura.extract(path.read_text(encoding="utf-8", errors="replace"))
        yield f"django/{path.relative_to(DJANGO)}", text or ""


def git_pages(limit: int) -> Iterator[tuple[str, str]]:
    paths = sorted([*GIT.glob("howto/*.txt"), *GIT.glob("technical/*.txt"), *GIT.glob("*.txt")])
    for path in [p for p in paths if not p.name.startswith("git-")][:limit]:  # git-*.txt are man pages
        yield f"git/{path.relative_to(GIT)}", path.read_text(encoding="utf-8", errors="replace")


def perl_pages(limit: int) -> Iterator[tuple[str, str]]:
    pods = sorted({p.resolve() for p in PERL_POD.glob("5.*/pod/perl*.pod")})  # 5.36 links to 5.36.0
    chosen = [p for p in pods if "delta" not in p.stem and p.stem not in PERL_REFERENCE][:limit]
    for path in chosen:
        rendered = subprocess.run(
            ["pod2text", str(path)], check=False, capture_output=True, text=True, errors="replace"
        )
        if len(rendered.stdout.split()) <= MAX_PERL_WORDS:
            yield f"perl/{path.stem}", rendered.stdout


def lilypond_pages(limit: int, seed: int) -> Iterator[tuple[str, str]]:
    import trafilatura

    paths = sorted([*(LILYPOND / "learning").glob("*.html"), *(LILYPOND / "essay").glob("*.html")])
    random.Random(seed).shuffle(paths)
    for path in paths[:limit]:
        text = trafilatura.extract(path.read_text(encoding="utf-8", errors="replace"))
        yield f"lilypond/{path.relative_to(LILYPOND)}", text or ""


def real_pages(limit: int, seed: int) -> Iterator[tuple[str, str]]:
    pages = [*django_pages(limit, seed), *git_pages(limit), *perl_pages(limit), *lilypond_pages(limit, seed)]
    for name, text in pages:
        if len(text.split()) >= MIN_WORDS:
            yield name, text


def missing_requirements() -> list[str]:
    missing = [package for package, root in PACKAGES.items() if not root.exists()]
    return missing + (["perl (pod2text)"] if shutil.which("pod2text") is None else [])


def main(argv: list[str] | None = None) -> int:
    from seoclean.analysis import Analyzer
    from seoclean.findings import Severity

    args = parse_args(argv)
    missing = missing_requirements()
    if missing:
        sys.exit(f"needs {', '.join(missing)}: apt-get install -y python-django-doc git-doc perl-doc lilypond-doc")
    analyzer = Analyzer()
    pages = fails_error = fails_warning = flagged = shown = 0
    rule_pages, rule_findings, by_source = Counter(), Counter(), Counter()
    for name, text in real_pages(args.max_per_source, args.seed):
        report = analyzer.analyze(text, format="text")
        if not report.ok:  # e.g. a page the language check calls non-English
            continue
        pages += 1
        spam = report.label == "spam"
        worst = max((f.severity for f in report.findings), default=None)
        flagged += spam
        fails_error += spam or worst == Severity.ERROR
        fails_warning += spam or (worst is not None and worst >= Severity.WARNING)
        by_source[name.split("/")[0], "pages"] += 1
        by_source[name.split("/")[0], "fail"] += spam or worst == Severity.ERROR
        rule_findings.update(f.rule for f in report.findings)
        rule_pages.update({f.rule for f in report.findings})
        if (spam or worst == Severity.ERROR) and shown < args.show:
            shown += 1
            print(f"{report.score:.3f} {report.label:4} {name}")
            for reason in report.reasons[:3]:
                print(f"    {reason}")
    print(f"\n{pages} real pages (plain text)")
    print("| measure | pages | rate |\n|---|---:|---:|")
    for label, count in (
        ("flagged as spam", flagged),
        ("fail `check` (default: errors and the verdict)", fails_error),
        ("fail `check --fail-on warning`", fails_warning),
    ):
        print(f"| {label} | {count} | {count / max(1, pages):.1%} |")
    print("\n| source | pages | fail `check` |\n|---|---:|---:|")
    for source in sorted({key[0] for key in by_source}):
        print(f"| {source} | {by_source[source, 'pages']} | {by_source[source, 'fail']} |")
    print("\n| rule | pages | findings |\n|---|---:|---:|")
    for rule in sorted(rule_pages):
        print(f"| {rule} | {rule_pages[rule]} | {rule_findings[rule]} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
