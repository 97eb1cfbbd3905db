"""Which unit a report is about and which fiscal year it reports on.

Read from the prose with spaCy token patterns rather than from the file name, which
archives rename freely. The reporting year is voted on: a phrase that names the
report (``Laporan Kinerja ... Tahun 2024``), a ``Tahun Anggaran 2024``, or a table
title (``Pengukuran Kinerja ... Tahun 2024``) is strong evidence; a year on the
cover alone is weak, because covers often carry the year of publication (the seed
report's cover says 2025 for the 2024 report). When the vote is close the result
carries a warning instead of a silent pick.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from spacy.matcher import Matcher
from spacy.tokens import Doc, Span

from extract.gazetteer import province_of, resolve_unit
from extract.nlp import blank_indonesian

#: The 38 provinces, used to recognise ``Provinsi <name>`` and a unit's province.
PROVINCES = (
    "Aceh", "Sumatera Utara", "Sumatera Barat", "Riau", "Kepulauan Riau", "Jambi", "Sumatera Selatan",
    "Kepulauan Bangka Belitung", "Bengkulu", "Lampung", "DKI Jakarta", "Jawa Barat", "Banten", "Jawa Tengah",
    "DI Yogyakarta", "Jawa Timur", "Bali", "Nusa Tenggara Barat", "Nusa Tenggara Timur", "Kalimantan Barat",
    "Kalimantan Tengah", "Kalimantan Selatan", "Kalimantan Timur", "Kalimantan Utara", "Sulawesi Utara",
    "Gorontalo", "Sulawesi Tengah", "Sulawesi Barat", "Sulawesi Selatan", "Sulawesi Tenggara", "Maluku",
    "Maluku Utara", "Papua", "Papua Barat", "Papua Barat Daya", "Papua Selatan", "Papua Tengah", "Papua Pegunungan",
)
_PROVINCE_BY_KEY = {p.lower(): p for p in PROVINCES}
_PROVINCE_BY_KEY.update({"d.i. yogyakarta": "DI Yogyakarta", "yogyakarta": "DI Yogyakarta", "dki jakarta": "DKI Jakarta",
                         "jakarta": "DKI Jakarta", "bangka belitung": "Kepulauan Bangka Belitung", "babel": "Kepulauan Bangka Belitung",
                         "ntb": "Nusa Tenggara Barat", "ntt": "Nusa Tenggara Timur", "sumut": "Sumatera Utara", "jabar": "Jawa Barat",
                         "jateng": "Jawa Tengah", "jatim": "Jawa Timur", "sumbar": "Sumatera Barat", "sumsel": "Sumatera Selatan"})

_KIND_WORDS = {"provinsi": "provinsi", "prov": "provinsi", "kabupaten": "kabupaten", "kab": "kabupaten", "kota": "kota"}
_REPORT_WORDS = {"lkj", "lkjip", "lakip", "lkip", "lki", "laporan"}
#: Words that end a place name (``KPU Kabupaten Lampung Utara Tahun 2024``).
_NAME_STOP = {"tahun", "nomor", "no", "yang", "dan", "dalam", "pada", "sebagai", "untuk", "periode", "ta", "di", "sebesar",
              "dengan", "telah", "adalah", "tentang", "kabupaten", "kota", "provinsi", "kab", "prov", "ri", "tanggal"}
_AGENCY_START = ("dinas", "badan", "biro", "rumah", "sekretariat", "inspektorat", "pemerintah", "satuan", "kantor", "bappeda", "rsud")


@dataclass
class UnitGuess:
    name: str | None
    agency: str | None
    kind: str | None  # pusat | provinsi | kabupaten | kota
    place: str | None
    province: str | None
    evidence: int = 0
    region_code: str | None = None
    printed: str | None = None  # the name as the report prints it


@dataclass
class Identity:
    unit: UnitGuess
    year: int | None
    cover_year: int | None
    warnings: list[tuple[str, str]] = field(default_factory=list)


def _is_year(text: str) -> bool:
    return len(text) == 4 and text.isdigit() and 1990 <= int(text) <= 2100


def _place_name(doc: Doc, start: int) -> tuple[str, int] | None:
    """Capitalised tokens from ``start`` (``Lampung Utara``), stopping at a lower-case word."""
    words: list[str] = []
    i = start
    while i < len(doc) and len(words) < 4:
        token = doc[i]
        if not token.is_alpha or token.lower_ in _NAME_STOP or not (token.is_title or token.is_upper):
            break
        words.append(token.text)
        i += 1
    if not words:
        return None
    return " ".join(w if not w.isupper() or len(w) <= 3 else w.title() for w in words), i


def _canonical_province(place: str | None) -> str | None:
    if not place:
        return None
    key = place.lower()
    if key in _PROVINCE_BY_KEY:
        return _PROVINCE_BY_KEY[key]
    # "Jawa Barat Tahun" is cut before; "Lampung Utara" is not a province, "Lampung" is.
    return None


def _unit_mentions(doc: Doc) -> list[tuple[str, str, str]]:
    """(agency, kind, place) for every ``<agency> <Kabupaten|Kota|Provinsi> <Name>``."""
    mentions = []
    for i, token in enumerate(doc):
        kind = _KIND_WORDS.get(token.lower_.rstrip("."))
        if kind is None:
            continue
        j = i + 1
        if j < len(doc) and doc[j].text == ".":
            j += 1
        found = _place_name(doc, j)
        if not found:
            continue
        place, _ = found
        agency = _agency_before(doc, i)
        if agency:
            mentions.append((agency, kind, place))
    return mentions


def _agency_before(doc: Doc, index: int) -> str | None:
    """The body named just before the kind word: KPU, KIP, or e.g. ``Dinas Tenaga Kerja``."""
    window = [t for t in doc[max(0, index - 8):index]]
    lowered = [t.lower_ for t in window]
    if lowered[-1:] == ["kpu"] or lowered[-3:] == ["komisi", "pemilihan", "umum"] or lowered[-2:] == ["kpu", "/"]:
        return "KPU"
    if lowered[-1:] == ["kip"] or lowered[-3:] == ["komisi", "independen", "pemilihan"]:
        return "KIP"
    if lowered[-1:] == ["pemerintah"]:
        return "Pemerintah"
    for start in range(len(window)):
        if lowered[start] in _AGENCY_START and all(t.is_alpha or t.text in ",&" for t in window[start:]):
            words = [t.text for t in window[start:]]
            return " ".join(w.title() if w.isupper() and len(w) > 4 else w for w in words)
    return None


def _kpu_ri(doc: Doc) -> int:
    text = doc.text.lower()
    return text.count("komisi pemilihan umum republik indonesia") + text.count("kpu ri ") + text.count("sekretariat jenderal komisi pemilihan umum")


def find_unit(pages: list[str]) -> UnitGuess:
    nlp = blank_indonesian()
    votes: Counter[tuple[str, str, str]] = Counter()
    province_votes: Counter[str] = Counter()
    for number, text in enumerate(pages, start=1):
        doc = nlp(text)
        weight = 3 if number <= 2 else 1  # the cover and foreword name the unit reporting
        for agency, kind, place in _unit_mentions(doc):
            if kind == "provinsi" and _canonical_province(place):
                province_votes[_canonical_province(place)] += 1
            votes[(agency, kind, place)] += weight
    if not votes:
        ri = sum(_kpu_ri(nlp(t)) for t in pages[:3])
        if ri:
            return UnitGuess("KPU RI", "KPU", "pusat", None, None, ri)
        return UnitGuess(None, None, None, None, None, 0)
    # The election bodies are what this tool is for: prefer them when named at all.
    election = {k: v for k, v in votes.items() if k[0] in ("KPU", "KIP")}
    pool = election or votes
    (agency, kind, place), evidence = max(pool.items(), key=lambda kv: (kv[1], kv[0][1] != "provinsi"))
    name = f"{agency} {kind.title()} {place}"
    if kind == "provinsi":
        province = _canonical_province(place) or place
    else:
        province = province_of(place, kind) or (province_votes.most_common(1)[0][0] if province_votes else None)
    return UnitGuess(name, agency, kind, place, province, evidence, printed=name)


def _year_votes(doc: Doc, is_cover: bool) -> tuple[Counter[int], Counter[int]]:
    strong: Counter[int] = Counter()
    cover: Counter[int] = Counter()
    sentence_has_report = False
    for i, token in enumerate(doc):
        lower = token.lower_
        if lower in (".", "\n") or "\n\n" in token.text_with_ws:
            sentence_has_report = False
        if lower in _REPORT_WORDS or (lower == "kinerja" and i and doc[i - 1].lower_ in ("pengukuran", "capaian")):
            sentence_has_report = True
        if not _is_year(token.text):
            continue
        nxt = doc[i + 1].text if i + 1 < len(doc) else ""
        if nxt in ("-", "–", "s/d") or (i and doc[i - 1].text in ("-", "–")):
            continue  # a period such as Renstra 2020-2024
        year = int(token.text)
        before = [t.lower_ for t in doc[max(0, i - 3):i]]
        if is_cover:
            cover[year] += 1
        elif before[-2:] == ["tahun", "anggaran"] or before[-1:] == ["ta"]:
            strong[year] += 3
        elif before[-1:] == ["tahun"] and sentence_has_report:
            strong[year] += 2
        elif before[-1:] == ["tahun"]:
            strong[year] += 0.25
    return strong, cover


def find_year(pages: list[str]) -> tuple[int | None, int | None, list[tuple[str, str]]]:
    """(reporting year, cover year when it differs, warnings)."""
    nlp = blank_indonesian()
    strong: Counter[int] = Counter()
    cover: Counter[int] = Counter()
    for number, text in enumerate(pages, start=1):
        s, c = _year_votes(nlp(text), is_cover=(number == 1))
        strong.update(s)
        cover.update(c)
    warnings: list[tuple[str, str]] = []
    cover_year = cover.most_common(1)[0][0] if cover else None
    if not strong:
        if cover_year is None:
            return None, None, [("year_unknown", "no reporting year found in the text")]
        return cover_year, None, [("year_from_cover", f"reporting year {cover_year} taken from the cover only")]
    ranked = strong.most_common()
    year = ranked[0][0]
    if len(ranked) > 1 and ranked[1][1] >= ranked[0][1] * 0.8:
        warnings.append(
            ("year_ambiguous", f"reporting year {year} chosen over {ranked[1][0]} (evidence {ranked[0][1]:g} vs {ranked[1][1]:g})")
        )
    return year, (cover_year if cover_year not in (None, year) else None), warnings


def _resolve_election_body(unit: UnitGuess, warnings: list[tuple[str, str]]) -> UnitGuess:
    """Give a KPU/KIP unit its gazetteer name, province and region code; warn, never invent."""
    if unit.agency not in ("KPU", "KIP") or unit.name is None:
        return unit
    resolution = resolve_unit(unit.name, kind=unit.kind if unit.kind != "pusat" else None)
    for message in resolution.warnings:
        code, _, detail = message.partition(":")
        warnings.append((code.strip(), detail.strip() or message))
    found = resolution.unit
    if found is None:
        return unit
    return UnitGuess(found.unit_name, found.agency, found.kind, found.name if found.kind != "pusat" else None,
                     found.province, unit.evidence, found.region_code, unit.printed)


def find_identity(pages: list[str]) -> Identity:
    """Unit and year from the first pages (where reports name themselves) plus table titles."""
    warnings: list[tuple[str, str]] = []
    unit = _resolve_election_body(find_unit(pages[:6]), warnings)
    year, cover_year, year_warnings = find_year(pages)
    warnings += year_warnings
    if unit.name is None:
        warnings.append(("unit_unknown", "no unit name (KPU/KIP/institution with Provinsi, Kabupaten or Kota) found"))
    elif unit.kind in ("kabupaten", "kota") and unit.province is None:
        warnings.append(("province_unknown", f"province of {unit.name} not named in the text"))
    return Identity(unit, year, cover_year, warnings)
