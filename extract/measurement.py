"""Indicator rows from performance-measurement tables, exactly as printed.

Rules that follow the way LKj tables are typeset, not any one report:
- a goal (sasaran) printed once for several indicator rows (a vertically merged cell,
  or left blank below in a borderless table) is carried down to each of them, with
  its number; a ruled goal cell of its own left empty means the goal is not printed;
- a goal printed as a full-width group row (``1. Sasaran : ...``) above its indicators
  sets the goal of the rows that follow;
- the first body row of a page that continues a table, with no number and no values,
  is the rest of the row above cut by the page break, and its texts are appended;
- a row that stacks several indicators in one cell is split line by line, and a
  bracketed capaian under the realisation is moved to the achievement;
- summary rows (``RATA-RATA``, ``JUMLAH``) are not indicators;
- wrapped lines inside a cell are joined by one space; a blank cell stays blank.

Values stay raw strings here; typing them is the normalizer's job.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from lkj.extract.headers import names_period
from lkj.extract.layout import LINE_PER_ROW_FLAVORS, LogicalTable
from lkj.extract.numbers import parse_value
from lkj.extract.text_lines import join_lines
from lkj.extract.units import canonical_unit
from lkj.extract.vocabulary import (
    AVERAGE_WORDS,
    CUMULATIVE_WORDS,
    GOAL_HEADING,
    GOAL_LABELS,
    INDICATOR_CODE_WORDS,
    MEASURE_WORDS,
    PERCENT,
    PLAN_LEVELS,
    SUB_ITEM_BULLETS,
    TOTAL_WORDS,
)
from lkj.extract.warning_codes import ReportWarning

VALUE_ROLES = ("target", "realization", "achievement")
#: Columns kept beside the chosen values: other years' values, comparisons, the goal's capaian.
EXTRA_ROLES = (*VALUE_ROLES, "reference", "goal_achievement")
#: Columns of words kept beside the values (``Kategori``: ``Sangat Baik``; ``Keterangan``:
#: ``Tercapai``): they grade or comment on a row, and never make a row an indicator.
TEXT_ROLES = ("assessment", "note")


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
    notes: list[ReportWarning] = field(default_factory=list)
    box: tuple[float, float, float, float] | None = None  # where the row is printed on ``page``, in points


def split_bare_number(text: str) -> tuple[str | None, str]:
    """``1 Indeks Kepuasan ...`` → ("1", "Indeks Kepuasan ..."): the indicator's number printed in its
    own cell before the text, with no ``.`` or ``)`` after it (a hanging indent); ``IKS 1.1 ...`` →
    ("IKS 1.1", "..."): an indicator code (:data:`INDICATOR_CODE_WORDS`) before the text.

    Only a number (``1``, ``1.1``) before a measure word (``Indeks``, ``Persentase``, ``Jumlah`` ...)
    is taken for a row number: an indicator never opens with a bare count of a measure.
    """
    head, _, rest = text.partition(" ")
    if head.lower() in INDICATOR_CODE_WORDS:  # ``IKS 1.1 Penanganan ...``: a code names the row, any wording follows
        number, _, after = rest.partition(" ")
        if after and re.fullmatch(_ROW_NUMBER, number):
            return f"{head} {number}", after.strip()
    if rest and re.fullmatch(_ROW_NUMBER, head) and names_measure(rest):
        return head, rest.strip()
    return None, text


_ROW_NUMBER = r"\d{1,2}(\.\d{1,2})*\.?"


def _clean_number(text: str) -> str | None:
    """Row numbers print as ``1``, ``1.``, ``10..``, ``(1)``, ``1.1``; keep the digits and inner dots."""
    stripped = join_lines(text).strip("().: ")
    while ".." in stripped:
        stripped = stripped.replace("..", ".")
    return stripped or None


def _letters(text: str) -> str:
    """The letters of ``text``, lower-case: ``RATA-RATA :`` → ``ratarata``."""
    return "".join(ch for ch in text.lower() if ch.isalpha())


#: Labels of a summary row, compared by their letters only (``RATA - RATA``, ``Jumlah :``).
_SUMMARY_WORDS = tuple(_letters(word) for word in AVERAGE_WORDS + TOTAL_WORDS)


_AVERAGE_LETTERS = tuple(_letters(word) for word in AVERAGE_WORDS)


def _is_summary(label: str, values: dict[str, str]) -> bool:
    """A closing ``RATA-RATA`` / ``JUMLAH`` row: an average, not an indicator.

    ``label`` is the row's first text, wherever it is printed: the summary label
    often spans the goal and indicator columns or sits in the goal column alone.
    It is short (``RATA-RATA :``, ``Rata-rata capaian``); an indicator that starts
    with "Jumlah" names what it counts. A longer label with an average word among
    its first two (``CAPAIAN RATA-RATA KINERJA KANTOR UPBU ...``, UPBU Tardamu
    2024/2025) is one too when the row prints neither target nor realisation: an
    indicator ``Rata-rata lama ...`` has them.
    """
    if values.get("target"):
        return False
    label = join_lines(label)  # ``CAPAIAN RATA-`` / ``RATA KINERJA``: the average word broken over two lines
    if _letters(label).startswith(_SUMMARY_WORDS) and len(label.split()) <= 3:
        return True
    return not values.get("realization") and any(_letters(word) in _AVERAGE_LETTERS for word in label.split()[:2])


_BULLETS = SUB_ITEM_BULLETS
#: Bullet glyphs that text layers glue to the word after them (``\uf0d8Padi``); never letters or ``-``.
_GLYPHS = tuple(b for b in _BULLETS if not b.isalnum() and b != "-")


def _unglue(line: str) -> str:
    """``\uf0d8Padi`` → ``\uf0d8 Padi``: a bullet glyph glued to its word is still a bullet."""
    line = line.strip()
    return f"{line[0]} {line[1:]}" if len(line) > 1 and line[0] in _GLYPHS and line[1] != " " else line


def _list_marker(head: str) -> bool:
    """``3.``, ``a.``, ``1)``, ``-``, ``•``: the first word of an enumerated line."""
    marker = head.rstrip(".)")
    return head in _BULLETS or (head.endswith((".", ")")) and (marker.isdigit() or (len(marker) == 1 and marker.isalpha())))


def strip_marker(text: str) -> str:
    """Drop a leading list marker from an item's text (``- Skor PPH`` → ``Skor PPH``)."""
    head, _, rest = _unglue(text).partition(" ")
    return rest.strip() if rest and _list_marker(head) else text.strip()


def _cut_prefix(text: str, prefix: str) -> str | None:
    """``text`` without ``prefix`` (case- and space-insensitive: text layers glue ``SasaranStrategis``)."""
    wanted = prefix.replace(" ", "")
    consumed, matched = 0, 0
    while consumed < len(text) and matched < len(wanted):
        if text[consumed] == " ":
            consumed += 1
            continue
        if text[consumed].lower() != wanted[matched]:
            return None
        consumed += 1
        matched += 1
    return text[consumed:].strip() if matched == len(wanted) else None


def _strip_goal_word(text: str) -> str:
    for prefix in GOAL_LABELS:
        cut = _cut_prefix(text, prefix)
        if cut is not None:
            return cut
    return text


#: Roman numerals a report numbers its goals with (``Sasaran Strategis IV``), up to 39.
_ROMAN = re.compile(r"X{0,3}(?:IX|IV|V?I{0,3})")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10}


def roman_to_arabic(marker: str) -> str | None:
    """``IV`` → ``4``: goals numbered in Roman are stored with the Arabic number, so that
    ``Sasaran Strategis IV`` and ``Sasaran 4`` are the same goal."""
    if not marker or not _ROMAN.fullmatch(marker):
        return None
    values = [_ROMAN_VALUES[ch] for ch in marker]
    return str(sum(-v if k + 1 < len(values) and v < values[k + 1] else v for k, v in enumerate(values)))


def _leading_number(text: str) -> tuple[str | None, str]:
    head, _, rest = text.partition(" ")
    marker = head.rstrip(".:)")
    if marker and marker.replace(".", "").isdigit():
        return marker, rest.strip()
    arabic = roman_to_arabic(marker)
    if arabic and (head != marker or not rest or rest.lstrip()[:1] in (":", "-", "–")):
        return arabic, rest.strip()  # ``IV.``, ``IV :``, a title ending in ``IV``: never the word ``I`` of a sentence
    return None, text


def split_goal_number(text: str) -> tuple[str | None, str]:
    """``1. Goal``, ``Sasaran Strategis 1 : Goal``, ``1. Sasaran : Goal``, ``1 : Goal`` → ("1", "Goal")."""
    body = join_lines(text)
    number, body = _leading_number(body)
    body = _strip_goal_word(body).lstrip(" :.-").strip()
    if number is None:
        number, body = _leading_number(body)
    return number, body.lstrip(" :.-").strip()


def _items(text: str) -> list[str]:
    """Enumerated items of a cell (``3. ...``, ``a. ...``, ``- ...``), wrapped lines joined.

    Unmarked text before the first item is a heading over the items (``Persentase
    margin usahatani :`` above ``➢ Padi``, ``➢ Palawija``) and is not an item.
    """
    items: list[str] = []
    for raw in text.split("\n"):
        line = _unglue(raw)
        if not line:
            continue
        if _list_marker(line.split(" ")[0]):
            items.append(line)
        elif items:
            items[-1] += " " + line
    return items


def _value_lines(raw: str) -> list[str]:
    """Lines of a value cell, a bracketed line such as ``(101%)`` kept with the value above it."""
    lines: list[str] = []
    for line in (l.strip() for l in raw.split("\n")):
        if not line:
            continue
        if lines and line.startswith("(") and line.endswith(")"):
            lines[-1] = f"{lines[-1]} {line}"
        else:
            lines.append(line)
    return lines


@dataclass
class Piece:
    """One indicator of a printed row that stacks several."""

    text: str
    values: dict[str, str]
    unit: str
    goal_values: dict[str, str] = field(default_factory=dict)  # the goal's own figure, printed first


def _by_items(leaves: list[str], lines: dict[str, list[str]], units: list[str]) -> list[Piece] | None:
    """Zip enumerated items with value lines by order.

    A value column with one line per item gives each item its line; one with a line
    more carries the goal's own figure first (printed level with the goal's name,
    above its indicators' figures); a single line belongs to the first item.
    """
    n = len(leaves)
    if n < 2 or not any(len(v) == n for v in lines.values()):
        return None
    pieces = []
    for k, item in enumerate(leaves):
        values, goal_values = {}, {}
        for role, v in lines.items():
            if len(v) == n + 1:
                values[role] = v[k + 1]
                if k == 0:
                    goal_values[role] = v[0]
            else:
                values[role] = v[k] if len(v) == n else (v[0] if k == 0 and v else "")
        unit = units[k] if len(units) == n else (units[0] if units else "")
        pieces.append(Piece(strip_marker(join_lines(item)), values, unit, goal_values))
    return pieces


def split_stacked(indicator: str, values: dict[str, str], unit: str = "") -> list[Piece] | None:
    """Split a row whose cells stack several indicators line by line.

    Real tables put two or more indicators of one goal into one row: the indicator
    cell enumerates them (``3. ...`` / ``4. ...``, ``- ...``, ``➢ ...``) and each value
    cell holds one line per indicator (``100%\n100%``). Items ending in ``:`` head the
    items under them and hold no values. Without enumerated items the split happens
    only when at least two value cells have the same number of lines and every line
    holds a digit, so wrapped text is never cut.
    """
    lines = {role: _value_lines(raw) for role, raw in values.items()}
    units = [u.strip() for u in unit.split("\n") if u.strip()]
    leaves = [item for item in _items(indicator) if not item.rstrip().endswith(":")]
    pieces = _by_items(leaves, lines, units)
    if pieces:
        return pieces
    counts = [len(v) for v in lines.values() if len(v) > 1]
    if not counts:
        return None
    k = max(counts)
    stacked = [role for role, v in lines.items() if len(v) == k]
    if len(stacked) < min(2, len(values)) or not all(any(c.isdigit() for c in l) for r in stacked for l in lines[r]):
        return None
    name = strip_marker(join_lines(indicator))
    return [Piece(name, {role: (v[n] if len(v) == k else (v[0] if n == 0 and v else "")) for role, v in lines.items()},
                  units[0] if units else "")
            for n in range(k)]


def capaian_in_brackets(values: dict[str, str]) -> dict[str, str]:
    """Move a bracketed capaian printed under the realisation (``86`` / ``(101%)``) to the achievement.

    Some tables print each indicator's capaian in brackets inside the realisation
    cell. A bracketed figure is taken as the capaian only when the row has no other
    and realisation/target gives it (either polarity): brackets also hold other
    things (``22,7 % (75%)``).
    """
    real = values.get("realization", "")
    if values.get("achievement") or not real.endswith(")") or "(" not in real:
        return values
    at = real.rindex("(")
    head, bracket = real[:at].strip(), real[at:]
    r = parse_value(head).value
    t = parse_value(values.get("target", "")).value
    pct = parse_value(bracket, role="percent").value
    if not all(isinstance(x, (int, float)) for x in (r, t, pct)) or not t or not r:
        return values
    if min(abs(pct - c) for c in (r / t * 100, (2 - r / t) * 100, t / r * 100)) > 1:
        return values
    return {**values, "realization": head, "achievement": bracket}


def sub_item_text(text: str) -> str | None:
    """The item of a cell holding one bulleted sub-item (``- Daging``, ``• Telur``), else None.

    Reports list the parts of an indicator (the kinds of produce under ``Jumlah produksi ...``)
    as bulleted rows below it; numbered and lettered rows (``1.``, ``a.``) are indicators."""
    lines = [_unglue(line) for line in text.split("\n") if line.strip()]
    if not lines or sum(line.split(" ")[0] in _BULLETS and line.split(" ")[0] != "o" for line in lines) != 1:
        return None
    head, _, rest = lines[0].partition(" ")
    if head not in _BULLETS or head == "o" or not rest.strip():
        return None
    return join_lines("\n".join([rest, *lines[1:]]))


def merges_printed_rows(indicator: str, values: dict[str, str]) -> bool:
    """A row that is two printed rows run together (``... bebas banjir Ketersediaan air embung ...`` with
    ``80 %  2 buah``), as a summary table's text layer can read them: the indicator's text starts a
    new capitalised phrase after a lower-case word, and the target and the realisation each hold
    more than one value. It cannot be split safely (which words go with which value is not printed),
    so it is flagged."""
    cells = [values.get(role, "") for role in ("target", "realization")]
    if not all(any(w.code == "multiple_values" for w in parse_value(c).warnings) for c in cells):
        return False
    words = indicator.split()
    return any(a.isalpha() and a.islower() and b[:1].isupper() and b[1:].islower() and len(b) > 3
               for a, b in zip(words[1:], words[2:]))


def names_measure(text: str) -> bool:
    """Does the text open with a measure (``Jumlah``, ``Persentase``, ``Indeks`` ...)? An indicator
    names a quantity; a goal names an outcome (``Meningkatnya ...``)."""
    words = strip_marker(text).lower().split()
    return bool(words) and words[0].strip(".,:") in MEASURE_WORDS


def unit_in_text(indicator: str) -> str:
    """A unit printed in brackets at the end of the indicator's text (``Persentase ... (%)``,
    ``Jumlah ... (dokumen)``) when the table has no Satuan column; '' when none is printed."""
    text = indicator.rstrip()
    if not text.endswith(")") or "(" not in text:
        return ""
    inner = text[text.rindex("(") + 1:-1].strip()
    return inner if inner and (inner == PERCENT or canonical_unit(inner)) else ""


def unit_in_headers(table: LogicalTable, columns: dict[str, int]) -> str:
    """``%`` when the headers of the target and realisation columns print it (``Target (%)``,
    ``Realisasi (%)``) and the table has no Satuan column: the unit of their bare values. Both must
    say so (one column in percent and the other not names no unit for the row)."""
    labels = [table.roles[i].label for role, i in columns.items() if role in ("target", "realization")]
    marked = [PERCENT in label.replace(" ", "").replace("(%)", " % ").split() for label in labels]
    return PERCENT if marked and all(marked) else ""


def _continues_text(text: str) -> bool:
    """Text that opens in the middle of a sentence (lower case, a closing bracket or a comma):
    the rest of the cell above, not a new goal."""
    first = text.lstrip()[:1]
    return bool(first) and (first.islower() or first in ",;)")


def _group_kind(text: str) -> str | None:
    """A full-width row naming a goal (``Sasaran Strategis 1 : ...``) or a level above it (``Misi 2 : ...``)."""
    lowered = _leading_number(text)[1].lower()
    if lowered.startswith(PLAN_LEVELS):
        return "parent"
    if lowered.startswith("sasaran") and (":" in lowered[:40] or "".join(lowered.split()).startswith(GOAL_HEADING.replace(" ", ""))):
        return "goal"
    return None


def reporting_year_printed(table: LogicalTable, year: int | None) -> bool:
    """Does a header of the table name the reporting year (``Realisasi 2016``)?"""
    return year is not None and any(r.year == year for r in table.roles)


def other_years_only(table: LogicalTable, year: int | None) -> bool:
    """A table that compares the year's results with another year's target (``Realisasi 2016`` against
    ``Target 2018``, the Renstra's end): it prints the reporting year and targets, but no target of the
    year. It is a comparison, not a second measurement of the year."""
    targets = table.columns_with("target")
    return reporting_year_printed(table, year) and bool(targets) and all(table.roles[i].year not in (None, year) for i in targets)


def choose_value_columns(table: LogicalTable, year: int | None) -> dict[str, int]:
    """Pick the reporting year's target/realization/achievement columns.

    A header naming the reporting year wins, then a header with no year, then the
    first; the other columns of the same role are kept as ``extra``. When a header
    names the reporting year, a role printed only for other years (``Target 2018``,
    the Renstra's end target, in a 2016 report) is left empty: another year's value
    is never the year's.
    """
    chosen: dict[str, int] = {}
    names_year = reporting_year_printed(table, year)
    for role in VALUE_ROLES:
        candidates = table.columns_with(role)
        if not candidates:
            continue
        same_year = [i for i in candidates if table.roles[i].year == year and year is not None]
        no_year = [i for i in candidates if table.roles[i].year is None]
        if names_year and not (same_year or no_year):
            continue  # only other years' columns (``Target 2018`` in a 2016 report): kept as extras, the role stays empty
        pick = same_year or no_year or candidates
        if any(names_period(table.roles[i].label) for i in pick):
            whole = [i for i in pick if _names_cumulative(table.roles[i].label)]
            if not whole:
                continue  # one value per quarter and no total: the year's value is not printed (see period_only_roles)
            pick = whole[-1:]
        chosen[role] = pick[0]
    if "achievement" not in chosen and chosen:
        percent_column = _percent_column(table, set(chosen.values()))
        if percent_column is not None:
            chosen["achievement"] = percent_column
    return chosen


def _label_words(label: str) -> list[str]:
    return [w.strip("():,") for w in label.lower().split()]


def _names_cumulative(label: str) -> bool:
    """``Total``, ``Akumulasi``, ``s.d. TW IV``: the year's value among per-period columns."""
    return any(w in CUMULATIVE_WORDS for w in _label_words(label))


def period_only_roles(table: LogicalTable, year: int | None) -> list[str]:
    """Value roles printed only per period (``Realisasi TW I | TW II | TW III | TW IV`` with no total):
    left empty by :func:`choose_value_columns`, never read from one quarter; the caller warns."""
    chosen = choose_value_columns(table, year)
    return [role for role in VALUE_ROLES if role not in chosen and len(table.columns_with(role)) > 1
            and any(names_period(table.roles[i].label) for i in table.columns_with(role))]


def _percent_column(table: LogicalTable, taken: set[int]) -> int | None:
    """An unnamed-role column whose cells are mostly percentages (``Kategori Penilaian: 63,36 % (Sedang)``).

    Some reports print the achievement under a category header; a column of
    percents beside target and realization can only be the achievement.
    """
    for index, role in enumerate(table.roles):
        if role.role not in ("other", "assessment") or index in taken:
            continue
        cells = [row.cells[index] for row in table.grid.rows if index < len(row.cells) and row.cells[index].strip()]
        percents = sum(parse_value(join_lines(c), role="percent").unit == "%" and "%" in c for c in cells)
        if cells and percents >= 0.6 * len(cells) and percents >= 2:
            return index
    return None


def indicator_rows(table: LogicalTable, year: int | None) -> list[IndicatorRow]:
    columns = choose_value_columns(table, year)
    no_col = (table.columns_with("no") or [None])[0]
    goal_col = (table.columns_with("goal") or [None])[0]
    ind_col = (table.columns_with("indicator") or [None])[0]
    unit_col = (table.columns_with("unit") or [None])[0]
    if ind_col is None:
        ind_col, goal_col = goal_col, None  # "Sasaran / Indikator" printed in one column
    value_cols = set(columns.values())
    header_unit = unit_in_headers(table, columns)
    extra_cols = [i for i, r in enumerate(table.roles) if r.role in EXTRA_ROLES and i not in value_cols]
    text_cols = [i for i, r in enumerate(table.roles) if r.role in TEXT_ROLES and i not in value_cols]
    rows: list[IndicatorRow] = []
    line_per_row = all(flavor in LINE_PER_ROW_FLAVORS for flavor in table.flavors)
    numbered = False
    goal_no: str | None = None
    goal: str | None = None
    #: The last valueless line that may head sub-items (``Jumlah produksi ...`` above ``- Daging``):
    #: its text, the goal before it (when it was read as a goal row) and its row (when it was loaded).
    heading: tuple[str, tuple[str | None, str | None] | None, IndicatorRow | None] | None = None
    parent: str | None = None
    summary_above = False  # the row above was a summary row, left out

    def cell(cells: list[str], index: int | None) -> str:
        return cells[index] if index is not None and index < len(cells) else ""

    for body in table.grid.rows:
        cells = body.cells
        values = {role: join_lines(cell(cells, i)) for role, i in columns.items()}
        joined = join_lines(" ".join(c for c in cells if c.strip()))
        group = _group_kind(joined) if not any(values.values()) else None
        if group == "parent":
            continue  # a Misi / Tujuan row above the goals: not a goal of the measurement
        if group == "goal":
            goal_no, goal = split_goal_number(joined)
            continue
        has_values = any(values.values()) or any(cell(cells, i).strip() for i in extra_cols)
        label = next((c for i, c in enumerate(cells) if c.strip() and i != no_col), "")
        if _is_summary(label, values):
            summary_above = True
            continue
        after_summary, summary_above = summary_above, False
        number = _clean_number(cell(cells, no_col)) if no_col is not None else None
        goal_text = join_lines(cell(cells, goal_col)) if goal_col is not None else ""
        # rows are numbered: a goal's text on a line without number is the rest of the goal above
        numbered = numbered or bool(number)
        if goal_text and goal and line_per_row and not number and (_continues_text(goal_text) or numbered):
            longer = join_lines(f"{goal}\n{goal_text}")  # a goal printed once beside several indicators runs on beside the next
            for row in rows:
                if row.goal == goal and row.goal_no == goal_no:
                    row.goal = longer
            goal, goal_text = longer, ""
        bare_no, ind_text = split_bare_number(strip_marker(join_lines(cell(cells, ind_col))))
        if body.starts_part and rows and body.page != rows[-1].page and not has_values and not number:
            if after_summary:
                continue  # the tail of a summary row (``CAPAIAN RATA-RATA ... KABUPATEN`` / ``TANGGAMUS``), cut by the page
            last = rows[-1]  # the tail of a row cut by the page break
            if goal_text and last.goal:
                last.goal = join_lines(f"{last.goal}\n{goal_text}")
                for row in rows:
                    if row.goal_no == last.goal_no and row is not last and row.goal == goal:
                        row.goal = last.goal
                goal = last.goal
            if ind_text:
                last.indicator = join_lines(f"{last.indicator}\n{ind_text}")
            continue
        sub_item = sub_item_text(cell(cells, ind_col))
        if heading and not names_measure(heading[0]):
            heading = None  # ``Meningkatnya ...`` names an outcome (a goal), not a quantity with parts
        if sub_item and (heading or parent) and not goal_text:
            if heading:
                parent_text, goal_before, heading_row = heading
                if goal_before is not None:
                    goal_no, goal = goal_before  # the heading was no goal row: it heads these sub-items
                if heading_row is not None and heading_row in rows:
                    rows.remove(heading_row)  # a heading without values is no indicator of its own
                parent, heading = parent_text, None
            ind_text = f"{parent} - {sub_item}"
        elif not sub_item:
            parent = None
        if not has_values and not sub_item:
            filled = [c for c in cells if c.strip()]
            if len(filled) == 1 and (goal_col is None or not goal_text or not ind_text):
                number_printed, text = split_goal_number(filled[0])  # a full-width goal row
                heading = (strip_marker(text), (goal_no, goal), None)  # or a numbered indicator heading sub-items
                if number_printed is None and goal_no and not goal:
                    goal = text  # the text under a goal row that printed only the number (``Sasaran Strategis 2``)
                else:
                    goal_no, goal = number_printed, text
                continue
        if goal_text:
            printed_no, goal = split_goal_number(goal_text)
            goal_no = number or printed_no
        elif goal_col in body.boxed_empty and not body.starts_part:
            goal_no, goal = None, None  # a goal cell of its own left empty: the goal is not printed
        elif goal_col is None and number and not ind_text:
            continue
        if not ind_text and not has_values:
            continue
        raw_values = {role: cell(cells, i) for role, i in columns.items()}
        split = None if sub_item else split_stacked(cell(cells, ind_col), raw_values, cell(cells, unit_col))
        unit_text = join_lines(cell(cells, unit_col)) if unit_col is not None else (unit_in_text(ind_text) or header_unit)
        pieces = split or [Piece(ind_text, values, unit_text)]
        for piece in pieces:
            extra = {table.roles[i].label: join_lines(cell(cells, i)) for i in extra_cols + text_cols}
            extra.update({f"{table.roles[columns[role]].label} (Sasaran row)": raw for role, raw in piece.goal_values.items()})
            row = IndicatorRow(
                table_id=table.id,
                page=body.page,
                goal_no=goal_no if goal_col is not None or goal else None,
                goal=goal,
                indicator_no=(number or bare_no) if goal_col is None else None,
                indicator=piece.text,
                unit_raw=piece.unit,
                values=capaian_in_brackets(piece.values),
                extra=extra,
                box=body.box,
            )
            if split:
                row.notes.append(ReportWarning("stacked_cell_split", f"one printed row held {len(split)} indicators; split line by line"))
            elif merges_printed_rows(piece.text, piece.values):
                row.notes.append(ReportWarning("row_merges_indicators", "the row's text runs two indicators together and its target "
                                               "and realisation cells hold two values each: two printed rows read as one"))
            rows.append(row)
        if not has_values and not sub_item and not split:
            heading = (ind_text, None, rows[-1])
        elif not sub_item:
            heading = None
    return rows
