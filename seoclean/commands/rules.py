"""`seoclean rules`: every rule with its code, name, category, severity and summary; with
``--docs``, every rule's full documentation (as `seoclean explain` shows one)."""

from __future__ import annotations

import argparse

NAME = "rules"
HELP = "list every rule with its code, category and summary (--docs: with full documentation)"
EPILOG = """examples:
  seoclean rules | grep spin
  seoclean rules --docs --select SEO2       every spin rule with its bad and better examples
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--docs", action="store_true", help="print each rule's full documentation")
    parser.add_argument("--select", metavar="CODES", help="only these comma-separated codes or prefixes, e.g. SEO2")


def run(args: argparse.Namespace) -> int:
    from seoclean.rules import registry, rules_matching

    rules = rules_matching(args.select.split(",")) if args.select else list(registry().values())
    for index, rule in enumerate(rules):
        if args.docs:
            print(("\n" if index else "") + rule.docs())
        else:
            print(f"{rule.code}  {rule.name:<28} {rule.category:<17} {rule.severity.label:<8} {rule.summary}")
    return 0
