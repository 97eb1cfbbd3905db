"""Fuzzing at archive scale: mutated sample PDFs through the real pipeline, figures at the end.

    python -m tests.fuzz --n 10000 [--workers 2] [--seed 0] [--timeout 60] [--small] [--json out.json]

Each input is one of the sample corpus's born-digital reports and text PDFs (scans are
left out: their OCR would make each input cost seconds) with one mutation, sometimes
followed by byte damage: byte flips, truncations, cut or repeated pieces, damaged
cross-reference tables, stream and image bombs, page-tree and form loops, huge or
degenerate MediaBoxes, a page tree of 10,000 pages, deep nesting, broken fonts,
JBIG2/JPX images, and generated reports whose texts carry SQL, HTML and shell
metacharacters. Input ``i`` of seed ``s`` is always the same file (``--only i`` builds
and runs just that one). ``--small`` mutates 1-3-page cuts of the seeds (``small_seeds``),
three times faster.

Inputs run through the executor of ``lkj run`` (``pipeline.supervisor``: the time and
memory limits in the worker and, from outside, by the run, which kills a stuck worker;
workers that die with the run); this process loads every outcome into one SQLite
database. Checked: every input ends as a report row with a status, within its budget
(plus the graces), nothing escapes (no exception out of the executor or out of loading,
no ``internal_error``), every worker's peak memory for one input stays under the cap
(within one look of the run's memory watch), and the database passes ``PRAGMA
integrity_check``. A worker that crashed (``worker_crashed``) is recorded, not lost, and
listed. Inputs that break a check, or crash a worker, are kept in ``--keep``.
"""
from __future__ import annotations

import argparse
import io
import json
import random
import shutil
import sys
import tempfile
import time
import zlib
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pikepdf

from lkj.db.load import load_report
from lkj.db.schema import open_database
from lkj.pipeline.inputs import InputFile, sha256_of
from lkj.pipeline.runner_core import library_versions
from lkj.pipeline.supervisor import MEMORY_POLL_SECONDS, PARENT_GRACE_SECONDS, supervised_outcomes
from lkj.pipeline.versions import extractor_version
from tests.test_hostile_pdfs import zeros_bomb

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "corpus" / "data"
#: The seeds: every text PDF of the sample corpus and of tests/data.
SEEDS = sorted([*CORPUS.glob("born-digital/*.pdf"), CORPUS / "broken" / "kpu-kab-sleman-2019-owner-locked.pdf",
                CORPUS / "broken" / "lkj-kpu-kab-pesawaran-2022-tanpa-tabel.pdf",
                CORPUS / "broken" / "surat-undangan-kpu-lampung-utara-2024.pdf",
                REPO / "tests" / "data" / "metachar.pdf", REPO / "tests" / "data" / "continued-table.pdf",
                REPO / "tests" / "data" / "drop-indicators.pdf"])
#: Budget of one input in the fuzz run: small, so a hostile input costs little and a
#: runaway shows. The memory cap is what an ``lkj run`` worker gets.
TIME_LIMIT = 60.0
MEMORY_LIMIT = 3 * 1024**3
#: Past its budget and the run's grace (``PARENT_GRACE_SECONDS``): the kill of a stuck worker
#: (pebble asks with SIGTERM and waits up to 3 s before SIGKILL) and the pool's look for
#: timeouts, under load: this much is allowed. (5 s was too tight: the long run of seed 2026
#: saw workers stuck in camelot's layout killed at 70.3-71.3 s of a 60 s budget.)
GRACE_SECONDS = 10.0
#: A worker killed at the memory cap was seen past it: by what one look of the watch
#: (``MEMORY_POLL_SECONDS``) lets a fast allocation add. More counts as over the cap.
MEMORY_TOLERANCE = int(4 * 1024**3 * MEMORY_POLL_SECONDS)
PAYLOADS = [
    "'; DROP TABLE indicators; --", "Goal'); DROP TABLE reports; --", "\" OR 1=1; --", "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>", "$(touch /tmp/lkj-fuzz-pwned)", "`id`; rm -rf / && echo", "| cat /etc/passwd",
    "%s %(x)s {0} \\x00", "&& shutdown -h now", "Robert'); DELETE FROM units;--", "../../../../etc/passwd",
]
_BOMB = zeros_bomb(4 * 1024**3)  # 7 KB that inflate to 4 GiB through two Flate layers


# --------------------------------------------------------------------------- mutations of bytes


def flip(rng: random.Random, data: bytes) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 64)):
        out[rng.randrange(len(out))] ^= rng.randint(1, 255)
    return bytes(out)


def truncate(rng: random.Random, data: bytes) -> bytes:
    return data[: rng.randrange(len(data))]


def splice(rng: random.Random, data: bytes) -> bytes:
    """Cut out or repeat pieces, as a broken transfer or a bad disk does."""
    out = bytearray(data)
    for _ in range(rng.randint(1, 6)):
        at, size = rng.randrange(max(len(out), 1)), rng.randint(1, 8192)
        if rng.random() < 0.5:
            del out[at:at + size]
        else:
            out[at:at] = out[at:at + size]
    return bytes(out)


def damaged_xref(rng: random.Random, data: bytes) -> bytes:
    """Offsets of the cross-reference table and ``startxref`` changed, or the table cut out."""
    out = bytearray(data)
    table = data.rfind(b"\nxref")
    start = data.rfind(b"startxref")
    choice = rng.randrange(3)
    if choice == 0 and table > 0:
        for _ in range(rng.randint(1, 40)):
            at = table + rng.randrange(max(1, start - table if start > table else 200))
            if at < len(out) and chr(out[at]).isdigit():
                out[at] = ord(str(rng.randrange(10)))
    elif choice == 1 and start > 0:
        out[start:start + 30] = b"startxref\n" + str(rng.randrange(10**9)).encode() + b"\n%%EOF"
    elif table > 0 and start > table:
        del out[table:start]
    return bytes(out)


# --------------------------------------------------------------------------- mutations of structure


def _stream(pdf: pikepdf.Pdf, data: bytes, filters: list[str] | None = None, **entries) -> pikepdf.Stream:
    stream = pikepdf.Stream(pdf, b"")
    stream.write(data, filter=pikepdf.Array([pikepdf.Name(f) for f in filters]) if filters else None)
    for key, value in entries.items():
        stream[f"/{key}"] = value
    return pdf.make_indirect(stream)


def _draw(page: pikepdf.Page, name: str, obj: pikepdf.Object, operators: bytes) -> None:
    """Put ``obj`` in the page's XObject resources as ``name`` and draw it with ``operators``."""
    page.add_resource(obj, pikepdf.Name.XObject, pikepdf.Name(name), replace_existing=True)
    page.contents_add(operators)


def _page(rng: random.Random, pdf: pikepdf.Pdf) -> pikepdf.Page:
    return pdf.pages[rng.randrange(len(pdf.pages))]


def flate_bomb(rng, pdf):
    form = _stream(pdf, _BOMB, ["/FlateDecode", "/FlateDecode"], Type=pikepdf.Name.XObject, Subtype=pikepdf.Name.Form,
                   BBox=pikepdf.Array([0, 0, 10, 10]))
    _draw(_page(rng, pdf), "/FzBomb", form, b" q /FzBomb Do Q")


def image_bomb(rng, pdf):
    side = rng.choice([46000, 30000, 100000])
    image = _stream(pdf, zlib.compress(bytes(4096)), ["/FlateDecode"], Type=pikepdf.Name.XObject,
                    Subtype=pikepdf.Name.Image, Width=side, Height=side, ColorSpace=pikepdf.Name.DeviceRGB,
                    BitsPerComponent=8)
    _draw(_page(rng, pdf), "/FzImg", image, b" q 200 0 0 200 50 50 cm /FzImg Do Q")


def codec_image(rng, pdf):
    """A JBIG2 or JPX image of random bytes (or a damaged real header) drawn on a text page."""
    codec = rng.choice(["/JBIG2Decode", "/JPXDecode", "/DCTDecode", "/CCITTFaxDecode"])
    head = {"/JPXDecode": b"\x00\x00\x00\x0cjP  \r\n\x87\n", "/DCTDecode": b"\xff\xd8\xff\xe0"}.get(codec, b"")
    data = head + rng.randbytes(rng.randint(16, 20000))
    side = rng.choice([64, 1000, 5000])
    image = _stream(pdf, data, [codec], Type=pikepdf.Name.XObject, Subtype=pikepdf.Name.Image, Width=side,
                    Height=side, ColorSpace=pikepdf.Name.DeviceGray, BitsPerComponent=1 if codec != "/JPXDecode" else 8)
    _draw(_page(rng, pdf), "/FzCodec", image, b" q 300 0 0 300 100 100 cm /FzCodec Do Q")


def page_tree_loop(rng, pdf):
    """A /Kids array that names its own /Pages node, or a page whose /Parent is itself."""
    if rng.random() < 0.5:
        pdf.Root.Pages.Kids.append(pdf.Root.Pages)
        pdf.Root.Pages.Count = int(pdf.Root.Pages.Count) + 1
    else:
        page = _page(rng, pdf)
        page.obj.Parent = page.obj


def form_loop(rng, pdf):
    """A form XObject that draws itself (or two that draw each other)."""
    first = _stream(pdf, b"/FzA Do", Type=pikepdf.Name.XObject, Subtype=pikepdf.Name.Form, BBox=pikepdf.Array([0, 0, 9, 9]))
    second = _stream(pdf, b"/FzA Do", Type=pikepdf.Name.XObject, Subtype=pikepdf.Name.Form, BBox=pikepdf.Array([0, 0, 9, 9]))
    first.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(FzA=second if rng.random() < 0.5 else first))
    second.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(FzA=first))
    _draw(_page(rng, pdf), "/FzA", first, b" /FzA Do")


def huge_mediabox(rng, pdf):
    box = rng.choice([[0, 0, 1e9, 1e9], [0, 0, 200000, 200000], [0, 0, 0, 0], [0, 0, -595, -842],
                      [1e30, 1e30, -1e30, -1e30], [0, 0, 595, 1e-9]])
    page = _page(rng, pdf)
    page.obj.MediaBox = pikepdf.Array(box)
    if rng.random() < 0.3:
        page.obj.UserUnit = rng.choice([75000, 0.0001, -1])


def deep_nesting(rng, pdf):
    """Arrays and dictionaries nested hundreds deep, and forms nested inside forms."""
    nested: pikepdf.Object = pikepdf.Array([1])
    for depth in range(rng.choice([100, 400, 490])):
        nested = pikepdf.Array([nested]) if depth % 2 else pikepdf.Dictionary(FzD=nested)
    page = _page(rng, pdf)
    page.obj.FzNested = nested
    inner = _stream(pdf, b"0 0 m 1 1 l S", Type=pikepdf.Name.XObject, Subtype=pikepdf.Name.Form, BBox=pikepdf.Array([0, 0, 9, 9]))
    for _ in range(rng.choice([20, 60])):
        inner = _stream(pdf, b"/FzN Do", Type=pikepdf.Name.XObject, Subtype=pikepdf.Name.Form,
                        BBox=pikepdf.Array([0, 0, 9, 9]), Resources=pikepdf.Dictionary(XObject=pikepdf.Dictionary(FzN=inner)))
    _draw(page, "/FzN", inner, b" /FzN Do")


def broken_font(rng, pdf):
    """A font's program, ToUnicode map or widths replaced by garbage."""
    fonts = [f for page in pdf.pages for f in (page.obj.get("/Resources", {}).get("/Font", {}) or {}).values()]
    if not fonts:
        return
    font = rng.choice(fonts)
    descendant = font.DescendantFonts[0] if "/DescendantFonts" in font else font
    choice = rng.randrange(4)
    descriptor = descendant.get("/FontDescriptor")
    if choice == 0 and descriptor is not None:
        for key in ("/FontFile", "/FontFile2", "/FontFile3"):
            if key in descriptor:
                descriptor[key] = _stream(pdf, rng.randbytes(rng.randint(10, 5000)))
    elif choice == 1:
        font.ToUnicode = _stream(pdf, b"/CIDInit /ProcSet findresource begin 1 beginbfrange <0000> <FFFF> <"
                                 + rng.randbytes(40).hex().encode() + b"> endbfrange end" * rng.randint(1, 3))
    elif choice == 2:
        descendant.W = pikepdf.Array([0, pikepdf.Array([rng.randint(-10**9, 10**9) for _ in range(50)])]) \
            if "/DescendantFonts" in font else pikepdf.Name.Garbage
    else:
        font.Subtype = pikepdf.Name(rng.choice(["/Type3", "/NoSuchFont", "/CIDFontType0"]))


def many_pages(rng, pdf):
    """A flat page tree of 10,000 pages, the new ones drawing the first page's contents.

    The /Kids array is written at once: appending 10,000 pages one by one through
    pikepdf took a minute.
    """
    first = pdf.pages[0].obj
    box = first.get("/MediaBox", pikepdf.Array([0, 0, 595, 842]))
    pages = [page.obj for page in pdf.pages]
    pages += [pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Page, Parent=pdf.Root.Pages, MediaBox=box,
                                                   Resources=first.get("/Resources", pikepdf.Dictionary()),
                                                   Contents=first.get("/Contents", pikepdf.Array())))
              for _ in range(10_000 - len(pages))]
    for page in pages:
        page.Parent = pdf.Root.Pages
    pdf.Root.Pages.Kids = pikepdf.Array(pages)
    pdf.Root.Pages.Count = len(pages)


STRUCTURAL: dict[str, Callable[[random.Random, pikepdf.Pdf], None]] = {
    "flate_bomb": flate_bomb, "image_bomb": image_bomb, "codec_image": codec_image, "page_tree_loop": page_tree_loop,
    "form_loop": form_loop, "huge_mediabox": huge_mediabox, "deep_nesting": deep_nesting, "broken_font": broken_font,
    "many_pages": many_pages,
}
BYTES: dict[str, Callable[[random.Random, bytes], bytes]] = {
    "flip": flip, "truncate": truncate, "splice": splice, "damaged_xref": damaged_xref,
}


# --------------------------------------------------------------------------- generated reports with hostile text


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def hostile_text_report(rng: random.Random) -> bytes:
    """A one-page LKj drawn with Helvetica: a ruled measurement table whose texts carry payloads."""
    payloads = rng.sample(PAYLOADS, 3)
    rows = [("No", "Sasaran", "Indikator Kinerja", "Target", "Realisasi", "Capaian")]
    rows += [(f"{n}.", f"Meningkatnya layanan {p}", f"Persentase {p}", "100%", f"{rng.randint(50, 100)}%", "90%")
             for n, p in enumerate(payloads, 1)]
    xs = [40, 65, 210, 430, 480, 530, 575]
    top, height = 700, 36
    ops = [f"BT /F1 9 Tf 40 790 Td (LAPORAN KINERJA KPU KABUPATEN LAMPUNG UTARA TAHUN 2024 {_escape(payloads[0])}) Tj ET",
           "BT /F1 9 Tf 40 770 Td (Laporan Kinerja KPU Kabupaten Lampung Utara Tahun 2024 disusun sebagai pertanggungjawaban.) Tj ET",
           "BT /F1 9 Tf 40 720 Td (Tabel 1. Pengukuran Kinerja Tahun 2024) Tj ET", "0.5 w"]
    bottom = top - height * len(rows)
    for x in xs:
        ops.append(f"{x} {top} m {x} {bottom} l S")
    for r in range(len(rows) + 1):
        ops.append(f"{xs[0]} {top - r * height} m {xs[-1]} {top - r * height} l S")
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            ops.append(f"BT /F1 6 Tf {xs[c] + 2} {top - r * height - 10} Td ({_escape(text)}) Tj ET")
    pdf = pikepdf.new()
    font = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1,
                                                BaseFont=pikepdf.Name.Helvetica, Encoding=pikepdf.Name.WinAnsiEncoding))
    pdf.add_blank_page(page_size=(595, 842))
    pdf.pages[0].Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font))
    pdf.pages[0].Contents = pdf.make_indirect(pikepdf.Stream(pdf, "\n".join(ops).encode("latin-1")))
    buffer = io.BytesIO()
    pdf.save(buffer)
    return buffer.getvalue()


# --------------------------------------------------------------------------- one input


#: How often each kind is drawn; many_pages, costly (a 10,000-page file takes 10-15 s to
#: read), is drawn once in ``MANY_PAGES_EVERY`` inputs.
KINDS = [*BYTES] * 2 + [k for k in STRUCTURAL if k != "many_pages"] + ["hostile_text"]
MANY_PAGES_EVERY = 150


def make_input(index: int, seed: int, seeds: list[Path] = SEEDS, many: bool = True) -> tuple[str, bytes]:
    """The ``index``-th input of run ``seed``: (what was done, its bytes); ``many=False`` draws no 10,000-page tree."""
    rng = random.Random(seed * 1_000_003 + index)
    kind = "many_pages" if rng.random() < 1 / MANY_PAGES_EVERY and many else rng.choice(KINDS)
    source = rng.choice(seeds)
    what = f"{kind}({source.name})"
    if kind == "hostile_text":
        data, what = hostile_text_report(rng), "hostile_text"
    elif kind in BYTES:
        data = BYTES[kind](rng, source.read_bytes())
    else:
        with pikepdf.open(source) as pdf:
            STRUCTURAL[kind](rng, pdf)
            buffer = io.BytesIO()
            pdf.save(buffer, compress_streams=False, stream_decode_level=pikepdf.StreamDecodeLevel.none)
            data = buffer.getvalue()
    if rng.random() < 0.2 and kind not in BYTES and data:  # damage on top of structure
        data = rng.choice([flip, splice])(rng, data)
        what += "+damage"
    return what, data + f"\n%fuzz {seed}/{index}\n".encode()  # every input distinct (reports are keyed by sha256)


# --------------------------------------------------------------------------- the run


@dataclass
class FuzzSummary:
    inputs: int = 0
    seconds: float = 0.0
    statuses: Counter = field(default_factory=Counter)
    reasons: Counter = field(default_factory=Counter)
    kinds: Counter = field(default_factory=Counter)
    escapes: list[str] = field(default_factory=list)  # an exception out of the run or out of loading
    internal_errors: list[str] = field(default_factory=list)
    crashed: list[str] = field(default_factory=list)  # recorded worker_crashed (pdfium): not lost, listed to be looked at
    over_budget: list[str] = field(default_factory=list)
    over_memory: list[str] = field(default_factory=list)
    worst_memory_mb: float = 0.0
    worst_memory_input: str = ""
    slowest_seconds: float = 0.0
    slowest_input: str = ""
    report_rows: int = 0
    integrity: str = ""

    def problems(self) -> list[str]:
        return self.escapes + self.internal_errors + self.over_budget + self.over_memory + (
            [] if self.integrity == "ok" else [f"integrity_check: {self.integrity}"]) + (
            [] if self.report_rows == self.inputs else [f"{self.report_rows} report rows for {self.inputs} inputs"])


def small_seeds(folder: Path, seeds: list[Path] = SEEDS) -> list[Path]:
    """Seeds of 1-3 pages: each report's cover and its first pages that print a target and a realization.

    The short run in the test suite mutates these: a 10-page seed made an input cost
    2-3 s of CPU, a 3-page one a third of that, and the pages kept are the ones the
    table readers and the interpretation work on.
    """
    import pypdfium2

    out = []
    folder.mkdir(parents=True, exist_ok=True)
    for seed in seeds:
        with pikepdf.open(seed) as pdf:
            if len(pdf.pages) <= 3:
                out.append(seed)
                continue
            document = pypdfium2.PdfDocument(str(seed))
            texts = [document[i].get_textpage().get_text_range().lower() for i in range(len(document))]
            document.close()
            tables = [i for i, text in enumerate(texts) if i and "target" in text and "realisasi" in text][:2]
            keep = [0, *tables]
            for index in reversed(range(len(pdf.pages))):
                if index not in keep:
                    del pdf.pages[index]
            path = folder / f"small-{seed.name}"
            pdf.save(path)
            out.append(path)
    return out


def fuzz(n: int, seed: int = 0, workers: int = 2, time_limit: float = TIME_LIMIT, memory_limit: int = MEMORY_LIMIT,
         db_path: Path | None = None, keep: Path | None = None, only: int | None = None,
         progress: Callable[[int, FuzzSummary], None] | None = None, minutes: float | None = None,
         seeds: list[Path] = SEEDS, many: bool = True, start: int = 0) -> FuzzSummary:
    """Make and run inputs ``start`` to ``n - 1`` (or input ``only``); with ``minutes``, make no new input
    after that long. A long run cut short goes on later with ``start`` (inputs depend only on seed and number).

    The inputs go through the executor of ``lkj run`` (``pipeline.supervisor``: a worker
    stuck past its budget or past the memory cap is killed, a crashed one replaced), made
    as workers become free and deleted once recorded.
    """
    started = time.perf_counter()
    summary = FuzzSummary()
    with tempfile.TemporaryDirectory(prefix="lkj-fuzz-") as folder:
        db = open_database(str(db_path or Path(folder) / "fuzz.db"))
        version, libraries = extractor_version(), library_versions()
        made: list[tuple[int, str, Path]] = []

        def inputs():
            for index in [only] if only is not None else range(start, n):
                if minutes is not None and time.perf_counter() - started > minutes * 60:
                    return
                what, data = make_input(index, seed, seeds, many)
                path = Path(folder) / f"{index:06d}.pdf"
                path.write_bytes(data)
                made.append((index, what, path))
                summary.kinds[what.split("(")[0].split("+")[0]] += 1
                yield InputFile(path, sha256_of(path), len(data))

        try:
            for position, outcome in supervised_outcomes(inputs(), None, False, workers, time_limit, memory_limit):
                index, what, path = made[position]
                name = f"#{index} {what}"
                summary.inputs += 1
                _account(summary, name, outcome, time_limit, memory_limit, keep, path)
                try:
                    load_report(db, outcome.report, version, outcome.failure_reason, libraries, {})
                except Exception as error:  # loading failed: in lkj run this would stop the run
                    summary.escapes.append(f"{name}: loading failed: {type(error).__name__}: {error}")
                    _keep(keep, path)
                path.unlink()
                if progress and summary.inputs % 25 == 0:
                    progress(summary.inputs, summary)
        except Exception as error:  # an exception out of the executor: the run would have stopped
            summary.escapes.append(f"the run stopped: {type(error).__name__}: {error}")
        summary.report_rows = db.execute("select count(*) from reports").fetchone()[0]
        summary.integrity = db.execute("pragma integrity_check").fetchone()[0]
        db.close()
    summary.seconds = time.perf_counter() - started
    return summary


def _keep(keep: Path | None, path: Path) -> None:
    if keep is not None:
        keep.mkdir(parents=True, exist_ok=True)
        shutil.copy(path, keep / Path(path).name)


def _account(summary: FuzzSummary, name: str, outcome, time_limit: float, memory_limit: int,
             keep: Path | None, path: Path) -> None:
    summary.statuses[outcome.report.status] += 1
    summary.reasons[outcome.failure_reason or "-"] += 1
    message = next((w.message for w in outcome.report.warnings if w.code == outcome.failure_reason), "")
    if outcome.failure_reason == "internal_error":
        summary.internal_errors.append(f"{name}: {message}")
        _keep(keep, path)
    if outcome.failure_reason == "worker_crashed":
        summary.crashed.append(f"{name}: {message}")
        _keep(keep, path)
    if outcome.seconds > time_limit + PARENT_GRACE_SECONDS + GRACE_SECONDS:
        summary.over_budget.append(f"{name}: {outcome.seconds:.1f} s")
        _keep(keep, path)
    peak = outcome.peak_memory / 1024**2 if outcome.peak_memory else None
    if peak is not None and peak * 1024**2 > memory_limit + MEMORY_TOLERANCE:
        summary.over_memory.append(f"{name}: {peak:.0f} MB")
        _keep(keep, path)
    if peak is not None and peak > summary.worst_memory_mb:
        summary.worst_memory_mb, summary.worst_memory_input = peak, f"{name} ({outcome.report.status}, {outcome.failure_reason})"
    if outcome.seconds > summary.slowest_seconds:
        summary.slowest_seconds, summary.slowest_input = outcome.seconds, f"{name} ({outcome.report.status}, {outcome.failure_reason})"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.fuzz", description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=200, help="inputs to make and run")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--timeout", type=float, default=TIME_LIMIT, help="seconds a document may take")
    parser.add_argument("--memory-limit", type=float, default=MEMORY_LIMIT / 1024**3, help="GiB a worker may use")
    parser.add_argument("--db", type=Path, help="keep the database here (default: a temporary one)")
    parser.add_argument("--keep", type=Path, help="copy the inputs that break a check here")
    parser.add_argument("--only", type=int, help="make and run input number ONLY alone")
    parser.add_argument("--start", type=int, default=0, help="first input number (to go on with a run cut short)")
    parser.add_argument("--json", type=Path, help="write the figures here (after every batch, and at the end)")
    parser.add_argument("--minutes", type=float, help="make no new input after this many minutes")
    parser.add_argument("--small", action="store_true", help="mutate 1-3-page cuts of the seeds (faster)")
    args = parser.parse_args(argv)

    def figures(summary: FuzzSummary) -> str:
        return json.dumps({k: (dict(v) if isinstance(v, Counter) else v) for k, v in vars(summary).items()},
                          indent=2, ensure_ascii=False)

    def progress(done: int, summary: FuzzSummary) -> None:
        elapsed = time.perf_counter() - started
        print(f"{done} inputs, {elapsed:.0f} s, {dict(summary.statuses)}, escapes {len(summary.escapes)}, "
              f"internal errors {len(summary.internal_errors)}", file=sys.stderr, flush=True)
        if args.json:
            summary.seconds = elapsed
            args.json.write_text(figures(summary), encoding="utf-8")

    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="lkj-fuzz-seeds-") as folder:
        seeds = small_seeds(Path(folder)) if args.small else SEEDS
        summary = fuzz(args.n, args.seed, args.workers, args.timeout, int(args.memory_limit * 1024**3), args.db,
                       args.keep, args.only, progress, args.minutes, seeds, start=args.start)
    text = figures(summary)
    print(text)
    if args.json:
        args.json.write_text(text, encoding="utf-8")
    return 1 if summary.problems() else 0


if __name__ == "__main__":
    sys.exit(main())
