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


#: The skew of float noise in the matrix that places a metafile Word pasted (Tardamu 2024 p27:
#: ``10.551 0 -0.000000047 5.2542 33.45 137.75 cm``, which through the form's own scaling puts the
#: corners of its rectangles 1e-6 pt apart). Applied directly to a page, it takes a skew this
#: large for the corners of a short rule to stay apart in pdfium's float32 arithmetic.
METAFILE_SKEW = -0.000002


def rules_as_fills(src: Path, dst: Path, thickness: float, unclosed: bool = False) -> int:
    """Redraw the stroked table rules of ``src`` as thin filled rectangles, as pasted metafiles draw them.

    LibreOffice strokes each border (``x0 y0 m x1 y1 l S``). Word's metafile of a pasted
    spreadsheet range, "Microsoft Print to PDF" and others fill a rectangle ``thickness``
    thick instead, inside a matrix with a skew of float noise; cell shading is drawn
    there too, so fills (``re f``) get the same matrix. ``unclosed`` draws each rule as an
    unclosed four-point path (``m l l l f``, which the fill closes) instead of ``re``, as some
    exports do (Pemprov Sumut 2020 p39). Returns the number of rules redrawn.
    """
    skew = [pikepdf.Operator("q"), ([1, 0, METAFILE_SKEW, 1, 0, 0], pikepdf.Operator("cm"))]
    redrawn = 0
    with pikepdf.open(src) as pdf:
        for page in pdf.pages:
            ops = list(pikepdf.parse_content_stream(page))
            out: list = []
            stroke_colour: tuple[list, str] = ([0], "g")
            i = 0
            while i < len(ops):
                operands, op = ops[i]
                name = str(op)
                if name in ("G", "RG", "K"):
                    stroke_colour = (list(operands), name.lower())
                following = [str(o) for _, o in ops[i + 1:i + 3]]
                if name == "m" and following == ["l", "S"]:
                    (x0, y0), (x1, y1) = [float(v) for v in operands], [float(v) for v in ops[i + 1][0]]
                    if x0 == x1 or y0 == y1:
                        half = thickness / 2
                        box = ([min(x0, x1) - half, min(y0, y1), abs(x1 - x0) + thickness, thickness] if y0 == y1
                               else [x0 - half, min(y0, y1) - half, thickness, abs(y1 - y0) + thickness])
                        if y0 == y1:
                            box[1] -= half
                        bx, by, bw, bh = box
                        shape = ([([bx, by], pikepdf.Operator("m")), ([bx + bw, by], pikepdf.Operator("l")),
                                  ([bx + bw, by + bh], pikepdf.Operator("l")), ([bx, by + bh], pikepdf.Operator("l"))]
                                 if unclosed else [(box, pikepdf.Operator("re"))])
                        out += [([], skew[0]), skew[1], (stroke_colour[0], pikepdf.Operator(stroke_colour[1])),
                                *shape, ([], pikepdf.Operator("f")), ([], pikepdf.Operator("Q"))]
                        redrawn += 1
                        i += 3
                        continue
                if name == "re" and i + 1 < len(ops) and str(ops[i + 1][1]) in ("f", "f*"):
                    out += [([], skew[0]), skew[1], ops[i], ops[i + 1], ([], pikepdf.Operator("Q"))]
                    i += 2
                    continue
                out.append((operands, op))
                i += 1
            page.Contents = pdf.make_stream(pikepdf.unparse_content_stream(out))
        pdf.save(dst, deterministic_id=True)
    return redrawn
