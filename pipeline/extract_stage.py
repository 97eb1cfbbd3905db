"""Stage 2: tables from the pages that triage selected (ruled: pdfplumber; borderless: camelot)."""
from __future__ import annotations

from pathlib import Path

from extract.page_roles import triage_page
from extract.tables import extract_tables
from pipeline.model import ExtractResult, IngestResult

VERSION = 1


def extract(ingested: IngestResult) -> ExtractResult:
    triage = [triage_page(p.number, p.text) for p in ingested.pages if p.has_text]
    candidates = [t.number for t in triage if t.is_candidate]
    strong = [t.number for t in triage if t.is_strong]
    tables = extract_tables(Path(ingested.path), candidates, strong, password=ingested.password)
    return ExtractResult(tables=tables, candidate_pages=candidates, stream_pages=strong)
