"""Image-only "scans" of generated reports: pages rendered with pdftoppm,
rotated a little, blurred, speckled, JPEG-compressed, no text layer."""
from __future__ import annotations

import copy
import io
import json
import random
import subprocess
import tempfile
from pathlib import Path

import numpy as np
import pikepdf
from PIL import Image, ImageFilter

SCANS = [
    # (source slug, scan slug, source pages or None for all, dpi)
    ("kpu-kota-bandar-lampung-2023", "kpu-kota-bandar-lampung-2023-scan", None, 150),
    ("kpu-kab-lampung-utara-2024", "kpu-kab-lampung-utara-2024-scan", "subset", 150),
]


def render(pdf: Path, page: int, dpi: int, work: Path) -> Image.Image:
    stem = work / f"p{page}"
    subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-png", "-singlefile",
                    "-f", str(page), "-l", str(page), str(pdf), str(stem)], check=True)
    return Image.open(f"{stem}.png").convert("L")


def degrade(im: Image.Image, rng: random.Random) -> tuple[Image.Image, float]:
    angle = rng.uniform(0.3, 1.5) * rng.choice([-1, 1])
    im = im.rotate(angle, resample=Image.BICUBIC, expand=False, fillcolor=255)
    im = im.filter(ImageFilter.GaussianBlur(radius=0.7))
    a = np.asarray(im).astype(np.float32)
    nrng = np.random.default_rng(rng.randrange(2**32))
    # grey paper, not quite black ink, light grain
    a = 28 + a * (236 - 28) / 255.0
    a += nrng.normal(0, 4.0, a.shape)
    # speckle: sparse dark dots and a few light drop-outs
    h, w = a.shape
    n = int(h * w * 0.0004)
    ys, xs = nrng.integers(0, h, n), nrng.integers(0, w, n)
    a[ys, xs] = nrng.uniform(30, 120, n)
    ys, xs = nrng.integers(0, h, n // 2), nrng.integers(0, w, n // 2)
    a[ys, xs] = 250
    im = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8), "L")
    return im, angle


def image_pdf(images: list[Image.Image], dpi: int, dst: Path, quality: int = 45) -> None:
    pdf = pikepdf.new()
    for im in images:
        buf = io.BytesIO()
        im.save(buf, format="JPEG", quality=quality, optimize=True)
        w, h = im.size
        img = pikepdf.Stream(pdf, buf.getvalue())
        img.Type, img.Subtype = pikepdf.Name.XObject, pikepdf.Name.Image
        img.Width, img.Height = w, h
        img.ColorSpace = pikepdf.Name.DeviceGray
        img.BitsPerComponent = 8
        img.Filter = pikepdf.Name.DCTDecode
        pw, ph = w * 72.0 / dpi, h * 72.0 / dpi
        content = f"q {pw:.2f} 0 0 {ph:.2f} 0 0 cm /Im0 Do Q".encode()
        page = pikepdf.Dictionary(
            Type=pikepdf.Name.Page,
            MediaBox=[0, 0, round(pw, 2), round(ph, 2)],
            Resources=pikepdf.Dictionary(XObject=pikepdf.Dictionary(Im0=img)),
            Contents=pikepdf.Stream(pdf, content),
        )
        pdf.pages.append(pikepdf.Page(page))
    pdf.docinfo["/Producer"] = "lkj-corpus scan simulator"
    pdf.save(dst, deterministic_id=True)


def subset_pages(exp: dict) -> list[int]:
    """Cover + main table pages + budget/spending table pages."""
    pages = {1}
    if exp.get("main_table"):
        pages.update(exp["main_table"]["pages"])
    for k in ("budget_table", "spending_table"):
        if exp.get(k):
            pages.update(exp[k]["pages"])
    return sorted(pages)


def scan_expected(src: dict, name: str, pages: list[int], angles: list[float]) -> dict:
    e = copy.deepcopy(src)
    remap = {p: i + 1 for i, p in enumerate(pages)}
    e["file"] = name
    e["source"] = "scan"
    e["source_file"] = src["file"]
    e["pages_from_source"] = pages
    e["page_count"] = len(pages)
    if e.get("main_table"):
        assert all(p in remap for p in e["main_table"]["pages"])
        e["main_table"]["pages"] = [remap[p] for p in e["main_table"]["pages"]]
    for k, lst in (("budget_table", "budget_programs"), ("spending_table", "spending")):
        t = e.get(k)
        if t and all(p in remap for p in t["pages"]):
            t["pages"] = [remap[p] for p in t["pages"]]
        elif t:
            del e[k]
            e[lst] = []
            if k == "budget_table":
                e["budget_totals"] = None
    kept = [d for d in e.get("detail_indicators", []) if d["page"] in remap]
    keep_goals = {d["goal_no"] for d in kept}
    for d in kept:
        d["page"] = remap[d["page"]]
    e["detail_indicators"] = kept
    e["disagreements"] = [d for d in e.get("disagreements", []) if d["goal_no"] in keep_goals]
    e["notes"] = list(e.get("notes", [])) + [
        "image-only scan (no text layer) of " + src["file"] +
        (f", pages {pages} only" if len(pages) != src["page_count"] else ", all pages") +
        "; each page rotated by " + ", ".join(f"{a:+.2f}" for a in angles) + " degrees"]
    return e


def build(seed: int, born: Path, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for src_slug, slug, which, dpi in SCANS:
        rng = random.Random(f"{seed}:{slug}")
        src_pdf = born / f"{src_slug}.pdf"
        src_exp = json.loads((born / f"{src_slug}.expected.json").read_text())
        pages = list(range(1, src_exp["page_count"] + 1)) if which is None else subset_pages(src_exp)
        images, angles = [], []
        with tempfile.TemporaryDirectory() as td:
            for p in pages:
                im, ang = degrade(render(src_pdf, p, dpi, Path(td)), rng)
                images.append(im)
                angles.append(ang)
        dst = out / f"{slug}.pdf"
        image_pdf(images, dpi, dst)
        exp = scan_expected(src_exp, dst.name, pages, angles)
        (out / f"{slug}.expected.json").write_text(
            json.dumps(exp, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"  {dst.name}: {len(pages)} pages, {dst.stat().st_size // 1024} KiB")
