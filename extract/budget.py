"""Budget figures: the per-program table, the spending-type table and prose totals.

All values stay raw text here. The spending table comes in two shapes, both seen in
KPU reports: types of spending as columns with PAGU / REALISASI / SISA rows (the
SAKTI/OMSPAN export the seed report pastes in), or types as rows with pagu and
realisation columns. When a report prints no budget table, the totals are taken from
prose such as ``sebesar Rp. 77.452.486.000,-``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from lkj.extract.budget_levels import Line, levels
from lkj.extract.layout import SQUASHED_TOTALS, LogicalTable, code_column, spending_categories, spending_category
from lkj.extract.nlp import blank_indonesian
from lkj.extract.numbers import parse_money
from lkj.extract.text_lines import join_lines
from lkj.extract.units import fold
from lkj.extract.vocabulary import (
    BUDGET_ROW_LABELS,
    CURRENCY_PREFIXES,
    INDIRECT_SPENDING_WORDS,
    INITIAL_BUDGET_WORDS,
    PERCENT_HEADER_WORDS,
    PROSE_PAGU_WORDS,
    PROSE_REALIZATION_WORDS,
    REVENUE_WORDS,
    REVISED_BUDGET_WORDS,
    SPENDING_CAPTION_WORDS,
    SUBTOTAL_WORDS,
    TOTAL_WORDS,
)
from lkj.extract.warning_codes import ReportWarning

#: One printed amount or percentage, no words (``73,463,786,000``, ``(99.91%)``, ``0``).
_AMOUNT = re.compile(r"\(?-?[\d.,]*\d[\d.,]*%?\)?")
#: A number as a percentage is printed, at most three digits before the decimals (``94.74``, ``100``).
_SMALL = re.compile(r"\d{1,3}([.,]\d+)?")


@dataclass
class ProgramRow:
    table_id: int
    page: int
    program: str
    pagu: str
    realization: str
    absorption: str
    is_total: bool = False
    box: tuple[float, float, float, float] | None = None  # where the row is printed on ``page``, in points
    is_subtotal: bool = False  # the total of one program's kegiatan, never the budget's


@dataclass
class SpendingRow:
    table_id: int
    page: int
    category: str
    label: str  # as printed
    pagu: str
    realization: str
    remaining: str
    box: tuple[float, float, float, float] | None = None  # where its cells are printed on ``page``, in points


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
    notes: list[ReportWarning] = field(default_factory=list)


def _first(table: LogicalTable, *roles: str) -> int | None:
    for role in roles:
        found = table.columns_with(role)
        if found:
            return found[0]
    return None


def _percent_column(table: LogicalTable, taken: set[int | None], findings: BudgetFindings) -> int | None:
    """The absorption column found by its cells when its header was misread (OCR ``Y Realisasi`` for ``% Realisasi``).

    Only a column of a role that is already taken (a second ``realization``) or of no
    role qualifies, and only when every one of its non-empty cells is a percentage.
    """
    for index, role in enumerate(table.roles):
        if index in taken or role.role not in ("realization", "budget_realization", "other"):
            continue
        texts = [join_lines(row.cells[index]) for row in table.grid.rows if index < len(row.cells)]
        texts = [t for t in texts if t]
        label = table.grid.columns[index].label.lower()  # ``Keuangan %``, ``PERSEN``: the sign is in the header, not the cells
        in_header = "%" in label or bool(set(label.split()) & PERCENT_HEADER_WORDS)
        if texts and all(_AMOUNT.fullmatch(t) and (t.rstrip(")").endswith("%") or in_header and _SMALL.fullmatch(t)) for t in texts):
            label = table.grid.columns[index].label
            findings.notes.append(ReportWarning("absorption_by_content", f"the column {label!r} holds only percentages: "
                                   "read as the absorption (% realisasi) column"))
            return index
    return None


def _holds_money(table: LogicalTable, index: int) -> bool:
    """Does the column hold amounts of money (``619.294.482``), not percentages?"""
    texts = [join_lines(row.cells[index]) for row in table.grid.rows if index < len(row.cells)]
    texts = [t for t in texts if t and any(ch.isdigit() for ch in t)]
    return bool(texts) and sum(bool(_GROUPED.fullmatch(t.strip())) for t in texts) * 2 > len(texts)


def _pagu_column(table: LogicalTable) -> int | None:
    """The pagu the realisation is measured against: of an initial and a revised pagu (``Pagu Awal``,
    ``Pagu Perubahan``) the revised; a header naming both (``Sebelum Perubahan``) is the initial."""
    columns = table.columns_with("pagu")
    words = {i: table.roles[i].label.lower().split() for i in columns}
    revised = [i for i in columns if any(w.startswith(REVISED_BUDGET_WORDS) for w in words[i])
               and not any(w.startswith(INITIAL_BUDGET_WORDS) for w in words[i])]
    return (revised or columns or [None])[0]


def _is_subtotal(label: str) -> bool:
    squashed = "".join(label.lower().split())
    return squashed.startswith(tuple("".join(w.split()) for w in SUBTOTAL_WORDS))


def amount_text(cell: str) -> str:
    """A money cell's text with a figure wrapped inside the cell joined again.

    A narrow amount column wraps the last digits of a long figure onto a line of their own
    (``112,996,359,30`` / ``0``; ``106,206,036,22`` / ``6.71``): joined by a space they read as
    two values. Lines that are all digits and separators are one figure when joining them
    without a space gives well-formed digit groups of three.
    """
    lines = [line.strip() for line in cell.split("\n") if line.strip()]
    prefix = _PREFIX.match(lines[0]) if lines else None  # ``Rp 112.996.359.30`` / ``0``
    head = prefix.group() if prefix else ""
    lines = [lines[0][len(head):], *lines[1:]] if lines else lines
    if len(lines) > 1 and all(_FIGURE_PART.fullmatch(line) for line in lines) and _GROUPED.fullmatch("".join(lines)):
        return head + "".join(lines)
    return join_lines(cell)


#: A currency word before a figure (``Rp``, ``Rp.``).
_PREFIX = re.compile(r"(?i)rp\.?\s*")
#: Digits and separators only, as a wrapped piece of a figure is printed.
_FIGURE_PART = re.compile(r"[\d.,]+")
#: A figure grouped by threes with ``.`` or ``,`` and an optional two-digit decimal part.
_GROUPED = re.compile(r"\d{1,3}([.,]\d{3})+([.,]\d{1,2})?")


def program_rows(table: LogicalTable, findings: BudgetFindings) -> list[ProgramRow]:
    """The table's programme rows and total rows; kegiatan rows under a programme are left out
    (``extract/budget_levels.py`` says which rows are which)."""
    names = table.columns_with("program")
    program_col = _first(table, "program", "other", "goal")
    name_cols = names or ([program_col] if program_col is not None else [])
    pagu_col = _pagu_column(table)
    real_col = _first(table, "budget_realization", "realization")
    pct_col = _first(table, "absorption", "achievement")
    no_col = _first(table, "no")
    code_col = code_column(table)
    if real_col is None and pct_col is not None and _holds_money(table, pct_col):
        # ``Penetapan | Perubahan | Serapan | %``: the absorbed amount, in rupiah, then its share
        real_col = pct_col
        pct_col = next((i for i in table.columns_with("absorption") + table.columns_with("achievement") if i != real_col), None)
    if pct_col is None:
        pct_col = _percent_column(table, {program_col, pagu_col, real_col, no_col, code_col}, findings)
    rows: list[ProgramRow] = []
    lines: list[Line] = []
    for body in table.grid.rows:
        cells = body.cells

        def get(i: int | None) -> str:
            return join_lines(cells[i]) if i is not None and i < len(cells) else ""

        def money(i: int | None) -> str:
            return amount_text(cells[i]) if i is not None and i < len(cells) else ""

        depth, program = next(((d, get(i)) for d, i in enumerate(name_cols) if get(i)), (0, ""))
        number = get(no_col)
        code = "".join(get(code_col).split()) if code_col is not None else ""
        label = (program or number).lower()
        pagu, realization = money(pagu_col), money(real_col)
        subtotal = _is_subtotal(label)
        squashed = "".join(label.split())  # ``J U M L A H``, letter-spaced
        is_total = subtotal or squashed.startswith(SQUASHED_TOTALS) or (not program and not number and not code)
        pagu_value = parse_money(pagu).value if _has_digit(pagu) else None
        real_value = parse_money(realization).value if _has_digit(realization) else None
        if not (_has_digit(pagu) or _has_digit(realization)) and not (program and (_numbering(number) or _CODE_TEXT.fullmatch(code))):
            continue  # a row of words only: a repeated header, a wrapped name
        if not (program or number or code) and not any(_AMOUNT.fullmatch(t) for t in (pagu, realization) if t):
            continue  # a page number or footer caught in the table's last row
        rows.append(ProgramRow(table.id, body.page, program, pagu, realization, get(pct_col), is_total, is_subtotal=subtotal,
                               box=body.box))
        lines.append(Line(program, code if _CODE_TEXT.fullmatch(code) else "", number, depth,
                          pagu_value, real_value, fixed=is_total))
    found, rule = levels(lines)
    for row, level in zip(rows, found):
        row.is_total = row.is_total or level == "total"
    if rule == "flat":
        return [row for row in rows if row.pagu or row.realization]
    kept: list[ProgramRow] = []
    for row, level in zip(rows, found):
        if level == "kegiatan":
            continue
        if level == "fixed" and row.is_subtotal and kept and not kept[-1].is_total and not (kept[-1].pagu or kept[-1].realization):
            head = kept[-1]  # a programme printed without figures takes them from the subtotal under its kegiatan
            head.pagu, head.realization, head.absorption = row.pagu, row.realization, row.absorption
        kept.append(row)
    dropped = found.count("kegiatan")
    findings.notes.append(ReportWarning(
        "budget_kegiatan_rows", f"table {table.id} (p. {table.pages[0]}): {dropped} kegiatan rows under "
        f"{found.count('programme')} programmes, told apart by {rule}; only the programmes are loaded", table.pages[0]))
    return kept




def _has_digit(text: str) -> bool:
    return any(ch.isdigit() for ch in text)


def _numbering(text: str) -> bool:
    return bool(text) and bool(_NUMBER_TOKEN.fullmatch(text.split()[0]))


#: A row number as the No column prints it (``A.``, ``IV``, ``1.2.``).
_NUMBER_TOKEN = re.compile(r"([A-Za-z]|[IVXLC]+|\d+(\.\d+)*)[.)]?")
#: An account code as a code column prints it (whitespace removed).
_CODE_TEXT = re.compile(r"\d+(\.\d+)*\.?")


def not_programme_tables(tables: list[LogicalTable]) -> dict[int, str]:
    """Budget tables whose rows are no programmes, with the reason each is not loaded.

    A report prints more tables with pagu and realisation columns than its programme budget:
    revenue (``Realisasi Pendapatan Asli Daerah``, tax by type), indirect spending (``Belanja
    Tidak Langsung``: salaries by account, no programme), spending by kind (rows ``Belanja
    Langsung`` / ``Belanja Tidak Langsung``) and the budget of several years (``Tahun Anggaran
    2013 ... 2017``). Their rows loaded as programmes shift every programme and give the report
    a total that is not its programmes'.
    """
    reasons: dict[int, str] = {}
    for table in tables:
        if table.kind != "budget_program":
            continue
        caption = " ".join(table.caption.lower().split())
        years = {table.roles[i].year for i in table.columns_with("pagu")} - {None}
        name = _first(table, "program", "other")
        labels = [join_lines(row.cells[name]).lower() for row in table.grid.rows if name is not None and name < len(row.cells)]
        labels = ["".join(t.split()) for t in labels]  # ``Belanj a Pega wai``: a word broken by a narrow cell
        labels = [t for t in labels if t and not t.startswith(SQUASHED_TOTALS)]
        if any(word in caption for word in REVENUE_WORDS) and not any(word in caption for word in SPENDING_CAPTION_WORDS):
            reasons[table.id] = "not loaded: a revenue table (pendapatan), not spending by programme"
        elif any(phrase in caption for phrase in INDIRECT_SPENDING_WORDS):
            reasons[table.id] = "not loaded: indirect spending (belanja tidak langsung) has no programmes"
        elif len(years) >= 2:
            reasons[table.id] = f"not loaded: the budgets of several years ({', '.join(map(str, sorted(years)))})"
        elif labels and all(t.startswith(SPENDING_CAPTION_WORDS) for t in labels):
            reasons[table.id] = "not loaded: spending by kind (belanja ...), not by programme"
    return reasons


def _row_label(cells: list[str]) -> str | None:
    for text in cells:
        first = join_lines(text).lower().split(" ")[0] if text else ""
        if first in BUDGET_ROW_LABELS:
            return BUDGET_ROW_LABELS[first]
    return None


def spending_rows(table: LogicalTable, findings: BudgetFindings) -> None:
    categories = [spending_category(c.label) for c in table.grid.columns]
    if sum(c is not None for c in categories) >= 3:
        _spending_by_columns(table, categories, findings)
    else:
        _spending_by_rows(table, findings)


def _spending_by_columns(table: LogicalTable, categories: list[str | None], findings: BudgetFindings) -> None:
    """Types as columns, one row per PAGU/REALISASI/SISA; the first block is taken."""
    total_col = next((i for i, c in enumerate(table.grid.columns) if c.label.strip().lower() in TOTAL_WORDS), None)
    seen: dict[str, tuple[list[str], int]] = {}
    boxes: dict[str, tuple[float, float, float, float] | None] = {}  # a type's cells: its column across these rows
    for body in table.grid.rows:
        label = _row_label(body.cells)
        if label is None:
            continue
        if label in seen:
            if [join_lines(c) for c in body.cells] != seen[label][0]:
                findings.notes.append(ReportWarning("spending_blocks_differ", f"a later {label} row of the spending table differs from the first"))
            continue
        seen[label] = ([join_lines(c) for c in body.cells], body.page)
        boxes[label] = body.box
    if not seen:
        return
    page = min(p for _, p in seen.values())
    for index, category in enumerate(categories):
        if category is None:
            continue
        label = table.grid.columns[index].label
        values = {row: cells[index] for row, (cells, _) in seen.items()}
        rows = [boxes[row] for row, (_, p) in seen.items() if p == page and boxes[row]]
        span = table.grid.columns[index].span
        box = (span[0], min(b[1] for b in rows), span[1], max(b[3] for b in rows)) if rows else None
        for part_category, part_values in _split_joined_column(label, values, set(categories), findings):
            findings.spending.append(
                SpendingRow(table.id, page, part_category, label,
                            part_values.get("pagu", ""), part_values.get("realization", ""), part_values.get("remaining", ""),
                            box=box)
            )
    if total_col is not None:
        findings.spending_total = {label: cells[total_col] for label, (cells, _) in seen.items()}


def _split_joined_column(label: str, values: dict[str, str], column_categories: set[str | None],
                         findings: BudgetFindings) -> list[tuple[str, dict[str, str]]]:
    """One column per spending type, even where the rule between two types was not seen.

    A scan whose vertical rule between ``BARANG`` and ``MODAL`` is lost gives one column
    headed ``BARANG MODAL`` whose cells each hold two amounts. When the header names two
    types that no other column has and every cell holds exactly two values, the column
    is split in two (with a note); otherwise it stays one column of the first type and the
    normalizer warns about the extra values.
    """
    named = spending_categories(label)
    extra = [c for c in named[1:] if c not in column_categories]
    parts = {row: text.split() for row, text in values.items()}
    two_values = all(len(p) == 2 and all(_AMOUNT.fullmatch(t) for t in p) for p in parts.values())
    if len(named) != 2 or len(extra) != 1 or not parts or not two_values:
        return [(named[0], values)]
    findings.notes.append(ReportWarning("spending_column_split", f"the spending column {label!r} names {named[0]} and {named[1]} and "
                           "each of its cells holds two values: read as two columns (a rule between them was not seen)"))
    return [(category, {row: p[i] for row, p in parts.items()}) for i, category in enumerate(named)]


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
        if any(lowered.startswith(w) for w in TOTAL_WORDS):
            findings.spending_total = {"pagu": get(pagu_col), "realization": get(real_col), "remaining": get(rest_col)}
            continue
        category = spending_category(label_text) if label_text else None
        if category:
            findings.spending.append(
                SpendingRow(table.id, body.page, category, label_text, get(pagu_col), get(real_col), get(rest_col),
                            box=body.box)
            )


def prose_money(pages: list[tuple[int, str]]) -> list[MoneyMention]:
    """``Rp`` amounts in prose, labelled pagu or realization by the words before them."""
    nlp = blank_indonesian()
    mentions = []
    for number, text in pages:
        lowered = text.lower()
        if not any(prefix in lowered for prefix in CURRENCY_PREFIXES) or "anggaran" not in lowered:
            continue
        doc = nlp(text)
        for i, token in enumerate(doc):
            if fold(token.text) not in CURRENCY_PREFIXES:
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
            if PROSE_REALIZATION_WORDS.intersection(before):
                role = "realization"
            elif PROSE_PAGU_WORDS.intersection(before):
                role = "pagu"
            else:
                continue
            mentions.append(MoneyMention(role, raw, number, doc[max(0, i - 10):end].text))
    return mentions
