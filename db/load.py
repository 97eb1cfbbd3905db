"""Loading one report into the database, all or nothing.

A report is replaced as a whole inside one transaction (``Database.atomic``): its
old rows are deleted and the new ones inserted, so a second run never duplicates
rows and a crash never leaves half a report behind.
"""
from __future__ import annotations

import json
import os
import re
import unicodedata
from datetime import UTC, datetime

import sqlite_utils

from lkj.db.corrections import Correction, apply_corrections
from lkj.db.messages import pesan
from lkj.db.schema import REPORT_CHILDREN
from lkj.db.search import stem_text
from lkj.extract.model import Indicator, NormalizedReport, Value
from lkj.extract.warning_codes import WARNING_CODES


def unit_slug(name: str) -> str:
    """``KPU Kabupaten Lampung Utara`` → ``kpu-kabupaten-lampung-utara`` (stable across runs)."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")


def _severity(code: str) -> str:
    """A warning code's severity (info notes say what lkj did, and are not problems); unknown codes are warnings."""
    entry = WARNING_CODES.get(code)
    return entry.severity if entry else "warning"


def _number(value: Value) -> float | None:
    return float(value.value) if isinstance(value.value, (int, float)) else None


def _money(value: Value) -> int | None:
    return int(value.value) if isinstance(value.value, (int, float)) and value.kind in ("money", "number", "count") else None


BOX_COLUMNS = ("box_x0", "box_top", "box_x1", "box_bottom")


def box_columns(box: tuple[float, float, float, float] | None) -> dict[str, float | None]:
    """A row's printed box as four columns (NULL when the reader did not know it)."""
    return dict(zip(BOX_COLUMNS, box or (None,) * 4))


def _indicator_row(report_id: str, row_no: int, item: Indicator) -> dict:
    return {
        "report_id": report_id, "row_no": row_no, "goal_no": item.goal_no, "goal": item.goal,
        "indicator_no": item.indicator_no, "indicator": item.indicator,
        "target_raw": item.target.raw, "target": _number(item.target), "target_unit": item.target.unit,
        "realization_raw": item.realization.raw, "realization": _number(item.realization),
        "realization_unit": item.realization.unit, "achievement_raw": item.achievement.raw,
        "achievement_pct": _number(item.achievement) if item.achievement.kind in ("percent", "number") else None,
        "achievement_computed": item.achievement_computed, "polarity": item.polarity, "unit_raw": item.unit_raw,
        "table_id": item.table_id, "page": item.page,
        "min_confidence": min(v.confidence for v in (item.target, item.realization, item.achievement)),
        "words_stemmed": stem_text(f"{item.goal or ''} {item.indicator}"),
        **box_columns(item.box),
    }


def _detail_row(report_id: str, row_no: int, item: Indicator) -> dict:
    keep = ("goal_no", "goal", "indicator", "target_raw", "target", "target_unit", "realization_raw", "realization",
            "realization_unit", "achievement_raw", "achievement_pct", "table_id", "page", *BOX_COLUMNS)
    full = _indicator_row(report_id, row_no, item)
    return {"report_id": report_id, "source": item.source, "row_no": row_no, **{k: full[k] for k in keep}}


def load_report(db: sqlite_utils.Database, report: NormalizedReport, extractor_version: str,
                failure_reason: str | None = None, library_versions: str | None = None,
                corrections: list[Correction] = ()) -> None:
    """Replace everything known about ``report`` in one transaction, then re-apply its corrections."""
    report_id = report.sha256
    unit_id = unit_slug(report.unit.name) if report.unit.name else None
    with db.atomic():
        for table in REPORT_CHILDREN:  # children first: foreign keys point at reports
            db.execute(f"DELETE FROM [{table}] WHERE report_id = ?", [report_id])
        if unit_id:
            db.table("units").upsert(
                {"id": unit_id, "name": report.unit.name, "agency": report.unit.agency, "kind": report.unit.kind,
                 "province": report.unit.province, "place": report.unit.place, "region_code": report.unit.region_code},
                pk="id",
            )
        db.table("reports").upsert(
            {
                "id": report_id, "unit_id": unit_id, "year": report.year, "file_name": report.file_name,
                "pages": report.pages, "scanned": int(report.scanned), "status": report.status,
                "budget_pagu": report.budget_pagu, "budget_realization": report.budget_realization,
                "extracted_at": datetime.now(UTC).isoformat(timespec="seconds"),
                "extractor_version": extractor_version, "cover_year": report.cover_year,
                # absolute, so that lkj serve opens the PDF whatever folder it is started from
                "path": os.path.abspath(report.path) if report.path else None,
                "failure_reason": failure_reason, "number_convention": report.convention,
                "budget_absorption_pct": report.budget_absorption, "budget_source": report.budget_source,
                "n_indicators": len(report.indicators), "n_warnings": len(report.warnings),
                "unit_name_printed": report.unit.printed, "library_versions": library_versions,
                "n_problems": sum(1 for w in report.warnings if _severity(w.code) != "info"),
                "document_type": report.document_type,
            },
            pk="id",
        )
        for row_no, item in enumerate(report.indicators, start=1):
            indicator_id = db.table("indicators").insert(_indicator_row(report_id, row_no, item)).last_pk
            db.table("indicator_values").insert_all(
                {"indicator_id": indicator_id, "report_id": report_id, "header": header, "raw": v.raw,
                 "value": _number(v), "unit": v.unit}
                for header, v in item.extra.items()
            )
        db.table("indicator_details").insert_all(
            _detail_row(report_id, n, item) for n, item in enumerate(report.details + report.plans, start=1)
        )
        db.table("budget_programs").insert_all(
            {"report_id": report_id, "row_no": n, "program": p.program, "pagu": _money(p.pagu),
             "realization": _money(p.realization), "absorption_pct": _number(p.absorption), "pagu_raw": p.pagu.raw,
             "realization_raw": p.realization.raw, "absorption_raw": p.absorption.raw, "table_id": p.table_id, "page": p.page,
             **box_columns(p.box)}
            for n, p in enumerate(report.programs, start=1)
        )
        db.table("spending").insert_all(
            {"report_id": report_id, "category": s.category, "label": s.label, "pagu": _money(s.pagu),
             "realization": _money(s.realization), "remaining": _money(s.remaining), "pagu_raw": s.pagu.raw,
             "realization_raw": s.realization.raw, "remaining_raw": s.remaining.raw, "table_id": s.table_id, "page": s.page,
             **box_columns(s.box)}
            for s in report.spending
        )
        db.table("report_tables").insert_all(
            {"report_id": report_id, "table_id": t.id, "kind": t.kind, "is_main": int(t.main), "title": t.title,
             "pages": json.dumps(t.pages), "flavors": ",".join(t.flavors),
             "columns": json.dumps([[c.label, c.role] for c in t.columns], ensure_ascii=False), "n_rows": t.n_rows,
             "reason": t.reason}
            for t in report.tables
        )
        db.table("warnings").insert_all(
            {"report_id": report_id, "stage": w.stage, "code": w.code, "message": w.message, "page": w.page,
             "pesan": pesan(w.code, w.message, w.page)}
            for w in report.warnings
        )
        apply_corrections(db, report_id, list(corrections))


def count_warnings(db: sqlite_utils.Database, report_ids: list[str]) -> int:
    """Rows of ``warnings`` for these reports: what a run's summary reports, once the catalog has added its own."""
    sql = "select count(*) from warnings where report_id in (select value from json_each(?))"
    return db.execute(sql, [json.dumps(sorted(set(report_ids)))]).fetchone()[0]
