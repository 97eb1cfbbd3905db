"""Stage 1: fingerprint a file, read its text layer, and say whether it is usable.
"""
from __future__ import annotations

from lkj.extract.document import open_document
from lkj.extract.model import IngestResult
from lkj.extract.warning_codes import ReportWarning
from lkj.pipeline.inputs import InputFile


def ingest(file: InputFile) -> IngestResult:
    opened = open_document(file.path)
    result = IngestResult(
        sha256=file.sha256,
        path=str(file.path),
        file_name=file.path.name,
        size=file.size,
        pages=opened.pages,
        failure=opened.failure,
        failure_message=opened.failure_message,
        password=opened.password,
        warnings=[w.in_stage("ingest") for w in opened.warnings],
    )
    scanned = result.scanned_pages
    if result.pages and scanned:
        share = len(scanned) / len(result.pages)
        if share > 0.5:
            result.warnings.append(ReportWarning("scanned", f"{len(scanned)} of {len(result.pages)} pages have no text layer (scanned)", stage="ingest"))
        else:
            for number in scanned:
                result.warnings.append(ReportWarning("page_without_text", "page has no text layer (image only)", number, stage="ingest"))
    return result
