"""Checking inputs the way the command line does: settings for each file, load, analyse, select
rules, apply suppression comments, and the verdict. The commands only wire this to formatters.

Per file: the configuration file is discovered upward from the file (and cached per folder); the
target keyphrase is the ``--keyphrase`` flag, else the draft's front matter ``keyphrase:``, else the
configuration's ``keyphrase``; the spam verdict is the classifier's unless ``threshold`` is set.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from seoclean.analysis import DEFAULT_MODEL, STATUS_ERROR, Analyzer, Report
from seoclean.document import Document
from seoclean.errors import InputError, SeocleanError
from seoclean.findings import Severity
from seoclean.inputs import InputItem
from seoclean.settings import Settings, apply_overrides, discover_config, load_settings
from seoclean.suppressions import apply_suppressions, parse_directives, unused_findings

logger = logging.getLogger(__name__)

SPAM = "spam"
_MAX_ANALYZERS = 16  # one per distinct (allowlist, keyphrase); drafts of a run rarely have more


@dataclass(slots=True)
class Checked:
    """One checked input: its report, its source text (newline-normalised, None when it could
    not be read) for formatters that quote lines, and the settings it was checked with."""

    report: Report
    source: str | None
    settings: Settings

    @property
    def is_error(self) -> bool:
        return self.report.status == STATUS_ERROR

    @property
    def is_spam(self) -> bool:
        return self.report.label == SPAM

    @property
    def fails(self) -> bool:
        """Spam, or a finding at or above the ``fail-on`` severity (``none``: findings never fail)."""
        if self.is_spam:
            return True
        if self.settings.fail_on == "none":
            return False
        level = Severity.parse(self.settings.fail_on)
        return any(finding.severity >= level for finding in self.report.findings)


class Runner:
    """Checks inputs with settings from flags (``overrides``, by field name) over the discovered
    configuration (or ``config``, or none with ``discover=False``). One per run: analysers,
    lexicon and classifier are built once and shared."""

    def __init__(
        self,
        *,
        overrides: dict[str, Any] | None = None,
        config: str | Path | None = None,
        discover: bool = True,
        input_format: str | None = None,
        model: Any = DEFAULT_MODEL,
    ) -> None:
        self.overrides = {k: v for k, v in (overrides or {}).items() if v is not None}
        self.config = config
        self.discover = discover and config is None
        self.input_format = input_format
        self._model = model
        self._settings: dict[Path | None, Settings] = {}
        self._config_of_folder: dict[Path, Path | None] = {}
        self._analyzers: dict[tuple, Analyzer] = {}

    # -- settings ----------------------------------------------------------------------------
    def settings_for(self, path: str | None) -> Settings:
        """Settings for a file (or the current folder for stdin without a name); raises
        ``ConfigError`` for a bad configuration file."""
        if not self.discover:
            key = None if self.config is None else Path(self.config)
            if key not in self._settings:
                self._settings[key] = load_settings(overrides=self.overrides, config=self.config, discover=False)
            return self._settings[key]
        folder = (Path(path).parent if path else Path.cwd()).resolve()
        if folder not in self._config_of_folder:
            self._config_of_folder[folder] = discover_config(folder)
        config_path = self._config_of_folder[folder]
        if config_path not in self._settings:
            base = load_settings(config=config_path, discover=False) if config_path else Settings()
            self._settings[config_path] = apply_overrides(base, self.overrides)
        return self._settings[config_path]

    def prepare(self, items: list[InputItem]) -> None:
        """Read every configuration and load the classifier now, so that a bad configuration
        file or an unusable model stops the run (``ConfigError``, ``ModelError``) before any
        output is written."""
        for item in items:
            settings = self.settings_for(item.path)
        if items:
            self.analyzer_for(settings, None)

    # -- checking ----------------------------------------------------------------------------
    def check_all(self, items: Iterable[InputItem]) -> Iterator[Checked]:
        for item in items:
            yield self.check(item)

    def check(self, item: InputItem) -> Checked:
        settings = self.settings_for(item.path)
        if item.error:
            return Checked(_error_report(item.path, item.error), None, settings)
        try:
            source = self._read(item, settings)
        except InputError as error:
            return Checked(_error_report(item.path, str(error)), None, settings)
        return self._check_source(source, item.path, settings, self.input_format)

    def check_content(self, content: str | bytes, name: str | None, *, format: str | None = None) -> Checked:
        """Check a document that was read elsewhere (a JSONL row, a WARC record, a fetched URL):
        ``name`` names it in the report and for per-file-ignores; the configuration is the one of
        the current folder, since the content has no folder of its own. ``--input-format`` beats
        ``format``, which beats the name's extension and a sniff of the content."""
        from seoclean.ingest import normalise_newlines
        from seoclean.ingest.decode import check_size, decode_bytes

        settings = self.settings_for(None)
        try:
            if isinstance(content, bytes):
                content = decode_bytes(content, max_bytes=settings.max_bytes)[0]
            else:
                check_size(len(content.encode("utf-8", "surrogatepass")), settings.max_bytes)
        except InputError as error:
            return Checked(_error_report(name, str(error)), None, settings)
        source = normalise_newlines(content)
        return self._check_source(source, name, settings, self.input_format or format)

    def _check_source(self, source: str, path: str | None, settings: Settings, format: str | None) -> Checked:
        try:
            report = self._analyse(source, path, settings, format)
        except InputError as error:
            return Checked(_error_report(path, str(error)), source, settings)
        except SeocleanError:
            raise  # the run cannot go on (an unusable model): the command line reports it, exit 2
        except Exception as error:  # one bad input must not stop a batch; the log has the traceback
            logger.exception("internal error while analysing %s", path or "<stdin>")
            return Checked(_error_report(path, f"internal error: {error!r}"), source, settings)
        return Checked(report, source, settings)

    def _read(self, item: InputItem, settings: Settings) -> str:
        from seoclean.ingest import normalise_newlines, read_path
        from seoclean.ingest.decode import decode_bytes

        if item.stdin:
            text = decode_bytes(sys.stdin.buffer.read(), max_bytes=settings.max_bytes)[0]
        else:
            text = read_path(item.path, max_bytes=settings.max_bytes)
        # The same normalisation as the loader's, so source lines match findings' line numbers.
        return normalise_newlines(text)

    def _analyse(self, source: str, path: str | None, settings: Settings, format: str | None) -> Report:
        from seoclean.ingest import load_text

        doc = load_text(source, format=format, path=path)
        report = self.analyzer_for(settings, self.keyphrase_for(doc, settings)).analyze_document(doc)
        if settings.threshold is not None and report.score is not None:
            report.label = SPAM if report.score >= settings.threshold else "ok"
        report.findings = _filtered(report, source, path, settings)
        return report

    def keyphrase_for(self, doc: Document, settings: Settings) -> str | None:
        """The flag, else the draft's front matter ``keyphrase:``, else the configuration's: the
        most specific statement of intent wins, and a flag is the most deliberate one."""
        front_matter = doc.front_matter.get("keyphrase")
        front_matter = front_matter.strip() if isinstance(front_matter, str) else None
        return self.overrides.get("keyphrase") or front_matter or settings.keyphrase

    def analyzer_for(self, settings: Settings, keyphrase: str | None) -> Analyzer:
        """The analyser for these settings and keyphrase, built on first use and shared."""
        key = (settings.allowlist, settings.max_bytes, keyphrase)
        analyzer = self._analyzers.get(key)
        if analyzer is None:
            if len(self._analyzers) >= _MAX_ANALYZERS:
                self._analyzers.pop(next(iter(self._analyzers)))
            options = {"spin": {"allowlist": list(settings.allowlist)}} if settings.allowlist else None
            analyzer = Analyzer(
                keyphrase=keyphrase, detector_options=options, max_bytes=settings.max_bytes, model=self._model
            )
            # Load the classifier once (a ModelError stops the run here) and share it after that.
            self._model = analyzer.model
            self._analyzers[key] = analyzer
        return analyzer


def _filtered(report: Report, source: str, path: str | None, settings: Settings) -> list:
    """Selected findings that no comment suppresses, plus SEO902 for unused suppressions."""
    ignored = settings.ignored_for(path)
    findings = [f for f in report.findings if settings.is_enabled(f.rule, ignored)]
    directives = parse_directives(source)
    if directives:
        findings, _ = apply_suppressions(findings, directives)
        unused = unused_findings(directives, offsets_valid=report.format != "html")
        findings += [f for f in unused if settings.is_enabled(f.rule, ignored)]
    return sorted(findings, key=lambda f: (f.line, f.column, f.rule))


def _error_report(path: str | None, message: str) -> Report:
    return Report(path=path, status=STATUS_ERROR, error=message)
