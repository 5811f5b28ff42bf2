#!/usr/bin/env python3
"""How often ``seoclean clean`` would change real honest writing it never saw: the unseen Debian
documentation pages of ``eval_unseen_pages.py`` (as Markdown and as trafilatura's plain text) and
the Django, git, Perl and LilyPond prose of ``eval_real_prose.py``.

    python scripts/eval_clean_real.py [--per-package 60] [--max-per-source 60] [--show 10]

Every page is honest writing, so every edit is one the writer did not ask for. Reference
documentation repeats itself on purpose ("This is a read-only attribute." under each attribute,
the same note under several options), which makes it a hard test of the duplicate edits. Pages
under 150 words are skipped (too short to hold a repeat worth checking). No model is loaded: the
edits come from the findings alone, as ``seoclean clean`` makes them.

Needs the Debian packages of both scripts (see their docstrings).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import eval_real_prose
import eval_unseen_pages

MIN_WORDS = 150


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--per-package", type=int, default=60, help="unseen Debian pages per package")
    parser.add_argument("--max-per-source", type=int, default=60, help="prose pages per source at most")
    parser.add_argument("--show", type=int, default=10, help="print the edits of up to N changed pages")
    return parser.parse_args(argv)


def honest_pages(per_package: int, max_per_source: int) -> Iterator[tuple[str, str, str]]:
    """(name, format, text) of every page, in a fixed order."""
    for source_id, markdown, html in eval_unseen_pages.unseen_pages(per_package, seed=0):
        yield source_id, "markdown", markdown
        yield source_id, "text", eval_unseen_pages.extracted_text(html)
    for name, text in eval_real_prose.real_pages(max_per_source, seed=1):
        yield name, "text", text


def source_of(name: str) -> str:
    """The package or project a page comes from: ``real/gnucash-docs/...`` -> ``gnucash-docs``."""
    parts = name.split("/")
    return parts[1] if parts[0] == "real" else parts[0]


def main(argv: list[str] | None = None) -> int:
    from seoclean.analysis import Analyzer
    from seoclean.rewrite.api import clean

    args = parse_args(argv)
    missing = eval_real_prose.missing_requirements()
    if missing:
        sys.exit(f"needs {', '.join(missing)}: see the docstrings of eval_real_prose.py and eval_unseen_pages.py")
    analyzer = Analyzer(model=None)
    pages, changed, rule_pages, rule_edits = Counter(), Counter(), Counter(), Counter()
    shown = 0
    for name, fmt, text in honest_pages(args.per_package, args.max_per_source):
        if len(text.split()) < MIN_WORDS:
            continue
        result = clean(text, format=fmt, analyzer=analyzer)
        pages[source_of(name), fmt] += 1
        if not result.edits:
            continue
        changed[source_of(name), fmt] += 1
        rule_pages.update({edit.rule for edit in result.edits})
        rule_edits.update(edit.rule for edit in result.edits)
        if shown < args.show:
            shown += 1
            print(f"{fmt:8} {name}")
            for edit in result.edits[:3]:
                print(f"    {edit.rule} {text[edit.start : edit.end].strip()[:100]!r}")
    total, total_changed = sum(pages.values()), sum(changed.values())
    print(f"\n{total_changed} of {total} honest pages changed ({total_changed / max(1, total):.1%})")
    print("\n| source | format | pages | changed |\n|---|---|---:|---:|")
    for source, fmt in sorted(pages):
        print(f"| {source} | {fmt} | {pages[source, fmt]} | {changed[source, fmt]} |")
    print("\n| rule | pages | edits |\n|---|---:|---:|")
    for rule, count in rule_pages.most_common():
        print(f"| {rule} | {count} | {rule_edits[rule]} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
