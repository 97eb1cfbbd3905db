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

import re
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc

from lkj.extract.bodies import lowest_body
from lkj.extract.gazetteer import GazetteerUnit, load_gazetteer, province_of, resolve_unit
from lkj.extract.nlp import blank_indonesian
from lkj.extract.vocabulary import (
    AGENCY_ACRONYMS,
    AGENCY_HEADS,
    AGENCY_PHRASES,
    AGENCY_WORDS,
    CENTRAL_AGENCY_HEADS,
    CITATION_NUMBER_WORDS,
    CITATION_WORDS,
    CLAUSE_WORDS,
    ELECTION_AGENCIES,
    FISCAL_YEAR_PHRASES,
    GOVERNMENT,
    GOVERNMENT_NAMES,
    MEASUREMENT_PHRASES,
    NAME_END_WORDS,
    NAME_JOINING_WORDS,
    NATIONAL_ABBREVIATIONS,
    NATIONAL_BODY_NAMES,
    REGION_KIND_WORDS,
    REPORT_NAMES,
    REPORT_TITLE_MORE_WORDS,
    REPORT_TITLE_WORDS,
)
from lkj.extract.warning_codes import ReportWarning

#: The 38 provinces, from the gazetteer (``extract/data/kpu_units.csv``) so there is one list.
PROVINCES = tuple(u.province for u in load_gazetteer() if u.kind == "provinsi")


def _province_keys() -> dict[str, str]:
    """Every name of a province the gazetteer knows, lower-case, to its canonical name:
    ``jawa barat``, ``jabar``, ``d.i. yogyakarta``, and ``yogyakarta`` from ``Provinsi
    Yogyakarta`` (a leading kind word is not part of the place)."""
    keys: dict[str, str] = {}
    for unit in load_gazetteer():
        if unit.kind != "provinsi" or unit.province is None:
            continue
        for label in (unit.name, *unit.aliases):
            words = label.lower().split()
            if len(words) > 1 and words[0].rstrip(".") in REGION_KIND_WORDS:
                words = words[1:]
            keys.setdefault(" ".join(words), unit.province)
    return keys


_PROVINCE_BY_KEY = _province_keys()


def _place_labels(unit: GazetteerUnit) -> list[str]:
    """The unit's name and aliases, lower-case, without their leading kind words (``Kab. Lima Puluh
    Kota`` -> ``lima puluh kota``)."""
    labels = []
    for label in (unit.name, *unit.aliases):
        words = label.lower().split()
        while words and words[0].rstrip(".") in REGION_KIND_WORDS:
            words = words[1:]
        if words:
            labels.append(" ".join(words))
    return labels


def _place_names() -> tuple[frozenset[str], frozenset[str]]:
    """Every place name the gazetteer knows, lower-case, without a leading kind word, and every
    beginning of one (``lampung``, ``lampung utara``): a name that runs on over a line break or
    holds a word that ends other names (``Lima Puluh Kota``, ``DI Yogyakarta``)."""
    names = set()
    for unit in load_gazetteer():
        names.update(_place_labels(unit))
    starts = {" ".join(n.split()[:k]) for n in names for k in range(1, len(n.split()))}
    return frozenset(names), frozenset(names | starts)


_PLACE_NAMES, _PLACE_NAMES_AND_STARTS = _place_names()


def _kinds_by_place() -> dict[str, dict[str, str]]:
    """Each regional place name the gazetteer knows (aliases included), lower-case, to the kinds of
    unit it names and their official place name: ``lebong`` -> kabupaten Lebong, ``bandung`` ->
    kabupaten and kota (two units: the name alone does not say which)."""
    kinds: dict[str, dict[str, str]] = {}
    for unit in load_gazetteer():
        if unit.kind == "pusat":
            continue
        for label in _place_labels(unit):
            kinds.setdefault(label, {})[unit.kind] = unit.name
    return kinds


_KINDS_BY_PLACE = _kinds_by_place()
#: Words that end a place name printed in capitals (``KPU Kabupaten Lampung Utara Tahun
#: 2024``, ``KOTA SURABAYA YANG``): words that end a name or a clause, a kind word, ``RI``.
#: Not ``Pusat``: ``Kota Jakarta Pusat`` is a place.
_NAME_STOP = NAME_END_WORDS | CLAUSE_WORDS | set(REGION_KIND_WORDS) | NATIONAL_ABBREVIATIONS
#: Words that open an agency's name: a government agency's first word or acronym, or the government.
_AGENCY_START = frozenset(head.split()[0] for head in AGENCY_HEADS) | frozenset(AGENCY_ACRONYMS) | {GOVERNMENT}


#: Most words (commas included) of an agency's name before its place: the longest names seen have ten.
AGENCY_NAME_WORDS = 12


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
    warnings: list[ReportWarning] = field(default_factory=list)


def _is_year(text: str) -> bool:
    return len(text) == 4 and text.isdigit() and 1990 <= int(text) <= 2100


def _place_name(doc: Doc, start: int) -> tuple[str, int] | None:
    """Capitalised tokens from ``start`` (``Lampung Utara``), stopping at a lower-case word.

    A line break ends the name unless the gazetteer knows a place it runs on to (a cover's
    ``KABUPATEN POLEWALI`` / ``MANDAR``); a name cut that way that ends as no known place
    is taken up to the break."""
    words: list[str] = []
    before_break: tuple[list[str], int] | None = None
    i = start
    while i < len(doc) and len(words) < 4:
        token = doc[i]
        if token.is_space and "\n" in token.text and words and i + 1 < len(doc):
            if " ".join([*words, doc[i + 1].text]).lower() not in _PLACE_NAMES_AND_STARTS:
                break
            before_break = before_break or (list(words), i)
            i += 1
            continue
        within_name = " ".join([*words, token.text]).lower() in _PLACE_NAMES_AND_STARTS
        if not token.is_alpha or (token.lower_ in _NAME_STOP and not within_name) or not (token.is_title or token.is_upper):
            break
        words.append(token.text)
        i += 1
    if before_break and " ".join(words).lower() not in _PLACE_NAMES:
        words, i = before_break
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


def _commission_of_place(doc: Doc, index: int) -> tuple[str, str, str] | None:
    """(agency, kind, place) for a commission named by its place alone (``KPU Lebong``,
    ``Sekretariat KPU Manggarai Timur``, ``KIP Aceh Singkil``), when the gazetteer knows the place
    as one unit only; a place two units share (``KPU Bandung``: the kabupaten or the kota) is no vote."""
    found = _place_name(doc, index + 1)
    if not found or _in_regulation_title(doc, index) or _in_citation(doc, index):
        return None
    units = _KINDS_BY_PLACE.get(found[0].lower(), {})
    if len(units) != 1:
        return None
    (kind, place), = units.items()
    return doc[index].text.upper(), kind, place


def _unit_mentions(doc: Doc, abbreviations: dict[str, str] | None = None,
                   by_place: bool = False) -> list[tuple[str, str, str]]:
    """(agency, kind, place) for every ``<agency> <Kabupaten|Kota|Provinsi> <Name>``, and with
    ``by_place`` (the cover, the foreword, the running lines: where a report names itself) for every
    commission named by its place alone (:func:`_commission_of_place`) but in a list of the
    commissions (``KPU Provinsi/KIP Aceh``: a goal's wording, printed in reports of other bodies)."""
    mentions = []
    for i, token in enumerate(doc):
        if by_place and token.text.upper() in ELECTION_AGENCIES and token.text.isupper():
            if i and doc[i - 1].text.endswith("/"):
                continue
            mention = _commission_of_place(doc, i)
            if mention:
                mentions.append(mention)
            continue
        kind = REGION_KIND_WORDS.get(token.lower_.rstrip("."))
        if kind is None:
            continue
        j = i + 1
        if j < len(doc) and doc[j].text == ".":
            j += 1
        found = _place_name(doc, j)
        if not found:
            continue
        place, _ = found
        agency = _agency_before(doc, i, abbreviations)
        if agency and not _in_regulation_title(doc, i) and not _in_citation(doc, i):
            mentions.append((agency, kind, place))
    return mentions


def _in_regulation_title(doc: Doc, index: int) -> bool:
    """``Peraturan ... tentang Organisasi dan Tata Kerja Inspektorat, ... Satuan Polisi Pamong Praja
    Provinsi Jawa Barat``: bodies listed in a regulation's title are not the reporting unit."""
    return any(t.lower_ == "tentang" for t in doc[max(0, index - 16):index])


def _in_citation(doc: Doc, index: int) -> bool:
    """``Keputusan KPU Provinsi Lampung Nomor ...``: a body that issued a cited instrument is not the reporting unit."""
    return any(t.lower_ in CITATION_WORDS for t in doc[max(0, index - 6):index])


def _agency_before(doc: Doc, index: int, abbreviations: dict[str, str] | None = None) -> str | None:
    """The body named just before the kind word: KPU, KIP, or e.g. ``Dinas Tenaga Kerja``.

    An abbreviation in brackets between the name and the kind word (``Badan ... Daerah
    (BPLHD) Provinsi``) is skipped, and an abbreviation defined that way elsewhere in
    the report stands for the full name (``LKIP BPLHD Provinsi Jawa Barat``).
    """
    abbreviations = abbreviations or {}
    end = index
    while end and doc[end - 1].is_space:
        end -= 1  # a cover prints the agency and its region on two lines
    if end >= 3 and doc[end - 1].text == ")" and doc[end - 3].text == "(":
        end -= 3
    # A long name (``Dinas Pemberdayaan Perempuan, Perlindungan Anak dan Keluarga Berencana``) wraps over
    # cover lines: the line breaks are not words of the window.
    window = [t for t in doc[max(0, end - 3 * AGENCY_NAME_WORDS):end] if not t.is_space][-AGENCY_NAME_WORDS:]
    lowered = [t.lower_ for t in window]
    if lowered and lowered[-1] in AGENCY_WORDS:
        return AGENCY_WORDS[lowered[-1]]
    if lowered[-2:-1] and lowered[-2] in AGENCY_WORDS and lowered[-1] == "/":  # KPU/KIP Kabupaten
        return AGENCY_WORDS[lowered[-2]]
    for phrase, agency in AGENCY_PHRASES.items():
        if lowered[-len(phrase.split()):] == phrase.split():
            return agency
    if lowered[-1:] == [GOVERNMENT]:
        return GOVERNMENT.title()
    if window and window[-1].text in abbreviations:
        return abbreviations[window[-1].text]
    for start in range(len(window)):
        if lowered[start] == GOVERNMENT and any(w in _AGENCY_START - {GOVERNMENT} for w in lowered[start + 1:]):
            continue  # ``Instansi Pemerintah`` / ``Badan ...``: the government's agency is named after it
        if lowered[start] in _AGENCY_START and all(t.is_alpha or t.text in ",&" for t in window[start:]):
            words = [t.text for t in window[start:]]
            return _without_place(" ".join(w.lower() if w.lower() in NAME_JOINING_WORDS else
                                            w.title() if w.isupper() and len(w) > 4 else w for w in words).replace(" ,", ","))
    return None


def _without_place(agency: str | None) -> str | None:
    """The agency name cut before a kind word: a name never carries its own place.

    ``Dinas Pengelolaan Sumber Daya Air Provinsi Jawa Barat (PSDA)`` defines PSDA as
    the Dinas, and an OCR'd ``Dinas PSDA Provinsi Jawa`` (the rest of the place lost)
    names the Dinas; the place is the mention's, added once when the unit is named.
    """
    if not agency:
        return agency
    words = agency.split()
    for k, word in enumerate(words[1:], start=1):
        if word.lower().rstrip(".") in REGION_KIND_WORDS:
            return " ".join(words[:k]).rstrip(",") or None
    return agency


def _expand(agency: str, abbreviations: dict[str, str]) -> str:
    """An abbreviation defined in the report stands for its full name: ``Dinas PSDA`` →
    ``Dinas Pengelolaan Sumber Daya Air`` when the report defines ``... Sumber Daya Air (PSDA)``.

    The words before the abbreviation must begin its definition (``Dinas`` of ``Dinas
    Pengelolaan ...``), so that a name merely containing another body's abbreviation stays.
    """
    words = agency.split()
    for k, word in enumerate(words):
        full = abbreviations.get(word)
        if full is None:
            continue
        before = " ".join(words[:k]).lower()
        if full.lower() == before or full.lower().startswith(before + " ") or not before:
            return " ".join([full] + words[k + 1:])
    return agency


def _abbreviations(doc: Doc) -> dict[str, str]:
    """``Badan Pengelolaan Lingkungan Hidup Daerah (BPLHD)`` → {"BPLHD": "Badan Pengelolaan ..."}.

    The first definition in the document counts; a longer one of the same name
    (``Dinas Pengelolaan Sumber Daya Air`` over an OCR-cut ``Dinas Pengelolaan``) replaces it.
    """
    found: dict[str, str] = {}
    for i, token in enumerate(doc):
        if token.text == "(" and i + 2 < len(doc) and doc[i + 2].text == ")" and doc[i + 1].text.isupper() and len(doc[i + 1]) >= 3:
            agency = _agency_before(doc, i)
            if agency and agency not in _BODIES_NOT_AGENCIES and len(agency.split()) > 1:
                _keep_definition(found, doc[i + 1].text, agency)
    return found


def _keep_definition(found: dict[str, str], short: str, full: str) -> None:
    """The first definition of ``short`` counts, unless ``full`` continues it (an OCR-cut name completed)."""
    if short not in found or full.lower().startswith(found[short].lower() + " "):
        found[short] = full


#: A page that can define an abbreviation: a bracket opening on a capital (``(PSDA)``).
_MAY_DEFINE = re.compile(r"\(\s*[A-Z]")


_LETTER_SPACED = re.compile(r"\b[A-Z](?: [A-Z]){2,}\b")
_GLUED_PROVINCE = {p.upper().replace(" ", ""): p.upper() for p in PROVINCES}
#: A kind's own name glued to a province's name (``PROVINSIJAWA BARAT`` once letters are joined).
_GLUED_KIND = "|".join(sorted({kind.upper() for kind in REGION_KIND_WORDS.values()}, key=len, reverse=True))
_GLUED_PLACE = re.compile(rf"\b({_GLUED_KIND})(" + "|".join(sorted(_GLUED_PROVINCE, key=len, reverse=True)) + r")\b")


def _unspace(text: str) -> str:
    """``INSPEKTORAT P R O V I N S I J A W A B A R A T`` → ``INSPEKTORAT PROVINSI JAWA BARAT``.

    Running headers are often letter-spaced; read as single letters they name nothing.
    The letters are joined, and a province name glued to its kind word is split again.
    """
    text = _LETTER_SPACED.sub(lambda m: m.group().replace(" ", ""), text)
    return _GLUED_PLACE.sub(lambda m: f"{m.group(1)} {_GLUED_PROVINCE[m.group(2)]}", text)


def running_lines(pages: list[str], edge: int = 3) -> list[str]:
    """Lines printed at the top or foot of many pages (running headers and footers).

    A running header names the report and its unit on every page, so it outweighs
    any single mention in the prose. Page numbers are ignored when comparing lines.
    """
    counts: Counter[str] = Counter()
    for text in pages:
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        keys = {" ".join("".join(ch for ch in line if not ch.isdigit()).split()) for line in lines[:edge] + lines[-edge:]}
        counts.update(k for k in keys if len(k) > 8)
    needed = max(3, len(pages) // 5)
    return [line for line, n in counts.items() if n >= needed]


_NATIONAL_BODY = tuple(re.compile(rf"\b{re.escape(name)}\b") for name in NATIONAL_BODY_NAMES)


#: A citation's opening word shortly before a name (``Keputusan KPU RI``, ``Peraturan Komisi Pemilihan Umum ...``).
_CITED = re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, CITATION_WORDS), key=len, reverse=True)) + r")\W+(?:\w+\W+){0,2}$")


def _kpu_ri(doc: Doc) -> int:
    """How often the national body is named as itself (``KPU RI``, ``Komisi Pemilihan Umum Republik
    Indonesia``), not as the issuer of a cited instrument (``Keputusan KPU RI Nomor ...``)."""
    text = doc.text.lower()
    return sum(not _CITED.search(text[max(0, m.start() - 40):m.start()])
               for name in _NATIONAL_BODY for m in name.finditer(text))


#: The government as its own agencies name it, title-cased as reports print it.
_GOVERNMENT = tuple(name.title() for name in GOVERNMENT_NAMES)
#: Names ``_agency_before`` gives that are no agency of a government: the commissions and the government.
_BODIES_NOT_AGENCIES = frozenset(ELECTION_AGENCIES) | {GOVERNMENT.title()}
#: Votes of a unit named in a running header or footer: it names the report on every page.
RUNNING_WEIGHT = 5
#: An agency's name as printed without its place: capitalised words (or ``dan``, ``&``) after
#: ``Dinas`` etc., ending before a kind word (``Provinsi``) or a word that ends a name (``Tahun``).
_PLACE_OR_STOP = "|".join(sorted(_NAME_STOP - {"dan"}, key=len, reverse=True))
_PLACELESS = re.compile(r"\b(?:" + "|".join(sorted((h.title() for h in AGENCY_HEADS), key=len, reverse=True)) + ")"
                        r"(?: (?:(?!(?i:" + _PLACE_OR_STOP + r")\b)[A-Z][\w-]*|dan|&),?)+")


def _weighted_mentions(pages: list[str]) -> tuple[Counter[tuple[str, str, str]], Counter[str], dict[str, str], int]:
    """Votes for (agency, kind, place), the agency names printed anywhere without a place
    (abbreviations expanded), the abbreviations the report defines, and the votes for KPU
    RI named as itself where a report names its own unit.

    KPU RI names no place, so it gets no (agency, kind, place) vote; it is counted on the
    cover (x3) and the running lines (x5) only, with the weights of those places: forewords
    and bodies of regional reports name KPU RI as the body above them. Counted in the same
    pass, over the same parsed pages."""
    nlp = blank_indonesian()
    texts = [_unspace(t) for t in pages]
    docs = [nlp(t) for t in texts[:6]]
    # An abbreviation may be defined anywhere (the organisation chapter), and used from the cover on.
    abbreviations: dict[str, str] = {}
    for doc in docs + [nlp(t) for t in texts[6:] if _MAY_DEFINE.search(t)]:
        for short, full in _abbreviations(doc).items():
            _keep_definition(abbreviations, short, full)
    votes: Counter[tuple[str, str, str]] = Counter()
    national = 3 * _kpu_ri(docs[0]) if docs else 0
    for number, doc in enumerate(docs, start=1):
        weight = 3 if number <= 2 else 1  # the cover and foreword name the unit reporting
        for mention in _unit_mentions(doc, abbreviations, by_place=number <= 2):
            votes[mention] += weight
    for line in running_lines(texts):
        line_doc = nlp(line)
        national += RUNNING_WEIGHT * _kpu_ri(line_doc)
        for mention in _unit_mentions(line_doc, abbreviations, by_place=True):
            votes[mention] += RUNNING_WEIGHT
    placeless = Counter(_expand(" ".join(m.group().rstrip(",").split()), abbreviations)
                        for t in texts for m in _PLACELESS.finditer(t))
    return votes, placeless, abbreviations, national


def _printed_forms(name: str, abbreviations: dict[str, str]) -> list[re.Pattern[str]]:
    """How a name may be printed: in full, or with a defined abbreviation (``Dinas PSDA``, ``PSDA``)."""
    forms = [re.escape(name.lower())]
    for short, full in abbreviations.items():
        if name.lower().startswith(full.lower()):
            rest = re.escape(name[len(full):].lower())
            forms += [re.escape(f"{full.split()[0]} {short}".lower()) + rest, r"\b" + re.escape(short.lower()) + rest + r"\b"]
    return [re.compile(f) for f in forms]


def _agency_of_government(pages: list[str], votes: Counter[tuple[str, str, str]], placeless: Counter[str],
                          best: tuple[str, str, str], abbreviations: dict[str, str] | None = None) -> tuple[str, str, str] | None:
    """The agency an OPD report is about when its government (``Pemerintah Provinsi X``) leads the vote.

    An agency's report names its government everywhere (its parent, regulations),
    and names itself, often without the place, on its first pages and on page after
    page; other bodies (a cover address, a list in a regulation, a data source)
    appear on a few pages. So the agency named on the first pages and on the most
    pages, at least a fifth of them and half as many as name the place, is the unit;
    a shorter name that begins a longer such name gives way to it. A ``Biro``
    is a bureau of the regional secretariat and is named with it. Spellings that
    differ only in case are one name, printed as most often; a page printing the name
    through its defined abbreviation (``Dinas PSDA``) names it too.
    """
    _, kind, place = best
    printed = placeless + Counter({k[0]: n for k, n in votes.items() if k[0] not in _GOVERNMENT and k[1:] == (kind, place)})
    by_key: dict[str, str] = {}
    for name, _ in sorted(printed.items(), key=lambda kv: (-kv[1], kv[0])):
        by_key.setdefault(name.lower(), name)
    candidates = set(by_key.values())
    lowered = [" ".join(t.lower().split()) for t in pages]
    forms = {name: _printed_forms(name, abbreviations or {}) for name in candidates}
    spread = {name: sum(any(f.search(t) for f in forms[name]) for t in lowered) for name in candidates}
    place_pages = sum(f"{kind} {place}".lower() in t for t in lowered)
    needed = max(3, len(pages) // 5, place_pages // 2)
    wide = {name: n for name, n in spread.items() if n >= needed and any(f.search(t) for f in forms[name] for t in lowered[:3])}
    if not wide:
        return None
    agency = max(wide, key=lambda name: (wide[name], len(name), name))
    longer = [name for name in wide if name.startswith(agency) and name != agency and wide[name] * 2 >= wide[agency]]
    agency = max(longer, key=lambda name: (len(name), name)) if longer else agency
    if agency.startswith("Biro") and ("Sekretariat Daerah", kind, place) in votes and not agency.endswith("Sekretariat Daerah"):
        agency = f"{agency} Sekretariat Daerah"
    return agency, kind, place


def _acronym_of(word: str, words: list[str]) -> bool:
    """Is ``word`` made of pieces of ``words`` in order, one per word (``Kesbangpol`` of ``Kesatuan
    Bangsa dan Politik``, ``PMD`` of ``Pemberdayaan Masyarakat dan Desa``, ``Dukcapil`` of
    ``Kependudukan dan Pencatatan Sipil``)? A piece starts its word, or is a syllable or more
    inside it (two letters at least); joining words may be skipped; two words at least."""
    content = [w.lower() for w in words if w.lower() not in NAME_JOINING_WORDS]
    word = word.lower()
    if len(content) < 2 or not word.isalpha():
        return False

    def take(rest: str, k: int) -> bool:
        if k == len(content):
            return not rest
        return any((content[k].startswith(rest[:n]) or (n >= 2 and rest[:n] in content[k])) and take(rest[n:], k + 1)
                   for n in range(1, min(len(rest), len(content[k])) + 1))

    return take(word, 0)


def abbreviates(short: str, full: str) -> bool:
    """Does the agency name ``short`` abbreviate ``full`` word for word, some words of ``full`` shortened
    into one (``Badan Kesbangpol`` → ``Badan Kesatuan Bangsa dan Politik``, ``Dinas PMD`` → ``Dinas
    Pemberdayaan Masyarakat dan Desa``)? Reports print their name in full on the cover and shortened
    in the body; the full name is the official one."""
    s, f = short.split(), full.split()
    if len(s) >= len(f) or not s or s[0].lower() != f[0].lower():
        return False

    def match(i: int, j: int) -> bool:
        if i == len(s):
            return j == len(f)
        if j < len(f) and s[i].lower() == f[j].lower() and match(i + 1, j + 1):
            return True
        return any(_acronym_of(s[i], f[j:k]) and match(i + 1, k) for k in range(j + 2, len(f) + 1))

    return match(0, 0)


def _official_name(agency: str, candidates: list[str]) -> str:
    """The full name that ``agency`` abbreviates among the names printed with the same place, if one does."""
    longer = [c for c in candidates if abbreviates(agency, c)]
    if not longer:
        return agency
    full = max(longer, key=lambda c: (candidates.count(c), len(c)))
    kept = set(agency.split())  # words the short name prints as they are; the rest are spelled-out words
    return " ".join(w.lower() if w.lower() in NAME_JOINING_WORDS else w if w in kept or not w.isupper() else w.title()
                    for w in full.split())


def _without_repeat(name: str) -> str:
    """A name never prints a phrase twice in a row: ``Biro Umum Sekretariat Daerah Sekretariat Daerah``
    (a bureau named with its secretariat, and the secretariat added) is ``Biro Umum Sekretariat Daerah``."""
    words = name.split()
    n = len(words)
    for size in range(n // 2, 0, -1):
        for start in range(n - 2 * size + 1):
            first, second = words[start:start + size], words[start + size:start + 2 * size]
            if [w.lower() for w in first] == [w.lower() for w in second]:
                return _without_repeat(" ".join(words[:start + size] + words[start + 2 * size:]))
    return name


_TITLE_WORDS = REPORT_NAMES | REPORT_TITLE_WORDS | REPORT_TITLE_MORE_WORDS


def central_body(pages: list[str]) -> str | None:
    """A body of the central government named on the cover or in the title line (``LAPORAN KINERJA
    KEMENTERIAN PERTANIAN TAHUN 2022``, ``BADAN PUSAT STATISTIK``), when the report names no region.

    Its name runs from its head word (``Kementerian``, ``Badan``, ``Lembaga`` ...) to a word that
    ends a name (``Tahun``) or a number; it has two words at least."""
    heads = {h.split()[0] for h in CENTRAL_AGENCY_HEADS}
    for text in pages:
        for line in _unspace(text).splitlines():
            words = [w.strip(",.:") for w in line.split()]
            while words and words[0].lower() in _TITLE_WORDS:
                words = words[1:]
            if not words or words[0].lower() not in heads:
                continue
            name: list[str] = []
            for word in words:
                if not word.isalpha() or word.lower() in NAME_END_WORDS or word.lower() in CITATION_WORDS:
                    break
                name.append(word)
            if len(name) >= 2:
                return " ".join(w.lower() if w.lower() in NAME_JOINING_WORDS else w.title() if w.isupper() and len(w) > 3 else w
                                for w in name)
    return None


def find_unit(pages: list[str], warnings: list[ReportWarning] | None = None) -> UnitGuess:
    """The reporting unit: an election body when one is named, else the best-voted unit, else the
    lowest body the first pages name (``extract/bodies.py``); its warnings are added to ``warnings``."""
    warnings = [] if warnings is None else warnings
    votes, placeless, abbreviations, ri = _weighted_mentions(pages)
    province_votes: Counter[str] = Counter()
    for (_, kind, place), n in votes.items():
        if kind == "provinsi" and _canonical_province(place):
            province_votes[_canonical_province(place)] += n
    if not votes:
        nlp = blank_indonesian()
        ri = sum(_kpu_ri(nlp(t)) for t in pages[:3])
        if ri:
            return UnitGuess("KPU RI", "KPU", "pusat", None, None, ri)
        body = lowest_body([_unspace(t) for t in pages])
        warnings += body.warnings
        if body.name:
            agency = body.name[: len(body.name) - len(body.place)].strip() if body.place else body.name
            return UnitGuess(body.name, agency, body.kind, body.place if body.kind != "provinsi" else None,
                             body.province, 1, printed=body.name)
        return UnitGuess(None, None, None, None, None, 0)
    # The election bodies are what this tool is for: prefer them when named at all.
    election = {k: v for k, v in votes.items() if k[0] in ELECTION_AGENCIES}
    pool = election or votes
    best, evidence = max(pool.items(), key=lambda kv: (kv[1], kv[0][1] != "provinsi"))
    # KPU RI names no place, so it has no vote above; weighed the same way (cover and foreword,
    # running lines), it outranks a regional body that its report only mentions in the body.
    if ri > evidence and (election or not votes):
        return UnitGuess("KPU RI", "KPU", "pusat", None, None, ri)
    if best[0] in _GOVERNMENT and not election:
        best = _agency_of_government(pages, votes, placeless, best, abbreviations) or best
    agency, kind, place = best
    if agency not in ELECTION_AGENCIES:
        same_place = [a for (a, k, p), n in votes.items() for _ in range(n) if (k, p) == (kind, place)]
        agency = _without_repeat(_official_name(agency, same_place + list(placeless.elements())))
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
        if lower in REPORT_NAMES or (i and f"{doc[i - 1].lower_} {lower}" in MEASUREMENT_PHRASES):
            sentence_has_report = True
        if not _is_year(token.text):
            continue
        nxt = doc[i + 1].text if i + 1 < len(doc) else ""
        if nxt in ("-", "–", "s/d") or (i and doc[i - 1].text in ("-", "–")):
            continue  # a period such as Renstra 2020-2024
        year = int(token.text)
        before = [t.lower_ for t in doc[max(0, i - 3):i]]
        if any(t.lower_.rstrip(".") in CITATION_NUMBER_WORDS for t in doc[max(0, i - 5):i]):
            continue  # ``Keputusan ... Nomor 21 Tahun 2019``: the instrument's year
        if is_cover:
            cover[year] += 1
        elif any(before[-len(phrase.split()):] == phrase.split() for phrase in FISCAL_YEAR_PHRASES):
            strong[year] += 3
        elif before[-1:] == ["tahun"] and sentence_has_report:
            strong[year] += 2
        elif before[-1:] == ["tahun"]:
            strong[year] += 0.25
    return strong, cover


def find_year(pages: list[str]) -> tuple[int | None, int | None, list[ReportWarning]]:
    """(reporting year, cover year when it differs, warnings)."""
    nlp = blank_indonesian()
    strong: Counter[int] = Counter()
    cover: Counter[int] = Counter()
    for number, text in enumerate(pages, start=1):
        s, c = _year_votes(nlp(text), is_cover=(number == 1))
        strong.update(s)
        cover.update(c)
    warnings: list[ReportWarning] = []
    cover_year = cover.most_common(1)[0][0] if cover else None
    if not strong:
        if cover_year is None:
            return None, None, [ReportWarning("year_unknown", "no reporting year found in the text")]
        return cover_year, None, [ReportWarning("year_from_cover", f"reporting year {cover_year} taken from the cover only")]
    ranked = strong.most_common()
    year = ranked[0][0]
    if len(ranked) > 1 and ranked[1][1] >= ranked[0][1] * 0.8:
        warnings.append(
            ReportWarning("year_ambiguous", f"reporting year {year} chosen over {ranked[1][0]} (evidence {ranked[0][1]:g} vs {ranked[1][1]:g})")
        )
    return year, (cover_year if cover_year not in (None, year) else None), warnings


def _resolve_election_body(unit: UnitGuess, warnings: list[ReportWarning]) -> UnitGuess:
    """Give a KPU/KIP unit its gazetteer name, province and region code; warn, never invent."""
    if unit.agency not in ELECTION_AGENCIES or unit.name is None:
        return unit
    resolution = resolve_unit(unit.name, kind=unit.kind if unit.kind != "pusat" else None)
    warnings += resolution.warnings
    found = resolution.unit
    if found is None:
        return unit
    return UnitGuess(found.unit_name, found.agency, found.kind, found.name if found.kind != "pusat" else None,
                     found.province, unit.evidence, found.region_code, unit.printed)


def find_identity(pages: list[str]) -> Identity:
    """Unit and year from the first pages (where reports name themselves) plus table titles."""
    warnings: list[ReportWarning] = []
    unit = _resolve_election_body(find_unit(pages, warnings), warnings)
    year, cover_year, year_warnings = find_year(pages)
    warnings += year_warnings
    if unit.name is None:
        warnings.append(ReportWarning("unit_unknown", "no unit name (KPU/KIP/institution with Provinsi, Kabupaten or Kota) found"))
    elif unit.kind in ("kabupaten", "kota") and unit.province is None and not any(w.code == "unit_region_unknown" for w in warnings):
        warnings.append(ReportWarning("province_unknown", f"province of {unit.name} not named in the text"))
    return Identity(unit, year, cover_year, warnings)
