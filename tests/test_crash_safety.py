"""kill -9 in the middle of a run: the database stays sound and a second run finishes the job."""
from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time

import sqlite_utils

from tests.conftest import CORPUS, REPO

VOLATILE = {"extracted_at"}


def _start(db_path, work) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "lkj.pipeline", "run", str(CORPUS / "born-digital"), "--db", str(db_path),
         "--work", str(work), "--workers", "1", "--quiet"],
        cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )


def _content(db_path) -> dict[str, list[tuple]]:
    db = sqlite_utils.Database(db_path)
    out = {}
    for table in ("reports", "indicators", "budget_programs", "spending", "warnings"):
        columns = [c for c in db.table(table).columns_dict if c not in VOLATILE and c != "id"]
        out[table] = sorted(tuple(r[c] for c in columns) for r in db.table(table).rows)
    return out


def test_kill_dash_nine_then_rerun(tmp_path):
    rng = random.Random(20241128)
    killed_db = tmp_path / "killed.db"
    for _attempt in range(3):  # kill at three random moments, each run resuming the previous one
        process = _start(killed_db, tmp_path / "work")
        time.sleep(rng.uniform(1.5, 5.0))
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        if killed_db.exists():
            db = sqlite_utils.Database(killed_db)
            assert db.execute("pragma integrity_check").fetchone()[0] == "ok"
            for report in db.table("reports").rows:  # each report fully loaded or absent
                rows = db.execute("select count(*) from indicators where report_id = ?", [report["id"]]).fetchone()[0]
                assert rows == report["n_indicators"], report["file_name"]
    finished = subprocess.run(
        [sys.executable, "-m", "lkj.pipeline", "run", str(CORPUS / "born-digital"), "--db", str(killed_db),
         "--work", str(tmp_path / "work"), "--workers", "1", "--quiet"], cwd=REPO, capture_output=True, text=True)
    assert finished.returncode == 0, finished.stderr
    clean_db = tmp_path / "clean.db"
    subprocess.run([sys.executable, "-m", "lkj.pipeline", "run", str(CORPUS / "born-digital"), "--db", str(clean_db),
                    "--work", str(tmp_path / "work2"), "--workers", "1", "--quiet"], cwd=REPO, check=True,
                   capture_output=True)
    assert _content(killed_db) == _content(clean_db)
