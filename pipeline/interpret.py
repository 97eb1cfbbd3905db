"""Stage 3: say which table is which, and read unit, year, indicators and budgets raw."""
from __future__ import annotations

import re

from lkj.extract.budget import BudgetFindings, not_programme_tables, program_rows, prose_money, spending_rows
from lkj.extract.document_kind import document_type
from lkj.extract.file_name import reconcile
from lkj.extract.headers import header_year
from lkj.extract.identity import find_identity
from lkj.extract.layout import LogicalTable, is_numbered, logical_tables, title_kind, year_named
from lkj.extract.measurement import (
    IndicatorRow,
    choose_value_columns,
    indicator_rows,
    join_lines,
    other_years_only,
    period_only_roles,
    roman_to_arabic,
    split_goal_number,
)
from lkj.extract.model import ColumnInfo, ExtractResult, IngestResult, InterpretResult, TableInfo
from lkj.extract.vocabulary import APPENDIX_WORDS, COMPARISON_TABLE, TABLE_CAPTION_WORDS
from lkj.extract.warning_codes import ReportWarning


def _info(table: LogicalTable, n_rows: int, reason: str = "") -> TableInfo:
    return TableInfo(
        id=table.id,
        kind=table.kind,
        main=table.main,
        title=table.caption,
        pages=table.pages,
        flavors=table.flavors,
        columns=[ColumnInfo(c.label, r.role, r.year) for c, r in zip(table.grid.columns, table.roles)],
        n_rows=n_rows,
        reason=reason,
    )


#: Where a table's own caption begins after the goal heading printed above it.
_CAPTION_IN_LINE = re.compile(rf"\b(?:{'|'.join((*TABLE_CAPTION_WORDS, *APPENDIX_WORDS))})[\s.]*\d", re.IGNORECASE)
_QUOTES = {'"': '"', "“": "”", "'": "'", "‘": "’"}


def goal_from_title(title: str) -> tuple[str | None, str | None]:
    """(goal number, goal text) named just above a per-goal table.

    Reports introduce each per-goal table with a heading (``Sasaran Strategis 2.``,
    ``Sasaran Strategis 3 : Meningkatnya ...``) or a sentence that quotes the goal
    (``Sasaran "Terwujudnya ..." telah tercapai``). The last such mention before the
    table is the one that belongs to it.
    """
    lowered = title.lower()
    at = lowered.rfind("sasaran")
    if at < 0:
        return None, None
    rest = title[at + len("sasaran"):].strip()
    opening = rest[:1]
    if opening in _QUOTES:
        closing = rest.find(_QUOTES[opening], 1)
        return None, (" ".join(rest[1:closing].split()) if closing > 0 else None)
    line = join_lines(rest)  # the heading is the last text above the table, wrapped or not
    line = _CAPTION_IN_LINE.split(line, maxsplit=1)[0].strip()  # ``Sasaran I : goal`` above ``Tabel 3.1 ...``
    number, text = split_goal_number(line)
    if number is None:
        return None, None  # "sasaran" in running prose names no goal
    return number, text or None


def choose_main(tables: list[LogicalTable], year: int | None) -> LogicalTable | None:
    """The performance-measurement table of the report (see :func:`main_with_reasons`)."""
    return main_with_reasons(tables, year)[0]


def main_with_reasons(tables: list[LogicalTable], year: int | None) -> tuple[LogicalTable | None, dict[int, str]]:
    """The first main table, and why each measurement table is or is not main (see :func:`main_tables`)."""
    chosen, reasons = main_tables(tables, year)
    return (chosen[0] if chosen else None), reasons


def series_stem(table: LogicalTable) -> str:
    """A caption without its table number, goal number and goal text (``Tabel 3.14 Pencapaian
    Kinerja`` → ``pencapaian kinerja``; ``Tabel 3.2 ... Sasaran Strategis II : Meningkatnya ...``
    → ``... sasaran strategis``): per-goal tables of one report share it."""
    head = table.caption.lower().split(":")[0]
    words = [w for w in re.findall(r"[a-z]+|\d+", head)
             if not w.isdigit() and w not in (*TABLE_CAPTION_WORDS, *APPENDIX_WORDS) and not roman_to_arabic(w.upper())]
    return " ".join(words)


def goal_series(candidates: list[tuple[LogicalTable, list[IndicatorRow]]]) -> list[list[LogicalTable]]:
    """Runs of per-goal tables that together are the measurement (reports with no consolidated table).

    A report that measures each goal in its own table prints them with one caption wording
    (``Tabel 3.1 Pencapaian Kinerja`` ... ``Tabel 3.14 Pencapaian Kinerja``, or ``... Sasaran 1`` /
    ``... Sasaran 2``) and one header, each table over other indicators. Two or more tables with the
    same caption stem (:func:`series_stem`, never empty), the same column roles and no indicator text
    in common are one series; tables that repeat each other's indicators are copies, not a series.
    """
    groups: dict[tuple, list[tuple[LogicalTable, list[IndicatorRow]]]] = {}
    for table, rows in candidates:
        stem = series_stem(table)
        if stem and rows:
            groups.setdefault((stem, tuple(r.role for r in table.roles)), []).append((table, rows))
    series = []
    for members in groups.values():
        texts = [{_key(r.indicator) for r in rows} for _, rows in members]
        if len(members) >= 2 and sum(map(len, texts)) == len(set().union(*texts)):
            series.append([table for table, _ in members])
    return series


#: The rule that picks the main measurement table, as ``report_tables.reason`` states it.
MAIN_RULE = ("rank: a numbered caption naming the measurement (Bab III) > a numbered caption > none (an Ikhtisar "
             "summary); then one table over a series of per-goal tables with one caption wording; then a caption naming "
             "the reporting year > naming no year > naming only other years; then goals printed; "
             "then a 'Pengukuran' caption; then more rows; then the earlier table")


PER_GOAL = "not main: a per-goal table (one goal)"


def main_tables(tables: list[LogicalTable], year: int | None) -> tuple[list[LogicalTable], dict[int, str]]:
    """The performance-measurement table(s) of the report, and why each measurement table is or is not main.

    Candidates are measurement tables whose caption is not a plan or a comparison
    and that are not a per-goal detail table (one goal, or a title naming one goal).
    A series of per-goal tables (:func:`goal_series`) is one candidate: a report
    without a consolidated table measures its goals in them. Among the candidates
    the caption decides first (a ``Tabel N`` caption naming the measurement, as Bab
    III prints it, beats an untitled copy such as the Ikhtisar Eksekutif's), then a
    single table beats a series (per-goal tables that repeat a consolidated one), then a
    caption that names the reporting year (a table copied from last year's report names
    none, or last year: :func:`~lkj.extract.layout.year_named`), then having goals, then a ``Pengukuran`` caption, then the rows, then the earlier
    table (:data:`MAIN_RULE`). The reasons go to ``report_tables.reason``.
    """
    reasons: dict[int, str] = {}
    eligible: list[tuple[LogicalTable, list[IndicatorRow]]] = []
    for table in tables:
        if table.kind != "measurement":
            continue
        kind = title_kind(table.caption, year)
        if kind in ("plan", "comparison"):
            reasons[table.id] = f"not main: its caption names a {kind}"
        elif other_years_only(table, year):
            reasons[table.id] = "not main: it prints no target of the reporting year, only other years'"
        else:
            eligible.append((table, indicator_rows(table, year)))
    series = goal_series(eligible)
    in_series = {table.id for group in series for table in group}
    rows_of = {table.id: rows for table, rows in eligible}
    entries: list[list[LogicalTable]] = []
    for table, rows in eligible:
        goals = {(r.goal_no, r.goal) for r in rows if r.goal_no or r.goal}
        if table.id in in_series:
            continue
        heading = goal_from_title(table.parts[0].title) != (None, None)
        # one goal in a ``Tabel N`` caption naming the measurement, with no goal heading above: a unit with one goal
        consolidated = is_numbered(table.caption) and title_kind(table.caption, year) == "measurement" and not heading
        if len(rows) < 2 or (len(goals) == 1 and not consolidated) or (not goals and heading):
            reasons[table.id] = PER_GOAL if rows else "not main: fewer than two rows"
            continue
        entries.append([table])
    entries += series
    best: list[LogicalTable] = []
    best_key = None
    for entry in sorted(entries, key=lambda e: (e[0].pages[0], e[0].id)):
        text = entry[0].caption
        kind = title_kind(text, year)
        rows = [r for table in entry for r in rows_of[table.id]]
        goals = {(r.goal_no, r.goal) for r in rows if r.goal_no or r.goal} or (
            {goal_from_title(table.parts[0].title) for table in entry} - {(None, None)} if len(entry) > 1 else set())
        # a consolidated table outranks a series of the same caption rank (its per-goal tables repeat it)
        key = (2 * (kind == "measurement") + is_numbered(text), len(entry) == 1, year_named(text, year), bool(goals),
               "pengukuran" in text.lower(), len(rows))
        if best_key is None or key > best_key:
            best, best_key = entry, key
    n = len(entries)
    if len(best) > 1:
        # the series' other per-goal tables, whose captions a heading's wrapped line hid from the stem
        roles, series_entry = tuple(r.role for r in best[0].roles), best
        best = sorted(best + [table for table, rows in eligible if rows and reasons.get(table.id) == PER_GOAL
                              and tuple(r.role for r in table.roles) == roles], key=lambda t: (t.pages[0], t.id))
        entries = [e for e in entries if e is not series_entry] + [best]
    chosen = {table.id for table in best}
    for entry in entries:
        for table in entry:
            if table.id in chosen:
                part = f" (one of a series of {len(entry)} per-goal tables)" if len(entry) > 1 else ""
                reasons[table.id] = f"main{part}: ranked first of {n} candidate(s) by {MAIN_RULE}"
            else:
                reasons[table.id] = (f"not main: ranked below table {best[0].id if best else '?'} by {MAIN_RULE}; "
                                     "its rows are compared with the main table's")
    return best, reasons


def _key(text: str) -> str:
    return " ".join(text.lower().split())


def attach_comparison(table: LogicalTable, rows: list[IndicatorRow], main: list[IndicatorRow], year: int | None) -> list[ReportWarning]:
    """Put a comparison table's values (``Realisasi 2016`` against ``Target 2018``) beside the main
    table's indicators, under their headers, instead of loading its rows as a second measurement.

    A row is matched to the main row with the same indicator text; one that matches none is named
    in a warning, not guessed.
    """
    labels = {role: table.roles[i].label for role, i in choose_value_columns(table, year).items()}
    by_text: dict[str, list[IndicatorRow]] = {}
    for row in main:
        by_text.setdefault(_key(row.indicator), []).append(row)
    unmatched = []
    for row in rows:
        matches = by_text.get(_key(row.indicator), [])
        if len(matches) != 1:
            unmatched.append(row.indicator)
            continue
        target = matches[0]
        printed = {**row.extra, **{labels[role]: raw for role, raw in row.values.items()
                                   if role in labels and raw != target.values.get(role)}}  # the year's own values again
        for header, raw in printed.items():
            if not raw:
                continue
            other_year = header_year(header) not in (None, year)
            if other_year and target.extra.get(header, raw) == raw:
                target.extra[header] = raw  # ``Target 2018``: the header says what it is
            else:
                target.extra.setdefault(f"{header} ({COMPARISON_TABLE})", raw)  # ``Capaian (%)`` of the comparison
    if not unmatched:
        return []
    return [ReportWarning("comparison_row_unmatched", f"{len(unmatched)} row(s) of a comparison table name no indicator of the "
                          f"main table: {unmatched[0]!r}", table.pages[0], stage="interpret")]


def interpret(ingested: IngestResult, extracted: ExtractResult) -> InterpretResult:
    texts = [p.text for p in ingested.pages]
    identity = find_identity(texts)
    unit, file_name_warnings = reconcile(identity.unit, identity.year, identity.cover_year, ingested.file_name)
    result = InterpretResult(unit=unit, year=identity.year, cover_year=identity.cover_year)
    result.warnings += [w.in_stage("interpret") for w in identity.warnings + file_name_warnings]
    result.document_type, kind_warnings = document_type(texts)
    result.warnings += [w.in_stage("interpret") for w in kind_warnings]
    tables = logical_tables(extracted.tables)
    mains, reasons = main_tables(tables, identity.year)
    main = mains[0] if mains else None
    candidates = [t for t in tables if reasons.get(t.id, "").startswith("not main: ranked below")]
    if main is not None and candidates:
        result.warnings.append(ReportWarning(
            "several_measurement_tables",
            f"table {main.id} (p. {main.pages[0]}) chosen as the measurement table over "
            + ", ".join(f"table {t.id} (p. {t.pages[0]})" for t in candidates) + f" by {MAIN_RULE}", main.pages[0], stage="interpret"))
    for table in mains:
        for role in period_only_roles(table, identity.year):
            result.warnings.append(ReportWarning(
                "value_per_period_only", f"table {table.id} (p. {table.pages[0]}) prints the {role} only per period ("
                + ", ".join(r.label for r in table.roles if r.role == role) + "): left empty", table.pages[0], stage="interpret"))
    budget = BudgetFindings()
    not_programmes = not_programme_tables(tables)
    comparisons: list[tuple[LogicalTable, list[IndicatorRow]]] = []
    for table in tables:
        rows = []
        if table.kind == "measurement" and main is not None and table not in mains and other_years_only(table, identity.year):
            table.kind = "comparison"  # the year's results against another year's target: values go beside the main rows
            reasons[table.id] = "comparison: the reporting year's results against other years' targets; values put beside the main indicators"
            rows = indicator_rows(table, identity.year)
            comparisons.append((table, rows))
        elif table.kind == "measurement":
            table.main = table in mains
            rows = indicator_rows(table, identity.year)
            if not table.main or len(mains) > 1:
                number, goal = goal_from_title(table.parts[0].title)
                one_goal = len({row.goal for row in rows}) == 1
                for row in rows:
                    # a per-goal table's title numbers its goal (``Sasaran Strategis III``); the ``No`` column
                    # beside its one goal counts rows within the table and starts at 1 in every table
                    row.goal_no = number if number and one_goal else row.goal_no or number
                    row.goal = row.goal or goal
            (result.indicators if table.main else result.details).extend(rows)
        elif table.kind == "plan":
            rows = indicator_rows(table, identity.year)
            result.plans.extend(rows)
        elif table.kind == "budget_program" and table.id in not_programmes:
            reasons[table.id] = not_programmes[table.id]
        elif table.kind == "budget_program":
            rows = program_rows(table, budget)
            budget.programs.extend(rows)
        elif table.kind == "spending":
            spending_rows(table, budget)
            rows = [r for r in budget.spending if r.table_id == table.id]
        result.tables.append(_info(table, len(rows), reasons.get(table.id, "")))
    for table, rows in comparisons:
        result.warnings += attach_comparison(table, rows, result.indicators, identity.year)
    if not any(t.kind != "other" for t in tables):
        result.warnings.append(ReportWarning("no_tables", "no performance, plan or budget table was found on any page", stage="interpret"))
    if main is None:
        result.warnings.append(ReportWarning("no_main_table", "no performance-measurement table was found (only per-goal tables or none)", stage="interpret"))
        if result.details:
            result.indicators, result.details = result.details, []
            result.warnings.append(ReportWarning("indicators_from_detail_tables", "indicators taken from the per-goal tables", stage="interpret"))
    result.programs = budget.programs
    result.spending = budget.spending
    result.spending_total = budget.spending_total
    result.warnings += [w.in_stage("interpret") for w in budget.notes]
    result.prose_money = prose_money([(p.number, p.text) for p in ingested.pages if p.has_text])
    return result
