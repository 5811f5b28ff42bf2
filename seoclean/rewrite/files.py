"""Writing cleaned files safely: never a half-written file, never a lost original.

``atomic_write`` writes to a temporary file in the target's directory (same file system), flushes
it to disk, copies the original's permissions, then renames it over the target with
``os.replace``, which is atomic on POSIX and Windows: readers see the old file or the new one,
never a mix. If anything fails before the rename, the temporary file is removed and the target
is untouched. ``write_backup`` copies the original to ``FILE.bak`` the same way.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from pathlib import Path


def atomic_write(path: str | Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` atomically (see the module docstring)."""
    path = Path(path)
    descriptor, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    temporary = Path(name)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if path.exists():
            shutil.copymode(path, temporary)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise


def write_backup(path: str | Path) -> Path:
    """Copy ``path`` to ``path.bak`` (atomically, keeping its permissions); return the backup's path."""
    path = Path(path)
    backup = path.with_name(path.name + ".bak")
    atomic_write(backup, path.read_bytes())
    shutil.copymode(path, backup)
    return backup


__all__ = ["atomic_write", "write_backup"]
