"""Where documents are processed: in this process, in a local process pool, or on Dask.

Every executor yields ``(position in the input, outcome)`` as documents finish and
never touches the database: the caller stays the single writer (SQLite sees one writer
however many machines read PDFs) and loads the outcomes in input order. Workers need
the PDFs and the work folder at the same paths (a shared filesystem on a cluster) and
the ``lkj`` package installed.
"""
from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
import threading
from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the stages are imported by the executor that runs them: the CLI reads EXECUTORS at start
    from lkj.pipeline.inputs import InputFile
    from lkj.pipeline.runner_core import DocumentOutcome
    from lkj.pipeline.workdir import WorkFolder

EXECUTORS = ("local", "dask")
#: prctl option that has the kernel send a signal to a process when its parent dies (linux/prctl.h).
_PR_SET_PDEATHSIG = 1
#: How often the fallback watchdog looks whether the run that started a worker is still alive.
_PARENT_POLL_SECONDS = 1.0


def local_outcomes(files: list[InputFile], work: WorkFolder, force: bool, workers: int,
                   limits: dict[str, float] | None = None) -> Iterator[tuple[int, DocumentOutcome]]:
    """A pool of worker processes on this machine, which this process supervises (``pipeline.supervisor``).

    ``limits`` (``time_limit``, ``memory_limit``) are enforced in the worker, per
    document, and by this process from outside (a C call the worker cannot interrupt);
    a worker that crashes costs only its own document. Even one worker is a separate
    process: a crash in pdfium must not end the run.
    """
    from lkj.pipeline.supervisor import supervised_outcomes

    yield from supervised_outcomes(files, work, force, max(1, min(workers, len(files))), **(limits or {}))


def die_with_parent(parent: int) -> None:
    """Make this worker end when the run that started it ends, however it ends.

    A pool's workers wait on their queue for ever: when ``lkj run`` is killed with
    SIGKILL (as the kernel's OOM killer does), Python's clean-up never runs, and
    workers went on OCR-ing for 15 minutes and idled for hours. On Linux the kernel
    kills the worker with its parent (``PR_SET_PDEATHSIG``, through ctypes: no library
    wraps this one call); elsewhere, and should that fail, a daemon thread notices that
    the worker was handed to another parent (``getppid`` changes) and kills it.
    """
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):
            pass  # the watchdog below still works
    if os.getppid() != parent:  # the parent died before prctl took effect
        os.kill(os.getpid(), signal.SIGKILL)

    def watch() -> None:
        while os.getppid() == parent:
            threading.Event().wait(_PARENT_POLL_SECONDS)
        os.kill(os.getpid(), signal.SIGKILL)

    threading.Thread(target=watch, name="lkj-parent-watchdog", daemon=True).start()


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
