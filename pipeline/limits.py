"""Per-document time and memory limits: one budget for every stage, OCR included.

A hostile or broken PDF can make pdfminer loop or allocate without bound, and a
long scan can keep Tesseract busy for hours. Each document runs under one wall-clock
budget (``SIGALRM`` through ``setitimer``), in the worker that reads it, for all its
stages together, and a resident-memory limit (a watchdog thread reads
``/proc/self/statm`` and signals the process). The budget is a cap: no page count
lifts it (it once grew by 20 s a scanned page, so a PDF of 3,000 empty pages was given
17 hours). OCR looks at what is left before each page (``out_of_time``) and stops
early, so that a long scan ends ``partial`` with the pages read so far; whatever
overruns the budget raises an exception that the runner records as a ``failed``
report, reason ``time_limit`` or ``memory_limit``, and the run goes on. The signal
interrupts Python code; C calls (pdfium, qpdf) are bounded beforehand by the bomb
check and the pixel budget of OCR renders, Tesseract runs with its own timeout, and
whatever still escapes (a C call that never returns, or grows past the cap) is killed
by the run from outside (``pipeline.supervisor``).
Signals can only be handled in a process's main thread: where documents run in other
threads (Dask workers, which enforce their own memory limits), the limits are not
installed.
"""
from __future__ import annotations

import os
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

#: Defaults (``lkj run --timeout``, ``--memory-limit``): a 500-page born-digital report
#: takes about a minute, a 150-page scan 6-8 minutes of OCR (2.5-3 s a page); a
#: runaway is stopped within 15 minutes.
TIME_LIMIT_SECONDS = 900.0
MEMORY_LIMIT_BYTES = 3 * 1024**3
#: OCR stops before a page when less than this share of the budget is left: the
#: tables, interpretation and normalization of what was read need the rest.
RESERVE_SHARE = 0.15
_PAGE = os.sysconf("SC_PAGE_SIZE")


#: After the budget runs out the alarm repeats this often until the document ends: a
#: library that swallows an exception (camelot retries after ``except Exception``)
#: cannot keep the document running past its budget.
_REPEAT_SECONDS = 1.0


class DocumentTimeout(BaseException):
    """The document took longer than the time limit.

    A ``BaseException``, as ``KeyboardInterrupt`` is, so that the readers' ``except
    Exception`` clauses cannot swallow it.
    """


class DocumentMemoryExceeded(BaseException):
    """The process grew beyond the memory limit while reading the document (a ``BaseException``: see above)."""


def resident_bytes() -> int:
    with open("/proc/self/statm", encoding="ascii") as handle:
        return int(handle.read().split()[1]) * _PAGE


def reset_peak_resident() -> None:
    """Start measuring this process's peak resident memory afresh (``peak_resident_bytes``)."""
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as clear:
            clear.write("5")  # resets VmHWM to the current resident size
    except OSError:
        pass


def peak_resident_bytes() -> int | None:
    """This process's peak resident memory since it started or since ``reset_peak_resident``."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            return next(int(line.split()[1]) * 1024 for line in status if line.startswith("VmHWM:"))
    except (OSError, StopIteration, ValueError):
        return None


def time_left() -> float | None:
    """Seconds left of the running document's budget; None when no budget runs (another thread)."""
    if threading.current_thread() is not threading.main_thread():
        return None
    left = signal.getitimer(signal.ITIMER_REAL)[0]
    return left if left > 0 else None


def out_of_time(budget: float) -> bool:
    """True when less than ``RESERVE_SHARE`` of a ``budget`` of seconds is left: time to stop reading pages."""
    left = time_left()
    return left is not None and left < RESERVE_SHARE * budget


@contextmanager
def document_limits(seconds: float = TIME_LIMIT_SECONDS, memory_bytes: int = MEMORY_LIMIT_BYTES) -> Iterator[None]:
    """Raise ``DocumentTimeout`` after ``seconds`` and ``DocumentMemoryExceeded`` past ``memory_bytes`` resident."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    stop = threading.Event()
    armed = True  # cleared first thing on the way out: a late signal then raises nothing

    def on_alarm(signum, frame):
        if armed:
            raise DocumentTimeout()

    def on_memory(signum, frame):
        if armed:
            raise DocumentMemoryExceeded()

    def watch() -> None:
        while not stop.wait(0.2):
            if resident_bytes() > memory_bytes:
                os.kill(os.getpid(), signal.SIGUSR1)
                stop.wait(_REPEAT_SECONDS)  # again, should the first be swallowed

    old_alarm = signal.signal(signal.SIGALRM, on_alarm)
    old_usr1 = signal.signal(signal.SIGUSR1, on_memory)
    watchdog = threading.Thread(target=watch, name="lkj-memory-watchdog", daemon=True)
    signal.setitimer(signal.ITIMER_REAL, seconds, _REPEAT_SECONDS)
    watchdog.start()
    try:
        yield
    finally:
        armed = False
        signal.setitimer(signal.ITIMER_REAL, 0)
        stop.set()
        watchdog.join()
        signal.signal(signal.SIGALRM, old_alarm)
        signal.signal(signal.SIGUSR1, old_usr1)
