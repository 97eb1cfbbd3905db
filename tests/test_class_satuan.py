"""Units of measure in a Satuan column (issue 14, class 6: units): a percentage is named by its sign
or spelt out (``Persen``, ``Persentase``, as UPBU Tardamu 2024 and 2025 print it), and every such
row's target and realisation are in ``%``.

Whole reports drawn by the generator with a Satuan column required (its word for a percentage drawn
per report from ``PERCENT_SATUAN``), expected values from its typed data; scans and the features lkj
does not read yet are left out.
"""
from __future__ import annotations

import random

import pytest

from tests.classdocs import draw_and_score, needs_soffice

SEED = 14_92
N = 5


@pytest.fixture(scope="module")
def drawn(tmp_path_factory):
    from lkj.corpus.samples.features import NOT_YET_SUPPORTED
    return draw_and_score(tmp_path_factory.mktemp("class-satuan"), ((SEED, N),), NOT_YET_SUPPORTED | {"scan"},
                          frozenset({"satuan_column"}))


@needs_soffice
def test_a_percentage_spelt_out_in_the_satuan_column_is_percent(drawn):
    from lkj.corpus.samples.draw import PERCENT_SATUAN
    words = {random.Random(f"lkj-draw-satuan:{SEED}:{i}").choice(PERCENT_SATUAN) for i in range(N)}
    assert {"Persen", "Persentase"} <= words  # the class is drawn
    unit_misses = {exp["file"]: [m for m in score.indicators.misses if " unit: " in m]
                   for exp, score in drawn}
    assert {f: m for f, m in unit_misses.items() if m} == {}
    assert all(score.indicators.total > 20 and score.indicators.ratio >= 0.8 for _, score in drawn)  # main tables read
