"""The researcher's workbench, through the real Datasette and the project's plugin, on the sample corpus.

Every indicator and budget row carries its printed box; the plugin shows the row cropped
from its page and opens the PDF at the page; search forgives word forms and any typed
text; rupiah read as ``Rp 77.452.486.000`` on the pages and stay integers in JSON.
Datasette's own test client (``Datasette(...).client``) serves the sample database
built from ``corpus/data/born-digital`` (tests/test_views_export.py builds it once).
"""
from __future__ import annotations

import asyncio
import io
import re
import shutil
import sqlite3

import pypdfium2 as pdfium
import pytest
from datasette.app import Datasette
from PIL import Image

from lkj.db import plugin
from lkj.db.search import fts_query, stem_text
from lkj.pipeline.cli import serve_metadata
from tests.test_views_export import MEMUTAKHIRKAN, sample_database

NAME = "arsip"  # the served database's name: not lkj
SEED = "kpu-kab-lampung-utara-2024.pdf"


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """The sample database served by Datasette with the project's metadata and plugin; (datasette, db path)."""
    plugin.ensure_registered()
    folder = tmp_path_factory.mktemp("plugin")
    path = folder / f"{NAME}.db"
    shutil.copy(sample_database(tmp_path_factory), path)
    return Datasette([str(path)], metadata=serve_metadata(path, folder / "work")), path


def get(datasette: Datasette, path: str):
    return asyncio.run(datasette.client.get(path))


def _text_in_box(pdf: str, page: int, box: tuple[float, float, float, float]) -> str:
    """The PDF's own text inside ``box`` (x0, top, x1, bottom from the top left) on ``page``."""
    document = pdfium.PdfDocument(pdf)
    sheet = document[page - 1]
    height = sheet.get_size()[1]
    text = sheet.get_textpage().get_text_bounded(left=box[0], bottom=height - box[3], right=box[2], top=height - box[1])
    document.close()
    return " ".join(text.split())


def test_every_indicator_and_budget_row_has_its_printed_box(served):
    _, path = served
    db = sqlite3.connect(path)
    for table in ("indicators", "budget_programs", "spending"):
        n, boxed = db.execute(f"select count(*), count(box_x0) from {table}").fetchone()
        assert n > 0 and boxed == n, table
    rows = db.execute("select i.page, i.box_x0, i.box_top, i.box_x1, i.box_bottom, r.path, i.indicator, i.target_raw, "
                      "i.realization_raw, i.achievement_raw from indicators i join reports r on r.id = i.report_id "
                      "where r.file_name = ?", [SEED]).fetchall()
    assert len(rows) == 32
    for page, x0, top, x1, bottom, pdf, indicator, *raws in rows:
        printed = _text_in_box(pdf, page, (x0, top, x1, bottom))
        assert indicator.split()[0] in printed, (indicator, printed)
        for raw in filter(None, raws):
            assert raw.split()[0] in printed, (raw, printed)
    # budget rows: the program rows, and the spending types printed as columns (pagu, realisasi, sisa under
    # each type); the types right of MODAL are left out: their columns are misread (values shifted one column)
    budget = db.execute("select p.page, p.box_x0, p.box_top, p.box_x1, p.box_bottom, r.path, p.program, p.pagu_raw, p.realization_raw "
                        "from budget_programs p join reports r on r.id = p.report_id where r.file_name = ? union all "
                        "select s.page, s.box_x0, s.box_top, s.box_x1, s.box_bottom, r.path, s.pagu_raw, s.realization_raw, "
                        "s.remaining_raw from spending s join reports r on r.id = s.report_id where r.file_name = ? "
                        "and s.category in ('pegawai', 'barang', 'modal')", [SEED, SEED]).fetchall()
    assert len(budget) == 2 + 3
    for page, x0, top, x1, bottom, pdf, *raws in budget:
        printed = _text_in_box(pdf, page, (x0, top, x1, bottom))
        assert all(raw in printed for raw in raws if raw), (raws, printed)


def test_row_page_shows_the_printed_row_and_opens_the_pdf_at_its_page(served):
    datasette, path = served
    db = sqlite3.connect(path)
    row_id, page, x0, top, x1, bottom, report_id = db.execute(
        "select i.id, i.page, i.box_x0, i.box_top, i.box_x1, i.box_bottom, i.report_id from indicators i "
        "join reports r on r.id = i.report_id where r.file_name = ? and i.target_raw = 'B'", [SEED]).fetchone()
    html = get(datasette, f"/{NAME}/indicators/{row_id}").text
    image = f"/-/lkj/row/{NAME}/indicators/{row_id}.png"
    assert f'src="{image}"' in html
    assert f'href="/-/lkj/pdf/{NAME}/{report_id}.pdf#page={page}"' in html
    assert f">{SEED}</a>" in html  # report_id labelled by file name, and a link
    response = get(datasette, image)
    assert response.status_code == 200 and response.headers["content-type"] == "image/png"
    png = Image.open(io.BytesIO(response.content))
    expected = ((x1 - x0 + 2 * plugin.PAD) * plugin.SCALE, (bottom - top + 2 * plugin.PAD) * plugin.SCALE)
    assert all(abs(have - want) <= 1 for have, want in zip(png.size, expected)), (png.size, expected)  # pdfium rounds
    assert list((path.parent / "work" / "crops" / report_id).glob(f"p{page}-*.png"))  # cached in the work folder
    pdf = get(datasette, f"/-/lkj/pdf/{NAME}/{report_id}.pdf")
    assert pdf.status_code == 200 and pdf.headers["content-type"] == "application/pdf" and pdf.content[:5] == b"%PDF-"
    assert get(datasette, f"/-/lkj/row/{NAME}/indicators/999999.png").status_code == 404


def test_comparison_views_and_queries_link_each_row_to_its_source(served):
    datasette, _ = served
    pages = {
        "indicator_by_unit_year": f"/{NAME}/indicator_by_unit_year?indicator_key={MEMUTAKHIRKAN}",
        "indicator_key_matches": f"/{NAME}/indicator_key_matches?_size=5",
        "budget_by_unit_year": f"/{NAME}/budget_by_unit_year",
        "indicator_evolution": f"/{NAME}/indicator_evolution?key={MEMUTAKHIRKAN}&words=&province=&year_from=&year_to=",
        "indicator_across_units_and_years": f"/{NAME}/indicator_across_units_and_years?words=arsip",
        "budget_absorption_ranking": f"/{NAME}/budget_absorption_ranking?year=",
    }
    for name, url in pages.items():
        html = get(datasette, url).text
        assert re.search(rf'<img class="lkj-row" src="/-/lkj/row/{NAME}/(indicators|budget_programs)/\d+\.png"', html), name
        assert re.search(rf'href="/-/lkj/pdf/{NAME}/[0-9a-f]{{64}}\.pdf#page=\d+"', html), name
        assert re.search(rf'<a href="/{NAME}/reports/[0-9a-f]{{64}}">[^<]+\.pdf</a>', html), name


@pytest.mark.parametrize("words", ["", "data-pemilih", "Kab./Kota", "100%", '"', "a\"b'c", "OR", "NEAR(", "*", "sarana AND"])
def test_search_answers_any_text_without_an_error(served, words):
    datasette, _ = served
    response = get(datasette, f"/{NAME}/indicator_across_units_and_years.json?_shape=array&words={_quote(words)}")
    assert response.status_code == 200, response.text
    if words in ("", '"', "*"):  # no word: every row
        assert len(response.json()) == sqlite3.connect(served[1]).execute("select count(*) from indicators").fetchone()[0]
    if words == "data-pemilih":
        assert response.json() and all("pemilih" in r["indicator"].lower() for r in response.json())


def _quote(text: str) -> str:
    from urllib.parse import quote

    return quote(text)


def test_search_finds_other_word_forms(served):
    datasette, _ = served
    rows = get(datasette, f"/{NAME}/indicator_across_units_and_years.json?_shape=array&words=pemutakhiran").json()
    assert "pemutakhiran" not in " ".join(r["indicator"].lower() for r in rows)
    assert sum("memutakhirkan" in r["indicator"].lower() for r in rows) >= 5
    assert stem_text("Pemutakhiran memutakhirkan") == "mutakhir mutakhir"
    # the dictionary held in a set answers as PySastrawi's own list does (an empty line of it is no root)
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    words = "pendidikan usahatani penyelenggaraan kepemiluan berkelanjutan dimutakhirkan"
    assert stem_text(words) == StemmerFactory().create_stemmer().stem(words) == \
        "didik usahatani selenggara milu lanjut mutakhir"
    assert fts_query("  ") == "" and fts_query('"') == ""


def test_province_filter_ignores_case(served):
    datasette, _ = served
    url = f"/{NAME}/indicator_evolution.json?_shape=array&key={MEMUTAKHIRKAN}&words=&year_from=&year_to=&province="
    assert len(get(datasette, url + "lampung").json()) == len(get(datasette, url + "Lampung").json()) == 2


def test_rupiah_read_as_indonesians_write_them_and_stay_integers_in_json(served):
    datasette, _ = served
    html = get(datasette, f"/{NAME}/budget_by_unit_year").text
    assert "Rp 77.452.486.000" in html and "GRp" not in html
    assert "Rp 77.452.486.000" in get(datasette, f"/{NAME}/budget_absorption_ranking?year=2024").text
    assert "Rp 3.174.505.000" in get(datasette, f"/{NAME}/budget_programs").text
    rows = get(datasette, f"/{NAME}/budget_by_unit_year.json?_shape=array&unit_id=kpu-kabupaten-lampung-utara").json()
    assert rows[0]["pagu"] == 77452486000
    assert plugin.rupiah(4238642999000) == "Rp 4.238.642.999.000" and plugin.rupiah(-1500.5) == "Rp -1.500,50"


def test_pages_read_plainly(served):
    """Counts without a trailing .0, JSON columns as lists, column descriptions folded (by a script)."""
    datasette, _ = served
    html = get(datasette, f"/{NAME}/indicators?_size=50").text
    assert re.search(r'<td class="col-target type-float">100</td>', html) and "100.0<" not in html
    assert get(datasette, f"/{NAME}/indicators.json?_shape=array&_size=1").json()[0]["target"] == 100.0
    tables = get(datasette, f"/{NAME}/report_tables?kind=measurement&_size=1").text
    assert re.search(r'<td class="col-columns type-str"><ul[^>]*><li>', tables)
    view = get(datasette, f"/{NAME}/budget_by_unit_year").text
    assert 'class="column-descriptions"' in view and "keterangan kolom" in view
