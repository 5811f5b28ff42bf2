"""Batch scans over whole sites and crawls: input sources (files, folders, file lists, JSONL,
WARC, URL lists), executors (in-process, joblib processes, dask.distributed), a journal that
streams records to a file and resumes after a crash, and the run's summary.

Data flows one way: ``sources`` make small picklable ``WorkItem``s, ``executors`` run them in
chunks through ``worker`` (one ``Runner`` per worker process), and ``scan`` writes what comes back.
"""

from seoclean.batch.sources import WorkItem, collect_items

__all__ = ["WorkItem", "collect_items"]
