"""Run lkj on drawn reports and print accuracy overall and split by layout feature.

    python -m lkj.corpus.samples score --n 300 [--seed S] [--workers 2]
"""
from __future__ import annotations

import json
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from lkj.corpus.evaluate import ReportScore, score_report

from .drawset import draw_set
from .expected import load_expected
from .features import BY_NAME, OBSERVED


@dataclass
class Tally:
    """Sums over a set of reports: value fields, unit/year, budget figures."""
    reports: int = 0
    fields_right: int = 0
    fields: int = 0
    identity_ok: int = 0
    budget_right: int = 0
    budget: int = 0

    def add(self, s: ReportScore) -> None:
        self.reports += 1
        self.fields_right += s.indicators.right
        self.fields += s.indicators.total
        self.identity_ok += s.identity.ratio == 1.0
        self.budget_right += s.budget.right
        self.budget += s.budget.total

    @property
    def fields_ratio(self) -> float:
        return self.fields_right / self.fields if self.fields else 1.0

    @property
    def identity_ratio(self) -> float:
        return self.identity_ok / self.reports if self.reports else 1.0

    @property
    def budget_ratio(self) -> float:
        return self.budget_right / self.budget if self.budget else 1.0

    def cells(self) -> str:
        return (f"{self.reports:>4} {self.fields_ratio:>8.2%} {self.identity_ok:>4}/{self.reports:<4}"
                f" {self.budget_ratio:>8.2%}")


def run_and_score(folder: Path, expected: list[Path], workers: int) -> list[tuple[dict, ReportScore]]:
    import sqlite_utils

    from lkj.pipeline.runner import run
    db_path = folder / "lkj.db"
    run([folder], db_path, workers=workers)
    db = sqlite_utils.Database(db_path)
    out = []
    for p in expected:
        exp = load_expected(p)
        out.append((exp, score_report(db, exp)))
    return out


def by_feature(results) -> list[tuple[str, Tally, Tally]]:
    names = list(BY_NAME) + list(OBSERVED)
    rows = []
    for name in names:
        on, off = Tally(), Tally()
        for exp, s in results:
            (on if name in exp.get("features", []) else off).add(s)
        if on.reports:
            rows.append((name, on, off))
    rows.sort(key=lambda r: (r[1].fields_ratio, r[1].identity_ratio, r[1].budget_ratio))
    return rows


def report(results, seed: int, n: int, seconds: float) -> str:
    total = Tally()
    for _, s in results:
        total.add(s)
    lines = [f"fresh draws: n={n} seed={seed} ({seconds:.0f} s)",
             f"overall: value fields {total.fields_right}/{total.fields} ({total.fields_ratio:.2%}), "
             f"unit/year {total.identity_ok}/{total.reports}, budget figures "
             f"{total.budget_right}/{total.budget} ({total.budget_ratio:.2%})",
             "",
             "| feature | with: n | value fields | unit/year | budget | without: n | value fields "
             "| unit/year | budget |",
             "|---|---|---|---|---|---|---|---|---|"]
    for name, on, off in by_feature(results):
        lines.append(f"| {name} | {on.reports} | {on.fields_ratio:.2%} | {on.identity_ok}/{on.reports} "
                     f"| {on.budget_ratio:.2%} | {off.reports} | {off.fields_ratio:.2%} | "
                     f"{off.identity_ok}/{off.reports} | {off.budget_ratio:.2%} |")
    return "\n".join(lines)


def score(n: int, seed: int, workers: int = 2, out: Path | None = None,
          exclude: frozenset[str] = frozenset(), misses: bool = False,
          require: frozenset[str] = frozenset(), reuse: bool = False) -> str:
    """Draw (or, with ``reuse``, take the reports already drawn in ``out``: LibreOffice is
    most of the time, and the same PDFs must be re-read after every change), run lkj, score."""
    t0 = time.time()
    folder = out or Path(tempfile.mkdtemp(prefix="lkj-score-"))
    expected = sorted(folder.glob("*.expected.json")) if reuse else []
    if not expected:
        expected = draw_set(n, seed, folder, exclude, log=lambda *_: None, require=require)
    results = run_and_score(folder, expected, workers)
    text = report(results, seed, n, time.time() - t0)
    if misses:
        for exp, s in results:
            bad = s.identity.misses + s.indicators.misses[:6] + s.budget.misses[:3]
            if bad:
                text += (f"\n\n{exp['file']} value fields {s.indicators.right}/{s.indicators.total} "
                         f"{json.dumps(exp.get('features', []))}\n  " + "\n  ".join(bad))
    return text
