"""Tests of the normalizer (`extract.numbers`): table-driven cases from a real
LKj report and the formats Indonesian offices type, plus round-trip properties."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lkj.extract.numbers import (
    KINDS,
    WARNING_CONFIDENCE,
    ParsedValue,
    detect_convention,
    parse_money,
    parse_percent,
    parse_value,
)


def case(raw, value, unit, kind, *codes, role=None, convention=None, grade=None, secondary=None):
    """One row: what `parse_value(raw, role, convention)` must return; `codes`
    are the exact warning codes expected (none means no warning)."""
    args = {"role": role, "convention": convention}
    return pytest.param(
        raw, args, value, unit, kind, sorted(codes), grade, secondary,
        id=f"{raw!r}-{role}-{convention}",
    )


def codes_of(parsed: ParsedValue) -> list[str]:
    return sorted(w.code for w in parsed.warnings)


REAL_REPORT = [
    case("77.452.486.000", 77452486000, None, "number"),
    case("77.452.486.000", 77452486000, "rupiah", "money", role="money"),
    case("3.174.505.000", 3174505000, None, "number"),
    case("3.171.335.436", 3171335436, "rupiah", "money", role="money"),
    case("74.277.981.000", 74277981000, None, "number"),
    case("99.90%", 99.9, "%", "percent"),
    case("99,82%", 99.82, "%", "percent"),
    case("99,83%", 99.83, "%", "percent"),
    case("2,999,452,000", 2999452000, None, "number"),
    case("2,999,452,000", 2999452000, "rupiah", "money", role="money", convention="id"),
    case("73,463,786,000", 73463786000, None, "number"),
    case("989,247,166", 989247166, None, "number"),
    case("(99.91%)", 99.91, "%", "percent"),
    case("(100.00%)", 100.0, "%", "percent"),
    case("0.00%", 0.0, "%", "percent"),
    case("77,319,385,462 (99.83%)", 77319385462, None, "number", secondary=99.83),
    case("77,319,385,462 (99.83%)", 77319385462, "rupiah", "money", role="money", secondary=99.83),
    case("87,5%", 87.5, "%", "percent"),
    case("87.5%", 87.5, "%", "percent"),
    case("90 %", 90.0, "%", "percent"),
    case("100 %", 100.0, "%", "percent"),
    case("2 Lap", 2, "laporan", "count"),
    case("5 Lap", 5, "laporan", "count"),
    case("12 Kali", 12, "kali", "count"),
    case("25 Kali", 25, "kali", "count"),
    case("250 %", 250.0, "%", "percent"),
    case("1 Satker", 1, "satker", "count"),
    case("2 Orang", 2, "orang", "count"),
    case("0 orang", 0, "orang", "count"),
    case("0 %", 0.0, "%", "percent"),
    case("B", None, "grade", "grade", grade="B"),
    case("BB", None, "grade", "grade", grade="BB"),
    case("88%", 88.0, "%", "percent"),
    case("Rp. 77.452.486.000,-", 77452486000, "rupiah", "money"),
    case("Rp. 77.319.385.462,-", 77319385462, "rupiah", "money"),
    case("99,83 %", 99.83, "%", "percent"),
    case("70.65 (BB)", 70.65, None, "number", grade="BB"),
    case("2 laporan 5 Lap", 2, "laporan", "count", "multiple_values"),
]

INDONESIAN_AND_ENGLISH = [
    case("1.234,56", 1234.56, None, "number"),
    case("1,234.56", 1234.56, None, "number"),
    case("70.65", 70.65, None, "number"),
    case("12,00", 12.0, None, "number"),
    case("2024", 2024, None, "number"),
    case("1.5", 1.5, None, "number"),
    case("1,25", 1.25, None, "number"),
    case("0,500", 0.5, None, "number"),
    case("1234.567", 1234.567, None, "number"),
    case("87,5", 87.5, "%", "percent", role="percent"),
    case("87.5", 87.5, "%", "percent", role="percent"),
    case("2.500", 2500, "rupiah", "money", role="money"),
]

MONEY = [
    case("Rp 3.174.505.000,00", 3174505000, "rupiah", "money"),
    case("Rp3,17 M", 3170000000, "rupiah", "money"),
    case("3,2 miliar", 3200000000, "rupiah", "money"),
    case("1,5 juta", 1500000, "rupiah", "money"),
    case("750 ribu", 750000, "rupiah", "money"),
    case("2 triliun", 2000000000000, "rupiah", "money"),
    case("Rp 1,2 Milyar", 1200000000, "rupiah", "money"),
    case("Rp 2,5 milyar", 2500000000, "rupiah", "money"),
    case("5 jt", 5000000, "rupiah", "money"),
    case("250 rb", 250000, "rupiah", "money"),
    case("Rp 2 T", 2000000000000, "rupiah", "money"),
    case("3,5 M", 3500000000, "rupiah", "money", role="money"),
    case("IDR 5.000", 5000, "rupiah", "money"),
    case("5.000 rupiah", 5000, "rupiah", "money"),
    case("Rp.1.500.000", 1500000, "rupiah", "money"),
    case("1.000,-", 1000, "rupiah", "money"),
    case("Rp. 0,-", 0, "rupiah", "money"),
    case("5.000 Rp", 5000, "rupiah", "money"),
    case("Rp 1.234,56", 1235, "rupiah", "money", "money_fraction"),
    case("5 M", 5, "m", "count", "unknown_unit"),
    case("Rp 3.175 M", 3175000000000, "rupiah", "money", "ambiguous_separator"),
    case("Rp 3.175 M", 3175000000, "rupiah", "money", "ambiguous_separator", convention="en"),
    case("1,5 juta orang", 1500000, "orang", "count"),
]

COUNTS = [
    case("2 laporan", 2, "laporan", "count"),
    case("5 Dokumen", 5, "dokumen", "count"),
    case("10 Kegiatan", 10, "kegiatan", "count"),
    case("3 Dok", 3, "dokumen", "count"),
    case("3 Dok.", 3, "dokumen", "count"),
    case("4 Bulan", 4, "bulan", "count"),
    case("25 hari", 25, "hari", "count"),
    case("1 Aplikasi", 1, "aplikasi", "count"),
    case("2 Keg", 2, "kegiatan", "count"),
    case("1 unit", 1, "unit", "count"),
    case("12x", 12, "kali", "count"),
    case("2Lap", 2, "laporan", "count"),
    case("1 Satuan Kerja", 1, "satker", "count"),
    case("2 (dua) Laporan", 2, "laporan", "count"),
    case("100 Persen", 100.0, "%", "percent"),
    case("3 Gedung", 3, "gedung", "count", "unknown_unit"),
    case("5 Dokumen Perencanaan", 5, "dokumen", "count", "extra_text"),
    case("1.500 orang", 1500, "orang", "count"),
    case("2,500", 2500, None, "count", role="count"),
    case("4", 4, None, "count", role="count"),
    case("2 Lap (100%)", 2, "laporan", "count", secondary=100.0),
]

GRADES = [
    case("AA", None, "grade", "grade", grade="AA"),
    case("A", None, "grade", "grade", grade="A"),
    case("CC", None, "grade", "grade", grade="CC"),
    case("C", None, "grade", "grade", grade="C"),
    case("D", None, "grade", "grade", grade="D"),
    case("(BB)", None, "grade", "grade", grade="BB"),
    case("70,65 BB", 70.65, None, "number", grade="BB"),
    case("a", None, None, "text"),
    case("Nilai A", None, None, "text"),
]

TEXT_AND_EMPTY = [
    case("Baik", None, None, "text"),
    case("Tercapai", None, None, "text"),
    case("Sesuai jadwal", None, None, "text"),
    case("Lolos", None, None, "text"),
    case("Tahun 2024", None, None, "text", "text_with_number"),
    case("", None, None, "empty"),
    case("   ", None, None, "empty"),
    case("-", None, None, "empty"),
    case("–", None, None, "empty"),
    case("—", None, None, "empty"),
    case("N/A", None, None, "empty"),
    case("n.a.", None, None, "empty"),
    case("Tidak ada", None, None, "empty"),
    case("nihil", None, None, "empty"),
    case("NIHIL", None, None, "empty"),
    case("Rp -", None, None, "empty"),
    case("Rp -,-", None, None, "empty"),
]

AMBIGUITY = [
    case("1.395", 1395, None, "number", "ambiguous_separator"),
    case("2,500", 2.5, None, "number", "ambiguous_separator"),
    case("1.395", 1.395, None, "number", "ambiguous_separator", convention="en"),
    case("1.395", 1395, None, "number", "ambiguous_separator", convention="id"),
    case("2,500", 2500, None, "number", "ambiguous_separator", convention="en"),
    case("1.395", 1.395, "%", "percent", "ambiguous_separator", role="percent"),
    case("1,395%", 1.395, "%", "percent", "ambiguous_separator"),
    case("1.395%", 1395.0, "%", "percent", "ambiguous_separator", convention="id"),
    case("2,500", 2500, "rupiah", "money", role="money"),
    case("2.500", 2500, "rupiah", "money", role="money", convention="en"),
    case("Rp 2,500", 2500, "rupiah", "money"),
]

OCR_AND_SPACES = [
    case("l00", 100, None, "number", "ocr_digit_repair"),
    case("1OO%", 100.0, "%", "percent", "ocr_digit_repair"),
    case("2O24", 2024, None, "number", "ocr_digit_repair"),
    case("1I Kali", 11, "kali", "count", "ocr_digit_repair"),
    case("Rp 1.OOO.OOO", 1000000, "rupiah", "money", "ocr_digit_repair"),
    case("77. 452.486.000", 77452486000, None, "number", "space_in_number"),
    case("2 999 452 000", 2999452000, None, "number", "space_in_number"),
    case("Rp 1 500 000", 1500000, "rupiah", "money", "space_in_number"),
    case("10096", 10096.0, "%", "percent", "percent_maybe_ocr", role="percent"),
    case("8796", 8796.0, "%", "percent", "percent_maybe_ocr", role="percent"),
    case("10096", 10096, None, "number"),
    case("196", 196.0, "%", "percent", role="percent"),
    case("1.23.456", 123456, None, "number", "malformed_number"),
    case("1.234.56", 1234.56, None, "number", "malformed_number"),
]

SIGNS = [
    case("-5", -5, None, "number"),
    case("\u22125", -5, None, "number"),
    case("- 5", -5, None, "number", "detached_minus"),
    case("(1.000.000)", -1000000, "rupiah", "money", role="money"),
    case("(1.000.000)", -1000000, None, "number", "paren_negative"),
    case("(Rp 1.000.000)", -1000000, "rupiah", "money"),
    case("Rp -5.000", -5000, "rupiah", "money"),
    case("-2,5%", -2.5, "%", "percent"),
    case("(99.91%)", 99.91, "%", "percent", "role_mismatch", role="money"),
]

UNICODE = [
    case("99,83\u00a0%", 99.83, "%", "percent"),
    case("87,5\u202f%", 87.5, "%", "percent"),
    case("\uff18\uff17,\uff15\uff05", 87.5, "%", "percent"),
    case("100\uff05", 100.0, "%", "percent"),
    case("12\u00a0Kali", 12, "kali", "count"),
    case("2\u2009999\u2009452\u2009000", 2999452000, None, "number", "space_in_number"),
    case("\u200b77.452.486.000\u200b", 77452486000, None, "number"),
    case("Rp.\u00a077.452.486.000,\u2014", 77452486000, "rupiah", "money"),
]

OTHER = [
    case("≥ 80%", 80.0, "%", "percent", "qualifier"),
    case("Min. 80%", 80.0, "%", "percent", "qualifier"),
    case("100%*", 100.0, "%", "percent", "extra_text"),
    case("2 Lap", 2, "laporan", "count", "role_mismatch", role="percent"),
    case("87,5%", 87.5, "%", "percent", "role_mismatch", role="money"),
    case("80 - 90%", None, "%", "range", "range_value"),  # issue 14: a range is not one number (rule 13)
    case("77,5 –", None, None, "range", "range_open"),  # a range's other end wrapped away or cut off: no value
    case("80 s.d.", None, None, "range", "range_open"),
    case("1/2", 1, None, "number", "multiple_values"),
]


@pytest.mark.parametrize(
    "raw, args, value, unit, kind, codes, grade, secondary",
    REAL_REPORT + INDONESIAN_AND_ENGLISH + MONEY + COUNTS + GRADES + TEXT_AND_EMPTY
    + AMBIGUITY + OCR_AND_SPACES + SIGNS + UNICODE + OTHER,
)
def test_parse_value(raw, args, value, unit, kind, codes, grade, secondary):
    parsed = parse_value(raw, **args)
    assert parsed.raw == raw
    assert (parsed.value, parsed.unit, parsed.kind) == (value, unit, kind)
    assert type(parsed.value) is type(value)
    assert codes_of(parsed) == codes
    assert (parsed.grade, parsed.secondary) == (grade, secondary)
    expected_confidence = min((WARNING_CONFIDENCE[c] for c in codes), default=1.0)
    if "ambiguous_separator" in codes:
        expected_confidence = 0.7 if args["convention"] else 0.5
    assert parsed.confidence == pytest.approx(expected_confidence)


def test_warning_messages_name_the_decision():
    assert tuple(map(str, parse_value("1.395", convention="id").warnings)) == (
        "ambiguous_separator: '1.395' read as 1395 (thousands) from convention id",
    )
    assert tuple(map(str, parse_value("l00").warnings)) == ("ocr_digit_repair: 'l00' read as 100",)
    assert tuple(map(str, parse_value("2,500").warnings)) == (
        "ambiguous_separator: '2,500' read as 2.5 (decimal) from default convention id (no document convention)",
    )
    assert tuple(map(str, parse_percent("10096").warnings)) == (
        "percent_maybe_ocr: trailing 96 of '10096' may be a misread %",
    )


def test_two_values_are_never_merged():
    parsed = parse_value("2 laporan 5 Lap")
    assert parsed.value == 2 and parsed.value != 25
    assert tuple(map(str, parsed.warnings)) == ("multiple_values: 2 values in one cell; kept the first",)
    assert parsed.confidence == 0.3


def test_parsed_value_is_frozen():
    parsed = parse_value("87,5%")
    with pytest.raises(AttributeError):
        parsed.value = 1  # type: ignore[misc]


def test_wrappers_set_the_role():
    assert parse_money("2.500", convention="en") == parse_value("2.500", "money", "en")
    assert parse_money("2.500").value == 2500
    assert parse_percent("87,5").kind == "percent"
    assert parse_percent("87,5").value == 87.5


@pytest.mark.parametrize("bad", [{"role": "amount"}, {"convention": "fr"}])
def test_bad_arguments_raise(bad):
    with pytest.raises(ValueError):
        parse_value("1", **bad)


@pytest.mark.parametrize(
    "raws, expected",
    [
        (["77.452.486.000", "87,5%"], "id"),
        (["2,999,452,000", "99.90%"], "en"),
        (["Rp 1.234,56"], "id"),
        (["1,234.56"], "en"),
        (["70.65"], "en"),
        (["0,5"], "id"),
        (["77.452.486.000", "3.174.505.000", "99,83%", "2,999,452,000", "99.90%"], "id"),
        (["2,999,452,000", "73,463,786,000", "989,247,166", "(99.91%)", "87,5%"], "en"),
        (["1.395", "2,500", "Baik", "", "2024"], None),
        (["1.234.567", "1,234,567"], None),
        (["08.00"], None),
        ([], None),
    ],
)
def test_detect_convention(raws, expected):
    assert detect_convention(raws) == expected


def test_detect_convention_accepts_any_iterable():
    assert detect_convention(r for r in ["77.452.486.000"]) == "id"


# ------------------------------------------------------------------ properties


def fmt(number: Decimal, places: int, convention: str, grouped: bool) -> str:
    """Print `number` the way an office in `convention` would."""
    text = f"{number:{',' if grouped else ''}.{places}f}"
    return text.translate(str.maketrans(",.", ".,")) if convention == "id" else text


conventions = st.sampled_from(["id", "en"])
PROPERTY = settings(max_examples=150, deadline=None)


@PROPERTY
@given(
    st.integers(0, 10**13), conventions, st.booleans(),
    st.sampled_from(["{}", "-{}", "{}%", "{} %", "-{}%", "Rp {}", "Rp. {}", "Rp{}", "IDR {}"]),
)
def test_integers_round_trip(n, convention, grouped, template):
    raw = template.format(fmt(Decimal(n), 0, convention, grouped))
    parsed = parse_value(raw, convention=convention)
    expected = -n if raw.startswith("-") else n
    assert parsed.value == expected
    assert parsed.kind == ("percent" if "%" in raw else "money" if raw[0] in "RI" else "number")
    assert type(parsed.value) is (float if "%" in raw else int)


@PROPERTY
@given(
    st.integers(0, 10**15), st.sampled_from([1, 2]), conventions, st.booleans(),
    st.sampled_from(["{}", "{}%", "{} %", "({}%)"]),
)
def test_decimals_round_trip(units, places, convention, grouped, template):
    number = Decimal(units).scaleb(-places)
    raw = template.format(fmt(number, places, convention, grouped))
    parsed = parse_value(raw, convention=convention)
    assert parsed.value == float(number)
    assert tuple(map(str, parsed.warnings)) == ()


@PROPERTY
@given(st.integers(0, 10**13), conventions, st.booleans())
def test_money_cells_round_trip(n, convention, grouped):
    raw = f"Rp. {fmt(Decimal(n), 0, convention, grouped)},-"
    assert parse_money(raw, convention=convention).value == n
    assert parse_money(fmt(Decimal(n), 0, convention, grouped), convention=convention).value == n


SCALES = [("ribu", 3), ("rb", 3), ("juta", 6), ("jt", 6), ("Jt.", 6), ("miliar", 9),
          ("milyar", 9), ("Milyar", 9), ("triliun", 12), ("M", 9), ("T", 12)]


@PROPERTY
@given(
    st.integers(1, 999_999), st.sampled_from([0, 1, 2]), conventions, st.booleans(),
    st.sampled_from(SCALES), st.sampled_from(["", "Rp ", "Rp. ", "Rp"]),
)
def test_money_words_scale(units, places, convention, grouped, scale, prefix):
    word, power = scale
    prefix = prefix or ("Rp " if word in ("M", "T") else "")
    number = Decimal(units).scaleb(-places)
    raw = f"{prefix}{fmt(number, places, convention, grouped)} {word}"
    parsed = parse_value(raw, convention=convention)
    assert (parsed.value, parsed.unit, parsed.kind) == (int(number * 10**power), "rupiah", "money")
    assert type(parsed.value) is int


@PROPERTY
@given(st.integers(10**6, 10**13), conventions)
def test_grouped_numbers_reveal_their_convention(n, convention):
    assert detect_convention([fmt(Decimal(n), 0, convention, True)]) == convention


@PROPERTY
@given(st.text(max_size=40), st.sampled_from([None, "percent", "money", "count"]),
       st.sampled_from([None, "id", "en"]))
def test_any_cell_parses_without_error(raw, role, convention):
    parsed = parse_value(raw, role, convention)
    assert parsed.kind in KINDS
    assert 0.0 <= parsed.confidence <= 1.0
    assert (parsed.value is None) == (parsed.kind in ("empty", "text", "grade", "range"))  # a range keeps both ends, no value
    assert all(w.code in WARNING_CONFIDENCE for w in parsed.warnings)
