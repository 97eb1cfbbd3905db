"""Stage 2: tables from the pages that triage selected.

Ruled tables are read by pdfplumber, borderless ones from word positions (camelot
stream as the fallback); see ``extract.tables``. pdfplumber (pdfminer) is stricter
than qpdf and pdfium: a file whose cross-reference table or trailer is damaged can
open at ingest and still fail here. Such a file is rewritten once by qpdf (pikepdf),
which rebuilds the cross-references, and read again; the report says so.
"""
from __future__ import annotations

import tempfile
import traceback
from pathlib import Path

import pikepdf
from pdfplumber.utils.exceptions import MalformedPDFException, PdfminerException

from lkj.extract.model import ExtractResult, IngestResult, OcrResult
from lkj.extract.page_roles import triage_page
from lkj.extract.raw_table import RawTable
from lkj.extract.tables import extract_tables
from lkj.extract.warning_codes import ReportWarning


class UnreadablePDF(Exception):
    """pdfminer cannot read the file even after qpdf rebuilt it."""


#: Readers whose TypeError or ValueError means a damaged file (a page without a usable
#: /MediaBox made pdfplumber iterate None), not a defect of lkj.
_READERS = ("/pdfplumber/", "/pdfminer/")


def _damage(error: Exception) -> bool:
    """True when ``error`` says the file is damaged: pdfminer's own errors, fewer pages than
    pdfium found (IndexError), or a TypeError/ValueError raised inside the readers."""
    if isinstance(error, (PdfminerException, MalformedPDFException, IndexError)):
        return True
    frames = traceback.extract_tb(error.__traceback__)
    return isinstance(error, (TypeError, ValueError)) and bool(frames) and any(r in frames[-1].filename for r in _READERS)


def _tables_with_repair(path: Path, candidates: list[int], strong: list[int], text_pages: list[int],
                        password: str | None, warnings: list[ReportWarning], read: list[int],
                        no_camelot: list[int]) -> list[RawTable]:
    try:
        return extract_tables(path, candidates, strong, password=password, follow=text_pages, read=read,
                              no_camelot=no_camelot)
    except Exception as first_error:
        # IndexError: pdfminer found fewer pages than pdfium (a damaged cross-reference
        # table hides some of them from it); qpdf's rebuilt file shows them all.
        if not _damage(first_error):
            raise
        read.clear()
        with tempfile.TemporaryDirectory() as folder:
            repaired = Path(folder) / "repaired.pdf"
            try:
                with pikepdf.open(path, password=password or "") as pdf:
                    pdf.save(repaired)  # qpdf writes fresh cross-reference tables and trailer
                tables = extract_tables(repaired, candidates, strong, follow=text_pages, read=read,
                                        no_camelot=no_camelot)
            except Exception as error:
                if not (isinstance(error, pikepdf.PdfError) or _damage(error)):
                    raise
                raise UnreadablePDF(f"{first_error}; after repair: {error}") from error
        warnings.append(ReportWarning("repaired", f"the PDF's structure was damaged ({first_error}); read after qpdf rebuilt it", stage="extract"))
        return tables


def extract(ingested: IngestResult, ocred: OcrResult) -> ExtractResult:
    """Tables of the text-layer pages that triage selected, plus the tables OCR read on scanned pages."""
    triage = [triage_page(p.number, p.text) for p in ingested.pages if p.has_text and p.source == "text"]
    candidates = [t.number for t in triage if t.is_candidate]
    strong = [t.number for t in triage if t.is_strong]
    warnings: list[ReportWarning] = []
    read: list[int] = []
    tables = _tables_with_repair(Path(ingested.path), candidates, strong, [t.number for t in triage],
                                 ingested.password, warnings, read,
                                 [p.number for p in ingested.pages if p.form_loop]) if candidates else []
    tables = sorted(tables + ocred.tables, key=lambda t: (t.page, t.bbox[1]))
    followed = sorted(set(read) - set(candidates) - set(strong))
    return ExtractResult(tables=tables, candidate_pages=candidates, stream_pages=strong, warnings=warnings,
                         cells=ocred.cells, followed_pages=followed)
