"""Where a table without vertical rules ends (issue 14): a section heading under it is no row.

A borderless table's rows are read line by line until a line no longer fits its columns; the
heading of the next section (``3.3 Realisasi Anggaran``), short and left-aligned, fits them and
was glued to the last row's goal or indicator as a wrapped line. Headings are printed larger than
the table's cells, so a line in a larger font than every row above it, carrying no figure, ends
the table (``extract/borderless._larger_heading``). Draws of seed 1491 with ``table_borderless``
required: 1 of 8 draws had a heading glued before (479/549 value fields), 0 after (490/540).
"""
from __future__ import annotations

import re

import pytest

from tests.classdocs import draw_and_score, needs_soffice

DRAWS = ((1491, 8),)
#: A text field read as the expected text with more words after it: a line glued to the row.
GLUED = re.compile(r"(?:goal|indicator): expected '(?P<want>.+)', got '(?P=want) .+'$")


@pytest.fixture(scope="module")
def drawn(tmp_path_factory):
    from lkj.corpus.samples.features import NOT_YET_SUPPORTED
    return draw_and_score(tmp_path_factory.mktemp("class-table-end"), DRAWS, NOT_YET_SUPPORTED | {"scan"},
                          frozenset({"table_borderless"}))


@needs_soffice
def test_no_heading_is_glued_to_the_last_row(drawn):
    assert len(drawn) == sum(n for _, n in DRAWS)
    glued = {exp["file"]: [m for m in score.indicators.misses if GLUED.search(m)] for exp, score in drawn}
    glued = {file: misses for file, misses in glued.items() if misses}
    print(f"\ntable end: {len(glued)} of {len(drawn)} draws with a line glued to a row")
    assert glued == {}
