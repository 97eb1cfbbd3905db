"""Where documents are processed: in this process, in a local process pool, or on Dask.

Every executor yields ``(position in the input, outcome)`` as documents finish and
never touches the database: the caller stays the single writer (SQLite sees one writer
however many machines read PDFs) and loads the outcomes in input order. Workers need
the PDFs and the work folder at the same paths (a shared filesystem on a cluster) and
the ``lkj`` package installed.
"""
from __future__ import annotations

import multiprocessing
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the stages are imported by the executor that runs them: the CLI reads EXECUTORS at start
    from lkj.pipeline.inputs import InputFile
    from lkj.pipeline.runner_core import DocumentOutcome
    from lkj.pipeline.workdir import WorkFolder

EXECUTORS = ("local", "dask")


def local_outcomes(files: list[InputFile], work: WorkFolder, force: bool, workers: int
                   ) -> Iterator[tuple[int, DocumentOutcome]]:
    """A pool of worker processes on this machine (or this process when one worker suffices)."""
    from lkj.pipeline.runner_core import process_document

    if workers <= 1 or len(files) <= 1:
        for position, file in enumerate(files):
            yield position, process_document(file, work, force)
        return
    with ProcessPoolExecutor(max_workers=workers, mp_context=_worker_context()) as pool:
        futures = {pool.submit(process_document, file, work, force): position for position, file in enumerate(files)}
        for future in as_completed(futures):
            yield futures[future], future.result()


def _worker_context() -> multiprocessing.context.BaseContext:
    """Fork where the platform has it, whatever the process's default start method.

    A forked worker starts with the modules this process has imported; a spawned or
    forkserver one imports pdfplumber, pdfium, camelot's helpers and spaCy again, 1.3 s
    of CPU per worker before its first page. Python 3.14 makes forkserver the default
    on Linux, and a process started by ``spawn`` (as the benchmark starts its phases)
    passes spawn on to its pools; on a 24-report run that cost a third of the time.
    """
    if "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()


def dask_outcomes(files: list[InputFile], work: WorkFolder, force: bool, workers: int,
                  scheduler: str | None) -> Iterator[tuple[int, DocumentOutcome]]:
    """Documents as tasks on a Dask cluster (``scheduler`` address), or on a LocalCluster when None."""
    from dask.distributed import Client, LocalCluster, as_completed  # optional dependency: only this executor needs it

    from lkj.pipeline.runner_core import process_document

    cluster = None if scheduler else LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                                  dashboard_address=None)
    with Client(scheduler or cluster) as client:
        futures = client.map(process_document, files, work=work, force=force, pure=False)
        positions = {future.key: position for position, future in enumerate(futures)}
        try:
            for future in as_completed(futures):
                yield positions[future.key], future.result()
        finally:
            client.cancel(futures)
    if cluster is not None:
        cluster.close()
