"""The command line: argument parsing and wiring only. Each subcommand is a module in
``seoclean.commands``; the work lives in the public API.

Exit codes: 0 success, 1 findings at or above the failure level (for `check`), 2 usage or input
errors, 130 interrupted.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from seoclean.commands import COMMAND_MODULES
from seoclean.errors import SeocleanError

EXIT_OK, EXIT_USAGE, EXIT_INTERRUPTED = 0, 2, 130
EPILOG = """examples:
  seoclean check drafts/post.md          lint a draft before publishing it (exit 1: spam or findings)
  seoclean scan site/ --format csv       triage a whole site, one row per page
  seoclean explain SEO201                what a rule finds, with a bad and a better example

`seoclean COMMAND --help` shows each command's options, examples and exit codes.
"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="seoclean",
        description="Find SEO spam (keyword stuffing, spun text, boilerplate, duplication) in pages and drafts.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for module_name in COMMAND_MODULES:
        command = importlib.import_module(f"seoclean.commands.{module_name}")
        sub = subparsers.add_parser(
            command.NAME,
            help=command.HELP,
            description=command.HELP,
            epilog=getattr(command, "EPILOG", None),
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        command.add_arguments(sub)
        sub.set_defaults(handler=command.run)
    return parser


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    return build_parser().parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        return args.handler(args)
    except SeocleanError as error:  # bad configuration or flag value, unusable model: the message says the fix
        print(f"seoclean: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:  # `seoclean scan ... | head` is fine
        return EXIT_OK
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED


def _version() -> str:
    from seoclean import __version__

    return __version__


if __name__ == "__main__":
    sys.exit(main())
