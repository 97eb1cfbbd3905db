"""End to end: ``lkj serve`` on the sample database, its pages rendered by headless Chromium.

Checks what a researcher sees: every canned query page shows rows, and the dashboard's
charts are drawn (vega-embed puts an ``<svg class="marks">`` in each chart's card once the
data has been fetched and rendered). The database is served under another name than
``lkj.db``, which the metadata is keyed by. Screenshots are kept in ``$LKJ_TEST_ARTIFACTS``
(default: a pytest temporary folder, printed).
"""
from __future__ import annotations

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


def test_dashboard_draws_its_charts(server, tmp_path, artifacts):
    home = chromium(f"{server}/", tmp_path / "profile", "--dump-dom")
    assert 'href="/-/dashboards/perbandingan"' in home and f'href="/{NAME}/coverage_grid' in home
    url = f"{server}/-/dashboards/perbandingan?{urllib.parse.urlencode({'label': LABEL, 'kpu': 'ya'})}"
    dom = chromium(url, tmp_path / "profile", "--dump-dom")
    assert re.search(rf'<option value="{re.escape(LABEL)}" selected', dom), "the indicator is chosen by its label"
    assert re.search(r'id="chart-indicator".*?<text[^>]*>Persentase KPU Kabupaten/Kota yang', dom, re.S), "the chart names it"
    empty = chromium(f"{server}/-/dashboards/perbandingan?label=&kpu=ya", tmp_path / "profile", "--dump-dom")
    assert re.search(r'id="chart-indicator".*?<text[^>]*>No value for this choice: choose an indicator above', empty, re.S)
    for chart in ("absorption", "indicator", "coverage"):
        assert re.search(rf'id="chart-{chart}".*?<svg[^>]*class="marks"', dom, re.S), f"chart {chart} not drawn"
    screenshot = artifacts / "dashboard.png"
    chromium(url, tmp_path / "profile", f"--screenshot={screenshot}")
    assert screenshot.stat().st_size > 10_000
    print(f"\nscreenshot: {screenshot}")


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
    screenshot = artifacts / "row_source.png"
    chromium(server + image[1], tmp_path / "profile", f"--screenshot={screenshot}")
    print(f"\nscreenshot: {screenshot}")


@pytest.mark.parametrize("words", ["data-pemilih", ""])
def test_search_never_errors(server, tmp_path, words):
    dom = chromium(f"{server}/{NAME}/indicator_across_units_and_years?words={urllib.parse.quote(words)}",
                   tmp_path / "profile", "--dump-dom")
    assert "syntax error" not in dom and _rows(dom)


def test_money_reads_as_rupiah(server, tmp_path):
    dom = chromium(f"{server}/{NAME}/budget_by_unit_year", tmp_path / "profile", "--dump-dom")
    assert "Rp 77.452.486.000" in dom and "GRp" not in dom


def test_column_descriptions_are_folded(server, tmp_path):
    dom = chromium(f"{server}/{NAME}/budget_by_unit_year", tmp_path / "profile", "--dump-dom")
    assert re.search(r'<details><summary>Column descriptions \(keterangan kolom\)</summary><dl class="column-descriptions">', dom)


def test_coverage_lists_every_unit_of_the_gazetteer(server, tmp_path):
    dom = chromium(f"{server}/{NAME}/coverage", tmp_path / "profile", "--dump-dom")
    assert re.search(r"<h3>\s*553 rows", dom), "all 553 KPU/KIP units, with or without a report"
