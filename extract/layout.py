"""Logical tables: parts joined across pages, columns labelled with roles, a role per table.

A table that continues on the next page is printed as a new ruled table at the top
of that page, with or without its header repeated. It is joined to the part above
when nothing between them starts a new table (no ``Tabel N`` title, no ``Sasaran
Strategis N`` heading) and its columns line up with the part above.

A table's role follows from its column roles, as PermenPAN-RB 53/2014 shapes them:
``measurement`` (indicator, target, realization and/or achievement), ``plan``
(indicator and target only: Rencana Kinerja, Perjanjian Kinerja), ``budget_program``
(program, pagu, realization), ``spending`` (types of spending as rows or columns).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from rapidfuzz import fuzz

from lkj.extract.grid import ACCOUNT_CODE, BodyRow, Column, Grid, _overlap, build_grid, count_header_rows, leaf_columns
from lkj.extract.headers import ColumnRole, column_role, header_year, looks_like_header
from lkj.extract.raw_table import RawTable
from lkj.extract.units import canonical_unit
from lkj.extract.vocabulary import (
    APPENDIX_WORDS,
    CODE_HEADER_WORDS,
    COMPARED_WITH,
    COMPARED_WITH_WORDS,
    COMPARISON_WORDS,
    CURRENCY_PREFIXES,
    FIGURE_CAPTION_WORDS,
    GOAL_HEADING,
    GROUP_ROW_WORDS,
    MEASUREMENT_TITLES,
    MEASUREMENT_WORDS,
    NOT_A_COMPARISON_BEFORE,
    PLAN_TITLES,
    RANGE_WORDS,
    SPENDING_WORDS,
    SUB_ITEM_BULLETS,
    TABLE_CAPTION_WORDS,
    TOTAL_WORDS,
    YEAR_WORDS,
)

#: Words in the text above a table that open another table, so it continues none above:
#: a caption (of a table, figure or appendix) or a goal's heading.
_NEW_TABLE_WORDS = (*TABLE_CAPTION_WORDS, GOAL_HEADING, *FIGURE_CAPTION_WORDS, *APPENDIX_WORDS)


@dataclass
class LogicalTable:
    id: int
    grid: Grid
    parts: list[RawTable]
    roles: list[ColumnRole] = field(default_factory=list)
    kind: str = "other"  # measurement | plan | budget_program | spending | other
    main: bool = False

    @property
    def title(self) -> str:
        return " ".join(self.parts[0].title.split())

    @property
    def caption(self) -> str:
        """The table's own caption (``Tabel 3.4 Pengukuran ...``) within the text above it."""
        return caption(self.parts[0].title)

    @property
    def pages(self) -> list[int]:
        return sorted({p.page for p in self.parts})

    @property
    def flavors(self) -> list[str]:
        return sorted({p.flavor for p in self.parts})

    def columns_with(self, role: str) -> list[int]:
        return [i for i, r in enumerate(self.roles) if r.role == role]


def _alternation(phrases: tuple[str, ...], whole_words: bool = False) -> str:
    """A regex alternation of lower-case phrases, longest first (so ``dibandingkan`` wins over
    ``dibanding``), each phrase's words joined by optional space (text layers glue them)."""
    forms = [r"\s*".join(map(re.escape, p.split())) for p in sorted(phrases, key=len, reverse=True)]
    return "|".join(rf"\b{f}\b" if whole_words else f for f in forms)


#: ``Tabel 3.4``, and ``Tabel III. 4`` as reports that number their chapters in Roman print it.
_CAPTION_START = re.compile(rf"^({_alternation((*TABLE_CAPTION_WORDS, *APPENDIX_WORDS))})[\s.]*(\d|[IVX]+\s*\.\s*\d)", re.IGNORECASE)
_MEASUREMENT_TITLE = re.compile(_alternation(MEASUREMENT_TITLES))
_PLAN_TITLE = re.compile(_alternation(PLAN_TITLES))
#: A comparison names what the year is compared with after ``dengan`` / ``terhadap``
#: (but not after ``sesuai dengan``: see the vocabulary).
_COMPARISON = re.compile(rf"(?<!{NOT_A_COMPARISON_BEFORE} )\b({_alternation(COMPARISON_WORDS)})(?P<tail>.*)")
_COMPARED_WITH = re.compile(_alternation(COMPARED_WITH) + "|" + _alternation(COMPARED_WITH_WORDS, whole_words=True))
_YEAR = re.compile(r"(?<!\d)(19|20)\d\d(?!\d)")


def caption(title: str) -> str:
    """The caption in the text printed above a table.

    The text above a table holds prose and headings; its caption is the last
    ``Tabel N`` / ``Lampiran N`` line and what follows it (the caption wraps). An
    untitled table's caption is its last heading line; a line ending in ``:`` is the
    prose that introduces the table, not a caption.
    """
    lines = [" ".join(line.split()) for line in title.split("\n") if line.strip()]
    starts = [i for i, line in enumerate(lines) if _CAPTION_START.match(line)]
    if starts:
        return " ".join(lines[starts[-1]:])
    return lines[-1] if lines and not lines[-1].endswith(":") else ""


def is_numbered(text: str) -> bool:
    """A ``Tabel N`` / ``Lampiran N`` caption, as the report's body numbers its tables."""
    return bool(_CAPTION_START.match(text))


def title_kind(text: str, year: int | None) -> str | None:
    """``plan``, ``comparison`` or ``measurement`` as a caption names it; ``None`` when it names none.

    Comparison tables (with the medium-term target, the previous year, the national
    figure) and plan tables (Perjanjian/Penetapan/Rencana Kinerja) reuse the main
    table's header, so their caption is the only thing that tells them apart. A
    measurement "terhadap Perjanjian Kinerja ... Tahun <year>" compares with the
    year's own plan and stays a measurement.
    """
    lowered = text.lower()
    if "efisiensi" in lowered:
        return "comparison"  # resources used against results, not the year's measurement
    match = _COMPARISON.search(lowered)
    if match:
        tail = match.group("tail")
        other_years = {int(m.group()) for m in _YEAR.finditer(tail)} - {year}
        if _COMPARED_WITH.search(tail) or (year is not None and other_years):
            return "comparison"
    if "perbandingan" in lowered and len({m.group() for m in _YEAR.finditer(lowered)}) >= 2:
        return "comparison"  # "Perbandingan ... Tahun 2015 dan 2016": one year against another
    if _PLAN_TITLE.search(lowered) and not any(word in lowered for word in MEASUREMENT_WORDS):
        return "plan"
    if _MEASUREMENT_TITLE.search(lowered):
        return "measurement"
    return None


def year_named(text: str, year: int | None) -> int:
    """1 when a caption names the reporting year, -1 when it names only other years, 0 when none.

    A report is often written over last year's file: a Bab III table copied from it keeps a
    caption that names no year (or last year's) and prints last year's indicators, while the
    year's own table says ``Tahun <year>`` (DP3AKB Sumut 2025). Neither the caption's rank
    nor the row count tells the two apart; the year in the caption does.
    """
    years = {int(m.group()) for m in _YEAR.finditer(text)}
    if year is None or not years:
        return 0
    return 1 if year in years else -1


def spending_categories(text: str) -> list[str]:
    """Every spending type a label names, in order (``BARANG MODAL`` names two when OCR missed the rule between them)."""
    words = text.lower().replace("-", " ").replace("_", " ").split()
    found: list[str] = []
    for position, word in enumerate(words):
        for key, category in SPENDING_WORDS.items():
            if word.startswith(key) and (key != "lain" or "lain" in words[position:] or word.startswith("lainlain")):
                if category not in found:
                    found.append(category)
                break
    return found


def spending_category(text: str) -> str | None:
    """``BELANJA PEGAWAI``/``Pegawai``/``LAINLAIN`` → canonical category."""
    categories = spending_categories(text)
    return categories[0] if categories else None


#: rapidfuzz ratio above which two header labels of the same role name one column:
#: OCR reads a repeated header with a character or two changed (``Target (20)`` for
#: ``Target (%)`` scores 84), while different columns of one role differ in words.
HEADER_SIMILARITY = 80


def _same_labels(a: list[Column], b: list[Column]) -> bool:
    """Do two header rows name the same columns, allowing for OCR damage?"""
    if len(a) != len(b):
        return False
    for left, right in zip(a, b):
        if header_year(left.label) != header_year(right.label):
            return False  # ``Target 2016`` and ``Target 2018`` are other columns, however alike the words
        x, y = ("".join(c.label.lower().split()) for c in (left, right))
        if x != y and (fuzz.ratio(x, y) < HEADER_SIMILARITY or column_role(left.label).role != column_role(right.label).role):
            return False
    return True


def _row_label(cells: list[str]) -> str:
    """The first cell of a row that is words, not a number (skips the No column)."""
    for cell in cells[:3]:
        text = cell.strip()
        if text and not text.rstrip(".").isdigit():
            return text
    return ""


def _continues(prev: RawTable, table: RawTable, prev_columns: list[Column]) -> bool:
    """Is ``table`` the next page's part of ``prev``?

    It must start high on the page right after, with nothing above it that opens a
    new table, and either repeat the header of ``prev`` (up to OCR damage) or have no header
    and cells that line up with the columns of ``prev``. A ruled part's cells count
    even when empty (a wrapped indicator tail fills one cell of a full row); a stream
    reader's row is only its texts, and one text alone is a line of prose.
    """
    if table.page != prev.page + 1 or not prev_columns:
        return False
    title = table.title.lower()
    if any(word in title for word in _NEW_TABLE_WORDS):
        return False
    if table.bbox[1] > table.page_height * 0.35 or prev.bbox[3] < prev.page_height * 0.55:
        return False
    header_rows = count_header_rows(table)
    if header_rows:
        return _same_labels(leaf_columns(table, header_rows), prev_columns)
    ruled = table.flavor == "pdfplumber-lines"
    cells = [[span for text, span in zip(texts, spans) if span is not None and (ruled or (text and text.strip()))]
             for texts, spans in zip(table.rows, table.spans)]
    present = [span for row in cells for span in row]
    if not present or not any(len(row) >= 2 for row in cells[:3]):
        return False  # a continuation starts with a row of several cells, not a line of prose
    lined_up = sum(any(_overlap(s, c.span) > 0.5 * (s[1] - s[0]) for c in prev_columns) for s in present)
    return lined_up >= 0.8 * len(present)


def _value_cut(head: BodyRow, tail: BodyRow, roles: list[str]) -> bool:
    """Did the page break cut a row inside its values? Word and LibreOffice split a tall row over
    two pages and rule both halves: the head keeps a value cell's first line (``Rp``, a unit) and
    the tail, unnumbered, its figures."""
    numbers = [i for i, role in enumerate(roles) if role == "no"]
    if any(tail.cells[i].strip() for i in numbers):
        return False
    return any(role in _KEY_ROLES and role != "no" and head.cells[i].strip() and not _has_digit(head.cells[i])
               and (head.cells[i].strip().lower().rstrip(".") in CURRENCY_PREFIXES or _unit_words(head.cells[i].strip()))
               and _has_digit(tail.cells[i]) for i, role in enumerate(roles))


def _has_digit(text: str) -> bool:
    return any(ch.isdigit() for ch in text)


def _complete_cut_row(head: BodyRow, tail: BodyRow) -> None:
    """Join the two halves of a row that the page break cut: the head's texts come first."""
    head.cells = [f"{a}\n{b}" if a and b else (a or b) for a, b in zip(head.cells, tail.cells)]


def _classify(table: LogicalTable) -> str:
    roles = {r.role for r in table.roles}
    categories = {spending_category(c.label) for c in table.grid.columns} - {None}
    row_labels = [_row_label(row.cells) for row in table.grid.rows]
    row_categories = {spending_category(label) for label in row_labels if label} - {None}
    if len(categories) >= 3 or (len(row_categories) >= 3 and "belanja" in " ".join(row_labels).lower()):
        return "spending"
    if len(row_categories) >= 2 and _all_spending_rows(row_labels) and "pagu" in roles:
        return "spending"  # ``Belanja Pegawai`` and ``Belanja Barang`` only (UPBU Tardamu 2025): two kinds, no other row
    if {"program", "pagu"} <= roles and "target" not in roles and _money_realization(table):
        return "budget_program"  # the budget per sasaran: goal and indicator printed left of the programmes, no target
    if "indicator" in roles and len({"target", "realization", "achievement"} & roles) >= 2 and ({"realization", "achievement"} & roles):
        return "measurement"  # the target column may be left out (it is in the plan), never both results
    if "indicator" in roles and "target" in roles:
        return "plan"
    if "pagu" in roles and ({"realization", "budget_realization", "absorption"} & roles) and "indicator" not in roles:
        return "budget_program"
    if "goal" in roles and "target" in roles and "realization" in roles:
        return "measurement"  # tables whose indicator column is headed "Sasaran/Indikator"
    return "other"


def _all_spending_rows(labels: list[str]) -> bool:
    """Every labelled row a kind of spending printed as ``Belanja <kind>``, or a total: a spending table
    however few kinds it lists (a programme table's rows name programmes)."""
    named = [label.lower() for label in labels if label and not "".join(label.lower().split()).startswith(SQUASHED_TOTALS)]
    return bool(named) and all(label.startswith("belanja") and spending_category(label) for label in named)


#: Total-row labels with their spaces removed (``J U M L A H`` and ``Grand Total`` compared squashed).
SQUASHED_TOTALS = tuple("".join(word.split()) for word in TOTAL_WORDS)
_BUDGET_ROLES = {"pagu", "budget_realization", "remaining"}
#: A printed amount of money: digits grouped by threes (``2.630.136.800``, ``Rp 8,999,014,400``).
_MONEY = re.compile(r"(rp\.?\s*)?\d{1,3}([.,]\d{3}){2,}([.,]\d{1,2})?", re.IGNORECASE)


def _money_realization(table: LogicalTable) -> bool:
    """Is the table's realisation money: a ``Realisasi Anggaran`` header, or a ``Realisasi`` column of
    amounts (a measurement table's realisation holds the indicators' values, not rupiah)?"""
    if table.columns_with("budget_realization"):
        return True
    columns = table.columns_with("realization")
    if not columns:
        return False
    texts = ["".join(row.cells[columns[0]].split()) for row in table.grid.rows if columns[0] < len(row.cells)]  # wrapped: joined
    texts = [t for t in texts if t]
    return bool(texts) and sum(bool(_MONEY.fullmatch(t)) for t in texts) * 2 > len(texts)


def _measurement_percent(roles: list[ColumnRole]) -> list[ColumnRole]:
    """``% Realisasi`` beside indicators is the indicator's capaian, not a budget's absorption.

    The header words are the same in both kinds of table; only the other columns
    (indicators and no money) say which one it is.
    """
    kinds = {r.role for r in roles}
    if "indicator" not in kinds or kinds & _BUDGET_ROLES:
        return roles
    # beside a capaian column and without another realisation, ``Realisasi (%)`` is the realisation, in percent
    meant = "realization" if "achievement" in kinds and "realization" not in kinds else "achievement"
    return [ColumnRole(meant, r.year, r.label) if r.role == "absorption" else r for r in roles]


def _titles_out(raw: RawTable) -> RawTable:
    """The table without the title rows printed inside its grid above the header.

    Some reports rule the caption into the table: full-width rows (``PAGU DAN REALISASI BELANJA
    DAERAH ... PER OPD`` / ``TAHUN ANGGARAN 2021``) and an empty row above ``NO. | OPD | PAGU ...``.
    Read as header rows they would prefix every column label; they are the table's title.
    """
    lead = 0
    for row in raw.rows[:4]:
        filled = [c for c in row if c and c.strip()]
        if len(filled) > 1 or (filled and sum(c is not None for c in row) > 1):
            break  # a row of several cells: the header or the body
        lead += 1
    if not lead or lead >= len(raw.rows) or not looks_like_header([c or "" for c in raw.rows[lead]]):
        return raw
    title = "\n".join(c.strip() for row in raw.rows[:lead] for c in row if c and c.strip())
    return replace(raw, rows=raw.rows[lead:], spans=raw.spans[lead:], rows_y=raw.rows_y[lead:],
                   title=f"{raw.title}\n{title}" if raw.title else title)


def _realized_capaian(roles: list[ColumnRole]) -> list[ColumnRole]:
    """``Capaian`` beside a later ``Capaian Target`` (or ``% Capaian``) is the realisation.

    Some reports (Kejaksaan's SAKIP tables: ``Target | Capaian | Capaian Target``) call the realised
    value ``Capaian`` and the percentage of the target ``Capaian Target``. With no realisation
    column and two capaian columns, the first one headed by the bare word (a year allowed) is the
    realisation; the other stays the capaian. So is a lone ``Capaian`` paired with ``Target`` under
    the same year (``Tahun: Target 2019 | Capaian 2019``, rule 4 of tests/labels/real/NOTES.md).
    """
    kinds = [r.role for r in roles]
    if "realization" in kinds or "achievement" not in kinds:
        return roles
    first = kinds.index("achievement")
    words = [w for w in roles[first].label.lower().split() if not w.isdigit() and w not in YEAR_WORDS]
    # ``Target 2019 | Capaian 2019`` under one year and nothing else for the result: the realisation
    paired = roles[first].year is not None and any(r.role == "target" and r.year == roles[first].year for r in roles)
    if words != ["capaian"] or not (kinds.count("achievement") >= 2 or (paired and kinds.count("achievement") == 1)):
        return roles
    return [ColumnRole("realization", r.year, r.label) if i == first else r for i, r in enumerate(roles)]


def logical_tables(raw_tables: list[RawTable]) -> list[LogicalTable]:
    """Join continued parts, label columns with roles, and classify each table."""
    tables: list[LogicalTable] = []
    for raw in sorted((_titles_out(t) for t in raw_tables), key=lambda t: (t.page, t.bbox[1])):
        previous = tables[-1] if tables else None
        if previous and _continues(previous.parts[-1], raw, previous.grid.columns):
            part = build_grid(raw, columns=previous.grid.columns)
            if previous.grid.rows and part.rows and (previous.parts[-1].open_bottom or _value_cut(
                    previous.grid.rows[-1], part.rows[0], [column_role(c.label).role for c in previous.grid.columns])):
                _complete_cut_row(previous.grid.rows[-1], part.rows.pop(0))
            previous.grid.rows.extend(part.rows)
            previous.parts.append(raw)
            continue
        grid = build_grid(raw)
        if not grid.columns:
            continue
        tables.append(LogicalTable(id=len(tables) + 1, grid=grid, parts=[raw]))
    for table in tables:
        table.roles = _realized_capaian(_measurement_percent([column_role(c.label) for c in table.grid.columns]))
        table.kind = _classify(table)
        if table.kind != "other" and all(p.flavor in LINE_PER_ROW_FLAVORS for p in table.parts):
            _merge_wrapped_lines(table)
            if table.kind == "budget_program" and _classify(table) == "spending":
                table.kind = "spending"  # its row labels wrapped (``Belanja`` / ``Pegawai``), whole again
    return tables


#: Readers that return one row per printed line rather than per table row.
LINE_PER_ROW_FLAVORS = ("camelot-stream", "pdfplumber-words", "ocr-words")
#: Columns that hold one short value per row; a line with none of them is wrapped text.
_KEY_ROLES = {"no", "target", "realization", "achievement", "unit", "pagu", "budget_realization", "absorption", "remaining"}


def _wrapped_units(row: BodyRow, keys: list[int], numbers: list[int]) -> bool:
    """A line whose value cells hold only unit words (``24`` / ``Kegiatan`` in a narrow column):
    the units of the row above, wrapped, not a row of its own."""
    texts = [row.cells[i].strip() for i in keys if row.cells[i].strip()]
    return (bool(texts) and not any(row.cells[i].strip() for i in numbers)
            and all(canonical_unit(t) or t in ("%", "(%)") or _unit_words(t) for t in texts))


#: What a value cell ends with when its range runs on to the next line (``77,5 –`` / ``82,5%``).
_RANGE_OPEN = re.compile(r"\d\s*(?:[-–—]|" + "|".join(re.escape(w) for w in RANGE_WORDS) + r")$", re.IGNORECASE)


#: A value cell's line that goes on with the range above (``– 82,5%``, ``s.d. 80``, a lone ``–``).
_RANGE_CLOSE = re.compile(r"^(?:[-–—]|(?:" + "|".join(re.escape(w) for w in RANGE_WORDS) + r")\s)(?:\s*\d.*)?$", re.IGNORECASE)


def _wrapped_range(previous: BodyRow, row: BodyRow, keys: list[int]) -> bool:
    """A line whose value cells hold only the rest of ranges the row above began (``77,5 –``
    over ``82,5%``, or ``77,5`` over ``–`` in a narrow column): the row above, wrapped, not a
    row of its own."""
    def goes_on(i: int) -> bool:
        above = " ".join(previous.cells[i].split()) if i < len(previous.cells) else ""  # ``77,5`` / ``–``: one range
        below = row.cells[i].strip()
        return bool(_RANGE_OPEN.search(above)) or (above[-1:].isdigit() or above.endswith("%")) and bool(_RANGE_CLOSE.match(below))

    filled = [i for i in keys if i < len(row.cells) and row.cells[i].strip()]
    return bool(filled) and all(goes_on(i) for i in filled)


def _text_column(row: BodyRow, keys: list[int]) -> int | None:
    """The rightmost column the line prints words in, number and value columns aside."""
    return next((i for i in range(len(row.cells) - 1, -1, -1) if i not in keys and row.cells[i].strip()), None)


def _gap_above(rows: list[BodyRow], index: int, column: int) -> float | None:
    """Points between a printed line and the nearest line above it with words in ``column`` on the
    same page (None when unknown): a goal's text printed beside on offset baselines is skipped."""
    for above in range(index - 1, -1, -1):
        if rows[above].page != rows[index].page or rows[above].box is None or rows[index].box is None:
            return None
        if column < len(rows[above].cells) and rows[above].cells[column].strip():
            return rows[index].box[1] - rows[above].box[3]  # type: ignore[index]
    return None


def _has_key(row: BodyRow, keys: list[int]) -> bool:
    return any(row.cells[k].strip() for k in keys if k < len(row.cells))


def _wrap_gap(rows: list[BodyRow], keys: list[int]) -> float | None:
    """The usual gap above a wrapped line of this table (a line without number or value)."""
    gaps = sorted(g for i, row in enumerate(rows) if not _has_key(row, keys) and (column := _text_column(row, keys)) is not None
                  and (g := _gap_above(rows, i, column)) is not None)
    return gaps[len(gaps) // 2] if gaps else None


#: Points a gap between two rows exceeds the gap above a wrapped line by, at least.
ROW_GAP_MARGIN = 2.0


def _bulleted(row: BodyRow) -> bool:
    """A cell of the line opens with a bullet (``- Laporan Keuangan Semester I``)."""
    return any(cell.strip().split(" ")[0] in SUB_ITEM_BULLETS and cell.strip()[:1] != "o" for cell in row.cells if cell.strip())


def _heads_sub_items(rows: list[BodyRow], index: int, keys: list[int], wrap_gap: float | None) -> bool:
    """The line at ``index`` opens the heading of bulleted sub-items (``Jumlah laporan keuangan ...``
    above ``- Laporan Keuangan Semester I``), a row of its own though it prints no value: it stands
    a row's gap below the line above in its column (more than a wrapped line does), and its own
    wrapped lines lead to a bulleted line. Without vertical rules it was read as the tail of the
    indicator above."""
    column = _text_column(rows[index], keys)
    if wrap_gap is None or column is None or _bulleted(rows[index]):
        return False
    gap = _gap_above(rows, index, column)
    if gap is None or gap < wrap_gap + ROW_GAP_MARGIN:
        return False
    for after in range(index + 1, len(rows)):
        if _bulleted(rows[after]):
            return True
        if _has_key(rows[after], keys):
            return False
        if column >= len(rows[after].cells) or not rows[after].cells[column].strip():
            continue  # a line of another column (the goal's text beside)
        following = _gap_above(rows, after, column)
        if following is None or following >= wrap_gap + ROW_GAP_MARGIN:
            return False
    return False


def _awaits_figures(previous: BodyRow, row: BodyRow, keys: list[int], numbers: list[int]) -> bool:
    """The line above printed only the currency of its amounts (``Rp``), which wrapped to this
    unnumbered line: the two are one row."""
    texts = [previous.cells[i].strip() for i in keys if i not in numbers and previous.cells[i].strip()]
    return (any(t.lower().rstrip(".") in CURRENCY_PREFIXES for t in texts) and not any(_has_digit(t) for t in texts
            if t.lower().rstrip(".") in CURRENCY_PREFIXES) and not any(row.cells[i].strip() for i in numbers)
            and any(_has_digit(row.cells[i]) for i in keys))


def _unit_words(text: str) -> bool:
    """One or two words of letters, as a unit is printed (``Perkara``, ``Orang/Hari``); not a grade
    (``BB``, ``A``), which is a value."""
    words = text.replace("/", " ").split()
    return 0 < len(words) <= 2 and all(w.isalpha() for w in words) and not (text.isupper() and len(text) <= 3)


def code_column(table: LogicalTable) -> int | None:
    """The account-code column (``Kode``, ``Kode Rekening``, ``Rek``): its codes tell programmes from kegiatan."""
    for index, column in enumerate(table.grid.columns):
        words = [w.strip(".:") for w in column.label.lower().split()]
        glued = "".join(words)
        if table.roles[index].role in ("other", "no") and (set(words) & set(CODE_HEADER_WORDS) or glued in CODE_HEADER_WORDS):
            return index
    return None


def _merge_wrapped_lines(table: LogicalTable) -> None:
    """Join the wrapped lines of borderless tables back into their rows.

    Stream readers return one row per printed line. A line that has nothing in the
    number and value columns continues the row above it, unless it opens a group
    (``Sasaran Strategis 2 : ...``) or prints a dotted account code in the code column
    (a programme row without figures, ``1.01.01.0 | Program``, under a subtotal row;
    the tail of a code cut by the cell's width, ``1`` or ``.001``, carries no inner dot).
    """
    keys = [i for i, role in enumerate(table.roles) if role.role in _KEY_ROLES]
    numbers = table.columns_with("no")
    code = code_column(table)
    merged = []
    wrap_gap = _wrap_gap(table.grid.rows, keys)
    for position, row in enumerate(table.grid.rows):
        # the first words of the line, after its number or account code (``1.01.01.02 | Program ...``)
        first_text = next((t for t in (c.lower().lstrip("0123456789. ") for c in row.cells) if t.strip()), "")
        is_continuation = (
            merged and not row.starts_part and keys
            and (not any(row.cells[i].strip() for i in keys) or _wrapped_units(row, keys, numbers)
                 or _awaits_figures(merged[-1], row, keys, numbers) or _wrapped_range(merged[-1], row, keys))
            and not first_text.startswith(GROUP_ROW_WORDS)
            and not (code is not None and ACCOUNT_CODE.fullmatch(row.cells[code].strip()))
            and not _heads_sub_items(table.grid.rows, position, keys, wrap_gap)
        )
        if is_continuation:
            previous = merged[-1]
            previous.cells = [f"{a}\n{b}" if a and b else (a or b) for a, b in zip(previous.cells, row.cells)]
        else:
            merged.append(row)
    table.grid.rows = merged
