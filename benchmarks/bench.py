"""Benchmark: the whole pipeline on a corpus, against the naive table readers.

``python -m benchmarks.bench [--corpus DIR] [--repeat N] [--workers N] [--skip-naive]
[--skip-big] [--big-pages N] [--scans DIR] [--skip-scans] [--skip-startup] [--json OUT]``, from the
repository's root (the benchmark is not installed with ``lkj``; ``main(argv)`` is the
same thing, called from Python). See ``docs/benchmark.md`` for what each figure means.

What it does, all inside one temporary folder that is removed at the end:

1. **Pipeline.** Every PDF of the corpus is copied ``--repeat`` times; each copy gets
   a PDF comment line (``% lkj-bench copy N``) appended after ``%%EOF``, which changes
   its sha256 (so the runner does not set it aside as a duplicate) but not a single
   page. ``lkj.pipeline.runner.run`` then processes the copies with ``--workers``
   processes into a fresh database with a fresh work folder (no cache).
2. **Naive approaches**, single process, on each distinct corpus PDF once (the copies
   hold the same pages): camelot lattice on every page, and pdfplumber's
   ``extract_tables()`` on every page. Their tables are compared page by page with the
   tables the pipeline read (``extract.json`` in the work folder), so that speed is
   not bought with lost tables.
3. **Big document.** The corpus PDFs are concatenated (pikepdf) into one
   ``--big-pages`` page PDF, which the pipeline processes alone.
4. **Scans.** The scanned reports of ``--scans`` (default: the sample corpus's two
   scans) go through the whole pipeline, OCR included: seconds per scanned page.
5. **CLI start-up.** The ``lkj`` command as a user runs it, each time a new process:
   the wall time of ``lkj --help`` (median of 5) and of ``lkj run`` on one 8-page
   born-digital sample into a fresh database and work folder, one worker (median of 3).

Each measured phase runs in its own freshly *spawned* Python process, so that the
peak memory figures (``resource.getrusage``: ``RUSAGE_SELF`` for the process itself,
``RUSAGE_CHILDREN`` for the largest of its worker processes once the pool has ended)
belong to that phase alone and not to whatever the benchmark imported before.
"""
from __future__ import annotations

import argparse
import importlib
import json
import logging
import math
import multiprocessing
import os
import platform
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import traceback
import warnings
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO / "corpus" / "data" / "born-digital"
DEFAULT_SCANS = REPO / "corpus" / "data" / "scans"
NAIVE = (
    ("camelot_lattice", "camelot lattice on every page"),
    ("pdfplumber", "pdfplumber extract_tables() on every page"),
)
STAGES = ("ingest", "ocr", "extract", "interpret", "normalize")
#: The start-up phase times ``lkj --help`` this many times and ``lkj run`` on a sample
#: of ``STARTUP_PAGES`` pages (from ``DEFAULT_CORPUS``) that many times; medians are reported.
HELP_RUNS = 5
RUN_RUNS = 3
STARTUP_PAGES = 8
MIB = 1024 * 1024


# --------------------------------------------------------------------------- helpers


def _rss_mib(usage: resource.struct_rusage) -> float:
    """``ru_maxrss`` in MiB (Linux reports KiB, macOS bytes)."""
    factor = 1 if sys.platform == "darwin" else 1024
    return round(usage.ru_maxrss * factor / MIB, 1)


def _percentile(values: list[float], share: float) -> float | None:
    """Nearest-rank percentile: the smallest value with ``share`` of the values at or below it."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def _rate(count: float, seconds: float) -> float | None:
    return round(count / seconds, 2) if seconds > 0 else None


def _ratio(a: float | None, b: float | None) -> float | None:
    return round(a / b, 2) if a and b else None


def _load_average() -> list[float] | None:
    try:
        return [round(v, 2) for v in os.getloadavg()]
    except OSError:
        return None


def _quiet_libraries() -> None:
    for name in ("pdfminer", "camelot", "pypdf", "pdfplumber"):
        logging.getLogger(name).setLevel(logging.ERROR)
    warnings.simplefilter("ignore")


def _in_fresh_process(function: Callable[..., dict], *args) -> dict:
    """Run ``function(*args)`` in a newly spawned interpreter and return its dict.

    ``function`` must live in this module (it is pickled by name).
    """
    # by the module's import name, also when this file runs as ``__main__``
    module = importlib.import_module("benchmarks.bench")
    context = multiprocessing.get_context("spawn")
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(target=module._child, args=(sender, function.__name__, args))
    process.start()
    sender.close()
    try:
        kind, payload = receiver.recv()
    except EOFError:
        kind, payload = "error", "the benchmark process ended without a result"
    process.join()
    if kind == "error":
        raise RuntimeError(f"{function.__name__} failed:\n{payload}")
    return payload


def _child(sender, name: str, args: tuple) -> None:
    try:
        sender.send(("ok", globals()[name](*args)))
    except BaseException:  # report anything, including SystemExit, to the parent
        sender.send(("error", traceback.format_exc()))
    finally:
        sender.close()


# --------------------------------------------------------------------------- corpus


def source_pdfs(corpus: Path) -> list[Path]:
    """Distinct PDFs under ``corpus`` in the runner's order (sorted, recursive, identical files once)."""
    from lkj.pipeline.inputs import discover

    return [found.path for found in discover([corpus]).files]


def make_copies(sources: list[Path], corpus: Path, target: Path, repeat: int) -> list[Path]:
    """``repeat`` byte-distinct copies of every source, page for page the same.

    A comment line after the final ``%%EOF`` is ignored by every PDF reader (the
    cross-reference table is found from the last ``startxref``, which stays within
    the last kilobyte) but gives each copy its own sha256.
    """
    copies = []
    for copy in range(1, repeat + 1):
        for source in sources:
            inside = corpus.is_dir() and source.is_relative_to(corpus)
            relative = source.relative_to(corpus) if inside else Path(source.name)
            destination = target / f"copy{copy}" / relative
            destination.parent.mkdir(parents=True, exist_ok=True)
            data = source.read_bytes()
            if not data.endswith(b"\n"):
                data += b"\n"
            destination.write_bytes(data + f"% lkj-bench copy {copy}\n".encode("ascii"))
            copies.append(destination)
    return copies


def make_big_pdf(sources: list[Path], destination: Path, pages: int) -> int:
    """Concatenate the sources (cycling through them) into one PDF of ``pages`` pages."""
    import pikepdf

    opened = []
    for source in sources:
        try:
            pdf = pikepdf.open(source)
        except Exception:  # broken or encrypted inputs are simply not used
            continue
        if len(pdf.pages):
            opened.append(pdf)
        else:
            pdf.close()
    if not opened:
        return 0
    big = pikepdf.new()
    try:
        while len(big.pages) < pages:
            for pdf in opened:
                for page in pdf.pages:
                    if len(big.pages) >= pages:
                        break
                    big.pages.append(page)
        big.save(destination)
        return len(big.pages)
    finally:
        big.close()
        for pdf in opened:
            pdf.close()


# --------------------------------------------------------------------------- phases (each in a fresh process)


class _LoadTimer:
    """A ``progress`` wrapper for ``run``: the time the main process spends between
    receiving one outcome and asking for the next is the time it loads that report."""

    def __init__(self) -> None:
        self.seconds = 0.0

    def __call__(self, outcomes: Iterable, total: int | None = None):
        def timed():
            for outcome in outcomes:
                began = time.perf_counter()
                yield outcome
                self.seconds += time.perf_counter() - began

        return timed()


def pipeline_phase(paths: list[str], db_path: str, work_root: str, workers: int) -> dict:
    """``runner.run`` on ``paths`` into a fresh database; figures and peak memory."""
    _quiet_libraries()
    from lkj.pipeline.runner import run

    baseline = _rss_mib(resource.getrusage(resource.RUSAGE_SELF))
    cpu = _cpu_seconds()
    own = resource.getrusage(resource.RUSAGE_SELF)
    timer = _LoadTimer()
    summary = run([Path(p) for p in paths], Path(db_path), Path(work_root), progress=timer, workers=workers)
    cpu = _cpu_seconds() - cpu
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    now = resource.getrusage(resource.RUSAGE_SELF)
    return {
        "cpu_seconds": cpu,
        "cpu_main_seconds": now.ru_utime + now.ru_stime - own.ru_utime - own.ru_stime,
        "reports": summary.reports,
        "ok": summary.ok,
        "partial": summary.partial,
        "failed": summary.failed,
        "duplicates": summary.duplicates,
        "failures": [list(f) for f in summary.failures],
        "indicators": summary.indicators,
        "warnings": summary.warnings,
        "pages": summary.pages,
        "seconds": summary.seconds,
        "report_seconds": summary.report_seconds,
        "stage_seconds": dict(summary.stage_seconds),
        "load_seconds": timer.seconds,
        "rss_after_imports_mib": baseline,
        "rss_main_mib": _rss_mib(resource.getrusage(resource.RUSAGE_SELF)),
        # ru_maxrss of RUSAGE_CHILDREN is that of the largest waited-for child
        "rss_worker_max_mib": _rss_mib(children) if children.ru_maxrss else None,
    }


def _is_page_furniture(top: float, bottom: float, n_rows: int, height: float) -> bool:
    """The pipeline's rule (``lkj.extract.raw_table.is_page_furniture``): a one-row box in
    the top or bottom tenth of the page is a running header or footer, not a table."""
    from lkj.extract.raw_table import is_page_furniture

    return is_page_furniture((0.0, top, 0.0, bottom), n_rows, height)


def _naive_table(rows: list[list], top: float, bottom: float, height: float) -> dict:
    return {"rows": len(rows), "cols": max((len(r) for r in rows), default=0),
            "text": any(c is not None and str(c).strip() for row in rows for c in row),
            "furniture": _is_page_furniture(top, bottom, len(rows), height)}


def _camelot_lattice(path: Path, heights: list[float]) -> dict[int, list[dict]]:
    import camelot

    found: dict[int, list[dict]] = {}
    for table in camelot.read_pdf(str(path), pages="all", flavor="lattice"):
        page = int(table.page)
        height = heights[page - 1]
        _, y0, _, y1 = table._bbox  # PDF coordinates, origin bottom-left
        found.setdefault(page, []).append(_naive_table(table.df.values.tolist(), height - y1, height - y0, height))
    return found


def _pdfplumber_tables(path: Path, heights: list[float]) -> dict[int, list[dict]]:
    import pdfplumber

    found: dict[int, list[dict]] = {}
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            # what page.extract_tables() does, keeping each table's box
            for table in page.find_tables():
                found.setdefault(page.page_number, []).append(
                    _naive_table(table.extract(), table.bbox[1], table.bbox[3], float(page.height)))
    return found


def _cpu_seconds() -> float:
    """CPU time of this process and of its waited-for children, user and system."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def naive_phase(paths: list[str]) -> dict:
    """Each naive approach over every file, single process, timed after the imports."""
    _quiet_libraries()
    import camelot  # noqa: F401  (imported before the clock starts, as in a user's session)
    import pdfplumber  # noqa: F401
    import pypdfium2

    import lkj.extract.raw_table  # noqa: F401  (the furniture rule the tables are counted with)

    readers = {"camelot_lattice": _camelot_lattice, "pdfplumber": _pdfplumber_tables}
    heights = {}
    for path in paths:
        document = pypdfium2.PdfDocument(path)
        heights[path] = [document[i].get_height() for i in range(len(document))]
        document.close()
    results: dict = {"pages": sum(len(h) for h in heights.values()), "approaches": {}}
    for name, reader in readers.items():
        tables: dict[str, dict[str, list]] = {}
        failures = []
        began, cpu = time.perf_counter(), _cpu_seconds()
        for path in paths:
            try:
                tables[path] = {str(page): found for page, found in reader(Path(path), heights[path]).items()}
            except Exception as error:
                failures.append([Path(path).name, f"{type(error).__name__}: {error}"])
                tables[path] = {}
        results["approaches"][name] = {"seconds": time.perf_counter() - began, "cpu_seconds": _cpu_seconds() - cpu,
                                       "tables": tables, "failures": failures}
    results["rss_mib"] = _rss_mib(resource.getrusage(resource.RUSAGE_SELF))
    return results


# --------------------------------------------------------------------------- CLI start-up


def lkj_command() -> list[str]:
    """The ``lkj`` command of this Python: the console script installed beside the
    interpreter, or ``python -m lkj.pipeline`` (the same command) when there is none."""
    script = Path(sys.executable).with_name("lkj")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "lkj.pipeline"]


def startup_sample(folder: Path, pages: int = STARTUP_PAGES) -> tuple[Path, int] | None:
    """The PDF under ``folder`` with ``pages`` pages, or the one closest to it (the first
    in the runner's order on a tie), and its page count; ``None`` when there is no PDF."""
    import pypdfium2

    if not folder.exists():
        return None
    best: tuple[Path, int] | None = None
    for path in source_pdfs(folder):
        try:
            document = pypdfium2.PdfDocument(str(path))
        except pypdfium2.PdfiumError:
            continue
        try:
            count = len(document)
        finally:
            document.close()
        if best is None or abs(count - pages) < abs(best[1] - pages):
            best = (path, count)
    return best


def _wall_seconds(command: list[str], cwd: Path | None = None) -> float:
    """Wall time of ``command`` run as a subprocess (output discarded); it must succeed."""
    began = time.perf_counter()
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=cwd)
    seconds = time.perf_counter() - began
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed ({done.returncode}): "
                           f"{done.stderr.decode(errors='replace')[-500:]}")
    return seconds


def startup_phase(folder: Path, sample: Path, pages: int) -> dict:
    """``lkj --help`` ``HELP_RUNS`` times, and ``lkj run sample`` ``RUN_RUNS`` times, each
    into a new database in a new folder (so its work folder, beside it, is new too)."""
    lkj = lkj_command()
    helps = [_wall_seconds([*lkj, "--help"]) for _ in range(HELP_RUNS)]
    runs = []
    for number in range(1, RUN_RUNS + 1):
        target = folder / f"run{number}"
        target.mkdir(parents=True)
        runs.append(_wall_seconds([*lkj, "run", str(sample), "--db", str(target / "lkj.db"), "--workers", "1",
                                   "--quiet"], cwd=target))
    return {
        "command": lkj,
        "help_seconds": round(statistics.median(helps), 3),
        "help_runs": [round(s, 3) for s in helps],
        "run_file": sample.name,
        "run_pages": pages,
        "run_seconds": round(statistics.median(runs), 3),
        "run_runs": [round(s, 3) for s in runs],
    }


# --------------------------------------------------------------------------- table comparison


def _our_tables(db_path: Path, work_root: Path, copies: dict[str, str]) -> dict[str, dict]:
    """Per source file: pages with tables read, triage candidates and main-table pages.

    ``copies`` maps a copy's path (as the runner recorded it) to its source's path.
    """
    ours: dict[str, dict] = {}
    with sqlite3.connect(db_path) as db:
        reports = db.execute("select id, path from reports").fetchall()
        mains = db.execute("select report_id, pages from report_tables where is_main = 1").fetchall()
    main_pages: dict[str, set[int]] = {}
    for report_id, pages in mains:
        main_pages.setdefault(report_id, set()).update(json.loads(pages or "[]"))
    for report_id, path in reports:
        source = copies.get(path)
        if source is None:
            continue
        extracted_file = work_root / report_id / "extract.json"
        per_page: Counter[int] = Counter()
        candidates: list[int] = []
        if extracted_file.exists():
            result = json.loads(extracted_file.read_text(encoding="utf-8"))["result"]
            per_page.update(t["page"] for t in result["tables"])
            candidates = sorted(set(result["candidate_pages"]) | set(result["stream_pages"])
                                | set(result.get("followed_pages", [])))
        ours[source] = {"tables": dict(per_page), "candidates": candidates,
                        "main_pages": sorted(main_pages.get(report_id, ()))}
    return ours


def compare_tables(ours: dict[str, dict], naive_tables: dict[str, dict[str, list]]) -> dict:
    """Page by page: where a naive approach and the pipeline found tables.

    A naive table counts when it has at least two columns and some text and is not a
    running header or footer (the pipeline drops those boxes too). ``lost_by_triage`` lists the pages where the naive
    approach found a table and the pipeline none; ``reason`` says whether triage skipped
    the page (``not a candidate``) or the pipeline's readers found nothing on it.
    """
    summary = {"tables": 0, "pages_with_tables": 0, "main_pages": 0, "main_pages_with_table": 0,
               "tables_on_main_pages": 0, "our_tables_on_main_pages": 0, "lost_by_triage": [],
               "found_only_by_lkj": []}
    for source in sorted(set(ours) | set(naive_tables)):
        mine = ours.get(source, {"tables": {}, "candidates": [], "main_pages": []})
        theirs = {int(page): sum(1 for t in found if t["cols"] >= 2 and t["text"] and not t["furniture"])
                  for page, found in naive_tables.get(source, {}).items()}
        theirs = {page: n for page, n in theirs.items() if n}
        our_pages = {int(page) for page, n in mine["tables"].items() if n}
        summary["tables"] += sum(theirs.values())
        summary["pages_with_tables"] += len(theirs)
        for page in mine["main_pages"]:
            summary["main_pages"] += 1
            summary["main_pages_with_table"] += page in theirs
            summary["tables_on_main_pages"] += theirs.get(page, 0)
            summary["our_tables_on_main_pages"] += mine["tables"].get(page, 0)
        name = Path(source).name
        for page in sorted(set(theirs) - our_pages):
            reason = "found nothing" if page in mine["candidates"] else "not a candidate"
            summary["lost_by_triage"].append({"file": name, "page": page, "tables": theirs[page], "reason": reason})
        for page in sorted(our_pages - set(theirs)):
            summary["found_only_by_lkj"].append({"file": name, "page": page})
    return summary


# --------------------------------------------------------------------------- report


def _pipeline_figures(raw: dict) -> dict:
    figures = {k: raw[k] for k in ("reports", "ok", "partial", "failed", "duplicates", "failures", "indicators",
                                   "warnings", "pages")}
    figures["seconds"] = round(raw["seconds"], 3)
    figures["pages_per_second"] = _rate(raw["pages"], raw["seconds"])
    seconds = raw["report_seconds"]
    figures["report_seconds"] = {
        "median": round(statistics.median(seconds), 3) if seconds else None,
        "p95": round(_percentile(seconds, 0.95), 3) if seconds else None,
        "max": round(max(seconds), 3) if seconds else None,
        "sum": round(sum(seconds), 3),
    }
    stages = {name: round(raw["stage_seconds"].get(name, 0.0), 3) for name in STAGES}
    stages["load"] = round(raw["load_seconds"], 3)
    figures["stage_seconds"] = stages
    # pages per second of one process: what a single worker does, with no pool
    figures["pages_per_process_second"] = _rate(raw["pages"], sum(seconds))
    # CPU time of the main process (after its imports) and of every worker: unlike wall
    # time, it hardly changes with what else runs on the machine
    figures["cpu_seconds"] = round(raw["cpu_seconds"], 3)
    figures["cpu_main_seconds"] = round(raw["cpu_main_seconds"], 3)
    figures["pages_per_cpu_second"] = _rate(raw["pages"], raw["cpu_seconds"])
    figures["peak_rss_mib"] = {"main": raw["rss_main_mib"], "worker_max": raw["rss_worker_max_mib"],
                               "main_after_imports": raw["rss_after_imports_mib"]}
    return figures


def _table(rows: list[list[str]], indent: str = "  ") -> str:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = []
    for r, row in enumerate(rows):
        cells = [cell.ljust(w) if i == 0 else cell.rjust(w) for i, (cell, w) in enumerate(zip(row, widths))]
        lines.append(indent + "  ".join(cells).rstrip())
        if r == 0:
            lines.append(indent + "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def _fmt(value, digits: int = 2, suffix: str = "") -> str:
    if value is None:
        return "-"
    return f"{value:.{digits}f}{suffix}" if isinstance(value, float) else f"{value}{suffix}"


def _faster(ratio: float | None) -> str:
    if ratio is None:
        return "?x faster"
    return f"{ratio:.1f}x faster" if ratio >= 1 else f"{1 / ratio:.1f}x slower"


def render(figures: dict) -> str:
    settings, machine, pipe = figures["settings"], figures["machine"], figures["pipeline"]
    out = [
        f"lkj bench: {settings['files']} PDFs from {settings['corpus']} x {settings['repeat']} = "
        f"{pipe['reports']} reports, {pipe['pages']} pages; {settings['workers']} workers on {machine['cpus']} cores"
        f" (load average before: {', '.join(map(str, machine['load_average_before'] or []))})",
        "",
        "pipeline, end to end (fresh database and work folder, no cache):",
        _table([
            ["figure", "value"],
            ["total time", f"{pipe['seconds']:.2f} s"],
            ["pages per second", _fmt(pipe["pages_per_second"])],
            ["pages per second of one process", _fmt(pipe["pages_per_process_second"])],
            ["CPU time, main process + workers", f"{pipe['cpu_main_seconds']:.2f} + "
             f"{pipe['cpu_seconds'] - pipe['cpu_main_seconds']:.2f} s"],
            ["pages per CPU second", _fmt(pipe["pages_per_cpu_second"])],
            ["seconds per report, median", _fmt(pipe["report_seconds"]["median"], 3)],
            ["seconds per report, p95", _fmt(pipe["report_seconds"]["p95"], 3)],
            ["seconds per report, max", _fmt(pipe["report_seconds"]["max"], 3)],
            ["peak RSS, largest worker", _fmt(pipe["peak_rss_mib"]["worker_max"], 1, " MiB")],
            ["peak RSS, main process", _fmt(pipe["peak_rss_mib"]["main"], 1, " MiB")],
            ["reports ok / partial / failed", f"{pipe['ok']} / {pipe['partial']} / {pipe['failed']}"],
            ["indicators", str(pipe["indicators"])],
        ]),
        "",
        "time per stage (summed over reports; the workers run in parallel, loading is in the main process):",
    ]
    total = sum(pipe["stage_seconds"].values()) or 1.0
    out.append(_table([["stage", "seconds", "share"]] + [
        [name, f"{seconds:.2f}", f"{100 * seconds / total:.0f}%"] for name, seconds in pipe["stage_seconds"].items()
    ]))
    for name, reason in pipe["failures"]:
        out.append(f"  failed: {name}: {reason}")
    naive = figures.get("naive")
    if naive:
        out += ["", f"naive approaches (single process, each corpus PDF once: {naive['pages']} pages; "
                    "speed-up = lkj pages/s / naive pages/s):"]
        rows = [["approach", "seconds", "pages/s", "lkj speed-up", "CPU s", "pages/CPU s", "lkj CPU speed-up",
                 "tables", "pages w/ table",
                 "main pages w/ table", "lost by triage"]]
        for key, label in NAIVE:
            n = naive[key]
            t = n["tables"]
            rows.append([label, f"{n['seconds']:.2f}", _fmt(n["pages_per_second"]), _fmt(n["speedup"], 1, "x"),
                         f"{n['cpu_seconds']:.2f}", _fmt(n["pages_per_cpu_second"]), _fmt(n["speedup_cpu"], 1, "x"),
                         str(t["tables"]), str(t["pages_with_tables"]),
                         f"{t['main_pages_with_table']}/{t['main_pages']}", str(len(t["lost_by_triage"]))])
        ours = figures["tables"]
        pipe = figures["pipeline"]
        rows.append(["lkj (tables: first copy)", "", _fmt(pipe["pages_per_second"]), "", "",
                     _fmt(pipe["pages_per_cpu_second"]), "", str(ours["tables"]), str(ours["pages_with_tables"]),
                     f"{ours['main_pages_with_table']}/{ours['main_pages']}", ""])
        out.append(_table(rows))
        for key, label in NAIVE:
            n = naive[key]
            out.append(f"  lkj is {_faster(n['speedup'])} than {label} ({settings['workers']} workers against"
                       f" 1 process); per CPU second it is {_faster(n['speedup_cpu'])}")
        for key, label in NAIVE:
            t = naive[key]["tables"]
            out.append(f"  {label}: {t['tables_on_main_pages']} tables on the main-table pages "
                       f"(lkj {t['our_tables_on_main_pages']}); pages with a table lkj did not read: "
                       f"{len(t['lost_by_triage'])}; pages only lkj read a table on: {len(t['found_only_by_lkj'])}")
            for lost in t["lost_by_triage"][:10]:
                out.append(f"    lost: {lost['file']} p.{lost['page']} ({lost['tables']} table(s), {lost['reason']})")
            if len(t["lost_by_triage"]) > 10:
                out.append(f"    ... and {len(t['lost_by_triage']) - 10} more (see --json)")
            for failure in naive[key]["failures"]:
                out.append(f"    failed: {failure[0]}: {failure[1]}")
    big = figures.get("big")
    if big:
        out += ["", f"one big document ({big['pages']} pages, the corpus concatenated), processed alone:",
                _table([
                    ["figure", "value"],
                    ["total time", f"{big['seconds']:.2f} s"],
                    ["pages per second", _fmt(big["pages_per_second"])],
                    ["peak RSS of the process that read it", f"{big['peak_rss_mib']:.1f} MiB"
                     + ("  (under 1 GiB)" if big["peak_rss_mib"] < 1024 else "  (OVER 1 GiB)")],
                    ["status", f"{big['status']} ({big['indicators']} indicators)"],
                    *[[f"stage {name}", f"{seconds:.2f} s"] for name, seconds in big["stage_seconds"].items()],
                ])]
    scans = figures.get("scans")
    if scans:
        out += ["", f"scanned reports ({scans['reports']} reports, {scans['pages']} pages, OCR by Tesseract):",
                _table([
                    ["figure", "value"],
                    ["total time", f"{scans['seconds']:.2f} s"],
                    ["seconds per scanned page, end to end (wall)", _fmt(scans["seconds_per_page"])],
                    ["CPU seconds per scanned page, end to end (workers and Tesseract included)",
                     _fmt(scans["cpu_seconds_per_page"])],
                    ["OCR seconds per scanned page", _fmt(scans["ocr_seconds_per_page"])],
                    ["pages per second, end to end", _fmt(scans["pages_per_second"])],
                    ["reports ok / partial / failed",
                     f"{scans['status']['ok']} / {scans['status']['partial']} / {scans['status']['failed']}"],
                    ["indicators", str(scans["indicators"])],
                    ["peak RSS", f"{scans['peak_rss_mib']:.1f} MiB"],
                ])]
        out += [f"  failed: {name}: {reason}" for name, reason in scans["failures"]]
    startup = figures.get("startup")
    if startup:
        out += ["", "CLI start-up (wall time of the lkj command, a new process each time, median):",
                _table([
                    ["command", "seconds"],
                    [f"lkj --help ({len(startup['help_runs'])} runs)", f"{startup['help_seconds']:.2f}"],
                    [f"lkj run {startup['run_file']} ({startup['run_pages']} pages, 1 worker, fresh database; "
                     f"{len(startup['run_runs'])} runs)", f"{startup['run_seconds']:.2f}"],
                ])]
    out += ["", f"benchmark wall time {figures['total_seconds']:.1f} s"]
    return "\n".join(out)


# --------------------------------------------------------------------------- main


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS,
                        help="folder (or PDF) to benchmark [default: corpus/data/born-digital]")
    parser.add_argument("--repeat", type=int, default=3, help="distinct copies of each PDF [default: 3]")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                        help="worker processes [default: all cores]")
    parser.add_argument("--skip-naive", action="store_true", help="do not time camelot lattice and pdfplumber")
    parser.add_argument("--big-pages", type=int, default=500, help="pages of the big document [default: 500]")
    parser.add_argument("--skip-big", action="store_true", help="do not build and process the big document")
    parser.add_argument("--scans", type=Path, default=DEFAULT_SCANS,
                        help="scanned PDFs to time OCR on [default: corpus/data/scans]")
    parser.add_argument("--skip-scans", action="store_true", help="do not run the scanned reports")
    parser.add_argument("--skip-startup", action="store_true",
                        help="do not time lkj --help and lkj run on an 8-page sample as subprocesses")
    parser.add_argument("--json", dest="json_out", type=Path, help="write every figure to this JSON file")
    args = parser.parse_args(argv)
    if args.repeat < 1 or args.workers < 1 or args.big_pages < 1:
        parser.error("--repeat, --workers and --big-pages must be at least 1")
    return args


def bench(args: argparse.Namespace) -> dict:
    started = time.perf_counter()
    corpus = args.corpus.resolve()
    if not corpus.exists():
        raise SystemExit(f"no such file or folder: {args.corpus}")
    sources = source_pdfs(corpus)
    if not sources:
        raise SystemExit(f"no PDF files under {args.corpus}")
    figures: dict = {
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform(),
                    "load_average_before": _load_average()},
        "settings": {"corpus": str(args.corpus), "files": len(sources), "repeat": args.repeat,
                     "workers": args.workers, "naive": not args.skip_naive,
                     "big_pages": None if args.skip_big else args.big_pages,
                     "scans": None if args.skip_scans else str(args.scans),
                     "startup": not args.skip_startup},
    }
    with tempfile.TemporaryDirectory(prefix="lkj-bench-") as temporary:
        folder = Path(temporary)
        copies = make_copies(sources, corpus, folder / "corpus", args.repeat)
        raw = _in_fresh_process(pipeline_phase, [str(folder / "corpus")], str(folder / "lkj.db"),
                                str(folder / "work"), args.workers)
        figures["pipeline"] = _pipeline_figures(raw)
        # the tables of the first copy stand for their source (every copy reads the same)
        first = {str(c): str(s) for c, s in zip(copies, sources)}
        ours = _our_tables(folder / "lkj.db", folder / "work", first)
        figures["tables"] = {
            "tables": sum(sum(o["tables"].values()) for o in ours.values()),
            "pages_with_tables": sum(len(o["tables"]) for o in ours.values()),
            "main_pages": sum(len(o["main_pages"]) for o in ours.values()),
            "main_pages_with_table": sum(sum(1 for p in o["main_pages"] if o["tables"].get(p)) for o in ours.values()),
            "candidate_pages": sum(len(o["candidates"]) for o in ours.values()),
        }
        if not args.skip_naive:
            naive = _in_fresh_process(naive_phase, [str(s) for s in sources])
            figures["naive"] = {"pages": naive["pages"], "rss_mib": naive["rss_mib"]}
            lkj_rate = figures["pipeline"]["pages_per_second"]
            lkj_process_rate = figures["pipeline"]["pages_per_process_second"]
            lkj_cpu_rate = figures["pipeline"]["pages_per_cpu_second"]
            for key, _ in NAIVE:
                approach = naive["approaches"][key]
                rate = _rate(naive["pages"], approach["seconds"])
                figures["naive"][key] = {
                    "seconds": round(approach["seconds"], 3),
                    "pages_per_second": rate,
                    "speedup": _ratio(lkj_rate, rate),
                    "speedup_per_process": _ratio(lkj_process_rate, rate),
                    "cpu_seconds": round(approach["cpu_seconds"], 3),
                    "pages_per_cpu_second": _rate(naive["pages"], approach["cpu_seconds"]),
                    "speedup_cpu": _ratio(lkj_cpu_rate, _rate(naive["pages"], approach["cpu_seconds"])),
                    "failures": approach["failures"],
                    "tables": compare_tables(ours, approach["tables"]),
                }
        if not args.skip_big:
            big_folder = folder / "big"
            big_folder.mkdir()
            big_pdf = big_folder / f"lkj-bench-big-{args.big_pages}.pdf"
            built = make_big_pdf(sources, big_pdf, args.big_pages)
            if built:
                raw_big = _in_fresh_process(pipeline_phase, [str(big_pdf)], str(big_folder / "lkj.db"),
                                            str(big_folder / "work"), args.workers)
                status = "failed" if raw_big["failed"] else "partial" if raw_big["partial"] else "ok"
                figures["big"] = {
                    "pages": raw_big["pages"],
                    "seconds": round(raw_big["seconds"], 3),
                    "pages_per_second": _rate(raw_big["pages"], raw_big["seconds"]),
                    "peak_rss_mib": _peak_rss(raw_big),
                    "status": status,
                    "indicators": raw_big["indicators"],
                    "stage_seconds": {**{n: round(raw_big["stage_seconds"].get(n, 0.0), 3) for n in STAGES},
                                      "load": round(raw_big["load_seconds"], 3)},
                }
        if not args.skip_scans and source_pdfs(args.scans.resolve()):
            raw_scans = _in_fresh_process(pipeline_phase, [str(args.scans.resolve())], str(folder / "scans.db"),
                                          str(folder / "scans-work"), args.workers)
            figures["scans"] = _scan_figures(raw_scans)
        sample = None if args.skip_startup else startup_sample(DEFAULT_CORPUS)
        if sample:
            figures["startup"] = startup_phase(folder / "startup", *sample)
    figures["machine"]["load_average_after"] = _load_average()
    figures["total_seconds"] = round(time.perf_counter() - started, 1)
    return figures


def _scan_figures(raw: dict) -> dict:
    """OCR cost: the OCR stage's seconds (summed over reports, in the workers) per scanned page.

    Also the CPU seconds per page of the whole phase (the main process and its workers,
    Tesseract included; ``resource.getrusage``): on a machine shared with other jobs the
    wall times vary with the load, CPU time much less.
    """
    ocr_seconds = raw["stage_seconds"].get("ocr", 0.0)
    pages = raw["pages"]
    return {
        "reports": raw["reports"], "pages": pages, "seconds": round(raw["seconds"], 3),
        "seconds_per_page": round(raw["seconds"] / pages, 2) if pages else None,
        "cpu_seconds": round(raw["cpu_seconds"], 3),
        "cpu_seconds_per_page": round(raw["cpu_seconds"] / pages, 2) if pages else None,
        "ocr_seconds": round(ocr_seconds, 3),
        "ocr_seconds_per_page": round(ocr_seconds / pages, 2) if pages else None,
        "pages_per_second": _rate(raw["pages"], raw["seconds"]),
        "status": {"ok": raw["ok"], "partial": raw["partial"], "failed": raw["failed"]},
        "failures": raw["failures"], "indicators": raw["indicators"],
        "peak_rss_mib": _peak_rss(raw),
    }


def _peak_rss(raw: dict) -> float:
    """Peak RSS of a phase: its main process, or its largest worker when it had a pool."""
    return max(v for v in (raw["rss_main_mib"], raw["rss_worker_max_mib"]) if v is not None)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    figures = bench(args)
    print(render(figures), flush=True)
    if args.json_out:
        args.json_out.parent.mkdir(parents=True, exist_ok=True)
        args.json_out.write_text(json.dumps(figures, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"figures written to {args.json_out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
