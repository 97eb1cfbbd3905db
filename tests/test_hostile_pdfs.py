"""Hostile PDFs (issue #8): decompression bombs, huge pages, thousands of pages.

Every file is built here with pikepdf and zlib, a few KB each: a bomb that inflates
to 4 GiB is never held in memory, not even while it is made (``zeros_deflate``). They
run through the real pipeline next to a good report, which must still load ``ok``;
each hostile one must end as a report row that says what was wrong. Run with -s to
see the timings and the peak memory of each case.
"""
from __future__ import annotations

import base64
import json
import math
import shutil
import subprocess
import sys
import time
import zlib
from collections.abc import Iterable, Iterator
from decimal import Decimal
from pathlib import Path

import pikepdf
import pytest
import sqlite_utils

from lkj.extract import ocr_cells, ocr_image
from lkj.extract.bombs import MAX_DECODED_BYTES, decoded_size, find_bomb, image_bytes
from lkj.extract.document import MAX_PAGE_POINTS
from lkj.pipeline.inputs import InputFile, sha256_of
from lkj.pipeline.runner import run
from lkj.pipeline.runner_core import process_document
from tests.conftest import CORPUS, REPO

SAMPLE = CORPUS / "born-digital" / "kpu-ri-2022.pdf"
PROSE = "Laporan ini menjelaskan kegiatan sekretariat selama tahun berjalan secara rinci."
#: A page that triage sends to the table readers (two header words), with no table.
TABLE_WORDS_PROSE = "Program dan anggaran sekretariat dibahas pada bagian berikut."
#: Zeros compressed at a time by ``zeros_deflate``.
CHUNK = 16 * 1024**2
#: Peak resident memory allowed while one hostile file is processed (about 140 MB of
#: it is the imports; see ``test_peak_memory_of_one_hostile_file``).
PEAK_RSS = 1024**3


# --------------------------------------------------------------------------- building PDFs


def zeros_deflate(size: int) -> Iterator[bytes]:
    """A zlib stream of ``size`` zero bytes, produced piece by piece.

    Each 16 MiB of zeros is compressed once, as a raw deflate block ended by a full
    flush (which makes it independent of what came before), and repeated: 4 GiB costs
    a few milliseconds instead of ten seconds of zlib. The Adler-32 of n zeros is
    (n mod 65521) << 16 | 1.
    """
    yield b"\x78\xda"
    whole, rest = divmod(size, CHUNK)
    if whole:
        packer = zlib.compressobj(9, zlib.DEFLATED, -15)
        block = packer.compress(bytes(CHUNK)) + packer.flush(zlib.Z_FULL_FLUSH)
        for _ in range(whole):
            yield block
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    yield packer.compress(bytes(rest)) + packer.flush()
    yield ((size % 65521) << 16 | 1).to_bytes(4, "big")


def deflated(pieces: Iterable[bytes]) -> Iterator[bytes]:
    """One more Flate layer over a stream given piece by piece."""
    packer = zlib.compressobj(9)
    for piece in pieces:
        yield packer.compress(piece)
    yield packer.flush()


def zeros_bomb(size: int, layers: int = 2) -> bytes:
    """``size`` zeros behind ``layers`` Flate layers (two make 4 GiB fit in 7 KB)."""
    pieces: Iterable[bytes] = zeros_deflate(size)
    for _ in range(layers - 1):
        pieces = deflated(pieces)
    return b"".join(pieces)


def _flate(layers: int) -> pikepdf.Array:
    return pikepdf.Array([pikepdf.Name.FlateDecode] * layers)


def _stream(pdf: pikepdf.Pdf, data: bytes, filters: pikepdf.Array | None = None, **entries) -> pikepdf.Stream:
    """An indirect stream holding ``data`` as it is (already encoded with ``filters``)."""
    stream = pikepdf.Stream(pdf, b"")
    stream.write(data, filter=filters)
    for key, value in entries.items():
        stream[f"/{key}"] = value
    return pdf.make_indirect(stream)


def _image(pdf: pikepdf.Pdf, width: int, height: int, data: bytes, space: str = "/DeviceGray",
           layers: int = 1) -> pikepdf.Stream:
    return _stream(pdf, data, _flate(layers), Type=pikepdf.Name.XObject, Subtype=pikepdf.Name.Image,
                   Width=width, Height=height, ColorSpace=pikepdf.Name(space), BitsPerComponent=8)


def _text(*lines: str, x: float = 72, y: float = 720) -> bytes:
    return f"BT /F1 11 Tf {x} {y} Td 14 TL ".encode() + b" ".join(f"({line}) '".encode() for line in lines) + b" ET"


def _new_pdf() -> tuple[pikepdf.Pdf, pikepdf.Dictionary]:
    pdf = pikepdf.new()
    font = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1,
                                                BaseFont=pikepdf.Name.Helvetica))
    return pdf, pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font))


def _page(pdf: pikepdf.Pdf, resources: pikepdf.Dictionary, contents: object, size: tuple[float, float] = (595, 842),
          **entries) -> pikepdf.Page:
    """A page of any size (``add_blank_page`` refuses more than 14400 pt)."""
    pdf.add_blank_page()
    page = pdf.pages[-1]
    page.MediaBox = pikepdf.Array([0, 0, *size])
    page.Resources = resources
    page.Contents = contents
    for key, value in entries.items():
        page.obj[f"/{key}"] = value
    return page


def _prose_page(pdf: pikepdf.Pdf, resources: pikepdf.Dictionary, size: tuple[float, float] = (595, 842), **entries):
    return _page(pdf, resources, _stream(pdf, _text(PROSE, PROSE, PROSE, y=size[1] - 100)), size, **entries)


def _save(pdf: pikepdf.Pdf, path: Path, **options) -> Path:
    """Save without letting qpdf decode and re-encode the streams (it would inflate the bombs)."""
    if "encryption" not in options:
        options["stream_decode_level"] = pikepdf.StreamDecodeLevel.none
    pdf.save(path, compress_streams=False, **options)
    return path


def flate_bomb(path: Path) -> Path:
    """Three pages; the content stream of page 2 inflates to 4 GiB through two Flate layers."""
    pdf, resources = _new_pdf()
    _prose_page(pdf, resources)
    _page(pdf, resources, _stream(pdf, zeros_bomb(4 * 1024**3), _flate(2)))
    _prose_page(pdf, resources)
    return _save(pdf, path)


def image_bomb(path: Path) -> Path:
    """An image-only page (OCR renders it) whose image declares 46000 x 46000 grey
    pixels (2.1 GB) behind 1 KB of data."""
    pdf, resources = _new_pdf()
    resources.XObject = pikepdf.Dictionary(Im1=_image(pdf, 46000, 46000, zlib.compress(bytes(1 << 20))))
    _page(pdf, resources, _stream(pdf, b"q 500 0 0 500 50 50 cm /Im1 Do Q"))
    return _save(pdf, path)


def repeated_contents(path: Path) -> Path:
    """/Contents names one 200 MiB stream three times: pdfium joins them into 600 MiB."""
    pdf, resources = _new_pdf()
    stream = _stream(pdf, zeros_bomb(200 * 1024**2), _flate(2))
    _page(pdf, resources, pikepdf.Array([stream] * 3))
    return _save(pdf, path)


def encrypted_bomb(path: Path) -> Path:
    """Encrypted with an empty user password; the bomb is a form XObject page 1 draws."""
    pdf, resources = _new_pdf()
    form = _stream(pdf, zeros_bomb(4 * 1024**3), _flate(2), Type=pikepdf.Name.XObject,
                   Subtype=pikepdf.Name.Form, BBox=pikepdf.Array([0, 0, 10, 10]))
    resources.XObject = pikepdf.Dictionary(Fm1=form)
    _page(pdf, resources, _stream(pdf, _text(PROSE, PROSE, PROSE) + b" /Fm1 Do"))
    return _save(pdf, path, encryption=pikepdf.Encryption(owner="owner", user="", R=6))


def large_but_fine(path: Path) -> Path:
    """The good sample carrying what a real report may: a 600 dpi A3 colour scan
    (7016 x 9921 RGB, 209 MB decoded) drawn on page 1, and an 8 MB form in its resources."""
    with pikepdf.open(SAMPLE) as pdf:
        page = pdf.pages[0]
        scan = _image(pdf, 7016, 9921, b"".join(zeros_deflate(7016 * 9921 * 3)), "/DeviceRGB")
        name = page.add_resource(scan, pikepdf.Name.XObject, prefix="Scan")
        page.contents_add(pdf.make_indirect(pikepdf.Stream(pdf, f"q 42 0 0 60 5 5 cm {name} Do Q".encode())))
        form = _stream(pdf, zlib.compress(b"q 1 0 0 1 0 0 cm Q\n" * 420_000), _flate(1), Type=pikepdf.Name.XObject,
                       Subtype=pikepdf.Name.Form, BBox=pikepdf.Array([0, 0, 1, 1]))
        page.add_resource(form, pikepdf.Name.XObject, prefix="Fm")
        return _save(pdf, path)


def huge_pages(path: Path) -> Path:
    """Five prose pages: A4; 14400 pt (the PDF maximum); 200000 pt; 10000 pt at /UserUnit 3
    (30000 pt); 10000 pt at /UserUnit 1.44 (the maximum again). Pages 3 and 4 are oversized."""
    pdf, resources = _new_pdf()
    _prose_page(pdf, resources)
    _prose_page(pdf, resources, (MAX_PAGE_POINTS, MAX_PAGE_POINTS))
    _prose_page(pdf, resources, (200_000, 200_000))
    _prose_page(pdf, resources, (10_000, 10_000), UserUnit=3)
    _prose_page(pdf, resources, (10_000, 10_000), UserUnit=Decimal("1.44"))
    return _save(pdf, path)


def huge_scan(path: Path, side: float) -> Path:
    """One image-only page ``side`` points square (a grey 200 x 200 image over the whole
    page; without an image the page would be blank): OCR has to render it."""
    pdf, resources = _new_pdf()
    resources.XObject = pikepdf.Dictionary(Im1=_image(pdf, 200, 200, zlib.compress(bytes([200]) * 40_000)))
    _page(pdf, resources, _stream(pdf, f"q {side} 0 0 {side} 0 0 cm /Im1 Do Q".encode()), (side, side))
    return _save(pdf, path)


def many_pages(path: Path, count: int = 3000) -> Path:
    """``count`` prose pages sharing one content stream; every tenth prints two table
    header words, so that triage sends 300 pages through pdfplumber."""
    pdf, resources = _new_pdf()
    prose = _stream(pdf, _text(PROSE, PROSE, PROSE))
    tabled = _stream(pdf, _text(PROSE, TABLE_WORDS_PROSE, PROSE))
    for number in range(1, count + 1):
        _page(pdf, resources, tabled if number % 10 == 0 else prose)
    return _save(pdf, path)


def _input(path: Path) -> InputFile:
    return InputFile(path, sha256_of(path), path.stat().st_size)


# --------------------------------------------------------------------------- unit tests


def test_zeros_deflate_is_a_valid_zlib_stream():
    for size in (0, 5, CHUNK, 2 * CHUNK + 12345):
        assert zlib.decompress(b"".join(zeros_deflate(size))) == bytes(size)
    assert len(zeros_bomb(4 * 1024**3)) < 10_000


def test_decoded_size_counts_every_flate_layer():
    pdf = pikepdf.new()
    text = b"BT /F1 11 Tf (Realisasi anggaran) Tj ET\n" * 100_000  # 4.1 MB
    assert decoded_size(_stream(pdf, zlib.compress(text), _flate(1))) == len(text)
    assert decoded_size(_stream(pdf, text)) == len(text)  # no filter: the stored bytes
    size = 3 * CHUNK + 777
    assert decoded_size(_stream(pdf, zeros_bomb(size, layers=3), _flate(3))) == size
    wrapped = _stream(pdf, base64.a85encode(zlib.compress(text), adobe=True),
                      pikepdf.Array([pikepdf.Name.ASCII85Decode, pikepdf.Name.FlateDecode]))
    assert decoded_size(wrapped) == len(text)
    hexed = _stream(pdf, zlib.compress(text).hex().encode() + b">",
                    pikepdf.Array([pikepdf.Name.ASCIIHexDecode, pikepdf.Name.FlateDecode]))
    assert decoded_size(hexed) == len(text)
    # counting stops just past the limit: a bomb is never inflated whole
    bomb = _stream(pdf, zeros_bomb(4 * 1024**3), _flate(2))
    assert MAX_DECODED_BYTES < decoded_size(bomb) <= MAX_DECODED_BYTES + 4 * 1024**2
    assert 1000 < decoded_size(bomb, limit=1000) <= 4 * 1024**2 + 1000
    # damaged data counts up to where it breaks, without raising
    assert decoded_size(_stream(pdf, zlib.compress(text)[:5000] + b"garbage", _flate(1))) < len(text)


def test_decoded_size_leaves_an_image_s_last_layer_to_the_image_decoder():
    pdf = pikepdf.new()
    one = _stream(pdf, zeros_bomb(100 * 1024**2, layers=1), _flate(1))
    assert decoded_size(one, keep_last=True) == len(one.read_raw_bytes())
    three = _stream(pdf, zeros_bomb(2 * 1024**3, layers=3), _flate(3))  # layer 2 inflates to 2.1 MB
    assert decoded_size(three, keep_last=True) == len(b"".join(zeros_deflate(2 * 1024**3)))


def test_image_bytes_is_the_declared_size():
    pdf = pikepdf.new()
    assert image_bytes(_image(pdf, 100, 50, b"")) == 5000
    assert image_bytes(_image(pdf, 100, 50, b"", "/DeviceRGB")) == 15000
    assert image_bytes(_image(pdf, 100, 50, b"", "/DeviceCMYK")) == 20000
    mask = _image(pdf, 100, 50, b"")
    mask.ImageMask = True
    del mask["/ColorSpace"]
    assert image_bytes(mask) == 625  # one bit a pixel
    icc = _image(pdf, 100, 50, b"")
    icc.ColorSpace = pikepdf.Array([pikepdf.Name.ICCBased, _stream(pdf, b"", N=3)])
    assert image_bytes(icc) == 15000
    icc.BitsPerComponent = 16
    assert image_bytes(icc) == 30000
    indexed = _image(pdf, 100, 50, b"")
    indexed.ColorSpace = pikepdf.Array([pikepdf.Name.Indexed, pikepdf.Name.DeviceRGB, 255, b"\0" * 768])
    assert image_bytes(indexed) == 5000  # one index a pixel
    broken = _image(pdf, 100, 50, b"")
    broken.Width = pikepdf.Name.Nonsense
    assert image_bytes(broken) == 0
    assert image_bytes(_image(pdf, 46000, 46000, b"")) == 46000 * 46000 > MAX_DECODED_BYTES


def test_find_bomb_threshold_and_the_page_it_names():
    """The limit is strict (exactly ``limit`` passes, one byte more is a bomb), and a
    stream is charged to the page that draws it, not to a page that links to it."""
    limit = 1024**2
    for size, bomb in ((limit, False), (limit + 1, True)):
        pdf, resources = _new_pdf()
        form = _stream(pdf, zlib.compress(bytes(size)), _flate(1), Type=pikepdf.Name.XObject,
                       Subtype=pikepdf.Name.Form, BBox=pikepdf.Array([0, 0, 1, 1]))
        first = _prose_page(pdf, resources)
        _page(pdf, pikepdf.Dictionary(XObject=pikepdf.Dictionary(Fm1=form)), _stream(pdf, b"/Fm1 Do"))
        second = pdf.pages[1]
        first.Annots = pdf.make_indirect(pikepdf.Array([pdf.make_indirect(pikepdf.Dictionary(
            Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Link, Rect=pikepdf.Array([0, 0, 9, 9]),
            Dest=pikepdf.Array([second.obj, pikepdf.Name.Fit])))]))
        found = find_bomb(pdf, limit)
        assert (found is not None) == bomb, size
        if found:
            assert found.page == 2 and found.what == "/Fm1 stream" and found.decoded == limit + 1
            assert "page 2" in found.describe()
    # an image: declared size, exactly at the limit and one row more
    for height, bomb in ((1024, False), (1025, True)):
        pdf, resources = _new_pdf()
        resources.XObject = pikepdf.Dictionary(Im1=_image(pdf, 1024, height, zlib.compress(b"\0")))
        _page(pdf, resources, _stream(pdf, b"q 9 0 0 9 0 0 cm /Im1 Do Q"))
        assert (find_bomb(pdf, limit) is not None) == bomb, height


def test_find_bomb_adds_up_a_page_s_content_streams():
    limit = 1024**2
    pdf, resources = _new_pdf()
    third = _stream(pdf, zlib.compress(bytes(limit // 3 + 1)), _flate(1))
    _page(pdf, resources, pikepdf.Array([third, third]))  # 2/3 of the limit: fine
    _page(pdf, resources, pikepdf.Array([third] * 3))  # the same stream thrice: one byte too many...
    found = find_bomb(pdf, limit)
    assert found is not None and found.page == 2 and found.what == "/Contents (3 streams, drawn as one)"
    assert find_bomb(pdf, limit + 3) is None  # ...by three bytes, in fact


def test_find_bomb_measures_what_pdfium_decodes_whole_in_an_image():
    """Three Flate layers on a 1000 x 1000 image: pdfium inflates the first two whole."""
    pdf, resources = _new_pdf()
    resources.XObject = pikepdf.Dictionary(Im1=_image(pdf, 1000, 1000, zeros_bomb(2 * 1024**3, layers=3), layers=3))
    _page(pdf, resources, _stream(pdf, b"q 9 0 0 9 0 0 cm /Im1 Do Q"))
    found = find_bomb(pdf, 1024**2)
    assert found is not None and found.what == "/Im1 image" and found.declared is None
    assert find_bomb(pdf) is None  # 2.1 MB held: far from the real limit


def test_render_scale_keeps_every_page_within_the_pixel_budget():
    assert ocr_image.render_scale(595, 842) == 300 / 72  # A4: untouched
    for width, height in ((200_000, 200_000), (MAX_PAGE_POINTS, MAX_PAGE_POINTS), (1_000_000, 10), (3000, 5000)):
        scale = ocr_image.render_scale(width, height)
        pixels = math.ceil(width * scale) * math.ceil(height * scale)  # as pypdfium2 rounds
        assert 0.95 * ocr_image.MAX_PIXELS <= pixels <= ocr_image.MAX_PIXELS, (width, height)  # 25 -> 24 rows: 4 % less
        assert scale < 300 / 72
    assert ocr_image.render_scale(595, 842, dpi=150) == 150 / 72


def test_enlargement_stays_within_the_mosaic_budget():
    assert ocr_cells._enlargement(1.5, 12000 * 4961) == 1.5  # a 300 dpi A3 landscape mosaic: full enlargement
    factor = ocr_cells._enlargement(150.0, 60_000_000)  # a poster rendered at 3 dpi
    assert 1 < factor < 150 and 60_000_000 * factor**2 <= ocr_cells.MOSAIC_PIXELS * 1.0001
    assert ocr_cells._enlargement(1.5, 2 * ocr_cells.MOSAIC_PIXELS) == 1.0  # never shrinks


def test_a_200000_pt_page_renders_within_the_pixel_budget(tmp_path):
    started = time.perf_counter()
    image, width, height = ocr_image.render_page(huge_scan(tmp_path / "poster.pdf", 200_000), 1)
    print(f"\n200000 pt page rendered {image.shape[1]} x {image.shape[0]} px in {time.perf_counter() - started:.1f} s")
    assert (width, height) == (200_000, 200_000)
    assert 0.99 * ocr_image.MAX_PIXELS <= image.size <= ocr_image.MAX_PIXELS


def test_an_oversized_scanned_page_is_read_by_ocr_downscaled(tmp_path, monkeypatch):
    """The whole path, on a budget of 2 MP so that OCR is quick: the page is read,
    at the lower resolution, and both warnings name it."""
    if shutil.which("tesseract") is None:
        pytest.skip("tesseract is not installed")
    monkeypatch.setattr(ocr_image, "MAX_PIXELS", 2_000_000)
    path = huge_scan(tmp_path / "poster-scan.pdf", 20_000)
    outcome = process_document(_input(path), work=None, time_limit=120)
    codes = {(w.code, w.page) for w in outcome.report.warnings}
    assert ("oversized_page", 1) in codes and ("page_downscaled", 1) in codes, codes
    downscaled = next(w.message for w in outcome.report.warnings if w.code == "page_downscaled")
    assert "at 5 dpi instead of 300" in downscaled  # sqrt(2e6 / 20000^2) * 72
    assert outcome.report.status == "failed" and outcome.failure_reason == "not_lkj"


# --------------------------------------------------------------------------- the pipeline


@pytest.fixture(scope="module")
def hostile_files(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("hostile") / "pdf"
    folder.mkdir()
    started = time.perf_counter()
    files = {
        "flate_bomb": flate_bomb(folder / "flate-bomb.pdf"),
        "image_bomb": image_bomb(folder / "image-bomb.pdf"),
        "repeated_contents": repeated_contents(folder / "repeated-contents.pdf"),
        "encrypted_bomb": encrypted_bomb(folder / "encrypted-bomb.pdf"),
        "large_but_fine": large_but_fine(folder / "kpu-ri-2022-large-but-fine.pdf"),
        "huge_pages": huge_pages(folder / "huge-pages.pdf"),
        "many_pages": many_pages(folder / "many-pages.pdf"),
        "sample": Path(shutil.copy(SAMPLE, folder / SAMPLE.name)),
    }
    sizes = ", ".join(f"{name} {path.stat().st_size / 1024:.0f} KB" for name, path in files.items())
    print(f"\nbuilt in {time.perf_counter() - started:.1f} s: {sizes}")
    return files


@pytest.fixture(scope="module")
def hostile_run(hostile_files) -> tuple[sqlite_utils.Database, object]:
    folder = next(iter(hostile_files.values())).parent
    started = time.perf_counter()
    summary = run([folder], folder.parent / "hostile.db")
    print(f"\nrun of {summary.reports} files in {time.perf_counter() - started:.1f} s")
    return sqlite_utils.Database(folder.parent / "hostile.db"), summary


def _row(db: sqlite_utils.Database, path: Path) -> tuple[dict, list[dict]]:
    report = next(iter(db.query("select * from reports where file_name = ?", [path.name])))
    warnings = list(db.query("select code, message, page from warnings where report_id = ?", [report["id"]]))
    return report, warnings


def _bomb_message(db, path: Path) -> str:
    report, warnings = _row(db, path)
    assert report["status"] == "failed" and report["failure_reason"] == "decompression_bomb", report
    return next(w["message"] for w in warnings if w["code"] == "decompression_bomb")


def test_a_flate_bomb_is_recorded_and_names_its_page(hostile_run, hostile_files):
    message = _bomb_message(hostile_run[0], hostile_files["flate_bomb"])
    assert "/Contents stream of page 2" in message and "more than 512.0 MiB" in message


def test_an_image_declaring_two_gigabytes_is_recorded(hostile_run, hostile_files):
    message = _bomb_message(hostile_run[0], hostile_files["image_bomb"])
    assert "/Im1 image of page 1 declares 46000 x 46000 pixels" in message


def test_one_content_stream_named_three_times_is_recorded(hostile_run, hostile_files):
    message = _bomb_message(hostile_run[0], hostile_files["repeated_contents"])
    assert "/Contents (3 streams, drawn as one) of page 1" in message


def test_a_bomb_in_an_encrypted_file_is_recorded(hostile_run, hostile_files):
    db = hostile_run[0]
    message = _bomb_message(db, hostile_files["encrypted_bomb"])
    assert "/Fm1 stream of page 1" in message
    assert "encrypted_empty_password" in {w["code"] for w in _row(db, hostile_files["encrypted_bomb"])[1]}


def test_large_but_legitimate_streams_are_not_bombs(hostile_run, hostile_files):
    """Guards the threshold from below: a 209 MB scan and an 8 MB form still load."""
    db = hostile_run[0]
    fine, fine_warnings = _row(db, hostile_files["large_but_fine"])
    sample, _ = _row(db, hostile_files["sample"])
    assert fine["status"] == "ok" and fine["failure_reason"] is None
    assert "decompression_bomb" not in {w["code"] for w in fine_warnings}
    assert fine["n_indicators"] == sample["n_indicators"] > 0


def test_huge_pages_are_read_with_a_warning(hostile_run, hostile_files):
    report, warnings = _row(hostile_run[0], hostile_files["huge_pages"])
    assert report["pages"] == 5 and report["status"] == "failed" and report["failure_reason"] == "not_lkj"
    oversized = {w["page"]: w["message"] for w in warnings if w["code"] == "oversized_page"}
    assert sorted(oversized) == [3, 4]
    assert "200000 x 200000 pt" in oversized[3]
    assert "at /UserUnit 3 (30000 x 30000 pt)" in oversized[4]


def test_three_thousand_pages_are_processed(hostile_run, hostile_files):
    report, warnings = _row(hostile_run[0], hostile_files["many_pages"])
    assert report["pages"] == 3000 and report["status"] == "failed" and report["failure_reason"] == "not_lkj"


def test_the_run_goes_on(hostile_run, hostile_files):
    db, summary = hostile_run
    sample, _ = _row(db, hostile_files["sample"])
    assert sample["status"] == "ok" and sample["n_indicators"] > 0
    assert summary.reports == len(hostile_files) == db.table("reports").count
    internal = list(db.query("select file_name from reports where failure_reason = 'internal_error'"))
    assert internal == []


#: Processes the files named on its command line in one interpreter, printing each
#: outcome and its peak resident memory: VmHWM, the high-water mark of the process,
#: reset before each file by writing 5 to /proc/self/clear_refs (Linux). ru_maxrss
#: could not be reset, and would start at pytest's size: Linux carries it over fork
#: and exec.
MEASURE = """
import json, sys, time
from pathlib import Path
from lkj.pipeline.inputs import InputFile, sha256_of
from lkj.pipeline.runner_core import process_document

def peak_mb():
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:")) // 1024

print(json.dumps({"file": "(imports)", "peak_mb": peak_mb()}), flush=True)
for name in sys.argv[1:]:
    path = Path(name)
    with open("/proc/self/clear_refs", "w") as clear:
        clear.write("5")
    started = time.perf_counter()
    outcome = process_document(InputFile(path, sha256_of(path), path.stat().st_size), work=None)
    print(json.dumps({"file": path.name, "reason": outcome.failure_reason, "pages": outcome.report.pages,
                      "seconds": round(time.perf_counter() - started, 2), "peak_mb": peak_mb()}), flush=True)
"""
MEASURED = ["flate_bomb", "image_bomb", "repeated_contents", "huge_pages", "many_pages"]


@pytest.fixture(scope="module")
def peaks(hostile_files) -> dict[str, dict]:
    if not Path("/proc/self/clear_refs").exists():
        pytest.skip("peak memory is read from /proc (Linux)")
    paths = [str(hostile_files[case]) for case in MEASURED]
    done = subprocess.run([sys.executable, "-c", MEASURE, *paths], cwd=REPO, capture_output=True, text=True,
                          timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    lines = [json.loads(line) for line in done.stdout.strip().splitlines()[-len(MEASURED) - 1:]]
    print(f"\nimports alone: {lines[0]['peak_mb']} MB")
    return dict(zip(MEASURED, lines[1:]))


@pytest.mark.parametrize("case", MEASURED)
def test_peak_memory_of_one_hostile_file(peaks, case):
    """Without the bomb check pdfium took the Flate bomb to 5.3 GB, the image bomb to
    2.4 GB and the repeated content streams to 1.3 GB; with it, each stays near the
    140 MB of the imports."""
    measured = peaks[case]
    print(f"\n{case}: {measured}")
    assert measured["peak_mb"] * 1024**2 < PEAK_RSS and measured["reason"] in ("decompression_bomb", "not_lkj")
