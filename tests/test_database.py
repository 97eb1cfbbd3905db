"""The public schema, its indexes and search, Datasette metadata, and safe reloading."""
from __future__ import annotations

import re
import shutil

import sqlite_utils
import yaml

from lkj.db.plugin import prepare_connection
from lkj.pipeline.runner import run
from tests.conftest import CORPUS, REPO

PUBLIC = {
    "units": ["id", "name", "agency", "kind", "province", "region_code"],
    "reports": ["id", "unit_id", "year", "file_name", "pages", "scanned", "status", "budget_pagu",
                "budget_realization", "extracted_at", "extractor_version"],
    "indicators": ["id", "report_id", "goal_no", "goal", "indicator_no", "indicator", "target_raw", "target",
                   "target_unit", "realization_raw", "realization", "realization_unit", "achievement_raw",
                   "achievement_pct", "achievement_computed", "page"],
    "budget_programs": ["id", "report_id", "program", "pagu", "realization", "absorption_pct", "page"],
    "spending": ["id", "report_id", "category", "pagu", "realization", "remaining", "page"],
    "warnings": ["id", "report_id", "stage", "code", "message", "page"],
}


def test_public_schema_columns_and_types(corpus_db):
    for table, columns in PUBLIC.items():
        have = corpus_db.table(table).columns_dict
        assert set(columns) <= set(have), (table, set(columns) - set(have))
    assert corpus_db.table("indicators").columns_dict["target"] is float
    assert corpus_db.table("budget_programs").columns_dict["pagu"] is int
    assert corpus_db.table("spending").columns_dict["remaining"] is int


def test_foreign_keys_indexes_and_full_text_search(corpus_db):
    fks = {(fk.table, fk.column, fk.other_table) for fk in corpus_db.table("indicators").foreign_keys}
    assert ("indicators", "report_id", "reports") in fks
    assert ("reports", "unit_id", "units") in {(fk.table, fk.column, fk.other_table) for fk in corpus_db.table("reports").foreign_keys}
    assert any(ix.columns == ["report_id"] for ix in corpus_db.table("indicators").indexes)
    hits = list(corpus_db.query(
        "select indicator from indicators where rowid in (select rowid from indicators_fts where indicators_fts match 'arsip')"))
    assert hits and all("rsip" in h["indicator"] for h in hits)
    assert list(corpus_db.query("pragma foreign_key_check")) == []


def test_units_are_resolved_to_the_gazetteer(corpus_db):
    unit = corpus_db.table("units").get("kpu-kabupaten-lampung-utara")
    assert (unit["province"], unit["region_code"], unit["kind"], unit["agency"]) == ("Lampung", "18.03", "kabupaten", "KPU")
    assert corpus_db.table("units").get("kip-kabupaten-aceh-besar")["agency"] == "KIP"


def test_metadata_describes_every_table_and_its_queries_run(corpus_db):
    metadata = yaml.safe_load((REPO / "db" / "metadata.yml").read_text(encoding="utf-8"))
    tables = metadata["databases"]["lkj"]["tables"]
    for table, columns in PUBLIC.items():
        assert tables[table].get("title")
        described = tables[table].get("columns", {})
        assert set(columns) - {"id", "report_id"} <= set(described), (table, set(columns) - set(described))
    queries = metadata["databases"]["lkj"]["queries"]
    assert {"indicator_across_units_and_years", "budget_absorption_ranking", "reports_with_warnings"} <= set(queries)
    prepare_connection(corpus_db.conn)  # the plugin's SQL functions (lkj_fts_query), as Datasette has them
    for name, query in queries.items():
        params = {p: "" for p in re.findall(r"(?<!:):(\w+)", query["sql"])} | {"words": "arsip"}
        rows = list(corpus_db.query(query["sql"], {k: v for k, v in params.items() if f":{k}" in query["sql"]}))
        assert rows, name


def test_second_run_reuses_cache_and_replaces_rows(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    source = CORPUS / "born-digital" / "kpu-ri-2022.pdf"
    shutil.copy(source, folder / source.name)
    shutil.copy(source, folder / "copy of the same report.pdf")  # identical bytes: one report
    db_path = tmp_path / "lkj.db"
    first = run([folder], db_path)
    db = sqlite_utils.Database(db_path)
    counts = {t: db.table(t).count for t in ("reports", "indicators", "budget_programs", "warnings")}
    second = run([folder], db_path)
    assert first.duplicates == 1 and first.reports == 1
    assert (second.reports, second.unchanged) == (0, 1)  # loaded by this version already: not redone
    forced = run([folder], db_path, force=True)
    assert forced.reports == 1
    assert counts == {t: db.table(t).count for t in counts}
    cached = sorted(p.name for p in (tmp_path / ".lkj").rglob("*.json"))
    assert cached == ["extract.json", "ingest.json", "interpret.json", "normalize.json", "ocr.json"]


def test_cached_stages_are_reused_when_the_database_is_new(tmp_path):
    source = CORPUS / "born-digital" / "kpu-ri-2022.pdf"
    run([source], tmp_path / "a.db", work_root=tmp_path / "work")
    from lkj.pipeline.inputs import InputFile, sha256_of
    from lkj.pipeline.runner_core import process_document
    from lkj.pipeline.workdir import WorkFolder

    outcome = process_document(InputFile(source, sha256_of(source), source.stat().st_size), WorkFolder(tmp_path / "work"))
    assert outcome.cached_stages == ["ingest", "ocr", "extract", "interpret", "normalize"]


def test_reload_is_atomic(tmp_path, monkeypatch):
    """A failure while loading leaves the earlier rows of that report untouched."""
    from lkj.db import load as load_module

    db_path = tmp_path / "lkj.db"
    source = CORPUS / "born-digital" / "kpu-ri-2022.pdf"
    run([source], db_path)
    db = sqlite_utils.Database(db_path)
    before = db.table("indicators").count

    def broken_detail_row(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(load_module, "_detail_row", broken_detail_row)
    try:
        run([source], db_path, force=True)
    except RuntimeError:
        pass
    db = sqlite_utils.Database(db_path)
    assert db.table("indicators").count == before
    assert db.table("reports").count == 1
