"""`seoclean explain SEO201`: one rule's documentation with a bad and a better example."""

from __future__ import annotations

import argparse
import sys

NAME = "explain"
HELP = "show one rule's documentation, e.g. `seoclean explain SEO201`"
EPILOG = "example:\n  seoclean explain SEO201\n"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("code", help="a rule code such as SEO201")


def run(args: argparse.Namespace) -> int:
    from seoclean.rules import get_rule

    try:
        print(get_rule(args.code.upper()).docs())
    except KeyError as error:
        print(f"seoclean: error: {error.args[0]}", file=sys.stderr)
        return 2
    return 0
