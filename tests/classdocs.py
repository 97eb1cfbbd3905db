"""Word-style LKj documents for the failure-class tests, converted with LibreOffice at test time.

Each class test draws a few variants of one kind of document (layout, wording, names,
numbers) with a fixed seed, builds them with the sample corpus's python-docx helpers,
converts them all in one ``soffice --headless --convert-to pdf`` run and reads them with
the pipeline's own stages. The PDFs are not committed: they are rebuilt on every run,
so a test checks the class of layout, not one file.
"""
from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from lkj.corpus.samples.docxutil import HCell, TableStyle, TRow, add_table, new_document, page_break, para
from lkj.corpus.samples.pdfutil import soffice_convert
from lkj.extract.model import NormalizedReport, OcrResult
from lkj.pipeline.extract_stage import extract
from lkj.pipeline.ingest import ingest
from lkj.pipeline.inputs import InputFile, sha256_of
from lkj.pipeline.interpret import interpret
from lkj.pipeline.normalize import normalize

__all__ = ["HCell", "TRow", "TableStyle", "add_table", "new_document", "page_break", "para",
           "Built", "build_pdfs", "read_report", "needs_soffice"]

needs_soffice = pytest.mark.skipif(shutil.which("soffice") is None and shutil.which("libreoffice") is None,
                                   reason="LibreOffice (soffice) builds the test documents")


@dataclass
class Built:
    name: str
    pdf: Path


def build_pdfs(documents: dict[str, object], folder: Path) -> dict[str, Path]:
    """Save each python-docx document and convert them all with one LibreOffice run."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, document in documents.items():
        path = folder / f"{name}.docx"
        document.save(path)
        paths.append(path)
    soffice_convert(paths, folder, folder)
    return {name: folder / f"{name}.pdf" for name in documents}


def read_report(pdf: Path) -> NormalizedReport:
    """The pipeline's stages (no OCR: these PDFs have a text layer) on one PDF."""
    ingested = ingest(InputFile(pdf, sha256_of(pdf), pdf.stat().st_size))
    extracted = extract(ingested, OcrResult())
    return normalize(ingested, extracted, interpret(ingested, extracted))


def draw_and_score(folder: Path, draws: tuple[tuple[int, int], ...], exclude: frozenset[str],
                   require: frozenset[str]) -> list:
    """Whole reports drawn by the generator (``draws``: (seed, n) pairs, ``exclude`` and ``require`` as
    ``draw_set`` takes them), run through lkj with two workers and scored against the generator's
    expected JSON: the fixture of the class tests on drawn reports, written once."""
    pytest.importorskip("docx", reason="the generator needs python-docx (pip install -e '.[corpus]')")
    from lkj.corpus.samples.drawset import draw_set
    from lkj.corpus.samples.score import run_and_score
    expected = []
    for seed, n in draws:
        expected += draw_set(n, seed, folder / str(seed), exclude, log=lambda *_: None, require=require)
    return run_and_score(folder, expected, workers=2)
