"""The spam classifier on disk and at analysis time: save, verify, load, score a report.

A model is two files side by side: ``<name>.joblib`` (the NumPy scorer, the threshold, and the
fitted scikit-learn pipeline) and ``<name>.json`` (metadata: versions, feature names, threshold,
training-data hash, metrics, and the SHA-256 of the joblib file).

``joblib.load`` runs code from the file, so ``load_model`` checks the file against its metadata
before it unpickles anything and refuses a mismatch unless told to trust the file. A matching
checksum only proves that the file is the one its metadata describes, not that its author meant
well: load models only from sources you trust.
"""

from __future__ import annotations

import hashlib
import io
import json
import logging
import sys
from importlib import metadata as package_metadata
from pathlib import Path
from typing import Any

import numpy as np

from seoclean.errors import ModelError

logger = logging.getLogger(__name__)

MODEL_FORMAT = "seoclean-model/1"
DEFAULT_MODEL_NAME = "seoclean-default"
TRAIN_COMMAND = "seoclean train --data datasets/seoclean-v1.jsonl.gz --out models/seoclean-default.joblib"
SPAM, OK = "spam", "ok"


def default_model_path() -> Path:
    """The shipped model: ``models/`` of a source checkout (editable install), else the copy a
    wheel installs under ``<prefix>/share/seoclean/models``."""
    checkout = Path(__file__).resolve().parents[1] / "models" / f"{DEFAULT_MODEL_NAME}.joblib"
    installed = Path(sys.prefix) / "share" / "seoclean" / "models" / f"{DEFAULT_MODEL_NAME}.joblib"
    return checkout if checkout.exists() or not installed.exists() else installed


def metadata_path(model_path: str | Path) -> Path:
    return Path(model_path).with_suffix(".json")


def file_sha256(path: str | Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


class SpamModel:
    """A loaded classifier: spam probability, label and reasons for an analysed report."""

    def __init__(
        self, scorer, threshold: float, metadata: dict[str, Any], *, path: Path | None = None, pipeline: bytes = b""
    ) -> None:
        self.scorer = scorer
        self.threshold = float(threshold)
        self.metadata = metadata
        self.path = path
        self._pipeline_bytes = pipeline
        self._pipeline = None

    @property
    def feature_names(self) -> tuple[str, ...]:
        return self.scorer.feature_names

    @property
    def pipeline(self):
        """The fitted scikit-learn ``Pipeline`` (documents -> features -> calibrated classifier),
        unpickled on first use because importing scikit-learn is slow."""
        if self._pipeline is None:
            import joblib

            self._pipeline = joblib.load(io.BytesIO(self._pipeline_bytes))
        return self._pipeline

    def label(self, score: float) -> str:
        return SPAM if score >= self.threshold else OK

    def predict_proba_features(self, X: np.ndarray) -> np.ndarray:
        """Spam probability for rows of features ordered as ``feature_names``."""
        return self.scorer.predict_proba(X)

    def verdict(self, report) -> tuple[float, str, list[str]]:
        """Score, label and plain-word reasons for an analysed ``Report``."""
        from seoclean.reasons import verdict_reasons

        names = self.feature_names
        values = np.array([report.features[name] for name in names], dtype=float)
        score, contributions = self.scorer.explain(values)
        reasons = verdict_reasons(
            names,
            values,
            self.scorer.reference,
            contributions,
            report.findings,
            score=score,
            threshold=self.threshold,
        )
        return score, self.label(score), reasons

    def __repr__(self) -> str:
        return f"SpamModel(path={str(self.path)!r}, features={len(self.feature_names)}, threshold={self.threshold:.3f})"


def save_model(path: str | Path, *, scorer, pipeline, threshold: float, metadata: dict[str, Any]) -> dict[str, Any]:
    """Write ``path`` (joblib) and its metadata JSON; return the metadata written."""
    import joblib

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    joblib.dump(pipeline, buffer, compress=3)
    payload = {"format": MODEL_FORMAT, "scorer": scorer, "threshold": float(threshold), "pipeline": buffer.getvalue()}
    joblib.dump(payload, path, compress=3)
    record = {
        "format": MODEL_FORMAT,
        "file": path.name,
        "sha256": file_sha256(path),
        "bytes": path.stat().st_size,
        "threshold": float(threshold),
        "feature_names": list(scorer.feature_names),
        **installed_versions(),
        **metadata,
    }
    metadata_path(path).write_text(json.dumps(record, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return record


def installed_versions() -> dict[str, str]:
    """Versions that matter for reading a model back, without importing scikit-learn."""
    from seoclean import __version__

    return {
        "seoclean_version": __version__,
        "sklearn_version": package_metadata.version("scikit-learn"),
        "numpy_version": np.__version__,
        "python_version": ".".join(map(str, sys.version_info[:3])),
    }


def load_model(path: str | Path | None = None, *, trust: bool = False) -> SpamModel:
    """Load a model after checking it: the default model when ``path`` is None.

    Checks, in order: the file and its metadata exist; the file's SHA-256 matches the metadata
    (refused otherwise unless ``trust=True``); the file holds a seoclean model whose feature names
    and threshold agree with the metadata and whose features this seoclean still extracts (measures
    added since it was trained are not used). Version
    differences are logged as warnings. Every failure raises ``ModelError`` naming the file and
    the fix.
    """
    is_default = path is None
    path = Path(default_model_path() if is_default else path)
    fix = f"retrain it with `{TRAIN_COMMAND}`" if is_default else "check the path, or train one with `seoclean train`"
    if not path.is_file():
        raise ModelError(f"model file {path} not found; {fix}")
    record = _read_metadata(path, trust=trust, fix=fix)
    _check_checksum(path, record, trust=trust, is_default=is_default)
    import joblib

    payload = joblib.load(path)
    if not isinstance(payload, dict) or payload.get("format") != MODEL_FORMAT:
        raise ModelError(f"{path} is not a seoclean model ({MODEL_FORMAT}); {fix}")
    model = SpamModel(payload["scorer"], payload["threshold"], record, path=path, pipeline=payload["pipeline"])
    _check_consistency(model, record, path)
    _check_versions(record, path)
    return model


def _read_metadata(path: Path, *, trust: bool, fix: str) -> dict[str, Any]:
    meta = metadata_path(path)
    if not meta.is_file():
        if trust:
            logger.warning("%s has no metadata file %s; loading it because it is trusted", path, meta.name)
            return {}
        raise ModelError(
            f"{path} has no metadata file {meta}, so it cannot be checked; {fix} "
            "(or pass trust=True / --trust-model if you trust where the file came from)"
        )
    try:
        return json.loads(meta.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as error:
        raise ModelError(f"cannot read the model metadata {meta}: {error}; {fix}") from None


def _check_checksum(path: Path, record: dict[str, Any], *, trust: bool, is_default: bool) -> None:
    if not record:
        return
    actual, expected = file_sha256(path), record.get("sha256")
    if actual == expected:
        return
    problem = (
        f"{path} does not match the checksum in {metadata_path(path).name} "
        f"(sha256 {actual[:12]}..., expected {str(expected)[:12]}...): the file was changed, replaced or cut short"
    )
    if trust and not is_default:
        logger.warning("%s; loading it anyway because it is trusted", problem)
        return
    if is_default:
        raise ModelError(f"{problem}. Restore it (`git checkout models/`) or retrain it with `{TRAIN_COMMAND}`")
    raise ModelError(
        f"{problem}. Refusing to load it: loading a joblib file runs code. If you trust where it came "
        "from, pass trust=True (command line: --trust-model); otherwise retrain with `seoclean train`"
    )


def _check_consistency(model: SpamModel, record: dict[str, Any], path: Path) -> None:
    from seoclean.analysis import feature_names as extracted_names

    if record:
        if list(record.get("feature_names", [])) != list(model.feature_names):
            raise ModelError(f"{path}: the feature names in its metadata differ from the model's; retrain it")
        if abs(float(record.get("threshold", -1)) - model.threshold) > 1e-12:
            raise ModelError(f"{path}: the threshold in its metadata differs from the model's; retrain it")
    # A model reads its measures by name, so measures added since it was trained are simply not
    # used; a measure it needs that is no longer extracted makes it unusable.
    missing = sorted(set(model.feature_names) - set(extracted_names()))
    if missing:
        raise ModelError(
            f"{path} was trained on measures this seoclean no longer extracts ({', '.join(missing)}); "
            f"retrain it with `{TRAIN_COMMAND}`"
        )


def _check_versions(record: dict[str, Any], path: Path) -> None:
    for key, value in installed_versions().items():
        if key in ("seoclean_version", "sklearn_version") and record.get(key) not in (None, value):
            logger.warning("%s was saved with %s %s; this is %s", path.name, key.split("_")[0], record[key], value)
