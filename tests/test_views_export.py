"""The comparison views on the sample corpus, the archive-gap view, the export and their commands."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import pandas as pd
import pytest
import sqlite_utils
from click.testing import CliRunner

from lkj.db.catalog import finish_database
from lkj.db.schema import open_database
from lkj.db.views import COMPARISON_VIEWS, create_views
from lkj.pipeline.cli import main, serve_metadata
from lkj.pipeline.export import MissingViews, export_views
from lkj.pipeline.runner import run
from tests.conftest import CORPUS

MEMUTAKHIRKAN = "persentase-kpu-kabupaten-kota-yang-memutakhirkan-data-pemilih-tepat-waktu"


def sample_database(tmp_path_factory) -> Path:
    """The born-digital sample reports run into a database and finished (catalog and views),
    built once per session and shared with tests/test_datasette_browser.py."""
    path = tmp_path_factory.getbasetemp() / "sample-db" / "lkj.db"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        run([CORPUS / "born-digital"], path)
        db = open_database(str(path))
        finish_database(db)
        db.close()
    return path


@pytest.fixture(scope="session")
def sample_path(tmp_path_factory) -> Path:
    return sample_database(tmp_path_factory)


@pytest.fixture(scope="session")
def sample_db(sample_path) -> sqlite_utils.Database:
    return sqlite_utils.Database(sample_path)


def test_indicator_by_unit_year_has_one_row_per_unit_year_and_key(sample_db):
    rows = list(sample_db.query("select * from indicator_by_unit_year"))
    assert len(rows) == sample_db.table("indicators").count == 154
    assert len({(r["unit_id"], r["year"], r["indicator_key"]) for r in rows}) == len(rows)
    assert set(rows[0]) >= {"unit", "province", "kind", "year", "indicator_key", "label", "target", "target_unit",
                            "realization", "achievement_pct", "achievement_computed", "report_id"}
    voters = {r["unit"]: r for r in rows if r["indicator_key"] == MEMUTAKHIRKAN}
    assert set(voters) == {"KPU Kabupaten Lampung Utara", "KPU Kabupaten Sleman", "KPU Kota Bandar Lampung",
                           "KPU Kota Makassar", "KPU Provinsi Jawa Barat", "KPU RI"}
    seed = voters["KPU Kabupaten Lampung Utara"]  # printed "memutakhirkankan" with the unit's own name
    assert (seed["province"], seed["kind"], seed["year"], seed["target"], seed["target_unit"]) == (
        "Lampung", "kabupaten", 2024, 100.0, "%")
    assert "Lampung Utara" in seed["indicator"] and seed["match_method"] == "exact"


def test_catalog_on_the_sample_corpus(sample_db):
    catalog = {r["key"]: r for r in sample_db.query("select * from indicator_catalog")}
    assert catalog[MEMUTAKHIRKAN]["n_units"] == 6
    widest = max(catalog.values(), key=lambda r: r["n_units"])
    assert widest["n_units"] == 8  # the sarana dan prasarana indicator and the BMN report count (curated) are in every unit
    methods = dict(sample_db.execute("select method, count(*) from indicator_keys group by method").fetchall())
    assert methods["fuzzy"] == 1 and methods["curated"] >= 2 and methods["new"] >= 1
    assert sample_db.execute("select count(*) from warnings where code = 'indicator_unmatched'").fetchone()[0] == methods["new"]


def test_budget_by_unit_year(sample_db):
    rows = {r["unit"]: r for r in sample_db.query("select * from budget_by_unit_year")}
    assert len(rows) == 8
    seed = rows["KPU Kabupaten Lampung Utara"]
    assert (seed["year"], seed["pagu"], seed["realization"], seed["absorption_pct"]) == (2024, 77452486000, 77319385462, 99.83)


def test_coverage_on_the_sample_corpus(sample_db):
    rows = list(sample_db.query("select * from coverage"))
    assert len(rows) == 553  # every unit of the gazetteer; the 8 sample units are all KPU/KIP units
    loaded = [r for r in rows if r["n_reports"]]
    assert len(loaded) == 8 and all(r["n_years"] == 1 and r["is_kpu"] == 1 for r in loaded)
    # the archive spans 2019-2024: each sample unit misses the five other years, every other unit all six
    assert all(r["n_missing"] == 5 for r in loaded)
    assert {r["n_missing"] for r in rows if not r["n_reports"]} == {6}
    grid = list(sample_db.query("select status, count(*) as n from coverage_grid group by status"))
    assert {r["status"]: r["n"] for r in grid} == {"ok": 8, "missing": 553 * 6 - 8}
    # a filter typed in Datasette arrives as text: the computed columns still compare as integers
    assert sample_db.execute("select count(*) from coverage where n_years = '0'").fetchone()[0] == 545


def test_coverage_shows_gaps_and_failed_years_and_duplicates_pick_the_best_report(tmp_path):
    db = open_database(str(tmp_path / "gaps.db"))
    db.table("units").insert({"id": "kpu-kota-metro", "name": "KPU Kota Metro", "kind": "kota", "province": "Lampung"})
    reports = [("a", 2019, "ok"), ("b", 2021, "partial"), ("c", 2024, "failed"), ("d", 2021, "failed"), ("e", 2021, "ok")]
    db.table("reports").insert_all({"id": i, "unit_id": "kpu-kota-metro", "year": y, "status": s, "n_indicators": 1}
                                   for i, y, s in reports)
    create_views(db)
    create_views(db)  # idempotent
    row = next(db.query("select * from coverage where unit_id = 'kpu-kota-metro'"))
    assert (row["first_year"], row["last_year"], row["n_years"], row["years"], row["n_missing"], row["missing_years"],
            row["failed_years"], row["n_reports"]) == (2019, 2024, 2, "2019, 2021", 3, "2020, 2022, 2023", "2024", 5)
    picked = {r["year"]: (r["report_id"], r["n_reports"]) for r in db.query("select * from unit_year_reports")}
    assert picked == {2019: ("a", 1), 2021: ("e", 3), 2024: ("c", 1)}
    marked = {r["report_id"]: r["chosen_report_id"] for r in db.query("select * from duplicate_reports")}
    assert marked == {"b": "e", "d": "e"}
    grid = {r["year"]: r["status"] for r in db.query("select * from coverage_grid where unit_id = 'kpu-kota-metro'")}
    assert grid == {2019: "ok", 2020: "missing", 2021: "ok", 2022: "missing", 2023: "missing", 2024: "failed"}


def test_a_born_digital_copy_is_chosen_over_its_scan_and_unresolved_reports_are_listed(tmp_path):
    db = open_database(str(tmp_path / "dup.db"))
    db.table("units").insert({"id": "kpu-kota-metro", "name": "KPU Kota Metro", "kind": "kota", "agency": "KPU"})
    db.table("units").insert({"id": "dinas-pupr-metro", "name": "Dinas PUPR Kota Metro", "kind": "kota", "agency": "Dinas PUPR"})
    db.table("reports").insert_all([
        {"id": "scan", "unit_id": "kpu-kota-metro", "year": 2023, "status": "ok", "scanned": 1, "n_indicators": 17,
         "extracted_at": "2026-01-02", "budget_pagu": 100, "budget_realization": 90},
        {"id": "digital", "unit_id": "kpu-kota-metro", "year": 2023, "status": "ok", "scanned": 0, "n_indicators": 17,
         "extracted_at": "2026-01-01", "budget_pagu": 100, "budget_realization": 90},
        {"id": "dinas", "unit_id": "dinas-pupr-metro", "year": 2023, "status": "ok", "scanned": 0,
         "budget_pagu": 100, "budget_realization": 50},
        {"id": "nameless", "unit_id": None, "year": 2023, "status": "partial", "file_name": "lkj.pdf"},
    ])
    create_views(db)
    budget = list(db.query("select report_id, is_kpu, agency from budget_by_unit_year order by report_id"))
    assert budget == [{"report_id": "digital", "is_kpu": 1, "agency": "KPU"},
                      {"report_id": "dinas", "is_kpu": 0, "agency": "Dinas PUPR"}]
    assert [r["report_id"] for r in db.query("select * from duplicate_reports")] == ["scan"]
    assert [(r["file_name"], r["missing"]) for r in db.query("select * from unresolved_reports")] == [("lkj.pdf", "unit")]
    coverage = {r["unit_id"]: r for r in db.query("select * from coverage where n_reports > 0")}
    assert set(coverage) == {"kpu-kota-metro", "dinas-pupr-metro"} and coverage["dinas-pupr-metro"]["is_kpu"] == 0


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_export_is_readable_by_pandas(sample_path, sample_db, tmp_path, fmt):
    if fmt == "parquet":
        pytest.importorskip("pyarrow", reason="parquet export needs pyarrow")
    written = export_views(sample_path, tmp_path, fmt)
    assert [p.name for p in written] == [f"{view}.{fmt}" for view in COMPARISON_VIEWS]
    for view, path in zip(COMPARISON_VIEWS, written):
        frame = pd.read_csv(path) if fmt == "csv" else pd.read_parquet(path)
        expected = [d[0] for d in sample_db.execute(f"select * from [{view}] limit 0").description]
        assert list(frame.columns) == expected
        assert len(frame) == sample_db.execute(f"select count(*) from [{view}]").fetchone()[0] > 0
    indicators = pd.read_csv(written[0]) if fmt == "csv" else pd.read_parquet(written[0])
    assert indicators["year"].dtype.kind == "i" and indicators["target"].dtype.kind == "f"
    budget = pd.read_csv(written[1]) if fmt == "csv" else pd.read_parquet(written[1])
    assert budget["pagu"].dtype.kind == "i" and 77452486000 in set(budget["pagu"])


def test_export_keeps_rupiah_integers_when_a_value_is_missing(sample_path, tmp_path):
    copy = tmp_path / "gap.db"
    copy.write_bytes(sample_path.read_bytes())
    with sqlite3.connect(copy) as connection:  # one unit's realization not printed
        connection.execute("update reports set budget_realization = null where file_name = 'kpu-ri-2022.pdf'")
    csv_text = export_views(copy, tmp_path / "out", "csv")[1].read_text(encoding="utf-8")
    assert ",77452486000,77319385462," in csv_text and ",4238642999000,," in csv_text and ".0," not in csv_text


def test_export_without_views_says_what_to_run(tmp_path):
    open_database(str(tmp_path / "bare.db")).close()
    with pytest.raises(MissingViews, match="lkj catalog"):
        export_views(tmp_path / "bare.db", tmp_path / "out")


def test_catalog_and_export_commands(tmp_path):
    db_path = tmp_path / "one.db"
    run([CORPUS / "born-digital" / "kpu-kota-surabaya-2020.pdf"], db_path)
    runner = CliRunner()
    result = runner.invoke(main, ["catalog", "--db", str(db_path)])
    assert result.exit_code == 0 and "17 indicator rows, 17 catalog keys" in result.output, result.output
    result = runner.invoke(main, ["export", "--db", str(db_path)])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "one-export" / "budget_by_unit_year.csv").exists()
    assert runner.invoke(main, ["export", "--help"]).exit_code == 0


def test_serve_metadata_follows_the_database_file_name():
    metadata = serve_metadata(Path("/data/arsip 2019-2024.db"))
    assert list(metadata["databases"]) == ["arsip 2019-2024"]
    assert "indicator_evolution" in metadata["databases"]["arsip 2019-2024"]["queries"]
    dashboard = metadata["plugins"]["datasette-dashboards"]["perbandingan"]
    assert {part["db"] for part in (*dashboard["filters"].values(), *dashboard["charts"].values())} == {"arsip 2019-2024"}
    assert 'href="/arsip%202019-2024/coverage_grid' in metadata["description_html"] and "/lkj/" not in metadata["description_html"]
    assert metadata["plugins"]["lkj"]["work"] == str(Path("/data/.lkj").resolve())


def test_serve_names_what_an_older_database_lacks(tmp_path, sample_path):
    from lkj.pipeline.cli import _missing_objects

    old = sqlite3.connect(tmp_path / "old.db")
    old.execute("create table reports (id text primary key)")
    old.close()
    assert _missing_objects(tmp_path / "old.db", ["kpu_units", "coverage_grid"]) == ["kpu_units", "coverage_grid"]
    assert _missing_objects(sample_path, ["kpu_units", "coverage_grid"]) == []


def test_informational_notes_are_not_counted_as_problems(sample_db):
    rows = list(sample_db.query("""
        select r.file_name, r.n_warnings, r.n_problems,
               (select count(*) from warnings w join warning_codes c on c.code = w.code
                where w.report_id = r.id and c.severity = 'info') as n_info
        from reports r"""))
    assert all(r["n_warnings"] - r["n_problems"] == r["n_info"] for r in rows)
    assert any(r["n_info"] for r in rows)  # the sample holds stacked cells split line by line (stacked_cell_split)
