"""Running the stages over many documents, with caching, isolation and a summary.

One document's failure never stops the run or loses another's data: every
exception inside a document's stages becomes a ``failed`` report with the reason.
"""
from __future__ import annotations

import logging
import os
import time
import traceback
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from itertools import repeat
from pathlib import Path
from typing import Callable, Iterable, Iterator

from corpus.files import InputFile, discover
from db.load import load_report
from db.schema import open_database
from extract.identity import UnitGuess
from pipeline import extract_stage, ingest, interpret, normalize
from pipeline.model import ExtractResult, IngestResult, InterpretResult, NormalizedReport, Warning
from pipeline.workdir import WorkFolder

log = logging.getLogger(__name__)
PACKAGE_VERSION = "0.1.0"
STAGE_VERSIONS = (
    ("ingest", ingest.VERSION),
    ("extract", extract_stage.VERSION),
    ("interpret", interpret.VERSION),
    ("normalize", normalize.VERSION),
)
EXTRACTOR_VERSION = f"lkj {PACKAGE_VERSION} (" + ", ".join(f"{n} v{v}" for n, v in STAGE_VERSIONS) + ")"


def stage_key(stage: str) -> str:
    """Versions of ``stage`` and every stage before it: a change to any invalidates the cache."""
    names = [n for n, _ in STAGE_VERSIONS]
    return "/".join(f"{n}{v}" for n, v in STAGE_VERSIONS[: names.index(stage) + 1])


def failed_report(ingested: IngestResult, code: str, message: str) -> NormalizedReport:
    return NormalizedReport(
        sha256=ingested.sha256, file_name=ingested.file_name, path=ingested.path, pages=len(ingested.pages),
        scanned=bool(ingested.pages) and len(ingested.scanned_pages) > len(ingested.pages) / 2, status="failed",
        unit=UnitGuess(None, None, None, None, None), year=None, cover_year=None, convention=None,
        warnings=ingested.warnings + [Warning("ingest", code, message)],
    )


@dataclass
class DocumentOutcome:
    report: NormalizedReport
    failure_reason: str | None
    seconds: float
    cached_stages: list[str] = field(default_factory=list)
    stage_seconds: dict[str, float] = field(default_factory=dict)


def process_document(file: InputFile, work: WorkFolder | None, force: bool = False) -> DocumentOutcome:
    """Run ingest → extract → interpret → normalize on one file, reusing cached stages."""
    started = time.perf_counter()
    cached: list[str] = []
    timings: dict[str, float] = {}

    def stage(name: str, kind: type, compute: Callable[[], object]):
        key = stage_key(name)
        began = time.perf_counter()
        try:
            if work is not None and not force:
                found = work.load(file.sha256, name, key, kind)
                if found is not None:
                    cached.append(name)
                    return found
            result = compute()
            if work is not None:
                work.save(file.sha256, name, key, result)
            return result
        finally:
            timings[name] = time.perf_counter() - began

    def outcome(report: NormalizedReport, reason: str | None) -> DocumentOutcome:
        return DocumentOutcome(report, reason, time.perf_counter() - started, cached, timings)

    ingested = stage("ingest", IngestResult, lambda: ingest.ingest(file))
    try:
        if ingested.failure:
            return outcome(failed_report(ingested, ingested.failure, ingested.failure_message or ingested.failure),
                           ingested.failure)
        if len(ingested.scanned_pages) > len(ingested.pages) / 2:
            message = "scanned report (no text layer on most pages); OCR is not available in this version"
            return outcome(failed_report(ingested, "scanned_no_ocr", message), "scanned_no_ocr")
        extracted = stage("extract", ExtractResult, lambda: extract_stage.extract(ingested))
        interpreted = stage("interpret", InterpretResult, lambda: interpret.interpret(ingested, extracted))
        report = stage("normalize", NormalizedReport, lambda: normalize.normalize(ingested, interpreted))
        if not report.indicators and not report.programs and not report.budget_pagu:
            report.status = "failed"
            reason = "not_lkj" if not any(t.kind in ("measurement", "plan") for t in report.tables) else "no_indicators"
            text = ("no performance or budget table found: this does not look like an LKj report"
                    if reason == "not_lkj" else "tables were found but no indicator rows could be read")
            report.warnings.append(Warning("interpret", reason, text))
            return outcome(report, reason)
        return outcome(report, None)
    except Exception as error:  # isolation: one broken document never stops the run
        log.debug("internal error on %s", file.path, exc_info=True)
        message = f"internal error: {type(error).__name__}: {error} ({traceback.extract_tb(error.__traceback__)[-1].name})"
        return outcome(failed_report(ingested, "internal_error", message), "internal_error")


@dataclass
class RunSummary:
    reports: int = 0
    ok: int = 0
    partial: int = 0
    failed: int = 0
    duplicates: int = 0
    indicators: int = 0
    warnings: int = 0
    pages: int = 0
    seconds: float = 0.0
    failures: list[tuple[str, str]] = field(default_factory=list)
    report_seconds: list[float] = field(default_factory=list)
    stage_seconds: dict[str, float] = field(default_factory=dict)

    def add(self, outcome: DocumentOutcome) -> None:
        report = outcome.report
        self.reports += 1
        self.report_seconds.append(outcome.seconds)
        for name, seconds in outcome.stage_seconds.items():
            self.stage_seconds[name] = self.stage_seconds.get(name, 0.0) + seconds
        setattr(self, report.status, getattr(self, report.status) + 1)
        self.indicators += len(report.indicators)
        self.warnings += len(report.warnings)
        self.pages += report.pages
        if report.status == "failed":
            self.failures.append((report.file_name, outcome.failure_reason or "failed"))


def _outcomes(files: list[InputFile], work: WorkFolder, force: bool, workers: int) -> Iterator[DocumentOutcome]:
    """Process documents in a pool of worker processes, yielding outcomes in input order.

    Workers only read PDFs and write their own cache files; the caller is the single
    writer of the database, so SQLite never sees two writers. Input order keeps the
    database content the same from run to run.
    """
    if workers <= 1 or len(files) <= 1:
        for file in files:
            yield process_document(file, work, force)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        yield from pool.map(process_document, files, repeat(work), repeat(force), chunksize=1)


def run(paths: Iterable[Path | str], db_path: Path, work_root: Path | None = None, force: bool = False,
        progress: Callable[..., Iterable] = lambda it, total=None: it, workers: int | None = None) -> RunSummary:
    """Process every PDF under ``paths`` into ``db_path``; the single writer loads each report."""
    started = time.perf_counter()
    found = discover(paths)
    db = open_database(str(db_path))
    work = WorkFolder(work_root if work_root is not None else db_path.parent / ".lkj")
    summary = RunSummary(duplicates=len(found.duplicates))
    outcomes = _outcomes(found.files, work, force, workers or os.cpu_count() or 1)
    for outcome in progress(outcomes, total=len(found.files)):
        load_report(db, outcome.report, EXTRACTOR_VERSION, outcome.failure_reason)
        summary.add(outcome)
    summary.seconds = time.perf_counter() - started
    return summary
