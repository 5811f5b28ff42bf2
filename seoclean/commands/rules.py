"""`seoclean rules`: every rule with its code, name, category, severity and summary."""

from __future__ import annotations

import argparse

NAME = "rules"
HELP = "list every rule with its code, category and summary"
EPILOG = "example:\n  seoclean rules | grep spin\n"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """No options."""


def run(args: argparse.Namespace) -> int:
    from seoclean.rules import registry

    for rule in registry().values():
        print(f"{rule.code}  {rule.name:<28} {rule.category:<17} {rule.severity.label:<8} {rule.summary}")
    return 0
