"""End to end: ``lkj serve`` on the sample database, its pages rendered by headless Chromium.

Checks what a researcher sees: every canned query page shows rows, and the dashboard's
charts are drawn (vega-embed puts an ``<svg class="marks">`` in each chart's card once the
data has been fetched and rendered). The database is served under another name than
``lkj.db``, which the metadata is keyed by. Screenshots are kept in ``$LKJ_TEST_ARTIFACTS``
(default: a pytest temporary folder, printed).
"""
from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
import yaml

from tests.conftest import REPO
from tests.test_views_export import MEMUTAKHIRKAN, sample_database

CHROMIUM = next(filter(None, map(shutil.which, ("chromium", "chromium-browser", "google-chrome"))), None)
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium is not installed (Debian: apt-get install chromium)")

QUERIES = yaml.safe_load((REPO / "db" / "metadata.yml").read_text(encoding="utf-8"))["databases"]["lkj"]["queries"]
#: Parameters that make each canned query answer something on the sample corpus; others are left empty.
PARAMS = {
    "indicator_evolution": {"key": MEMUTAKHIRKAN, "province": "Lampung", "year_from": "2019", "year_to": "2024"},
    "indicator_across_units_and_years": {"words": "arsip"},
}
NAME = "arsip-kpu"  # the served database's name: not lkj
LABEL = "Persentase KPU Kabupaten/Kota yang memutakhirkan Data Pemilih Tepat Waktu"  # MEMUTAKHIRKAN's label
GRADED = "Nilai Evaluasi atas Akuntabilitas Kinerja KPU"  # printed as grades: B, BB, CC


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def artifacts(tmp_path_factory) -> Path:
    folder = Path(os.environ.get("LKJ_TEST_ARTIFACTS") or tmp_path_factory.mktemp("artifacts"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> str:
    """``lkj serve`` on a copy of the sample database; its base URL."""
    pytest.importorskip("datasette_dashboards", reason="the datasette-dashboards plugin is not installed")
    folder = tmp_path_factory.mktemp("served")
    db_path = folder / f"{NAME}.db"
    shutil.copy(sample_database(tmp_path_factory), db_path)
    port = _free_port()
    log = open(folder / "serve.log", "w")
    process = subprocess.Popen([sys.executable, "-m", "lkj.pipeline", "serve", "--db", str(db_path), "--port", str(port)],
                               stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(f"{url}/-/versions.json", timeout=2)
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"lkj serve did not start: {(folder / 'serve.log').read_text()}")
                time.sleep(0.3)
        yield url
    finally:
        os.killpg(process.pid, signal.SIGINT)  # Ctrl+C to lkj serve and its datasette: the temporary metadata goes too
        process.wait(timeout=20)
        log.close()


def chromium(url: str, profile: Path, *args: str) -> str:
    """Headless Chromium on ``url`` with ``args`` (``--dump-dom``, ``--screenshot=...``); its stdout."""
    command = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={profile}",
               "--window-size=1280,1600", "--virtual-time-budget=10000", *args, url]
    return subprocess.run(command, capture_output=True, text=True, timeout=120).stdout


def _rows(dom: str) -> list[str]:
    body = re.search(r'<table class="rows-and-columns">.*?<tbody>(.*?)</tbody>', dom, re.S)
    return re.findall(r"<tr\b", body[1]) if body else []


@pytest.mark.parametrize("query", sorted(QUERIES))
def test_canned_query_page_shows_rows(server, tmp_path, query):
    params = {p: "" for p in re.findall(r"(?<!:):(\w+)", QUERIES[query]["sql"])} | PARAMS.get(query, {})
    dom = chromium(f"{server}/{NAME}/{query}?{urllib.parse.urlencode(params)}", tmp_path / "profile", "--dump-dom")
    assert QUERIES[query]["title"] in dom.replace("&amp;", "&").replace("&#39;", "'")
    assert _rows(dom), f"{query}: no rows rendered"


def test_indicator_evolution_compares_the_units_of_a_province(server, tmp_path, artifacts):
    url = f"{server}/{NAME}/indicator_evolution?{urllib.parse.urlencode(PARAMS['indicator_evolution'] | {'words': ''})}"
    dom = chromium(url, tmp_path / "profile", "--dump-dom")
    assert len(_rows(dom)) == 2
    assert "KPU Kabupaten Lampung Utara" in dom and "KPU Kota Bandar Lampung" in dom
    chromium(url, tmp_path / "profile", f"--screenshot={artifacts / 'indicator_evolution.png'}")
    print(f"\nscreenshot: {artifacts / 'indicator_evolution.png'}")


def _chart(dom: str, name: str) -> str:
    """The HTML of one dashboard chart's card: from its ``id="chart-<name>"`` to the next chart's."""
    start = dom.index(f'id="chart-{name}"')
    following = dom.find('id="chart-', start + 1)
    return dom[start:following if following > 0 else len(dom)]


def _texts(html: str) -> list[str]:
    """The texts Vega drew (axis labels, titles, marks' labels) in an SVG."""
    return [t.replace("&amp;", "&") for t in re.findall(r"<text[^>]*>([^<]*)</text>", html)]


def test_dashboard_draws_its_charts(server, tmp_path, artifacts):
    home = chromium(f"{server}/", tmp_path / "profile", "--dump-dom")
    assert 'href="/-/dashboards/perbandingan"' in home and f'href="/{NAME}/coverage_grid' in home
    url = f"{server}/-/dashboards/perbandingan?{urllib.parse.urlencode({'label': LABEL, 'kpu': 'ya'})}"
    dom = chromium(url, tmp_path / "profile", "--dump-dom")
    assert re.search(rf'<option value="{re.escape(LABEL)}" selected', dom), "the indicator is chosen by its label"
    assert any(t.startswith("Persentase KPU Kabupaten/Kota yang") for t in _texts(_chart(dom, "indicator"))), "the chart names it"
    for chart in ("absorption", "indicator", "grades", "coverage"):
        assert re.search(r'<svg[^>]*class="marks"', _chart(dom, chart)), f"chart {chart} not drawn"
    assert any(t.startswith("Not graded (bukan nilai huruf)") for t in _texts(_chart(dom, "grades")))  # a percentage
    screenshot = artifacts / "dashboard.png"
    chromium(url, tmp_path / "profile", f"--screenshot={screenshot}")
    assert screenshot.stat().st_size > 10_000
    print(f"\nscreenshot: {screenshot}")


def test_an_empty_choice_says_what_to_choose(server, tmp_path, artifacts):
    url = f"{server}/-/dashboards/perbandingan?label=&kpu=ya"
    empty = chromium(url, tmp_path / "profile", "--dump-dom")
    for chart in ("indicator", "grades"):
        assert "Choose an indicator above (pilih indikator di atas)" in _texts(_chart(empty, chart)), chart
    chromium(url, tmp_path / "profile", f"--screenshot={artifacts / 'dashboard-empty.png'}")


def test_grades_are_plotted_as_grades(server, tmp_path, artifacts):
    """``Nilai Evaluasi atas Akuntabilitas Kinerja KPU`` is graded (BB, CC): its chart's axis reads AA to D,
    its points are the printed grades, and the percentage chart says it is graded instead of plotting it."""
    url = f"{server}/-/dashboards/perbandingan?{urllib.parse.urlencode({'label': GRADED, 'kpu': 'ya'})}"
    dom = chromium(url, tmp_path / "profile", "--dump-dom")
    grades = _texts(_chart(dom, "grades"))
    assert {"AA", "A", "BB", "B", "CC", "C", "D"} <= set(grades) and GRADED in grades, grades
    assert "realization (nilai huruf)" in grades
    assert any(t.startswith("Graded (nilai huruf AA-D)") for t in _texts(_chart(dom, "indicator")))
    assert not re.search(r'role="graphics-symbol"[^>]*aria-label="[^"]*achievement_pct', _chart(dom, "indicator"))
    chromium(url, tmp_path / "profile", f"--screenshot={artifacts / 'dashboard-grades.png'}")


def test_the_researchers_questions_are_one_click_from_home(server, tmp_path, artifacts):
    """Coverage, one indicator across units and years, best absorption in a year, where a value came
    from, which reports have problems: each a link of the home page to a page with rows."""
    home = chromium(f"{server}/", tmp_path / "profile", "--dump-dom")
    for page in ("coverage_grid", "indicator_evolution", "budget_absorption_ranking", "indicators", "reports_with_warnings"):
        assert f'href="/{NAME}/{page}"' in home, page
        params = {p: "" for p in re.findall(r"(?<!:):(\w+)", QUERIES[page]["sql"])} if page in QUERIES else {}
        dom = chromium(f"{server}/{NAME}/{page}?{urllib.parse.urlencode(params)}", tmp_path / "profile", "--dump-dom")
        assert _rows(dom), f"{page}: no rows one click from home"
    chromium(f"{server}/", tmp_path / "profile", f"--screenshot={artifacts / 'home.png'}")


def test_a_value_leads_to_its_printed_row_and_the_pdf_page(server, tmp_path, artifacts):
    """From the comparison view to the printed row: its image is served, its row page shows it, the PDF opens."""
    dom = chromium(f"{server}/{NAME}/indicator_by_unit_year?indicator_key={MEMUTAKHIRKAN}&unit_id=kpu-kabupaten-lampung-utara",
                   tmp_path / "profile", "--dump-dom")
    image = re.search(rf'<a href="(/{NAME}/indicators/\d+)"[^>]*><img class="lkj-row" src="([^"]+\.png)"', dom)
    pdf = re.search(rf'href="(/-/lkj/pdf/{NAME}/[0-9a-f]{{64}}\.pdf)#page=(\d+)"', dom)
    assert image and pdf, "no printed row or PDF link beside the row"
    with urllib.request.urlopen(server + image[2]) as response:
        assert response.headers["Content-Type"] == "image/png" and response.read()[:4] == b"\x89PNG"
    with urllib.request.urlopen(server + pdf[1]) as response:
        assert response.headers["Content-Type"] == "application/pdf"
    row_page = chromium(server + image[1], tmp_path / "profile", "--dump-dom")
    assert image[2] in row_page and f"#page={pdf[2]}" in row_page and "kpu-kab-lampung-utara-2024.pdf</a>" in row_page
    row = _image_shows_row(server, image[2], int(image[1].rsplit("/", 1)[1]), tmp_path)
    assert int(pdf[2]) == row["page"], "the PDF opens at the row's page"
    screenshot = artifacts / "row-source.png"
    chromium(server + image[1], tmp_path / "profile", f"--screenshot={screenshot}")
    print(f"\nscreenshot: {screenshot}")


def _image_shows_row(server: str, src: str, row_id: int, tmp_path: Path) -> dict:
    """Tesseract reads the indicator row's words and values in the image ``src``; the row."""
    row = _json(server, f"select indicator, target_raw, realization_raw, page from indicators where id = {row_id}")[0]
    png = tmp_path / "row.png"
    with urllib.request.urlopen(server + src) as response:
        assert response.headers["Content-Type"] == "image/png"
        png.write_bytes(response.read())
    read = " ".join(subprocess.run(["tesseract", str(png), "-", "-l", "ind", "--psm", "6"], capture_output=True,
                                   text=True, timeout=60).stdout.split()).lower()
    words = re.findall(r"\w{4,}", row["indicator"].lower())
    assert sum(w in read for w in words) >= 0.8 * len(words), (words, read)
    digits = re.sub(r"\D", "", read)  # Tesseract often reads a printed % as 96: the values' digits are compared
    assert all(re.sub(r"\D", "", v) in digits for v in (row["target_raw"], row["realization_raw"]) if v), (row, read)
    return row


def test_a_dashboard_point_leads_to_its_printed_row(server, tmp_path):
    """The dashboard, an indicator picked by its label, a point (KPU Kabupaten Lampung Utara 2024): its link
    (the chart's ``href`` channel, ``/-/lkj/source/...``) opens the row page, whose image shows the printed row."""
    url = f"{server}/-/dashboards/perbandingan?{urllib.parse.urlencode({'label': LABEL, 'kpu': 'ya'})}"
    chart = _chart(chromium(url, tmp_path / "profile", "--dump-dom"), "indicator")
    point = re.search(r'aria-label="[^"]*unit: KPU Kabupaten Lampung Utara;[^"]*source: (/-/lkj/source/indicators/(\d+))"', chart)
    assert point, "the seed report's point links its source"
    with urllib.request.urlopen(server + point[1]) as response:  # the redirect to the row page
        assert response.url == f"{server}/{NAME}/indicators/{point[2]}"
    row_page = chromium(f"{server}/{NAME}/indicators/{point[2]}", tmp_path / "profile", "--dump-dom")
    image = re.search(r'<img class="lkj-row" src="([^"]+\.png)"', row_page)
    assert image and re.search(rf'href="/-/lkj/pdf/{NAME}/[0-9a-f]{{64}}\.pdf#page=\d+"', row_page)
    _image_shows_row(server, image[1], int(point[2]), tmp_path)


def _json(server: str, sql: str) -> list[dict]:
    with urllib.request.urlopen(f"{server}/{NAME}.json?{urllib.parse.urlencode({'sql': sql, '_shape': 'array'})}") as response:
        return json.loads(response.read())


@pytest.mark.parametrize("words", ["data-pemilih", ""])
def test_search_never_errors(server, tmp_path, artifacts, words):
    url = f"{server}/{NAME}/indicator_across_units_and_years?words={urllib.parse.quote(words)}"
    dom = chromium(url, tmp_path / "profile", "--dump-dom")
    assert "syntax error" not in dom and _rows(dom)
    if words:
        chromium(url, tmp_path / "profile", f"--screenshot={artifacts / 'search-data-pemilih.png'}")


def test_money_reads_as_rupiah(server, tmp_path, artifacts):
    dom = chromium(f"{server}/{NAME}/budget_by_unit_year", tmp_path / "profile", "--dump-dom")
    assert "Rp 77.452.486.000" in dom and "GRp" not in dom
    seed = _json(server, "select budget_pagu from reports where file_name = 'kpu-kab-lampung-utara-2024.pdf'")[0]
    assert seed["budget_pagu"] == 77_452_486_000  # the seed report's pagu, an integer in JSON
    url = f"{server}/{NAME}/budget_absorption_ranking?year="
    assert "Rp 77.452.486.000" in chromium(url, tmp_path / "profile", "--dump-dom")
    chromium(url, tmp_path / "profile", f"--screenshot={artifacts / 'budget-ranking-rupiah.png'}")


def test_warnings_read_in_indonesian_with_their_severity(server, tmp_path, artifacts):
    url = f"{server}/{NAME}/report_warnings"
    dom = chromium(url, tmp_path / "profile", "--dump-dom")
    assert _rows(dom) and "Rincian (hlm." in dom and "tabel utama" in dom  # pesan, beside the English message
    assert re.search(r'<span style="background:#f5c400[^"]*">warning</span>', dom), "severity as a label"
    chromium(url, tmp_path / "profile", f"--screenshot={artifacts / 'warnings-pesan.png'}")


def test_reports_show_their_document_type(server, tmp_path):
    dom = chromium(f"{server}/{NAME}/reports", tmp_path / "profile", "--dump-dom")
    assert "document_type=lkj" in dom, "the reports page facets the document type"
    assert _json(server, "select distinct document_type from reports") == [{"document_type": "lkj"}]


def test_column_descriptions_are_folded(server, tmp_path):
    dom = chromium(f"{server}/{NAME}/budget_by_unit_year", tmp_path / "profile", "--dump-dom")
    assert re.search(r'<details><summary>Column descriptions \(keterangan kolom\)</summary><dl class="column-descriptions">', dom)


def test_coverage_lists_every_unit_of_the_gazetteer(server, tmp_path, artifacts):
    dom = chromium(f"{server}/{NAME}/coverage", tmp_path / "profile", "--dump-dom")
    assert re.search(r"<h3>\s*553 rows", dom), "all 553 KPU/KIP units, with or without a report"
    chromium(f"{server}/{NAME}/coverage", tmp_path / "profile", f"--screenshot={artifacts / 'coverage.png'}")
