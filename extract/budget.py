"""Budget figures: the per-program table, the spending-type table and prose totals.

All values stay raw text here. The spending table comes in two shapes, both seen in
KPU reports: types of spending as columns with PAGU / REALISASI / SISA rows (the
SAKTI/OMSPAN export the seed report pastes in), or types as rows with pagu and
realisation columns. When a report prints no budget table, the totals are taken from
prose such as ``sebesar Rp. 77.452.486.000,-``.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from extract.layout import LogicalTable, spending_category
from extract.measurement import join_lines
from extract.nlp import blank_indonesian

_TOTAL_WORDS = ("total", "jumlah", "grand total")
_ROW_LABELS = {"pagu": "pagu", "alokasi": "pagu", "anggaran": "pagu", "realisasi": "realization", "sisa": "remaining"}


@dataclass
class ProgramRow:
    table_id: int
    page: int
    program: str
    pagu: str
    realization: str
    absorption: str
    is_total: bool = False


@dataclass
class SpendingRow:
    table_id: int
    page: int
    category: str
    label: str  # as printed
    pagu: str
    realization: str
    remaining: str


@dataclass
class MoneyMention:
    role: str  # pagu | realization
    raw: str
    page: int
    context: str


@dataclass
class BudgetFindings:
    programs: list[ProgramRow] = field(default_factory=list)
    spending: list[SpendingRow] = field(default_factory=list)
    spending_total: dict[str, str] = field(default_factory=dict)  # pagu/realization/remaining raw
    prose: list[MoneyMention] = field(default_factory=list)
    notes: list[tuple[str, str]] = field(default_factory=list)


def _first(table: LogicalTable, *roles: str) -> int | None:
    for role in roles:
        found = table.columns_with(role)
        if found:
            return found[0]
    return None


def program_rows(table: LogicalTable) -> list[ProgramRow]:
    program_col = _first(table, "program", "other", "goal")
    pagu_col = _first(table, "pagu")
    real_col = _first(table, "budget_realization", "realization")
    pct_col = _first(table, "absorption", "achievement")
    no_col = _first(table, "no")
    rows = []
    for body in table.grid.rows:
        cells = body.cells

        def get(i: int | None) -> str:
            return join_lines(cells[i]) if i is not None and i < len(cells) else ""

        program = get(program_col)
        label = (program or get(no_col)).lower()
        if not (get(pagu_col) or get(real_col)):
            continue
        is_total = any(label.startswith(word) for word in _TOTAL_WORDS) or (not program and not get(no_col))
        rows.append(ProgramRow(table.id, body.page, program, get(pagu_col), get(real_col), get(pct_col), is_total))
    return rows


def _row_label(cells: list[str]) -> str | None:
    for text in cells:
        first = join_lines(text).lower().split(" ")[0] if text else ""
        if first in _ROW_LABELS:
            return _ROW_LABELS[first]
    return None


def spending_rows(table: LogicalTable, findings: BudgetFindings) -> None:
    categories = [spending_category(c.label) for c in table.grid.columns]
    if sum(c is not None for c in categories) >= 3:
        _spending_by_columns(table, categories, findings)
    else:
        _spending_by_rows(table, findings)


def _spending_by_columns(table: LogicalTable, categories: list[str | None], findings: BudgetFindings) -> None:
    """Types as columns, one row per PAGU/REALISASI/SISA; the first block is taken."""
    total_col = next((i for i, c in enumerate(table.grid.columns) if c.label.strip().lower() in ("total", "jumlah")), None)
    seen: dict[str, tuple[list[str], int]] = {}
    for body in table.grid.rows:
        label = _row_label(body.cells)
        if label is None:
            continue
        if label in seen:
            if [join_lines(c) for c in body.cells] != seen[label][0]:
                findings.notes.append(("spending_blocks_differ", f"a later {label} row of the spending table differs from the first"))
            continue
        seen[label] = ([join_lines(c) for c in body.cells], body.page)
    if not seen:
        return
    for index, category in enumerate(categories):
        if category is None:
            continue
        values = {label: cells[index] for label, (cells, _) in seen.items()}
        page = min(p for _, p in seen.values())
        findings.spending.append(
            SpendingRow(table.id, page, category, table.grid.columns[index].label,
                        values.get("pagu", ""), values.get("realization", ""), values.get("remaining", ""))
        )
    if total_col is not None:
        findings.spending_total = {label: cells[total_col] for label, (cells, _) in seen.items()}


def _spending_by_rows(table: LogicalTable, findings: BudgetFindings) -> None:
    pagu_col = _first(table, "pagu")
    real_col = _first(table, "budget_realization", "realization")
    rest_col = _first(table, "remaining")
    for body in table.grid.rows:
        cells = body.cells
        label_text = next((join_lines(c) for c in cells if c and spending_category(c)), "")

        def get(i: int | None) -> str:
            return join_lines(cells[i]) if i is not None and i < len(cells) else ""

        lowered = " ".join(join_lines(c).lower() for c in cells[:2])
        if any(lowered.startswith(w) for w in _TOTAL_WORDS):
            findings.spending_total = {"pagu": get(pagu_col), "realization": get(real_col), "remaining": get(rest_col)}
            continue
        category = spending_category(label_text) if label_text else None
        if category:
            findings.spending.append(
                SpendingRow(table.id, body.page, category, label_text, get(pagu_col), get(real_col), get(rest_col))
            )


def prose_money(pages: list[tuple[int, str]]) -> list[MoneyMention]:
    """``Rp`` amounts in prose, labelled pagu or realization by the words before them."""
    nlp = blank_indonesian()
    mentions = []
    for number, text in pages:
        lowered = text.lower()
        if "rp" not in lowered or "anggaran" not in lowered:
            continue
        doc = nlp(text)
        for i, token in enumerate(doc):
            if token.lower_ not in ("rp", "rp."):
                continue
            j = i + 1
            while j < len(doc) and doc[j].text in (".", ":"):
                j += 1
            if j >= len(doc) or not doc[j].like_num:
                continue
            end = j + 1
            while end < len(doc) and doc[end].text in (",", "-", ",-", "00") and end - j < 4:
                end += 1
            raw = doc[i:end].text
            before = [t.lower_ for t in doc[max(0, i - 10):i]]
            if "realisasi" in before or "terealisasi" in before or "penyerapan" in before:
                role = "realization"
            elif {"pagu", "anggaran", "dianggarkan", "alokasi", "sebesar"} & set(before):
                role = "pagu"
            else:
                continue
            mentions.append(MoneyMention(role, raw, number, doc[max(0, i - 10):end].text))
    return mentions
