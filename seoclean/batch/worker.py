"""What runs in a worker: a chunk of ``WorkItem``s in, their results out. Each worker process
builds one ``Runner`` per scan (detectors, lexicon and classifier load once) and keeps it for
every chunk of that scan, so that a task carries only its items, never the analyser.

Results are small on purpose: a ``Report`` without its feature values (unless asked for) and the
source text only when the output quotes source lines (``--format text``)."""

from __future__ import annotations

import json
import logging
import threading
from dataclasses import dataclass, field
from typing import Any

from seoclean.analysis import DEFAULT_MODEL, STATUS_ERROR, Report
from seoclean.batch.sources import WorkItem
from seoclean.errors import InputError

logger = logging.getLogger(__name__)
_RUNNERS: dict[tuple[str, int], Any] = {}  # (scan token, thread) -> Runner: a Runner is not shared by threads
_LOCK = threading.Lock()


@dataclass(frozen=True, slots=True)
class ScanConfig:
    """How to build the worker's ``Runner``; ``token`` identifies the scan. ``model`` is
    ``"default"``, a model file (loaded with ``trust_model``), or None for no classifier."""

    token: str
    overrides: dict = field(default_factory=dict)
    config: str | None = None
    discover: bool = True
    input_format: str | None = None
    model: str | None = DEFAULT_MODEL
    trust_model: bool = False
    objects: bool = False  # return Report objects (stdout formatters), not JSON records
    keep_source: bool = False
    keep_features: bool = False
    url_timeout: float = 20.0


@dataclass(slots=True)
class Result:
    """One scanned item: the counts the summary needs, and either the record as JSON text
    (``--output``: cheap to send back, written as is) or, for stdout formatters, the ``Report``
    and, when ``keep_source``, its source."""

    id: str
    status: str
    label: str | None
    words: int
    findings: int
    json: str | None = None
    report: Report | None = None
    source: str | None = None

    def record(self, *, features: bool = False) -> dict:
        if self.json is not None:
            return json.loads(self.json)
        return {"id": self.id, **self.report.to_dict(features=features)}


def scan_chunk(config: ScanConfig, items: list[WorkItem], model: Any = None) -> list[Result]:
    """Scan ``items``; ``model`` is a classifier already shipped to this worker (dask), else
    the worker loads ``config.model`` once."""
    runner = runner_for(config, model)
    return [_scan_one(runner, config, item) for item in items]


def detail_chunk(config: ScanConfig, items: list[WorkItem], model: Any = None) -> list[dict]:
    """For the HTML report: per item its analysed text (what findings' offsets index) and its
    cleaned version (None when it cannot be cleaned)."""
    runner = runner_for(config, model)
    return [_detail_one(runner, config, item) for item in items]


def runner_for(config: ScanConfig, model: Any = None):
    key = (config.token, threading.get_ident())
    with _LOCK:
        runner = _RUNNERS.get(key)
        if runner is None:
            for stale in [k for k in _RUNNERS if k[0] != config.token]:
                del _RUNNERS[stale]  # a new scan: drop the previous scans' runners and their models
            runner = _RUNNERS[key] = _build_runner(config, model)
    return runner


def _build_runner(config: ScanConfig, model: Any):
    from seoclean.runner import Runner

    if model is None and config.model not in (None, DEFAULT_MODEL):
        from seoclean.model import load_model

        model = load_model(config.model, trust=config.trust_model)
    return Runner(
        overrides=config.overrides,
        config=config.config,
        discover=config.discover,
        input_format=config.input_format,
        model=model if model is not None else config.model,
    )


def _scan_one(runner, config: ScanConfig, item: WorkItem) -> Result:
    checked = _check(runner, config, item)
    report = checked.report
    result = Result(item.id, report.status, report.label, report.words, len(report.findings))
    if config.objects:
        if not config.keep_features:
            report.features = {}  # not sent back for nothing
        result.report = report
        result.source = checked.source if config.keep_source else None
    else:
        record = {"id": item.id, **report.to_dict(features=config.keep_features)}
        result.json = json.dumps(record, ensure_ascii=False)
    return result


def _check(runner, config: ScanConfig, item: WorkItem):
    from seoclean.inputs import InputItem
    from seoclean.runner import Checked

    if item.kind == "error":
        return runner.check(InputItem(item.location or item.id, error=item.error))
    if item.kind in ("path", "stdin"):
        return runner.check(InputItem(item.location, stdin=item.kind == "stdin"))
    if item.kind == "text":
        return runner.check_content(item.content, item.id, format=item.format)
    try:
        content, fmt = _remote_content(runner, config, item)
    except InputError as error:
        return Checked(Report(path=item.id, status=STATUS_ERROR, error=str(error)), None, runner.settings_for(None))
    return runner.check_content(content, item.id, format=fmt)


def _remote_content(runner, config: ScanConfig, item: WorkItem) -> tuple[bytes, str | None]:
    from seoclean.batch.fetch import fetch_url, read_warc_record

    max_bytes = runner.settings_for(None).max_bytes
    if item.kind == "warc":
        return read_warc_record(item.location, item.offset, max_bytes=max_bytes), item.format
    if item.kind == "url":
        return fetch_url(item.location, max_bytes=max_bytes, timeout=config.url_timeout)
    raise ValueError(f"unknown work item kind {item.kind!r}")


def _detail_one(runner, config: ScanConfig, item: WorkItem) -> dict:
    """Re-read and re-load the item exactly as the scan did, then clean it with the scan's analyser."""
    from seoclean.ingest import load_text, normalise_newlines, read_path
    from seoclean.ingest.decode import decode_bytes
    from seoclean.rewrite.api import clean_document

    detail: dict = {"id": item.id, "text": None, "clean_text": None}
    name = item.location if item.kind == "path" else item.id
    settings = runner.settings_for(name if item.kind == "path" else None)
    try:
        if item.kind == "path":
            source, fmt = read_path(item.location, max_bytes=settings.max_bytes), None
        elif item.kind == "text":
            source, fmt = item.content, item.format
        elif item.kind in ("warc", "url"):
            data, fmt = _remote_content(runner, config, item)
            source = decode_bytes(data, max_bytes=settings.max_bytes)[0]
        else:
            return detail  # stdin was read once, by the scan; errors have no text
        source = normalise_newlines(source)
        doc = load_text(source, format=runner.input_format or fmt, path=name)
        detail["text"] = doc.text
        analyzer = runner.analyzer_for(settings, runner.keyphrase_for(doc, settings))
        detail["clean_text"] = clean_document(doc, source, analyzer=analyzer).text
    except InputError:
        pass  # the scan reported why; the report shows the record without text
    except Exception:  # a failure to clean one page must not lose the report of the others
        logger.exception("cannot clean %s for the report", item.id)
    return detail
