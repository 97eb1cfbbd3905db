"""The gazetteer of KPU units, and a resolver from names as printed in reports.

The units are KPU RI, the 38 KPU Provinsi (KIP Aceh in Aceh) and the 514 KPU
Kabupaten/Kota (KIP in the 23 kabupaten/kota of Aceh), read from
``extract/data/kpu_units.csv`` (source, license and corrections:
``corpus/gazetteer/README.md``).

:func:`resolve_unit` takes a name the way a report prints it (``KPU Kab. Lampung
Utara``, ``KOMISI PEMILIHAN UMUM KABUPATEN LAMPUNG UTARA``, ``Lampura``, ``KIP Aceh``,
``KPU RI``, OCR-damaged spellings) and returns the unit, or ``None`` with a warning.
How it matches:

1. The text is lower-cased, accents and punctuation dropped. Leading report words
   (``Laporan Kinerja``, ``Sekretariat``) are skipped, then the agency (``KPU``,
   ``Komisi Pemilihan Umum``, ``KIP``, ``Komisi Independen Pemilihan``), then ``RI`` /
   ``Republik Indonesia`` / ``Pusat`` (KPU RI) or a kind word (``Provinsi``/``Prov.``,
   ``Kabupaten``/``Kab.``, ``Kota``/``Kotamadya``, optionally ``Administrasi``). What
   is left up to ``Tahun``/a year is the place; ``..., Provinsi X`` in it becomes a
   province hint.
2. The place is compared, with spaces removed (so ``Pangkal Pinang`` is
   ``Pangkalpinang``), with each unit's name and aliases, among the units of the
   kind named (or passed as ``kind``). One unit: score 100. Several (``KPU Bekasi``
   without a kind: the kabupaten and the kota): ambiguous, unless a province hint
   picks one of them (``KPU Banjar`` in Kalimantan Selatan).
3. With no exact match, rapidfuzz's ``fuzz.ratio`` (normalised Indel similarity,
   0-100) compares the place with every name and alias of those units. A unit
   scoring at least :data:`FUZZY_THRESHOLD` and more than :data:`FUZZY_MARGIN`
   above any other unit is the match (with a ``unit_fuzzy_match`` warning); units
   within the margin of the best are ambiguous; below the threshold nothing is
   matched. ``fuzz.ratio`` compares whole strings, so ``Bandung`` never matches
   ``Bandung Barat`` by containment the way a partial ratio would. Places and
   aliases shorter than :data:`FUZZY_MIN_LENGTH` letters (``Bima``, ``OKU``) are
   matched exactly only.

Why 85: one wrong, missing or extra character in a place of n letters gives
about ``100 * (1 - 1/n)``, so 85 lets one OCR error through in a place of seven
letters or more (``Lampung Utra`` 96, ``Bandar Lampunq`` 92) and two in one of
about fourteen, and no further: ``Lampung Utara``/``Lampung Barat`` (83) or
``Sumatera Utara``/``Sumatera Barat`` (85-) are different words, not typos. Some
distinct units do score above 85 against each other (``Bandung``/``Badung`` 92,
``Sumbawa Barat``/``Sumba Barat`` 91, ``Semarang``/``Serang`` 86); they are kept
apart because a correctly spelled name always matches exactly first, a real name
of another kind is never fuzzily matched (``KPU Kota Badung`` is unresolved, not
Kota Bandung), and a damaged name that scores within :data:`FUZZY_MARGIN` of two
units is ambiguous rather than guessed.
"""
from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from rapidfuzz import fuzz, process

from lkj.extract.vocabulary import (
    ADMINISTRATIVE_WORDS,
    AGENCY_PHRASES,
    AGENCY_WORDS,
    CENTRAL_KIND_WORDS,
    CENTRAL_TAILS,
    NAME_END_WORDS,
    PLACE_WORD_VARIANTS,
    REGION_KIND_WORDS,
    REPORT_NAMES,
    REPORT_TITLE_WORDS,
    SECRETARIAT_WORDS,
)
from lkj.extract.warning_codes import ReportWarning

#: The committed gazetteer (built by corpus/gazetteer/build_gazetteer.py).
#: Package data (``extract/data/``), read through importlib.resources so an installed lkj finds it too.
GAZETTEER_CSV = Path(str(resources.files(__package__) / "data" / "kpu_units.csv"))

#: Lowest fuzz.ratio (0-100) that a fuzzy match may have; see the module docstring.
FUZZY_THRESHOLD = 85.0
#: A fuzzy match must beat every other unit by more than this, else it is ambiguous.
FUZZY_MARGIN = 5.0
#: Places and aliases shorter than this (letters, spaces removed) match only exactly:
#: one OCR error in ``Bima`` or ``OKU`` is too much of the word to guess from.
FUZZY_MIN_LENGTH = 6

#: The kinds of unit: the values of ``units.kind`` and of the gazetteer's ``kind`` column.
KINDS = ("pusat", "provinsi", "kabupaten", "kota")
#: A kind word right after the agency: a region's kind, or the central level (``KPU Pusat``).
_KIND_WORDS = {**REGION_KIND_WORDS, **CENTRAL_KIND_WORDS}
#: Long kind words (eight letters or more) that an OCR error may damage (``Kabupatcn``);
#: in a short one (``Kab``, ``Kota``) one wrong letter is too much of the word to guess from.
_FUZZY_KIND_WORDS = {word: kind for word, kind in _KIND_WORDS.items() if len(word) >= 8}
#: Words that may precede the agency in a name: the report's name and title, and the
#: secretariat that prints the report (``Laporan Kinerja Sekretariat Jenderal KPU``).
_LEADING_SKIP = REPORT_NAMES | REPORT_TITLE_WORDS | SECRETARIAT_WORDS
#: Words that name a province (``..., Provinsi Jawa Barat`` in a place): the kind words of provinces.
_PROVINCE_WORDS = frozenset(word for word, kind in REGION_KIND_WORDS.items() if kind == "provinsi")


@dataclass(frozen=True)
class GazetteerUnit:
    """One row of kpu_units.csv; empty CSV cells are None and ``aliases`` is split on ';'."""

    region_code: str | None  # Kemendagri kode wilayah: "18", "18.03"; None for KPU RI
    kind: str  # pusat | provinsi | kabupaten | kota
    name: str  # "Lampung Utara", "Jawa Barat", "Republik Indonesia"
    province: str | None  # canonical province name; None for KPU RI
    agency: str  # KPU | KIP
    unit_name: str  # "KPU Kabupaten Lampung Utara", "KIP Aceh", "KPU RI"
    slug: str  # "kpu-kabupaten-lampung-utara"
    aliases: tuple[str, ...] = ()


@dataclass
class Resolution:
    unit: GazetteerUnit | None
    score: float  # 100 for exact and alias matches, the fuzz.ratio for fuzzy ones, 0 when unresolved
    ambiguous: list[GazetteerUnit] = field(default_factory=list)
    warnings: list[ReportWarning] = field(default_factory=list)


@dataclass
class _Parsed:
    agency: str | None = None
    kind: str | None = None
    pusat: bool = False
    place: list[str] = field(default_factory=list)
    province: list[str] = field(default_factory=list)


@lru_cache(maxsize=1)
def _load() -> tuple[GazetteerUnit, ...]:
    with open(GAZETTEER_CSV, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    return tuple(
        GazetteerUnit(
            region_code=r["region_code"] or None, kind=r["kind"], name=r["name"], province=r["province"] or None,
            agency=r["agency"], unit_name=r["unit_name"], slug=r["slug"],
            aliases=tuple(a for a in r["aliases"].split(";") if a),
        )
        for r in rows
    )


def load_gazetteer() -> list[GazetteerUnit]:
    """All units (KPU RI first, then by region code). The file is read once; the list is a fresh copy."""
    return list(_load())


def _tokens(text: str) -> list[str]:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    text = text.replace("&", " dan ")
    return re.sub(r"[^a-z0-9]+", " ", text).split()


def _compact(tokens: list[str]) -> str:
    return "".join(PLACE_WORD_VARIANTS.get(t, t) for t in tokens)


def _kind_word(token: str) -> str | None:
    if token in _KIND_WORDS:
        return _KIND_WORDS[token]
    if len(token) >= 7:
        for word, kind in _FUZZY_KIND_WORDS.items():
            if fuzz.ratio(token, word) >= 80:
                return kind
    return None


def _parse(text: str) -> _Parsed:
    tokens = _tokens(text)
    p = _Parsed()
    i = 0
    while i < len(tokens) and tokens[i] in _LEADING_SKIP:
        i += 1
    if i < len(tokens) and tokens[i] in AGENCY_WORDS:
        p.agency = AGENCY_WORDS[tokens[i]]
        i += 1
    else:
        three = " ".join(tokens[i:i + 3])
        for phrase, agency in AGENCY_PHRASES.items():
            if len(tokens) >= i + 3 and fuzz.ratio(three, phrase) >= 85:
                p.agency = agency
                i += 3
                break
    rest = tokens[i:]
    for k, tok in enumerate(rest):  # the place ends at "Tahun 2024", "TA 2024", a year
        if tok in NAME_END_WORDS or (len(tok) == 4 and tok.isdigit() and tok[:2] in ("19", "20")):
            rest = rest[:k]
            break
    if set(rest) in CENTRAL_TAILS or (not rest and p.agency):
        p.pusat = True
        return p
    if rest and (kind := _kind_word(rest[0])):
        p.kind = kind
        rest = rest[1:]
        if rest and rest[0] in ADMINISTRATIVE_WORDS:
            rest = rest[1:]
        if kind == "pusat" and not rest:
            p.pusat = True
            return p
    for k, tok in enumerate(rest):
        if k > 0 and tok in _PROVINCE_WORDS:
            rest, p.province = rest[:k], rest[k + 1:]
            break
    p.place = rest
    return p


@lru_cache(maxsize=1)
def _index() -> tuple[dict[str, list[int]], list[tuple[str, int]]]:
    """Compact key -> unit positions, and the (key, position) pairs for fuzzy matching."""
    exact: dict[str, list[int]] = {}
    for pos, unit in enumerate(_load()):
        for label in (unit.name, *unit.aliases):
            parsed = _parse(label)
            key = _compact(parsed.place)
            if key and pos not in exact.setdefault(key, []):
                exact[key].append(pos)
    pairs = [(key, pos) for key, positions in exact.items() for pos in positions]
    return exact, pairs


def _match(key: str, pool: set[int]) -> tuple[list[int], float]:
    """Positions of the best units in ``pool`` for ``key`` and their score; [] when below the threshold."""
    exact, pairs = _index()
    hits = [pos for pos in exact.get(key, []) if pos in pool]
    if hits:
        return hits, 100.0
    if len(key) < FUZZY_MIN_LENGTH:
        return [], 0.0
    choices = [(k, pos) for k, pos in pairs if pos in pool and len(k) >= FUZZY_MIN_LENGTH]
    if not choices:
        return [], 0.0
    found = process.extract(key, [k for k, _ in choices], scorer=fuzz.ratio, score_cutoff=FUZZY_THRESHOLD,
                            limit=None)
    best: dict[int, float] = {}
    for _, score, idx in found:
        pos = choices[idx][1]
        best[pos] = max(best.get(pos, 0.0), score)
    if not best:
        return [], 0.0
    top = max(best.values())
    close = sorted(pos for pos, score in best.items() if score > top - FUZZY_MARGIN)
    return close, round(top, 1)


def _best_below(key: str, pool: set[int]) -> str:
    if len(key) < FUZZY_MIN_LENGTH:
        return f" (a place of under {FUZZY_MIN_LENGTH} letters must match exactly)"
    _, pairs = _index()
    choices = [(k, pos) for k, pos in pairs if pos in pool and len(k) >= FUZZY_MIN_LENGTH]
    if not choices:
        return ""
    _, score, idx = process.extractOne(key, [k for k, _ in choices], scorer=fuzz.ratio)
    return f" (closest: {_load()[choices[idx][1]].unit_name!r}, score {score:.0f} < {FUZZY_THRESHOLD:.0f})"


def _resolve_province(tokens: list[str]) -> tuple[str | None, float]:
    units = _load()
    pool = {pos for pos, u in enumerate(units) if u.kind == "provinsi"}
    if tokens and tokens[0] in _PROVINCE_WORDS:
        tokens = tokens[1:]
    hits, score = _match(_compact(tokens), pool)
    return (units[hits[0]].province, score) if len(hits) == 1 else (None, 0.0)


def _normal_kind(kind: str | None) -> str | None:
    if kind is None:
        return None
    k = _KIND_WORDS.get(kind.strip().lower().rstrip("."))
    if k is None:
        raise ValueError(f"unknown kind {kind!r}: expected one of {', '.join(KINDS)}")
    return k


def resolve_unit(text: str, kind: str | None = None, province_hint: str | None = None) -> Resolution:
    """The unit that ``text`` names; ``kind`` and ``province_hint`` narrow the search.

    A kind named in the text wins over ``kind`` (with a ``unit_kind_conflict`` warning).
    A province hint chooses among equally good matches (``KPU Banjar`` in Kalimantan
    Selatan); one that excludes them all is dropped (``unit_province_mismatch``).
    Warnings are ``"code: message"`` strings: ``unit_fuzzy_match``, ``unit_ambiguous``,
    ``unit_unresolved``, ``unit_agency_mismatch``, ``unit_kind_conflict``,
    ``unit_province_mismatch``, ``unit_province_unresolved``.
    """
    units = _load()
    warnings: list[ReportWarning] = []
    kind = _normal_kind(kind)
    p = _parse(text or "")
    if p.kind and kind and p.kind != kind and not (p.pusat and kind == "pusat"):
        warnings.append(ReportWarning("unit_kind_conflict", f"{text!r} names a {p.kind}, the caller said {kind}; using {p.kind}"))
    want = p.kind or ("pusat" if p.pusat else kind)
    if p.pusat:
        if kind not in (None, "pusat") and not p.kind:
            warnings.append(ReportWarning("unit_kind_conflict", f"{text!r} names KPU RI, the caller said {kind}; using pusat"))
        unit = next(u for u in units if u.kind == "pusat")
        return _finish(text, p, Resolution(unit, 100.0, [], warnings))

    key = _compact(p.place)
    if not key:
        warnings.append(ReportWarning("unit_unresolved", f"{text!r} names no place"))
        return Resolution(None, 0.0, [], warnings)

    pool = {pos for pos, u in enumerate(units) if want is None or u.kind == want}
    province = None
    hint_tokens = p.province or (_tokens(province_hint) if province_hint else [])
    if hint_tokens:
        province, _ = _resolve_province(hint_tokens)
        if province is None:
            hint = " ".join(hint_tokens)
            warnings.append(ReportWarning("unit_province_unresolved", f"province hint {hint!r} is no province; ignored"))
    exact, _ = _index()
    elsewhere = [units[pos] for pos in exact.get(key, []) if pos not in pool]
    if elsewhere and not any(pos in pool for pos in exact.get(key, [])):
        # A real name of another kind ("KPU Kota Badung": Badung is a kabupaten) is not
        # fuzzily matched to a similar name of this kind (Kota Bandung).
        names = ", ".join(u.unit_name for u in elsewhere)
        warnings.append(ReportWarning("unit_unresolved", f"{text!r}: no {want} has that name; it is the name of {names}"))
        return Resolution(None, 0.0, [], warnings)
    # The hint only chooses among the best matches of the whole pool: a hint never turns
    # an exact match elsewhere into a fuzzy one with a similar name inside the province.
    hits, score = _match(key, pool)
    if hits and province:
        inside = [pos for pos in hits if units[pos].province == province]
        if inside:
            hits = inside
        else:
            found = ", ".join(sorted({units[pos].province or "" for pos in hits}))
            warnings.append(ReportWarning("unit_province_mismatch", f"{text!r} is not in {province} but in {found}; hint ignored"))

    if not hits:
        warnings.append(ReportWarning("unit_unresolved", f"{text!r} matches no KPU/KIP unit{_best_below(key, pool)}"))
        return Resolution(None, 0.0, [], warnings)
    if len(hits) > 1:
        candidates = [units[pos] for pos in hits]
        names = ", ".join(u.unit_name for u in candidates)
        warnings.append(ReportWarning("unit_ambiguous", f"{text!r} could be {names}"))
        return Resolution(None, score, candidates, warnings)
    unit = units[hits[0]]
    if score < 100:
        warnings.append(ReportWarning("unit_fuzzy_match", f"{text!r} matched {unit.unit_name!r} (score {score:.0f})"))
    return _finish(text, p, Resolution(unit, score, [], warnings))


def _finish(text: str, p: _Parsed, res: Resolution) -> Resolution:
    if res.unit is not None and p.agency and p.agency != res.unit.agency:
        res.warnings.append(ReportWarning("unit_agency_mismatch", f"{text!r} says {p.agency}, the unit is {res.unit.unit_name!r}"))
    return res


def province_of(place: str, kind: str) -> str | None:
    """The canonical province of the ``kind`` unit named ``place`` (``province_of("Sleman", "kabupaten")``
    is ``"DI Yogyakarta"``; ``province_of("Jabar", "provinsi")`` is ``"Jawa Barat"``); None when it
    does not resolve to exactly one unit, and for KPU RI."""
    res = resolve_unit(place, kind=kind)
    return res.unit.province if res.unit else None


def unit_by_code(region_code: str) -> GazetteerUnit | None:
    """The unit with this Kemendagri code (``"18.03"``); also accepts ``"1803"``."""
    code = region_code.strip()
    if re.fullmatch(r"\d{4}", code):
        code = f"{code[:2]}.{code[2:]}"
    return next((u for u in _load() if u.region_code == code), None)


def unit_by_slug(slug: str) -> GazetteerUnit | None:
    return next((u for u in _load() if u.slug == slug), None)
