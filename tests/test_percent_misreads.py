"""The readings of a figure whose ``%`` OCR may have misread, and when a row proves one.

The scans these rules were made for are in ``tests/test_fresh_scans.py``; here each rule's
edge: what is a suspect ending, and that nothing is repaired without the row's evidence."""
from __future__ import annotations

from lkj.extract.percent_misreads import digit_readings, glyph_as_percent, percent_decimals, repaired_row


def test_suspect_endings():
    assert digit_readings("90,006") == ["90,00%"]
    assert digit_readings("10025") == ["100%", "1002%"]
    assert digit_readings("100 6") == ["100%"]
    assert digit_readings("5") == []  # a figure keeps a digit
    assert digit_readings("4 Lap") == []
    assert glyph_as_percent("100,00”") == "100,00%"
    assert glyph_as_percent("100°%") == "100%"
    assert glyph_as_percent("133,33 £") == "133,33%"
    assert glyph_as_percent("100") is None
    assert (percent_decimals("90,00%"), percent_decimals("100 %"), percent_decimals("90,006")) == (2, 0, None)


def _agrees(reading):
    """Achievement = realization / target x 100 within one point, as the normalizer checks."""
    numbers = [float(r.rstrip("%").replace(",", ".")) for r in reading]
    return abs(numbers[1] / numbers[0] * 100 - numbers[2]) <= 1.0


def test_the_one_reading_that_agrees_is_taken():
    assert repaired_row(("80%", "76", "95%"), _agrees) is None  # agrees as read: "76" stays
    assert repaired_row(("80%", "725", "90%"), _agrees) == ("80%", "72%", "90%")
    assert repaired_row(("80%", "10", "50%"), _agrees) is None  # no reading agrees: kept as read


def test_the_tables_shape_decides_within_the_rounding():
    row = ("90,006", "90,00%", "100,00%")
    assert repaired_row(row, _agrees) is None  # 90.006 agrees too: no shape, no repair
    assert repaired_row(row, _agrees, 2) == ("90,00%", "90,00%", "100,00%")
    assert repaired_row(("95", "95%", "100%"), _agrees, 0) is None  # "9%" would not agree
