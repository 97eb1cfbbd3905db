"""Failure class 1 (issue 14), units other than the commissions: what a cover prints as the unit.

Reports drawn at random by the generator (``corpus/samples/offices.py``) with the opt-in features

- ``cover_name_wrapped``: a regional agency's long name wrapped over cover lines (DP3AKB Sumut 2024);
- ``cover_central_body``: a vertical unit under its ministry and directorate general, its name maybe
  abbreviated on the cover (``KANTOR UPBU KELAS III ...``) and spelt out once in the body (UPBU Tardamu);
- ``seat_named_office``: an office named after its seat (``Kejaksaan Negeri X``, Kejari Salatiga);

must give the unit's name, kind and province (and the year) the generator drew. Text-only cases check
that what cannot be decided is left empty with a warning, never guessed.
"""
from __future__ import annotations

import pytest

from lkj.extract.identity import find_identity
from tests.classdocs import needs_soffice

#: (features required, ((seed, n), ...)); the features are opt-in (p 0), so seeds drawn elsewhere stay as they were.
DRAWS = (
    (("cover_name_wrapped",), ((14_101, 5),)),
    (("cover_central_body",), ((14_102, 5),)),
    (("seat_named_office",), ((14_103, 3),)),
    (("seat_named_office", "cover_central_body"), ((14_104, 3),)),
)


@pytest.fixture(scope="module")
def drawn(tmp_path_factory):
    pytest.importorskip("docx", reason="the generator needs python-docx (pip install -e '.[corpus]')")
    from lkj.corpus.samples.drawset import draw_set
    from lkj.corpus.samples.features import NOT_YET_SUPPORTED
    from lkj.corpus.samples.score import run_and_score
    folder = tmp_path_factory.mktemp("class-cover-units")
    expected = []
    for features, seeds in DRAWS:
        for seed, n in seeds:
            # no cover is no cover class; scans are the OCR's class
            expected += draw_set(n, seed, folder / "-".join(features), NOT_YET_SUPPORTED | {"scan", "no_cover"},
                                 log=lambda *_: None, require=frozenset(features))
    return run_and_score(folder, expected, workers=2)


@needs_soffice
def test_drawn_cover_units(drawn):
    assert len(drawn) == sum(n for _, seeds in DRAWS for _, n in seeds)
    wrong = {exp["file"]: (exp["unit"]["name"], score.identity.misses) for exp, score in drawn if score.identity.misses}
    print(f"\ncover units: {len(wrong)} of {len(drawn)} draws wrong")
    assert wrong == {}


def _identity(*pages: str):
    found = find_identity(list(pages))
    return found.unit, {w.code for w in found.warnings}


def test_the_lowest_body_on_the_cover_is_the_unit():
    unit, _ = _identity("KEMENTERIAN KEUANGAN\nDIREKTORAT JENDERAL PAJAK\nKANTOR PELAYANAN PAJAK PRATAMA SALATIGA\n"
                        "LAPORAN KINERJA TAHUN 2023",
                        "KATA PENGANTAR\nLaporan Kinerja Kantor Pelayanan Pajak Pratama Salatiga Tahun 2023 disusun.")
    assert (unit.name, unit.kind, unit.province) == ("Kantor Pelayanan Pajak Pratama Salatiga", "kota", "Jawa Tengah")


def test_two_bodies_of_one_level_are_no_unit():
    unit, codes = _identity("KEMENTERIAN KEUANGAN\nKANTOR PELAYANAN PAJAK PRATAMA SALATIGA\nBALAI DIKLAT KEUANGAN MAKASSAR\n"
                            "LAPORAN KINERJA TAHUN 2023")
    assert unit.name is None and "unit_cover_ambiguous" in codes


def test_a_seat_outside_the_gazetteer_leaves_kind_and_province_empty():
    unit, codes = _identity("KEMENTERIAN PERHUBUNGAN\nDIREKTORAT JENDERAL PERHUBUNGAN UDARA\nKANTOR UPBU KELAS III LEKUNIK\n"
                            "LAPORAN KINERJA TAHUN 2024")
    assert unit.name.lower() == "kantor upbu kelas iii lekunik" and unit.kind is None and unit.province is None
    assert "unit_region_unknown" in codes


def test_a_seat_of_two_regions_leaves_kind_and_province_empty():
    unit, codes = _identity("KEJAKSAAN NEGERI BEKASI\nLAPORAN KINERJA TAHUN 2024")
    assert (unit.name, unit.kind, unit.province) == ("Kejaksaan Negeri Bekasi", None, None)
    assert "unit_region_unknown" in codes
