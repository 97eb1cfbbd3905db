"""Column roles from header wordings.

LKj tables print the same column under many names (``Target``, ``Target 2023``,
``Target (%)``, ``Rencana``; ``Capaian``, ``% Capaian``, ``Persentase Capaian``,
``Tingkat Capaian``; ``Pagu``, ``Anggaran``, ``Alokasi``). The role of a column is
decided from the words of its header, never from its position, because the
regulation fixes which columns exist but not their order or wording.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from lkj.extract.vocabulary import (
    ASSESSMENT_HEADER_WORDS,
    COLUMN_ROLE_WORDS,
    FUND_SOURCE_WORDS,
    FUND_WORDS,
    HEADER_WORDS,
    MONEY_HEADER_WORDS,
    MONEY_LABEL_WORDS,
    PAGU_STAGE_WORDS,
    PERCENT_HEADER_WORDS,
    PERIOD_WORDS,
    PHYSICAL_PROGRESS_WORDS,
    REALIZED_RESULT_WORD,
    REMAINDER_WORDS,
    SPENT_WORDS,
    YEAR_WORDS,
)


@dataclass(frozen=True)
class ColumnRole:
    role: str  # one of the roles of vocabulary.COLUMN_ROLE_WORDS, or "other"
    year: int | None  # a year printed in the header (``Target 2023``)
    label: str


#: Words a header label is made of: the header words, the words that name column roles and
#: those of grading, other-year and money columns.
LABEL_WORDS = frozenset(HEADER_WORDS | ASSESSMENT_HEADER_WORDS | MONEY_LABEL_WORDS | {
    word.strip(".,:()") for _, alternatives in COLUMN_ROLE_WORDS for needed in alternatives for word in needed} - {""})


def is_label_fragment(word: str) -> bool:
    """A piece of a header word broken without a hyphen by a narrow cell (``Realisa`` / ``si``,
    ``Katego`` / ``ri``, ``TARGE`` / ``T``): a start of three letters or more, or an end."""
    word = word.lower()
    return word.isalpha() and any(
        len(label) > len(word) and ((len(word) >= 3 and label.startswith(word)) or label.endswith(word))
        for label in LABEL_WORDS)


def glue_label_lines(upper: str, lower: str) -> str:
    """Join two lines of one header label; a word a narrow cell broke (``Realisa`` + ``si``) is joined back."""
    if not upper.strip() or not lower.strip():
        return (upper + lower).strip()
    head, tail = upper.split()[-1], lower.split()[0]
    if (head + tail).lower().strip(".,:()") in LABEL_WORDS and is_label_fragment(head):
        return upper.rstrip() + lower.lstrip()
    return f"{upper.rstrip()} {lower.lstrip()}"


def label_text(cell: str) -> str:
    """A header cell's text on one line, its lines joined (``Katego`` / ``ri`` → ``Kategori``)."""
    text = ""
    for line in cell.split("\n"):
        text = glue_label_lines(text, " ".join(line.split()))
    return text


def _words(label: str) -> list[str]:
    """Lower-case words of a header, with brackets kept as their own tokens."""
    spaced = label.lower().replace("(", " (").replace(")", ") ").replace("/", " / ")
    return spaced.split()


def header_year(label: str) -> int | None:
    """A four-digit year printed in a header, e.g. ``Realisasi 2023``."""
    for word in _words(label):
        stripped = word.strip("().,:")
        if len(stripped) == 4 and stripped.isdigit() and 1990 <= int(stripped) <= 2100:
            return int(stripped)
    return None


def column_role(label: str) -> ColumnRole:
    if label.strip() in ("%", "(%)"):
        return ColumnRole("achievement", None, label)  # a bare percent column: capaian, or % realisasi in budgets
    words = _words(label)
    bare = [w.strip(".,:") for w in words]
    if set(bare) & PAGU_STAGE_WORDS and set(bare) <= PAGU_STAGE_WORDS | MONEY_HEADER_WORDS:
        return ColumnRole("pagu", None, label)  # ``Penetapan``, ``Perubahan (Rp)``: the budget as enacted or revised
    money = _money_role(bare, label)
    if money is not None:
        return ColumnRole(money, header_year(label), label)
    glued = "".join(words)  # narrow header cells break words without a hyphen: "TARGE" / "T"
    if _realized_result(bare):
        return ColumnRole("realization", header_year(label), label)
    for role, alternatives in COLUMN_ROLE_WORDS:
        for needed in alternatives:
            if all((w in bare) or (w in words) or (len(w) > 3 and w in glued) for w in needed):
                if role == "no" and len(bare) > 2:
                    continue  # "No" only names a column on its own ("No", "No.", "NO URUT")
                return ColumnRole(role, header_year(label), label)
    if REALIZED_RESULT_WORD in bare and header_year(label) is not None:
        return ColumnRole("realization", header_year(label), label)  # ``Hasil Tahun 2017``: the year's result
    return ColumnRole("other", header_year(label), label)


def _money_role(bare: list[str], label: str) -> str | None:
    """The role of a label that names money or the works' progress, whatever group label stands above it.

    Budget tables of activities print the money under the performance columns' group labels
    (``TARGET KINERJA`` over ``PAGU DANA (Rp) | DANA SESUDAH PERUBAHAN (Rp) | PENYERAPAN DANA (Rp)``,
    ``REALISASI KINERJA`` over ``DANA (%) | FISIK (%)``): joined to its group, a label reads
    ``Target Kinerja Dana Sesudah Perubahan (Rp)``, which the first matching role word would make a
    target. A money noun (``dana``, ``anggaran``) with a percent sign is the share spent; without one
    it is an amount: spent when a word of absorption is there, the budget otherwise. ``Fisik`` is the
    physical progress, no amount and no achievement; ``Sumber Dana`` (APBD, DAK) no amount. ``None``
    leaves the label to the role words.
    """
    words = set(bare)
    if words & PHYSICAL_PROGRESS_WORDS or words & FUND_SOURCE_WORDS:
        return "other"
    if not words & FUND_WORDS:
        return None
    if "%" in label or words & PERCENT_HEADER_WORDS:
        return "absorption"  # ``Dana (%)``, ``Capaian Kinerja Anggaran (%)``: the share of the budget spent
    if words & SPENT_WORDS:
        return "budget_realization"
    if words & REMAINDER_WORDS:
        return "remaining"
    return "pagu"


def _realized_result(bare: list[str]) -> bool:
    """``Realisasi Capaian 2017`` (``REALISASI CAPAIAN`` spanning year columns): the capaian that was
    realised, i.e. the realisation, not the capaian percentage, which such tables print in a column of
    its own (``Persentase (%)``). A percent mark or a money word keeps the header's usual role."""
    if "realisasi" not in bare or "capaian" not in bare or bare.index("realisasi") > bare.index("capaian"):
        return False
    return not any(w in bare for w in ("%", "(%)", "persentase", "tingkat", "anggaran", "keuangan", "rp"))


#: A period of the year as a header prints it: ``TW I``, ``TW2``, ``Triwulan III``, ``Semester 1``.
_PERIOD_LABEL = re.compile(rf"(?:{'|'.join(PERIOD_WORDS)})[\s.-]*(?:[1-4]|i{{1,3}}|iv)?", re.IGNORECASE)


def is_period_label(text: str) -> bool:
    """A header cell naming one period of the year (``TW II``): a label, though it holds a numeral."""
    return bool(_PERIOD_LABEL.fullmatch(" ".join(text.split())))


def names_period(label: str) -> bool:
    """A column label that names one period of the year (``Realisasi TW I``, ``Realisasi Triwulan 2``)."""
    words = label.split()
    return any(is_period_label(" ".join(words[i:i + n])) for n in (1, 2) for i in range(len(words)))


def is_year_label(text: str) -> bool:
    """``2016``, ``Tahun 2016``, ``TH 2016``: a header cell that spans one year's columns."""
    words = [w.strip(".,:()") for w in _words(text)]
    return bool(words) and header_year(text) is not None and all(w.isdigit() or w in YEAR_WORDS for w in words)


def looks_like_header(cells: list[str]) -> bool:
    """A row whose texts are mostly header words (``NO | SASARAN | INDIKATOR ...``), or the money
    labels under a group label (``PAGU DANA (Rp) | DANA SESUDAH PERUBAHAN | FISIK``).

    Year cells (``2014 | 2015 | 2016``) are the group labels of multi-year headers;
    they count neither for nor against.
    """
    texts = [label_text(c) for c in cells if c and c.strip() and not is_year_label(c)]  # broken words glued
    if not texts:
        return False
    hits = 0
    for text in texts:
        words = [w.strip(".,:") for w in _words(text)]
        named = [w for w in words if w in HEADER_WORDS or w in MONEY_LABEL_WORDS]
        # a value such as "100 %" is not a header even though "%" is a header word
        if words and len(named) * 2 >= len(words) and any(w.isalpha() for w in named):
            hits += 1
    return hits * 2 >= len(texts) and hits >= 1 and any(len(_words(t)) < 8 for t in texts)


def is_column_numbering(cells: list[str]) -> bool:
    """The ``(1) (2) (3)`` row many tables print under the header."""
    texts = [c.strip().strip("()").strip() for c in cells if c and c.strip()]
    return len(texts) >= 2 and all(t.isdigit() and len(t) <= 2 for t in texts)
