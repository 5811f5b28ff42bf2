"""Lazy re-exports for package ``__init__`` modules: a name is imported from its module on first
use, so ``import seoclean`` (and the command line's cold start) stays fast."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any


def lazy_getattr(package: str, where: dict[str, str]) -> Callable[[str], Any]:
    """A module-level ``__getattr__`` that imports ``where[name]`` (a module path) on first use."""

    def __getattr__(name: str) -> Any:
        if name in where:
            return getattr(importlib.import_module(where[name]), name)
        raise AttributeError(f"module {package!r} has no attribute {name!r}")

    return __getattr__
