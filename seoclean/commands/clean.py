"""`seoclean clean PATH...`: write pages and drafts without their spam.

Output goes to standard output (default), to ``--out-dir DIR`` (same file names, relative paths
kept for directories; HTML becomes ``.md`` or ``.txt``) or back into the files (``--in-place``).
In-place writes are atomic (temporary file + rename) and skip files with nothing to clean;
``--backup`` first copies each file it changes to ``FILE.bak``. ``--in-place`` refuses HTML: the
clean result of a page is its article as Markdown or text, which must not overwrite the page.
"""

from __future__ import annotations

import argparse
import codecs
import logging
import sys
from dataclasses import replace
from pathlib import Path

NAME = "clean"
HELP = "write pages and drafts without their spam (keyword stuffing, boilerplate, repeats, spintax)"
EPILOG = """examples:
  seoclean clean draft.md                      the cleaned draft on standard output
  seoclean clean draft.md --diff               what would change, as a unified diff
  seoclean clean drafts/ --in-place --backup   fix the files, keeping FILE.bak copies
  seoclean clean page.html --to text --out-dir clean/   the page's article as clean/page.txt
  seoclean clean draft.md --explain > /dev/null         list the edits (on standard error)

HTML input gives the page's main content as Markdown (--to markdown, the default) or plain text;
--in-place is refused for HTML, use --out-dir. Exit status: 0 done, 2 if any input failed.
"""
EXIT_OK, EXIT_INPUT_ERROR = 0, 2
logger = logging.getLogger(__name__)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files or directories (.txt, .md, .html)")
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--out-dir", type=Path, metavar="DIR", help="write cleaned files under DIR")
    where.add_argument("--in-place", action="store_true", help="rewrite the files themselves (atomically)")
    parser.add_argument(
        "--backup", action="store_true", help="with --in-place: copy each changed FILE to FILE.bak first"
    )
    parser.add_argument("--diff", action="store_true", help="print a unified diff instead of the cleaned text")
    parser.add_argument("--explain", action="store_true", help="list every edit with its rule and reason (stderr)")
    parser.add_argument("--to", choices=("markdown", "text"), help="output format for HTML input (default: markdown)")
    parser.add_argument("--input-format", choices=("text", "markdown", "html"), help="treat every input as this format")
    parser.add_argument(
        "--boilerplate",
        choices=("platform", "always", "never"),
        default="platform",
        help="delete boilerplate lines on spam-platform pages only (default), on every page, or never",
    )
    parser.add_argument("--no-spin", action="store_true", help="do not restore spun wording")
    parser.add_argument(
        "--spin-confidence",
        type=float,
        metavar="P",
        help="restore spun wording from findings at least this confident (default: 0.55, the value "
        "scripts/eval_clean.py measures)",
    )
    parser.add_argument("--keyphrase", help="the page's target keyphrase, if known")
    parser.add_argument("--max-bytes", type=int, default=5_000_000, help="refuse inputs larger than this")


def run(args: argparse.Namespace) -> int:
    from seoclean.analysis import Analyzer
    from seoclean.errors import SeocleanError
    from seoclean.rewrite.planner import CleanPolicy

    if args.backup and not args.in_place:
        print("seoclean clean: error: --backup only applies with --in-place", file=sys.stderr)
        return EXIT_INPUT_ERROR
    policy = CleanPolicy(boilerplate=args.boilerplate)
    if args.no_spin:
        policy = replace(policy, spin_min_confidence=None)
    elif args.spin_confidence is not None:
        policy = replace(policy, spin_min_confidence=args.spin_confidence)
    analyzer = Analyzer(keyphrase=args.keyphrase, model=None, max_bytes=args.max_bytes)
    inputs = list(_inputs(args.paths))
    status = EXIT_OK
    for path, root, problem in inputs:
        try:
            if problem:
                raise ValueError(problem)
            _clean_one(path, root, args, analyzer, policy, many=len(inputs) > 1)
        except (OSError, ValueError, SeocleanError) as error:  # this input failed; the others go on
            print(f"seoclean clean: {path}: {error}", file=sys.stderr)
            status = EXIT_INPUT_ERROR
        except Exception as error:  # a bug must not stop the batch; nothing was written for this file
            logger.exception("internal error while cleaning %s", path)
            print(f"seoclean clean: {path}: internal error: {error!r}; the file was left as it is", file=sys.stderr)
            status = EXIT_INPUT_ERROR
    return status


def _inputs(paths: list[str]):
    """(file, the folder it was found under or None, a problem or None) for every input."""
    from seoclean.inputs import expand_inputs

    for raw in paths:
        root = Path(raw) if Path(raw).is_dir() else None
        for item in expand_inputs([raw]):
            problem = item.error or (
                "reading standard input is not supported by clean; pass files" if item.stdin else None
            )
            yield Path(item.path or raw), root, problem


def _clean_one(path: Path, root: Path | None, args, analyzer, policy, *, many: bool) -> None:
    from seoclean.ingest import format_for_path, load_text
    from seoclean.ingest.decode import decode_bytes
    from seoclean.rewrite.api import clean_document

    data = path.read_bytes()
    text, encoding = decode_bytes(data, max_bytes=args.max_bytes)
    fmt = args.input_format or format_for_path(path)
    doc = load_text(text, format=fmt, path=str(path))
    if args.in_place and doc.format == "html":
        raise ValueError("--in-place refuses HTML (the result is the article as Markdown or text); use --out-dir")
    result = clean_document(doc, text, to=args.to, policy=policy, analyzer=analyzer)
    if result.status != "ok":
        print(f"seoclean clean: {path}: left as is ({result.status})", file=sys.stderr)
    if args.explain:
        for row in result.explain():
            print(f"{path}:{row}", file=sys.stderr)
    if args.diff:
        sys.stdout.write(result.diff())
    if args.in_place:
        if result.changed:
            _write_in_place(path, result.text, encoding, data, backup=args.backup)
    elif args.out_dir is not None:
        _write_out(args.out_dir, path, root, result, encoding)
    elif not args.diff:
        if many:
            print(f"==> {path} <==")
        sys.stdout.write(result.text)


def _write_in_place(path: Path, text: str, encoding: str, original: bytes, *, backup: bool) -> None:
    from seoclean.rewrite.files import atomic_write, write_backup

    if backup:
        write_backup(path)
    atomic_write(path, _encode(text, encoding, original))


def _write_out(out_dir: Path, path: Path, root: Path | None, result, encoding: str) -> None:
    from seoclean.rewrite.files import atomic_write

    relative = path.relative_to(root) if root is not None else Path(path.name)
    if result.input_format == "html":
        relative = relative.with_suffix(".md" if result.format == "markdown" else ".txt")
    target = out_dir / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.resolve() == path.resolve():
        raise ValueError(f"--out-dir would overwrite the input {path}; use --in-place to rewrite it")
    atomic_write(target, _encode(result.text, encoding, b""))


def _encode(text: str, encoding: str, original: bytes) -> bytes:
    """The text in the input's encoding (UTF-8 when it cannot hold it), with its BOM if it had one."""
    try:
        data = text.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        data = text.encode("utf-8")
        encoding = "utf-8"
    if encoding == "utf-8" and original.startswith(codecs.BOM_UTF8):
        data = codecs.BOM_UTF8 + data
    return data
