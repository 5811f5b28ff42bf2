"""Throughput of batch scans: one process, ``--jobs 2``, and a 2-worker local Dask cluster, on
the same generated documents, and whether all three give the same records.

    python scripts/bench_batch.py [--docs 10000] [--seed 7] [--workdir DIR] [--skip-dask] [--json OUT]

Documents: ``--docs`` files written to ``WORKDIR/docs`` (a fresh temporary folder by default)
from the rows of ``datasets/seoclean-v1.jsonl.gz`` (plain text, Markdown and HTML, clean and
spam), picked and varied with a fixed seed so that no two files are identical copies: each
document drops one paragraph of its row (one ``<p>`` element for HTML) and swaps two others.

Each configuration runs the console script as a user would, ``seoclean scan DOCS --output
FILE.jsonl --quiet`` plus ``--jobs N`` or ``--dask local``, and is timed wall-clock from process
start to exit: model loading, starting the worker processes or the cluster, and writing the
output all count. Words are the records' ``words``. Identical means: the records, sorted by id,
are equal field for field (the records carry no timing fields). "cpu s" is the CPU time of the
scan and all its worker processes, and "load" the 1-minute load average just before the run: on a
shared machine a high load makes the wall-clock speed-up meaningless, while CPU seconds close to
those of ``--jobs 1`` still show that the parallel runs add little work of their own.

The scans run on a frozen copy of ``seoclean/`` and ``models/`` (``WORKDIR/snapshot``, on
PYTHONPATH, which the worker processes inherit), so that other work on the tree during the
benchmark (a retrained model, an edited detector) cannot make the runs differ; ``--no-snapshot``
runs the working tree.

Target (issue #7): ``--jobs 2`` at >= 1.7x the throughput of ``--jobs 1`` on a 2-core machine.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SUFFIX = {"html": ".html", "markdown": ".md", "text": ".txt"}
_HTML_PARAGRAPH = re.compile(r"<p\b[^>]*>.*?</p>", re.IGNORECASE | re.DOTALL)


def generate(folder: Path, count: int, seed: int) -> int:
    """Write ``count`` varied documents; returns their total size in bytes."""
    from seoclean.corpus.loader import read_rows

    rows = list(read_rows())
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    total = 0
    for number in range(count):
        row = rows[rng.randrange(len(rows))]
        text = vary(row["text"], row["format"], rng)
        path = folder / f"doc-{number:05d}{SUFFIX[row['format']]}"
        path.write_text(text, encoding="utf-8")
        total += len(text.encode("utf-8"))
    return total


def vary(text: str, fmt: str, rng: random.Random) -> str:
    """Drop one paragraph and swap two others (HTML: ``<p>`` elements), when there are enough."""
    if fmt == "html":
        spans = [m.span() for m in _HTML_PARAGRAPH.finditer(text)]
        if len(spans) < 4:
            return text
        parts = [text[start:end] for start, end in spans]
        drop = rng.randrange(len(parts))
        first, second = rng.sample(range(len(parts)), 2)
        parts[first], parts[second] = parts[second], parts[first]
        parts[drop] = ""
        out, cursor = [], 0
        for (start, end), part in zip(spans, parts):
            out.append(text[cursor:start] + part)
            cursor = end
        return "".join(out) + text[cursor:]
    paragraphs = text.split("\n\n")
    if len(paragraphs) < 4:
        return text
    head, body = paragraphs[:1], paragraphs[1:]  # keep the title / front matter first
    body.pop(rng.randrange(len(body)))
    first, second = rng.sample(range(len(body)), 2)
    body[first], body[second] = body[second], body[first]
    return "\n\n".join(head + body)


def snapshot(workdir: Path) -> dict[str, str]:
    """A frozen copy of the package and the models, and the environment that runs it (workers
    inherit PYTHONPATH): edits to the working tree during the benchmark cannot change results."""
    root = Path(__file__).resolve().parents[1]
    target = workdir / "snapshot"
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(root / "seoclean", target / "seoclean", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(root / "models", target / "models")
    return {**os.environ, "PYTHONPATH": str(target)}


def run_scan(docs: Path, output: Path, extra: list[str], env: dict[str, str] | None) -> tuple[float, float]:
    """Wall-clock seconds, and CPU seconds of the scan and every process it started."""
    command = [sys.executable, "-m", "seoclean", "scan", str(docs), "--output", str(output), "--quiet", *extra]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    # cwd: `python -m` puts the working folder first on sys.path, ahead of the snapshot.
    subprocess.run(command, check=True, env=env, cwd=output.parent)
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return seconds, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def records_by_id(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as stream:
        return sorted((json.loads(line) for line in stream), key=lambda record: record["id"])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--workdir", type=Path, help="where documents and outputs go (default: a temporary folder)")
    parser.add_argument("--skip-dask", action="store_true")
    parser.add_argument("--no-snapshot", action="store_true", help="run the working tree, not a frozen copy of it")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args(argv)

    workdir = (args.workdir or Path(tempfile.mkdtemp(prefix="seoclean-bench-batch-"))).resolve()
    docs = workdir / "docs"
    size = generate(docs, args.docs, args.seed)
    env = None if args.no_snapshot else snapshot(workdir)
    print(f"{args.docs} documents, {size / 1e6:.1f} MB, in {docs}  (cpus: {os.cpu_count()})", flush=True)

    configurations = [("jobs 1", ["--jobs", "1"]), ("jobs 2", ["--jobs", "2"])]
    if not args.skip_dask:
        configurations.append(("dask local 2", ["--dask", "local", "--jobs", "2"]))
    results, baseline_records = {}, None
    for name, extra in configurations:
        output = workdir / f"{name.replace(' ', '-')}.jsonl"
        load = os.getloadavg()[0]
        seconds, cpu_seconds = run_scan(docs, output, extra, env)
        records = records_by_id(output)
        words = sum(record.get("words") or 0 for record in records)
        baseline_records = baseline_records if baseline_records is not None else records
        results[name] = {
            "seconds": round(seconds, 2),
            "docs_per_second": round(len(records) / seconds, 1),
            "words_per_second": round(words / seconds),
            "records": len(records),
            "cpu_seconds": round(cpu_seconds, 1),
            "load_average_before": round(load, 2),
            "identical_to_jobs_1": records == baseline_records,
        }
    base = results["jobs 1"]["seconds"]
    for figures in results.values():
        figures["speedup"] = round(base / figures["seconds"], 2)
    print(f"{'run':<14}{'seconds':>9}{'docs/s':>9}{'words/s':>10}{'speed-up':>10}{'cpu s':>8}{'load':>6}  identical")
    for name, f in results.items():
        print(
            f"{name:<14}{f['seconds']:>9.1f}{f['docs_per_second']:>9.1f}{f['words_per_second']:>10}"
            f"{f['speedup']:>9.2f}x{f['cpu_seconds']:>8.0f}{f['load_average_before']:>6.1f}"
            f"  {f['identical_to_jobs_1']} ({f['records']} records)"
        )
    if args.json:
        args.json.write_text(json.dumps({"documents": args.docs, "seed": args.seed, "runs": results}, indent=2))
    return 0 if all(f["identical_to_jobs_1"] for f in results.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
