"""kill -9 in the middle of a run: the database stays sound, no worker outlives the run,
and a second run finishes the job."""
from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time

import psutil
import pytest
import sqlite_utils

from tests.conftest import CORPUS, REPO

VOLATILE = {"extracted_at"}


def _start(db_path, work, workers: int = 1) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "lkj.pipeline", "run", str(CORPUS / "born-digital"), "--db", str(db_path),
         "--work", str(work), "--workers", str(workers), "--quiet"],
        cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )


@pytest.fixture(scope="module")
def clean_db(tmp_path_factory):
    """The born-digital samples run once, undisturbed."""
    folder = tmp_path_factory.mktemp("clean")
    subprocess.run([sys.executable, "-m", "lkj.pipeline", "run", str(CORPUS / "born-digital"), "--db",
                    str(folder / "clean.db"), "--work", str(folder / "work"), "--workers", "1", "--quiet"],
                   cwd=REPO, check=True, capture_output=True)
    return folder / "clean.db"


def _alive(pids: set[int]) -> set[int]:
    """The processes of ``pids`` still running (a zombie has ended: only its exit status is left)."""
    alive = set()
    for pid in pids:
        try:
            if psutil.Process(pid).status() != psutil.STATUS_ZOMBIE:
                alive.add(pid)
        except psutil.NoSuchProcess:
            pass
    return alive


def _content(db_path) -> dict[str, list[tuple]]:
    db = sqlite_utils.Database(db_path)
    out = {}
    for table in ("reports", "indicators", "budget_programs", "spending", "warnings"):
        columns = [c for c in db.table(table).columns_dict if c not in VOLATILE and c != "id"]
        out[table] = sorted(tuple(r[c] for c in columns) for r in db.table(table).rows)
    return out


def test_kill_dash_nine_then_rerun(tmp_path, clean_db):
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
    assert _content(killed_db) == _content(clean_db)


def test_pool_workers_die_with_the_run(tmp_path, clean_db):
    """SIGKILL of ``lkj run --workers 2`` (what the OOM killer sends): Python's clean-up never
    runs, yet 5 s later none of its workers is left, and the next run gives a clean run's database."""
    killed_db = tmp_path / "killed.db"
    process = _start(killed_db, tmp_path / "work", workers=2)
    run = psutil.Process(process.pid)
    workers: set[int] = set()
    deadline = time.monotonic() + 60
    while len(workers) < 2 and time.monotonic() < deadline and process.poll() is None:
        workers = {child.pid for child in run.children(recursive=True)}
        time.sleep(0.1)
    assert len(workers) >= 2, "the pool never started"
    time.sleep(1.0)  # mid-run: the workers are reading PDFs
    workers |= {child.pid for child in run.children(recursive=True)}
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    time.sleep(5)
    assert _alive(workers) == set()
    finished = subprocess.run(
        [sys.executable, "-m", "lkj.pipeline", "run", str(CORPUS / "born-digital"), "--db", str(killed_db),
         "--work", str(tmp_path / "work"), "--workers", "2", "--quiet"], cwd=REPO, capture_output=True, text=True)
    assert finished.returncode == 0, finished.stderr
    assert _content(killed_db) == _content(clean_db)
