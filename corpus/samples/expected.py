"""Validator for expected-values files (``lkj-expected/1``, see
corpus/EXPECTED_FORMAT.md) and for ``broken/EXPECTED.json`` (``lkj-broken/1``).

    from lkj.corpus.samples.expected import load_expected
    exp = load_expected("corpus/data/born-digital/kpu-ri-2022.expected.json")

``load_expected`` returns the parsed dict and raises ``ExpectedFormatError``
(a ``ValueError``) naming the first problem when the file is malformed.
Standard library only, so the pipeline's tests can use it anywhere.
"""
from __future__ import annotations

import json
from pathlib import Path

FORMAT = "lkj-expected/1"
BROKEN_FORMAT = "lkj-broken/1"
SOURCES = {"generated", "scan", "broken", "real-label"}
KINDS = {"pusat", "provinsi", "kabupaten", "kota"}
SPENDING = {"pegawai", "barang", "modal", "beban_bunga", "subsidi", "hibah", "bansos",
            "lain_lain", "transfer"}
FIELDS = {"target", "realization", "achievement"}
BROKEN_REASONS = {"encrypted", "truncated", "empty", "not_pdf", "not_lkj", "no_tables", None}

REQUIRED = {"format", "file", "source", "unit", "year", "cover_year", "main_table",
            "indicators", "budget_programs", "spending", "budget_totals"}
OPTIONAL = {"detail_indicators", "disagreements", "page_count", "quirks", "notes",
            "source_file", "pages_from_source", "budget_table", "spending_table",
            "features", "draw"}
ROW_REQUIRED = {"goal_no", "goal", "indicator", "target", "realization", "achievement"}
ROW_OPTIONAL = {"extra", "notes", "satuan", "lower_is_better", "page", "parent_indicator"}


class ExpectedFormatError(ValueError):
    pass


def _fail(where: str, msg: str):
    raise ExpectedFormatError(f"{where}: {msg}")


def _is_int(x) -> bool:
    return isinstance(x, int) and not isinstance(x, bool)


def _is_num(x) -> bool:
    return (isinstance(x, (int, float))) and not isinstance(x, bool)


def _keys(obj, where, required, optional=frozenset()):
    if not isinstance(obj, dict):
        _fail(where, f"expected an object, got {type(obj).__name__}")
    missing = set(required) - obj.keys()
    if missing:
        _fail(where, f"missing {sorted(missing)}")
    unknown = obj.keys() - set(required) - set(optional)
    if unknown:
        _fail(where, f"unknown keys {sorted(unknown)}")


def _str(x, where, nullable=False, empty=False):
    if x is None and nullable:
        return
    if not isinstance(x, str):
        _fail(where, f"expected a string{' or null' if nullable else ''}, got {x!r}")
    if not empty and not x.strip():
        _fail(where, "empty string")


def _pages(x, where, nonempty=True):
    if not isinstance(x, list) or (nonempty and not x):
        _fail(where, "expected a non-empty list of page numbers")
    for p in x:
        if not _is_int(p) or p < 1:
            _fail(where, f"bad page number {p!r}")
    if x != sorted(set(x)):
        _fail(where, "pages must be strictly increasing")


def _cell(c, where):
    _keys(c, where, {"raw", "value", "unit"}, {"range"})
    if "range" in c:
        r = c["range"]
        if not (isinstance(r, list) and len(r) == 2 and all(_is_num(x) for x in r) and r[0] <= r[1]):
            _fail(where + ".range", f"expected [low, high], got {r!r}")
        if c["value"] is not None:
            _fail(where + ".value", "a range has no single value: null")
    _str(c["raw"], where + ".raw", empty=True)
    if c["raw"] != " ".join(c["raw"].split()):
        _fail(where + ".raw", f"whitespace not collapsed: {c['raw']!r}")
    if c["value"] is not None and not _is_num(c["value"]):
        _fail(where + ".value", f"expected a number or null, got {c['value']!r}")
    _str(c["unit"], where + ".unit", nullable=True)
    if c["raw"] == "" and (c["value"] is not None or c["unit"] is not None):
        _fail(where, "blank cell must have value and unit null")


def _row(r, where):
    _keys(r, where, ROW_REQUIRED, ROW_OPTIONAL)
    _str(r["goal_no"], where + ".goal_no", nullable=True)
    if r["goal_no"] is not None and (r["goal_no"] != r["goal_no"].strip().rstrip(".")):
        _fail(where + ".goal_no", f"strip trailing dots/spaces: {r['goal_no']!r}")
    _str(r["goal"], where + ".goal", nullable=True)
    _str(r["indicator"], where + ".indicator")
    for f in ("goal", "indicator"):
        v = r[f]
        if v is not None and v != " ".join(v.split()):
            _fail(f"{where}.{f}", "whitespace not collapsed")
    for f in FIELDS:
        _cell(r[f], f"{where}.{f}")
    if "extra" in r:
        if not isinstance(r["extra"], dict):
            _fail(where + ".extra", "expected an object")
        for k, c in r["extra"].items():
            _str(k, where + ".extra key")
            _cell(c, f"{where}.extra[{k!r}]")
    if "notes" in r:
        _str(r["notes"], where + ".notes")
    if "satuan" in r:
        _str(r["satuan"], where + ".satuan")
    if "lower_is_better" in r and not isinstance(r["lower_is_better"], bool):
        _fail(where + ".lower_is_better", "expected a boolean")
    if "parent_indicator" in r:
        _str(r["parent_indicator"], where + ".parent_indicator")
    if "page" in r and (not _is_int(r["page"]) or r["page"] < 1):
        _fail(where + ".page", "expected a page number")


def _money(x, where):
    if x is not None and not _is_int(x):
        _fail(where, f"money must be int rupiah or null, got {x!r}")


def _pct(x, where):
    if x is not None and not _is_num(x):
        _fail(where, f"expected a percentage number or null, got {x!r}")


def validate(obj: dict, where: str = "expected") -> dict:
    _keys(obj, where, REQUIRED, OPTIONAL)
    if obj["format"] != FORMAT:
        _fail(where + ".format", f"expected {FORMAT!r}, got {obj['format']!r}")
    _str(obj["file"], where + ".file")
    if obj["source"] not in SOURCES:
        _fail(where + ".source", f"one of {sorted(SOURCES)}, got {obj['source']!r}")
    u = obj["unit"]
    _keys(u, where + ".unit", {"name", "agency", "kind", "province"})
    _str(u["name"], where + ".unit.name")
    _str(u["agency"], where + ".unit.agency")
    if u["kind"] not in KINDS:
        _fail(where + ".unit.kind", f"one of {sorted(KINDS)}, got {u['kind']!r}")
    _str(u["province"], where + ".unit.province", nullable=True)
    if u["kind"] == "pusat" and u["province"] is not None:
        _fail(where + ".unit.province", "must be null for a pusat unit")
    if u["kind"] != "pusat" and u["province"] is None and obj["source"] != "real-label":
        _fail(where + ".unit.province", "missing province")
    for k in ("year",):
        if not _is_int(obj[k]) or not 1990 <= obj[k] <= 2100:
            _fail(f"{where}.{k}", f"expected a year, got {obj[k]!r}")
    cy = obj["cover_year"]
    if cy is not None:
        if not _is_int(cy) or not 1990 <= cy <= 2100:
            _fail(where + ".cover_year", f"expected a year or null, got {cy!r}")
        if cy == obj["year"]:
            _fail(where + ".cover_year", "null when it equals year")
    mt = obj["main_table"]
    if mt is not None:
        _keys(mt, where + ".main_table", {"title", "pages"})
        _str(mt["title"], where + ".main_table.title")
        _pages(mt["pages"], where + ".main_table.pages")
    if not isinstance(obj["indicators"], list):
        _fail(where + ".indicators", "expected a list")
    if mt is None and obj["indicators"]:
        _fail(where + ".indicators", "must be empty when main_table is null")
    if mt is not None and not obj["indicators"]:
        _fail(where + ".indicators", "a main table has at least one row")
    for i, r in enumerate(obj["indicators"]):
        _row(r, f"{where}.indicators[{i}]")
    for i, r in enumerate(obj.get("detail_indicators", [])):
        _row(r, f"{where}.detail_indicators[{i}]")
    for i, d in enumerate(obj.get("disagreements", [])):
        w = f"{where}.disagreements[{i}]"
        _keys(d, w, {"goal_no", "field", "main", "detail"}, {"indicator", "notes"})
        _str(d["goal_no"], w + ".goal_no", nullable=True)
        _str(d["field"], w + ".field")
        _str(d["main"], w + ".main", empty=True)
        _str(d["detail"], w + ".detail", empty=True)
    if not isinstance(obj["budget_programs"], list):
        _fail(where + ".budget_programs", "expected a list")
    for i, b in enumerate(obj["budget_programs"]):
        w = f"{where}.budget_programs[{i}]"
        _keys(b, w, {"program", "pagu", "realization", "absorption_pct"}, {"notes"})
        _str(b["program"], w + ".program")
        _money(b["pagu"], w + ".pagu")
        _money(b["realization"], w + ".realization")
        _pct(b["absorption_pct"], w + ".absorption_pct")
    if not isinstance(obj["spending"], list):
        _fail(where + ".spending", "expected a list")
    for i, s in enumerate(obj["spending"]):
        w = f"{where}.spending[{i}]"
        _keys(s, w, {"category", "pagu", "realization", "remaining"}, {"notes"})
        if s["category"] not in SPENDING:
            _fail(w + ".category", f"one of {sorted(SPENDING)}, got {s['category']!r}")
        for k in ("pagu", "realization", "remaining"):
            _money(s[k], f"{w}.{k}")
    bt = obj["budget_totals"]
    if bt is not None:
        _keys(bt, where + ".budget_totals", {"pagu", "realization", "absorption_pct"})
        _money(bt["pagu"], where + ".budget_totals.pagu")
        _money(bt["realization"], where + ".budget_totals.realization")
        _pct(bt["absorption_pct"], where + ".budget_totals.absorption_pct")
    for k in ("budget_table", "spending_table"):
        if k in obj:
            _keys(obj[k], f"{where}.{k}", {"title", "pages"})
            _str(obj[k]["title"], f"{where}.{k}.title", nullable=True)
            _pages(obj[k]["pages"], f"{where}.{k}.pages")
    if "page_count" in obj and (not _is_int(obj["page_count"]) or obj["page_count"] < 1):
        _fail(where + ".page_count", "expected a positive int")
    if "pages_from_source" in obj:
        p = obj["pages_from_source"]
        if not isinstance(p, list) or not p or not all(_is_int(x) and x >= 1 for x in p):
            _fail(where + ".pages_from_source", "expected a list of page numbers")
    for k in ("quirks", "notes"):
        if k in obj:
            v = obj[k]
            if isinstance(v, str):
                continue
            if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
                _fail(f"{where}.{k}", "expected a string or a list of strings")
    if "features" in obj and (not isinstance(obj["features"], list)
                              or not all(isinstance(x, str) for x in obj["features"])):
        _fail(where + ".features", "expected a list of feature names")
    if "draw" in obj:
        _keys(obj["draw"], where + ".draw", {"seed", "index"})
    if "source_file" in obj:
        _str(obj["source_file"], where + ".source_file")
    if "page_count" in obj:
        pages = list(mt["pages"]) if mt else []
        for k in ("budget_table", "spending_table"):
            if k in obj:
                pages += obj[k]["pages"]
        pages += [r["page"] for r in obj.get("detail_indicators", []) if "page" in r]
        if pages and max(pages) > obj["page_count"]:
            _fail(where, f"page {max(pages)} beyond page_count {obj['page_count']}")
    return obj


def load_expected(path) -> dict:
    """Read and validate one ``*.expected.json``; raise ExpectedFormatError if malformed."""
    path = Path(path)
    try:
        obj = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise ExpectedFormatError(f"{path}: cannot read JSON: {e}") from e
    validate(obj, path.name)
    if obj["file"] != path.name.replace(".expected.json", ".pdf"):
        _fail(path.name, f"'file' is {obj['file']!r}, expected the PDF of the same stem")
    return obj


def load_broken(path) -> dict:
    """Read and validate ``broken/EXPECTED.json`` (``lkj-broken/1``)."""
    path = Path(path)
    try:
        obj = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise ExpectedFormatError(f"{path}: cannot read JSON: {e}") from e
    _keys(obj, path.name, {"format", "files"}, {"reasons"})
    if obj["format"] != BROKEN_FORMAT:
        _fail(path.name, f"format must be {BROKEN_FORMAT!r}")
    if not isinstance(obj["files"], list) or not obj["files"]:
        _fail(path.name, "files must be a non-empty list")
    seen = set()
    for i, f in enumerate(obj["files"]):
        w = f"{path.name}.files[{i}]"
        _keys(f, w, {"file", "reason", "opens", "detail"},
              {"source_file", "user_password", "expected"})
        _str(f["file"], w + ".file")
        if f["file"] in seen:
            _fail(w + ".file", "listed twice")
        seen.add(f["file"])
        if f["reason"] not in BROKEN_REASONS:
            _fail(w + ".reason", f"one of {sorted(r for r in BROKEN_REASONS if r)} or null")
        if not isinstance(f["opens"], bool):
            _fail(w + ".opens", "expected a boolean")
        if f["reason"] is None and "expected" not in f:
            _fail(w, "a file that is not broken needs an 'expected' JSON")
    return obj
