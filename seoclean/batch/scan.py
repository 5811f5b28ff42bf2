"""A batch scan from start to end: collect the items, check configuration and model before any
output, skip what an earlier run finished (``--resume``), run the rest on an executor, stream
each record to ``--output`` (or to a stdout formatter) as its chunk finishes, and write the
summary and, with ``--report``, the HTML report.

Records reach the output in the order chunks finish: with ``--jobs`` or ``--dask`` the order of
the lines may differ from the input order, the set of records does not.
"""

from __future__ import annotations

import argparse
import sys
import uuid
from contextlib import ExitStack
from dataclasses import dataclass, field, replace

from seoclean.batch.sources import WorkItem, collect_items
from seoclean.batch.summary import BatchSummary
from seoclean.errors import SeocleanError

DETAIL_LIMIT = 500  # documents of the HTML report that carry their text and cleaned version


@dataclass
class ScanOutcome:
    summary: dict
    records: list[dict] = field(default_factory=list)  # kept only for --report


def run_scan(args: argparse.Namespace) -> ScanOutcome:
    from seoclean.batch.executors import chunk_size, chunked, make_executor
    from seoclean.batch.worker import scan_chunk

    _check_flags(args)
    write_report = _report_writer() if args.report else None
    items = collect_items(args.paths, from_list=args.from_list, stdin_filename=args.stdin_filename)
    runner, model = _prepared_runner(args, items)
    config = _scan_config(args)
    threshold = runner.settings_for(None).threshold or getattr(model, "threshold", None)
    summary = BatchSummary(model=_model_name(args), threshold=threshold)
    kept: list[dict] | None = [] if write_report else None
    with ExitStack() as cleanup:
        executor = make_executor(jobs=args.jobs, dask=args.dask, model=model)  # before the output is touched
        cleanup.callback(executor.close)
        journal = _open_journal(args, summary, kept)
        if journal is not None:
            cleanup.callback(journal.close)
        todo = [item for item in items if journal is None or item.id not in journal.done]
        if executor.workers > 1 or args.dask:
            todo = _read_stdin_now(todo)
        chunks = chunked(todo, chunk_size(len(todo), executor.workers))
        _stream(executor.map(scan_chunk, config, chunks), args, journal, summary, kept, len(todo))
        result = summary.as_dict()
        if write_report:
            _add_detail(kept, items, executor, config)
            write_report(args.report, kept, result)
    if not args.quiet:
        print(summary.line(), file=sys.stderr)
    return ScanOutcome(result, kept or [])


def _check_flags(args: argparse.Namespace) -> None:
    if args.config and args.no_config:
        raise SeocleanError("--config and --no-config contradict each other; pass one")
    if args.resume and not args.output:
        raise SeocleanError("--resume continues an --output FILE; pass the file the interrupted scan wrote")
    if args.jobs is not None and args.jobs < 1:
        raise SeocleanError(f"--jobs {args.jobs}: give 1 or more worker processes")


def _report_writer():
    """The HTML report's writer, checked before the scan so a missing module costs no work."""
    try:
        from seoclean.report.html import write_html_report
    except ImportError as error:
        raise SeocleanError(
            f"--report needs the HTML report module seoclean.report.html, which cannot be imported ({error}); "
            "update seoclean, or scan without --report and keep the --output file"
        ) from None
    return write_html_report


def _prepared_runner(args: argparse.Namespace, items: list[WorkItem]):
    """The parent's runner: reads every configuration and loads the classifier now, so that a
    bad configuration or model stops the run (exit 2) before any output."""
    from seoclean.commands.common import runner_from_args
    from seoclean.inputs import InputItem

    runner = runner_from_args(args)
    runner.prepare([InputItem(item.location if item.kind == "path" else None) for item in items])
    model = runner.analyzer_for(runner.settings_for(None), None).model
    return runner, model


def _model_name(args: argparse.Namespace) -> str | None:
    if args.no_model:
        return None
    return args.model or "default"


def _scan_config(args: argparse.Namespace):
    from seoclean.analysis import DEFAULT_MODEL
    from seoclean.batch.worker import ScanConfig
    from seoclean.commands.common import overrides_from

    return ScanConfig(
        token=uuid.uuid4().hex,
        overrides=overrides_from(args),
        config=args.config,
        discover=not args.no_config,
        input_format=args.input_format,
        model=None if args.no_model else (args.model or DEFAULT_MODEL),
        trust_model=args.trust_model,
        objects=not args.output,
        keep_source=args.format == "text" and not args.output,
        keep_features=args.features,
        url_timeout=args.timeout,
    )


def _open_journal(args: argparse.Namespace, summary: BatchSummary, kept: list[dict] | None):
    from seoclean.batch.journal import Journal

    if not args.output:
        return None

    def resumed(record: dict) -> None:
        summary.add_record(record, resumed=True)
        if kept is not None:
            kept.append(record)

    return Journal(args.output, resume=args.resume, on_resumed=resumed)


def _read_stdin_now(items: list[WorkItem]) -> list[WorkItem]:
    """Worker processes have no stdin: read it here and ship it as text."""
    return [replace(item, kind="text", content=sys.stdin.read()) if item.kind == "stdin" else item for item in items]


def _stream(results, args, journal, summary: BatchSummary, kept: list[dict] | None, total: int) -> None:
    from seoclean.progress import Progress

    formatter = None if journal is not None else _stdout_formatter(args)
    progress = Progress(total, sys.stderr, enabled=not args.quiet)
    if formatter is not None:
        formatter.start()
    try:
        for chunk in results:
            if journal is not None:
                journal.write([result.json for result in chunk])
            for result in chunk:
                if formatter is not None:
                    formatter.handle(result.report, result.source)
                summary.add(result.status, result.label, result.words, result.findings)
                progress.advance(result.id)
                if kept is not None:
                    kept.append(result.record(features=args.features))
    finally:
        progress.close()
    if formatter is not None:
        formatter.stop()


def _stdout_formatter(args: argparse.Namespace):
    from seoclean.report import get_formatter

    color = {"auto": None, "always": True, "never": False}[args.color]
    return get_formatter(args.format, sys.stdout, features=args.features, color=color)


def pick_for_detail(records: list[dict], limit: int = DETAIL_LIMIT) -> list[str]:
    """The ids a moderator will open: flagged documents first, then the highest-scoring others
    (most findings first when there is no classifier), ``limit`` in all."""
    readable = [record for record in records if record.get("status") == "ok"]
    readable.sort(
        key=lambda r: (r.get("label") == "spam", r.get("score") or 0.0, len(r.get("findings") or ()), r["id"]),
        reverse=True,
    )
    return [record["id"] for record in readable[:limit]]


def _add_detail(records: list[dict], items: list[WorkItem], executor, config) -> None:
    """Computed in the workers like the scan; every other record stays a table row only."""
    from seoclean.batch.executors import chunk_size, chunked
    from seoclean.batch.worker import detail_chunk

    by_id = {item.id: item for item in items}
    picked = pick_for_detail(records, DETAIL_LIMIT)
    wanted = [by_id[i] for i in picked if i in by_id and by_id[i].kind != "stdin"]
    details = {}
    for chunk in executor.map(detail_chunk, config, chunked(wanted, chunk_size(len(wanted), executor.workers))):
        details.update((detail["id"], detail) for detail in chunk)
    for record in records:
        detail = details.get(record["id"])
        if detail is not None:
            record["text"], record["clean_text"] = detail["text"], detail["clean_text"]
