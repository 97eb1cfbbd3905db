"""Issue 16: the ``N warnings`` that ``lkj run`` prints is what the ``warnings`` table holds.

The run counted each report's warnings as it was loaded; the indicator catalog, rebuilt at
the end of the run, then adds its own (``indicator_unmatched``), so the summary said fewer
warnings than the table held (1,716 against 1,866 on 42 reports). Run on the born-digital
sample reports, whose catalog adds such warnings.
"""
from __future__ import annotations

import re

import sqlite_utils
from click.testing import CliRunner

from lkj.pipeline.cli import main
from tests.conftest import CORPUS


def test_run_summary_counts_the_warnings_in_the_table(tmp_path):
    db_path = tmp_path / "lkj.db"
    result = CliRunner().invoke(main, ["run", str(CORPUS / "born-digital"), "--db", str(db_path), "--workers", "1", "--quiet"])
    assert result.exit_code == 0, result.output
    printed = int(re.search(r"(\d+) warnings", result.output).group(1))
    db = sqlite_utils.Database(db_path)
    in_table = db.execute("select count(*) from warnings").fetchone()[0]
    assert db.execute("select count(*) from warnings where stage = 'catalog'").fetchone()[0] > 0  # the case that differed
    assert printed == in_table
    assert db.execute("select sum(n_warnings) from reports").fetchone()[0] == in_table
