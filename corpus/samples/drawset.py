"""Write a set of drawn reports (PDFs + expected JSON) into a folder.

One LibreOffice run converts a whole batch of .docx files (starting soffice costs
seconds; converting a short report a fraction of that).
"""
from __future__ import annotations

import json
import random
import shutil
import tempfile
from pathlib import Path

from . import scans
from .draw import build, load_units
from .features import BY_NAME, OBSERVED
from .pdfutil import normalize_pdf, rules_as_fills, soffice_convert

BATCH = 25   # .docx files per soffice call


def write_json(path: Path, obj) -> None:
    path.write_text(json.dumps(obj, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def scan_pages(exp: dict) -> list[int]:
    """Cover or first page, the measurement-table pages and the budget pages."""
    pages = set(scans.subset_pages(exp))
    pages.update(d["page"] for d in exp.get("detail_indicators", []))
    return sorted(pages)


def observed(exp: dict, features: set[str]) -> set[str]:
    """Features the converted PDF decides (see features.OBSERVED)."""
    out = set()
    pages = exp["main_table"]["pages"] if exp.get("main_table") else []
    detail = exp.get("detail_indicators") or []
    goal_pages: dict = {}
    for d in detail:
        goal_pages.setdefault(d["goal_no"], set()).add(d["page"])
    if len(pages) > 1 or any(len(p) > 1 for p in goal_pages.values()):
        out.add("crosses_pages")
        if "no_repeated_header" in features:
            out.add("crosses_pages_no_repeated_header")
    assert out <= OBSERVED.keys()
    return out


def draw_set(n: int, seed: int, out: Path, exclude: frozenset[str] = frozenset(),
             start: int = 0, log=print, require: frozenset[str] = frozenset()) -> list[Path]:
    """Draw reports ``start .. start+n-1`` of ``seed`` into ``out``; return the expected paths.
    ``exclude``/``require``: features drawn with probability 0/1 (features.draw_features)."""
    out.mkdir(parents=True, exist_ok=True)
    units = load_units()
    work = Path(tempfile.mkdtemp(prefix="lkj-draws-"))
    written = []
    try:
        for b0 in range(start, start + n, BATCH):
            idx = range(b0, min(start + n, b0 + BATCH))
            reps = []
            for i in idx:
                rep, plan = build(seed, i, exclude, units, require)
                path = work / f"{rep.slug}.docx"
                rep.doc.save(path)
                reps.append((rep, plan, path))
            pdfdir = work / "pdf"
            pdfdir.mkdir(exist_ok=True)
            soffice_convert([r[2] for r in reps], pdfdir, work)
            for rep, plan, _ in reps:
                written.append(_finish(rep, plan, pdfdir, out, work, exclude))
                log(f"  {written[-1].name}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return written


def after_conversion(plan, exclude: frozenset[str]) -> set[str]:
    """The features of ``features.AFTER_CONVERSION`` a report gets, from their own random streams."""
    out = set()
    for name in ("rules_filled",):
        roll = random.Random(f"lkj-draw-{name}:{plan.seed}:{plan.index}").random()
        if name in plan.feats or (name not in exclude and "scan" not in plan.feats and roll < BY_NAME[name].p):
            out.add(name)
    return out


def _finish(rep, plan, pdfdir: Path, out: Path, work: Path, exclude: frozenset[str] = frozenset()) -> Path:
    scanned = "scan" in plan.feats
    dst = (work if scanned else out) / f"{rep.slug}.pdf"
    after = after_conversion(plan, exclude)
    if "rules_filled" in after:
        normalize_pdf(pdfdir / f"{rep.slug}.pdf", work / f"{rep.slug}.stroked.pdf")
        rng = random.Random(f"lkj-draw-rules_filled-shape:{plan.seed}:{plan.index}")
        rules_as_fills(work / f"{rep.slug}.stroked.pdf", dst, rng.choice((0.9, 2.2)), unclosed=rng.random() < 0.5)
    else:
        normalize_pdf(pdfdir / f"{rep.slug}.pdf", dst)   # no title: no hint beyond the pages
    exp = rep.expected(dst)
    feats = set(plan.feats) | observed(exp, plan.feats) | after
    exp["features"] = sorted(feats)
    exp["draw"] = {"seed": plan.seed, "index": plan.index}
    if scanned:
        pages = scan_pages(exp)
        rng = random.Random(f"lkj-draw-scan:{plan.seed}:{plan.index}")
        images, angles = [], []
        with tempfile.TemporaryDirectory() as td:
            for pg in pages:
                im, ang = scans.degrade(scans.render(dst, pg, 150, Path(td)), rng)
                images.append(im)
                angles.append(ang)
        final = out / dst.name
        scans.image_pdf(images, 150, final)
        exp = scans.scan_expected(exp, final.name, pages, angles)
    path = out / f"{rep.slug}.expected.json"
    write_json(path, exp)
    return path
