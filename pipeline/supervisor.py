"""A pool of worker processes that the run watches: budgets the worker cannot enforce, dead workers.

A document's time and memory limits are first enforced inside its worker
(``pipeline.limits``), by signals, which Python handles only between bytecodes. A C
call cannot be interrupted that way: fuzzing found camelot's page layout inside
pdfium growing by 100 MB a second for ever, a Flate bomb inflated whole by pdfium
(5.3 GB resident), and pdfium crashing the worker on huge MediaBoxes and form
loops. So this process watches too, from outside:

- **time**: a document still running ``PARENT_GRACE_SECONDS`` after its budget has its
  worker killed, and is recorded ``failed``, reason ``time_limit``;
- **memory**: every ``MEMORY_POLL_SECONDS`` the resident memory of each worker is read
  from ``/proc``; one past the cap is killed, and its document recorded ``failed``,
  reason ``memory_limit``. Each worker also runs under ``RLIMIT_DATA`` of twice the
  cap: the kernel refuses the allocations of a spike too fast for the watch;
- **crashes**: a worker that dies (a segfault or an abort inside pdfium) has its
  document recorded ``failed``, reason ``worker_crashed``, with the signal.

Either way a new worker takes the dead one's place and the documents running in the
other workers are not disturbed (each worker has its own task), so the run goes on and
ends with a report for every file. ``pebble`` does the pool (per-task timeouts that kill
the worker, a worker's death reported as ``ProcessExpired`` on its task, replacement
workers); this module adds the memory watch and turns each way of dying into a report.
"""
from __future__ import annotations

import ctypes
import logging
import multiprocessing
import os
import resource
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, wait
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from pebble import ProcessExpired, ProcessPool

from lkj.pipeline import progress
from lkj.pipeline.limits import MEMORY_LIMIT_BYTES, TIME_LIMIT_SECONDS, peak_resident_bytes, reset_peak_resident

if TYPE_CHECKING:
    from lkj.pipeline.inputs import InputFile
    from lkj.pipeline.runner_core import DocumentOutcome
    from lkj.pipeline.workdir import WorkFolder

#: How long past its budget a document may run before its worker is killed: the worker's
#: own timer fires at the budget, and a document it stopped needs a moment to be written up.
PARENT_GRACE_SECONDS = 5.0
#: How often the run reads its workers' resident memory. A bomb inflated by pdfium grows by
#: 1-2 GB a second; read this often, a worker is killed within about 100 MB of the cap.
MEMORY_POLL_SECONDS = 0.05
#: The kernel's limit on a worker's data segment, as a multiple of the memory cap. Not the
#: cap itself: the data segment counts address space reserved and never touched (a worker
#: that read a 40-page report held 1.4 GB of it for 230 MB resident).
DATA_LIMIT_FACTOR = 2
_PAGE = os.sysconf("SC_PAGE_SIZE")
#: prctl option that has the kernel send a signal to a process when its parent dies (linux/prctl.h).
_PR_SET_PDEATHSIG = 1
#: How often the fallback watchdog looks whether the run that started a worker is still alive.
_PARENT_POLL_SECONDS = 1.0


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


def start_worker(parent: int, memory_limit: int, progress_fd: int | None = None) -> None:
    """In a new worker: die with the run, let the kernel refuse a runaway allocation, tell the steps."""
    die_with_parent(parent)
    _stderr_to_log()
    progress.attach(progress_fd)
    try:
        data = DATA_LIMIT_FACTOR * memory_limit
        hard = resource.getrlimit(resource.RLIMIT_DATA)[1]
        resource.setrlimit(resource.RLIMIT_DATA, (data if hard == resource.RLIM_INFINITY else min(data, hard), hard))
    except (ValueError, OSError):
        pass  # the parent's watch still holds


def _stderr_to_log() -> None:
    """Send the worker's stderr to the run's log file, when there is one.

    A library that fails in C writes there, not through ``logging`` (``fatal: out of
    memory``, Python's dump of a crashed process's threads and modules): printed
    through the progress bar, it tore it.
    """
    for handler in logging.getLogger().handlers:
        if isinstance(handler, logging.FileHandler) and handler.stream is not None:
            os.dup2(handler.stream.fileno(), 2)
            return


def run_in_worker(file: InputFile, work: WorkFolder | None, force: bool, time_limit: float,
                  memory_limit: int) -> DocumentOutcome:
    """One document in a worker, with the worker's peak resident memory while it ran."""
    from lkj.pipeline.runner_core import process_document

    reset_peak_resident()
    outcome = process_document(file, work, force, time_limit=time_limit, memory_limit=memory_limit)
    outcome.peak_memory = peak_resident_bytes()
    return outcome


def _children() -> list[int]:
    """The pids of this process's children (the pool's workers), from /proc."""
    pids: list[int] = []
    for task in Path(f"/proc/{os.getpid()}/task").iterdir():
        try:
            pids += [int(pid) for pid in (task / "children").read_text().split()]
        except OSError:
            continue
    return pids


def _resident(pid: int) -> int | None:
    try:
        return int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * _PAGE
    except (OSError, IndexError, ValueError):
        return None


class MemoryWatch:
    """A thread that kills any worker whose resident memory passes ``limit``; remembers whom and at how much."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.killed: dict[int, int] = {}  # pid -> resident bytes when killed
        self.last_seen: dict[int, int] = {}  # pid -> largest resident bytes seen
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, name="lkj-worker-memory-watch", daemon=True)

    def __enter__(self) -> MemoryWatch:
        if Path(f"/proc/{os.getpid()}/task").is_dir():  # Linux; elsewhere RLIMIT_DATA alone
            self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join()

    def _watch(self) -> None:
        while not self._stop.wait(MEMORY_POLL_SECONDS):
            for pid in _children():
                resident = _resident(pid)
                if resident is None:
                    continue
                self.last_seen[pid] = max(resident, self.last_seen.get(pid, 0))
                if resident > self.limit and pid not in self.killed:
                    self.killed[pid] = resident
                    try:
                        os.kill(pid, signal.SIGKILL)
                    except ProcessLookupError:
                        pass


@dataclass
class _Running:
    position: int
    file: InputFile
    began: float


def supervised_outcomes(files: Iterable[InputFile], work: WorkFolder | None, force: bool, workers: int,
                        time_limit: float = TIME_LIMIT_SECONDS, memory_limit: int = MEMORY_LIMIT_BYTES,
                        activity: Callable[[str], None] | None = None) -> Iterator[tuple[int, DocumentOutcome]]:
    """``(position, outcome)`` for every file, as documents finish, whatever happens to their workers.

    At most ``workers`` documents are handed out at a time, so a document's clock starts
    when it is handed to a worker, and a killed worker loses only its own document.
    ``files`` is read as workers become free (the fuzzer makes its inputs on demand).
    ``activity`` is shown what a document is doing (``pipeline.progress``).
    """
    with ExitStack() as stack:
        listener = stack.enter_context(progress.Listener(activity)) if activity else None
        watch = stack.enter_context(MemoryWatch(memory_limit))
        pool = stack.enter_context(ProcessPool(
            max_workers=max(1, workers), initializer=start_worker, context=_worker_context(),
            initargs=(os.getpid(), memory_limit, listener.write_end if listener else None)))
        yield from _supervise(pool, watch, files, work, force, workers, time_limit, memory_limit)


def _supervise(pool: ProcessPool, watch: MemoryWatch, files: Iterable[InputFile], work: WorkFolder | None,
               force: bool, workers: int, time_limit: float,
               memory_limit: int) -> Iterator[tuple[int, DocumentOutcome]]:
    pending = enumerate(files)
    exhausted = False
    running: dict[object, _Running] = {}
    try:
        while not exhausted or running:
            while not exhausted and len(running) < workers:
                following = next(pending, None)
                if following is None:
                    exhausted = True
                    break
                position, file = following
                future = pool.schedule(run_in_worker, (file, work, force, time_limit, memory_limit),
                                       timeout=time_limit + PARENT_GRACE_SECONDS)
                running[future] = _Running(position, file, time.monotonic())
            if not running:
                break
            done, _ = wait(list(running), return_when=FIRST_COMPLETED)
            for future in done:
                task = running.pop(future)
                yield task.position, _outcome(future, task, watch, time_limit, memory_limit)
    finally:
        for future in running:
            future.cancel()
        pool.stop()


def _outcome(future, task: _Running, watch: MemoryWatch, time_limit: float, memory_limit: int) -> DocumentOutcome:
    """The document's outcome from its worker, or the report of how the worker died."""
    from lkj.pipeline.runner_core import DocumentOutcome, bare_ingest, failed_report

    seconds = time.monotonic() - task.began
    try:
        return future.result()
    except TimeoutError:
        code = "time_limit"
        message = (f"stopped after {time_limit:g} s, the time limit of a document (lkj run --timeout): the reader "
                   f"was stuck inside a library call, so the run killed its worker")
        peak = None
    except ProcessExpired as error:
        killed_at = watch.killed.pop(error.pid, None)
        peak = killed_at or watch.last_seen.get(error.pid)
        if killed_at is not None:
            code = "memory_limit"
            message = (f"stopped when memory passed {memory_limit / 1024**3:.1f} GiB (lkj run --memory-limit): "
                       f"{killed_at / 1024**2:.0f} MB inside a library call, so the run killed its worker")
        else:
            code = "worker_crashed"
            message = (f"the process reading this PDF crashed ({_death(error.exitcode)}) inside a PDF library; "
                       f"the other documents were not affected")
    except Exception as error:  # a result that could not come back (unpicklable) is this document's failure
        code, peak = "internal_error", None
        message = f"internal error: {type(error).__name__}: {error} (the worker's result)"
    report = failed_report(bare_ingest(task.file), code, message)
    return DocumentOutcome(report, code, seconds, peak_memory=peak)


def _death(exitcode: int | None) -> str:
    """How a process ended, in words: ``SIGSEGV``, ``exit status 1``."""
    if exitcode is not None and exitcode < 0:
        try:
            return signal.Signals(-exitcode).name
        except ValueError:
            return f"signal {-exitcode}"
    return f"exit status {exitcode}"
