"""The database schema: the public tables Datasette users query, and their indexes.

The column names of ``units``, ``reports``, ``indicators``, ``budget_programs``,
``spending`` and ``warnings`` are a public contract (researchers keep SQL and
notebooks against them): add columns, never rename them. Tables are created
explicitly rather than inferred from the first insert so that a column that happens
to be empty in the first report still gets its right type.
"""
from __future__ import annotations

import sqlite_utils

from lkj.extract.warning_codes import WARNING_CODES

TABLES: dict[str, dict] = {
    "units": {
        "columns": {"id": str, "name": str, "agency": str, "kind": str, "province": str, "region_code": str, "place": str},
        "pk": "id",
    },
    "reports": {
        "columns": {
            "id": str, "unit_id": str, "year": int, "file_name": str, "pages": int, "scanned": int, "status": str,
            "budget_pagu": int, "budget_realization": int, "extracted_at": str, "extractor_version": str,
            "cover_year": int, "path": str, "failure_reason": str, "number_convention": str,
            "budget_absorption_pct": float, "budget_source": str, "n_indicators": int, "n_warnings": int,
            "unit_name_printed": str, "library_versions": str, "n_problems": int, "document_type": str,
        },
        "pk": "id",
        "foreign_keys": [("unit_id", "units", "id")],
    },
    "indicators": {
        "columns": {
            "id": int, "report_id": str, "row_no": int, "goal_no": str, "goal": str, "indicator_no": str, "indicator": str,
            "target_raw": str, "target": float, "target_unit": str, "realization_raw": str, "realization": float,
            "realization_unit": str, "achievement_raw": str, "achievement_pct": float, "achievement_computed": float,
            "polarity": str, "unit_raw": str, "table_id": int, "page": int, "min_confidence": float,
            "words_stemmed": str,
            **{f"box_{side}": float for side in ("x0", "top", "x1", "bottom")},
        },
        "pk": "id",
        "foreign_keys": [("report_id", "reports", "id")],
    },
    "indicator_details": {
        "columns": {
            "id": int, "report_id": str, "source": str, "row_no": int, "goal_no": str, "goal": str, "indicator": str,
            "target_raw": str, "target": float, "target_unit": str, "realization_raw": str, "realization": float,
            "realization_unit": str, "achievement_raw": str, "achievement_pct": float, "table_id": int, "page": int,
            **{f"box_{side}": float for side in ("x0", "top", "x1", "bottom")},
        },
        "pk": "id",
        "foreign_keys": [("report_id", "reports", "id")],
    },
    "indicator_values": {
        "columns": {"id": int, "indicator_id": int, "report_id": str, "header": str, "raw": str, "value": float, "unit": str},
        "pk": "id",
        "foreign_keys": [("indicator_id", "indicators", "id"), ("report_id", "reports", "id")],
    },
    "budget_programs": {
        "columns": {
            "id": int, "report_id": str, "row_no": int, "program": str, "pagu": int, "realization": int,
            "absorption_pct": float, "pagu_raw": str, "realization_raw": str, "absorption_raw": str, "table_id": int, "page": int,
            **{f"box_{side}": float for side in ("x0", "top", "x1", "bottom")},
        },
        "pk": "id",
        "foreign_keys": [("report_id", "reports", "id")],
    },
    "spending": {
        "columns": {
            "id": int, "report_id": str, "category": str, "label": str, "pagu": int, "realization": int, "remaining": int,
            "pagu_raw": str, "realization_raw": str, "remaining_raw": str, "table_id": int, "page": int,
            **{f"box_{side}": float for side in ("x0", "top", "x1", "bottom")},
        },
        "pk": "id",
        "foreign_keys": [("report_id", "reports", "id")],
    },
    "report_tables": {
        "columns": {
            "id": int, "report_id": str, "table_id": int, "kind": str, "is_main": int, "title": str, "pages": str,
            "flavors": str, "columns": str, "n_rows": int, "reason": str,
        },
        "pk": "id",
        "foreign_keys": [("report_id", "reports", "id")],
    },
    "corrections": {
        "columns": {"id": int, "report_id": str, "table_name": str, "row_key": str, "field": str,
                    "extracted_value": str, "corrected_value": str, "note": str, "created_at": str},
        "pk": "id",
        "foreign_keys": [("report_id", "reports", "id")],
    },
    "warning_codes": {
        "columns": {"code": str, "severity": str, "meaning_en": str, "meaning_id": str},
        "pk": "code",
    },
    "kpu_units": {
        "columns": {"id": str, "name": str, "agency": str, "kind": str, "province": str, "region_code": str},
        "pk": "id",
    },
    "warnings": {
        "columns": {"id": int, "report_id": str, "stage": str, "code": str, "message": str, "page": int, "pesan": str},
        "pk": "id",
        "foreign_keys": [("report_id", "reports", "id"), ("code", "warning_codes", "code")],
    },
}

#: Child tables of a report, deleted and re-inserted together when a report is reloaded.
REPORT_CHILDREN = ("indicator_values", "indicators", "indicator_details", "budget_programs", "spending", "report_tables",
                   "corrections", "warnings")

INDEXES = [
    ("reports", ["unit_id"]), ("reports", ["year"]), ("reports", ["status"]), ("reports", ["document_type"]),
    ("indicators", ["report_id"]), ("indicator_details", ["report_id"]), ("indicator_values", ["indicator_id"]),
    ("indicator_values", ["report_id"]), ("budget_programs", ["report_id"]), ("spending", ["report_id"]),
    ("report_tables", ["report_id"]), ("corrections", ["report_id"]), ("warnings", ["report_id"]), ("warnings", ["code"]), ("units", ["province"]),
]


def open_database(path: str) -> sqlite_utils.Database:
    """Open (creating when new) the database, in WAL mode so Datasette can read during a run."""
    db = sqlite_utils.Database(path)
    db.enable_wal()
    db.execute("PRAGMA foreign_keys = ON")
    ensure_schema(db)
    return db


def ensure_schema(db: sqlite_utils.Database) -> None:
    for name, spec in TABLES.items():
        table = db.table(name)
        if not table.exists():
            table.create(spec["columns"], pk=spec["pk"], foreign_keys=spec.get("foreign_keys", []))
        else:
            missing = {c: t for c, t in spec["columns"].items() if c not in table.columns_dict}
            for column, kind in missing.items():
                table.add_column(column, kind)
    for name, columns in INDEXES:
        db.table(name).create_index(columns, if_not_exists=True)
    _write_warning_codes(db)
    _write_kpu_units(db)
    _index_words(db)
    _write_pesan(db)


def _write_pesan(db: sqlite_utils.Database) -> None:
    """Each warning in Indonesian (:mod:`lkj.db.messages`) for rows loaded before ``warnings.pesan`` existed."""
    from lkj.db.messages import pesan

    rows = list(db.query("select id, code, message, page from warnings where pesan is null"))
    if rows:
        with db.atomic():
            for row in rows:
                db.execute("update warnings set pesan = ? where id = ?", [pesan(row["code"], row["message"], row["page"]), row["id"]])


def _write_kpu_units(db: sqlite_utils.Database) -> None:
    """The gazetteer's 553 KPU/KIP units as a table, so coverage can show the units with no report at all.

    Its ids are the slugs ``units.id`` takes for the same unit; written on every open,
    like the warning codes, so a newer gazetteer reaches an older database.
    """
    from lkj.extract.gazetteer import load_gazetteer

    db.table("kpu_units").upsert_all(
        [{"id": u.slug, "name": u.unit_name, "agency": u.agency, "kind": u.kind, "province": u.province,
          "region_code": u.region_code} for u in load_gazetteer()], pk="id")


#: What the indicator search reads: the printed words and their roots (:mod:`lkj.db.search`).
FTS_COLUMNS = ["indicator", "goal", "words_stemmed"]


def _index_words(db: sqlite_utils.Database) -> None:
    """The full-text index of indicators; a database indexed before ``words_stemmed`` gets its roots and a new index."""
    indicators = db.table("indicators")
    fts = indicators.detect_fts()
    if fts and db.table(fts).columns_dict.keys() >= set(FTS_COLUMNS):
        return
    from lkj.db.search import stem_text

    with db.atomic():
        for row in list(db.query("select id, indicator, goal from indicators where words_stemmed is null")):
            indicators.update(row["id"], {"words_stemmed": stem_text(f"{row['goal'] or ''} {row['indicator'] or ''}")})
    indicators.enable_fts(FTS_COLUMNS, create_triggers=True, replace=True)


def _write_warning_codes(db: sqlite_utils.Database) -> None:
    """The registry of warning codes as a table, so a researcher can read what a code means beside it.

    Written on every open: a newer lkj's codes and wordings replace the old ones. A
    database made before ``warnings.code`` referenced this table gets the reference too.
    """
    db.table("warning_codes").upsert_all(
        [{"code": c.code, "severity": c.severity, "meaning_en": c.meaning_en, "meaning_id": c.meaning_id}
         for c in WARNING_CODES.values()], pk="code")
    warnings = db.table("warnings")
    if not any(fk.column == "code" for fk in warnings.foreign_keys):
        warnings.add_foreign_key("code", "warning_codes", "code")
