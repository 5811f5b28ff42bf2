"""Where chunks of work run: in this process, in joblib (loky) worker processes, or on a
dask.distributed cluster. Every executor runs ``func(config, chunk, model)`` for each chunk and
yields the results as chunks finish (not in input order: the set is the same, the order is not).

Chunks keep the per-task overhead low (one task per few dozen documents); the analyser is built
once per worker process (``worker.runner_for``) and the classifier is loaded there once (joblib)
or shipped to every worker once (dask: ``scatter(..., broadcast=True)``).
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import Any

MAX_CHUNK = 32  # documents per task: ~0.5-1 s of work, so that scheduling costs well under 1%
CHUNKS_PER_WORKER = 4  # at least this many chunks per worker, so that no worker idles at the end
IN_FLIGHT_PER_WORKER = 4  # dask: tasks submitted ahead per worker (bounds memory on huge inputs)


def chunk_size(total: int, workers: int) -> int:
    return max(1, min(MAX_CHUNK, math.ceil(total / max(1, workers * CHUNKS_PER_WORKER))))


def chunked(items: list, size: int) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


class SerialExecutor:
    """In this process, with the parent's classifier (already loaded and checked)."""

    workers = 1

    def __init__(self, model: Any = None) -> None:
        self.model = model

    def map(self, func: Callable, config, chunks: Iterable[list]) -> Iterator[list]:
        for chunk in chunks:
            yield func(config, chunk, self.model)

    def close(self) -> None:
        pass


class JoblibExecutor:
    """``jobs`` loky worker processes (reused between calls); each loads the model once."""

    def __init__(self, jobs: int) -> None:
        self.workers = jobs

    def map(self, func: Callable, config, chunks: Iterable[list]) -> Iterator[list]:
        from joblib import Parallel, delayed

        parallel = Parallel(n_jobs=self.workers, backend="loky", return_as="generator_unordered")
        yield from parallel(delayed(func)(config, chunk) for chunk in chunks)

    def close(self) -> None:
        pass  # loky keeps its workers for the next call and stops them at exit


class DaskExecutor:
    """A dask.distributed cluster: ``address`` of a running scheduler, or ``"local"`` for a
    ``LocalCluster`` of ``jobs`` single-threaded worker processes started and stopped here."""

    def __init__(self, address: str, *, jobs: int | None = None, model: Any = None) -> None:
        try:
            from dask.distributed import Client, LocalCluster
        except ImportError:
            from seoclean.errors import SeocleanError

            raise SeocleanError('--dask needs dask.distributed: pip install "seoclean[dask]"') from None
        self._cluster = None
        if address == "local":
            _quiet_dask_logs()
            self._cluster = LocalCluster(
                n_workers=jobs or _cpu_count(), threads_per_worker=1, processes=True, dashboard_address=None
            )
            self.client = Client(self._cluster)
        else:
            self.client = Client(address, timeout="30s")
        self.workers = max(1, _threads_of(self.client))
        # Shipped once to every worker; tasks refer to it, they do not carry it.
        self._model = self.client.scatter(model, broadcast=True, hash=False) if model is not None else None

    def map(self, func: Callable, config, chunks: Iterable[list]) -> Iterator[list]:
        from dask.distributed import as_completed

        chunks = iter(chunks)
        pending = as_completed()
        for chunk in islice(chunks, self.workers * IN_FLIGHT_PER_WORKER):
            pending.add(self._submit(func, config, chunk))
        for future in pending:
            result = future.result()
            future.release()
            following = next(chunks, None)
            if following is not None:
                pending.add(self._submit(func, config, following))
            yield result

    def _submit(self, func: Callable, config, chunk: list):
        return self.client.submit(func, config, chunk, self._model, pure=False)

    def close(self) -> None:
        self.client.close()
        if self._cluster is not None:
            self._cluster.close()


def make_executor(*, jobs: int | None, dask: str | None, model: Any) -> SerialExecutor | JoblibExecutor | DaskExecutor:
    if dask:
        return DaskExecutor(dask, jobs=jobs, model=model)
    if jobs and jobs > 1:
        return JoblibExecutor(jobs)
    return SerialExecutor(model)


def _threads_of(client) -> int:
    workers = client.scheduler_info().get("workers", {})
    return sum(int(info.get("nthreads", 1)) for info in workers.values())


def _cpu_count() -> int:
    import os

    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _quiet_dask_logs() -> None:
    """A local cluster logs its start and stop at INFO; the scan's own output is what matters."""
    for name in ("distributed", "distributed.scheduler", "distributed.worker", "distributed.nanny"):
        logging.getLogger(name).setLevel(logging.ERROR)
