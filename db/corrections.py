"""Researchers' corrections: kept in a CSV beside the database, re-applied on every load.

Extraction mistakes are found by the people who read the reports. A correction names
the report (sha256 or file name), the table, the row and the field, the value to
use and a note. It lives in ``corrections.csv`` beside the database, so it survives
re-extraction and can be reviewed and shared; each time a report is loaded its
corrections are applied inside the same transaction, and the ``corrections`` table
shows each one with the value the extractor had produced.
"""
from __future__ import annotations

import csv
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # only in annotations; the CLI imports this module for ROW_KEYS and starts at once
    import sqlite_utils

FILE_NAME = "corrections.csv"
#: Table → the column that identifies a row within one report.
ROW_KEYS = {"reports": None, "indicators": "row_no", "budget_programs": "row_no", "spending": "category"}
_FIELDS = ("report", "table", "row", "field", "value", "note", "created_at")


class CorrectionError(ValueError):
    """A correction that cannot be applied; the message says which part is wrong."""


@dataclass(frozen=True)
class Correction:
    report: str  # sha256 or file name
    table: str
    row: str  # row_no / category; empty for the reports table
    field: str
    value: str
    note: str
    created_at: str = ""


def corrections_path(db_path: Path) -> Path:
    return db_path.parent / FILE_NAME


def read_corrections(path: Path) -> list[Correction]:
    if not path.exists():
        return []
    with open(path, newline="", encoding="utf-8") as handle:
        return [Correction(**{k: row.get(k) or "" for k in _FIELDS}) for row in csv.DictReader(handle)]


def add_correction(db: sqlite_utils.Database, db_path: Path, correction: Correction) -> None:
    """Check the correction against the database, append it to the CSV and apply it now."""
    report_id = _report_id(db, correction.report)
    _validate(db, correction)
    path = corrections_path(db_path)
    stamped = Correction(**{**asdict(correction), "created_at": datetime.now(UTC).isoformat(timespec="seconds")})
    new_file = not path.exists()
    with open(path, "a", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=_FIELDS)
        if new_file:
            writer.writeheader()
        writer.writerow(asdict(stamped))
    with db.atomic():
        apply_corrections(db, report_id, [stamped])


def _report_id(db: sqlite_utils.Database, report: str) -> str:
    rows = list(db.query("select id from reports where id = ? or file_name = ?", [report, report]))
    if len(rows) != 1:
        raise CorrectionError(f"report {report!r} matches {len(rows)} reports; give its sha256")
    return rows[0]["id"]


def _validate(db: sqlite_utils.Database, correction: Correction) -> None:
    if correction.table not in ROW_KEYS:
        raise CorrectionError(f"table must be one of {', '.join(ROW_KEYS)}, not {correction.table!r}")
    columns = db.table(correction.table).columns_dict
    if correction.field not in columns or correction.field in ("id", "report_id"):
        raise CorrectionError(f"{correction.table} has no correctable column {correction.field!r}")


def _typed(db: sqlite_utils.Database, table: str, field: str, value: str) -> object:
    """The value in the column's type (a blank string means NULL)."""
    if value == "":
        return None
    kind = db.table(table).columns_dict[field]
    return kind(value) if kind in (int, float) else value


def apply_corrections(db: sqlite_utils.Database, report_id: str, corrections: list[Correction]) -> int:
    """Apply the corrections of one report (the caller holds the transaction); returns how many applied."""
    file_name = next(iter(db.query("select file_name from reports where id = ?", [report_id])), {}).get("file_name")
    applied = 0
    for item in corrections:
        if item.report not in (report_id, file_name):
            continue
        key = ROW_KEYS[item.table]
        where, params = ("id = ?", [report_id]) if key is None else (f"report_id = ? and [{key}] = ?", [report_id, item.row])
        rows = list(db.query(f"select [{item.field}] as value from [{item.table}] where {where}", params))
        if len(rows) != 1:
            continue  # the row no longer exists after re-extraction: kept in corrections.csv, absent from the table
        value = _typed(db, item.table, item.field, item.value)
        db.execute(f"update [{item.table}] set [{item.field}] = ? where {where}", [value, *params])
        db.table("corrections").insert({
            "report_id": report_id, "table_name": item.table, "row_key": item.row, "field": item.field,
            "extracted_value": None if rows[0]["value"] is None else str(rows[0]["value"]),
            "corrected_value": item.value, "note": item.note, "created_at": item.created_at,
        })
        applied += 1
    return applied
