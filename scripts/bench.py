"""Throughput of seoclean next to its peer, datatrove's Gopher filters, on the same documents;
and, with ``--cli``, the cold start of the command line.

    python scripts/bench.py DIR [--limit N] [--repeat K] [--json OUT]
    python scripts/bench.py --cli [--cli-runs 5] [--cli-file examples/clean-article.md]

``--cli`` times ``seoclean check FILE`` in fresh processes (the console script, as an editor's
pre-publish hook runs it): one untimed run first so that the files are in the OS cache, then
``--cli-runs`` timed runs; it prints the median, min and max wall-clock seconds against the
1.5 s budget. With DIR as well, both measurements run.

Reads the plain-text documents under DIR (``*.txt``, recursive) and times, single process:

1. seoclean: ``Analyzer().analyze_document(load_text(text))`` on every document;
2. datatrove: ``GopherRepetitionFilter().filter(doc)`` and ``GopherQualityFilter().filter(doc)``
   on every document (both filters always run, so both do their work on every document).

Each side runs in its own child process (this script re-invoked with ``--only SIDE``), so that
``ru_maxrss`` there is that side's honest peak memory and neither side's imports or caches help
or hurt the other. Start-up (imports, building the analyser or filters, loading the lexicon,
tokenizer and language identifier, and one warm-up document) is timed separately as "load s" and
is excluded from the throughput. Each side makes ``--repeat`` passes over the documents and the
fastest pass is reported (the least disturbed by the rest of the machine).

Words are counted the same way for both sides: ``len(text.split())``.

Caveat when reading the numbers: datatrove's ``filter`` stops at the first threshold a document
fails, so on spammy documents it does less work than on clean ones; seoclean always runs every
detector to report every finding. On clean text (the intended input) both do their full work.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from importlib.util import find_spec
from pathlib import Path

SIDES = ("seoclean", "datatrove")
ROOT = Path(__file__).resolve().parents[1]
CLI_BUDGET_SECONDS = 1.5


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "dir", type=Path, nargs="?", help="directory of plain-text documents (*.txt, searched recursively)"
    )
    parser.add_argument("--cli", action="store_true", help="time the cold start of `seoclean check FILE`")
    parser.add_argument("--cli-runs", type=int, default=5, help="timed runs for --cli; the median is reported")
    parser.add_argument(
        "--cli-file", type=Path, default=ROOT / "examples" / "clean-article.md", help="the draft --cli checks"
    )
    parser.add_argument("--limit", type=int, default=None, help="use only the first N documents (sorted by path)")
    parser.add_argument("--repeat", type=int, default=3, help="passes over the documents per side; best is kept")
    parser.add_argument("--json", type=Path, default=None, metavar="OUT", help="also write the results as JSON")
    # Internal: run one side in this process and print its measurements as JSON.
    parser.add_argument("--only", choices=SIDES, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.dir is None and not args.cli:
        parser.error("pass DIR (throughput against datatrove), --cli (cold start), or both")
    if args.cli_runs < 1:
        parser.error("--cli-runs must be at least 1")
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    if args.limit is not None and args.limit < 1:
        parser.error("--limit must be at least 1")
    return args


# -- documents ---------------------------------------------------------------------------------
def find_documents(directory: Path, limit: int | None) -> list[Path]:
    """The *.txt files under ``directory``, in a stable order; exits with a clear message if none."""
    if not directory.is_dir():
        sys.exit(f"bench: {directory} is not a directory")
    paths = sorted(directory.rglob("*.txt"))
    if not paths:
        sys.exit(f"bench: no .txt files under {directory}; pass a directory of plain-text documents")
    return paths[:limit] if limit else paths


def read_texts(paths: list[Path]) -> list[str]:
    # errors="replace": a stray bad byte must not stop the benchmark, and both sides get the same text.
    return [path.read_text(encoding="utf-8", errors="replace") for path in paths]


def count_words(texts: list[str]) -> int:
    """Whitespace-separated tokens: the one word count used for both sides."""
    return sum(len(text.split()) for text in texts)


# -- the two sides, each run in its own process --------------------------------------------------
def prepare_seoclean(texts: list[str]):
    """Build the analyser and load every lazy resource; return a function that processes one text."""
    from seoclean.analysis import Analyzer
    from seoclean.errors import InputError
    from seoclean.ingest import load_text
    from seoclean.ingest.language import detect_language
    from seoclean.lexicon import get_lexicon

    analyzer = Analyzer()
    get_lexicon().warm_up()
    # Non-English-looking text makes the language identifier load its model now, not mid-run.
    detect_language("Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor.")

    def process(text: str) -> bool:
        """True if seoclean reports at least one finding (a flagged document)."""
        try:
            return bool(analyzer.analyze_document(load_text(text)).findings)
        except InputError:  # e.g. an empty file: counted as processed, not flagged
            return False

    process(texts[0])
    return process


def prepare_datatrove(texts: list[str]):
    """Build both Gopher filters and load the word tokenizer; return a one-text function."""
    from datatrove.data import Document
    from datatrove.pipeline.filters import GopherQualityFilter, GopherRepetitionFilter

    filters = (GopherRepetitionFilter(), GopherQualityFilter())

    def process(text: str) -> bool:
        """True if either filter would drop the document."""
        doc = Document(text=text, id="bench")
        verdicts = [_kept(f.filter(doc)) for f in filters]  # a list, not any(): run both filters
        return not all(verdicts)

    process(texts[0])
    return process


def _kept(verdict: bool | tuple[bool, str]) -> bool:
    return verdict[0] if isinstance(verdict, tuple) else bool(verdict)


PREPARE = {"seoclean": prepare_seoclean, "datatrove": prepare_datatrove}


def run_side(side: str, paths: list[Path], repeat: int) -> dict:
    """Measure one side in this process: load time, best pass time, flags, peak RSS."""
    texts = read_texts(paths)
    started = time.perf_counter()
    process = PREPARE[side](texts)
    load_seconds = time.perf_counter() - started
    best, flagged = float("inf"), 0
    for _ in range(repeat):
        started = time.perf_counter()
        flagged = sum(process(text) for text in texts)
        best = min(best, time.perf_counter() - started)
    return {
        "side": side,
        "docs": len(texts),
        "words": count_words(texts),
        "load_seconds": load_seconds,
        "seconds": best,
        "flagged": flagged,
        "peak_rss_mb": peak_rss_mb(),
    }


def peak_rss_mb() -> float:
    """This process's peak resident set size; ru_maxrss is KiB on Linux, bytes on macOS."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def run_in_child(side: str, args: argparse.Namespace) -> dict:
    """Re-invoke this script with ``--only side`` and read its JSON line from stdout."""
    command = [
        sys.executable,
        str(Path(__file__).resolve()),
        str(args.dir),
        "--repeat",
        str(args.repeat),
        "--only",
        side,
    ]
    if args.limit:
        command += ["--limit", str(args.limit)]
    completed = subprocess.run(command, check=False, capture_output=True, text=True)
    if completed.returncode != 0:
        sys.exit(f"bench: the {side} run failed (exit {completed.returncode}):\n{completed.stderr.strip()}")
    return json.loads(completed.stdout.strip().splitlines()[-1])


# -- cold start of the command line ------------------------------------------------------------
def cli_command(path: Path) -> list[str]:
    """The installed console script when there is one (what users run), else ``python -m``."""
    script = Path(sys.executable).with_name("seoclean")
    prefix = [str(script)] if script.exists() else [sys.executable, "-m", "seoclean"]
    return [*prefix, "check", str(path)]


def time_cli(path: Path, runs: int) -> dict:
    """Wall-clock seconds of ``seoclean check path`` in fresh processes: one untimed warm-up run
    (OS file cache), then ``runs`` timed runs."""
    if not path.is_file():
        sys.exit(f"bench: {path} is not a file; pass a draft with --cli-file")
    command = cli_command(path)
    seconds, cpu_seconds = [], []
    for run in range(runs + 1):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        completed = subprocess.run(command, check=False, capture_output=True, text=True)
        elapsed = time.perf_counter() - started
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if completed.returncode not in (0, 1):  # 1 only means the draft has findings
            sys.exit(f"bench: `{' '.join(command)}` failed (exit {completed.returncode}):\n{completed.stderr.strip()}")
        if run:
            seconds.append(elapsed)
            # CPU time (user + system) barely moves when other processes compete for the machine.
            cpu_seconds.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    seconds.sort()
    command_text = " ".join(["seoclean", *command[-2:]])
    return {
        "command": command_text,
        "runs": runs,
        "seconds": seconds,
        "median": statistics.median(seconds),
        "cpu_median": statistics.median(cpu_seconds),
    }


def cli_summary(result: dict) -> str:
    verdict = "within" if result["median"] <= CLI_BUDGET_SECONDS else "OVER"
    return (
        f"cold start `{result['command']}`: median {result['median']:.2f} s of {result['runs']} runs "
        f"(min {result['seconds'][0]:.2f}, max {result['seconds'][-1]:.2f}; CPU median {result['cpu_median']:.2f} s); "
        f"{verdict} the {CLI_BUDGET_SECONDS} s budget. Python {platform.python_version()} on {platform.machine()}, "
        f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}."
    )


# -- report ------------------------------------------------------------------------------------
def add_rates(result: dict) -> dict:
    seconds = result["seconds"] or float("nan")
    return {**result, "words_per_s": result["words"] / seconds, "docs_per_s": result["docs"] / seconds}


def speed_ratio(results: list[dict]) -> float:
    """seoclean's words/s over datatrove's: above 1 means seoclean is faster."""
    by_side = {r["side"]: r for r in results}
    return by_side["seoclean"]["words_per_s"] / by_side["datatrove"]["words_per_s"]


def markdown_table(results: list[dict], repeat: int) -> str:
    ratio = speed_ratio(results)
    header = (
        "| side | docs | words | load s | seconds | words/s | docs/s | flagged | peak RSS MB |\n"
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
    )
    rows = [
        f"| {r['side']} | {r['docs']} | {r['words']:,} | {r['load_seconds']:.2f} | {r['seconds']:.3f} | "
        f"{r['words_per_s']:,.0f} | {r['docs_per_s']:,.1f} | {r['flagged']} | {r['peak_rss_mb']:.0f} |"
        for r in results
    ]
    notes = [
        "",
        f"seoclean / datatrove words/s: **{ratio:.2f}**",
        "",
        (
            f"Best of {repeat} passes, single process, each side in its own process (peak RSS is that process's "
            "ru_maxrss). `load s`: imports, set-up and one warm-up document, excluded from `seconds`. "
            "`flagged`: seoclean documents with any finding / documents either Gopher filter drops. "
            f"Python {platform.python_version()} on {platform.machine()} ({platform.system()})."
        ),
    ]
    return "\n".join([header, *rows, *notes])


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    cli = None
    if args.cli:
        cli = time_cli(args.cli_file, args.cli_runs)
        print(cli_summary(cli))
        if args.dir is None:
            if args.json:
                args.json.write_text(json.dumps({"cli": cli}, indent=2))
            return 0
    paths = find_documents(args.dir, args.limit)
    if args.only:
        print(json.dumps(run_side(args.only, paths, args.repeat)))
        return 0
    if find_spec("datatrove") is None:
        sys.exit("bench: datatrove is not installed; install the dev extra: pip install -e '.[dev]'")
    results = [add_rates(run_in_child(side, args)) for side in SIDES]
    print(markdown_table(results, args.repeat))
    if args.json:
        record = {"dir": str(args.dir), "repeat": args.repeat, "ratio_words_per_s": speed_ratio(results), "cli": cli}
        args.json.write_text(json.dumps({**record, "results": results}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
