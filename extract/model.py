"""Typed results of each stage, as they are cached in the work folder and loaded.

Plain dataclasses: they serialise with ``dataclasses.asdict`` to JSON that a person
can read in ``.lkj/<sha256>/``, and pydantic's ``TypeAdapter`` rebuilds them on the
next run (a well-kept library instead of a hand-written decoder).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from lkj.extract.budget import MoneyMention, ProgramRow, SpendingRow
from lkj.extract.document import PageText
from lkj.extract.identity import UnitGuess
from lkj.extract.measurement import IndicatorRow
from lkj.extract.raw_table import RawTable
from lkj.extract.warning_codes import ReportWarning


@dataclass
class IngestResult:
    sha256: str
    path: str
    file_name: str
    size: int
    pages: list[PageText] = field(default_factory=list)
    failure: str | None = None
    failure_message: str | None = None
    password: str | None = None
    warnings: list[ReportWarning] = field(default_factory=list)

    @property
    def scanned_pages(self) -> list[int]:
        """Pages without a text layer, whether or not OCR has read them since."""
        return [p.number for p in self.pages if p.source == "ocr" or not (p.has_text or p.blank)]

    @property
    def is_scan(self) -> bool:
        """A scanned report (``reports.scanned``): most of its pages have no text layer."""
        return bool(self.pages) and len(self.scanned_pages) > len(self.pages) / 2


@dataclass
class CellConfidence:
    """OCR confidence of one table cell's text, for the normalizer to attach to its value."""

    page: int
    text: str
    confidence: float | None


@dataclass
class OcrResult:
    pages: list[PageText] = field(default_factory=list)
    tables: list[RawTable] = field(default_factory=list)
    cells: list[CellConfidence] = field(default_factory=list)
    failure: str | None = None
    warnings: list[ReportWarning] = field(default_factory=list)


@dataclass
class ExtractResult:
    tables: list[RawTable] = field(default_factory=list)
    candidate_pages: list[int] = field(default_factory=list)
    stream_pages: list[int] = field(default_factory=list)
    warnings: list[ReportWarning] = field(default_factory=list)
    cells: list[CellConfidence] = field(default_factory=list)  # OCR confidence of table cells read from scans
    #: Pages triage did not pick, read because a ruled table ran to the foot of the page before.
    followed_pages: list[int] = field(default_factory=list)


@dataclass
class ColumnInfo:
    label: str
    role: str
    year: int | None


@dataclass
class TableInfo:
    id: int
    kind: str
    main: bool
    title: str
    pages: list[int]
    flavors: list[str]
    columns: list[ColumnInfo]
    n_rows: int
    reason: str = ""  # why the table has its role: which rule made it the main table, or not


@dataclass
class InterpretResult:
    unit: UnitGuess
    year: int | None
    cover_year: int | None
    tables: list[TableInfo] = field(default_factory=list)
    indicators: list[IndicatorRow] = field(default_factory=list)
    details: list[IndicatorRow] = field(default_factory=list)
    plans: list[IndicatorRow] = field(default_factory=list)
    programs: list[ProgramRow] = field(default_factory=list)
    spending: list[SpendingRow] = field(default_factory=list)
    spending_total: dict[str, str] = field(default_factory=dict)
    prose_money: list[MoneyMention] = field(default_factory=list)
    warnings: list[ReportWarning] = field(default_factory=list)
    document_type: str | None = None  # lkj | renstra | pk | renaksi | lra | other (extract/document_kind.py)


@dataclass
class Value:
    """A typed cell: what was printed, what it means, and how sure the normalizer is."""

    raw: str
    value: float | int | None
    unit: str | None
    kind: str
    confidence: float = 1.0


@dataclass
class Indicator:
    table_id: int
    page: int
    goal_no: str | None
    goal: str | None
    indicator_no: str | None
    indicator: str
    unit_raw: str
    target: Value
    realization: Value
    achievement: Value
    achievement_computed: float | None
    polarity: str | None  # higher_is_better | lower_is_better | None when unknown
    extra: dict[str, Value] = field(default_factory=dict)
    source: str = "main"  # main | detail | plan
    #: Where the row is printed on ``page`` (x0, top, x1, bottom in PDF points from the top left;
    #: the union of its cells), when the table reader knows: what ``lkj serve`` crops to show it.
    box: tuple[float, float, float, float] | None = None


@dataclass
class BudgetProgram:
    table_id: int
    page: int
    program: str
    pagu: Value
    realization: Value
    absorption: Value
    box: tuple[float, float, float, float] | None = None  # as Indicator.box


@dataclass
class Spending:
    table_id: int
    page: int
    category: str
    label: str
    pagu: Value
    realization: Value
    remaining: Value
    box: tuple[float, float, float, float] | None = None  # as Indicator.box


@dataclass
class NormalizedReport:
    sha256: str
    file_name: str
    path: str
    pages: int
    scanned: bool
    status: str  # ok | partial | failed
    unit: UnitGuess
    year: int | None
    cover_year: int | None
    convention: str | None
    tables: list[TableInfo] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)
    details: list[Indicator] = field(default_factory=list)
    plans: list[Indicator] = field(default_factory=list)
    programs: list[BudgetProgram] = field(default_factory=list)
    spending: list[Spending] = field(default_factory=list)
    budget_pagu: int | None = None
    budget_realization: int | None = None
    budget_absorption: float | None = None
    budget_source: str | None = None  # program_total | spending_total | prose
    warnings: list[ReportWarning] = field(default_factory=list)
    ocr_pages: list[int] = field(default_factory=list)
    document_type: str | None = None  # lkj | renstra | pk | renaksi | lra | other; None when undecidable
