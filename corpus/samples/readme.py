"""Write corpus/README.md from what was built."""
from __future__ import annotations

import json
from pathlib import Path

HEAD = """# Sample corpus of LKj PDFs

Generated Laporan Kinerja (LKj) reports of KPU/KIP units with the values a
correct extraction must give, in `data/`:

- `data/born-digital/*.pdf` + `*.expected.json` -- text PDFs made from .docx by LibreOffice;
- `data/scans/*.pdf` + `*.expected.json` -- image-only versions of two of them;
- `data/broken/*` + `EXPECTED.json` -- inputs that must fail (and one that must open).

The JSON format is `corpus/EXPECTED_FORMAT.md` (`lkj-expected/1`);
`corpus/samples/expected.py` has `load_expected(path)`, which validates a file and
raises `ExpectedFormatError` when it is malformed. `tests/test_corpus.py` checks
that the committed corpus is consistent (no LibreOffice needed).

## Rebuild

    python -m lkj.corpus.samples build            # default --seed {seed}
    python -m lkj.corpus.samples build --only kpu-ri-2022 --out /tmp/x   # one report, elsewhere

Needs python-docx, Pillow, numpy, pdfplumber, pikepdf, LibreOffice (`soffice`),
poppler-utils (`pdftoppm`), qpdf and the fonts Liberation, DejaVu and Carlito
(Debian: `fonts-liberation fonts-dejavu fonts-crosextra-carlito`). The .docx
files are written to a temporary directory (`--keep-work` keeps it). A rebuild
with the same seed, LibreOffice and fonts gives byte-identical files: the PDF
dates, LibreOffice's `/DocChecksum` and the `/ID` are removed or derived from the
content with pikepdf, and the encrypted files use qpdf's `--static-id
--static-aes-iv`. Another LibreOffice version or other fonts may move page
breaks; the page numbers in the JSON are always computed from the built PDF
(pdfplumber), so rebuild the JSON together with the PDFs.

Typed values (`value`, `unit`) in the JSON come from the generator's own data
(each cell is produced from a typed value; the seed rendering is typed by hand
in `corpus/samples/seed_data.py`), never from the project's parser.

Optional fields this corpus adds to `lkj-expected/1`: `page_count`, `quirks`,
`notes` (top level and per indicator: what is deliberate), `satuan` (the Satuan
column of the row; `unit` then comes from it), `lower_is_better`, `page` on
detail indicators, `indicator` on disagreements, `budget_table` /
`spending_table` (`{{title, pages}}`), and for scans `source_file` and
`pages_from_source`.
"""


def write(out: Path, seed: int, seconds: float) -> None:
    lines = [HEAD.format(seed=seed)]
    total = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    lines.append(f"Total size of `data/`: {total / 1024 / 1024:.2f} MB "
                 f"({sum(1 for p in out.rglob('*') if p.is_file())} files). "
                 "A full build takes about 20-30 s on 2 cores.\n")
    lines.append("## Born-digital reports\n")
    lines.append("| file | unit | year (cover) | pages | size | main table pages | rows | quirks |")
    lines.append("|---|---|---|---|---|---|---|---|")
    for j in sorted((out / "born-digital").glob("*.expected.json")):
        e = json.loads(j.read_text())
        pdf = out / "born-digital" / e["file"]
        mt = e["main_table"]["pages"] if e["main_table"] else "none"
        cy = f" ({e['cover_year']})" if e["cover_year"] else ""
        q = "; ".join(e.get("quirks", []))
        lines.append(f"| `{e['file']}` | {e['unit']['name']} | {e['year']}{cy} | {e['page_count']} "
                     f"| {pdf.stat().st_size // 1024} KiB | {mt} | {len(e['indicators'])} main"
                     f" / {len(e['detail_indicators'])} detail | {q} |")
    lines.append("\n## Scans\n")
    lines.append("| file | from | pages | size | notes |")
    lines.append("|---|---|---|---|---|")
    for j in sorted((out / "scans").glob("*.expected.json")):
        e = json.loads(j.read_text())
        pdf = out / "scans" / e["file"]
        lines.append(f"| `{e['file']}` | `{e['source_file']}` pages {e['pages_from_source']} | "
                     f"{e['page_count']} | {pdf.stat().st_size // 1024} KiB | "
                     f"{'; '.join(e.get('notes', []))} |")
    lines.append("\nScans: pdftoppm at 150 dpi grayscale, rotated ±0.3..1.5°, Gaussian blur, grain "
                 "and speckle, JPEG (quality 45) in an image-only PDF. The subset scan keeps the "
                 "cover, the main table and the budget pages; its JSON keeps only what those "
                 "pages show (detail tables of other pages are dropped).\n")
    lines.append("## Broken inputs\n")
    lines.append("| file | reason | opens | detail |")
    lines.append("|---|---|---|---|")
    b = json.loads((out / "broken" / "EXPECTED.json").read_text())
    for f in b["files"]:
        lines.append(f"| `{f['file']}` | {f['reason'] or '(none: must be processed)'} | "
                     f"{'yes' if f['opens'] else 'no'} | {f['detail']} |")
    lines.append("")
    target = out.parent / "README.md" if out.name == "data" else out / "README.md"
    target.write_text("\n".join(lines), encoding="utf-8")
