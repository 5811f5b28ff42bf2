"""`seoclean train`: train, calibrate and save the spam classifier."""

from __future__ import annotations

import argparse
import sys

NAME = "train"
HELP = "train the spam classifier on a seoclean dataset and save it with its metadata"
EPILOG = """examples:
  seoclean train --data datasets/seoclean-v1.jsonl.gz --out models/seoclean-default.joblib
  seoclean train --data my-data.jsonl.gz --out models/mine.joblib --no-cache

The recipe (candidates, calibration, threshold) is documented in seoclean/training.py; the
metadata file (<out>.json) records versions, feature names, threshold, data hash and metrics.
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data", required=True, help="dataset file (.jsonl or .jsonl.gz) with train/dev/test rows")
    parser.add_argument("--out", required=True, help="where to write the model (.joblib); metadata goes beside it")
    parser.add_argument("--cache-dir", default="artifacts/features", help="feature cache (default: artifacts/features)")
    parser.add_argument("--no-cache", action="store_true", help="extract features from scratch and cache nothing")
    parser.add_argument("--jobs", type=int, default=2, help="processes for feature extraction (default: 2)")
    parser.add_argument("--seed", type=int, default=0, help="random seed for the boosted trees (default: 0)")


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from seoclean.training import train

    command = f"seoclean train --data {args.data} --out {args.out}" + (" --no-cache" if args.no_cache else "")
    try:
        train(
            args.data,
            args.out,
            cache_dir=None if args.no_cache else Path(args.cache_dir),
            n_jobs=args.jobs,
            seed=args.seed,
            command=command,
            log=lambda message: print(message, file=sys.stderr),
        )
    except FileNotFoundError as error:
        print(f"seoclean: error: {error}", file=sys.stderr)
        return 2
    return 0
