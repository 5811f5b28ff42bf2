"""Rewrite: findings -> edits -> the page or draft without its spam.

``edits`` (the ``Edit`` record and the one function that applies edits), ``repair`` (spacing and
punctuation around deletions), ``planner`` (which findings become edits), ``render`` (an HTML
page's main content as Markdown or text), ``compose`` (edits of several rounds as one list) and
``api`` (``clean`` and ``CleanResult``). Nothing is imported until used.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from seoclean.lazy import lazy_getattr

__all__ = ["CleanPolicy", "CleanResult", "Edit", "apply_edits", "clean", "plan_edits"]

if TYPE_CHECKING:
    from seoclean.rewrite.api import CleanResult, clean
    from seoclean.rewrite.edits import Edit, apply_edits
    from seoclean.rewrite.planner import CleanPolicy, plan_edits

_LAZY = {
    "CleanResult": "seoclean.rewrite.api",
    "clean": "seoclean.rewrite.api",
    "Edit": "seoclean.rewrite.edits",
    "apply_edits": "seoclean.rewrite.edits",
    "CleanPolicy": "seoclean.rewrite.planner",
    "plan_edits": "seoclean.rewrite.planner",
}


__getattr__ = lazy_getattr(__name__, _LAZY)
