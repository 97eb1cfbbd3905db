"""Where a table without vertical rules ends (issue 14): a section heading under it is no row.

A borderless table's rows are read line by line until a line no longer fits its columns; the
heading of the next section (``3.3 Realisasi Anggaran``), short and left-aligned, fits them and
was glued to the last row's goal or indicator as a wrapped line. Headings are printed larger than
the table's cells, so a line in a larger font than every row above it, carrying no figure, ends
the table (``extract/borderless._larger_heading``). Draws of seed 1491 with ``table_borderless``
required: 1 of 8 draws had a heading glued before (479/549 value fields), 0 after (490/540).
A closing average row whose label wraps (``CAPAIAN RATA-`` / ``RATA KINERJA ...``) was not seen as
one (its average word broken) and glued to the goal above; cut by a page break, its tail was glued
to the last indicator: draws of seed 1496 with horizontal rules and an average row, 1 of 6 wrong
before, 0 after.
"""
from __future__ import annotations

import re

import pytest

from tests.classdocs import draw_and_score, needs_soffice

#: (features required, draws): tables without vertical lines, and a closing average row whose label wraps
#: (``CAPAIAN RATA-`` / ``RATA KINERJA ...``, maybe over a page break) under horizontal rules
DRAWS = ((("table_borderless",), ((1491, 8),)), (("table_hrules", "average_row"), ((1496, 6),)))
#: A text field read as the expected text with more words after it: a line glued to the row.
GLUED = re.compile(r"(?:goal|indicator): expected '(?P<want>.+)', got '(?P=want) .+'$")


@pytest.fixture(scope="module")
def drawn(tmp_path_factory):
    from lkj.corpus.samples.features import NOT_YET_SUPPORTED
    folder = tmp_path_factory.mktemp("class-table-end")
    return [scored for features, draws in DRAWS
            for scored in draw_and_score(folder / "-".join(features), draws, NOT_YET_SUPPORTED | {"scan"}, frozenset(features))]


@needs_soffice
def test_no_heading_is_glued_to_the_last_row(drawn):
    assert len(drawn) == sum(n for _, draws in DRAWS for _, n in draws)
    glued = {exp["file"]: [m for m in score.indicators.misses if GLUED.search(m)] for exp, score in drawn}
    glued = {file: misses for file, misses in glued.items() if misses}
    print(f"\ntable end: {len(glued)} of {len(drawn)} draws with a line glued to a row")
    assert glued == {}
