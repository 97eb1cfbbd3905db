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


def test_the_command_line_starts_without_the_heavy_libraries():
    """`lkj --help` answers at once: parsing the command imports none of the readers, spaCy,
    pandas, sqlite-utils or Datasette (imported by the commands that use them)."""
    heavy = ("spacy", "pandas", "sqlite_utils", "pdfplumber", "pypdfium2", "camelot", "datasette", "cv2", "numpy",
             "lkj.extract.tables", "lkj.pipeline.runner_core")
    script = ("import sys; from click.testing import CliRunner; from lkj.pipeline.cli import main; "
              "result = CliRunner().invoke(main, ['--help']); assert result.exit_code == 0, result.output; "
              f"print(sorted(m for m in {heavy!r} if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
    # the check sees an import: the run command's own imports are heavy
    script = script.replace("['--help']", "['run', '--help']").replace("from lkj.pipeline.cli import main; ",
                                                                      "from lkj.pipeline.cli import main; import lkj.pipeline.runner; ")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert "spacy" in out.stdout or "pdfplumber" in out.stdout
