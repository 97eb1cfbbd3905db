"""Stage 3: say which table is which, and read unit, year, indicators and budgets raw."""
from __future__ import annotations

from extract.budget import BudgetFindings, program_rows, prose_money, spending_rows
from extract.identity import find_identity
from extract.layout import LogicalTable, logical_tables
from extract.measurement import choose_main, indicator_rows
from pipeline.model import ColumnInfo, ExtractResult, IngestResult, InterpretResult, TableInfo, Warning

VERSION = 1


def _info(table: LogicalTable, n_rows: int) -> TableInfo:
    return TableInfo(
        id=table.id,
        kind=table.kind,
        main=table.main,
        title=table.title,
        pages=table.pages,
        flavors=table.flavors,
        columns=[ColumnInfo(c.label, r.role, r.year) for c, r in zip(table.grid.columns, table.roles)],
        n_rows=n_rows,
    )


def _goal_number_from_title(title: str) -> str | None:
    """``Sasaran Strategis 2.`` above a per-goal table gives the goal number of its rows."""
    words = title.lower().replace(":", " ").split()
    for i in reversed(range(len(words) - 1)):  # the heading nearest the table
        word = words[i]
        if word == "strategis" or (word == "sasaran" and words[i + 1] != "strategis"):
            number = words[i + 1].strip(".")
            if number.isdigit():
                return number
    return None


def interpret(ingested: IngestResult, extracted: ExtractResult) -> InterpretResult:
    texts = [p.text for p in ingested.pages]
    identity = find_identity(texts)
    result = InterpretResult(unit=identity.unit, year=identity.year, cover_year=identity.cover_year)
    result.warnings += [Warning("interpret", code, message) for code, message in identity.warnings]
    tables = logical_tables(extracted.tables)
    main = choose_main(tables, identity.year)
    budget = BudgetFindings()
    for table in tables:
        rows = []
        if table.kind == "measurement":
            table.main = table is main
            rows = indicator_rows(table, identity.year)
            if not table.main:
                number = _goal_number_from_title(table.title)
                for row in rows:
                    row.goal_no = row.goal_no or number
            (result.indicators if table.main else result.details).extend(rows)
        elif table.kind == "plan":
            rows = indicator_rows(table, identity.year)
            result.plans.extend(rows)
        elif table.kind == "budget_program":
            rows = program_rows(table)
            budget.programs.extend(rows)
        elif table.kind == "spending":
            spending_rows(table, budget)
            rows = [r for r in budget.spending if r.table_id == table.id]
        result.tables.append(_info(table, len(rows)))
    if main is None:
        result.warnings.append(Warning("interpret", "no_main_table", "no performance-measurement table with several goals was found"))
        if result.details:
            result.indicators, result.details = result.details, []
            result.warnings.append(Warning("interpret", "indicators_from_detail_tables", "indicators taken from the per-goal tables"))
    result.programs = budget.programs
    result.spending = budget.spending
    result.spending_total = budget.spending_total
    result.warnings += [Warning("interpret", code, message) for code, message in budget.notes]
    result.prose_money = prose_money([(p.number, p.text) for p in ingested.pages if p.has_text])
    return result
