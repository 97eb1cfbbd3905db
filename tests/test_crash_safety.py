"""kill -9 in the middle of a run: the database stays sound, no worker outlives the run,
and a second run finishes the job."""
from __future__ import annotations

import json
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


def _children_mid_run(process: subprocess.Popen, count: int, settle: float, wait: float = 60) -> set[int]:
    """The processes under ``process`` once ``count`` of them run, ``settle`` s later (mid-run:
    the workers are reading PDFs), with any started meanwhile."""
    run = psutil.Process(process.pid)
    children: set[int] = set()
    deadline = time.monotonic() + wait
    while len(children) < count and time.monotonic() < deadline and process.poll() is None:
        children = {child.pid for child in run.children(recursive=True)}
        time.sleep(0.1)
    if len(children) >= count:
        time.sleep(settle)
        children |= {child.pid for child in run.children(recursive=True)} if process.poll() is None else set()
    return children


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
    workers = _children_mid_run(process, 2, settle=1.0)
    assert len(workers) >= 2, "the pool never started"
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    time.sleep(5)
    assert _alive(workers) == set()
    finished = subprocess.run(
        [sys.executable, "-m", "lkj.pipeline", "run", str(CORPUS / "born-digital"), "--db", str(killed_db),
         "--work", str(tmp_path / "work"), "--workers", "2", "--quiet"], cwd=REPO, capture_output=True, text=True)
    assert finished.returncode == 0, finished.stderr
    assert _content(killed_db) == _content(clean_db)


def _start_dask(db_path, work, scheduler: str | None = None) -> subprocess.Popen:
    where = ["--scheduler", scheduler] if scheduler else ["--workers", "2"]
    return subprocess.Popen(
        [sys.executable, "-m", "lkj.pipeline", "run", str(CORPUS / "born-digital"), "--db", str(db_path),
         "--work", str(work), "--executor", "dask", *where, "--quiet"],
        cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )


def test_dask_local_workers_die_with_the_run(tmp_path):
    """SIGKILL of ``lkj run --executor dask`` mid-run: the LocalCluster's processes (workers and
    their helpers) are gone 5 s later."""
    pytest.importorskip("dask.distributed", reason="dask[distributed] is not installed")
    process = _start_dask(tmp_path / "killed.db", tmp_path / "work")
    children = _children_mid_run(process, 3, settle=2.0, wait=90)
    assert len(children) >= 3, "the local cluster never started"  # 2 workers and multiprocessing's tracker
    assert process.poll() is None, "the run ended before it could be killed"
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    time.sleep(5)
    assert _alive(children) == set()


def test_a_dask_scheduler_drops_the_tasks_of_a_killed_run(tmp_path):
    """SIGKILL of ``lkj run --executor dask --scheduler ADDR``: the cluster outlives the run (it is
    not the run's), but within 5 s it holds none of the run's documents any more: the ones queued
    are dropped, not read for nobody."""
    pytest.importorskip("dask.distributed", reason="dask[distributed] is not installed")
    from dask.distributed import Client

    scheduler_file = tmp_path / "scheduler.json"
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    scheduler = subprocess.Popen([sys.executable, "-m", "distributed.cli.dask_scheduler", "--scheduler-file",
                                  str(scheduler_file), "--port", "0", "--no-dashboard"], **quiet)
    worker = None
    try:
        deadline = time.monotonic() + 60
        while not scheduler_file.exists() and time.monotonic() < deadline:
            time.sleep(0.2)
        address = json.loads(scheduler_file.read_text())["address"]
        worker = subprocess.Popen([sys.executable, "-m", "distributed.cli.dask_worker", address, "--nthreads", "1",
                                   "--no-dashboard"], **quiet)
        with Client(address) as client:
            client.wait_for_workers(1, timeout=60)

            def tasks() -> int:
                return client.run_on_scheduler(lambda dask_scheduler: len(dask_scheduler.tasks))

            process = _start_dask(tmp_path / "killed.db", tmp_path / "work", scheduler=address)
            deadline = time.monotonic() + 60
            while tasks() == 0 and time.monotonic() < deadline:
                time.sleep(0.2)
            time.sleep(1.0)
            assert process.poll() is None and tasks() > 1, "the run ended before it could be killed"
            os.kill(process.pid, signal.SIGKILL)
            process.wait()
            deadline = time.monotonic() + 5
            while tasks() and time.monotonic() < deadline:
                time.sleep(0.2)
            assert tasks() == 0
    finally:
        for started in (worker, scheduler):
            if started is not None:
                started.terminate()
                started.wait(timeout=30)
