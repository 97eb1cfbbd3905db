"""Running the pipeline over many documents into one database, with a summary.

Documents are processed by an executor (``pipeline.executors``); this process is
the single writer. Progress counts documents as they finish; they are loaded in input
order (largest files first), so the same inputs always make the same database.
"""
from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from lkj.db.catalog import finish_database
from lkj.db.corrections import corrections_path, read_corrections
from lkj.db.load import load_report
from lkj.db.schema import open_database
from lkj.pipeline.executors import dask_outcomes, local_outcomes
from lkj.pipeline.inputs import discover
from lkj.pipeline.limits import MEMORY_LIMIT_BYTES, TIME_LIMIT_SECONDS
from lkj.pipeline.runner_core import DocumentOutcome, library_versions
from lkj.pipeline.versions import extractor_version
from lkj.pipeline.workdir import WorkFolder

__all__ = ["RunSummary", "run"]


@dataclass
class RunSummary:
    reports: int = 0
    ok: int = 0
    partial: int = 0
    failed: int = 0
    duplicates: int = 0
    unchanged: int = 0  # already loaded by this extractor version: not processed again
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


def run(paths: Iterable[Path | str], db_path: Path, work_root: Path | None = None, force: bool = False,
        progress: Callable[..., Iterable] = lambda it, total=None: it, workers: int | None = None,
        executor: str = "local", scheduler: str | None = None, time_limit: float = TIME_LIMIT_SECONDS,
        memory_limit: int = MEMORY_LIMIT_BYTES) -> RunSummary:
    """Process every PDF under ``paths`` into ``db_path``; the single writer loads each report.

    Each document gets ``time_limit`` seconds for all its stages and ``memory_limit`` bytes.
    """
    started = time.perf_counter()
    found = discover(paths)
    db = open_database(str(db_path))
    work = WorkFolder(work_root if work_root is not None else db_path.parent / ".lkj")
    summary = RunSummary(duplicates=len(found.duplicates))
    corrections = read_corrections(corrections_path(db_path))
    files = found.files
    version = extractor_version()
    if not force:  # a report loaded by other code (another fingerprint) is redone
        done = {row["id"] for row in db.query("select id from reports where extractor_version = ?", [version])}
        files = [f for f in found.files if f.sha256 not in done]
        summary.unchanged = len(found.files) - len(files)
    # Largest files first: a pool that starts the biggest reports (scans, 150-page
    # reports) last ends with one worker busy and the others idle. Size is known before
    # reading and is a fair proxy for the work.
    files = sorted(files, key=lambda f: (-f.size, str(f.path)))
    workers = workers or os.cpu_count() or 1
    limits = {"time_limit": time_limit, "memory_limit": memory_limit}
    bar = None

    def show(step: str) -> None:  # what a document is doing, beside the bar (``a.pdf: ocr 37/142 pages``)
        if bar is not None and hasattr(bar, "set_postfix_str"):
            bar.set_postfix_str(step)

    if executor == "dask":
        outcomes = dask_outcomes(files, work, force, workers, scheduler, limits)
    else:
        outcomes = local_outcomes(files, work, force, workers, limits, activity=show)
    finished: dict[int, DocumentOutcome] = {}  # outcomes that finished before one ahead of them in the input
    next_to_load = 0
    bar = progress(outcomes, total=len(files))
    for position, outcome in bar:
        finished[position] = outcome
        while next_to_load in finished:
            ready = finished.pop(next_to_load)
            next_to_load += 1
            load_report(db, ready.report, version, ready.failure_reason, library_versions(), corrections)
            summary.add(ready)
    finish_database(db)  # indicator catalog and comparison views over everything loaded
    summary.seconds = time.perf_counter() - started
    return summary
