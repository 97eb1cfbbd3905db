"""A ``%`` sign that OCR misread after a figure, put back only when the row proves it.

On a scanned table the ``%`` printed right after a figure is the glyph Tesseract loses
most often (a 150 dpi JPEG blurs its two small rings): the unseen sample scans gave
``90,006``, ``100,007``, ``10025``, ``100 6``, ``100”``, ``100°%`` and ``133,33 £`` for
``90,00%``, ``100,00%``, ``100%``, ``100 %``, ``100 %``, ``100%`` and ``133,33 %``. Read
as printed, ``90,006`` is the number 90.006: a plausible value, silently wrong.

Which reading is right cannot be told from the cell alone (``1005`` may be printed). The
row tells it: an indicator's achievement is its realization over its target (or the
inverse form for lower-is-better indicators). So every reading of the row's three cells
is tried, the cells as read and each with its suspect ending taken for ``%``, and a
repair is made only when the cells as read do not agree and exactly one reading with the
fewest repairs does. Within the rounding the check allows, ``90,006`` agrees as well as
``90,00%``; there the table decides: when most of its percentages print the same number
of decimals (``90,00%``: two) and only the repaired reading has that shape, the repair is
made if the row then agrees. A quote mark or degree sign after a figure (``100”``) changes no
value: it is taken for ``%`` when another figure of the row is a percentage. Everything
else stays as read; the caller records each repair as a warning with the text OCR read.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from itertools import product

#: What Tesseract read for a ``%`` glued to a figure: digits, alone or after a space.
_DIGIT_ENDINGS = ("96", "25", "5", "6", "7", "9")
#: Glyphs with no meaning after a figure in a measurement table, read where ``%`` was printed.
_GLYPH_ENDINGS = re.compile(r"(?<=\d)(?P<end>\s?[”“\"'‘’°º£©¢]+%?)$")


def glyph_as_percent(raw: str) -> str | None:
    """``raw`` with a quote mark or degree sign after its figure read as ``%``; None when it has none."""
    text = raw.strip()
    match = _GLYPH_ENDINGS.search(text)
    return text[:match.start("end")] + "%" if match else None


def digit_readings(raw: str) -> list[str]:
    """``raw`` with the digits at its end that may be a misread ``%`` read as ``%``, each way
    they can be (``725``: ``72%`` or ``7%``); none when it ends otherwise. A figure keeps at
    least one digit (``5`` alone is no ``%``)."""
    text = raw.strip()
    readings = []
    for ending in _DIGIT_ENDINGS:
        figure = text[:-len(ending)].rstrip()
        if text.endswith(ending) and figure[-1:].isdigit():
            readings.append(figure + "%")
    return readings


#: A figure printed as a percentage, and its decimals.
_PERCENTAGE = re.compile(r"\d+(?:[.,](?P<decimals>\d+))?\s?%")


def percent_decimals(raw: str) -> int | None:
    """How many decimals a figure printed as a percentage shows (``90,00%``: 2, ``100 %``: 0);
    None when ``raw`` is not one."""
    match = _PERCENTAGE.fullmatch(raw.strip())
    return len(match["decimals"] or "") if match else None


def _has_the_shape(raw: str, alt: str, decimals: int | None) -> bool:
    """Does the repaired reading ``alt``, and not ``raw``, look like the table's percentages?

    Decimals decide when the table prints some (``90,006`` against ``90,00%``); a table of whole
    percentages decides only for a digit printed apart (``93 9``), which no figure is."""
    if decimals is None or percent_decimals(raw) is not None or percent_decimals(alt) != decimals:
        return False
    return decimals > 0 or bool(re.search(r"\d\s\d+$", raw.strip()))


def repaired_row(raws: tuple[str, str, str], agrees: Callable[[tuple[str, str, str]], bool | None],
                 table_decimals: int | None = None) -> tuple[str, str, str] | None:
    """The reading of (target, realization, achievement) with misread ``%`` put back that
    ``agrees`` (achievement follows from target and realization), or None to keep the row as read.

    When the row as read disagrees: the one reading with fewest repairs that agrees (None when
    two tie). When it agrees or cannot be checked: every cell whose repair, and not its reading,
    has the shape of the table's percentages (``table_decimals``: their decimals, None where
    they have no common shape), if the row then agrees."""
    if agrees(raws) is not False:
        shaped = tuple(next((alt for alt in digit_readings(raw) if _has_the_shape(raw, alt, table_decimals)), raw)
                       for raw in raws)
        return shaped if shaped != raws and agrees(shaped) else None  # type: ignore[return-value]
    options = [[raw, *digit_readings(raw)] for raw in raws]
    fits: dict[int, list[tuple[str, str, str]]] = {}
    for reading in product(*options):
        changes = sum(a != b for a, b in zip(reading, raws, strict=True))
        if changes and agrees(reading):
            fits.setdefault(changes, []).append(reading)
    if not fits:
        return None
    fewest = fits[min(fits)]
    return fewest[0] if len(fewest) == 1 else None
