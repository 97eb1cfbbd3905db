"""Where documents are processed: in this process, in a local process pool, or on Dask.

Every executor yields outcomes in input order and never touches the database: the
caller stays the single writer, so SQLite sees one writer however many machines read
PDFs. Workers need the PDFs and the work folder at the same paths (a shared
filesystem on a cluster) and the ``lkj`` package installed.
"""
from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor
from itertools import repeat
from typing import Iterator

from corpus.files import InputFile
from pipeline.runner_core import DocumentOutcome, process_document
from pipeline.workdir import WorkFolder

EXECUTORS = ("local", "dask")


def local_outcomes(files: list[InputFile], work: WorkFolder, force: bool, workers: int) -> Iterator[DocumentOutcome]:
    """A pool of worker processes on this machine (or this process when one worker suffices)."""
    if workers <= 1 or len(files) <= 1:
        for file in files:
            yield process_document(file, work, force)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        yield from pool.map(process_document, files, repeat(work), repeat(force), chunksize=1)


def dask_outcomes(files: list[InputFile], work: WorkFolder, force: bool, workers: int,
                  scheduler: str | None) -> Iterator[DocumentOutcome]:
    """Documents as tasks on a Dask cluster (``scheduler`` address), or on a LocalCluster when None."""
    from dask.distributed import Client, LocalCluster  # optional dependency: only this executor needs it

    cluster = None if scheduler else LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                                  dashboard_address=None)
    with Client(scheduler or cluster) as client:
        futures = client.map(process_document, files, work=work, force=force, pure=False)
        try:
            for future in futures:
                yield future.result()
        finally:
            client.cancel(futures)
    if cluster is not None:
        cluster.close()
