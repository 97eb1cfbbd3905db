"""Per-document time and memory limits.

A hostile or broken PDF can make pdfminer loop or allocate without bound. Each
document runs under a wall-clock limit (``SIGALRM`` through ``setitimer``) and a
resident-memory limit (a watchdog thread reads ``/proc/self/statm`` and signals the
process), and exceeding either raises an exception that the runner records as a
``failed`` report with the reason, so the run goes on. Signals can only be handled
in a process's main thread: where documents run in other threads (Dask workers, which
enforce their own memory limits), the limits are not installed.
"""
from __future__ import annotations

import os
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

#: Defaults: generous for a 500-page report, small enough to stop a runaway.
TIME_LIMIT_SECONDS = 900.0
MEMORY_LIMIT_BYTES = 3 * 1024**3
#: Extra time granted per scanned page (OCR takes 3-5 s a page at 300 dpi).
OCR_SECONDS_PER_PAGE = 20.0
_PAGE = os.sysconf("SC_PAGE_SIZE")


class DocumentTimeout(Exception):
    """The document took longer than the time limit."""


class DocumentMemoryExceeded(Exception):
    """The process grew beyond the memory limit while reading the document."""


def resident_bytes() -> int:
    with open("/proc/self/statm", encoding="ascii") as handle:
        return int(handle.read().split()[1]) * _PAGE


def _raise_timeout(signum, frame):
    raise DocumentTimeout()


def _raise_memory(signum, frame):
    raise DocumentMemoryExceeded()


def extend_time_limit(seconds: float) -> None:
    """Restart the running time limit with ``seconds`` (once a document's scanned pages are known)."""
    if threading.current_thread() is threading.main_thread() and signal.getitimer(signal.ITIMER_REAL)[0] > 0:
        signal.setitimer(signal.ITIMER_REAL, seconds)


@contextmanager
def document_limits(seconds: float = TIME_LIMIT_SECONDS, memory_bytes: int = MEMORY_LIMIT_BYTES) -> Iterator[None]:
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    stop = threading.Event()

    def watch() -> None:
        while not stop.wait(0.2):
            if resident_bytes() > memory_bytes:
                os.kill(os.getpid(), signal.SIGUSR1)
                return

    old_alarm = signal.signal(signal.SIGALRM, _raise_timeout)
    old_usr1 = signal.signal(signal.SIGUSR1, _raise_memory)
    watchdog = threading.Thread(target=watch, name="lkj-memory-watchdog", daemon=True)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    watchdog.start()
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        stop.set()
        watchdog.join()
        signal.signal(signal.SIGALRM, old_alarm)
        signal.signal(signal.SIGUSR1, old_usr1)
