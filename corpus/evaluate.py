"""Field-by-field accuracy of a database against expected-values JSON (``lkj-expected/1``).

Used by the accuracy tests and the benchmark. Indicator rows are aligned by their
order, with a sequence alignment on indicator text so that one missing or extra row
costs only its own fields, not every row after it.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass, field

import sqlite_utils

INDICATOR_FIELDS = ("goal_no", "goal", "indicator")
VALUE_FIELDS = ("target", "realization", "achievement")


def _text(value: object) -> str:
    return " ".join(str(value).split()) if value is not None else ""


def _num_equal(a: object, b: object) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(float(a) - float(b)) < 1e-6


@dataclass
class Score:
    right: int = 0
    total: int = 0
    misses: list[str] = field(default_factory=list)

    def check(self, ok: bool, what: str) -> None:
        self.total += 1
        self.right += ok
        if not ok:
            self.misses.append(what)

    @property
    def ratio(self) -> float:
        return self.right / self.total if self.total else 1.0


@dataclass
class ReportScore:
    file: str
    identity: Score = field(default_factory=Score)
    indicators: Score = field(default_factory=Score)
    budget: Score = field(default_factory=Score)


def _db_indicator(row: dict) -> dict:
    return {
        "goal_no": row["goal_no"], "goal": row["goal"], "indicator": row["indicator"],
        "target": (row["target_raw"], row["target"], row["target_unit"]),
        "realization": (row["realization_raw"], row["realization"], row["realization_unit"]),
        "achievement": (row["achievement_raw"], row["achievement_pct"], "%" if row["achievement_pct"] is not None else None),
    }


def score_indicators(expected: list[dict], found: list[dict], score: Score) -> None:
    matcher = difflib.SequenceMatcher(
        a=[_text(e["indicator"]).lower() for e in expected], b=[_text(f["indicator"]).lower() for f in found], autojunk=False
    )
    pairs: dict[int, int] = {}
    for block in matcher.get_matching_blocks():
        for k in range(block.size):
            pairs[block.a + k] = block.b + k
    # rows of equal-length replaced stretches are compared position by position
    for tag, a0, a1, b0, b1 in matcher.get_opcodes():
        if tag == "replace":
            for k in range(min(a1 - a0, b1 - b0)):
                pairs[a0 + k] = b0 + k
    for index, exp in enumerate(expected):
        got = _db_indicator(found[pairs[index]]) if index in pairs else None
        label = f"row {index + 1} ({_text(exp['indicator'])[:40]!r})"
        for name in INDICATOR_FIELDS:
            score.check(got is not None and _text(got[name]) == _text(exp[name]), f"{label} {name}: expected {exp[name]!r}, got {got and got[name]!r}")
        for name in VALUE_FIELDS:
            want = exp[name]
            raw, value, unit = got[name] if got else (None, None, None)
            score.check(got is not None and _text(raw) == _text(want["raw"]), f"{label} {name} raw: expected {want['raw']!r}, got {raw!r}")
            score.check(got is not None and _num_equal(value, want["value"]), f"{label} {name} value: expected {want['value']!r}, got {value!r}")
            if name != "achievement":
                score.check(got is not None and unit == want["unit"], f"{label} {name} unit: expected {want['unit']!r}, got {unit!r}")
    extra = len(found) - len(pairs)
    for _ in range(max(0, extra)):
        score.check(False, "an extra indicator row was found")


def score_report(db: sqlite_utils.Database, expected: dict) -> ReportScore:
    result = ReportScore(expected["file"])
    rows = list(db.query("select * from reports where file_name = ?", [expected["file"]]))
    if not rows:
        result.identity.check(False, "report not in database")
        return result
    report = rows[0]
    unit = next(iter(db.query("select * from units where id = ?", [report["unit_id"]])), None) if report["unit_id"] else None
    want = expected["unit"]
    result.identity.check(report["year"] == expected["year"], f"year: expected {expected['year']}, got {report['year']}")
    for name in ("name", "kind", "province"):
        got = unit[name] if unit else None
        result.identity.check(got == want.get(name), f"unit {name}: expected {want.get(name)!r}, got {got!r}")
    found = list(db.query("select * from indicators where report_id = ? order by row_no", [report["id"]]))
    wanted = expected["indicators"]
    if not wanted and not expected.get("main_table"):
        wanted = expected.get("detail_indicators") or []  # no main table: indicators come from the per-goal tables
    score_indicators(wanted, found, result.indicators)
    programs = list(db.query("select * from budget_programs where report_id = ? order by row_no", [report["id"]]))
    for index, exp in enumerate(expected.get("budget_programs") or []):
        got = programs[index] if index < len(programs) else None
        for name in ("pagu", "realization", "absorption_pct"):
            ok = got is not None and _num_equal(got[name], exp[name])
            result.budget.check(ok, f"program {index + 1} {name}: expected {exp[name]!r}, got {got and got[name]!r}")
    spending = {r["category"]: r for r in db.query("select * from spending where report_id = ?", [report["id"]])}
    for exp in expected.get("spending") or []:
        got = spending.get(exp["category"])
        for name in ("pagu", "realization", "remaining"):
            ok = got is not None and _num_equal(got[name], exp[name])
            result.budget.check(ok, f"spending {exp['category']} {name}: expected {exp[name]!r}, got {got and got[name]!r}")
    totals = expected.get("budget_totals") or {}
    for name, column in (("pagu", "budget_pagu"), ("realization", "budget_realization")):
        if totals.get(name) is not None:
            result.budget.check(report[column] == totals[name], f"total {name}: expected {totals[name]!r}, got {report[column]!r}")
    return result

