"""Field-by-field accuracy on the committed sample corpus (born-digital reports).

Issue 4's bar: at least 98% of indicator fields, and every budget figure and
unit/year, right for each born-digital report. The per-report figures are printed
(run pytest with -s to see them) so a regression shows where it happened.
"""
from __future__ import annotations

import pytest

from lkj.corpus.evaluate import ReportScore, score_report
from lkj.corpus.samples.expected import load_expected
from tests.conftest import CORPUS

BORN_DIGITAL = sorted((CORPUS / "born-digital").glob("*.expected.json"))


def _line(score: ReportScore) -> str:
    return (f"{score.file:<40} unit/year {score.identity.right}/{score.identity.total}  "
            f"indicators {score.indicators.right}/{score.indicators.total} ({score.indicators.ratio:.2%})  "
            f"budget {score.budget.right}/{score.budget.total}")


@pytest.mark.parametrize("expected_path", BORN_DIGITAL, ids=lambda p: p.name.split(".")[0])
def test_born_digital_report(corpus_db, expected_path):
    expected = load_expected(expected_path)
    score = score_report(corpus_db, expected)
    print(_line(score))
    assert score.identity.ratio == 1.0, score.identity.misses
    assert score.budget.ratio == 1.0, score.budget.misses
    assert score.indicators.ratio >= 0.98, score.indicators.misses[:10]


def test_corpus_totals(corpus_db):
    """The aggregate over all born-digital reports, printed for the README."""
    scores = [score_report(corpus_db, load_expected(p)) for p in BORN_DIGITAL]
    right = sum(s.indicators.right for s in scores)
    total = sum(s.indicators.total for s in scores)
    print(f"born-digital total: {right}/{total} indicator fields ({right / total:.2%})")
    assert len(scores) >= 8 and total > 1000
    assert right / total >= 0.98
