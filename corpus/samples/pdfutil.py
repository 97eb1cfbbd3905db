"""LibreOffice conversion, PDF normalisation and page look-ups."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pikepdf


def soffice_convert(docx_paths: list[Path], outdir: Path, workdir: Path) -> None:
    """Convert .docx files to PDF with one headless LibreOffice run.

    A private user profile keeps the run independent of any other
    LibreOffice the machine runs and of user settings.
    """
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if not exe:
        raise SystemExit("LibreOffice (soffice) is needed to build the corpus")
    profile = workdir / "lo-profile"
    profile.mkdir(parents=True, exist_ok=True)
    cmd = [exe, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
           "--convert-to", "pdf", "--outdir", str(outdir)] + [str(p) for p in docx_paths]
    env = dict(os.environ, TZ="UTC", LC_ALL="C.UTF-8", SOURCE_DATE_EPOCH="1577836800")
    res = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=900)
    for p in docx_paths:
        if not (outdir / (p.stem + ".pdf")).exists():
            raise RuntimeError(f"soffice did not produce {p.stem}.pdf:\n{res.stdout}\n{res.stderr}")


def normalize_pdf(src: Path, dst: Path, title: str | None = None) -> None:
    """Drop the clock-dependent parts LibreOffice writes (dates, /ID) so a
    rebuild gives the same bytes."""
    with pikepdf.open(src) as pdf:
        info = pdf.docinfo
        for k in ("/CreationDate", "/ModDate"):
            if k in info:
                del info[k]
        if title is not None:
            info["/Title"] = title
        if "/DocChecksum" in pdf.trailer:   # LibreOffice: a hash of the run
            del pdf.trailer["/DocChecksum"]
        if "/ID" in pdf.trailer:            # else it seeds the new /ID
            del pdf.trailer["/ID"]
        if "/Metadata" in pdf.Root:
            del pdf.Root["/Metadata"]
        pdf.save(dst, deterministic_id=True, compress_streams=True,
                 object_stream_mode=pikepdf.ObjectStreamMode.generate)


_ws = re.compile(r"\s+")


def squash(s: str) -> str:
    """Text without any whitespace, for robust substring tests."""
    return _ws.sub("", s)


def stream_texts(pdf_path: Path) -> list[str]:
    """Per page: characters in content-stream order, whitespace removed.

    LibreOffice writes a table cell's text contiguously, so a wrapped cell
    is still a substring here (unlike pdfplumber's line-ordered text).
    """
    import pdfplumber
    out = []
    with pdfplumber.open(pdf_path) as pdf:
        for page in pdf.pages:
            out.append(squash("".join(c["text"] for c in page.chars)))
    return out


def find_page(texts: list[str], needle: str, start: int = 0) -> int | None:
    """0-based index of the first page >= start containing needle."""
    n = squash(needle)
    for i in range(start, len(texts)):
        if n in texts[i]:
            return i
    return None


def page_count(pdf_path: Path) -> int:
    with pikepdf.open(pdf_path) as pdf:
        return len(pdf.pages)
