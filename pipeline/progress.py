"""What a document is doing, told by its worker to the run's progress bar (``ocr 37/142 pages``).

The bar of ``lkj run`` counts documents as they finish; a 150-page scan takes minutes of
OCR, and the bar stood still meanwhile. Each worker writes one line per step (a stage
begun, an OCR page read) into a pipe that the run reads in a thread and shows beside
the bar. A pipe rather than a ``multiprocessing.Queue``: a worker killed by the run (past
its budget) or by a crash while holding a queue's lock would leave every other worker
waiting on it for ever; a write of less than ``PIPE_BUF`` bytes to a pipe is atomic and
takes no lock. Writes never block (the pipe is non-blocking): when the run has not read
the last lines, a step is not shown, and the document goes on.
"""
from __future__ import annotations

import os
import threading
from collections.abc import Callable

#: Longest line a worker writes: well under PIPE_BUF (4096 on Linux), so writes are atomic.
MAX_LINE = 512
_channel: int | None = None  # in a worker: the pipe's write end


def attach(fd: int | None) -> None:
    """In a worker: tell the steps of its documents into ``fd`` (None: tell nobody)."""
    global _channel
    _channel = fd


def tell(text: str) -> None:
    """Say what the document in this worker is doing now; a no-op outside a supervised worker."""
    if _channel is None:
        return
    data = (" ".join(text.split())[: MAX_LINE - 1] + "\n").encode("utf-8", "replace")
    try:
        os.write(_channel, data)
    except OSError:  # BlockingIOError (the run is behind), or the run is gone: not worth a document
        pass


class Listener:
    """The run's end of the pipe: a thread that hands every line to ``show``."""

    def __init__(self, show: Callable[[str], None]) -> None:
        self.show = show
        self.read_end, self.write_end = os.pipe()
        os.set_blocking(self.write_end, False)
        self._thread = threading.Thread(target=self._listen, name="lkj-progress", daemon=True)

    def __enter__(self) -> Listener:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        os.close(self.write_end)  # with the workers gone, the reader sees the end of the pipe
        self._thread.join(timeout=2)
        if not self._thread.is_alive():
            os.close(self.read_end)

    def _listen(self) -> None:
        pending = b""
        while chunk := os.read(self.read_end, 65536):
            *lines, pending = (pending + chunk).split(b"\n")
            for line in lines:
                self.show(line.decode("utf-8", "replace"))
