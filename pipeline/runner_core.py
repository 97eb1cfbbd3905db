"""Running the stages on one document, with caching and isolation.

One document's failure never stops the run or loses another's data: every
exception inside a document's stages becomes a ``failed`` report with the reason.
"""
from __future__ import annotations

import dataclasses
import itertools
import json
import logging
import subprocess
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import metadata

from lkj.extract.identity import UnitGuess
from lkj.extract.model import ExtractResult, IngestResult, InterpretResult, NormalizedReport, OcrResult
from lkj.extract.warning_codes import ReportWarning
from lkj.pipeline import extract_stage, ingest, interpret, normalize, ocr_stage, progress
from lkj.pipeline.inputs import InputFile
from lkj.pipeline.limits import (
    MEMORY_LIMIT_BYTES,
    TIME_LIMIT_SECONDS,
    DocumentMemoryExceeded,
    DocumentTimeout,
    document_limits,
    out_of_time,
)
from lkj.pipeline.noise import reader_messages
from lkj.pipeline.versions import stage_key
from lkj.pipeline.workdir import WorkFolder

log = logging.getLogger(__name__)


@lru_cache(maxsize=1)
def library_versions() -> str:
    """Versions of the readers that produced the values, stored with every report (JSON)."""
    versions = {name: metadata.version(name) for name in ("pdfplumber", "pdfminer.six", "camelot-py", "pypdfium2", "pikepdf", "spacy")}
    try:
        first_line = subprocess.run(["tesseract", "--version"], capture_output=True, text=True, timeout=10).stdout.split("\n")[0]
        versions["tesseract"] = first_line.replace("tesseract", "").strip() or None
    except (OSError, subprocess.SubprocessError):
        versions["tesseract"] = None
    return json.dumps(versions, sort_keys=True)


def failed_report(ingested: IngestResult, code: str, message: str) -> NormalizedReport:
    return NormalizedReport(
        sha256=ingested.sha256, file_name=ingested.file_name, path=ingested.path, pages=len(ingested.pages),
        scanned=ingested.is_scan, status="failed",
        unit=UnitGuess(None, None, None, None, None), year=None, cover_year=None, convention=None,
        warnings=ingested.warnings + [ReportWarning(code, message, stage="ingest")],
    )


@dataclass
class DocumentOutcome:
    report: NormalizedReport
    failure_reason: str | None
    seconds: float
    cached_stages: list[str] = field(default_factory=list)
    stage_seconds: dict[str, float] = field(default_factory=dict)
    peak_memory: int | None = None  # bytes resident at most in the worker while it read this document


def encodable(value):
    """``value`` with every string made encodable as UTF-8 (lone surrogates become U+FFFD).

    A damaged font's text, read through some reader, can hold lone surrogates; SQLite
    cannot store them, and one such string made loading, and with it the whole run,
    fail (found by ``tests/fuzz.py``). Dataclasses, lists and dicts are rebuilt only
    where a string changes.
    """
    if isinstance(value, str):
        try:
            value.encode("utf-8")
            return value
        except UnicodeEncodeError:
            return value.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {}
        for item in dataclasses.fields(value):
            old = getattr(value, item.name)
            new = encodable(old)
            if new is not old:
                changes[item.name] = new
        return dataclasses.replace(value, **changes) if changes else value
    if isinstance(value, (list, tuple)):
        items = [encodable(item) for item in value]
        return type(value)(items) if any(a is not b for a, b in zip(items, value)) else value
    if isinstance(value, dict):
        items = {encodable(k): encodable(v) for k, v in value.items()}
        return items if any(a is not b for a, b in zip(items.values(), value.values())) else value
    return value


def _time_limited(result: object) -> bool:
    """A stage result that the time limit cut short (OCR stopped before the last page)."""
    return any(w.code == "time_limit" for w in getattr(result, "warnings", ()))


def bare_ingest(file: InputFile) -> IngestResult:
    """What is known of a file before it is read: enough to record its failure."""
    return IngestResult(sha256=file.sha256, path=str(file.path), file_name=file.path.name, size=file.size)


def ocr_step(file: InputFile, ingested: IngestResult, time_limit: float) -> Callable[[], bool]:
    """What OCR asks after each page it read: stop for the time budget? It also tells the progress bar."""
    total = len([p for p in ingested.pages if not p.has_text and not p.blank])  # what ocr_stage.ocr reads
    read = itertools.count(1)

    def step() -> bool:
        progress.tell(f"{file.path.name}: ocr {next(read)}/{total} pages")
        return out_of_time(time_limit)

    return step


def process_document(file: InputFile, work: WorkFolder | None, force: bool = False,
                     time_limit: float = TIME_LIMIT_SECONDS, memory_limit: int = MEMORY_LIMIT_BYTES) -> DocumentOutcome:
    """Run ingest → extract → interpret → normalize on one file, reusing cached stages.

    Never raises for a bad document: a failure, a timeout or a memory blow-up becomes
    a ``failed`` report that says why. ``time_limit`` is one budget for all the stages;
    when OCR stopped early to keep within it, the report is ``partial`` (or ``failed``
    when nothing could be read), reason ``time_limit``.
    """
    started = time.perf_counter()
    cached: list[str] = []
    timings: dict[str, float] = {}
    ingested = bare_ingest(file)

    def stage(name: str, kind: type, compute: Callable[[], object]):
        key = stage_key(name)
        began = time.perf_counter()
        try:
            if work is not None and not force:
                found = work.load(file.sha256, name, key, kind)
                if found is not None:
                    cached.append(name)
                    return found
            progress.tell(f"{file.path.name}: {name}")
            with reader_messages() as messages:
                result = compute()
            if messages and isinstance(getattr(result, "warnings", None), list):
                result.warnings.extend(w.in_stage(name) for w in messages)  # kept with the cached result
            if work is not None and not _time_limited(result):  # a rerun, with more time, reads it all
                work.save(file.sha256, name, key, result)
            return result
        finally:
            timings[name] = time.perf_counter() - began

    def outcome(report: NormalizedReport, reason: str | None) -> DocumentOutcome:
        return DocumentOutcome(encodable(report), reason, time.perf_counter() - started, cached, timings)

    try:
        with document_limits(time_limit, memory_limit):
            ingested = stage("ingest", IngestResult, lambda: ingest.ingest(file))
            if ingested.failure:
                return outcome(failed_report(ingested, ingested.failure, ingested.failure_message or ingested.failure),
                               ingested.failure)
            ocred = stage("ocr", OcrResult, lambda: ocr_stage.ocr(ingested, stop=ocr_step(file, ingested, time_limit)))
            if ocred.failure:
                return outcome(failed_report(ingested, "ocr_unavailable", ocred.failure), "ocr_unavailable")
            reading = ocr_stage.with_ocr_text(ingested, ocred)
            extracted = stage("extract", ExtractResult, lambda: extract_stage.extract(reading, ocred))
            interpreted = stage("interpret", InterpretResult, lambda: interpret.interpret(reading, extracted))
            report = stage("normalize", NormalizedReport, lambda: normalize.normalize(reading, extracted, interpreted))
        cut_short = _time_limited(report)
        if not report.indicators and not report.programs and not report.budget_pagu:
            report.status = "failed"
            if cut_short:
                return outcome(report, "time_limit")
            reason = "not_lkj" if not any(t.kind in ("measurement", "plan") for t in report.tables) else "no_indicators"
            text = ("no performance or budget table found: this does not look like an LKj report"
                    if reason == "not_lkj" else "tables were found but no indicator rows could be read")
            report.warnings.append(ReportWarning(reason, text, stage="interpret"))
            return outcome(report, reason)
        if cut_short:
            report.status = "partial"
            return outcome(report, "time_limit")
        return outcome(report, None)
    except extract_stage.UnreadablePDF as error:
        message = f"the PDF is damaged beyond repair: {error}"
        return outcome(failed_report(ingested, "broken", message), "broken")
    except DocumentTimeout:
        message = (f"stopped after {time_limit:g} s, the time limit of a document (lkj run --timeout): "
                   f"the PDF takes too long to read (a hostile or broken file, or a very long scan?)")
        return outcome(failed_report(ingested, "time_limit", message), "time_limit")
    except (DocumentMemoryExceeded, MemoryError):
        message = (f"stopped when memory passed {memory_limit / 1024**3:.1f} GiB (lkj run --memory-limit): "
                   f"the PDF needs too much memory to read")
        return outcome(failed_report(ingested, "memory_limit", message), "memory_limit")
    except Exception as error:  # isolation: one broken document never stops the run
        log.debug("internal error on %s", file.path, exc_info=True)
        cause = _limit_behind(error)
        if cause is not None:
            # a library caught the time or memory limit's signal and raised its own error in its place
            reason, limit, option = (("time_limit", "time", "--timeout") if isinstance(cause, DocumentTimeout)
                                     else ("memory_limit", "memory", "--memory-limit"))
            message = (f"stopped by the {limit} limit of a document (lkj run {option}), which a PDF library "
                       f"reported as {type(error).__name__}")
            return outcome(failed_report(ingested, reason, message), reason)
        message = f"internal error: {type(error).__name__}: {error} ({traceback.extract_tb(error.__traceback__)[-1].name})"
        return outcome(failed_report(ingested, "internal_error", message), "internal_error")


def _limit_behind(error: BaseException) -> BaseException | None:
    """The time or memory limit's exception in the chain of causes of ``error``, if any."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        if isinstance(current, (DocumentTimeout, DocumentMemoryExceeded)):
            return current
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return None
