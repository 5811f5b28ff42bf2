"""SARIF 2.1.0 (https://docs.oasis-open.org/sarif/sarif/v2.1.0/), the format GitHub code scanning
and most CI dashboards read. One run; every rule of the registry in ``tool.driver.rules``; one
result per finding, with a region in the source file and the suggestion as a fix.

Columns count Unicode code points (``columnKind: unicodeCodePoints``), as seoclean does. Regions of
HTML findings give only their start: the finding's text is the page's visible text, not the markup,
so an end computed from it would be wrong. Inputs that could not be read become tool execution
notifications, not results. A spam verdict becomes a result of rule SEO901 on the file's first line.
"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import quote

from seoclean.analysis import STATUS_ERROR, Report
from seoclean.findings import Finding, Severity
from seoclean.report.base import VERDICT_CODE, Formatter, display_path, end_position, verdict_message

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


class SarifFormatter(Formatter):
    def start(self) -> None:
        from seoclean.rules import registry

        self._rules = list(registry().values())
        self._rule_index = {rule.code: i for i, rule in enumerate(self._rules)}
        self._results: list[dict] = []
        self._notifications: list[dict] = []

    def handle(self, report: Report, source: str | None = None) -> None:
        uri = artifact_uri(display_path(report))
        if report.error:
            level = "error" if report.status == STATUS_ERROR else "note"
            self._notifications.append(
                {
                    "level": level,
                    "message": {"text": f"{display_path(report)}: {report.error}"},
                    "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri}}}],
                }
            )
            return
        exact_ends = report.format != "html"
        self._results += [self._result(f, uri, exact_ends) for f in report.findings]
        if report.label == "spam" and not any(f.rule == VERDICT_CODE for f in report.findings):
            self._results.append(self._verdict_result(report, uri))

    def stop(self) -> None:
        from seoclean import __version__

        invocation = {
            "executionSuccessful": not any(n["level"] == "error" for n in self._notifications),
            "toolExecutionNotifications": self._notifications,
        }
        log = {
            "$schema": SCHEMA_URI,
            "version": "2.1.0",
            "runs": [
                {
                    "tool": {
                        "driver": {
                            "name": "seoclean",
                            "version": __version__,
                            "semanticVersion": __version__,
                            "rules": [_rule_descriptor(rule) for rule in self._rules],
                        }
                    },
                    "invocations": [invocation],
                    "columnKind": "unicodeCodePoints",
                    "results": self._results,
                }
            ],
        }
        json.dump(log, self.stream, ensure_ascii=False, indent=2)
        self.stream.write("\n")

    # -- results -------------------------------------------------------------------------------
    def _result(self, finding: Finding, uri: str, exact_ends: bool) -> dict:
        region = {"startLine": finding.line, "startColumn": finding.column}
        if exact_ends and finding.text:
            end_line, end_column = end_position(finding.line, finding.column, finding.text)
            region.update(endLine=end_line, endColumn=end_column, snippet={"text": finding.text})
        result = {
            "ruleId": finding.rule,
            "level": LEVELS[finding.severity],
            "message": {"text": finding.message},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri}, "region": region}}],
            "properties": {"category": finding.category, "start": finding.start, "end": finding.end},
        }
        if finding.rule in self._rule_index:
            result["ruleIndex"] = self._rule_index[finding.rule]
        if finding.suggestion is not None and "endLine" in region:
            result["fixes"] = [_fix(finding, uri, region)]
        return result

    def _verdict_result(self, report: Report, uri: str) -> dict:
        result = {
            "ruleId": VERDICT_CODE,
            "level": "error",
            "message": {"text": verdict_message(report)},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri}, "region": {"startLine": 1}}}],
            "properties": {"score": report.score, "reasons": list(report.reasons)},
        }
        if VERDICT_CODE in self._rule_index:
            result["ruleIndex"] = self._rule_index[VERDICT_CODE]
        return result


def _fix(finding: Finding, uri: str, region: dict) -> dict:
    deleted = {key: region[key] for key in ("startLine", "startColumn", "endLine", "endColumn")}
    description = "delete this" if finding.suggestion == "" else f"replace with {finding.suggestion!r}"
    return {
        "description": {"text": description},
        "artifactChanges": [
            {
                "artifactLocation": {"uri": uri},
                "replacements": [{"deletedRegion": deleted, "insertedContent": {"text": finding.suggestion}}],
            }
        ],
    }


def _rule_descriptor(rule) -> dict:
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.docs()},
        "help": {"text": rule.docs()},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"category": rule.category, "tags": [rule.category]},
    }


def artifact_uri(path: str) -> str:
    """A relative path stays relative (code scanning resolves it against the repository root);
    an absolute one becomes a file:// URI."""
    candidate = Path(path)
    if candidate.is_absolute():
        return candidate.as_uri()
    return quote(candidate.as_posix(), safe="/")
