"""`seoclean check FILE...`: lint drafts before they are published, with an exit code for CI,
pre-commit and editors (like Vale and proselint)."""

from __future__ import annotations

import argparse

from seoclean.commands.common import EXIT_ERROR, EXIT_FAIL, EXIT_OK, add_input_arguments, run_inputs

NAME = "check"
HELP = "lint drafts: exit 1 when a draft is spam or has a finding at or above --fail-on"
EPILOG = """examples:
  seoclean check drafts/post.md                     findings with the source line and a fix
  seoclean check drafts/ --fail-on warning          fail on warnings too (stricter than the default)
  seoclean check post.md --format sarif > seoclean.sarif
  seoclean check - --stdin-filename post.md < post.md
  seoclean check post.md --ignore SEO3 --keyphrase "lower back pain"

exit codes:
  0  every draft is clean: not spam, no finding at or above --fail-on
  1  a draft is spam, or has a finding at or above --fail-on
  2  usage or input error: bad flag or configuration, missing or unreadable file
     (takes precedence over 1)

configuration: [tool.seoclean] in pyproject.toml, or .seoclean.toml, found upward from each file,
with the keys select, ignore, per-file-ignores, threshold, fail-on, allowlist, keyphrase and
max-bytes (see the README); flags override it. Suppress a finding with a comment on its line,
<!-- seoclean: noqa SEO101 -->, or a block, <!-- seoclean: disable=SEO201 --> ... enable=SEO201.
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_input_arguments(parser, default_format="text")
    parser.add_argument(
        "--fail-on",
        choices=("info", "warning", "error", "none"),
        help="lowest finding severity that fails the check (default: error; warnings are shown but pass; none: only the spam verdict fails)",
    )


def run(args: argparse.Namespace) -> int:
    outcomes = run_inputs(args)
    if any(outcome.error for outcome in outcomes):
        return EXIT_ERROR
    if any(outcome.fails for outcome in outcomes):
        return EXIT_FAIL
    return EXIT_OK
