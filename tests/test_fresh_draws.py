"""Accuracy on reports nobody has seen: 30 LKj reports drawn afresh on every run.

The seed is new on every run and printed; ``LKJ_DRAW_SEED=<seed>`` reproduces a run
(and ``python -m lkj.corpus.samples draw --n 30 --seed <seed> --out DIR`` writes its
PDFs). Issue 14's bar is at least 98 % of the value fields and every unit/year right; lkj
does not meet it on every draw yet (measured: 98 %+, 94.4 %, 87.8 % on three seeds; README
"Fresh draws"), so the test holds the floors below, which only move up toward that bar: a new
seed on every run must not turn CI red by chance, and a lost class still fails it.
Features in ``features.NOT_YET_SUPPORTED`` are drawn with probability 0 here;
``python -m lkj.corpus.samples score`` draws them too and shows their figures.
"""
from __future__ import annotations

import os
import random
import shutil

import pytest

from lkj.corpus.samples.features import NOT_YET_SUPPORTED

N_REPORTS = 30
#: Share of value fields right that every draw must reach (issue 14's bar: 0.98); measured
#: 0.878-0.98+ on four seeds at stop 23. Stop 24: 30 of the 100 draws of seed 20261206 (every feature,
#: scans included) gave at least 0.856 in 20,000 random picks (0.1 % of them below 0.866).
VALUE_FLOOR = 0.85
#: Draws whose unit or year may be wrong (issue 14's bar: 0). Measured: 0, 1 and 2 misses in
#: 30 draws (seed 320462280: a KPU RI report stored as the KPU Provinsi its body names, and a
#: KPU Provinsi DI Yogyakarta stored as KPU Kabupaten Bantul); 92/100 in score. Set so that a
#: new seed fails CI only when identity gets worse, not by chance. Stop 24: 300/300 (seed 20261205)
#: and 100/100 (seed 20261206) in score.
IDENTITY_MISSES_ALLOWED = 2

pytest.importorskip("docx", reason="the generator needs python-docx (pip install -e '.[corpus]')")
if not (shutil.which("soffice") or shutil.which("libreoffice")):
    pytest.skip("LibreOffice (soffice) is needed to draw reports", allow_module_level=True)


def _seed() -> int:
    env = os.environ.get("LKJ_DRAW_SEED")
    return int(env) if env else random.SystemRandom().randrange(1, 10**9)


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    from lkj.corpus.samples.drawset import draw_set
    from lkj.corpus.samples.score import run_and_score
    seed = _seed()
    print(f"\nfresh draws: LKJ_DRAW_SEED={seed} (n={N_REPORTS}, not drawn: {sorted(NOT_YET_SUPPORTED)})")
    folder = tmp_path_factory.mktemp("fresh-draws")
    expected = draw_set(N_REPORTS, seed, folder, NOT_YET_SUPPORTED, log=lambda *_: None)
    return seed, run_and_score(folder, expected, workers=2)


def test_draws_exclude_the_unsupported_features(results):
    """The exclusion works: no drawn report carries a NOT_YET_SUPPORTED feature."""
    _, scored = results
    assert len(scored) == N_REPORTS
    for exp, _ in scored:
        assert not set(exp["features"]) & NOT_YET_SUPPORTED, exp["file"]


def test_every_unit_and_year(results):
    seed, scored = results
    wrong = {exp["file"]: s.identity.misses for exp, s in scored if s.identity.ratio < 1.0}
    assert len(wrong) <= IDENTITY_MISSES_ALLOWED, f"LKJ_DRAW_SEED={seed}: {wrong}"


def test_value_fields(results):
    from lkj.corpus.samples.score import report
    seed, scored = results
    right = sum(s.indicators.right for _, s in scored)
    total = sum(s.indicators.total for _, s in scored)
    print(report(scored, seed, N_REPORTS, 0))
    worst = sorted(scored, key=lambda r: r[1].indicators.ratio)[:3]
    detail = [(e["file"], e["features"], s.indicators.misses[:5]) for e, s in worst]
    assert total > 30 * N_REPORTS
    assert right / total >= VALUE_FLOOR, f"LKJ_DRAW_SEED={seed}: {right}/{total}; worst: {detail}"
