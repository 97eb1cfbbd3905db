"""Indicator wordings made comparable across units and years.

The same *indikator kinerja* is printed differently by different units and in
different years: ``Percentase``/``Persentase``, ``memutakhirkkan``, the unit's own
name (``Persentase KPU Kabupaten Lampung Utara yang ...`` where the KPU RI template
says ``KPU Kabupaten/Kota``), ``Kab./Kota``, ``BMN``, reordered words. Two forms are
derived from a printed text:

* :func:`clean_label` — readable, for people: whitespace and line-end hyphens
  repaired, known typos and spelling variants corrected, the unit's own name
  replaced by its level (``KPU Kabupaten/Kota``, ``KPU Provinsi``). Case is kept.
  Catalog labels and keys are made from it.
* :func:`match_form` — for the matcher: :func:`clean_label` tokenized with the
  Indonesian spaCy tokenizer, lower-cased, punctuation dropped, abbreviations
  expanded, number words written as digits, stop words removed.

:func:`similarity` scores two match forms with rapidfuzz's ``token_sort_ratio``
(0-100): the tokens of each side are sorted and the two strings compared by Indel
distance. Sorting makes reordered words free (``aman, handal dan lancar`` /
``lancar, aman dan handal``). ``token_set_ratio`` would also score 100 when one
wording's words are a subset of the other's, and KPU indicators are full of such
pairs that are *different* indicators (``Persentase informasi dan publikasi tahapan
Pemilu ... di media publikasi`` and the same words ``... paling lambat 1 hari
kerja``); ``token_sort_ratio`` charges for every extra word. Three vetoes come first,
because a score cannot see them in a handful of letters: indicators measured
differently (leading ``Persentase`` vs ``Jumlah`` vs ``Nilai`` ...), indicators about
different levels only (``KPU Provinsi yang ...`` vs ``KPU Kabupaten/Kota yang ...``)
and a negated indicator and its opposite (``belum``/``tidak``/``tanpa``) are never
the same. :data:`MATCH_THRESHOLD` and the effect of each rule are
measured on ``corpus/catalog/labelled_pairs.csv`` (``tests/test_catalog.py``).
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from rapidfuzz import fuzz
from spacy.lang.id.stop_words import STOP_WORDS

from lkj.extract.gazetteer import load_gazetteer
from lkj.extract.nlp import blank_indonesian
from lkj.extract.vocabulary import (
    ABBREVIATIONS,
    AGENCY_PHRASES,
    AGENCY_WORDS,
    JOINED_WORDS,
    KEEP_WORDS,
    LEVEL_NAMES,
    MEASURE_WORDS,
    NEGATIONS,
    NUMBER_NAMES,
    REGION_KIND_WORDS,
    SPELLING,
    TYPOS,
)

#: Lowest similarity (0-100) at which two wordings are taken for the same indicator.
#: A typo costs 1-5 points, a dropped stop word nothing; one different content word
#: costs 5-15 (more in a short indicator), and different indicators sharing their stem
#: (``... media publikasi`` / ``... media sosial``) reach 90-95. On the labelled pairs
#: 92 gives precision 0.98 and recall 0.90; 88 gives 0.88/0.92 and 95 1.00/0.86
#: (docs/datasette.md, tests/test_catalog.py). Precision is preferred: a wrong match
#: silently mixes two indicators in a comparison, a missed one only leaves a
#: ``indicator_unmatched`` warning and a curated line to add.
MATCH_THRESHOLD = 92.0

#: spaCy's Indonesian stop words less those that carry meaning in an indicator.
STOP = frozenset(STOP_WORDS) - KEEP_WORDS
_TYPOS = tuple((re.compile(pattern), replacement) for pattern, replacement in TYPOS)
_JOINED = tuple(re.compile(rf"\b({first})\s+({second})\b", re.IGNORECASE) for first, second in JOINED_WORDS)
#: Abbreviations expanded in match forms: a kind's abbreviation or old name stands for the
#: kind (``Kab.``, ``Kodya``), a commission's one-word name for KPU (KIP is the KPU of Aceh),
#: and the vocabulary's other abbreviations.
_EXPANSIONS = {
    **{word: kind for word, kind in REGION_KIND_WORDS.items() if word != kind},
    **{word: "kpu" for word in AGENCY_WORDS if word != "kpu"},
    **ABBREVIATIONS,
}
#: Spelled-out numbers written as digits in match forms (``tiga hari`` / ``3 hari``).
_DIGITS = {word: str(number) for word, number in NUMBER_NAMES.items()}
#: A commission's name, one word or in full (words may be spaced by any whitespace).
_AGENCY = "(?:" + "|".join(r"\s+".join(map(re.escape, name.split()))
                           for name in sorted([*AGENCY_WORDS, *AGENCY_PHRASES], key=len, reverse=True)) + ")"
#: The levels' own words in a match form (``kpu provinsi``, ``kpu kabupaten kota``).
_LEVEL_WORDS = re.compile(r"\bkpu (" + "|".join(sorted({level.split("/")[0].lower() for level in LEVEL_NAMES.values()})) + r")\b")


def _ascii(text: str) -> str:
    """Accents dropped (``é`` → ``e``), other non-ASCII characters (dashes, curly quotes) made spaces."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c if c.isascii() else "" if unicodedata.combining(c) else " " for c in decomposed)


def _fix_word(word: str) -> str:
    """One lower-case word with spelling variants and repeated-letter typos corrected."""
    word = SPELLING.get(word, word)
    for pattern, replacement in _TYPOS:
        word = pattern.sub(replacement, word)
    return word


def _keep_case(printed: str, fixed: str) -> str:
    if fixed == printed.lower():
        return printed
    if printed.isupper() and len(printed) > 1:
        return fixed.upper()
    return fixed[:1].upper() + fixed[1:] if printed[:1].isupper() else fixed


@lru_cache(maxsize=1)
def _place_patterns() -> tuple[re.Pattern, re.Pattern, dict[str, set[str]]]:
    """Regexes for a unit named with its agency (``KPU Kota Surabaya``, ``KIP Aceh Besar``)
    or with its kind (``Kabupaten Lampung Utara``), and the kinds each place name has."""
    kinds: dict[str, set[str]] = {}
    kind_words = "|".join(sorted(REGION_KIND_WORDS, key=len, reverse=True))
    for unit in load_gazetteer():
        if unit.kind == "pusat":
            continue
        for name in (unit.name, *unit.aliases):
            place = re.sub(rf"^(?:{kind_words})\.?\s+", "", _ascii(name).lower()).strip()
            if place:
                kinds.setdefault(place, set()).add(unit.kind)
    names = "|".join(r"\s+".join(map(re.escape, p.split())) for p in sorted(kinds, key=len, reverse=True))
    with_agency = re.compile(rf"\b{_AGENCY}\s+(?:(?P<kind>{kind_words})\.?\s+)?(?P<place>{names})\b", re.IGNORECASE)
    with_kind = re.compile(rf"\b(?P<kind>{kind_words})\.?\s+(?P<place>{names})\b", re.IGNORECASE)
    return with_agency, with_kind, kinds


def _level(kind_word: str | None, place: str, kinds: dict[str, set[str]]) -> str | None:
    """``Kabupaten/Kota`` or ``Provinsi`` for a place named with ``kind_word``; None when the
    place is no unit of that kind (``Kota Medan`` is, ``Kota Lampung`` is not)."""
    have = kinds.get(re.sub(r"\s+", " ", place.lower()), set())
    if kind_word:
        kind = REGION_KIND_WORDS[kind_word.lower()]
        return LEVEL_NAMES[kind] if kind in have else None
    return LEVEL_NAMES["provinsi"] if "provinsi" in have else LEVEL_NAMES[min(have)] if have else None


def replace_unit_names(text: str) -> str:
    """The unit's own name replaced by its level: ``KPU Kabupaten Lampung Utara`` →
    ``KPU Kabupaten/Kota``, ``KIP Aceh`` → ``KPU Provinsi``, ``di Kota Surabaya`` →
    ``di Kabupaten/Kota``, so that one indicator reads the same in every unit's report."""
    with_agency, with_kind, kinds = _place_patterns()

    def agency(m: re.Match) -> str:
        level = _level(m["kind"], m["place"], kinds)
        return f"KPU {level}" if level else m[0]

    def kind(m: re.Match) -> str:
        return _level(m["kind"], m["place"], kinds) or m[0]

    return with_kind.sub(kind, with_agency.sub(agency, text))


@lru_cache(maxsize=65536)  # one wording recurs in many units' reports
def clean_label(text: str) -> str:
    """The printed indicator, readable and comparable: see the module docstring."""
    text = re.sub(r"\s+", " ", _ascii(text)).strip()
    text = re.sub(r"(?<=[a-z])- (?=[a-z])", "-", text)  # "perundang- undangan": a line-end hyphen
    for pattern in _JOINED:
        text = pattern.sub(lambda m: m[1] + m[2].lower(), text)
    text = re.sub(r"[A-Za-z]+", lambda m: _keep_case(m[0], _fix_word(m[0].lower())), text)
    return replace_unit_names(text)


@lru_cache(maxsize=65536)
def match_form(text: str) -> str:
    """The words of :func:`clean_label` that the matcher compares, lower-case, space-separated;
    a word repeated right after itself (``KPU/KPU Provinsi``) counts once."""
    words: list[str] = []
    for token in blank_indonesian()(clean_label(text).lower()):
        if token.is_punct or token.is_space:
            continue
        for word in re.findall(r"[a-z0-9]+", token.text):  # "kab./kota", "pemilu/pemilihan": one token each
            for part in (_DIGITS.get(word) or _EXPANSIONS.get(word, word)).split():
                if part not in STOP and (not words or words[-1] != part):
                    words.append(part)
    return " ".join(words)


def measure(form: str) -> str | None:
    """How the indicator is measured: its leading measure word (``persentase``, ``jumlah``...)."""
    first = form.split(" ", 1)[0]
    return first if first in MEASURE_WORDS else None


def levels(form: str) -> frozenset[str]:
    """The unit levels an indicator is about (``provinsi``, ``kabupaten``) from ``kpu <level>``."""
    return frozenset(_LEVEL_WORDS.findall(form))


def compatible(form_a: str, form_b: str) -> bool:
    """False when a veto applies: the two are measured differently (``persentase`` vs
    ``jumlah``), are about different levels only (``kpu provinsi`` vs ``kpu kabupaten``),
    or one is negated where the other is not (``belum ditindaklanjuti``)."""
    measure_a, measure_b = measure(form_a), measure(form_b)
    if measure_a and measure_b and measure_a != measure_b:
        return False
    levels_a, levels_b = levels(form_a), levels(form_b)
    if levels_a and levels_b and not (levels_a <= levels_b or levels_b <= levels_a):
        return False
    return NEGATIONS.intersection(form_a.split()) == NEGATIONS.intersection(form_b.split())


def similarity(form_a: str, form_b: str) -> float:
    """0-100: rapidfuzz ``token_sort_ratio`` of two match forms, 0 when they are not :func:`compatible`."""
    return fuzz.token_sort_ratio(form_a, form_b, processor=None) if compatible(form_a, form_b) else 0.0
