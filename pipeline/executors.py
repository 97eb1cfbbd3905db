"""Where documents are processed: in a supervised pool of worker processes on this machine, or on Dask.

Every executor yields ``(position in the input, outcome)`` as documents finish and
never touches the database: the caller stays the single writer (SQLite sees one writer
however many machines read PDFs) and loads the outcomes in input order. Workers need
the PDFs and the work folder at the same paths (a shared filesystem on a cluster) and
the ``lkj`` package installed.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the stages are imported by the executor that runs them: the CLI reads EXECUTORS at start
    from lkj.pipeline.inputs import InputFile
    from lkj.pipeline.runner_core import DocumentOutcome
    from lkj.pipeline.workdir import WorkFolder

EXECUTORS = ("local", "dask")


def local_outcomes(files: list[InputFile], work: WorkFolder, force: bool, workers: int,
                   limits: dict[str, float] | None = None,
                   activity: Callable[[str], None] | None = None) -> Iterator[tuple[int, DocumentOutcome]]:
    """A pool of worker processes on this machine, which this process supervises (``pipeline.supervisor``).

    ``limits`` (``time_limit``, ``memory_limit``) are enforced in the worker, per
    document, and by this process from outside (a C call the worker cannot interrupt);
    a worker that crashes costs only its own document. Even one worker is a separate
    process: a crash in pdfium must not end the run. ``activity`` is shown what a
    document is doing (``ocr 37/142 pages``).
    """
    from lkj.pipeline.supervisor import supervised_outcomes

    yield from supervised_outcomes(files, work, force, max(1, min(workers, len(files))), activity=activity,
                                   **(limits or {}))


def dask_outcomes(files: list[InputFile], work: WorkFolder, force: bool, workers: int,
                  scheduler: str | None, limits: dict[str, float] | None = None) -> Iterator[tuple[int, DocumentOutcome]]:
    """Documents as tasks on a Dask cluster (``scheduler`` address), or on a LocalCluster when None.

    Neither outlives a killed run: a LocalCluster's worker processes exit at once when
    the process that started them dies (distributed watches a pipe from the parent),
    and a remote scheduler releases the tasks of a client whose connection dropped, so
    only the documents already running finish (each within its time limit).
    """
    from dask.distributed import Client, LocalCluster, as_completed  # optional dependency: only this executor needs it

    from lkj.pipeline.runner_core import process_document

    cluster = None if scheduler else LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                                  dashboard_address=None)
    with Client(scheduler or cluster) as client:
        futures = client.map(process_document, files, work=work, force=force, pure=False, **(limits or {}))
        positions = {future.key: position for position, future in enumerate(futures)}
        try:
            for future in as_completed(futures):
                yield positions[future.key], future.result()
        finally:
            client.cancel(futures)
    if cluster is not None:
        cluster.close()
