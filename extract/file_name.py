"""What a report's file name claims about its unit and year.

Archivists name files by hand (``kpu-kab-lampung-utara-2024-scan.pdf``, ``LKj KPU
Lampura 2023 final.pdf``), so a file name is a second, weaker witness of the unit: it is
compared with what the report's own pages say and a disagreement is a warning. It is
only used on its own when the pages name no unit at all, and then with a warning too.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePath

from lkj.extract.gazetteer import GazetteerUnit, resolve_unit
from lkj.extract.identity import UnitGuess
from lkj.extract.vocabulary import AGENCY_PHRASES, AGENCY_WORDS, NAME_END_WORDS
from lkj.extract.warning_codes import ReportWarning

#: Words that open a unit's name in a file name (a commission's one-word name or the first
#: word of its full name); what comes before them is the document kind.
_AGENCY_WORDS = frozenset(AGENCY_WORDS) | {phrase.split()[0] for phrase in AGENCY_PHRASES}
#: Resolutions below this score (rapidfuzz ratio, 100 for exact and alias matches) are not
#: a claim: a file name is short, and a fuzzy match on it is a guess.
MIN_SCORE = 95.0


@dataclass(frozen=True)
class FileNameClaim:
    unit: GazetteerUnit | None
    year: int | None
    text: str  # the words of the file name the unit was read from


def _words(file_name: str) -> list[str]:
    return [w for w in re.split(r"[^0-9A-Za-z]+", PurePath(file_name).stem.lower()) if w]


def file_name_claim(file_name: str) -> FileNameClaim:
    """The unit named from the first agency word up to the year, and the first year in the name."""
    words = _words(file_name)
    years = [int(w) for w in words if re.fullmatch(r"(19|20)\d\d", w)]
    start = next((i for i, w in enumerate(words) if w in _AGENCY_WORDS), None)
    if start is None:
        return FileNameClaim(None, years[0] if years else None, "")
    name: list[str] = []
    for word in words[start:]:
        if word in NAME_END_WORDS or any(ch.isdigit() for ch in word):  # "Tahun 2024", "TA 2023", a year
            break
        name.append(word)
    text = " ".join(name)
    resolution = resolve_unit(text)
    confident = resolution.unit is not None and resolution.score >= MIN_SCORE and not resolution.ambiguous
    return FileNameClaim(resolution.unit if confident else None, years[0] if years else None, text)


def reconcile(unit: UnitGuess, year: int | None, cover_year: int | None,
              file_name: str) -> tuple[UnitGuess, list[ReportWarning]]:
    """The report's unit after hearing the file name, and the warnings where the two disagree.

    The pages win over the file name; the file name fills in a unit only where the
    pages name none (``unit_from_file_name``). A file-name year that is neither the
    reporting year nor the cover year is reported too: archives often name a file by the
    year it was published, so the year is never taken from the name.
    """
    claim = file_name_claim(file_name)
    warnings: list[ReportWarning] = []
    named = claim.unit
    if named is not None and unit.name is None:
        warnings.append(ReportWarning("unit_from_file_name",
                         f"the pages name no unit; {named.unit_name} taken from the file name {file_name!r}"))
        unit = UnitGuess(named.unit_name, named.agency, named.kind, named.name if named.kind != "pusat" else None,
                         named.province, 0, named.region_code, None)
    elif named is not None and unit.name != named.unit_name:
        warnings.append(ReportWarning("unit_file_name_mismatch",
                         f"the file name {file_name!r} names {named.unit_name}, the pages name {unit.name}; "
                         "kept the pages' unit"))
    if claim.year is not None and year is not None and claim.year not in (year, cover_year):
        warnings.append(ReportWarning("year_file_name_mismatch",
                         f"the file name {file_name!r} says {claim.year}, the pages give reporting year {year}; "
                         "kept the pages' year"))
    return unit, warnings
