"""The ``lkj`` command: run, inspect, correct, catalog, export, serve.

The command line is parsed before anything heavy is imported: the readers, spaCy,
pandas, sqlite-utils and Datasette are imported inside the commands that use them,
so that ``lkj --help`` and a mistyped option answer at once (0.1 s instead of 2.7 s).
Only light modules are imported here, for the choices the options offer.
"""
from __future__ import annotations

import sys
from pathlib import Path

import click

from lkj.db.corrections import ROW_KEYS
from lkj.pipeline.executors import EXECUTORS
from lkj.pipeline.export import FORMATS
from lkj.pipeline.limits import MEMORY_LIMIT_BYTES, TIME_LIMIT_SECONDS


def _print_version(context: click.Context, _option: click.Parameter, value: bool) -> None:
    """``lkj --version``: the package, the stage numbers and the fingerprint of the code."""
    if not value or context.resilient_parsing:
        return
    from lkj.pipeline.versions import extractor_version

    click.echo(extractor_version())
    context.exit()


@click.group()
@click.option("--version", is_flag=True, expose_value=False, is_eager=True, callback=_print_version,
              help="Show the version (package, stages, code fingerprint) and exit.")
def main() -> None:
    """Turn archived LKj (Laporan Kinerja) PDF reports into a SQLite database."""


@main.command("run")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--db", "db_path", default="lkj.db", show_default=True, type=click.Path(path_type=Path),
              help="SQLite database to create or update.")
@click.option("--work", "work_root", type=click.Path(path_type=Path),
              help="Work folder for per-stage results [default: .lkj beside the database].")
@click.option("--force", is_flag=True, help="Redo every stage even when cached results are current.")
@click.option("--workers", type=click.IntRange(min=1), help="Worker processes [default: all cores].")
@click.option("--executor", type=click.Choice(EXECUTORS), default="local", show_default=True,
              help="Where documents are processed: this machine's process pool, or a Dask cluster.")
@click.option("--scheduler", help="Dask scheduler address (tcp://HOST:8786); without it --executor dask starts a local cluster.")
@click.option("--timeout", "time_limit", type=click.FloatRange(min=1), default=TIME_LIMIT_SECONDS, show_default=True,
              help="Seconds a document may take, all stages and OCR included, whatever its page count; "
                   "then it is recorded failed (or partial: OCR stopped early) with reason time_limit.")
@click.option("--memory-limit", type=click.FloatRange(min=0.25), default=MEMORY_LIMIT_BYTES / 1024**3, show_default=True,
              help="GiB of resident memory a worker may use for a document; then it is recorded failed, memory_limit.")
@click.option("--quiet", is_flag=True, help="No progress bar.")
@click.option("--verbose", is_flag=True, help="Show the log (the PDF readers' messages) above the progress bar.")
def run_command(paths: tuple[Path, ...], db_path: Path, work_root: Path | None, force: bool,
                workers: int | None, executor: str, scheduler: str | None, time_limit: float, memory_limit: float,
                quiet: bool, verbose: bool) -> None:
    """Process PDF files and folders (recursively) into the database.

    The readers' messages go to a log beside the database (lkj.db: lkj.log), never
    through the progress bar; those that matter are warnings on the report.
    """
    from tqdm import tqdm

    from lkj.pipeline.noise import configure_logging
    from lkj.pipeline.runner import run

    log_path = db_path.with_suffix(".log")
    configure_logging(log_path, verbose, sys.stderr)

    loaded: list[str] = []  # the run's reports, whose warnings the summary counts

    def progress(outcomes, total=None):
        for position, outcome in tqdm(outcomes, total=total, desc="reports", unit="report", disable=quiet, file=sys.stderr):
            loaded.append(outcome.report.sha256)
            yield position, outcome

    summary = run(paths, db_path, work_root, force=force, progress=progress, workers=workers,
                  executor=executor, scheduler=scheduler, time_limit=time_limit,
                  memory_limit=int(memory_limit * 1024**3))
    summary.warnings = _warnings_in_table(db_path, loaded)
    click.echo(
        f"{summary.reports} reports ({summary.ok} ok, {summary.partial} partial, {summary.failed} failed"
        f"{f', {summary.duplicates} duplicate files skipped' if summary.duplicates else ''}"
        f"{f', {summary.unchanged} already loaded' if summary.unchanged else ''}); "
        f"{summary.indicators} indicators, {summary.warnings} warnings, {summary.pages} pages in {summary.seconds:.1f} s"
    )
    for name, reason in summary.failures:
        click.echo(f"  failed: {name}: {reason}")
    click.echo(f"database: {db_path}  (browse: lkj serve --db {db_path}; log: {log_path})")
    if summary.reports and summary.failed == summary.reports:
        sys.exit(1)
    if not summary.reports and not summary.unchanged:
        click.echo("no PDF files found", err=True)
        sys.exit(1)


def _warnings_in_table(db_path: Path, report_ids: list[str]) -> int:
    """The run's warnings as the table holds them: the reports' own and those the indicator catalog
    added after loading (``indicator_unmatched``), which a count of the loaded reports' warnings missed."""
    import sqlite_utils

    from lkj.db.load import count_warnings

    return count_warnings(sqlite_utils.Database(db_path), report_ids) if report_ids else 0


@main.command("inspect")
@click.argument("pdf", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--warnings/--no-warnings", default=True, help="List the warnings too.")
def inspect_command(pdf: Path, warnings: bool) -> None:
    """Print what was found in one report (unit, year, tables, indicator rows)."""
    from lkj.pipeline.inputs import InputFile, sha256_of
    from lkj.pipeline.runner_core import process_document

    outcome = process_document(InputFile(pdf, sha256_of(pdf), pdf.stat().st_size), work=None)
    report = outcome.report
    echo = click.echo
    echo(f"file:    {report.file_name}  ({report.pages} pages, sha256 {report.sha256[:12]}…)")
    echo(f"status:  {report.status}{f' ({outcome.failure_reason})' if outcome.failure_reason else ''}")
    echo(f"unit:    {report.unit.name}  [agency {report.unit.agency}, {report.unit.kind}, province {report.unit.province}]")
    echo(f"year:    {report.year}" + (f"  (cover says {report.cover_year})" if report.cover_year else ""))
    echo(f"numbers: {report.convention or 'unknown'} convention")
    if report.ocr_pages:
        echo(f"ocr:     pages {', '.join(map(str, report.ocr_pages))} read by OCR (no text layer)")
    echo("tables:")
    for t in report.tables:
        roles = ", ".join(f"{c.label or '?'}={c.role}" for c in t.columns)
        echo(f"  #{t.id:<3} {t.kind:<15}{' MAIN' if t.main else '     '} p.{','.join(map(str, t.pages)):<8} "
             f"{'/'.join(t.flavors)}  rows={t.n_rows}  {t.title[:60]!r}")
        echo(f"        columns: {roles[:150]}")
    echo(f"indicators ({len(report.indicators)}):")
    for i in report.indicators:
        echo(f"  p.{i.page:<3} [{i.goal_no or '-'}] {i.indicator[:60]:<60} | T {i.target.raw:<10} | "
             f"R {i.realization.raw:<10} | C {i.achievement.raw:<8} | computed {i.achievement_computed}")
    if report.programs or report.budget_pagu:
        echo(f"budget: pagu {report.budget_pagu}, realization {report.budget_realization}, "
             f"absorption {report.budget_absorption} (from {report.budget_source})")
        for p in report.programs:
            echo(f"  program {p.program[:50]!r}: {p.pagu.raw} / {p.realization.raw} / {p.absorption.raw}")
        for s in report.spending:
            echo(f"  spending {s.category}: {s.pagu.raw} / {s.realization.raw} / {s.remaining.raw}")
    if warnings:
        echo(f"warnings ({len(report.warnings)}):")
        for w in report.warnings:
            echo(f"  [{w.stage}/{w.code}]{f' p.{w.page}' if w.page else ''} {w.message}")


@main.command("correct")
@click.option("--db", "db_path", default="lkj.db", show_default=True, type=click.Path(exists=True, path_type=Path))
@click.option("--report", required=True, help="The report's sha256 or file name.")
@click.option("--table", required=True, type=click.Choice(sorted(ROW_KEYS)), help="The table holding the value.")
@click.option("--row", default="", help="Row within the report: row_no for indicators and budget_programs, category for spending; empty for reports.")
@click.option("--field", required=True, help="The column to correct, e.g. realization or year.")
@click.option("--value", required=True, help="The right value ('' for none).")
@click.option("--note", required=True, help="Why: where the right value is printed.")
def correct_command(db_path: Path, report: str, table: str, row: str, field: str, value: str, note: str) -> None:
    """Fix an extracted value; kept in corrections.csv beside the database and re-applied on every load."""
    import sqlite_utils

    from lkj.db.corrections import Correction, CorrectionError, add_correction, corrections_path

    try:
        add_correction(sqlite_utils.Database(db_path), db_path, Correction(report, table, row, field, value, note))
    except CorrectionError as error:
        raise click.ClickException(str(error)) from error
    click.echo(f"corrected {table}.{field} of {report} (row {row or '-'}); kept in {corrections_path(db_path)}")


@main.command("catalog")
@click.option("--db", "db_path", default="lkj.db", show_default=True, type=click.Path(exists=True, path_type=Path))
def catalog_command(db_path: Path) -> None:
    """Rebuild the indicator catalog and the comparison views."""
    from lkj.db.catalog import finish_database
    from lkj.db.schema import open_database

    stats = finish_database(open_database(str(db_path)))
    click.echo(
        f"{stats.indicators} indicator rows, {stats.keys} catalog keys ({stats.curated} rows curated, {stats.exact} exact, "
        f"{stats.fuzzy} fuzzy, {stats.new} new); {stats.warnings} indicator_unmatched warnings"
    )


@main.command("export")
@click.option("--db", "db_path", default="lkj.db", show_default=True, type=click.Path(exists=True, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="csv", show_default=True)
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Folder to write to [default: <database name>-export beside the database].")
def export_command(db_path: Path, fmt: str, out_dir: Path | None) -> None:
    """Write the comparison views (indicator_by_unit_year, budget_by_unit_year, coverage, coverage_grid) as CSV or Parquet."""
    from lkj.pipeline.export import MissingViews, export_views

    try:
        written = export_views(db_path, out_dir or db_path.with_name(f"{db_path.stem}-export"), fmt)
    except (MissingViews, ImportError) as error:
        raise click.ClickException(str(error)) from error
    for path in written:
        click.echo(str(path))


def serve_metadata(db_path: Path, work_root: Path | None = None) -> dict:
    """The project's Datasette metadata for ``db_path``. Datasette names a database after its
    file's stem and metadata.yml describes ``lkj``: the key, and the ``db`` of dashboard
    charts and filters, are renamed so that any file name gets the titles, queries and charts.
    The work folder (where the plugin caches the images of printed rows) goes in the plugin's settings."""
    from importlib import resources
    from urllib.parse import quote

    import yaml

    metadata = yaml.safe_load((resources.files("lkj.db") / "metadata.yml").read_text(encoding="utf-8"))
    name = db_path.stem
    metadata["databases"] = {name: metadata["databases"]["lkj"]}
    metadata["description_html"] = metadata["description_html"].replace('href="/lkj/', f'href="/{quote(name)}/')
    for dashboard in metadata.get("plugins", {}).get("datasette-dashboards", {}).values():
        for part in (*dashboard.get("filters", {}).values(), *dashboard.get("charts", {}).values()):
            if part.get("db") == "lkj":
                part["db"] = name
    work = work_root if work_root is not None else db_path.parent / ".lkj"
    metadata.setdefault("plugins", {})["lkj"] = {"work": str(work.resolve())}
    return metadata


def _missing_objects(db_path: Path, names: list[str]) -> list[str]:
    """Which of the tables and views ``names`` the database lacks (read-only: serve never writes)."""
    import sqlite3

    connection = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        have = {row[0] for row in connection.execute("select name from sqlite_master where type in ('table', 'view')")}
    finally:
        connection.close()
    return [name for name in names if name not in have]


@main.command("serve")
@click.option("--db", "db_path", default="lkj.db", show_default=True, type=click.Path(exists=True, path_type=Path))
@click.option("--port", default=8001, show_default=True, type=int)
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--work", "work_root", type=click.Path(file_okay=False, path_type=Path),
              help="Work folder, where images of printed rows are cached [default: .lkj beside the database].")
def serve_command(db_path: Path, port: int, host: str, work_root: Path | None) -> None:
    """Browse the database in Datasette, read-only, with the project's metadata, dashboards and
    plugin (each row beside its printed source, rupiah as Rp 1.234.567, forgiving search)."""
    import subprocess
    import tempfile

    import yaml

    from lkj.db.views import VIEWS

    stale = _missing_objects(db_path, ["kpu_units", *VIEWS])
    if stale:
        click.echo(f"{db_path} was made by an older lkj (no {', '.join(stale)}): run `lkj catalog --db {db_path}` "
                   "to bring it up to date; until then some pages and queries fail.", err=True)
    with tempfile.TemporaryDirectory(prefix="lkj-serve-") as folder:
        metadata = Path(folder) / "metadata.yml"
        metadata.write_text(yaml.safe_dump(serve_metadata(db_path, work_root), allow_unicode=True, sort_keys=False),
                            encoding="utf-8")
        command = [sys.executable, "-m", "lkj.db.plugin", "serve", "-i", str(db_path), "--metadata", str(metadata),
                   "--host", host, "--port", str(port), "--setting", "sql_time_limit_ms", "3000"]
        click.echo(f"Datasette on http://{host}:{port}/ (dashboards: http://{host}:{port}/-/dashboards; Ctrl+C to stop)")
        code = subprocess.call(command)
    sys.exit(code)
