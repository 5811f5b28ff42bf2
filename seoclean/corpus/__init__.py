"""The seoclean datasets: clean articles, hard negatives and generated spam with span ground truth.

``load_dataset`` reads the committed JSONL file; ``seoclean.corpus.generator`` makes the spam;
``scripts/build_datasets.py`` rebuilds everything and writes the data card.
"""

from seoclean.corpus.loader import DEFAULT_DATASET_PATH, Example, load_dataset, read_rows

__all__ = ["DEFAULT_DATASET_PATH", "Example", "load_dataset", "read_rows"]
