"""Stage 4: typed values, recomputed achievements, cross-checks and the report status.

Every number goes through ``extract.numbers.parse_value``. Nothing is guessed
silently: an uncertain parse, a printed achievement that does not follow from
target and realization, a per-goal table that disagrees with the main table, or
two budget totals that differ all become warnings that keep both values.
"""
from __future__ import annotations

from collections import Counter

from rapidfuzz import fuzz

from lkj.extract.budget import MoneyMention, ProgramRow, SpendingRow
from lkj.extract.measurement import IndicatorRow
from lkj.extract.model import (
    BudgetProgram,
    CellConfidence,
    ExtractResult,
    Indicator,
    IngestResult,
    InterpretResult,
    NormalizedReport,
    Spending,
    Value,
)
from lkj.extract.numbers import ParsedValue, detect_convention, parse_value
from lkj.extract.percent_misreads import glyph_as_percent, percent_decimals, repaired_row
from lkj.extract.vocabulary import RANGE_END_LABELS
from lkj.extract.warning_codes import ReportWarning
from lkj.pipeline.ocr_stage import LOW_CELL_CONFIDENCE

#: Printed and recomputed achievement may differ by rounding up to this many points.
ACHIEVEMENT_TOLERANCE = 1.0
#: Similarity (rapidfuzz token_set_ratio) above which a detail row is the same indicator.
SAME_INDICATOR = 80


class _Context:
    """Per-report parsing state: the number convention, OCR cell confidences and the warnings."""

    def __init__(self, convention: str | None, cells: list[CellConfidence]) -> None:
        self.convention = convention
        self.warnings: list[ReportWarning] = []
        self.ocr_confidence: dict[tuple[int, str], float] = {}
        self.percent_decimals: dict[int, int] = {}
        for cell in cells:  # the lowest confidence of a text printed on a page
            if cell.confidence is not None:
                key = (cell.page, cell.text)
                self.ocr_confidence[key] = min(cell.confidence, self.ocr_confidence.get(key, 100.0))

    def learn_tables(self, rows: list[IndicatorRow]) -> None:
        """The decimals most percentages of each table print (a table prints its percentages
        alike), when at least three do and three in five of them agree: the shape a misread
        ``%`` is checked against."""
        shapes: dict[int, Counter[int]] = {}
        for row in rows:
            for name in ("target", "realization", "achievement"):
                decimals = percent_decimals(row.values.get(name, ""))
                if decimals is not None:
                    shapes.setdefault(row.table_id, Counter())[decimals] += 1
        for table_id, counts in shapes.items():
            decimals, n = counts.most_common(1)[0]
            if n >= 3 and n >= 0.6 * sum(counts.values()):
                self.percent_decimals[table_id] = decimals

    def read_by_ocr(self, raw: str, page: int | None) -> bool:
        return page is not None and bool(raw) and (page, " ".join(raw.split())) in self.ocr_confidence

    def value(self, raw: str, role: str | None, page: int | None, where: str, ocr_read: str | None = None) -> Value:
        """``raw`` typed; ``ocr_read`` is the text OCR read when ``raw`` is its repair (a ``%`` put back)."""
        parsed: ParsedValue = parse_value(raw, role=role, convention=self.convention)
        self.warnings += [w.about(where, page).in_stage("normalize") for w in parsed.warnings]
        confidence = parsed.confidence
        read = ocr_read if ocr_read is not None else raw
        ocr = self.ocr_confidence.get((page, " ".join(read.split()))) if page is not None and read else None
        if ocr is not None:
            confidence = min(confidence, ocr / 100)
            if ocr < LOW_CELL_CONFIDENCE:
                self.warnings.append(ReportWarning("ocr_low_confidence",
                                             f"{where}: OCR read {read!r} with confidence {ocr:.0f}/100", page, stage="normalize"))
        return Value(parsed.raw, parsed.value, parsed.unit, parsed.kind, round(confidence, 3))


def _all_raw_values(interpreted: InterpretResult) -> list[str]:
    raws: list[str] = []
    for row in interpreted.indicators + interpreted.details + interpreted.plans:
        raws += list(row.values.values()) + list(row.extra.values())
    for program in interpreted.programs:
        raws += [program.pagu, program.realization, program.absorption]
    for item in interpreted.spending:
        raws += [item.pagu, item.realization, item.remaining]
    return [r for r in raws if r]


def _unit_from_satuan(satuan: str) -> str | None:
    """The Satuan column names the unit of target and realization (``Persen``, ``Laporan``)."""
    if not satuan:
        return None
    spaced = parse_value(f"1 {satuan}")
    if spaced.warnings and " " in satuan:
        glued = parse_value(f"1 {satuan.replace(' ', '')}")  # a word wrapped inside a narrow column
        if not glued.warnings:
            return glued.unit
    return spaced.unit or satuan.lower()


def _polarity_and_computed(target: Value, realization: Value, achievement: Value) -> tuple[float | None, str | None, str | None]:
    """(recomputed achievement, polarity, mismatch message).

    Achievement is realization/target×100 for higher-is-better indicators. For
    lower-is-better ones (unemployment, complaints) reports print the inverse
    formula; when the printed figure matches an inverse form, the polarity is
    recorded instead of a warning.
    """
    t, r = target.value, realization.value
    if not isinstance(t, (int, float)) or not isinstance(r, (int, float)) or t == 0:
        return None, None, None
    if target.unit != realization.unit and None not in (target.unit, realization.unit):
        return None, None, None
    computed = round(r / t * 100, 2)
    printed = achievement.value if achievement.kind in ("percent", "number") else None
    if printed is None:
        return computed, None, None
    if abs(printed - computed) <= ACHIEVEMENT_TOLERANCE:
        return computed, "higher_is_better", None
    inverse = [round((2 - r / t) * 100, 2)] + ([round(t / r * 100, 2)] if r else [])
    if any(abs(printed - value) <= ACHIEVEMENT_TOLERANCE for value in inverse):
        return computed, "lower_is_better", None
    return computed, None, f"printed achievement {achievement.raw!r} but realization/target gives {computed:g}%"


def _range_ends(name: str, value: Value, role: str | None, ctx: _Context) -> dict[str, Value]:
    """Both ends of a range printed as a target (``75,70 - 76,20``), typed, as extras named after the
    field (``target (batas bawah)``, ``target (batas atas)``): the field itself stays NULL (rule 13 of
    ``extract/numbers.py``), the ends are kept for whoever decides which one counts."""
    if value.kind != "range":
        return {}
    parsed = parse_value(value.raw, role="percent" if name == "achievement" else role, convention=ctx.convention)
    kind = {"%": "percent", "rupiah": "money"}.get(value.unit or "", "count" if value.unit else "number")
    return {f"{name} ({label})": Value(value.raw, end, value.unit, kind, value.confidence)
            for label, end in zip(RANGE_END_LABELS, (parsed.low, parsed.high), strict=True) if end is not None}


def _roles(role: str | None) -> tuple[str | None, str | None, str]:
    """The number roles of (target, realization, achievement): an achievement is a percentage."""
    return role, role, "percent"


def _agrees(raws: tuple[str, str, str], role: str | None, convention: str | None) -> bool | None:
    """Does the printed achievement follow from target and realization in this reading of the
    row? None when it cannot be checked (a value missing or not a number)."""
    target, realization, achievement = (
        Value(raw, parsed.value, parsed.unit, parsed.kind)
        for raw, parsed in ((raw, parse_value(raw, role=r, convention=convention))
                            for raw, r in zip(raws, _roles(role), strict=True)))
    computed, _, mismatch = _polarity_and_computed(target, realization, achievement)
    if computed is None or achievement.value is None:
        return None
    return mismatch is None


def _percent_repairs(raws: tuple[str, str, str], role: str | None, ctx: _Context,
                     table_decimals: int | None) -> tuple[str, str, str]:
    """The row's cells with a ``%`` that OCR misread put back where the row proves it
    (``extract.percent_misreads``): a digit read for ``%`` when only that reading makes the
    achievement agree, a quote mark or degree sign when the figure is an achievement or another
    figure of the row is a percentage."""
    repaired = repaired_row(raws, lambda reading: _agrees(reading, role, ctx.convention), table_decimals) or raws
    units = [parse_value(raw, role=r, convention=ctx.convention).unit for raw, r in zip(repaired, _roles(role), strict=True)]
    is_percent = [i == 2 or any(u == "%" for k, u in enumerate(units) if k != i) for i in range(3)]  # achievement: always
    return tuple(  # type: ignore[return-value]
        (glyph_as_percent(raw) or raw) if percent else raw for raw, percent in zip(repaired, is_percent, strict=True))


def _indicator(row: IndicatorRow, ctx: _Context, source: str) -> Indicator:
    where = f"indicator {row.goal_no or ''} {row.indicator!r}".replace("  ", " ")  # the full name: researchers search by it
    satuan_unit = _unit_from_satuan(row.unit_raw)
    role = "percent" if satuan_unit == "%" else None
    names = ("target", "realization", "achievement")
    read = tuple(row.values.get(name, "") for name in names)
    read_by_ocr = any(ctx.read_by_ocr(raw, row.page) for raw in read)
    cells = _percent_repairs(read, role, ctx, ctx.percent_decimals.get(row.table_id)) if read_by_ocr else read
    values = {}
    for name, raw, as_read, name_role in zip(names, cells, read, _roles(role), strict=True):
        values[name] = ctx.value(raw, name_role, row.page, f"{where} {name}", ocr_read=as_read if raw != as_read else None)
        if raw != as_read:
            ctx.warnings.append(ReportWarning(
                "ocr_percent_read", f"{where} {name}: OCR read {as_read!r}, taken as {raw!r} (a misread '%')",
                row.page, stage="normalize"))
    for name in ("target", "realization"):
        if satuan_unit and values[name].value is not None and values[name].unit is None:
            values[name].unit = satuan_unit
    ctx.warnings += [w.about(where, row.page).in_stage("interpret") for w in row.notes]
    computed, polarity, mismatch = _polarity_and_computed(values["target"], values["realization"], values["achievement"])
    if mismatch:
        ctx.warnings.append(ReportWarning("achievement_mismatch", f"{where}: {mismatch}", row.page, stage="normalize"))
    extra = {label: ctx.value(raw, None, row.page, f"{where} {label}") for label, raw in row.extra.items()}
    for name, value in values.items():
        extra.update(_range_ends(name, value, role, ctx))
    return Indicator(
        table_id=row.table_id, page=row.page, goal_no=row.goal_no, goal=row.goal, indicator_no=row.indicator_no,
        indicator=row.indicator, unit_raw=row.unit_raw, target=values["target"], realization=values["realization"],
        achievement=values["achievement"], achievement_computed=computed, polarity=polarity, extra=extra, source=source,
        box=row.box,
    )


def _same(a: Value, b: Value) -> bool:
    """Whether two tables print one value: the same text (spaces and case aside: ``97%`` and ``97 %``),
    or the same number in the same unit. The printed text comes first: a column header can give the
    same ``100`` another unit in each table (an OCR'd header read as ``gg``), and that is no disagreement."""
    if "".join(a.raw.split()).lower() == "".join(b.raw.split()).lower():
        return True
    if a.value is not None and b.value is not None:
        return abs(float(a.value) - float(b.value)) < 1e-6 and (a.unit == b.unit or None in (a.unit, b.unit))
    return False


def _pair_details(main: list[Indicator], details: list[Indicator]) -> list[tuple[Indicator, Indicator]]:
    """Pair each per-goal row with its main-table row.

    Within one goal, rows are paired in order when both tables list the same number
    of indicators (per-goal tables repeat the main table's rows, sometimes reworded
    or stacked in one cell); otherwise by the most similar indicator text.
    """
    pairs: list[tuple[Indicator, Indicator]] = []
    by_goal: dict[str | None, list[Indicator]] = {}
    for detail in details:
        by_goal.setdefault(detail.goal_no, []).append(detail)
    for goal_no, group in by_goal.items():
        pool = [m for m in main if goal_no and m.goal_no == goal_no]
        if pool and len(pool) == len(group):
            pairs.extend(zip(pool, group))
            continue
        for detail in group:
            candidates = pool or main
            scored = [(fuzz.token_set_ratio(detail.indicator.lower(), m.indicator.lower()), m) for m in candidates]
            if not scored:
                continue
            score, match = max(scored, key=lambda s: s[0])
            if score >= SAME_INDICATOR or len(pool) == 1:
                pairs.append((match, detail))
    return pairs


def _compare_details(main: list[Indicator], details: list[Indicator], ctx: _Context) -> None:
    """Warn where a per-goal table prints another value than the main table, naming both.

    A cell left empty in one table is no disagreement: the other table's value is the only one
    printed (a main table often leaves the realisation to the per-goal tables)."""
    for match, detail in _pair_details(main, details):
        for name in ("target", "realization", "achievement"):
            a, b = getattr(match, name), getattr(detail, name)
            if a.raw.strip() and b.raw.strip() and not _same(a, b):
                ctx.warnings.append(ReportWarning(
                    "detail_disagrees",
                    f"goal {detail.goal_no or '?'} {name}: main table (p. {match.page}) prints {a.raw!r}, "
                    f"per-goal table (p. {detail.page}) prints {b.raw!r}", detail.page, stage="normalize"))


def _program(row: ProgramRow, ctx: _Context) -> BudgetProgram:
    where = f"program {row.program!r}"
    return BudgetProgram(
        row.table_id, row.page, row.program,
        ctx.value(row.pagu, "money", row.page, f"{where} pagu"),
        ctx.value(row.realization, "money", row.page, f"{where} realization"),
        ctx.value(row.absorption, "percent", row.page, f"{where} absorption"),
        box=row.box,
    )


def _spending(row: SpendingRow, ctx: _Context) -> Spending:
    where = f"spending {row.category}"
    return Spending(
        row.table_id, row.page, row.category, row.label,
        ctx.value(row.pagu, "money", row.page, f"{where} pagu"),
        ctx.value(row.realization, "money", row.page, f"{where} realization"),
        ctx.value(row.remaining, "money", row.page, f"{where} remaining"),
        box=row.box,
    )


def _money(value: Value) -> int | None:
    return int(value.value) if value.kind == "money" or (value.value is not None and value.unit == "rupiah") else None


def _prose_totals(mentions: list[MoneyMention], ctx: _Context) -> tuple[int | None, int | None]:
    """The amounts prose calls pagu and realisation most often (last one on ties)."""
    found: dict[str, Counter[int]] = {"pagu": Counter(), "realization": Counter()}
    for mention in mentions:
        amount = parse_value(mention.raw, role="money", convention=ctx.convention).value
        if isinstance(amount, int) and amount > 0:
            found[mention.role][amount] += 1
    picks = {role: (counts.most_common(1)[0][0] if counts else None) for role, counts in found.items()}
    return picks["pagu"], picks["realization"]


def _budget_totals(report: NormalizedReport, programs: list[BudgetProgram], interpreted: InterpretResult, ctx: _Context) -> None:
    """Report totals from the program total row, the spending total or prose; warn where they differ."""
    candidates: list[tuple[str, int | None, int | None, float | None]] = []
    totals = [p for p, row in zip(programs, interpreted.programs) if row.is_total and not row.is_subtotal]
    subtotals = [p for p, row in zip(programs, interpreted.programs) if row.is_subtotal]
    tables = list(dict.fromkeys(p.table_id for p in report.programs))
    if len(tables) > 1:  # one budget table per sasaran: the budget is the sum of each table's total, or of its programmes
        last = {p.table_id: p for p in totals}
        parts = [[last[t]] if t in last else [p for p in report.programs if p.table_id == t] for t in tables]
        pagu = sum(_money(p.pagu) or 0 for part in parts for p in part)
        real = sum(_money(p.realization) or 0 for part in parts for p in part)
        candidates.append(("program_sum", pagu or None, real or None, None))
    elif totals:
        t = totals[-1]
        candidates.append(("program_total", _money(t.pagu), _money(t.realization), t.absorption.value))
    elif subtotals:  # programs' subtotals and no grand total: the budget is their sum
        pagu = sum(_money(p.pagu) or 0 for p in subtotals)
        real = sum(_money(p.realization) or 0 for p in subtotals)
        candidates.append(("program_sum", pagu or None, real or None, None))
    elif report.programs:
        pagu = sum(_money(p.pagu) or 0 for p in report.programs)
        real = sum(_money(p.realization) or 0 for p in report.programs)
        candidates.append(("program_sum", pagu or None, real or None, None))
    if interpreted.spending_total:
        raw = interpreted.spending_total
        pagu = ctx.value(raw.get("pagu", ""), "money", None, "spending total pagu")
        real = ctx.value(raw.get("realization", ""), "money", None, "spending total realization")
        candidates.append(("spending_total", _money(pagu), _money(real), None))
    prose = _prose_totals(interpreted.prose_money, ctx)
    if any(prose):
        candidates.append(("prose", prose[0], prose[1], None))
    if not candidates:
        return
    source, pagu, real, pct = candidates[0]
    for other, o_pagu, o_real, _ in candidates[1:]:
        for name, a, b in (("pagu", pagu, o_pagu), ("realization", real, o_real)):
            if a is not None and b is not None and a != b:
                ctx.warnings.append(ReportWarning("budget_totals_disagree",
                                            f"total {name}: {source} gives {a:,}, {other} gives {b:,}", stage="normalize"))
    report.budget_pagu, report.budget_realization, report.budget_source = pagu, real, source
    if pct is None and pagu and real:
        pct = round(real / pagu * 100, 2)
    report.budget_absorption = pct


def _status(report: NormalizedReport) -> str:
    """ok when unit, year and indicators were read with confidence; partial otherwise."""
    if report.unit.name is None or report.year is None or not report.indicators:
        return "partial"
    values = [v for i in report.indicators for v in (i.target, i.realization, i.achievement) if v.raw]
    doubtful = sum(v.confidence < LOW_CELL_CONFIDENCE / 100 for v in values)
    if report.ocr_pages and values and doubtful > 0.2 * len(values):
        return "partial"  # too many key values of a scan are unreadable
    return "ok"


def normalize(ingested: IngestResult, extracted: ExtractResult, interpreted: InterpretResult) -> NormalizedReport:
    convention = detect_convention(_all_raw_values(interpreted))
    ctx = _Context(convention, extracted.cells)
    report = NormalizedReport(
        sha256=ingested.sha256, file_name=ingested.file_name, path=ingested.path, pages=len(ingested.pages),
        scanned=ingested.is_scan, status="ok",
        unit=interpreted.unit, year=interpreted.year, cover_year=interpreted.cover_year, convention=convention,
        tables=interpreted.tables, ocr_pages=[p.number for p in ingested.pages if p.source == "ocr"],
        document_type=interpreted.document_type,
    )
    ctx.learn_tables(interpreted.indicators + interpreted.details + interpreted.plans)
    report.indicators = [_indicator(r, ctx, "main") for r in interpreted.indicators]
    report.details = [_indicator(r, ctx, "detail") for r in interpreted.details]
    report.plans = [_indicator(r, ctx, "plan") for r in interpreted.plans]
    _compare_details(report.indicators, report.details, ctx)
    programs = [_program(r, ctx) for r in interpreted.programs]
    report.programs = [p for p, row in zip(programs, interpreted.programs) if not row.is_total]
    report.spending = [_spending(r, ctx) for r in interpreted.spending]
    _budget_totals(report, programs, interpreted, ctx)
    report.warnings = ingested.warnings + extracted.warnings + interpreted.warnings + ctx.warnings
    report.status = _status(report)
    return report
