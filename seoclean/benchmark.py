"""One evaluation run: the classifier and the baselines on a dataset split and, when present, on
the shared real-world evaluation data. Returns plain dicts (JSON-ready); ``seoclean.modelcard``
renders them as Markdown.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from seoclean.evaluation import binary_metrics, evaluate_scores, flag_rates, permutation_importances
from seoclean.featurecache import DEFAULT_CACHE_DIR, dataset_features


def evaluate(
    model,
    data_path: str | Path,
    *,
    split: str = "test",
    baselines: bool = False,
    shared: str | Path | None = None,
    cache_dir: Path | None = DEFAULT_CACHE_DIR,
    n_jobs: int | None = 2,
    log: Callable[[str], None] = print,
) -> dict[str, Any]:
    features = dataset_features(data_path, cache_dir=cache_dir, n_jobs=n_jobs, log=log)
    columns = _model_columns(model, features.names)
    index = [i for i, row in enumerate(features.rows) if row["split"] == split]
    rows, X = [features.rows[i] for i in index], features.X[np.ix_(index, columns)]
    y = np.array([row["label"] for row in rows])
    scores = model.predict_proba_features(X)
    result: dict[str, Any] = {
        "model": _model_summary(model),
        "data": str(data_path),
        "split": split,
        "seoclean": evaluate_scores(rows, scores, model.threshold),
        "feature_importances": permutation_importances(model.pipeline["classifier"], X, y, list(model.feature_names)),
    }
    systems = [("seoclean", model)]
    if baselines:
        log("baselines: fitting on train")
        fitted = fit_baselines(features)
        result["baselines"] = {b.name: _baseline_on_rows(b, rows) for b in fitted}
        systems += [(b.name, b) for b in fitted]
    if shared is not None:
        result["shared"] = {
            view: evaluate_shared(systems, shared, html=(view == "html"), log=log) for view in ("text", "html")
        }
    return result


def _model_columns(model, names: list[str]) -> list[int]:
    """Where the model's measures sit among the extracted ones (a model reads its measures by name)."""
    position = {name: i for i, name in enumerate(names)}
    missing = [name for name in model.feature_names if name not in position]
    if missing:
        from seoclean.errors import ModelError

        raise ModelError(
            f"{model.path} was trained on measures seoclean no longer extracts ({', '.join(missing)}); retrain it"
        )
    return [position[name] for name in model.feature_names]


def _model_summary(model) -> dict[str, Any]:
    meta = model.metadata
    return {
        "path": str(model.path),
        "classifier": meta.get("classifier"),
        "threshold": model.threshold,
        "sha256": meta.get("sha256"),
        "training_data_sha256": meta.get("training", {}).get("data_sha256"),
    }


# -- baselines on the dataset --------------------------------------------------------------------
def row_texts(rows: list[dict]) -> list[str]:
    from seoclean.baselines import plain_text
    from seoclean.ingest import load_text

    return [plain_text(load_text(row["text"], format=row["format"])) for row in rows]


def fit_baselines(features) -> list:
    """Every baseline, fitted on the rows the model is fitted on (dev where a baseline picks settings)."""
    from seoclean.baselines import all_baselines
    from seoclean.training import fitted_rows, split_of

    train = fitted_rows(split_of(features.rows, features.X, "train"), features.names, log=lambda _: None).rows
    dev = [row for row in features.rows if row["split"] == "dev"]
    train_texts, dev_texts = row_texts(train), row_texts(dev)
    train_y, dev_y = (np.array([row["label"] for row in part]) for part in (train, dev))
    return [baseline.fit(train_texts, train_y, dev_texts, dev_y) for baseline in all_baselines()]


def _baseline_on_rows(baseline, rows: list[dict]) -> dict[str, Any]:
    scores = baseline.scores(row_texts(rows))
    result = evaluate_scores(rows, scores, baseline.threshold)
    result["description"] = baseline.describe()
    return result


# -- shared evaluation data ----------------------------------------------------------------------
def evaluate_shared(systems: list, root: str | Path, *, html: bool, log: Callable[[str], None]) -> dict[str, Any]:
    """Flag rates per group (clean sources, spam sources) and precision/recall/F1 over all of it,
    for each system. A document seoclean does not analyse (not English) counts as not flagged."""
    from seoclean.analysis import Analyzer
    from seoclean.baselines import plain_text
    from seoclean.errors import InputError
    from seoclean.ingest import load
    from seoclean.shared_eval import load_shared

    documents = load_shared(root, html=html)
    log(f"shared ({'html' if html else 'text'}): {len(documents)} documents from {root}")
    model = systems[0][1]
    analyzer = Analyzer(model=model)
    texts, seoclean_scores, unanalysed = [], [], []
    for document in documents:
        try:
            loaded = load(document.path, format=document.format)
        except InputError as error:
            unanalysed.append(f"{document.path.name}: {error}")
            texts.append("")
            seoclean_scores.append(0.0)
            continue
        report = analyzer.analyze_document(loaded)
        texts.append(plain_text(loaded))
        if report.score is None:
            unanalysed.append(f"{document.path.name}: {report.status}")
        seoclean_scores.append(report.score if report.score is not None else 0.0)
    y = np.array([d.label for d in documents])
    groups = [d.group for d in documents]
    result: dict[str, Any] = {"documents": len(documents), "not_analysed_by_seoclean": unanalysed, "systems": {}}
    for name, system in systems:
        scores = np.array(seoclean_scores) if name == "seoclean" else system.scores(texts)
        flagged = scores >= system.threshold
        result["systems"][name] = {
            "overall": binary_metrics(y, scores, system.threshold),
            "flag_rate_by_group": flag_rates(groups, flagged),
        }
    return result
