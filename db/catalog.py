"""The indicator catalog: one key per indicator, whatever unit or year printed it.

Comparing units needs the same indicator under the same name, but every report words
it its own way (``extract/indicator_text.py``). :func:`rebuild_catalog` recomputes,
over all rows of ``indicators``:

* ``indicator_catalog`` — one row per key: ``key`` (slug of the label), ``label``,
  ``unit`` (most common target unit), ``n_reports``, ``n_units``;
* ``indicator_keys`` — the key of each indicator row with how it was found:
  ``curated`` (``db/data/equivalences.csv``), ``exact`` (the normalised
  wording is the key's own), ``fuzzy`` (similar enough, ``score`` is the similarity)
  or ``new`` (matched no other report's indicator; ``score`` is the best similarity
  it reached). The mapping is a table of its own so the public ``indicators`` table
  is never rewritten; ``ON DELETE CASCADE`` drops a row's key when ``db/load.py``
  reloads its report;
* a ``catalog`` / ``indicator_unmatched`` warning for every ``new`` row, naming the
  closest key and its score (the previous ``catalog`` warnings are replaced).

How keys are given: the distinct normalised wordings (match forms) are visited most
widely reported first, then alphabetically, so the same database always gives the
same keys and the common wording founds a key before its typo'd variants. A wording
takes the key a curated rule gives it; otherwise the key of the most similar wording
already catalogued, when the similarity reaches ``MATCH_THRESHOLD`` and that key is
not already used by another wording of the same report (one report lists distinct
indicators: two wordings in one table are two indicators); otherwise a new key.
"""
from __future__ import annotations

import csv
import re
from collections import Counter
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import sqlite_utils
from rapidfuzz import fuzz, process

from lkj.db.load import unit_slug
from lkj.db.messages import pesan
from lkj.db.views import create_views
from lkj.extract.indicator_text import MATCH_THRESHOLD, clean_label, compatible, match_form
from lkj.extract.warning_codes import ReportWarning

#: Package data (``db/data/``), read through importlib.resources so an installed lkj finds it too.
EQUIVALENCES = Path(str(resources.files(__package__) / "data" / "equivalences.csv"))

#: Keys longer than this are cut at a word boundary (URLs and canned-query fields stay usable).
KEY_MAX_LENGTH = 100

SCHEMA = """
CREATE TABLE IF NOT EXISTS indicator_catalog (
    key TEXT PRIMARY KEY, label TEXT, unit TEXT, n_reports INTEGER, n_units INTEGER
);
CREATE TABLE IF NOT EXISTS indicator_keys (
    indicator_id INTEGER PRIMARY KEY REFERENCES indicators(id) ON DELETE CASCADE,
    key TEXT NOT NULL REFERENCES indicator_catalog(key),
    score REAL,
    method TEXT
);
CREATE INDEX IF NOT EXISTS idx_indicator_keys_key ON indicator_keys(key);
"""


@dataclass
class CatalogStats:
    indicators: int = 0  # rows given a key
    skipped: int = 0  # rows without any word to match (empty indicator text)
    keys: int = 0
    curated: int = 0
    exact: int = 0
    fuzzy: int = 0
    new: int = 0
    warnings: int = 0


@dataclass(frozen=True)
class Rule:
    """One line of the curated equivalences: wordings (by match form) or a pattern → key."""

    forms: frozenset[str]
    pattern: re.Pattern | None
    key: str
    label: str | None

    def applies(self, form: str, label: str) -> bool:
        return form in self.forms or bool(self.pattern and self.pattern.search(label.lower()))


@dataclass
class _Wording:
    """The rows of one match form."""

    form: str
    label: str
    rows: list[dict]
    reports: frozenset[str]


@dataclass(frozen=True)
class Assignment:
    """The key a wording got, how (curated, exact, fuzzy, new), its score, and for a new key the closest other key."""

    key: str
    method: str
    score: float
    closest: str | None = None


@dataclass
class _Entry:
    key: str
    label: str
    forms: list[str] = field(default_factory=list)
    reports: set[str] = field(default_factory=set)


def key_slug(label: str) -> str:
    """``Persentase KPU Kabupaten/Kota yang ...`` → ``persentase-kpu-kabupaten-kota-yang-...``."""
    slug = unit_slug(label)
    if len(slug) > KEY_MAX_LENGTH:
        slug = slug[:KEY_MAX_LENGTH].rsplit("-", 1)[0]
    return slug or "indikator"


def load_equivalences(path: Path = EQUIVALENCES) -> list[Rule]:
    """Curated rules. A line names two wordings that are one indicator (``text_a``,
    ``text_b``; key = ``key`` or the slug of ``text_a``) or a regular expression
    searched in the lower-cased clean label (``pattern``, with ``key``)."""
    rules = []
    with open(path, newline="", encoding="utf-8") as fh:
        for line, row in enumerate(csv.DictReader(fh), start=2):
            texts = [t for t in (row.get("text_a", ""), row.get("text_b", "")) if t.strip()]
            pattern, key = row.get("pattern", "").strip(), row.get("key", "").strip()
            if pattern and not key:
                raise ValueError(f"{path}:{line}: a pattern needs a key")
            if not pattern and not texts:
                raise ValueError(f"{path}:{line}: give text_a (and text_b) or a pattern")
            label = clean_label(texts[0]) if texts else None
            rules.append(Rule(frozenset(match_form(t) for t in texts),
                              re.compile(pattern, re.IGNORECASE) if pattern else None, key or key_slug(label), label))
    return rules


def _wordings(db: sqlite_utils.Database) -> tuple[list[_Wording], int]:
    """Indicator rows grouped by match form, most widely reported first; and the rows without words."""
    by_form: dict[str, list[dict]] = {}
    skipped = 0
    for row in db.query(
        "select i.id, i.indicator, i.report_id, i.target_unit, i.page, r.unit_id "
        "from indicators i join reports r on r.id = i.report_id order by i.id"
    ):
        form = match_form(row["indicator"] or "")
        if form:
            by_form.setdefault(form, []).append(row)
        else:
            skipped += 1
    wordings = []
    for form, rows in by_form.items():
        labels = Counter(clean_label(r["indicator"]) for r in rows)
        wordings.append(_Wording(form, _most_common(labels), rows, frozenset(r["report_id"] for r in rows)))
    wordings.sort(key=lambda w: (-len(w.reports), -len(w.rows), w.form))
    return wordings, skipped


def _best(form: str, entries: dict[str, _Entry], exclude: frozenset[str] = frozenset(),
          cutoff: float = 0.0) -> tuple[_Entry | None, float]:
    """The catalogued key most similar to ``form`` (and its score), skipping keys already used in
    the reports ``exclude``; rapidfuzz scores every wording at once, the vetoes run on the hits."""
    members = [(f, e) for e in entries.values() if not (e.reports & exclude) for f in e.forms]
    hits = process.extract(form, [f for f, _ in members], scorer=fuzz.token_sort_ratio, processor=None,
                           score_cutoff=cutoff, limit=None)
    ranked = sorted((-score, members[i][1].key, i) for _, score, i in hits if compatible(form, members[i][0]))
    if not ranked:
        return None, 0.0
    return members[ranked[0][2]][1], -ranked[0][0]


def _unique_key(label: str, entries: dict[str, _Entry]) -> str:
    base = key = key_slug(label)
    n = 2
    while key in entries:
        key, n = f"{base}-{n}", n + 1
    return key


def assign_keys(wordings: list[_Wording], rules: list[Rule], threshold: float = MATCH_THRESHOLD
                ) -> tuple[dict[str, _Entry], dict[str, Assignment]]:
    """Catalog entries by key, and the assignment of each match form; see the module docstring."""
    entries: dict[str, _Entry] = {}
    given: dict[str, Assignment] = {}
    founders: dict[str, str] = {}

    def add(wording: _Wording, key: str, label: str) -> None:
        entry = entries.setdefault(key, _Entry(key, label))
        entry.forms.append(wording.form)
        entry.reports |= wording.reports

    automatic = []
    for wording in wordings:  # curated rules first, so automatic keys never take a curated key's place
        rule = next((r for r in rules if r.applies(wording.form, wording.label)), None)
        if rule is None:
            automatic.append(wording)
            continue
        add(wording, rule.key, rule.label or wording.label)
        given[wording.form] = Assignment(rule.key, "curated", 100.0)
    for wording in automatic:
        entry, score = _best(wording.form, entries, exclude=wording.reports, cutoff=threshold)
        if entry is not None:
            add(wording, entry.key, entry.label)
            given[wording.form] = Assignment(entry.key, "fuzzy", round(score, 1))
        else:
            key = _unique_key(wording.label, entries)
            add(wording, key, wording.label)
            founders[wording.form] = key
    for form, key in founders.items():
        entry = entries[key]
        if len(entry.forms) == 1 and len(entry.reports) == 1:
            closest, score = _best(form, {k: e for k, e in entries.items() if k != key})
            given[form] = Assignment(key, "new", round(score, 1), closest.key if closest else None)
        else:
            given[form] = Assignment(key, "exact", 100.0)
    return entries, given


def rebuild_catalog(db: sqlite_utils.Database, equivalences: Path = EQUIVALENCES,
                    threshold: float = MATCH_THRESHOLD) -> CatalogStats:
    """(Re)compute ``indicator_catalog``, ``indicator_keys`` and the ``catalog`` warnings in one transaction."""
    wordings, skipped = _wordings(db)
    entries, given = assign_keys(wordings, load_equivalences(equivalences), threshold)
    stats = CatalogStats(skipped=skipped, keys=len(entries))
    key_rows, warning_rows = [], []
    units: dict[str, set[str]] = {}  # per key
    target_units: dict[str, Counter] = {}
    for wording in wordings:
        given_to = given[wording.form]
        key = given_to.key
        setattr(stats, given_to.method, getattr(stats, given_to.method) + len(wording.rows))
        for row in wording.rows:
            key_rows.append({"indicator_id": row["id"], "key": key, "score": given_to.score, "method": given_to.method})
            units.setdefault(key, set()).update(filter(None, [row["unit_id"]]))
            target_units.setdefault(key, Counter()).update(filter(None, [row["target_unit"]]))
            if given_to.method == "new":
                warning_rows.append(_unmatched_warning(row, given_to, entries, threshold))
    stats.indicators = len(key_rows)
    stats.warnings = len(warning_rows)
    catalog_rows = [
        {"key": e.key, "label": e.label, "unit": _most_common(target_units[e.key]), "n_reports": len(e.reports),
         "n_units": len(units[e.key])}
        for e in sorted(entries.values(), key=lambda e: e.key)
    ]
    db.executescript(SCHEMA)  # outside the transaction: executescript commits first
    with db.atomic():
        db.execute("DELETE FROM indicator_keys")
        db.execute("DELETE FROM indicator_catalog")
        db.execute("DELETE FROM warnings WHERE stage = 'catalog'")
        db.table("indicator_catalog").insert_all(catalog_rows)
        db.table("indicator_keys").insert_all(key_rows)
        db.table("warnings").insert_all(warning_rows)
        # the catalog's warnings are rows of their reports too: reports.n_warnings counts what warnings holds
        db.execute("UPDATE reports SET n_warnings = (SELECT count(*) FROM warnings w WHERE w.report_id = reports.id)")
    return stats


def _most_common(counter: Counter) -> str | None:
    """The most frequent value, the alphabetically first of equally frequent ones (deterministic)."""
    return min(counter, key=lambda value: (-counter[value], value)) if counter else None


def _unmatched_warning(row: dict, given_to: Assignment, entries: dict[str, _Entry], threshold: float) -> dict:
    closest = (f"closest: {entries[given_to.closest].label!r} ({given_to.closest}), score {given_to.score:.0f} "
               f"< {threshold:.0f}" if given_to.closest else "no comparable indicator in the catalog")
    warning = ReportWarning("indicator_unmatched",
                            f"indicator {row['indicator']!r} matched no other report's indicator and has its own key "
                            f"{given_to.key!r}; {closest}", row["page"], stage="catalog")
    return {"report_id": row["report_id"], "stage": warning.stage, "code": warning.code, "page": warning.page,
            "message": warning.message, "pesan": pesan(warning.code, warning.message, warning.page)}


def finish_database(db: sqlite_utils.Database) -> CatalogStats:
    """What a run does after loading reports: rebuild the catalog, then (re)create the comparison
    views. The write-ahead log is then checkpointed into the database file, because ``lkj serve``
    opens the file immutable (``datasette -i``), which never reads the log."""
    stats = rebuild_catalog(db)
    create_views(db)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return stats
