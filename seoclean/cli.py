"""The command line. Only argument parsing and wiring: the work lives in the public API.

    seoclean scan PATH... [--format jsonl|json|text]   analyse files and directories
    seoclean rules                                    list every rule
    seoclean explain SEO201                           one rule's docs
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

EXIT_OK, EXIT_USAGE = 0, 2
SCANNED_SUFFIXES = (".txt", ".text", ".md", ".markdown", ".mdx", ".html", ".htm", ".xhtml")

_SCAN_EXAMPLES = """examples:
  seoclean scan page.html                      one page, findings as JSON Lines
  seoclean scan site/ --format text            every .txt/.md/.html file below site/
  seoclean scan drafts/ --keyphrase "lower back pain" --format json
"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="seoclean",
        description="Find SEO spam (keyword stuffing, spun text, boilerplate, duplication) in pages and drafts.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.required = True

    scan = commands.add_parser(
        "scan",
        help="analyse files and directories (recursively) and report every finding",
        epilog=_SCAN_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    scan.add_argument("paths", nargs="+", metavar="PATH", help="files or directories (.txt, .md, .html)")
    scan.add_argument("--format", default="jsonl", choices=("jsonl", "json", "text"), help="output format (default: jsonl)")
    scan.add_argument(
        "--input-format", choices=("text", "markdown", "html"), help="treat every input as this format (default: by extension)"
    )
    scan.add_argument("--keyphrase", help="the target keyphrase: turns on keyphrase density checks")
    scan.add_argument("--features", action="store_true", help="include the named feature values in JSON output")
    scan.add_argument("--max-bytes", type=int, default=5_000_000, help="refuse inputs larger than this (default: 5000000)")
    scan.set_defaults(handler=_run_scan)

    rules = commands.add_parser("rules", help="list every rule with its code, category and summary")
    rules.set_defaults(handler=_run_rules)

    explain = commands.add_parser("explain", help="show one rule's documentation, e.g. `seoclean explain SEO201`")
    explain.add_argument("code", help="a rule code such as SEO201")
    explain.set_defaults(handler=_run_explain)
    return parser


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    return build_parser().parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        return args.handler(args)
    except BrokenPipeError:  # `seoclean scan ... | head` is fine
        return EXIT_OK
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130


def iter_input_paths(paths: Sequence[str]) -> Iterator[Path]:
    """Files as given (whatever their extension); directories walked recursively, in sorted order,
    for files with a known suffix. Missing paths are yielded too: they become error records."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SCANNED_SUFFIXES)
        else:
            yield path


def _run_scan(args: argparse.Namespace) -> int:
    from seoclean.analysis import Analyzer
    from seoclean.report import get_formatter

    analyzer = Analyzer(keyphrase=args.keyphrase, max_bytes=args.max_bytes)
    formatter = get_formatter(args.format, sys.stdout, features=args.features)
    formatter.start()
    for report in analyzer.analyze_many(iter_input_paths(args.paths), format=args.input_format):
        formatter.handle(report)
    formatter.stop()
    return EXIT_OK


def _run_rules(args: argparse.Namespace) -> int:
    from seoclean.rules import registry

    for rule in registry().values():
        print(f"{rule.code}  {rule.name:<28} {rule.category:<17} {rule.severity.label:<8} {rule.summary}")
    return EXIT_OK


def _run_explain(args: argparse.Namespace) -> int:
    from seoclean.rules import get_rule

    try:
        print(get_rule(args.code.upper()).docs())
    except KeyError as error:
        print(f"seoclean: error: {error.args[0]}", file=sys.stderr)
        return EXIT_USAGE
    return EXIT_OK


def _version() -> str:
    from seoclean import __version__

    return __version__


if __name__ == "__main__":
    sys.exit(main())
