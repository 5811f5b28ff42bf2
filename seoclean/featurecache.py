"""Feature matrices of a dataset, extracted once and cached under ``artifacts/features/``.

Extraction is the slow step of training and evaluation; classifiers are quick to compare once the
matrices exist. A cache entry is keyed by the dataset file's SHA-256, the seoclean version and a
fingerprint of the code and data that compute features (detectors, ingestion, lexicon data), so a
changed detector never reuses stale features. ``artifacts/`` is gitignored.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from seoclean.corpus import read_rows
from seoclean.model import file_sha256

logger = logging.getLogger(__name__)

DEFAULT_CACHE_DIR = Path("artifacts") / "features"
_PACKAGE = Path(__file__).resolve().parent
# What decides a feature value: a change to any of these files invalidates the cache.
_FEATURE_CODE = ("detectors", "ingest", "lexicon", "data", "document.py", "analysis.py", "features.py")


@dataclass
class FeatureSet:
    rows: list[dict]  # the dataset's rows, in file order
    X: np.ndarray  # one row of features per dataset row
    names: list[str]
    from_cache: bool


def code_fingerprint() -> str:
    digest = hashlib.sha256()
    for entry in _FEATURE_CODE:
        root = _PACKAGE / entry
        files = sorted(root.rglob("*")) if root.is_dir() else [root]
        for path in files:
            if path.is_file() and path.suffix != ".pyc":
                digest.update(str(path.relative_to(_PACKAGE)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()


def cache_path(dataset_sha256: str, cache_dir: Path = DEFAULT_CACHE_DIR) -> Path:
    from seoclean import __version__

    key = hashlib.sha256(f"{dataset_sha256}|{__version__}|{code_fingerprint()}".encode()).hexdigest()[:16]
    return Path(cache_dir) / f"features-{key}.npz"


def dataset_features(
    data_path: str | Path,
    *,
    cache_dir: Path | None = DEFAULT_CACHE_DIR,
    n_jobs: int | None = None,
    log: Callable[[str], None] = logger.info,
) -> FeatureSet:
    """All rows of a dataset file with their features, from the cache when it holds them.

    ``cache_dir=None`` always extracts and writes nothing."""
    from seoclean.features import DetectorFeatures

    rows = list(read_rows(data_path))
    target = cache_path(file_sha256(data_path), cache_dir) if cache_dir is not None else None
    if target is not None and target.is_file():
        with np.load(target, allow_pickle=False) as cached:
            if list(cached["ids"]) == [row["id"] for row in rows]:
                log(f"features: read from cache {target}")
                return FeatureSet(rows, cached["X"], [str(name) for name in cached["names"]], from_cache=True)
    log(f"features: extracting from {len(rows)} documents ({n_jobs or 1} process(es))")
    transformer = DetectorFeatures(n_jobs=n_jobs).fit(rows)
    X = transformer.transform(rows)
    names = [str(name) for name in transformer.get_feature_names_out()]
    if target is not None:
        target.parent.mkdir(parents=True, exist_ok=True)
        np.savez_compressed(target, X=X, names=np.array(names), ids=np.array([row["id"] for row in rows]))
        log(f"features: cached in {target}")
    return FeatureSet(rows, X, names, from_cache=False)
