"""seoclean: find SEO spam in web pages and article drafts, say exactly where and why.

Public API::

    import seoclean
    report = seoclean.analyze("draft.md")          # or text, or bytes
    for finding in report.findings:
        print(finding.line, finding.column, finding.rule, finding.message)
    cleaned = seoclean.clean("draft.md")          # the draft without its spam, and the edits

Importing the package does no work: detectors, lexicon and language model load on first use.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from seoclean.lazy import lazy_getattr

__version__ = "0.1.0"
__all__ = [
    "Analyzer",
    "CleanResult",
    "Finding",
    "Report",
    "Severity",
    "__version__",
    "analyze",
    "analyze_many",
    "clean",
    "load_model",
]

logging.getLogger(__name__).addHandler(logging.NullHandler())

if TYPE_CHECKING:
    from seoclean.analysis import Analyzer, Report, analyze, analyze_many
    from seoclean.findings import Finding, Severity
    from seoclean.model import load_model
    from seoclean.rewrite.api import CleanResult, clean

# Lazy re-exports keep `import seoclean` (and so the CLI's cold start) fast.
_LAZY = {
    "Analyzer": "seoclean.analysis",
    "Report": "seoclean.analysis",
    "analyze": "seoclean.analysis",
    "analyze_many": "seoclean.analysis",
    "Finding": "seoclean.findings",
    "Severity": "seoclean.findings",
    "clean": "seoclean.rewrite.api",
    "CleanResult": "seoclean.rewrite.api",
    "load_model": "seoclean.model",
}


__getattr__ = lazy_getattr(__name__, _LAZY)
