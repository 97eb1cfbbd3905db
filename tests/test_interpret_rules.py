"""Interpretation rules for real LKj table shapes, on small hand-built tables.

Each test builds the cells a table reader returns (``None`` where a merged cell
covers the position, ``''`` for an empty cell of its own) and checks one rule of
column roles, captions, main-table choice or indicator rows.
"""
from __future__ import annotations

from lkj.extract.grid import count_header_rows
from lkj.extract.headers import column_role, looks_like_header
from lkj.extract.layout import caption, logical_tables, title_kind
from lkj.extract.measurement import capaian_in_brackets, indicator_rows, split_stacked
from lkj.extract.raw_table import RawTable
from lkj.pipeline.interpret import choose_main

YEAR = 2016


def raw(rows: list[list[str | None]], page: int = 1, title: str = "", top: float = 100.0, bottom: float = 500.0,
        flavor: str = "pdfplumber-lines", open_bottom: bool = False) -> RawTable:
    """A table part whose columns are 100 points wide; a merged (``None``) cell has no span."""
    spans = [[(100.0 * i, 100.0 * (i + 1)) if cell is not None else None for i, cell in enumerate(row)] for row in rows]
    return RawTable(page=page, index=0, flavor=flavor, bbox=(0.0, top, 100.0 * max(len(r) for r in rows), bottom),
                    page_height=842.0, rows=rows, spans=spans, title=title, open_bottom=open_bottom)


HEADER = ["No", "Sasaran", "Indikator Kinerja", "Target", "Realisasi", "Capaian"]


def rows_of(*parts: RawTable) -> list:
    (table,) = [t for t in logical_tables(list(parts)) if t.kind == "measurement"]
    return indicator_rows(table, YEAR)


# --- header rows and column roles -------------------------------------------------

def test_a_deep_column_numbering_row_ends_the_header():
    """A header cut into one word per ruled line still ends at its (1) (2) (3) row."""
    header = [["", "", "", "Target", None, None]] + [[None] * 6 for _ in range(7)]
    header[3] = ["No.", "Sasaran", "Indikator", "Target", "Realisasi", "% Realisasi"]
    numbering = ["1", "2", "3", "4", "5", "6"]
    table = raw(header + [numbering, ["1", "Goal", "Ind", "10", "9", "90"]])
    assert count_header_rows(table) == 9


def test_header_words_broken_without_hyphen_and_comparison_columns():
    assert column_role("TARGE T").role == "target"
    assert column_role("Capaian Thn Lalu").role == "reference"
    assert column_role("Target Akhir Renstra").role == "reference"
    assert column_role("Capaian Thn 2016 terhadap Target Akhir Renstra").role == "reference"
    assert column_role("Capaian Sasaran").role == "goal_achievement"
    assert column_role("TARGET RENSTRA TAHUN 2016").role == "target"  # the year's target, named after the plan


def test_year_cells_are_neutral_in_a_header_row():
    assert looks_like_header(["NO", "INDIKATOR KINERJA", "2014", "2015", "2016", "2017"])
    assert not looks_like_header(["2014", "2015"])


def test_percent_realisasi_is_the_capaian_beside_indicators_and_absorption_beside_money():
    measurement = logical_tables([raw([["Indikator", "Target", "Realisasi", "% Realisasi"], ["A", "10", "9", "90"]])])[0]
    budget = logical_tables([raw([["Program", "Anggaran", "Realisasi", "% Realisasi"], ["P", "10", "9", "90"]])])[0]
    assert measurement.roles[3].role == "achievement"
    assert budget.roles[3].role == "absorption"


def test_a_measurement_may_omit_the_target_but_not_both_results():
    no_target = logical_tables([raw([["Indikator Kinerja", "Satuan", "Realisasi 2016", "%"], ["A", "Ton", "9", "90"]])])[0]
    capaian_only = logical_tables([raw([["Indikator Kinerja", "Capaian"], ["A", "90"]])])[0]
    assert no_target.kind == "measurement"
    assert capaian_only.kind == "other"


# --- captions ---------------------------------------------------------------------

def test_caption_is_the_last_numbered_table_line_not_the_prose_above():
    above = "Hasil pengukuran kinerja adalah sebagai berikut :\nTabel 3.4.\nPengukuran Indikator Kinerja Tahun 2021"
    assert caption(above) == "Tabel 3.4. Pengukuran Indikator Kinerja Tahun 2021"
    assert caption("Capaian kinerja dibandingkan dengan target jangka menengah adalah sebagai berikut :") == ""


def test_title_kinds():
    assert title_kind("Tabel 3.4 Pengukuran Indikator Kinerja Tahun 2016", YEAR) == "measurement"
    assert title_kind("Tabel 3.19 Perbandingan Realisasi Kinerja Tahun 2016 dengan Target Jangka Menengah", YEAR) == "comparison"
    assert title_kind("Perbandingan Realisasi Kinerja Tahun 2016 pengukuran denganTarget Jangka Menengah", YEAR) == "comparison"
    assert title_kind("Tabel 5. Perbandingan Realisasi Kinerja 2016 dengan Tahun 2015", YEAR) == "comparison"
    assert title_kind("Tabel 3.2 Perbandingan Pengukuran Kinerja Tahun 2015dan 2016", YEAR) == "comparison"
    assert title_kind("Tabel 7. Pengukuran Pencapaian Kinerja Tahun 2016 Terhadap Capaian Nasional 2016", YEAR) == "comparison"
    assert title_kind("Tabel 2.1 Perjanjian Kinerja Tahun 2016", YEAR) == "plan"
    # measured against the year's own agreement, or reached "melalui" something: still the measurement
    assert title_kind("Tabel 5. Pengukuran Kinerja Terhadap Perjanjian Kinerja (PK) Tahun 2016", YEAR) == "measurement"
    assert title_kind("Tabel 3.1 Capaian Kinerja dengan target yang dicapai melalui program", YEAR) == "measurement"
    assert title_kind("Tabel 3.1 Pengukuran Kinerja Tahun 2016 sesuai dengan Renstra 2013-2018", YEAR) == "measurement"
    assert title_kind("Lampiran 1b Target dan Realisasi Jangka Menengah", YEAR) == "measurement"


# --- main table -------------------------------------------------------------------

def _measurement(title: str, n_rows: int, goals: bool, page: int) -> RawTable:
    if not goals:
        body = [[str(i + 1), f"Persentase layanan yang tepat waktu nomor {i}", "10", "9", "90%"] for i in range(n_rows)]
        return raw([["No", "Indikator Kinerja", "Target", "Realisasi", "Capaian"], *body], page=page, title=title)
    body = [[str(i + 1), f"Meningkatnya layanan publik {i // 2 + 1}", f"Persentase layanan yang tepat waktu nomor {i}",
             "10", "9", "90%"] for i in range(n_rows)]
    return raw([HEADER, *body], page=page, title=title)


def test_a_comparison_table_with_the_same_header_is_never_the_main_table():
    main = _measurement("Tabel 3.4\nCapaian Kinerja Tahun 2016", 4, True, page=10)
    decoy = _measurement("Tabel 3.19\nCapaian Kinerja Tahun 2016 dibandingkan dengan Target Jangka Menengah", 8, True, page=20)
    tables = logical_tables([main, decoy])
    assert choose_main(tables, YEAR).pages == [10]


def test_a_main_table_without_goals_is_found_but_a_per_goal_table_is_not():
    no_goals = _measurement("Tabel 3.1\nPengukuran Pencapaian Indikator Kinerja Utama Tahun 2016", 3, False, page=5)
    assert choose_main(logical_tables([no_goals]), YEAR) is not None
    per_goal = _measurement("Uraian capaian sasaran ini sebagai berikut.\nSasaran Strategis 2 : Meningkatnya layanan", 3, False, page=5)
    assert choose_main(logical_tables([per_goal]), YEAR) is None


def test_the_numbered_bab_iii_table_beats_an_untitled_copy():
    summary = _measurement("Capaian kinerja secara ringkas diuraikan sebagai berikut:", 6, True, page=2)
    bab_iii = _measurement("Tabel 3.1\nTarget dan Realisasi Tahun 2016", 6, True, page=26)
    assert choose_main(logical_tables([summary, bab_iii]), YEAR).pages == [26]


# --- rows -------------------------------------------------------------------------

def test_an_own_empty_goal_cell_is_no_goal_but_a_merged_one_carries_it():
    table = raw([
        HEADER,
        ["1", "Goal one", "A", "10", "9", "90"],
        [None, None, "B", "10", "9", "90"],  # covered by the merged goal cell above
        ["", "", "C", "10", "9", "90"],  # a goal cell of its own, printed empty
        [None, None, "D", "10", "9", "90"],
    ])
    assert [(r.indicator, r.goal) for r in rows_of(table)] == [("A", "Goal one"), ("B", "Goal one"), ("C", None), ("D", None)]


def test_an_empty_goal_cell_at_the_top_of_a_continued_page_carries_the_goal():
    first = raw([HEADER, ["1", "Meningkatnya layanan publik", "Persentase layanan tepat waktu", "10", "9", "90"]],
                page=1, top=500, bottom=800)
    second = raw([HEADER, ["", "", "Persentase keluhan yang ditangani", "10", "9", "90"]], page=2, top=60, bottom=200)
    assert [r.goal for r in rows_of(first, second)] == ["Meningkatnya layanan publik"] * 2


def test_a_row_cut_by_the_page_break_is_joined_with_its_tail():
    first = raw([HEADER, ["1", "Goal one", "A", "10", "9", "90"], ["", "Meningkatkan kualitas", "", "", "", ""]],
                page=1, top=500, bottom=800, open_bottom=True)
    second = raw([["", "sumber daya manusia", "Terlatihnya aparatur", "10", "12", "120"]], page=2, top=60, bottom=200)
    rows = rows_of(first, second)
    assert [(r.goal, r.indicator, r.values["realization"]) for r in rows][-1] == (
        "Meningkatkan kualitas sumber daya manusia", "Terlatihnya aparatur", "12")


def test_a_ruled_continuation_with_one_filled_cell_continues_the_table():
    first = raw([HEADER, ["1", "Goal one", "Jumlah laporan", "4", "4", "100%"]], page=1, top=500, bottom=800)
    second = raw([["", "", "berdasarkan SIMAK BMN", "", "", ""]], page=2, top=60, bottom=90)
    assert [r.indicator for r in rows_of(first, second)] == ["Jumlah laporan berdasarkan SIMAK BMN"]


def test_summary_rows_are_dropped_wherever_their_label_is_printed():
    table = raw([
        HEADER,
        ["1", "Goal one", "Jumlah kunjungan wisatawan mancanegara", "", "240", ""],
        ["", "RATA-RATA :", "", "", "", "94,12%"],
    ])
    assert [r.indicator for r in rows_of(table)] == ["Jumlah kunjungan wisatawan mancanegara"]


def test_stacked_items_under_a_heading_with_the_goal_figure_first():
    indicator = "Persentase margin usahatani :\n\uf0d8Padi\n\uf0d8Palawija"
    pieces = split_stacked(indicator, {"realization": "13,90\n48,15", "achievement": "161,07\n43,44\n163,78"}, "%\n%")
    assert [(p.text, p.values["realization"], p.values["achievement"], p.unit) for p in pieces] == [
        ("Padi", "13,90", "43,44", "%"), ("Palawija", "48,15", "163,78", "%")]
    assert pieces[0].goal_values == {"achievement": "161,07"} and pieces[1].goal_values == {}


def test_a_parent_item_ending_in_a_colon_holds_no_values():
    indicator = "\uf0b7 Tersedianya infrastruktur pertanian:\n\uf0d8Jitut dan Jides\n\uf0b7 Jumlah Luas sawah Baru"
    pieces = split_stacked(indicator, {"realization": "- **)\n- **)"}, "Ha\nHa")
    assert [(p.text, p.values["realization"]) for p in pieces] == [("Jitut dan Jides", "- **)"), ("Jumlah Luas sawah Baru", "- **)")]


def test_a_bracketed_capaian_under_the_realisation_moves_only_when_it_is_the_capaian():
    moved = capaian_in_brackets({"target": "85", "realization": "86 (101%)"})
    assert (moved["realization"], moved["achievement"]) == ("86", "(101%)")
    lower_is_better = capaian_in_brackets({"target": "2.050", "realization": "2.165 (105,60)"})
    assert lower_is_better["achievement"] == "(105,60)"
    other = {"target": "60%", "realization": "22,7 % (75%)"}
    assert capaian_in_brackets(other) == other
