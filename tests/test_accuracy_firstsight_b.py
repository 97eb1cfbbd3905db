"""First-sight accuracy on realB's real reports (issue 14): kabupaten/kota bodies.

The PDFs are committed in ``corpus/real`` (see its SOURCES.tsv); their labels, typed from
the page images before lkj ever ran on them, are in ``tests/labels/firstsight`` with
``labelled_by`` starting "realB". The figures of that first run are recorded in
``tests/labels/firstsight/FIRST_SIGHT_B.md``; the floors below start at them and only
ever move up. A sibling test of the other helper covers the rest of the folder; the lead
merges the two. Run with -s to see the per-report figures.
"""
from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest
import sqlite_utils

from lkj.corpus.evaluate import score_report
from lkj.pipeline.runner import RunSummary, run

REPO = Path(__file__).resolve().parent.parent
PDFS = REPO / "corpus" / "real"
LABELS = REPO / "tests" / "labels" / "firstsight"


def _labels() -> list[dict]:
    found = []
    for path in sorted(LABELS.glob("*.json")):
        if path.name == "INDEX.json":
            continue
        label = json.loads(path.read_text(encoding="utf-8"))
        if str(label.get("labelled_by", "")).startswith("realB"):
            found.append(label)
    return found


LABELS_B = _labels()

#: Share of indicator fields right over realB's reports at first sight: 11/92. Only moves up.
INDICATOR_FLOOR = 0.119
#: Share of unit/year checks right at first sight: 7/8 (Wonosobo stored as "Dinas Kominfo ...").
IDENTITY_FLOOR = 0.875
#: Share of budget figures right at first sight: 0/43.
BUDGET_FLOOR = 0.0


@pytest.fixture(scope="module")
def firstsight_b_run(tmp_path_factory) -> tuple[RunSummary, sqlite_utils.Database]:
    """All of realB's first-sight reports in one run, so each is processed once here."""
    folder = tmp_path_factory.mktemp("firstsight-b")
    inputs = folder / "pdf"
    inputs.mkdir()
    for label in LABELS_B:
        shutil.copy(PDFS / label["file"], inputs / label["file"])
    summary = run([inputs], folder / "firstsight-b.db")
    return summary, sqlite_utils.Database(folder / "firstsight-b.db")


def test_labels_name_committed_pdfs_with_their_checksums():
    """Every label names a committed PDF whose sha256 is the one it was typed from."""
    assert len(LABELS_B) >= 2
    for label in LABELS_B:
        pdf = PDFS / label["file"]
        assert hashlib.sha256(pdf.read_bytes()).hexdigest() == label["sha256"], label["file"]
        assert label["labelled_before_run"] is True


def test_firstsight_b_reports(firstsight_b_run):
    summary, db = firstsight_b_run
    assert summary.failed == 0
    totals = {"identity": [0, 0], "indicators": [0, 0], "budget": [0, 0]}
    for label in LABELS_B:
        score = score_report(db, label)
        for name in totals:
            part = getattr(score, name)
            totals[name][0] += part.right
            totals[name][1] += part.total
        print(f"{label['file']:<40} unit/year {score.identity.right}/{score.identity.total}  "
              f"indicators {score.indicators.right}/{score.indicators.total}  "
              f"budget {score.budget.right}/{score.budget.total}")
    ratio = {name: right / total if total else 1.0 for name, (right, total) in totals.items()}
    print("realB first-sight set:", {name: f"{right}/{total}" for name, (right, total) in totals.items()})
    assert ratio["indicators"] >= INDICATOR_FLOOR
    assert ratio["identity"] >= IDENTITY_FLOOR
    assert ratio["budget"] >= BUDGET_FLOOR
