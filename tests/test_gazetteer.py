"""Tests of the KPU unit gazetteer (`extract/data/kpu_units.csv`) and the
resolver from printed names (`extract.gazetteer`)."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from lkj.extract.gazetteer import (
    FUZZY_THRESHOLD,
    GAZETTEER_CSV,
    GazetteerUnit,
    load_gazetteer,
    province_of,
    resolve_unit,
    unit_by_code,
    unit_by_slug,
)
from lkj.extract.warning_codes import ReportWarning

CANONICAL_PROVINCES = [
    "Aceh", "Sumatera Utara", "Sumatera Barat", "Riau", "Kepulauan Riau", "Jambi", "Sumatera Selatan",
    "Kepulauan Bangka Belitung", "Bengkulu", "Lampung", "DKI Jakarta", "Jawa Barat", "Banten", "Jawa Tengah",
    "DI Yogyakarta", "Jawa Timur", "Bali", "Nusa Tenggara Barat", "Nusa Tenggara Timur", "Kalimantan Barat",
    "Kalimantan Tengah", "Kalimantan Selatan", "Kalimantan Timur", "Kalimantan Utara", "Sulawesi Utara",
    "Gorontalo", "Sulawesi Tengah", "Sulawesi Barat", "Sulawesi Selatan", "Sulawesi Tenggara", "Maluku",
    "Maluku Utara", "Papua", "Papua Barat", "Papua Barat Daya", "Papua Selatan", "Papua Tengah", "Papua Pegunungan",
]

#: Kabupaten and kota that share a name: they need the kind.
SAME_NAME = [
    "Bekasi", "Bogor", "Malang", "Kediri", "Blitar", "Madiun", "Magelang", "Tegal", "Pekalongan", "Semarang",
    "Cirebon", "Sukabumi", "Tasikmalaya", "Banjar", "Serang", "Tangerang", "Solok", "Sorong", "Jayapura", "Kupang",
    "Bima", "Probolinggo", "Pasuruan", "Mojokerto",
]

UNITS = load_gazetteer()


def codes(warnings: list[ReportWarning]) -> list[str]:
    return sorted(w.code for w in warnings)


def by_name(unit_name: str) -> GazetteerUnit:
    (unit,) = [u for u in UNITS if u.unit_name == unit_name]
    return unit


# --- the table ------------------------------------------------------------------------------------

def test_counts():
    kinds = Counter(u.kind for u in UNITS)
    assert kinds == {"pusat": 1, "provinsi": 38, "kabupaten": 416, "kota": 98}
    assert len(UNITS) == 553


def test_kip_only_in_aceh():
    kip = [u for u in UNITS if u.agency == "KIP"]
    assert sum(u.kind == "provinsi" for u in kip) == 1
    assert sum(u.kind in ("kabupaten", "kota") for u in kip) == 23
    assert all(u.province == "Aceh" for u in kip)
    assert all(u.agency == "KIP" for u in UNITS if u.province == "Aceh")
    assert {u.agency for u in UNITS} == {"KPU", "KIP"}
    aceh = by_name("KIP Aceh")
    assert (aceh.kind, aceh.name, aceh.region_code, aceh.slug) == ("provinsi", "Aceh", "11", "kip-aceh")


def test_codes_well_formed_and_unique():
    province_code = {u.province: u.region_code for u in UNITS if u.kind == "provinsi"}
    for u in UNITS:
        if u.kind == "pusat":
            assert u.region_code is None and u.province is None
        elif u.kind == "provinsi":
            assert re.fullmatch(r"\d{2}", u.region_code), u
        else:
            assert re.fullmatch(r"\d{2}\.\d{2}", u.region_code), u
            assert u.region_code[:2] == province_code[u.province], u
            # Kemendagri numbering: kabupaten 01-69, kota 71-99
            assert (int(u.region_code[3:]) >= 71) == (u.kind == "kota"), u
    for field in ("region_code", "unit_name", "slug"):
        values = [getattr(u, field) for u in UNITS if getattr(u, field) is not None]
        assert len(values) == len(set(values)), [v for v, n in Counter(values).items() if n > 1]


def test_province_names_are_canonical():
    assert sorted(u.name for u in UNITS if u.kind == "provinsi") == sorted(CANONICAL_PROVINCES)
    assert {u.province for u in UNITS if u.kind != "pusat"} == set(CANONICAL_PROVINCES)
    for u in UNITS:
        if u.kind == "provinsi":
            assert u.province == u.name


def test_unit_names_and_slugs_follow_the_pattern():
    for u in UNITS:
        if u.kind == "pusat":
            assert (u.unit_name, u.slug, u.agency) == ("KPU RI", "kpu-ri", "KPU")
            continue
        if u.unit_name != "KIP Aceh":
            assert u.unit_name == f"{u.agency} {u.kind.capitalize()} {u.name}", u
        assert u.slug == re.sub(r"[^a-z0-9]+", "-", u.unit_name.lower()).strip("-"), u
        assert all(a and ";" not in a and a == a.strip() for a in u.aliases), u


def test_same_name_pairs_exist():
    for name in SAME_NAME:
        kinds = sorted(u.kind for u in UNITS if u.name == name)
        assert kinds == ["kabupaten", "kota"], name


@pytest.mark.parametrize("province, count, prefix", [
    ("Papua", 9, "91."), ("Papua Barat", 7, "92."), ("Papua Selatan", 4, "93."),
    ("Papua Tengah", 8, "94."), ("Papua Pegunungan", 8, "95."), ("Papua Barat Daya", 6, "96."),
])
def test_papua_split_of_2022(province, count, prefix):
    units = [u for u in UNITS if u.province == province and u.kind in ("kabupaten", "kota")]
    assert len(units) == count
    assert all(u.region_code.startswith(prefix) for u in units)


def test_lookup_helpers():
    assert unit_by_code("18.03").unit_name == "KPU Kabupaten Lampung Utara"
    assert unit_by_code("1803").unit_name == "KPU Kabupaten Lampung Utara"
    assert unit_by_code("93.01").province == "Papua Selatan"
    assert unit_by_code("99.99") is None
    assert unit_by_slug("kpu-kota-bandar-lampung").region_code == "18.71"
    assert unit_by_slug("nope") is None


def test_load_is_cached_but_returns_a_copy():
    first = load_gazetteer()
    first.clear()
    assert len(load_gazetteer()) == 553


def test_csv_is_small():
    assert GAZETTEER_CSV.stat().st_size < 100_000
    assert (GAZETTEER_CSV.parent / "README.md").exists()


# --- resolution -----------------------------------------------------------------------------------

def ok(text, unit_name, province=None, *warning_codes, kind=None, hint=None, exact=True):
    return pytest.param(text, kind, hint, unit_name, province, sorted(warning_codes), exact,
                        id=f"{text}-{kind}-{hint}")


RESOLVED = [
    ok("KPU Kab. Lampung Utara", "KPU Kabupaten Lampung Utara", "Lampung"),
    ok("KPU Kabupaten Lampung Utara", "KPU Kabupaten Lampung Utara", "Lampung"),
    ok("Komisi Pemilihan Umum Kabupaten Lampung Utara", "KPU Kabupaten Lampung Utara", "Lampung"),
    ok("KOMISI PEMILIHAN UMUM KABUPATEN LAMPUNG UTARA", "KPU Kabupaten Lampung Utara", "Lampung"),
    ok("KPU Lampung Utara", "KPU Kabupaten Lampung Utara", "Lampung"),
    ok("Lampura", "KPU Kabupaten Lampung Utara", "Lampung"),
    ok("KPU Lampura", "KPU Kabupaten Lampung Utara", "Lampung"),
    ok("Sekretariat KPU Kabupaten Lampung Utara Tahun 2024", "KPU Kabupaten Lampung Utara", "Lampung"),
    ok("Lampung Utara", "KPU Kabupaten Lampung Utara", "Lampung", kind="kabupaten"),
    ok("KIP Kabupaten Aceh Besar", "KIP Kabupaten Aceh Besar", "Aceh"),
    ok("Komisi Independen Pemilihan Kabupaten Aceh Besar", "KIP Kabupaten Aceh Besar", "Aceh"),
    ok("KIP Aceh Besar", "KIP Kabupaten Aceh Besar", "Aceh"),
    ok("KIP Kota Banda Aceh", "KIP Kota Banda Aceh", "Aceh"),
    ok("KIP Aceh", "KIP Aceh", "Aceh"),
    ok("Komisi Independen Pemilihan Aceh", "KIP Aceh", "Aceh"),
    ok("KPU Kabupaten Aceh Besar", "KIP Kabupaten Aceh Besar", "Aceh", "unit_agency_mismatch"),
    ok("KPU Provinsi Jawa Barat", "KPU Provinsi Jawa Barat", "Jawa Barat"),
    ok("KPU Jawa Barat", "KPU Provinsi Jawa Barat", "Jawa Barat"),
    ok("KPU Jabar", "KPU Provinsi Jawa Barat", "Jawa Barat"),
    ok("KPU Prov. Jabar", "KPU Provinsi Jawa Barat", "Jawa Barat"),
    ok("KPU DIY", "KPU Provinsi DI Yogyakarta", "DI Yogyakarta"),
    ok("KPU Daerah Istimewa Yogyakarta", "KPU Provinsi DI Yogyakarta", "DI Yogyakarta"),
    ok("KPU Provinsi DKI Jakarta", "KPU Provinsi DKI Jakarta", "DKI Jakarta"),
    ok("KPU RI", "KPU RI"),
    ok("Komisi Pemilihan Umum Republik Indonesia", "KPU RI"),
    ok("Sekretariat Jenderal Komisi Pemilihan Umum", "KPU RI"),
    ok("KPU Republik Indonesia", "KPU RI", kind="pusat"),
    ok("KPU Kabupaten Sleman", "KPU Kabupaten Sleman", "DI Yogyakarta"),
    ok("KPU Kota Surabaya", "KPU Kota Surabaya", "Jawa Timur"),
    ok("KPU Kota Makassar", "KPU Kota Makassar", "Sulawesi Selatan"),
    ok("KPU Kota Bandar Lampung", "KPU Kota Bandar Lampung", "Lampung"),
    ok("KPU Kabupaten Merauke", "KPU Kabupaten Merauke", "Papua Selatan"),
    ok("KPU Kabupaten Nabire", "KPU Kabupaten Nabire", "Papua Tengah"),
    ok("KPU Kabupaten Jayawijaya", "KPU Kabupaten Jayawijaya", "Papua Pegunungan"),
    ok("KPU Kota Sorong", "KPU Kota Sorong", "Papua Barat Daya"),
    ok("KPU Kabupaten Bekasi", "KPU Kabupaten Bekasi", "Jawa Barat"),
    ok("KPU Kota Bekasi", "KPU Kota Bekasi", "Jawa Barat"),
    ok("Bekasi", "KPU Kota Bekasi", "Jawa Barat", kind="kota"),
    ok("KPU Kabupaten Bandung", "KPU Kabupaten Bandung", "Jawa Barat"),
    ok("KPU Kabupaten Bandung Barat", "KPU Kabupaten Bandung Barat", "Jawa Barat"),
    ok("KPU Kota Bandung", "KPU Kota Bandung", "Jawa Barat"),
    ok("KPU Kabupaten Badung", "KPU Kabupaten Badung", "Bali"),
    ok("KPU Kota Jogja", "KPU Kota Yogyakarta", "DI Yogyakarta"),
    ok("KPU Kota Yogyakarta", "KPU Kota Yogyakarta", "DI Yogyakarta"),
    ok("KPU Jakarta Pusat", "KPU Kota Jakarta Pusat", "DKI Jakarta"),
    ok("KPU Kota Administrasi Jakarta Pusat", "KPU Kota Jakarta Pusat", "DKI Jakarta"),
    ok("KPU Kab. Adm. Kepulauan Seribu", "KPU Kabupaten Kepulauan Seribu", "DKI Jakarta"),
    ok("KPU Kab. Kep. Seribu", "KPU Kabupaten Kepulauan Seribu", "DKI Jakarta"),
    ok("KPU Kota Pangkal Pinang", "KPU Kota Pangkalpinang", "Kepulauan Bangka Belitung"),
    ok("KPU Kota Bau-Bau", "KPU Kota Baubau", "Sulawesi Tenggara"),
    ok("KPU Kabupaten Toli-Toli", "KPU Kabupaten Tolitoli", "Sulawesi Tengah"),
    ok("KPU Kabupaten Fak-Fak", "KPU Kabupaten Fakfak", "Papua Barat"),
    ok("KPU Kabupaten Pontianak", "KPU Kabupaten Mempawah", "Kalimantan Barat"),
    ok("KPU Kabupaten Toba Samosir", "KPU Kabupaten Toba", "Sumatera Utara"),
    ok("KPU Kabupaten Mamuju Utara", "KPU Kabupaten Pasangkayu", "Sulawesi Barat"),
    ok("KPU Kota Palangkaraya", "KPU Kota Palangka Raya", "Kalimantan Tengah"),
    ok("KPU Kabupaten Banjar", "KPU Kabupaten Banjar", "Kalimantan Selatan"),
    ok("KPU Banjar", "KPU Kabupaten Banjar", "Kalimantan Selatan", hint="Kalsel"),
    ok("KPU Banjar", "KPU Kota Banjar", "Jawa Barat", hint="Provinsi Jawa Barat"),
    ok("KPU Kabupaten Bandung, Provinsi Jawa Barat", "KPU Kabupaten Bandung", "Jawa Barat"),
    ok("KPU Kabupaten Bandung", "KPU Kabupaten Bandung", "Jawa Barat", "unit_province_mismatch", hint="Bali"),
    ok("KPU Kabupaten Bandung", "KPU Kabupaten Bandung", "Jawa Barat", "unit_kind_conflict", kind="kota"),
    ok("KPU Kabupatcn Sleman", "KPU Kabupaten Sleman", "DI Yogyakarta"),
    # OCR damage: fuzzy, with a warning
    ok("KPU Kabupaten Lampung Utra", "KPU Kabupaten Lampung Utara", "Lampung", "unit_fuzzy_match", exact=False),
    ok("KPU Kota Bandar Lampunq", "KPU Kota Bandar Lampung", "Lampung", "unit_fuzzy_match", exact=False),
    ok("KPU Kabupaten Bandunq", "KPU Kabupaten Bandung", "Jawa Barat", "unit_fuzzy_match", exact=False),
    ok("KPU Provinsi Sulawesi Tenggra", "KPU Provinsi Sulawesi Tenggara", "Sulawesi Tenggara", "unit_fuzzy_match",
       exact=False),
]


@pytest.mark.parametrize("text, kind, hint, unit_name, province, warning_codes, exact", RESOLVED)
def test_resolves(text, kind, hint, unit_name, province, warning_codes, exact):
    res = resolve_unit(text, kind=kind, province_hint=hint)
    assert res.unit is not None, res.warnings
    assert res.unit.unit_name == unit_name
    assert res.unit.province == province
    assert res.ambiguous == []
    assert codes(res.warnings) == warning_codes
    if exact:
        assert res.score == 100
    else:
        assert FUZZY_THRESHOLD <= res.score < 100


def test_fuzzy_warning_names_both_sides():
    res = resolve_unit("KPU Kabupaten Lampung Utra")
    (warning,) = res.warnings
    assert str(warning).startswith("unit_fuzzy_match: 'KPU Kabupaten Lampung Utra' matched 'KPU Kabupaten Lampung Utara'")
    assert "(score 96)" in warning.message


@pytest.mark.parametrize("name", SAME_NAME)
def test_same_name_needs_the_kind(name):
    res = resolve_unit(f"KPU {name}")
    assert res.unit is None
    assert sorted(u.kind for u in res.ambiguous) == ["kabupaten", "kota"]
    assert all(u.name == name for u in res.ambiguous)
    assert codes(res.warnings) == ["unit_ambiguous"]
    assert resolve_unit(f"KPU Kabupaten {name}").unit.unit_name == f"KPU Kabupaten {name}"
    assert resolve_unit(f"KPU Kota {name}").unit.unit_name == f"KPU Kota {name}"
    assert resolve_unit(name, kind="kota").unit.kind == "kota"


@pytest.mark.parametrize("text, kind, expected", [
    ("KPU Gorontalo", None, ["KPU Provinsi Gorontalo", "KPU Kabupaten Gorontalo", "KPU Kota Gorontalo"]),
    ("KPU Yogyakarta", None, ["KPU Provinsi DI Yogyakarta", "KPU Kota Yogyakarta"]),
    ("KPU Bandung", None, ["KPU Kabupaten Bandung", "KPU Kota Bandung"]),
    ("KPU Tasik", None, ["KPU Kabupaten Tasikmalaya", "KPU Kota Tasikmalaya"]),
    ("KPU Pontianak", None, ["KPU Kabupaten Mempawah", "KPU Kota Pontianak"]),
    ("KPU Jambi", None, ["KPU Provinsi Jambi", "KPU Kota Jambi"]),
    ("KPU Kabupaten Sumbwa Barat", None, ["KPU Kabupaten Sumbawa Barat", "KPU Kabupaten Sumba Barat"]),
])
def test_ambiguous(text, kind, expected):
    res = resolve_unit(text, kind=kind)
    assert res.unit is None
    assert sorted(u.unit_name for u in res.ambiguous) == sorted(expected)
    assert codes(res.warnings) == ["unit_ambiguous"]


@pytest.mark.parametrize("text, kind", [
    ("KPU Kabupaten Atlantis", None),
    ("KPU Atlantis", None),
    ("KPU Kabupaten Bim", None),  # too short to guess from
    ("KPU Kota Badung", None),  # Badung is a kabupaten; not fuzzily Kota Bandung
    ("KPU Kota Lampung Utara", None),
    ("Lampung Utara", "kota"),
    ("KPU Kabupaten", None),
    ("", None),
])
def test_unresolved(text, kind):
    res = resolve_unit(text, kind=kind)
    assert res.unit is None
    assert res.score == 0
    assert res.ambiguous == []
    assert codes(res.warnings) == ["unit_unresolved"]


def test_unknown_kind_is_an_error():
    with pytest.raises(ValueError):
        resolve_unit("Bekasi", kind="kecamatan")


def test_unresolvable_province_hint_is_ignored_with_a_warning():
    res = resolve_unit("KPU Kabupaten Sleman", province_hint="Atlantis")
    assert res.unit.unit_name == "KPU Kabupaten Sleman"
    assert codes(res.warnings) == ["unit_province_unresolved"]


@pytest.mark.parametrize("place, kind, province", [
    ("Sleman", "kabupaten", "DI Yogyakarta"),
    ("Surabaya", "kota", "Jawa Timur"),
    ("Merauke", "kabupaten", "Papua Selatan"),
    ("Banjar", "kota", "Jawa Barat"),
    ("Banjar", "kabupaten", "Kalimantan Selatan"),
    ("Jabar", "provinsi", "Jawa Barat"),
    ("Nanggroe Aceh Darussalam", "provinsi", "Aceh"),
    ("Lampung Utara", "kota", None),
    ("Atlantis", "kabupaten", None),
])
def test_province_of(place, kind, province):
    assert province_of(place, kind) == province


def test_every_unit_resolves_from_its_own_names():
    """Round trip over the whole table: no alias or name is shadowed by another unit of its kind."""
    for unit in UNITS:
        assert resolve_unit(unit.unit_name).unit == unit, unit.unit_name
        if unit.kind == "pusat":
            continue
        res = resolve_unit(unit.name, kind=unit.kind)
        assert res.unit == unit and res.score == 100, (unit.unit_name, res.warnings)
        for alias in unit.aliases:
            res = resolve_unit(alias, kind=unit.kind)
            assert res.unit == unit and res.score == 100, (unit.unit_name, alias, res.warnings)
