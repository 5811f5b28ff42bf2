"""GitHub Actions workflow commands: ``::error file=...,line=...,col=...::message``, which the
Actions runner turns into annotations on the pull request's changed lines.

See https://docs.github.com/actions/reference/workflow-commands-for-github-actions. Data is escaped
(``%``, CR, LF) and so are property values (also ``:`` and ``,``), as the runner expects.
"""

from __future__ import annotations

from seoclean.analysis import STATUS_ERROR, Report
from seoclean.findings import Finding, Severity
from seoclean.report.base import VERDICT_CODE, Formatter, display_path, end_position, verdict_message

LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


class GithubFormatter(Formatter):
    def handle(self, report: Report, source: str | None = None) -> None:
        path = display_path(report)
        if report.error:
            level = "error" if report.status == STATUS_ERROR else "notice"
            self._write(level, {"file": path, "title": "seoclean"}, report.error)
            return
        for finding in report.findings:
            self._write(
                LEVELS[finding.severity],
                self._properties(path, finding, report.format != "html"),
                f"{finding.rule} {finding.message}",
            )
        if report.label == "spam":
            self._write(
                "error",
                {"file": path, "line": 1, "title": f"{VERDICT_CODE} spam"},
                f"{VERDICT_CODE} {verdict_message(report)}",
            )

    @staticmethod
    def _properties(path: str, finding: Finding, exact_ends: bool) -> dict:
        properties = {"file": path, "line": finding.line, "col": finding.column}
        if exact_ends and finding.text:
            end_line, end_column = end_position(finding.line, finding.column, finding.text)
            # GitHub's endColumn is the last column of the annotation (inclusive).
            properties.update(endLine=end_line, endColumn=max(1, end_column - 1))
        properties["title"] = f"{finding.rule} ({finding.category})"
        return properties

    def _write(self, level: str, properties: dict, message: str) -> None:
        props = ",".join(f"{key}={_escape_property(str(value))}" for key, value in properties.items())
        self.stream.write(f"::{level} {props}::{_escape_data(message)}\n")


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")
