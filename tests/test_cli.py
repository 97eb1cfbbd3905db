"""The ``lkj`` command as a user runs it."""
from __future__ import annotations

import subprocess
import sys

from click.testing import CliRunner

from lkj.pipeline.cli import main
from tests.conftest import CORPUS


def test_help_for_every_command():
    runner = CliRunner()
    for args in ([], ["run"], ["inspect"], ["serve"]):
        result = runner.invoke(main, [*args, "--help"])
        assert result.exit_code == 0 and "Usage" in result.output, args


def test_run_prints_a_summary_and_exits_zero(tmp_path):
    result = CliRunner().invoke(main, ["run", str(CORPUS / "broken"), "--db", str(tmp_path / "x.db"), "--quiet"])
    assert result.exit_code == 0, result.output
    assert "reports (" in result.output and "failed: kosong.pdf: empty" in result.output


def test_run_exits_non_zero_when_nothing_could_be_processed(tmp_path):
    result = CliRunner().invoke(main, ["run", str(CORPUS / "broken" / "kosong.pdf"), "--db", str(tmp_path / "x.db"), "--quiet"])
    assert result.exit_code == 1


def test_inspect_shows_unit_year_tables_and_rows():
    result = CliRunner().invoke(main, ["inspect", str(CORPUS / "born-digital" / "kpu-kab-lampung-utara-2024.pdf")])
    assert result.exit_code == 0, result.output
    assert "KPU Kabupaten Lampung Utara" in result.output and "year:    2024  (cover says 2025)" in result.output
    assert "MAIN" in result.output and "indicators (32)" in result.output


def test_console_script_is_installed():
    out = subprocess.run([sys.executable, "-m", "lkj.pipeline", "--help"], capture_output=True, text=True)
    assert out.returncode == 0 and "inspect" in out.stdout
