"""The normalizer: one printed table cell -> one typed value, with unit and confidence.

Every number in the project goes through `parse_value`; nothing else parses a
number by hand. LKj tables mix the Indonesian convention (`id`: `1.234,5`) and
the English one (`en`: `1,234.5`), often inside one document, and scans add OCR
noise. The parser therefore never guesses silently: each uncertain decision
adds a warning and lowers `ParsedValue.confidence`.

Public API
----------
- `parse_value(raw, role=None, convention=None) -> ParsedValue`
- `parse_money(raw, convention=None)`, `parse_percent(raw, convention=None)`:
  `parse_value` with role `money` / `percent`.
- `detect_convention(raws) -> "id" | "en" | None`: the document's dominant
  convention, learnt from unambiguous cells only; the pipeline calls it once
  per document and passes the result to `parse_value`.

Rules
-----
1. Clean-up: NFKC (full-width `％` and digits, NBSP and thin spaces), every
   dash and the unicode minus become `-`, zero-width characters go, runs of
   whitespace become one space.
2. Empty: ``, dashes only (`-`, `–`, `—`, also `Rp -`, `-,-`), `N/A`, `n.a.`,
   `Tidak ada`, `nihil`, ... -> kind `empty`, value None, no warning.
3. Grade: a whole cell `AA A BB B CC C D` (upper case, optionally in
   parentheses) -> kind `grade`, unit `grade`, `.grade` set, value None. A
   lone `A`/`B` is a grade only when it is the whole cell.
4. No digit at all -> kind `text`, value None, no warning (`Baik`, `Tercapai`).
   Words before the number (other than `Rp`, `IDR` and the qualifiers `min`,
   `maks`, `≥`, `<`, ...) also make the cell `text`, with `text_with_number`.
5. Repairs before reading: `,-` / `,—` after a number is how whole rupiah are
   printed, so it is read as the unit `rupiah` (`1.000,-` -> 1000 rupiah);
   `O o I l` inside a run of digits become `0 0 1 1` (`ocr_digit_repair`);
   spaces inside a number are removed: `77. 452.486.000`, `2 999 452 000`
   (`space_in_number`).
6. Separators: with both `.` and `,` the last one is the decimal point. One kind
   used several times is grouping (groups of 3). Separators that fit neither
   (`1.23.456`) give `malformed_number`: a last group of 1-2 digits is read as
   decimals, anything else as grouping. A single separator followed by 1, 2
   or 4+ digits, or preceded by `0` or by 4+ digits, is a decimal point (`1.5`,
   `1,25`, `70.65`, `0,500`). A single separator followed by exactly 3 digits
   (`1.395`, `2,500`) is ambiguous and is decided, in this order, by
   a) money without a scale word (`Rp`, `rupiah`, `,-`, role `money`) or a
      count (role `count`, a known count unit such as `orang`): thousands, no
      warning, since rupiah and counts never have three decimals (a scaled
      amount such as `Rp 3.175 M` goes on to b);
   b) the document `convention`: `ambiguous_separator`, confidence 0.7;
   c) percent context without a convention: decimal, `ambiguous_separator`,
      confidence 0.5 (a percent above 1000 is implausible);
   d) the default convention `id` (`.` thousands, `,` decimal):
      `ambiguous_separator`, confidence 0.5.
7. Units follow the number (`2 Lap`, `12 Kali`, `87,5%`, `100 Persen`); the
   vocabulary lives in `extract.vocabulary`. An unknown word keeps the number, the
   unit is the lower-cased word, kind `count`, warning `unknown_unit`.
8. Kind: `%` -> `percent` (float, the number shown); `Rp`, `rupiah` or a scale
   word (`ribu rb juta jt miliar milyar triliun`, and `M`/`T` after `Rp` or in a
   money column) -> `money` (int rupiah); a count unit -> `count`; else the
   column `role` decides (`percent` -> unit `%`, `money` -> unit `rupiah`,
   `count` -> unit None); else `number`. Units in the cell beat the role
   (`role_mismatch`). Counts and numbers are int unless a decimal part is printed.
9. Signs: a leading `-` is a minus (`detached_minus` when a space follows it),
   a leading `+` is dropped.
   A cell wholly in parentheses is negative (accounting style), except a
   percent: `(99.91%)` is 99.91. Outside a money cell the negative reading
   adds `paren_negative`.
10. Tails after the value: a parenthesised percent is exposed as
    `.secondary` (`77,319,385,462 (99.83%)` -> value 77319385462, secondary
    99.83, no warning); a grade, in parentheses or not, sets `.grade` and keeps
    the kind of the number (`70.65 (BB)` -> kind `number`, value 70.65, grade
    `BB`); a spelled-out number (`2 (dua) Laporan`) is dropped silently.
11. Several values in one cell (`2 laporan 5 Lap`) are never merged: the first
    value is kept with `multiple_values` and confidence 0.3.
12. In a percent column a bare integer above 1000 ending in `96` (no `%` in
    the cell) may be a misread `%` (`10096` for `100%`): the number is kept,
    with `percent_maybe_ocr`.
13. A range (`75,70 - 76,20`, `2 s/d 3 Dokumen`, `80 sampai dengan 85 %`): two
    values joined by a dash or a range word (`vocabulary.RANGE_WORDS`) -> kind
    `range`, value None, both ends typed in `.low` and `.high`, warning
    `range_value`. No end is picked: the cell does not say whether the floor,
    the ceiling or the middle is meant.
14. A level or grade in words with its score in brackets (`Level 3 (3,35)`,
    `Nilai A (83)`): the score is the value, a SAKIP grade is `.grade`,
    warning `compound_value`.

Warning codes (each warning is a ``ReportWarning`` of ``extract.warning_codes``, where every
code is registered with its meaning; confidence is the lowest cap of the warnings raised,
1.0 without warnings)
---------------------------------------------------------------------------
=====================  ====  ===============================================
code                   cap   meaning
=====================  ====  ===============================================
ambiguous_separator    .7/.5 `1.395`-like number decided by convention/default
ocr_digit_repair       0.6   O/o/I/l inside a digit run read as 0/1
space_in_number        0.85  spaces inside a number removed
percent_maybe_ocr      0.3   percent > 1000 ending in 96: maybe `%` misread
multiple_values        0.3   more than one value in the cell; first kept
unknown_unit           0.8   word after the number is not in the vocabulary
role_mismatch          0.7   the cell's own unit contradicts the column role
paren_negative         0.6   parentheses read as a negative outside money
detached_minus         0.6   `- 5`: minus separated from the number by a space
malformed_number       0.4   separators that fit no convention (`1.23.456`)
money_fraction         0.9   money with non-zero cents, rounded to whole rupiah
qualifier              0.8   `≥`, `<`, `min`, `maks`... before the value dropped
extra_text             0.8   words or symbols around the value ignored
text_with_number       0.5   words before a number: the cell is kept as text
range_value            1.0   a range: value None, both ends in `.low`/`.high`
compound_value         0.9   `Level 3 (3,35)`: the bracketed score is the value
=====================  ====  ===============================================
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Context, Decimal

from lkj.extract.units import canonical_unit, fold, is_count_unit, is_spelled_number_word, scale_of
from lkj.extract.vocabulary import (
    CURRENCY_PREFIXES,
    GRADE,
    PERCENT,
    PLACEHOLDERS,
    QUALIFIER_WORDS,
    RANGE_WORDS,
    RUPIAH,
    SAKIP_GRADES,
    UNIT_ALIASES,
)
from lkj.extract.warning_codes import ReportWarning

ROLES = frozenset({"percent", "money", "count"})
CONVENTIONS = frozenset({"id", "en"})
KINDS = frozenset({"percent", "money", "count", "number", "grade", "empty", "text", "range"})
QUALIFIER_SYMBOLS = frozenset("≥≤<>±~=")

WARNING_CONFIDENCE: dict[str, float] = {
    "ambiguous_separator": 0.5,
    "ocr_digit_repair": 0.6,
    "space_in_number": 0.85,
    "percent_maybe_ocr": 0.3,
    "multiple_values": 0.3,
    "unknown_unit": 0.8,
    "role_mismatch": 0.7,
    "paren_negative": 0.6,
    "detached_minus": 0.6,
    "malformed_number": 0.4,
    "money_fraction": 0.9,
    "qualifier": 0.8,
    "extra_text": 0.8,
    "text_with_number": 0.5,
    "range_value": 1.0,
    "range_open": 0.5,
    "compound_value": 0.9,
}

_GROUP_SEP = {"id": ".", "en": ","}
_OTHER_SEP = {".": ",", ",": "."}

_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"), "-")
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
#: A currency prefix, with or without its full stop (``Rp.``, ``IDR``).
_CURRENCY = "(?:" + "|".join(sorted(CURRENCY_PREFIXES, key=len, reverse=True)) + r")\.?"
_ONLY_DASHES = re.compile(rf"(?:{_CURRENCY})?[\s.,-]*", re.IGNORECASE)
_WHOLE_GRADE = re.compile(r"\(?\s*(" + "|".join(sorted(SAKIP_GRADES)) + r")\s*\)?")
_NO_CENTS = re.compile(r"(?<=[0-9])[.,]-+")
_CURRENCY_GLUE = re.compile(rf"\b{_CURRENCY}(?=[0-9(-])", re.IGNORECASE)
_OCR_RUN = re.compile(r"(?<![^\W\d_])[0-9OoIl][0-9OoIl.,]*(?![^\W\d_])")
_OCR_DIGITS = str.maketrans("OoIl", "0011")
_SPACE_AFTER_SEP = re.compile(r"(?<=[0-9][.,]) +(?=[0-9]{3}(?![0-9]))")
_SPACE_BEFORE_SEP = re.compile(r"(?<=[0-9]) +(?=[.,][0-9])")
_SPACE_GROUPS = re.compile(r"(?<![0-9.,])[0-9]{1,3}(?: [0-9]{3})+(?![0-9])")
_DIGIT_RUN = r"[0-9](?:[0-9.,]*[0-9])?"
_NUMBER = re.compile(_DIGIT_RUN)
_TOKEN = re.compile(
    rf"(?P<num>{_DIGIT_RUN})"
    r"|(?P<pct>%)|(?P<open>\()|(?P<close>\))|(?P<minus>-)"
    r"|(?P<word>[^\W\d_]+(?:-[^\W\d_]+)*\.?)"
    r"|(?P<other>\S)"
)
_PUNCTUATION = frozenset(".,;:")


@dataclass(frozen=True)
class ParsedValue:
    """A printed cell read as a typed value.

    `value` is int rupiah for money, the number shown (float) for percentages,
    int or float otherwise, None for empty, text and grade cells. `secondary`
    holds a percent printed in parentheses after the value; `grade` a SAKIP
    grade, alone or after a score.
    """

    raw: str
    value: int | float | None
    unit: str | None
    kind: str
    confidence: float = 1.0
    warnings: tuple[ReportWarning, ...] = ()
    grade: str | None = None
    secondary: float | None = None
    low: int | float | None = None  # the ends of a range (kind ``range``), as printed
    high: int | float | None = None


class _Notes:
    """Collects warnings; confidence is the lowest cap of the warnings seen."""

    def __init__(self) -> None:
        self.warnings: list[ReportWarning] = []
        self.confidence = 1.0

    def warn(self, code: str, detail: str, cap: float | None = None) -> None:
        self.warnings.append(ReportWarning(code, detail))
        self.confidence = min(self.confidence, WARNING_CONFIDENCE[code] if cap is None else cap)


@dataclass(frozen=True)
class _Token:
    kind: str
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class _Shape:
    """Structure of a digit run: `plain`, `grouped`, `decimal`, `ambiguous` or
    `malformed`, and the separator that is (or would be) the decimal point."""

    kind: str
    decimal_sep: str | None


@dataclass(frozen=True)
class _Number:
    value: Decimal
    has_fraction: bool


@dataclass(frozen=True)
class _Prefix:
    currency: bool
    negative: bool
    wrapped: bool
    words: tuple[str, ...]


@dataclass(frozen=True)
class _Tail:
    secondary: float | None
    grade: str | None


# ---------------------------------------------------------------- public API


def parse_value(raw: str, role: str | None = None, convention: str | None = None) -> ParsedValue:
    """Read one printed cell; `role` is the column's role, `convention` the
    document's (see `detect_convention`). Never raises on cell content."""
    if role is not None and role not in ROLES:
        raise ValueError(f"role must be one of {sorted(ROLES)} or None, not {role!r}")
    if convention is not None and convention not in CONVENTIONS:
        raise ValueError(f"convention must be 'id', 'en' or None, not {convention!r}")
    text = _normalize(raw)
    if _is_placeholder(text):
        return ParsedValue(raw, None, None, "empty")
    grade = _WHOLE_GRADE.fullmatch(text)
    if grade:
        return ParsedValue(raw, None, GRADE, "grade", grade=grade.group(1))
    compound = _COMPOUND.fullmatch(text)
    if compound and compound.group("label").lower() not in CURRENCY_PREFIXES:
        return _compound(raw, compound, role, convention)
    ends = _RANGE.fullmatch(text)
    if ends:
        ranged = _range(raw, ends.group("low"), ends.group("high"), role, convention)
        if ranged is not None:
            return ranged
    opened = _OPEN_RANGE.fullmatch(text)
    if opened:
        low = parse_value(opened.group("low"), role, convention)
        if low.value is not None:  # ``77,5 –``: the other end not printed (or cut off): no single value
            note = ReportWarning("range_open", f"{raw.strip()!r}: a range with one end only; no value taken")
            return ParsedValue(raw, None, low.unit, "range", WARNING_CONFIDENCE["range_open"], (*low.warnings, note),
                               low=low.value)
    notes = _Notes()
    tokens = _tokenize(_repair(text, notes))
    if not any(t.kind == "num" for t in tokens):
        return ParsedValue(raw, None, None, "text")
    return _parse_tokens(raw, tokens, role, convention, notes)


#: Two values joined by a dash or a range word, each with a digit and no dash of its own (so a date
#: ``01-01-2020`` or a minus ``-5`` is no range).
_RANGE = re.compile(r"(?P<low>[^-]*\d[^-]*?)\s*(?:-|" + "|".join(
    rf"\s{re.escape(word)}\s" for word in sorted(RANGE_WORDS, key=len, reverse=True)) + r")\s*(?P<high>[^-]*\d[^-]*)", re.IGNORECASE)


#: A value and a range's dash or word after a space with nothing after it (``77,5 –``, ``80 s.d.``): half
#: a range. Not a dash glued to the figure: ``Rp 77.452.486.000,-`` prints no cents.
_OPEN_RANGE = re.compile(r"(?P<low>[^-]*\d[^-]*?)\s+(?:-|" + "|".join(
    re.escape(word) for word in sorted(RANGE_WORDS, key=len, reverse=True)) + r")\s*", re.IGNORECASE)


#: A word and a level or grade, with the score in brackets: ``Level 3 (3,35)``, ``Nilai A (83)``.
_COMPOUND = re.compile(r"(?P<label>[^\W\d_]+)\s+(?P<level>\d{1,2}|[A-D]{1,2})\s*\(\s*(?P<score>\d[\d.,]*\s*%?)\s*\)")


def _compound(raw: str, match: re.Match[str], role: str | None, convention: str | None) -> ParsedValue:
    """``Level 3 (3,35)``, ``Nilai A (83)``: a level or grade named in words, its score in brackets.
    The score is the value (the measure the target is set in); a SAKIP grade is kept as ``.grade``."""
    score = parse_value(match.group("score"), role, convention)
    level = match.group("level")
    note = ReportWarning("compound_value", f"{match.group('label')} {level}: the score in brackets ({match.group('score')}) is the value")
    return ParsedValue(raw, score.value, score.unit, score.kind, min(score.confidence, WARNING_CONFIDENCE["compound_value"]),
                       (*score.warnings, note), grade=level if level in SAKIP_GRADES else None)


def _range(raw: str, low_text: str, high_text: str, role: str | None, convention: str | None) -> ParsedValue | None:
    """A range printed in one cell (``75,70 - 76,20``): kind ``range``, ``value`` None, both ends
    typed in ``low`` and ``high`` as printed. A range is not one number, and which end is meant
    (a floor, a ceiling, the middle) is not printed, so no end is picked; a unit printed on one end
    (``80 - 85 %``) is both ends'."""
    low, high = (parse_value(t, role, convention) for t in (low_text, high_text))
    if low.value is None or high.value is None:
        return None  # only numbers are typed: an empty, text, grade or range end makes no range
    if low.unit is None and high.unit is not None:
        low = parse_value(f"{low_text} {high_text[len(high_text.rstrip('%')):] or high.unit}", role, convention)
    unit = high.unit if low.unit in (None, high.unit) else None
    if unit is None and low.unit != high.unit:
        return None  # ``2 Lap - 5 %``: two different things, not a range
    note = ReportWarning("range_value", f"range {low.value:g} to {high.value:g}: both ends kept, no single value")
    confidence = min(low.confidence, high.confidence, WARNING_CONFIDENCE["range_value"])
    return ParsedValue(raw, None, unit, "range", confidence, (*low.warnings, *high.warnings, note),
                       low=low.value, high=high.value)


def parse_money(raw: str, convention: str | None = None) -> ParsedValue:
    """`parse_value` for a money column: bare numbers are int rupiah."""
    return parse_value(raw, role="money", convention=convention)


def parse_percent(raw: str, convention: str | None = None) -> ParsedValue:
    """`parse_value` for a percent column: bare numbers are percentages."""
    return parse_value(raw, role="percent", convention=convention)


def detect_convention(raws: Iterable[str]) -> str | None:
    """The dominant convention of a document's cells, counting only numbers
    whose shape proves it (`77.452.486.000`, `87,5%`, `2,999,452,000`,
    `99.90%`); None without evidence or on a tie."""
    votes: Counter[str] = Counter()
    for raw in raws:
        text = _repair(_normalize(raw), _Notes())
        for match in _NUMBER.finditer(text):
            vote = _evidence(match.group())
            if vote:
                votes[vote] += 1
    if votes["id"] == votes["en"]:
        return None
    return "id" if votes["id"] > votes["en"] else "en"


# ------------------------------------------------------------------ clean-up


def _normalize(raw: str) -> str:
    """Fold the unicode variants that scans and word processors produce."""
    text = unicodedata.normalize("NFKC", raw).translate(_DASHES).translate(_INVISIBLE)
    return " ".join(text.split())


def _is_placeholder(text: str) -> bool:
    return bool(_ONLY_DASHES.fullmatch(text)) or fold(text) in PLACEHOLDERS


def _repair(text: str, notes: _Notes) -> str:
    """Undo typing conventions and scan noise that would split or hide digits."""
    text = _NO_CENTS.sub(" rupiah", text)
    text = _CURRENCY_GLUE.sub(lambda m: m.group() + " ", text)
    text = _OCR_RUN.sub(lambda m: _repair_ocr_run(m.group(), notes), text)
    return _join_spaced_digits(text, notes)


def _repair_ocr_run(run: str, notes: _Notes) -> str:
    """Letters that look like digits, only inside a run that has real digits."""
    if not re.search(r"[0-9]", run) or not re.search(r"[OoIl]", run):
        return run
    fixed = run.translate(_OCR_DIGITS)
    notes.warn("ocr_digit_repair", f"'{run}' read as {fixed}")
    return fixed


def _join_spaced_digits(text: str, notes: _Notes) -> str:
    """`77. 452.486.000` and `2 999 452 000` are one number each."""
    joined = _SPACE_BEFORE_SEP.sub("", _SPACE_AFTER_SEP.sub("", text))
    joined = _SPACE_GROUPS.sub(lambda m: m.group().replace(" ", ""), joined)
    if joined != text:
        notes.warn("space_in_number", f"'{text}' read as '{joined}'")
    return joined


def _tokenize(text: str) -> list[_Token]:
    return [_Token(m.lastgroup or "other", m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


# ------------------------------------------------------------ digit reading


def _is_group_head(digits: str) -> bool:
    return 1 <= len(digits) <= 3 and digits[0] != "0"


def _valid_grouping(groups: list[str]) -> bool:
    return _is_group_head(groups[0]) and all(len(g) == 3 for g in groups[1:])


def _shape(token: str) -> _Shape:
    """Classify a digit run by its separators alone, without any context."""
    seps = re.findall(r"[.,]", token)
    if not seps:
        return _Shape("plain", None)
    last = seps[-1]
    groups = re.split(r"[.,]", token)
    if len(set(seps)) == 2:
        ok = seps.count(last) == 1 and _valid_grouping(groups[:-1]) and groups[-1] != ""
        return _Shape("decimal" if ok else "malformed", last)
    if len(seps) > 1:
        return _Shape("grouped" if _valid_grouping(groups) else "malformed", _OTHER_SEP[last])
    head, tail = groups
    if len(tail) == 3 and _is_group_head(head):
        return _Shape("ambiguous", None)
    return _Shape("decimal", last)


def _evidence(token: str) -> str | None:
    """The convention a digit run proves, if any (`08.00` clock times excluded)."""
    shape = _shape(token)
    if shape.kind not in ("grouped", "decimal") or re.match(r"0[0-9]", token):
        return None
    return "id" if shape.decimal_sep == "," else "en"


def _read_number(token: str, hint: str | None, convention: str | None, notes: _Notes) -> _Number:
    """Decimal value of a digit run; `hint` is `integer` (money/count context),
    `percent` or None, and only matters for the ambiguous `1.395` shape."""
    shape = _shape(token)
    if shape.kind == "ambiguous":
        decimal_sep = _resolve_ambiguous(token, hint, convention, notes)
    elif shape.kind == "malformed":
        decimal_sep = _guess_malformed(token)
    else:
        decimal_sep = shape.decimal_sep
    number = _to_decimal(token, decimal_sep)
    if shape.kind == "malformed":
        notes.warn("malformed_number", f"'{token}' read as {_plain(number.value)}")
    return number


def _to_decimal(token: str, decimal_sep: str | None) -> _Number:
    if decimal_sep and decimal_sep in token:
        whole, fraction = token.rsplit(decimal_sep, 1)
        return _Number(Decimal(re.sub(r"[.,]", "", whole) + "." + fraction), True)
    return _Number(Decimal(re.sub(r"[.,]", "", token)), False)


def _plain(number: Decimal) -> str:
    """`2.500` -> `2.5`, `1395` -> `1395`: how a reading is shown in warnings."""
    text = f"{number:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def _guess_malformed(token: str) -> str | None:
    """A last group of 1-2 digits looks like decimals; otherwise all grouping."""
    tail = re.split(r"[.,]", token)[-1]
    return token[-len(tail) - 1] if len(tail) <= 2 else None


def _resolve_ambiguous(token: str, hint: str | None, convention: str | None, notes: _Notes) -> str | None:
    """Decimal separator for `d.ddd` / `d,ddd` (see rule 6); None means thousands."""
    sep = "." if "." in token else ","
    if hint == "integer":
        return None
    if convention:
        thousands, reason, cap = sep == _GROUP_SEP[convention], f"convention {convention}", 0.7
    elif hint == "percent":
        thousands, reason, cap = False, "percent context (no document convention)", 0.5
    else:
        thousands, reason, cap = sep == ".", "default convention id (no document convention)", 0.5
    decimal_sep = None if thousands else sep
    shown = _plain(_to_decimal(token, decimal_sep).value)
    reading = "thousands" if thousands else "decimal"
    notes.warn("ambiguous_separator", f"'{token}' read as {shown} ({reading}) from {reason}", cap)
    return decimal_sep


# ------------------------------------------------------------- cell grammar


def _parse_tokens(
    raw: str, tokens: list[_Token], role: str | None, convention: str | None, notes: _Notes
) -> ParsedValue:
    """`[prefix] number [scale] [unit] [tail]`, where the prefix may hold `Rp`,
    a sign, an opening parenthesis and qualifiers."""
    first = next(i for i, t in enumerate(tokens) if t.kind == "num")
    prefix = _read_prefix(tokens[: first + 1], notes)
    if prefix.words:
        notes.warn("text_with_number", f"words {' '.join(prefix.words)!r} before the number")
        return ParsedValue(raw, None, None, "text", notes.confidence, tuple(notes.warnings))
    money_context = prefix.currency or role == "money"
    scale, cell_unit, rest = _read_unit(tokens[first + 1 :], money_context)
    tail = _read_tail(rest, prefix.wrapped, convention, notes)
    kind, unit = _classify(prefix.currency, scale, cell_unit, role, notes)
    hint = _hint(kind, unit, scale, role)
    digits = tokens[first].text
    number = _read_number(digits, hint, convention, notes)
    amount = Context(prec=len(digits) + 20).multiply(number.value, scale or 1)  # exact
    if _is_negative(prefix, kind, notes):
        amount = amount.copy_negate()
    value = _typed(amount, kind, number.has_fraction and not scale, notes)
    if role == "percent" and cell_unit is None and _looks_like_misread_percent(digits, value):
        notes.warn("percent_maybe_ocr", f"trailing 96 of '{digits}' may be a misread %")
    return ParsedValue(
        raw, value, unit, kind, notes.confidence, tuple(notes.warnings), tail.grade, tail.secondary
    )


def _read_prefix(tokens: list[_Token], notes: _Notes) -> _Prefix:
    """Tokens before the number, the number itself being the last token."""
    currency = negative = wrapped = False
    words: list[str] = []
    for token, following in zip(tokens, tokens[1:]):
        if token.kind == "word" and fold(token.text) in CURRENCY_PREFIXES:
            currency = True
        elif token.text in QUALIFIER_SYMBOLS or (token.kind == "word" and fold(token.text) in QUALIFIER_WORDS):
            notes.warn("qualifier", f"{token.text!r} before the value dropped")
        elif token.kind == "minus":
            negative = True
            if following.start > token.end:
                notes.warn("detached_minus", "'-' separated from the number read as minus")
        elif token.kind == "open":
            wrapped = True
        elif token.kind == "word":
            words.append(token.text)
        elif token.text != "+":
            notes.warn("extra_text", f"{token.text!r} before the value ignored")
    return _Prefix(currency, negative, wrapped, tuple(words))


def _read_unit(tokens: list[_Token], money_context: bool) -> tuple[int | None, str | None, list[_Token]]:
    """Scale word and unit right after the number; returns the unconsumed rest."""
    rest = _skip_spelled_number(tokens)
    scale = None
    if rest and rest[0].kind == "word":
        scale = scale_of(rest[0].text, money_context)
        if scale:
            rest = rest[1:]
    if rest and rest[0].kind == "pct":
        return scale, PERCENT, rest[1:]
    if len(rest) >= 2 and rest[0].kind == rest[1].kind == "word":
        pair = canonical_unit(f"{rest[0].text} {rest[1].text}")
        if pair:
            return scale, pair, rest[2:]
    if (len(rest) == 2 and rest[0].kind == rest[1].kind == "word" and not scale
            and not any(canonical_unit(t.text) or t.text in SAKIP_GRADES for t in rest)):
        return scale, f"{fold(rest[0].text)} {fold(rest[1].text)}", []  # ``80 nilai indeks``: the cell's two words
    if rest and rest[0].kind == "word" and rest[0].text not in SAKIP_GRADES:
        return scale, canonical_unit(rest[0].text) or fold(rest[0].text), rest[1:]
    return scale, None, rest


def _skip_spelled_number(tokens: list[_Token]) -> list[_Token]:
    """Drop `(dua)` in `2 (dua) Laporan`: Indonesian formal writing repeats it."""
    if tokens and tokens[0].kind == "open":
        group, rest = _split_group(tokens)
        if _is_spelled_number(group):
            return rest
    return tokens


def _is_spelled_number(group: list[_Token]) -> bool:
    return bool(group) and all(t.kind == "word" and is_spelled_number_word(t.text) for t in group)


def _split_group(tokens: list[_Token]) -> tuple[list[_Token], list[_Token]]:
    """Split `( ... ) rest` at the closing parenthesis (or the end)."""
    close = next((i for i, t in enumerate(tokens) if t.kind == "close"), len(tokens))
    return tokens[1:close], tokens[close + 1 :]


def _read_tail(tokens: list[_Token], wrapped: bool, convention: str | None, notes: _Notes) -> _Tail:
    """What follows the unit: the closing parenthesis of a wrapped cell, a
    `(99.83%)` secondary percent, a grade, or stray values and words."""
    secondary: float | None = None
    grade: str | None = None
    extra_numbers = 0
    ignored: list[str] = []
    while tokens:
        token, tokens = tokens[0], tokens[1:]
        if token.kind == "close" and wrapped:
            wrapped = False
        elif token.kind == "open":
            group, tokens = _split_group([token, *tokens])
            if _is_percent_group(group) and secondary is None:
                secondary = float(_read_number(group[0].text, "percent", convention, notes).value)
            elif len(group) == 1 and group[0].text in SAKIP_GRADES and grade is None:
                grade = group[0].text
            elif any(t.kind == "num" for t in group):
                extra_numbers += sum(t.kind == "num" for t in group)
            elif not _is_spelled_number(group):
                ignored.append("(" + " ".join(t.text for t in group) + ")")
        elif token.kind == "num":
            extra_numbers += 1
        elif token.kind == "word" and token.text in SAKIP_GRADES and grade is None:
            grade = token.text
        elif token.kind != "minus" and token.text not in _PUNCTUATION:
            ignored.append(token.text)
    if extra_numbers:
        notes.warn("multiple_values", f"{extra_numbers + 1} values in one cell; kept the first")
    elif ignored:
        notes.warn("extra_text", f"{' '.join(ignored)!r} after the value ignored")
    return _Tail(secondary, grade)


def _is_percent_group(group: list[_Token]) -> bool:
    return (
        len(group) == 2
        and group[0].kind == "num"
        and (group[1].kind == "pct" or canonical_unit(group[1].text) == PERCENT)
    )


def _classify(
    currency: bool, scale: int | None, unit: str | None, role: str | None, notes: _Notes
) -> tuple[str, str | None]:
    """Kind and canonical unit: the cell's own marks first, then the role."""
    if unit and unit not in UNIT_ALIASES:
        notes.warn("unknown_unit", f"{unit!r} is not in the unit vocabulary")
    if unit == PERCENT:
        kind = "percent"
    elif currency or unit == RUPIAH or (scale and unit is None):
        kind, unit = "money", RUPIAH
    elif unit:
        kind = "count"
    elif role:
        return role, {"percent": PERCENT, "money": RUPIAH, "count": None}[role]
    else:
        return "number", None
    if role and role != kind:
        notes.warn("role_mismatch", f"cell reads as {kind} ({unit}) in a {role} column")
    return kind, unit


def _hint(kind: str, unit: str | None, scale: int | None, role: str | None) -> str | None:
    """Context for an ambiguous separator: rupiah and counts are whole numbers
    (unless scaled: `3.175 M`), percentages lean decimal."""
    if scale is None and (
        kind == "money" or (kind == "count" and (is_count_unit(unit) or (unit is None and role == "count")))
    ):
        return "integer"
    return "percent" if kind == "percent" else None


def _is_negative(prefix: _Prefix, kind: str, notes: _Notes) -> bool:
    """A minus sign, or accounting parentheses around anything but a percent."""
    if prefix.wrapped and kind != "percent":
        if kind != "money":
            notes.warn("paren_negative", "value in parentheses read as negative")
        return True
    return prefix.negative


def _looks_like_misread_percent(digits: str, value: int | float) -> bool:
    """`10096` in a percent column is often `100%` read by OCR; `%` printed in
    the cell, or a decimal part, rules that out."""
    return abs(value) > 1000 and digits.isdigit() and digits.endswith("96")


def _typed(amount: Decimal, kind: str, has_fraction: bool, notes: _Notes) -> int | float:
    """Money is whole rupiah, percentages float, other values int unless the
    cell printed a decimal part."""
    if kind == "money":
        rupiah = int(amount.to_integral_value(rounding=ROUND_HALF_UP))
        if rupiah != amount:
            notes.warn("money_fraction", f"{_plain(amount)} rounded to {rupiah} rupiah")
        return rupiah
    if kind == "percent" or has_fraction or amount != amount.to_integral_value():
        return float(amount)
    return int(amount)
