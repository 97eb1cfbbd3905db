"""Smoke test of the benchmark (``python -m benchmarks.bench``): it runs and writes sane JSON.

No timing is asserted: the figures depend on the machine and on what else runs on it.
"""
from __future__ import annotations

import json
import shutil

import pikepdf

from benchmarks import bench
from tests.conftest import CORPUS

SMALL = CORPUS / "born-digital" / "kip-kab-aceh-besar-2021.pdf"
SCAN = CORPUS / "scans" / "kpu-kota-bandar-lampung-2023-scan.pdf"


def test_bench_on_one_small_pdf_writes_the_figures(tmp_path, capsys):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(SMALL, corpus / SMALL.name)
    out = tmp_path / "bench.json"

    code = bench.main(["--corpus", str(corpus), "--repeat", "1", "--workers", "1", "--skip-naive", "--skip-big",
                       "--skip-scans", "--skip-startup", "--json", str(out)])

    assert code == 0
    printed = capsys.readouterr().out
    assert "pages per second" in printed and "time per stage" in printed
    figures = json.loads(out.read_text(encoding="utf-8"))
    assert {"machine", "settings", "pipeline", "tables", "total_seconds"} <= set(figures)
    assert "naive" not in figures and "big" not in figures and "scans" not in figures and "startup" not in figures
    pipeline = figures["pipeline"]
    assert pipeline["reports"] == 1 and pipeline["failed"] == 0
    assert pipeline["pages"] > 0 and pipeline["pages_per_second"] > 0 and pipeline["seconds"] > 0
    assert pipeline["report_seconds"]["median"] > 0 and pipeline["report_seconds"]["p95"] > 0
    assert set(pipeline["stage_seconds"]) == {"ingest", "ocr", "extract", "interpret", "normalize", "load"}
    assert all(seconds >= 0 for seconds in pipeline["stage_seconds"].values())
    assert pipeline["peak_rss_mib"]["main"] > 0
    assert figures["tables"]["tables"] > 0 and figures["tables"]["main_pages"] > 0


def test_copies_differ_in_hash_but_not_in_pages(tmp_path):
    import pypdfium2

    from lkj.pipeline.inputs import discover

    copies = bench.make_copies([SMALL], SMALL.parent, tmp_path, repeat=2)
    found = discover([tmp_path])
    assert len(found.files) == 2 and not found.duplicates
    for copy in copies:
        assert copy.read_bytes().startswith(SMALL.read_bytes())
        assert len(pypdfium2.PdfDocument(copy)) == len(pypdfium2.PdfDocument(SMALL))


def test_page_furniture_is_a_one_row_box_in_a_margin():
    assert bench._is_page_furniture(800, 820, 1, 842) and bench._is_page_furniture(10, 40, 1, 842)
    assert not bench._is_page_furniture(800, 820, 2, 842) and not bench._is_page_furniture(300, 320, 1, 842)


def test_big_pdf_has_the_pages_asked_for(tmp_path):
    import pypdfium2

    big = tmp_path / "big.pdf"
    assert bench.make_big_pdf([SMALL], big, 20) == 20
    assert len(pypdfium2.PdfDocument(big)) == 20


def test_table_comparison_counts_pages_lost_by_triage():
    ours = {"a.pdf": {"tables": {3: 1, 4: 2}, "candidates": [3, 4, 5], "main_pages": [3, 4]}}
    def table(rows, cols, text=True, furniture=False):
        return {"rows": rows, "cols": cols, "text": text, "furniture": furniture}

    naive = {"a.pdf": {"3": [table(5, 4)], "5": [table(2, 3)], "6": [table(4, 4), table(1, 1)],
                       "7": [table(3, 1)], "8": [table(1, 3, furniture=True)], "9": [table(2, 2, text=False)]}}
    result = bench.compare_tables(ours, naive)
    # one-column tables, empty grids and running headers or footers do not count
    assert result["tables"] == 3 and result["pages_with_tables"] == 3
    assert result["main_pages"] == 2 and result["main_pages_with_table"] == 1
    assert result["tables_on_main_pages"] == 1 and result["our_tables_on_main_pages"] == 3
    assert [(lost["page"], lost["reason"]) for lost in result["lost_by_triage"]] == [
        (5, "found nothing"), (6, "not a candidate")]
    assert [only["page"] for only in result["found_only_by_lkj"]] == [4]


def test_bench_times_ocr_on_a_scanned_page(tmp_path, capsys):
    """One page of a sample scan: the OCR phase reports seconds per scanned page."""
    corpus, scans = tmp_path / "corpus", tmp_path / "scans"
    corpus.mkdir()
    scans.mkdir()
    shutil.copy(SMALL, corpus / SMALL.name)
    with pikepdf.open(SCAN) as pdf:
        del pdf.pages[1:]
        pdf.save(scans / SCAN.name)
    out = tmp_path / "bench.json"

    assert bench.main(["--corpus", str(corpus), "--repeat", "1", "--workers", "1", "--skip-naive", "--skip-big",
                       "--scans", str(scans), "--skip-startup", "--json", str(out)]) == 0

    assert "OCR seconds per scanned page" in capsys.readouterr().out
    scanned = json.loads(out.read_text(encoding="utf-8"))["scans"]
    assert scanned["reports"] == 1 and scanned["pages"] == 1
    # one page: seconds per page is the OCR time, each rounded from the same measurement
    # (to 0.01 and to 0.001 s), so they differ by at most the two roundings
    assert scanned["ocr_seconds"] > 0 and abs(scanned["ocr_seconds_per_page"] - scanned["ocr_seconds"]) <= 0.0055
    assert scanned["cpu_seconds"] > 0 and abs(scanned["cpu_seconds_per_page"] - scanned["cpu_seconds"]) <= 0.0055


def test_bench_times_the_cli_start_up(tmp_path, capsys):
    """lkj --help and lkj run on the 8-page sample, as subprocesses: the figures are there and positive."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(SMALL, corpus / SMALL.name)
    out = tmp_path / "bench.json"

    assert bench.main(["--corpus", str(corpus), "--repeat", "1", "--workers", "1", "--skip-naive", "--skip-big",
                       "--skip-scans", "--json", str(out)]) == 0

    printed = capsys.readouterr().out
    assert "CLI start-up" in printed and "lkj --help" in printed
    startup = json.loads(out.read_text(encoding="utf-8"))["startup"]
    assert startup["help_seconds"] > 0 and len(startup["help_runs"]) == bench.HELP_RUNS
    assert startup["run_seconds"] > 0 and len(startup["run_runs"]) == bench.RUN_RUNS
    assert (CORPUS / "born-digital" / startup["run_file"]).is_file() and startup["run_pages"] > 0


def test_start_up_sample_is_the_pdf_closest_to_eight_pages(tmp_path):
    import pypdfium2

    for pages in (3, 10, 6):
        with pikepdf.open(SMALL) as pdf:
            while len(pdf.pages) < pages:
                pdf.pages.append(pdf.pages[0])
            del pdf.pages[pages:]
            pdf.save(tmp_path / f"p{pages:02}.pdf")
    assert bench.startup_sample(tmp_path) == (tmp_path / "p06.pdf", 6)  # 6 and 10 are both 2 away: the first
    (tmp_path / "p06.pdf").unlink()
    assert bench.startup_sample(tmp_path) == (tmp_path / "p10.pdf", 10)
    assert len(pypdfium2.PdfDocument(SMALL)) == 8 and bench.startup_sample(SMALL.parent) == (SMALL, 8)
    assert bench.startup_sample(tmp_path / "nothing") is None
