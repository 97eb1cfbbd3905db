"""A commission named by its place alone (issue 14, class 1): ``KPU Lebong``, ``Sekretariat KPU
Manggarai Timur``, ``KIP Aceh Singkil``, with no kind word (``Kabupaten``, ``Kota``).

A report without a cover that names itself so in its running header and body, while it cites
other units with their kind (``KPU Provinsi Jawa Tengah``), was stored as the unit it cites, or as
KPU RI. The gazetteer knows most places as one unit: that unit gets the vote; a place two units
share (``Bandung``: a kabupaten and a kota) gets none (``extract/identity._commission_of_place``).
Draws with ``abbreviated_name`` and ``no_cover``: 12 of the 13 unit/year misses of the n=300 run of
seed 20261205 were this class; here 2 of 6 draws wrong before, 0 after.
"""
from __future__ import annotations

import pytest

from lkj.extract.identity import find_unit
from tests.classdocs import draw_and_score, needs_soffice

DRAWS = ((1497, 6),)


@pytest.fixture(scope="module")
def drawn(tmp_path_factory):
    from lkj.corpus.samples.features import NOT_YET_SUPPORTED
    return draw_and_score(tmp_path_factory.mktemp("class-commission-place"), DRAWS,
                          (NOT_YET_SUPPORTED - {"abbreviated_name"}) | {"scan"}, frozenset({"abbreviated_name", "no_cover"}))


@needs_soffice
def test_a_commission_named_by_its_place(drawn):
    wrong = {exp["file"]: score.identity.misses for exp, score in drawn if score.identity.misses}
    print(f"\ncommission by place: {len(wrong)} of {len(drawn)} draws wrong")
    assert wrong == {}


def test_a_place_two_units_share_is_no_vote():
    """``KPU Lebong`` is the kabupaten; ``KPU Bandung`` may be the kabupaten or the kota: not guessed."""
    def pages(place: str) -> list[str]:
        return [f"Laporan Kinerja KPU {place} Tahun 2020\nKPU {place} melaksanakan tahapan.", f"KPU {place}."]

    assert find_unit(pages("Lebong")).name == "KPU Kabupaten Lebong"
    assert find_unit(pages("Bandung")).name is None
