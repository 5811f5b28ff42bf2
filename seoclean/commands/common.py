"""What `check` and `scan` share: their options and the loop that runs inputs through the
``Runner`` into a formatter, with a progress bar and a summary on stderr. Only argparse is
imported at module level: `seoclean --help` must stay instant."""

from __future__ import annotations

import argparse
import sys

FORMAT_CHOICES = ("text", "json", "jsonl", "sarif", "github", "csv")  # == seoclean.report.FORMAT_NAMES
EXIT_OK, EXIT_FAIL, EXIT_ERROR = 0, 1, 2


def add_input_arguments(
    parser: argparse.ArgumentParser, *, default_format: str, paths_help: str | None = None, paths_required: bool = True
) -> None:
    parser.add_argument(
        "paths",
        nargs="+" if paths_required else "*",
        metavar="PATH",
        help=paths_help or "files, folders (searched recursively), glob patterns, or - for stdin",
    )
    output = parser.add_argument_group("output")
    output.add_argument(
        "--format", default=default_format, choices=FORMAT_CHOICES, help=f"output format (default: {default_format})"
    )
    output.add_argument("--features", action="store_true", help="include the named feature values in JSON output")
    output.add_argument("--quiet", "-q", action="store_true", help="no progress bar and no summary on stderr")
    output.add_argument("--color", choices=("auto", "always", "never"), default="auto", help="colour in text output")

    inputs = parser.add_argument_group("input")
    inputs.add_argument(
        "--input-format",
        choices=("text", "markdown", "html"),
        help="treat every input as this format (default: by extension, else by content)",
    )
    inputs.add_argument(
        "--stdin-filename",
        metavar="NAME",
        help="the name of the input read from -, for the format, per-file-ignores, config discovery and the output",
    )
    inputs.add_argument("--max-bytes", metavar="N", help="refuse inputs larger than this (default: 5000000)")

    config = parser.add_argument_group("configuration (flags override the configuration file)")
    config.add_argument(
        "--config", metavar="FILE", help="use this .seoclean.toml or pyproject.toml instead of searching upward"
    )
    config.add_argument("--no-config", action="store_true", help="ignore configuration files: defaults and flags only")
    config.add_argument("--select", metavar="CODES", help="comma-separated codes or prefixes to report, e.g. SEO1,SEO2")
    config.add_argument("--ignore", metavar="CODES", help="comma-separated codes or prefixes not to report, e.g. SEO3")
    config.add_argument("--keyphrase", help="the target keyphrase: turns on Yoast-style density checks (SEO103/104)")
    config.add_argument("--allowlist", metavar="TERMS", help="comma-separated terms and brand names never called spin")
    config.add_argument("--threshold", metavar="SCORE", help="spam score (0-1) at or above which a document is spam")

    model = parser.add_argument_group("classifier")
    choice = model.add_mutually_exclusive_group()
    choice.add_argument("--model", metavar="FILE", help="a model from `seoclean train` (default: the shipped model)")
    choice.add_argument("--no-model", action="store_true", help="findings only: no spam score and no verdict")
    model.add_argument(
        "--trust-model",
        action="store_true",
        help="load --model even if its checksum does not match its metadata (loading a model runs code)",
    )


def overrides_from(args: argparse.Namespace) -> dict:
    """Flag values converted with the configuration file's rules (a bad value is a ConfigError)."""
    from seoclean.settings import parse_flag

    flags = {
        "select": "select",
        "ignore": "ignore",
        "keyphrase": "keyphrase",
        "allowlist": "allowlist",
        "threshold": "threshold",
        "max_bytes": "max-bytes",
        "fail_on": "fail-on",
    }
    overrides = {}
    for field_name, key in flags.items():
        raw = getattr(args, field_name, None)
        if raw is not None:
            overrides[field_name] = parse_flag(key, raw)
    return overrides


def run_inputs(args: argparse.Namespace) -> list:
    """Check every input and write the output; return, per input, whether it could not be read
    and whether it fails the check (reports are not kept: a scan may cover a whole site)."""
    from seoclean.inputs import expand_inputs
    from seoclean.progress import Progress, Summary
    from seoclean.report import get_formatter

    if args.config and args.no_config:
        from seoclean.errors import ConfigError

        raise ConfigError("--config and --no-config contradict each other; pass one")
    items = expand_inputs(args.paths, stdin_filename=args.stdin_filename)  # "-" given twice is read once
    runner = runner_from_args(args)
    runner.prepare(items)  # configurations and the model are checked before any output is written
    color = {"auto": None, "always": True, "never": False}[args.color]
    formatter = get_formatter(args.format, sys.stdout, features=args.features, color=color)
    progress = Progress(len(items), sys.stderr, enabled=not args.quiet)
    summary = Summary()
    outcomes = []
    formatter.start()
    try:
        for checked in runner.check_all(items):
            formatter.handle(checked.report, checked.source)
            summary.add(checked)
            progress.advance(checked.report.path or "<stdin>")
            outcomes.append(_Outcome(checked.is_error, checked.fails))
    finally:
        progress.close()
    formatter.stop()
    if not args.quiet and args.format != "text":  # the text format ends with its own summary
        print(summary.line(), file=sys.stderr)
    return outcomes


class _Outcome:
    """What the exit code needs from one checked input (the report itself can be dropped)."""

    __slots__ = ("error", "fails")

    def __init__(self, error: bool, fails: bool) -> None:
        self.error = error
        self.fails = fails


def runner_from_args(args: argparse.Namespace):
    """The ``Runner`` the configuration, input-format and model flags describe."""
    from seoclean.runner import Runner

    return Runner(
        overrides=overrides_from(args),
        config=args.config,
        discover=not args.no_config,
        input_format=args.input_format,
        model=model_from_args(args),
    )


def model_from_args(args: argparse.Namespace):
    """The classifier the flags ask for: none, a checked model file, or the shipped default."""
    from seoclean.analysis import DEFAULT_MODEL

    if args.no_model:
        return None
    if args.model:
        from seoclean.model import load_model

        return load_model(args.model, trust=args.trust_model)
    return DEFAULT_MODEL
