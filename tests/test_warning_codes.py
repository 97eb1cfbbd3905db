"""Every warning code is registered, with its meaning, and the registry reaches the database.

``warnings.code`` is a public column: a mistyped code would silently become a new
category. The source is read for every code it can raise (the first argument of
``ReportWarning`` and of the number parser's ``warn``, the failure codes of
``failed_report`` and ``opened.failure``); a fresh database's codes are compared with
the registry; and the registry is a table Datasette shows, linked from
``warnings.code``.
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest
import yaml

from lkj.extract.warning_codes import SEVERITIES, WARNING_CODES, ReportWarning, UnknownWarningCode

REPO = Path(__file__).resolve().parent.parent
SOURCES = sorted(p for folder in ("extract", "pipeline", "db") for p in (REPO / folder).rglob("*.py"))


def _codes_in_source() -> dict[str, list[str]]:
    """Each code written in the source where a warning or a failure is made, with where."""
    found: dict[str, list[str]] = {}

    def note(node: ast.expr | None, where: str) -> None:
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            found.setdefault(node.value, []).append(where)

    for path in SOURCES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            where = f"{path.relative_to(REPO)}:{getattr(node, 'lineno', 0)}"
            if isinstance(node, ast.Call) and node.args:
                name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
                if name in ("ReportWarning", "warn"):
                    note(node.args[0], where)
                elif name == "failed_report" and len(node.args) > 1:
                    note(node.args[1], where)
            elif isinstance(node, ast.Assign):
                for target in node.targets:
                    if isinstance(target, ast.Attribute) and target.attr == "failure":
                        note(node.value, where)
                    elif isinstance(target, ast.Tuple) and isinstance(node.value, ast.Tuple):
                        for part, value in zip(target.elts, node.value.elts):
                            if isinstance(part, ast.Attribute) and part.attr == "failure":
                                note(value, where)
    return found


def test_every_code_in_the_source_is_registered():
    found = _codes_in_source()
    assert len(found) > 40, "the source walk finds the codes"
    unregistered = {code: where for code, where in found.items() if code not in WARNING_CODES}
    assert not unregistered, f"codes raised but not in lkj.extract.warning_codes: {unregistered}"


def test_every_registered_code_is_raised_somewhere():
    """No stale entry: a code nothing can raise would mislead a reader of the registry."""
    text = "\n".join(p.read_text(encoding="utf-8") for p in SOURCES if p.name != "warning_codes.py")
    assert not [code for code in WARNING_CODES if f'"{code}"' not in text]


def test_every_code_has_both_meanings_and_a_severity():
    for entry in WARNING_CODES.values():
        assert entry.severity in SEVERITIES
        assert entry.meaning_en.strip() and entry.meaning_id.strip() and entry.meaning_en != entry.meaning_id


def test_an_unregistered_code_cannot_be_raised():
    with pytest.raises(UnknownWarningCode):
        ReportWarning("detail_disagree", "typo of detail_disagrees")
    warning = ReportWarning("detail_disagrees", "goal 2 target: 90% against 95%", 12).in_stage("normalize")
    assert (warning.stage, str(warning)) == ("normalize", "detail_disagrees: goal 2 target: 90% against 95%")


def test_a_fresh_database_holds_only_registered_codes_and_the_registry(corpus_db):
    codes_used = {row["code"] for row in corpus_db.query("select distinct code from warnings")}
    registry = {row["code"]: row for row in corpus_db["warning_codes"].rows}
    assert codes_used and codes_used <= set(registry)
    assert set(registry) == set(WARNING_CODES)
    assert registry["detail_disagrees"]["meaning_id"] == WARNING_CODES["detail_disagrees"].meaning_id
    assert any(fk.column == "code" and fk.other_table == "warning_codes" for fk in corpus_db["warnings"].foreign_keys)


def test_the_registry_is_described_for_datasette():
    tables = yaml.safe_load((REPO / "db" / "metadata.yml").read_text(encoding="utf-8"))["databases"]["lkj"]["tables"]
    assert {"code", "severity", "meaning_en", "meaning_id"} <= set(tables["warning_codes"]["columns"])
    assert "warning_codes" in tables["warnings"]["columns"]["code"]
