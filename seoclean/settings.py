"""Settings: shipped defaults, overridden key by key by the repository's configuration file,
overridden by command-line flags.

The file is the first ``.seoclean.toml`` (keys at the top level) or ``pyproject.toml`` with a
``[tool.seoclean]`` table found walking up from the checked file's folder; a ``pyproject.toml``
without that table is passed over. Keys are kebab-case in files (``fail-on``) and snake_case here
(``fail_on``). An unknown key or a value of the wrong type is a ``ConfigError`` that names the key,
the file and the valid keys, so a typo never silently turns a check off.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field, fields, replace
from fnmatch import fnmatchcase
from pathlib import Path, PurePath
from typing import Any

from seoclean.errors import ConfigError
from seoclean.ingest.decode import DEFAULT_MAX_BYTES

CONFIG_FILES = (".seoclean.toml", "pyproject.toml")  # checked in this order in each folder
FAIL_ON_CHOICES = ("info", "warning", "error", "none")


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything a run can be configured with. ``config_path`` is the file the values came
    from (None: defaults and flags only); per-file-ignore globs are relative to its folder."""

    select: tuple[str, ...] = ("SEO",)
    ignore: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    threshold: float | None = None  # None: the classifier's own cut-off
    # Errors and the spam verdict fail a check; warnings are shown but pass, as in ESLint. A warning
    # is one odd word or one repeated line: on real clean articles, failing on warnings blocked
    # about four drafts in ten (README, "Checking drafts").
    fail_on: str = "error"
    allowlist: tuple[str, ...] = ()
    keyphrase: str | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    config_path: Path | None = field(default=None, compare=False)

    def ignored_for(self, path: str | None) -> tuple[str, ...]:
        """``ignore`` plus the per-file ignores whose glob matches ``path``."""
        codes = list(self.ignore)
        if path is not None:
            root = self.config_path.parent if self.config_path else Path.cwd()
            for pattern, pattern_codes in self.per_file_ignores:
                if glob_matches(_relative_to(path, root), pattern):
                    codes.extend(pattern_codes)
        return tuple(codes)

    def is_enabled(self, code: str, ignored: tuple[str, ...]) -> bool:
        """Selected by a code prefix and not ignored by one (``SEO2`` covers every spin rule)."""
        return code.startswith(self.select) and not code.startswith(ignored)


# Key in files -> (field name, converter). Converters raise TypeError/ValueError saying what is expected.
def _codes(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError('expected a list of rule codes or prefixes, e.g. ["SEO1", "SEO201"]')
    codes = tuple(v.strip().upper() for v in value if v.strip())
    _check_codes(codes)
    return codes


def _per_file_ignores(value: Any) -> tuple[tuple[str, tuple[str, ...]], ...]:
    if not isinstance(value, dict):
        raise TypeError('expected a table of glob = [codes], e.g. "drafts/legacy/*.md" = ["SEO3"]')
    return tuple((str(pattern), _codes(codes)) for pattern, codes in value.items())


def _threshold(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0.0 <= value <= 1.0:
        raise ValueError("expected a number from 0 to 1 (the spam score at or above which a draft is spam)")
    return float(value)


def _fail_on(value: Any) -> str:
    if not isinstance(value, str) or value.strip().lower() not in FAIL_ON_CHOICES:
        raise ValueError(f"expected one of: {', '.join(FAIL_ON_CHOICES)}")
    return value.strip().lower()


def _terms(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError('expected a list of terms, e.g. ["Acme", "Best Buy"]')
    return tuple(v.strip() for v in value if v.strip())


def _keyphrase(value: Any) -> str | None:
    if not isinstance(value, str):
        raise TypeError('expected a string, e.g. "lower back pain"')
    return value.strip() or None


def _max_bytes(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError("expected a positive whole number of bytes")
    return value


KEYS = {
    "select": ("select", _codes),
    "ignore": ("ignore", _codes),
    "per-file-ignores": ("per_file_ignores", _per_file_ignores),
    "threshold": ("threshold", _threshold),
    "fail-on": ("fail_on", _fail_on),
    "allowlist": ("allowlist", _terms),
    "keyphrase": ("keyphrase", _keyphrase),
    "max-bytes": ("max_bytes", _max_bytes),
}
FLAG_FIELDS = frozenset(f.name for f in fields(Settings)) - {"config_path"}


def discover_config(start: str | Path) -> Path | None:
    """The first configuration file found in ``start`` (a file's folder, or a folder) or above it."""
    start = Path(start).resolve()
    folder = start if start.is_dir() else start.parent
    for candidate in (folder, *folder.parents):
        for name in CONFIG_FILES:
            path = candidate / name
            if path.is_file() and (name != "pyproject.toml" or _has_tool_table(path)):
                return path
    return None


def read_config(path: str | Path) -> dict[str, Any]:
    """The seoclean table of a configuration file, as file keys -> raw values."""
    import tomllib

    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"configuration file {path} not found; check the path given to --config") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path} is not valid TOML: {error}") from None
    if path.name == "pyproject.toml":
        table = data.get("tool", {}).get("seoclean", {})
        if not isinstance(table, dict):
            raise ConfigError(f"{path}: [tool.seoclean] must be a table")
        return table
    return data


def load_settings(
    path: str | Path | None = None,
    overrides: dict[str, Any] | None = None,
    *,
    config: str | Path | None = None,
    discover: bool = True,
) -> Settings:
    """Settings for checking ``path``: defaults < the configuration file < ``overrides``.

    The configuration file is ``config`` when given (``--config``), else the one discovered upward
    from ``path`` (or the current folder), unless ``discover`` is False (``--no-config``).
    ``overrides`` holds flag values by field name (``fail_on``); None means "not given".
    """
    if config is not None:
        config_path: Path | None = Path(config).resolve()
    elif discover:
        config_path = discover_config(path if path is not None else Path.cwd())
    else:
        config_path = None
    values = _validated(read_config(config_path), config_path) if config_path else {}
    settings = replace(Settings(config_path=config_path), **values)
    return apply_overrides(settings, overrides or {})


def apply_overrides(settings: Settings, overrides: dict[str, Any]) -> Settings:
    """Flag values (already converted, by field name) over ``settings``; None means not given."""
    unknown = set(overrides) - FLAG_FIELDS
    if unknown:
        raise ConfigError(f"unknown setting(s) {sorted(unknown)}; valid: {sorted(FLAG_FIELDS)}")
    return replace(settings, **{name: value for name, value in overrides.items() if value is not None})


def parse_flag(key: str, raw: str) -> Any:
    """Convert a flag's text with the same rules as the file (``--select SEO1,SEO2``)."""
    convert = KEYS[key][1]
    value: Any = raw
    if key in ("select", "ignore", "allowlist"):
        value = raw.split(",")
    elif key == "threshold":
        try:
            value = float(raw)
        except ValueError:
            value = raw
    elif key == "max-bytes":
        value = int(raw) if raw.strip().isdigit() else raw
    try:
        return convert(value)
    except (TypeError, ValueError) as error:
        raise ConfigError(f"--{key} {raw!r}: {error}") from None


def _validated(table: dict[str, Any], path: Path) -> dict[str, Any]:
    where = f"{path} [tool.seoclean]" if path.name == "pyproject.toml" else str(path)
    values = {}
    for key, raw in table.items():
        if key not in KEYS:
            hint = difflib.get_close_matches(key.replace("_", "-"), KEYS, n=1)
            did_you_mean = f" (did you mean {hint[0]!r}?)" if hint else ""
            raise ConfigError(f"unknown key {key!r} in {where}{did_you_mean}; valid keys: {', '.join(KEYS)}")
        field_name, convert = KEYS[key]
        try:
            values[field_name] = convert(raw)
        except (TypeError, ValueError) as error:
            raise ConfigError(f"bad value for {key!r} in {where}: {error}") from None
    return values


def _check_codes(codes: tuple[str, ...]) -> None:
    from seoclean.rules import registry

    known = registry()
    for code in codes:
        if not any(rule.startswith(code) for rule in known):
            raise ValueError(f"{code!r} matches no rule code; `seoclean rules` lists them (prefixes like SEO2 work)")


def _has_tool_table(path: Path) -> bool:
    import tomllib

    try:
        text = path.read_text(encoding="utf-8")
        if "seoclean" not in text:  # most pyproject.toml files never mention seoclean: skip parsing
            return False
        tool = tomllib.loads(text).get("tool", {})
    except (OSError, UnicodeDecodeError):
        return False
    except tomllib.TOMLDecodeError:
        return True  # it mentions seoclean but is broken: read_config reports where
    return isinstance(tool, dict) and "seoclean" in tool


def glob_matches(relative: str, pattern: str) -> bool:
    """Does a POSIX path relative to the config folder match a per-file-ignores glob?

    ``*`` also matches ``/`` (as in ruff); ``**/`` may match no folder at all; a pattern without a
    ``/`` also matches the bare file name anywhere (``"*.html"``)."""
    candidates = {pattern, pattern.replace("**/", "")}
    if any(fnmatchcase(relative, p) for p in candidates):
        return True
    return "/" not in pattern and fnmatchcase(PurePath(relative).name, pattern)


def _relative_to(path: str, root: Path) -> str:
    absolute = Path(path).resolve()
    try:
        return absolute.relative_to(root.resolve()).as_posix()
    except ValueError:
        return absolute.as_posix()
