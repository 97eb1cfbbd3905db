"""Indicator rows from performance-measurement tables, exactly as printed.

Rules that follow the way LKj tables are typeset, not any one report:
- a goal (sasaran) printed once for several indicator rows (a vertically merged cell
  or simply left blank below) is carried down to each of them, with its number;
- a goal printed as a full-width group row (``1. Sasaran : ...``) above its indicators
  sets the goal of the rows that follow;
- the first body row of a page that continues a table, with no number and no values,
  is the rest of the row above cut by the page break, and its texts are appended;
- wrapped lines inside a cell are joined by one space; a blank cell stays blank.

Values stay raw strings here; typing them is the normalizer's job.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from extract.layout import LogicalTable

VALUE_ROLES = ("target", "realization", "achievement")


@dataclass
class IndicatorRow:
    table_id: int
    page: int
    goal_no: str | None
    goal: str | None
    indicator_no: str | None
    indicator: str
    unit_raw: str  # the Satuan column, '' when the table has none
    values: dict[str, str]  # role -> raw text of the chosen column
    extra: dict[str, str] = field(default_factory=dict)  # header -> raw, other value columns
    notes: list[tuple[str, str]] = field(default_factory=list)


def join_lines(text: str) -> str:
    """Cell text with its wrapped lines joined by single spaces."""
    return " ".join(text.split())


def _clean_number(text: str) -> str | None:
    """Row numbers print as ``1``, ``1.``, ``10..``, ``(1)``, ``1.1``; keep the digits and inner dots."""
    stripped = join_lines(text).strip("().: ")
    while ".." in stripped:
        stripped = stripped.replace("..", ".")
    return stripped or None


def choose_value_columns(table: LogicalTable, year: int | None) -> dict[str, int]:
    """Pick the reporting year's target/realization/achievement columns.

    A header naming the reporting year wins, then a header with no year, then the
    first; the other columns of the same role are kept as ``extra``.
    """
    chosen: dict[str, int] = {}
    for role in VALUE_ROLES:
        candidates = table.columns_with(role)
        if not candidates:
            continue
        same_year = [i for i in candidates if table.roles[i].year == year and year is not None]
        no_year = [i for i in candidates if table.roles[i].year is None]
        chosen[role] = (same_year or no_year or candidates)[0]
    return chosen


def _split_group_row(text: str) -> tuple[str | None, str]:
    """``1. Sasaran : Meningkatnya ...`` → ("1", "Meningkatnya ...")."""
    body = join_lines(text)
    number = None
    head, _, rest = body.partition(" ")
    if head.rstrip(".").replace(".", "").isdigit():
        number, body = head.rstrip("."), rest
    lowered = body.lower()
    for prefix in ("sasaran strategis", "sasaran", "tujuan"):
        if lowered.startswith(prefix):
            body = body[len(prefix):].lstrip(" :.-")
            break
    return number, body


def indicator_rows(table: LogicalTable, year: int | None) -> list[IndicatorRow]:
    columns = choose_value_columns(table, year)
    no_col = (table.columns_with("no") or [None])[0]
    goal_col = (table.columns_with("goal") or [None])[0]
    ind_col = (table.columns_with("indicator") or [None])[0]
    unit_col = (table.columns_with("unit") or [None])[0]
    if ind_col is None:
        ind_col, goal_col = goal_col, None  # "Sasaran / Indikator" printed in one column
    value_cols = set(columns.values())
    extra_cols = [i for i, r in enumerate(table.roles) if r.role in VALUE_ROLES and i not in value_cols]
    rows: list[IndicatorRow] = []
    goal_no: str | None = None
    goal: str | None = None

    def cell(cells: list[str], index: int | None) -> str:
        return cells[index] if index is not None and index < len(cells) else ""

    for body in table.grid.rows:
        cells = body.cells
        values = {role: join_lines(cell(cells, i)) for role, i in columns.items()}
        has_values = any(values.values()) or any(cell(cells, i).strip() for i in extra_cols)
        number = _clean_number(cell(cells, no_col)) if no_col is not None else None
        goal_text = join_lines(cell(cells, goal_col)) if goal_col is not None else ""
        ind_text = join_lines(cell(cells, ind_col))
        if body.starts_part and rows and body.page != rows[-1].page and not has_values and not number:
            last = rows[-1]  # the tail of a row cut by the page break
            if goal_text and last.goal:
                last.goal = f"{last.goal} {goal_text}"
                for row in rows:
                    if row.goal_no == last.goal_no and row is not last and row.goal == goal:
                        row.goal = last.goal
                goal = last.goal
            if ind_text:
                last.indicator = f"{last.indicator} {ind_text}"
            continue
        if not has_values:
            filled = [c for c in cells if c.strip()]
            if len(filled) == 1 and (goal_col is None or not goal_text or not ind_text):
                goal_no, goal = _split_group_row(filled[0])  # a full-width goal row
                continue
        if goal_text:
            goal, goal_no = goal_text, number
        elif goal_col is None and number and not ind_text:
            continue
        if not ind_text and not has_values:
            continue
        rows.append(
            IndicatorRow(
                table_id=table.id,
                page=body.page,
                goal_no=goal_no if goal_col is not None or goal else None,
                goal=goal,
                indicator_no=number if goal_col is None else None,
                indicator=ind_text,
                unit_raw=join_lines(cell(cells, unit_col)),
                values=values,
                extra={table.roles[i].label: join_lines(cell(cells, i)) for i in extra_cols},
            )
        )
    return rows


def choose_main(tables: list[LogicalTable], year: int | None) -> LogicalTable | None:
    """The performance-measurement table: most indicator rows over several goals.

    Per-goal detail tables hold one goal each; a title naming the measurement
    (``Pengukuran``, ``Capaian Kinerja``) breaks ties.
    """
    best, best_score = None, 0.0
    for table in tables:
        if table.kind != "measurement":
            continue
        rows = indicator_rows(table, year)
        goals = {(r.goal_no, r.goal) for r in rows}
        if len(rows) < 2 or len(goals) < 2:
            continue
        title = table.title.lower()
        score = len(rows) + 0.5 * len(goals) + (5 if ("pengukuran" in title or "capaian" in title) else 0)
        if score > best_score:
            best, best_score = table, score
    return best
