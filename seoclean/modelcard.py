"""Markdown for an evaluation run (``seoclean evaluate``) and the model card (``models/README.md``)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

TOP_FEATURES = 15


def table(header: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(_cell(value) for value in row) + " |" for row in rows]
    return "\n".join(lines)


def _cell(value: Any) -> str:
    if value is None:
        return "n/a"
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.1%}"


def _rates(rates: dict[str, dict[str, float]]) -> list[list[Any]]:
    return [[f"`{key}`", entry["n"], _pct(entry["flagged"])] for key, entry in rates.items()]


def evaluation_markdown(result: dict[str, Any]) -> str:
    """Every table of one evaluation run."""
    split, ours = result["split"], result["seoclean"]
    parts = [f"### {split.capitalize()} split: seoclean", _overall_table({"seoclean": ours})]
    confusion = ours["overall"]["confusion"]
    parts += [
        "Confusion matrix (rows: truth, columns: verdict):",
        table(
            ["", "ok", "spam"],
            [["clean", confusion["tn"], confusion["fp"]], ["spam", confusion["fn"], confusion["tp"]]],
        ),
        "#### Recall per spam kind",
        table(["kind", "rows", "flagged"], _rates(ours["recall_by_kind"])),
        "#### Spin-only documents at 15-30% substitution",
        table(
            ["band", "rows", "recall"], [[k, v["n"], _pct(v["flagged"])] for k, v in ours["spin_band_recall"].items()]
        ),
        "#### Recall per genre (spam rows) and flag rate (clean rows)",
        table(
            ["genre", "spam rows", "recall", "clean rows", "clean flagged"],
            [
                [
                    f"`{genre}`",
                    entry["n"],
                    _pct(entry["flagged"]),
                    ours["clean_flag_rate_by_genre"].get(genre, {}).get("n"),
                    _pct(ours["clean_flag_rate_by_genre"].get(genre, {}).get("flagged")),
                ]
                for genre, entry in ours["recall_by_genre"].items()
            ],
        ),
        "#### False-positive rate per clean and hard-negative kind",
        table(["kind", "rows", "flagged"], _rates(ours["clean_flag_rate_by_kind"])),
        "#### Calibration (reliability)",
        f"Brier score {ours['overall']['brier']:.4f}. Bins of predicted spam probability:",
        table(
            ["predicted", "rows", "mean predicted", "observed spam share"],
            [[row["bin"], row["n"], row["mean_predicted"], row["observed_spam"]] for row in ours["calibration"]],
        ),
        "#### Feature importances",
        (
            "Permutation importance on this split: the mean rise in log loss when one feature's values "
            "are shuffled (5 repeats). Correlated features share credit."
        ),
        table(
            ["feature", "importance", "std"],
            [[f"`{f['feature']}`", f["importance"], f["std"]] for f in result["feature_importances"][:TOP_FEATURES]],
        ),
    ]
    if "baselines" in result:
        parts += _baseline_section(result)
    for view, shared in result.get("shared", {}).items():
        parts += _shared_section(view, shared)
    return "\n\n".join(parts) + "\n"


def _overall_table(systems: dict[str, dict[str, Any]], descriptions: dict[str, str] | None = None) -> str:
    rows = []
    for name, entry in systems.items():
        o = entry["overall"]
        rows.append(
            [
                name,
                o["precision"],
                o["recall"],
                o["f1"],
                o["roc_auc"],
                o["pr_auc"],
                o["brier"],
                _pct(o["clean_flag_rate"]),
            ]
        )
    return table(["system", "precision", "recall", "F1", "ROC-AUC", "PR-AUC", "Brier", "clean flagged"], rows)


def _baseline_section(result: dict[str, Any]) -> list[str]:
    systems = {"seoclean": result["seoclean"], **result["baselines"]}
    kinds = list(result["seoclean"]["recall_by_kind"])
    return [
        f"### {result['split'].capitalize()} split: seoclean and the baselines",
        _overall_table(systems),
        "\n".join(f"- {name}: {entry['description']}" for name, entry in result["baselines"].items()),
        "Recall per spam kind:",
        table(
            ["kind", *systems],
            [[f"`{kind}`", *(_pct(s["recall_by_kind"][kind]["flagged"]) for s in systems.values())] for kind in kinds],
        ),
    ]


def _shared_section(view: str, shared: dict[str, Any]) -> list[str]:
    systems = shared["systems"]
    groups = list(next(iter(systems.values()))["flag_rate_by_group"])
    notes = shared["not_analysed_by_seoclean"]
    return [
        f"### Shared evaluation data ({view}, {shared['documents']} documents)",
        _overall_table(systems),
        "Flag rate per source (for clean sources lower is better, for spam sources higher is better):",
        table(
            ["source", "documents", *systems],
            [
                [
                    group,
                    systems["seoclean"]["flag_rate_by_group"][group]["n"],
                    *(_pct(s["flag_rate_by_group"][group]["flagged"]) for s in systems.values()),
                ]
                for group in groups
            ],
        ),
        (f"Not analysed by seoclean (counted as not flagged): {'; '.join(notes)}." if notes else ""),
    ]


def candidates_markdown(candidates: dict[str, dict[str, float]]) -> str:
    rows = [
        [
            name,
            "yes" if c["monotone"] else "no",
            c["threshold"],
            _pct(c["recall"]),
            _pct(c["clean_flag_rate"]),
            c["roc_auc"],
            c["average_precision"],
            c["log_loss"],
            c["brier"],
        ]
        for name, c in candidates.items()
    ]
    header = [
        "candidate (calibrated)",
        "monotone",
        "threshold",
        "recall",
        "clean flagged",
        "ROC-AUC",
        "PR-AUC",
        "log loss",
        "Brier",
    ]
    return table(header, rows)
