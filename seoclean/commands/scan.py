"""`seoclean scan PATH...`: analyse pages (files, folders, glob patterns, stdin) and report every
finding. A report, not a gate: the exit code is 0 unless the command itself cannot run (bad flags
or configuration: 2); unreadable inputs are error records in the output. Use `check` to gate."""

from __future__ import annotations

import argparse

from seoclean.commands.common import EXIT_OK, add_input_arguments, run_inputs

NAME = "scan"
HELP = "analyse pages and folders (recursively) and report every finding, one record per document"
EPILOG = """examples:
  seoclean scan page.html                          one page, findings as JSON Lines
  seoclean scan site/ --format text                every .txt/.md/.html file below site/
  seoclean scan 'site/**/*.html' --format csv > triage.csv
  curl -s https://example.com/ | seoclean scan - --stdin-filename example.html
  seoclean scan drafts/ --keyphrase "lower back pain" --format json

A progress bar is drawn on stderr for many files when stderr is a terminal, and a summary line is
printed on stderr at the end (both off with --quiet).
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_input_arguments(parser, default_format="jsonl")


def run(args: argparse.Namespace) -> int:
    run_inputs(args)
    return EXIT_OK
