"""Sub-item rows in tables without vertical rules (issue 14, class 6).

An indicator row without values heading bulleted sub-items (``Jumlah laporan keuangan yang disusun
tepat waktu`` over ``- Laporan Keuangan Semester I`` ...) is stored as ``<heading> - <item>`` per
sub-item. Without vertical rules the heading, printing no value, was read as the wrapped tail of the
indicator above, and the sub-items came out bare. It stands a row's gap below the line above (more
than a wrapped line does) and leads to a bulleted line: a row of its own
(``extract/layout._heads_sub_items``), its gap measured to the line above in its own column (a goal's
text beside it runs on offset baselines). Draws with ``sub_item_rows`` and borderless or horizontal-rules
tables: 6 of 8 draws wrong before, 0 after.
"""
from __future__ import annotations

import pytest

from tests.classdocs import draw_and_score, needs_soffice

DRAWS = {"table_borderless": ((1492, 4),), "table_hrules": ((1493, 4),)}


@pytest.fixture(scope="module")
def drawn(tmp_path_factory):
    from lkj.corpus.samples.features import NOT_YET_SUPPORTED
    folder = tmp_path_factory.mktemp("class-sub-items")
    return [scored for ruling, draws in DRAWS.items()
            for scored in draw_and_score(folder / ruling, draws, NOT_YET_SUPPORTED | {"scan", "goals_per_table_arabic",
                                                                                    "goals_per_table_roman"},
                                         frozenset({"sub_item_rows", ruling}))]


@needs_soffice
def test_sub_items_keep_their_heading(drawn):
    assert len(drawn) == sum(n for draws in DRAWS.values() for _, n in draws)
    wrong = {}
    for exp, score in drawn:
        subs = {r["indicator"] for r in exp["indicators"] if r.get("parent_indicator")}
        assert subs, exp["file"]
        missed = [m for m in score.indicators.misses if any(f"expected {s!r}" in m for s in subs)]
        if missed:
            wrong[exp["file"]] = missed[:3]
    print(f"\nsub-items: {len(wrong)} of {len(drawn)} draws with a sub-item's text wrong")
    assert wrong == {}
