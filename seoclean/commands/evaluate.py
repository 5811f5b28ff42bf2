"""`seoclean evaluate`: measure a model (and the baselines) on a dataset split and shared data."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

NAME = "evaluate"
HELP = "evaluate a spam classifier: metrics, per-kind recall, calibration, baselines, shared data"
EPILOG = """examples:
  seoclean evaluate --data datasets/seoclean-v1.jsonl.gz                       the default model, test split
  seoclean evaluate --model models/mine.joblib --data d.jsonl.gz --json r.json --markdown r.md
  seoclean evaluate --data datasets/seoclean-v1.jsonl.gz --baselines --shared ../shared/eval

--shared reads real evaluation data where it lies (never copied, never trained on). A model given
with --model is loaded only if its checksum matches its metadata, or with --trust-model (loading a
joblib file runs code: trust only files from sources you trust).
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--model", help="model file (.joblib); default: the shipped default model")
    parser.add_argument("--trust-model", action="store_true", help="load --model even if its checksum does not match")
    parser.add_argument("--data", required=True, help="dataset file (.jsonl or .jsonl.gz)")
    parser.add_argument("--split", default="test", choices=("train", "dev", "test"), help="split (default: test)")
    parser.add_argument("--baselines", action="store_true", help="also fit and evaluate the baselines (needs [dev])")
    parser.add_argument("--shared", metavar="DIR", help="also evaluate on shared real data in DIR (../shared/eval)")
    parser.add_argument("--json", metavar="FILE", help="write the full report as JSON")
    parser.add_argument("--markdown", metavar="FILE", help="write the report as Markdown (default: to stdout)")
    parser.add_argument("--cache-dir", default="artifacts/features", help="feature cache (default: artifacts/features)")
    parser.add_argument("--no-cache", action="store_true", help="extract features from scratch and cache nothing")


def run(args: argparse.Namespace) -> int:
    from seoclean.benchmark import evaluate
    from seoclean.errors import ModelError
    from seoclean.model import load_model
    from seoclean.modelcard import evaluation_markdown
    from seoclean.shared_eval import available

    try:
        model = load_model(args.model, trust=args.trust_model)
    except ModelError as error:
        print(f"seoclean: error: {error}", file=sys.stderr)
        return 2
    if args.shared and not available(args.shared):
        print(
            f"seoclean: error: no shared evaluation data in {args.shared} (expected clean/ and spam/)", file=sys.stderr
        )
        return 2
    result = evaluate(
        model,
        args.data,
        split=args.split,
        baselines=args.baselines,
        shared=args.shared,
        cache_dir=None if args.no_cache else Path(args.cache_dir),
        log=lambda message: print(message, file=sys.stderr),
    )
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    markdown = evaluation_markdown(result)
    if args.markdown:
        Path(args.markdown).write_text(markdown, encoding="utf-8")
    else:
        sys.stdout.write(markdown)
    return 0
