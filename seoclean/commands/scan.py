"""`seoclean scan PATH...`: analyse pages (files, folders, glob patterns, stdin, file lists, JSONL,
WARC crawls, URLs) and report every finding. A report, not a gate: the exit code is 0 unless the
command itself cannot run (bad flags or configuration: 2); unreadable inputs are error records in
the output. Use `check` to gate. The batch machinery (processes, Dask, resume) is in
``seoclean.batch``."""

from __future__ import annotations

import argparse

from seoclean.commands.common import EXIT_OK, add_input_arguments

NAME = "scan"
HELP = "analyse pages, folders, crawls and URL lists and report every finding, one record per document"
PATHS_HELP = (
    "files, folders (searched recursively), glob patterns, - for stdin, @FILE for a list of these (one per line), "
    "JSONL files (.jsonl: rows {id, text|html|markdown|path}), WARC files (.warc, .warc.gz), http(s) URLs"
)
EPILOG = """examples:
  seoclean scan page.html                          one page, findings as JSON Lines
  seoclean scan site/ --format text                every .txt/.md/.html file below site/
  seoclean scan 'site/**/*.html' --format csv > triage.csv
  curl -s https://example.com/ | seoclean scan - --stdin-filename example.html
  seoclean scan drafts/ --keyphrase "lower back pain" --format json

batch scans of whole sites and crawls:
  seoclean scan site/ --jobs 4 --output scan.jsonl          4 processes, records written as they finish
  seoclean scan site/ --jobs 4 --output scan.jsonl --resume after a crash or a kill: finish the rest
  seoclean scan crawl.warc.gz --jobs 4 --output scan.csv --report report.html
  seoclean scan @urls.txt --timeout 10 --output scan.jsonl  fetch every URL in the list
  seoclean scan pages.jsonl --dask local --jobs 2           a 2-worker Dask cluster on this machine
  seoclean scan pages.jsonl --dask tcp://scheduler:8786     a running Dask cluster (workers need seoclean)

With --jobs or --dask records come out in the order they finish, not the input order; the set of
records is the same as with one process. A progress bar is drawn on stderr for many files when
stderr is a terminal, and a summary line is printed on stderr at the end (both off with --quiet).
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_input_arguments(parser, default_format="jsonl", paths_help=PATHS_HELP, paths_required=False)
    batch = parser.add_argument_group("batch scans")
    batch.add_argument("--jobs", "-j", type=int, metavar="N", help="worker processes (default: 1, this process)")
    batch.add_argument(
        "--dask",
        metavar="ADDRESS",
        help="run on a dask.distributed scheduler (tcp://host:8786), or 'local' for a cluster of --jobs workers "
        "on this machine (needs: pip install 'seoclean[dask]')",
    )
    batch.add_argument(
        "--output", "-o", metavar="FILE", help="write records to FILE (.jsonl or .csv) as they finish, not to stdout"
    )
    batch.add_argument(
        "--resume", action="store_true", help="keep the records already in --output and scan only the rest"
    )
    batch.add_argument("--report", metavar="FILE", help="also write a self-contained HTML report for moderators")
    batch.add_argument("--from-list", metavar="FILE", help="read more inputs from FILE, one per line (- for stdin)")
    batch.add_argument(
        "--timeout", type=float, default=20.0, metavar="SECONDS", help="per-URL connect and read timeout (default: 20)"
    )


def run(args: argparse.Namespace) -> int:
    from seoclean.batch.scan import run_scan
    from seoclean.errors import SeocleanError

    if not args.paths and not args.from_list:
        raise SeocleanError("nothing to scan: give a PATH, an @list file, or --from-list FILE")
    run_scan(args)
    return EXIT_OK
