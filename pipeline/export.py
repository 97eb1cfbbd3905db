"""The comparison views as files, for researchers who work in pandas or R.

One file per view of :data:`db.views.COMPARISON_VIEWS`, named after it. CSV is UTF-8
with a header row (``pandas.read_csv``, R's ``read.csv``/``readr``); Parquet keeps
the column types (``pandas.read_parquet``, R's ``arrow::read_parquet``) and needs
pyarrow. pandas writes both, so the two formats carry the same rows and columns, and
integers (rupiah, years, counts) stay integers where a value is missing.
"""
from __future__ import annotations

import sqlite3
from pathlib import Path

from lkj.db.views import COMPARISON_VIEWS

FORMATS = ("csv", "parquet")


class MissingViews(Exception):
    """The database has no catalog or comparison views yet (``lkj catalog`` creates them)."""


def export_views(db_path: Path, out_dir: Path, fmt: str = "csv") -> list[Path]:
    """Write each comparison view of ``db_path`` to ``out_dir/<view>.<fmt>``; the paths written."""
    import pandas as pd  # here, not at the top: the CLI imports this module for FORMATS and starts at once

    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}: expected one of {', '.join(FORMATS)}")
    connection = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        have = {row[0] for row in connection.execute("select name from sqlite_master where type in ('view', 'table')")}
        missing = [name for name in (*COMPARISON_VIEWS, "indicator_catalog") if name not in have]
        if missing:
            raise MissingViews(f"{db_path} has no {', '.join(missing)}: run `lkj catalog --db {db_path}` first")
        out_dir.mkdir(parents=True, exist_ok=True)
        written = []
        for view in COMPARISON_VIEWS:
            # nullable dtypes: a column of rupiah with one missing value stays integers (77452486000,
            # not 77452486000.0) in the CSV and int64 in Parquet
            frame = pd.read_sql_query(f"select * from [{view}]", connection, dtype_backend="numpy_nullable")
            path = out_dir / f"{view}.{fmt}"
            if fmt == "csv":
                frame.to_csv(path, index=False, encoding="utf-8")
            else:
                frame.to_parquet(path, index=False)
            written.append(path)
        return written
    finally:
        connection.close()
