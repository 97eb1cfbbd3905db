"""The words the rules read live in ``extract/vocabulary.py``, and its groups agree.

A private copy of a word list in a reader drifts from the others (the unit-kind words
once existed three times, with 12, 6 and 7 entries): the source of ``extract``,
``pipeline`` and ``db`` is read for module-level constants that hold lower-case words,
and for regular expressions that spell out a word alternation. Constants that hold
codes of the project rather than words of the reports (roles, kinds, table and column
names) are allowed by name, each with its reason. The groups are then checked against
each other and against the gazetteer.
"""
from __future__ import annotations

import ast
import re
from pathlib import Path

from lkj.extract import vocabulary as v
from lkj.extract.gazetteer import KINDS, load_gazetteer, resolve_unit
from lkj.extract.identity import find_unit

REPO = Path(__file__).resolve().parent.parent
#: Words: lower-case letters, or a phrase of them (``grand total``).
WORD = re.compile(r"[a-z]+(?: [a-z]+)*")
#: One alternative of a regex that is a plain word once its group and anchor syntax is dropped.
REGEX_WORD = re.compile(r"[A-Za-z]{2,}")
#: A constant holding this many words is a word list.
MIN_WORDS = 3
#: Constants that hold codes of the project, not words of the reports.
ALLOWED = {
    "db/schema.py:TABLES": "the database's table and column names",
    "db/messages.py:_DETAILS": "warning codes, and the Indonesian sentences lkj writes for them (output, not words read)",
    "db/plugin.py:SEVERITY_STYLES": "warning severities",
    "db/schema.py:REPORT_CHILDREN": "table names",
    "db/schema.py:INDEXES": "table and column names",
    "db/corrections.py:ROW_KEYS": "table and column names",
    "db/corrections.py:_FIELDS": "the columns of corrections.csv",
    "extract/cell_finder.py:EDGE_KEYS": "pdfplumber's object keys",
    "extract/gazetteer.py:KINDS": "the values of units.kind, which the kind words map to (checked below)",
    "extract/layout.py:_KEY_ROLES": "column roles",
    "extract/measurement.py:VALUE_ROLES": "column roles",
    "extract/numbers.py:ROLES": "value roles",
    "extract/numbers.py:KINDS": "value kinds",
    "extract/warning_codes.py:SEVERITIES": "warning severities",
    "extract/warning_codes.py:WARNING_CODES": "the warning registry (codes and their meanings)",
    "pipeline/versions.py:STAGE_VERSIONS": "stage names",
    "pipeline/versions.py:STAGE_MODULES": "stage names and the modules that run them",
}


def _sources() -> list[Path]:
    """The modules to check: not the vocabulary, and not the OCR modules, whose tables of
    misread letters are kept beside the OCR that makes them."""
    return [path for folder in ("extract", "pipeline", "db") for path in sorted((REPO / folder).rglob("*.py"))
            if path.name != "vocabulary.py" and not path.name.startswith("ocr")]


def _words(value: ast.expr) -> set[str]:
    """The words a constant's value holds: strings in its tuples, lists, sets and dicts (at
    any depth, so ``frozenset({...})`` and a tuple of pairs count), and the plain-word
    alternatives of a regex (``dengan|terhadap|thdp``)."""
    found: set[str] = set()
    for node in ast.walk(value):
        if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
            elements = node.elts
        elif isinstance(node, ast.Dict):
            elements = [*(k for k in node.keys if k is not None), *node.values]
        else:
            elements = []
        found |= {e.value for e in elements if isinstance(e, ast.Constant) and isinstance(e.value, str)
                  and WORD.fullmatch(e.value)}
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and "|" in node.value:
            parts = [re.sub(r"\[[^]]*\][*+?]?|\\[a-zA-Z][*+?]?|[()?:^$]", "", part) for part in node.value.split("|")]
            words = {part.lower() for part in parts if REGEX_WORD.fullmatch(part)}
            if len(words) >= MIN_WORDS:
                found |= words
    return found


def _word_lists(tree: ast.Module) -> dict[str, set[str]]:
    """Module-level constants of ``tree`` holding :data:`MIN_WORDS` words or more."""
    lists = {}
    for statement in tree.body:
        if isinstance(statement, ast.Assign):
            names, value = [t.id for t in statement.targets if isinstance(t, ast.Name)], statement.value
        elif isinstance(statement, ast.AnnAssign) and statement.value and isinstance(statement.target, ast.Name):
            names, value = [statement.target.id], statement.value
        else:
            continue
        words = _words(value)
        if len(words) >= MIN_WORDS:
            lists.update(dict.fromkeys(names, words))
    return lists


def test_the_check_finds_a_word_list():
    """The check itself: a private list, a dict of words, a frozenset and a regex are found."""
    source = '''
_ROW_WORDS = ("pagu", "alokasi", "anggaran")
_KINDS: dict[str, str] = {"kab": "kabupaten", "kota": "kota"}
_NEGATIONS = frozenset({"tidak", "belum", "tanpa"})
_TITLE = re.compile(r"perjanjian\\s*kinerja|rencana\\s*(aksi|kerja)")
_CAPTION = re.compile(r"^(tabel|table|lampiran)[\\s.]*\\d")
_SIZE = ("a", 1, 2.0)
'''
    assert set(_word_lists(ast.parse(source))) == {"_ROW_WORDS", "_KINDS", "_NEGATIONS", "_TITLE", "_CAPTION"}


def test_no_module_keeps_its_own_word_list():
    found = []
    for path in _sources():
        for name, words in _word_lists(ast.parse(path.read_text(encoding="utf-8"))).items():
            where = f"{path.relative_to(REPO)}:{name}"
            if where not in ALLOWED:
                found.append(f"{where} holds {sorted(words)}: put the words in extract/vocabulary.py")
    assert not found, "\n".join(found)


def test_the_allowed_constants_still_exist():
    """An allowance for a constant that is gone would let a new list of that name through."""
    present = {f"{path.relative_to(REPO)}:{name}" for path in _sources()
               for name in _word_lists(ast.parse(path.read_text(encoding="utf-8")))}
    assert set(ALLOWED) <= present, sorted(set(ALLOWED) - present)


def test_the_vocabulary_imports_nothing_of_lkj():
    tree = ast.parse((REPO / "extract" / "vocabulary.py").read_text(encoding="utf-8"))
    imported = [node.module if isinstance(node, ast.ImportFrom) else alias.name
                for node in ast.walk(tree) if isinstance(node, (ast.Import, ast.ImportFrom))
                for alias in node.names]
    assert all(name == "__future__" for name in imported), imported


def test_words_are_lower_case_where_read_lower_case():
    """Every rule lower-cases what it reads; only codes it gives back and words read by case
    (the SAKIP grades, the one-letter scales) are not lower-case."""
    codes = {"ELECTION_AGENCIES", "AGENCY_WORDS", "AGENCY_PHRASES", "LEVEL_NAMES", "SAKIP_GRADES", "SHORT_SCALES"}
    for name in (n for n in dir(v) if n.isupper() and n not in codes):
        words = [w for w in _flatten(getattr(v, name)) if isinstance(w, str)]
        assert all(w == w.lower() for w in words), (name, [w for w in words if w != w.lower()])
    for group in (v.AGENCY_WORDS, v.AGENCY_PHRASES, v.LEVEL_NAMES):
        assert all(word == word.lower() for word in group), "the words read are lower-case"


def _flatten(value: object) -> list[object]:
    if isinstance(value, dict):
        return [x for k, item in value.items() for x in (*_flatten(k), *_flatten(item))]
    if isinstance(value, (tuple, list, set, frozenset)):
        return [x for item in value for x in _flatten(item)]
    return [value]


def test_kind_words_name_the_gazetteer_kinds():
    region = set(v.REGION_KIND_WORDS.values())
    central = set(v.CENTRAL_KIND_WORDS.values())
    assert region | central == set(KINDS) and not region & central
    assert all(v.REGION_KIND_WORDS[kind] == kind for kind in region), "each kind is a word for itself"
    assert {u.kind for u in load_gazetteer()} == set(KINDS)
    assert set(v.LEVEL_NAMES) == region


def test_the_central_level_is_no_region_and_ends_no_place():
    """``Pusat`` names KPU RI right after the agency, and is the last word of Kota Jakarta Pusat."""
    central = set(v.CENTRAL_KIND_WORDS)
    assert not central & (set(v.REGION_KIND_WORDS) | v.NAME_END_WORDS | v.CLAUSE_WORDS | v.NATIONAL_ABBREVIATIONS)
    assert resolve_unit("KPU Pusat").unit.kind == "pusat"
    assert resolve_unit("KPU Kota Jakarta Pusat").unit.name == "Jakarta Pusat"
    page = "Laporan Kinerja KPU Kota Jakarta Pusat Tahun 2023"
    assert find_unit([page, page]).place == "Jakarta Pusat"


def test_spelling_fixes_keep_the_kind_of_a_kind_word():
    for variant, spelling in v.SPELLING.items():
        assert spelling not in v.SPELLING, f"{variant} -> {spelling} -> {v.SPELLING.get(spelling)}"
        if variant in v.REGION_KIND_WORDS:
            assert v.REGION_KIND_WORDS[variant] == v.REGION_KIND_WORDS[spelling]


def test_agencies():
    assert set(v.AGENCY_WORDS.values()) | set(v.AGENCY_PHRASES.values()) == set(v.ELECTION_AGENCIES)
    assert {u.agency for u in load_gazetteer()} == set(v.ELECTION_AGENCIES)
    assert not set(v.ABBREVIATIONS) & (set(v.REGION_KIND_WORDS) | set(v.AGENCY_WORDS)), \
        "kind and agency abbreviations come from their own groups"
    assert v.GOVERNMENT_NAMES[0] == v.GOVERNMENT and v.GOVERNMENT in v.REPORT_TITLE_WORDS


def test_place_word_variants_give_gazetteer_spellings():
    words = {word for unit in load_gazetteer() for word in unit.name.lower().split()}
    assert set(v.PLACE_WORD_VARIANTS.values()) <= words
    assert not set(v.PLACE_WORD_VARIANTS) & words


def test_column_roles_and_budget_rows():
    roles = [role for role, _ in v.COLUMN_ROLE_WORDS]
    assert len(roles) == len(set(roles))
    assert set(v.BUDGET_ROW_LABELS.values()) <= set(roles)
    assert {word for pair in v.STRONG_PAIRS for word in pair} <= set(v.TABLE_WORDS)


def test_goal_labels_are_cut_longest_first():
    """A label that begins with an earlier one would never be reached."""
    labels = v.GOAL_LABELS
    assert not [(a, b) for i, a in enumerate(labels) for b in labels[i + 1:] if b.startswith(a)]


def test_value_words():
    aliases = [alias for spellings in v.UNIT_ALIASES.values() for alias in spellings]
    assert len(aliases) == len(set(aliases)), "an alias names one unit"
    assert all(alias == alias.rstrip(".") for alias in aliases), "aliases are looked up without a full stop"
    assert all(unit in spellings for unit, spellings in v.UNIT_ALIASES.items() if unit != v.PERCENT)
    assert v.CURRENCY_PREFIXES <= set(v.UNIT_ALIASES[v.RUPIAH])
    assert all(value in (10**3, 10**6, 10**9, 10**12) for value in v.SCALE_WORDS.values())
    assert set(v.SHORT_SCALES.values()) <= set(v.SCALE_WORDS.values())
    assert len(set(v.NUMBER_NAMES.values())) == len(v.NUMBER_NAMES)
    assert not v.NUMBER_PARTS & set(v.NUMBER_NAMES)


def test_indicator_words():
    assert v.NEGATIONS <= v.KEEP_WORDS, "a negation dropped as a stop word would match its opposite"
    for pattern, _ in v.TYPOS:
        re.compile(pattern)
