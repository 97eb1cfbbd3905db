"""Build the sample corpus into corpus/data/."""
from __future__ import annotations

import json
import shutil
import tempfile
import time
from pathlib import Path

from . import seed as seed_report
from .pdfutil import normalize_pdf, soffice_convert
from .specs import SPECS
from .variants import build as build_variant

DATA = Path(__file__).resolve().parents[1] / "data"
DEFAULT_SEED = 20240601


def write_json(path: Path, obj) -> None:
    path.write_text(json.dumps(obj, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def reports(seed: int, only: set[str] | None = None):
    out = []
    if not only or seed_report.SLUG in only:
        out.append(seed_report.build(seed))
    for spec in SPECS:
        if not only or spec.slug in only:
            out.append(build_variant(spec, seed))
    return out


def build_born_digital(seed: int, out: Path, work: Path, only=None) -> list[Path]:
    docdir, pdfdir = work / "docx", work / "pdf"
    docdir.mkdir(parents=True, exist_ok=True)
    pdfdir.mkdir(parents=True, exist_ok=True)
    reps = reports(seed, only)
    paths = []
    for r in reps:
        p = docdir / f"{r.slug}.docx"
        r.doc.save(p)
        paths.append(p)
    soffice_convert(paths, pdfdir, work)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for r in reps:
        dst = out / f"{r.slug}.pdf"
        normalize_pdf(pdfdir / f"{r.slug}.pdf", dst,
                      title=f"Laporan Kinerja {r.unit['name']} Tahun {r.year}")
        exp = r.expected(dst)
        write_json(out / f"{r.slug}.expected.json", exp)
        written.append(dst)
        print(f"  {dst.name}: {exp['page_count']} pages, {dst.stat().st_size // 1024} KiB, "
              f"main table pages {exp['main_table']['pages'] if exp['main_table'] else None}, "
              f"{len(exp['indicators'])} indicators")
    return written


def build(seed: int = DEFAULT_SEED, out: Path = DATA, only=None, keep_work: bool = False):
    t0 = time.time()
    work = Path(tempfile.mkdtemp(prefix="lkj-corpus-"))
    try:
        bd = out / "born-digital"
        if not only:
            for d in ("born-digital", "scans", "broken"):
                if (out / d).exists():
                    shutil.rmtree(out / d)
        print("born-digital reports:")
        build_born_digital(seed, bd, work, only)
        if not only:
            from . import broken, scans
            print("scans:")
            scans.build(seed, bd, out / "scans")
            print("broken inputs:")
            broken.build(seed, bd, out / "broken", work)
            from . import readme
            readme.write(out, seed, time.time() - t0)
    finally:
        if keep_work:
            print("work dir kept:", work)
        else:
            shutil.rmtree(work, ignore_errors=True)
    print(f"done in {time.time() - t0:.0f} s")
