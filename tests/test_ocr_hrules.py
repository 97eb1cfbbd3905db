"""The cell grid of a table ruled by horizontal lines only (``extract/ocr_hrules.py``), on drawn page images.

Geometry alone, no Tesseract: rows come from the rules, columns from the gutters; a group row
across the gutters is one merged cell; a body of several rows between two rules (rules only
above and below it) gets no grid and is left to the borderless reader.
"""
from __future__ import annotations

import cv2
import numpy as np

from lkj.extract.ocr_hrules import hrule_grids
from lkj.extract.ocr_image import normalize_background
from lkj.extract.ocr_rulings import find_grids, find_rulings

DPI = 300
LEFT, RIGHT = 200, 2200
COLUMNS = (220, 420, 1400, 1700, 2000)  # x where each column's text starts


def _page(rows: list[tuple[int, list[str]]], rules: list[int]) -> np.ndarray:
    """A white page with full-width rules at ``rules`` and each row's texts at (y, one per column)."""
    image = np.full((1400, 2400), 255, np.uint8)
    for y in rules:
        cv2.line(image, (LEFT, y), (RIGHT, y), 0, 4)
    for y, texts in rows:
        for x, text in zip(COLUMNS, texts):
            if text:
                cv2.putText(image, text, (x, y), cv2.FONT_HERSHEY_SIMPLEX, 1.4, 0, 3)
    return image


def _grids(image: np.ndarray):
    normalized = normalize_background(image, DPI)
    rulings = find_rulings(image, DPI, normalized)
    grids = find_grids(rulings, image.shape, DPI)
    assert grids == []  # no column rules: not a ruled table
    return hrule_grids(rulings, normalized, DPI, grids)


def test_rows_from_the_rules_and_columns_from_the_gutters():
    header = (165, ["No", "Indikator", "Target", "Realisasi", "Capaian"])
    group = (225, ["1.Sasaran:Meningkatnya_kualitas_layanan_informasi_publik_dan_data_yang_akurat"])
    body = [(285, ["1.1", "Persentase", "80", "85", "106%"]), (345, ["1.2", "Jumlah", "12", "12", "100%"]),
            (405, ["1.3", "Indeks", "3,50", "3,62", "103%"])]
    grids = _grids(_page([header, group, *body], [120, 180, 240, 300, 360, 420]))
    assert len(grids) == 1
    grid = grids[0]
    assert len(grid.ys) == 6 and len(grid.xs) == 6  # five rows, five columns
    inner = grid.xs[1:-1]
    assert all(a < x < b for x, a, b in zip(inner, (300, 1000, 1550, 1850), (420, 1400, 1700, 2000))), inner
    assert len(set(grid.labels[1, :4].tolist())) == 1  # the group row is one cell across the columns it runs over
    assert len(set(grid.labels[2].tolist())) == 5


def test_several_rows_between_two_rules_get_no_grid():
    header = (165, ["No", "Indikator", "Target", "Realisasi", "Capaian"])
    body = [(y, [f"{k}", "Persentase", "80", "85", "106%"]) for k, y in enumerate(range(225, 500, 60), start=1)]
    assert _grids(_page([header, *body], [120, 180, 480])) == []
