#!/usr/bin/env python3
"""How much time loading the default model adds to a run, measured in fresh processes.

Each run starts a new Python process that first analyses an example without a model (so the
detectors, lexicon and language identifier are loaded), then times ``seoclean.load_model()``
(checksum, unpickling, feature-name check) and one scored analysis.

    python scripts/measure_model_load.py            # 5 fresh processes, prints JSON
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
from pathlib import Path

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "spam-article.md"
PROBE = """
import json, sys, time
from seoclean.analysis import Analyzer
Analyzer(model=None).analyze(sys.argv[1])
started = time.perf_counter()
import seoclean
model = seoclean.load_model()
loaded = time.perf_counter() - started
Analyzer(model=model).analyze(sys.argv[1])
print(json.dumps({"load_seconds": loaded, "sklearn_imported": "sklearn" in sys.modules}))
"""


def measure(runs: int = 5) -> dict:
    samples = []
    for _ in range(runs):
        output = subprocess.run([sys.executable, "-c", PROBE, str(EXAMPLE)], check=True, capture_output=True, text=True)
        samples.append(json.loads(output.stdout))
    seconds = [s["load_seconds"] for s in samples]
    return {
        "runs": runs,
        "median_seconds": round(statistics.median(seconds), 4),
        "max_seconds": round(max(seconds), 4),
        "sklearn_imported": any(s["sklearn_imported"] for s in samples),
    }


if __name__ == "__main__":
    print(json.dumps(measure(), indent=2))
