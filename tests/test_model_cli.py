"""`seoclean train` and `seoclean evaluate` end to end, on a tiny dataset made here."""

import gzip
import json
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
SPLITS = ["train"] * 6 + ["dev"] * 2 + ["test"] * 2
PLATFORM_LINES = ["Report this page", "Sign up for free", "Powered by Blogbuilder", "Share this post"]


def run_cli(*args: str) -> subprocess.CompletedProcess:
    executable = shutil.which("seoclean")
    command = [executable, *args] if executable else [sys.executable, "-m", "seoclean", *args]
    return subprocess.run(command, check=False, capture_output=True, text=True, timeout=300)


def make_rows() -> list[dict]:
    """Ten sources from the clean example's paragraphs: two clean rows and two spam rows each
    (a stuffed keyphrase, a duplicated paragraph, platform lines)."""
    paragraphs = [p for p in (EXAMPLES / "clean-article.md").read_text(encoding="utf-8").split("\n\n") if p.strip()]
    rows = []
    for source, split in enumerate(SPLITS):
        rng = random.Random(source)
        body = rng.sample(paragraphs[1:], k=max(3, len(paragraphs) - 3))
        clean = "\n\n".join([paragraphs[0], *body]) + "\n"
        keyphrase = f"cheap running shoes deals {source}"
        stuffed = (
            "\n\n".join([paragraphs[0], *(f"{p} Buy {keyphrase} online." for p in body), body[0], *PLATFORM_LINES])
            + "\n"
        )
        for n, (text, label) in enumerate([(clean, 0), (clean, 0), (stuffed, 1), (stuffed, 1)]):
            rows.append(
                {
                    "id": f"s{source}#{n}",
                    "source_id": f"s{source}",
                    "split": split,
                    "format": "markdown",
                    "label": label,
                    "kind": "clean" if label == 0 else "stuffing",
                    "genre": "fitness",
                    "text": text,
                    "spans": [],
                }
            )
    return rows


@pytest.fixture(scope="module")
def trained(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("cli")
    data = folder / "tiny.jsonl.gz"
    with gzip.open(data, "wt", encoding="utf-8") as handle:
        handle.writelines(json.dumps(row) + "\n" for row in make_rows())
    model = folder / "tiny.joblib"
    result = run_cli(
        "train", "--data", str(data), "--out", str(model), "--cache-dir", str(folder / "cache"), "--jobs", "1"
    )
    assert result.returncode == 0, result.stderr
    return {"data": data, "model": model, "cache": folder / "cache", "folder": folder}


def test_train_writes_the_model_and_its_metadata(trained):
    record = json.loads(trained["model"].with_suffix(".json").read_text())
    assert record["training"]["rows"] == {"train": 24, "dev": 8, "test": 8}
    assert set(record["metrics"]) == {"dev", "test"} and 0.5 <= record["threshold"] <= 1
    assert record["training"]["command"].startswith("seoclean train --data")


def test_evaluate_writes_json_and_markdown_with_baselines(trained):
    folder = trained["folder"]
    result = run_cli(
        "evaluate",
        "--model",
        str(trained["model"]),
        "--data",
        str(trained["data"]),
        "--baselines",
        "--cache-dir",
        str(trained["cache"]),
        "--json",
        str(folder / "r.json"),
        "--markdown",
        str(folder / "r.md"),
    )
    assert result.returncode == 0, result.stderr
    report = json.loads((folder / "r.json").read_text())
    overall = report["seoclean"]["overall"]
    for key in ("precision", "recall", "f1", "roc_auc", "pr_auc", "brier", "confusion"):
        assert key in overall
    assert set(report["baselines"]) == {
        "Yoast-style keyword density",
        "datatrove Gopher filters",
        "TF-IDF + logistic regression",
    }
    assert report["feature_importances"] and report["seoclean"]["calibration"]
    markdown = (folder / "r.md").read_text()
    assert "Recall per spam kind" in markdown and "TF-IDF + logistic regression" in markdown


def test_evaluate_refuses_a_tampered_model_unless_trusted(trained):
    folder = trained["folder"] / "tampered"
    folder.mkdir()
    model = folder / "tiny.joblib"
    shutil.copy(trained["model"], model)
    record = json.loads(trained["model"].with_suffix(".json").read_text())
    record["sha256"] = "0" * 64
    model.with_suffix(".json").write_text(json.dumps(record))
    common = ["--data", str(trained["data"]), "--cache-dir", str(trained["cache"])]
    refused = run_cli("evaluate", "--model", str(model), *common)
    assert refused.returncode == 2 and "--trust-model" in refused.stderr and str(model) in refused.stderr
    trusted = run_cli("evaluate", "--model", str(model), "--trust-model", *common)
    assert trusted.returncode == 0, trusted.stderr
