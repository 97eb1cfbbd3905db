"""The unit of a report that names no ``<agency> <Kabupaten|Kota|Provinsi> <place>``: a body of the
central government, or one of its vertical units.

A vertical unit's cover stacks the bodies above it (``KEMENTERIAN PERHUBUNGAN`` / ``DIREKTORAT JENDERAL
PERHUBUNGAN UDARA`` / ``KANTOR UPBU KELAS III TARDAMU SABU``): the reporting unit is the lowest body
printed, never the heading above it. An office named after its seat (``Kejaksaan Negeri Salatiga``,
``Pengadilan Negeri X``) takes its kind and province from the seat's region in the gazetteer; a seat
that is no single region leaves them empty, with a warning. Two different bodies at the lowest level
cannot be ordered: no unit is stored, with a warning, rather than a guess.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from lkj.extract.gazetteer import resolve_unit
from lkj.extract.vocabulary import (
    AGENCY_HEADS,
    BODY_LEVELS,
    CENTRAL_AGENCY_HEADS,
    CITATION_WORDS,
    NAME_END_WORDS,
    NAME_JOINING_WORDS,
    REGION_KIND_WORDS,
    REPORT_NAMES,
)
from lkj.extract.warning_codes import ReportWarning

#: Words that open a body's name: the central heads and the first words of the levels' names.
_HEADS = frozenset(h.split()[0] for h in (*CENTRAL_AGENCY_HEADS, *BODY_LEVELS))
_LOCAL_HEADS = frozenset(h.split()[0] for h in AGENCY_HEADS)
_ROMAN = re.compile(r"^[IVXL]+$")
#: Pages read: the cover, a title page, the foreword.
PAGES_READ = 3
#: Longest seat read from the end of a name (``Jakarta Pusat``, ``Kepulauan Bangka Belitung``).
SEAT_WORDS = 3


@dataclass
class Body:
    """The lowest body named on the first pages, its seat's region when it has one."""

    name: str | None
    level: int = 0
    kind: str | None = None
    province: str | None = None
    place: str | None = None
    warnings: list[ReportWarning] = field(default_factory=list)


def level_of(name: str) -> int:
    """The level of a body by the longest opening of :data:`BODY_LEVELS` its name has; an agency of a
    region's kind (``Rumah Sakit``) is a unit (2), any other central head the top (0)."""
    words = name.lower().split()
    for size in (2, 1):
        key = " ".join(words[:size])
        if key in BODY_LEVELS:
            return BODY_LEVELS[key]
    return 2 if words and words[0] in _LOCAL_HEADS else 0


def _bare(word: str) -> str:
    return word.strip(",.:;()")


def _ends_name(word: str) -> bool:
    bare = _bare(word)
    lower = bare.lower()
    return (not bare or not bare.replace("-", "").isalpha() or lower in NAME_END_WORDS or lower in CITATION_WORDS
            or lower in REGION_KIND_WORDS or lower in REPORT_NAMES
            or (bare[0].islower() and lower not in NAME_JOINING_WORDS))


def _names_on(text: str) -> list[str]:
    """Every body's name on a page: from a head word, through capitalised words, to a lower-case word,
    a year word or the end of its line. A name goes on to the next line when it ends on a comma or a
    joining word, or is only the opening of a level (``Kejaksaan`` / ``Negeri Salatiga``); a line
    opening with a head word is a body of its own (stacked cover lines)."""
    lines = [line.split() for line in text.splitlines()]
    names: list[str] = []
    for row, words in enumerate(lines):
        col = 0
        while col < len(words):
            if _bare(words[col]).lower() not in _HEADS or not words[col][0].isupper():
                col += 1
                continue
            name, r, c = [], row, col
            while True:
                word = lines[r][c]
                if name and (_ends_name(word) or (c == 0 and _bare(word).lower() in _HEADS)):
                    break
                name.append(word)
                c += 1
                if word.endswith((".", ":", ";")):
                    break
                if c == len(lines[r]):
                    opening = " ".join(_bare(w).lower() for w in name)
                    open_end = word.endswith(",") or word.lower() in NAME_JOINING_WORDS or opening in BODY_LEVELS
                    if r + 1 < len(lines) and lines[r + 1] and open_end:
                        r, c = r + 1, 0
                        continue
                    break
            while name and (_bare(name[-1]).lower() in NAME_JOINING_WORDS or not _bare(name[-1])):
                name.pop()
            printed = " ".join(w.rstrip(".:;") for w in name).rstrip(",")
            if len(name) >= 2:
                names.append(printed)
            col = c if r == row else len(words)
    return names


def _spell_out(name: str, texts: list[str]) -> str:
    """An acronym of the name spelt out where the report spells it out after the same word
    (``Kantor UPBU`` → ``Kantor Unit Penyelenggara Bandar Udara`` when a page prints the latter):
    the initials of the words must be the acronym's letters exactly."""
    words = name.split()
    text = " ".join(" ".join(texts).split())
    for k, word in enumerate(words[1:], start=1):
        if not (word.isupper() and word.isalpha() and len(word) >= 3 and not _ROMAN.match(word)):
            continue
        for m in re.finditer(rf"\b(?i:{re.escape(words[k - 1])}) ((?:[A-Z][a-z]+ |dan |serta ){{2,8}})", text):
            after = m.group(1).split()
            for size in range(2, len(after) + 1):
                part = after[:size]
                content = [w for w in part if w.lower() not in NAME_JOINING_WORDS]
                if part[-1][0].isupper() and "".join(w[0] for w in content).upper() == word:
                    return _spell_out(" ".join([*words[:k], *part, *words[k + 1:]]), texts)
    return name


def _printed(names: list[str], acronyms: set[str]) -> str:
    """One spelling of names that differ only in case: the most printed one that is not all capitals;
    else the capitals title-cased, but for the ``acronyms`` (words printed in capitals within mixed-case names)."""
    counts = Counter(names)
    mixed = [n for n in counts if not n.isupper()]
    if mixed:
        return max(mixed, key=lambda n: (counts[n], n))
    return " ".join(w if len(w) <= 3 or _ROMAN.match(w) or w in acronyms else w.title() for w in names[0].split())


def _seat(name: str) -> tuple[str | None, str | None, str | None, list[ReportWarning]]:
    """(kind, province, place) of the region a vertical unit is named after: the longest end of its
    name (three words at most, its first two words never) that is exactly one region of the gazetteer."""
    words = name.split()
    for size in range(min(SEAT_WORDS, len(words) - 2), 0, -1):
        place = " ".join(words[-size:])
        found = resolve_unit(place)
        if found.unit is not None and found.score == 100 and found.unit.kind != "pusat":
            return found.unit.kind, found.unit.province, found.unit.name, []
        if found.ambiguous and found.score == 100:
            regions = ", ".join(f"{u.kind} {u.name}" for u in found.ambiguous)
            return None, None, None, [ReportWarning("unit_region_unknown", f"the seat of {name!r} could be {regions}")]
    return None, None, None, [ReportWarning("unit_region_unknown", f"the seat of {name!r} is no region of the gazetteer")]


def lowest_body(pages: list[str]) -> Body:
    """The lowest body named on the first pages (see the module docstring); ``name`` None when none is."""
    texts = pages[:PAGES_READ]
    found = [name for text in texts for name in _names_on(text)]
    if not found:
        return Body(None)
    level = max(level_of(n) for n in found)
    lowest = [n for n in found if level_of(n) == level]
    by_key: dict[str, list[str]] = {}
    for name in lowest:
        by_key.setdefault(name.lower(), []).append(name)
    # Spelt out, a name that is or begins a longer one (``Kantor UPBU`` of ``Kantor Unit Penyelenggara
    # Bandar Udara Kelas III Tardamu Sabu``) is that body.
    acronyms = {w for n in found if not n.isupper() for w in n.split() if w.isupper()}
    spelt = {_spell_out(_printed(spellings, acronyms), pages) for spellings in by_key.values()}
    full: list[str] = []
    for name in sorted(spelt, key=len, reverse=True):
        if not any(other.lower() == name.lower() or other.lower().startswith(name.lower() + " ") for other in full):
            full.append(name)
    if len(full) > 1:
        return Body(None, level, warnings=[ReportWarning("unit_cover_ambiguous", f"bodies of one level: {', '.join(full)}")])
    name = full[0]
    if level == 0:
        return Body(name, level, "pusat")
    kind, province, place, warnings = _seat(name)
    return Body(name, level, kind, province, place, warnings)
