"""Library messages: to the log, never through the progress bar; on the report when they matter.

The readers talk: camelot fails on an owner-locked page ("Text extraction is not
allowed"), pdfminer complains of odd colour operators, lkj's own readers say when a
fallback failed. Python prints such records on stderr when no handler is set up
(``logging.lastResort``), which tore the progress bar of ``lkj run``. Here every
record goes to a log file beside the database (``--verbose`` also shows it, above
the bar), and while a document is processed the messages of the PDF readers are
collected, so that a stage can keep them as ``reader_message`` warnings on the
report: a page whose reader failed may lack tables, and the researcher sees why in
the ``warnings`` table instead of a terminal long closed.
"""
from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from lkj.extract.warning_codes import ReportWarning

#: Loggers whose warnings say that a page was not read as it should be: lkj's readers
#: (which report a failed fallback such as camelot's) and camelot itself. pdfminer's and
#: pdfplumber's warnings are about operators they skip without consequence for the
#: text; they stay in the log.
READER_LOGGERS = ("lkj.extract", "camelot")
#: At most this many messages a document become warnings (a broken font can repeat one per glyph).
MAX_MESSAGES = 20
_PAGE = re.compile(r"\bpage (\d+)\b")
_FORMAT = "%(asctime)s %(process)d %(levelname)s %(name)s: %(message)s"


class _TqdmHandler(logging.StreamHandler):
    """Prints a record above the progress bar (tqdm.write) instead of through it."""

    def emit(self, record: logging.LogRecord) -> None:
        from tqdm import tqdm

        try:
            tqdm.write(self.format(record), file=self.stream)
        except Exception:  # logging must never stop a run
            self.handleError(record)


def configure_logging(log_path: Path, verbose: bool, stream=None) -> None:
    """Send every log record and Python warning to ``log_path``; to ``stream`` too when ``verbose``.

    Forked pool workers inherit this set-up (each line is appended whole).
    """
    root = logging.getLogger()
    for handler in list(root.handlers):
        root.removeHandler(handler)
    log_path.parent.mkdir(parents=True, exist_ok=True)
    to_file = logging.FileHandler(log_path, encoding="utf-8", delay=True)
    to_file.setFormatter(logging.Formatter(_FORMAT))
    root.addHandler(to_file)
    if verbose:
        shown = _TqdmHandler(stream)
        shown.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
        root.addHandler(shown)
    root.setLevel(logging.INFO if verbose else logging.WARNING)
    logging.captureWarnings(True)


class _Collector(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[tuple[str, int | None]] = []

    def emit(self, record: logging.LogRecord) -> None:
        if not record.name.startswith(READER_LOGGERS) or len(self.messages) >= MAX_MESSAGES:
            return
        try:
            message = f"{record.name}: {record.getMessage()}"
        except Exception:  # a malformed record is left to the log
            return
        page = _PAGE.search(message)
        entry = (message[:500], int(page.group(1)) if page else None)
        if entry not in self.messages:
            self.messages.append(entry)


@contextmanager
def reader_messages() -> Iterator[list[ReportWarning]]:
    """Collect the readers' warnings logged inside the block, as ``reader_message`` warnings.

    The list is filled when the block ends. While collecting, the root logger has a
    handler, so that Python never falls back to printing records on stderr.
    """
    collector = _Collector()
    root = logging.getLogger()
    root.addHandler(collector)
    found: list[ReportWarning] = []
    try:
        yield found
    finally:
        root.removeHandler(collector)
        found.extend(ReportWarning("reader_message", message, page) for message, page in collector.messages)
