"""The same database whichever executor processed the documents."""
from __future__ import annotations

import pytest
import sqlite_utils

from lkj.pipeline.runner import run
from tests.conftest import CORPUS

VOLATILE = {"extracted_at", "path"}


def _content(db_path) -> dict[str, list[tuple]]:
    db = sqlite_utils.Database(db_path)
    content = {}
    for table in ("units", "reports", "indicators", "indicator_values", "indicator_details", "budget_programs",
                  "spending", "report_tables", "warnings"):
        columns = [c for c in db.table(table).columns_dict if c not in VOLATILE]
        content[table] = sorted(tuple(row[c] for c in columns) for row in db.table(table).rows)
    return content


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    return [CORPUS / "born-digital" / "kpu-ri-2022.pdf", CORPUS / "born-digital" / "kip-kab-aceh-besar-2021.pdf",
            CORPUS / "broken" / "kosong.pdf"]


def test_process_pool_gives_the_same_database(tmp_path, inputs):
    run(inputs, tmp_path / "one.db", work_root=tmp_path / "w1", workers=1)
    run(inputs, tmp_path / "two.db", work_root=tmp_path / "w2", workers=2)
    assert _content(tmp_path / "one.db") == _content(tmp_path / "two.db")


def test_dask_local_cluster_gives_the_same_database(tmp_path, inputs):
    pytest.importorskip("dask.distributed", reason="dask[distributed] is not installed")
    run(inputs, tmp_path / "local.db", work_root=tmp_path / "w1", workers=1)
    run(inputs, tmp_path / "dask.db", work_root=tmp_path / "w2", workers=2, executor="dask")
    assert _content(tmp_path / "local.db") == _content(tmp_path / "dask.db")
