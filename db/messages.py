"""Each warning's message for an Indonesian researcher, beside the English one (``warnings.pesan``).

``warnings.message`` is written in English where the problem is seen, naming the values
involved (``goal 3 target: main table (p. 2) prints '90%', per-goal table (p. 1) prints
'85%'``); researchers read Indonesian. :func:`pesan` gives the registry's Indonesian
meaning of the code (``meaning_id``) followed by the message's particulars in Indonesian:
the message's shape is read with the pattern of its code (:data:`_DETAILS`) and its
values are put in Indonesian sentences, numbers in Indonesian format (``38.605.040.304``,
``95,69``), values as printed kept as printed. A message of another shape (a code
without a pattern, a wording changed since) keeps its quoted values only, so the
sentence is never half translated. Written at load, so every SQLite client and export
reads it; :func:`lkj.db.schema.ensure_schema` fills it in for rows loaded before it.
"""
from __future__ import annotations

import re

from lkj.extract.vocabulary import MESSAGE_WORDS_ID
from lkj.extract.warning_codes import WARNING_CODES

_QUOTED = r"(?:'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\")"
#: ``indicator 16 'Persentase ...' achievement: <detail>``, ``program 'Jumlah' pagu: <detail>``.
_SUBJECT = re.compile(rf"^(?P<what>indicator|program|spending)\s*(?P<no>[^'\":]*?)\s*(?P<name>{_QUOTED})?\s*"
                      rf"(?P<field>[^:'\"]*):\s(?P<detail>.*)$", re.S)
_NUMBER_EN = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+")


def angka(text: str) -> str:
    """Numbers printed the English way (``38,605,040,304``, ``95.69``) in the Indonesian way."""
    return _NUMBER_EN.sub(lambda m: m.group().replace(",", "\0").replace(".", ",").replace("\0", "."), text)


def _word(english: str) -> str:
    return MESSAGE_WORDS_ID.get(english.strip(), english.strip())


#: (code, pattern of the English particulars, Indonesian sentence of its groups), tried in order. A group
#: named ``n_*`` is a number (put in Indonesian format), ``w_*`` a word of MESSAGE_WORDS_ID;
#: the others (values as printed, names) are kept as they are.
_DETAILS: list[tuple[str, re.Pattern[str], str]] = [(code, re.compile(pattern, re.S), sentence) for code, pattern, sentence in (
    ("detail_disagrees",
     r"goal (?P<goal>\S+) (?P<w_field>\w+): main table \(p\. (?P<p1>\d+)\) prints (?P<a>.*), per-goal table \(p\. (?P<p2>\d+)\) prints (?P<b>.*)",
     "sasaran {goal}, {w_field}: tabel utama (hlm. {p1}) mencetak {a}, tabel per sasaran (hlm. {p2}) mencetak {b}"),
    ("achievement_mismatch", r"printed achievement (?P<a>.*) but realization/target gives (?P<n_b>[\d.,]+)%",
     "capaian tercetak {a}, sedangkan realisasi / target x 100 = {n_b}%"),
    ("indicator_unmatched",
     r"indicator (?P<name>.*) matched no other report's indicator and has its own key (?P<key>\S+); closest: "
     r"(?P<near>.*) \((?P<near_key>[^()]*)\), score (?P<n_s>[\d.]+) < (?P<n_t>[\d.]+)",
     "indikator {name} tidak cocok dengan indikator laporan lain dan mendapat kunci sendiri {key}; yang terdekat: "
     "{near} ({near_key}), skor {n_s} < {n_t}"),
    ("indicator_unmatched",
     r"indicator (?P<name>.*) matched no other report's indicator and has its own key (?P<key>\S+); no comparable indicator in the catalog",
     "indikator {name} tidak cocok dengan indikator laporan lain dan mendapat kunci sendiri {key}; tidak ada indikator "
     "sebanding dalam katalog"),
    ("budget_totals_disagree", r"total (?P<w_field>\w+): (?P<w_a>\w+) gives (?P<n_a>[\d,]+), (?P<w_b>\w+) gives (?P<n_b>[\d,]+)",
     "total {w_field}: {w_a} memberi Rp {n_a}, {w_b} memberi Rp {n_b}"),
    ("multiple_values", r"(?P<n>\d+) values in one cell; kept the first", "{n} nilai dalam satu sel; nilai pertama yang diambil"),
    ("unknown_unit", r"(?P<unit>.*) is not in the unit vocabulary", "satuan {unit} tidak ada dalam kosakata satuan lkj"),
    ("role_mismatch", r"cell reads as (?P<w_kind>\w+) \((?P<unit>.*)\) in a (?P<w_role>\w+) column",
     "sel terbaca sebagai {w_kind} ({unit}) di kolom {w_role}"),
    ("ambiguous_separator", r"(?P<raw>.*) read as (?P<n_value>\S+) \((?P<w_how>\w+)\) from (?P<w_why>.*)",
     "{raw} dibaca sebagai {n_value} ({w_how}), menurut {w_why}"),
    ("stacked_cell_split", r"one printed row held (?P<n>\d+) indicators; split line by line",
     "satu baris tercetak memuat {n} indikator; dipisah per baris"),
    ("extra_text", r"(?P<text>.*) (?P<w_where>before|after) the value ignored", "{text} {w_where} nilai diabaikan"),
    ("qualifier", r"(?P<text>.*) before the value dropped", "{text} sebelum nilai diabaikan"),
    ("space_in_number", r"(?P<a>.*) read as (?P<b>.*)", "{a} dibaca sebagai {b}"),
    ("text_with_number", r"words (?P<words>.*) before the number", "kata {words} sebelum angka"),
    ("year_from_cover", r"reporting year (?P<year>\d{4}) taken from the cover only", "tahun pelaporan {year} hanya diambil dari sampul"),
    ("year_ambiguous", r"reporting year (?P<a>\d{4}) chosen over (?P<b>\d{4}) \(evidence (?P<n_a>[\d.]+) vs (?P<n_b>[\d.]+)\)",
     "tahun pelaporan {a} dipilih daripada {b} (bukti {n_a} lawan {n_b})"),
    ("scanned", r"(?P<n>\d+) of (?P<total>\d+) pages have no text layer \(scanned\)",
     "{n} dari {total} halaman tanpa lapisan teks (hasil pindaian)"),
    ("ocr_percent_read", r"OCR read (?P<a>.*), taken as (?P<b>.*) \(a misread '%'\)",
     "OCR membaca {a}, diambil sebagai {b} (tanda '%' yang salah terbaca)"),
    ("ocr_low_confidence", r"OCR read this page with mean confidence (?P<n>\d+)/100",
     "OCR membaca halaman ini dengan keyakinan rata-rata {n}/100"),
    ("blank_pages", r"(?P<n>\d+) pages are blank .*: (?P<pages>[\d, -]+)$", "{n} halaman kosong: hlm. {pages}"),
    ("page_unreadable", r"(?P<n>\d+) pages cannot be read .*: (?P<pages>[\d, -]+)$", "{n} halaman rusak dilewati: hlm. {pages}"),
    ("form_loop", r"(?P<n>\d+) pages draw a form .*: (?P<pages>[\d, -]+)$", "{n} halaman: hlm. {pages}"),
    ("document_type_unknown", r"no document title \(.*\) on the first pages \(pages (?P<pages>[\d, ]+)\)",
     "tidak ada judul dokumen di halaman {pages}"),
    ("document_type_unknown", r"no document title \(.*\) on the first pages \(no page with text\)",
     "tidak ada halaman yang memuat teks"),
    ("document_type_unknown", r"the prose names it as (?P<a>\w+) and (?P<b>\w+) equally often on the first pages \(pages (?P<pages>[\d, ]+)\)",
     "uraian di halaman {pages} menyebut dokumen ini {a} dan {b} sama seringnya"),
)]
_BY_CODE: dict[str, list[tuple[re.Pattern[str], str]]] = {}
for _code, _pattern, _sentence in _DETAILS:
    _BY_CODE.setdefault(_code, []).append((_pattern, _sentence))


def _fill(sentence: str, found: re.Match[str]) -> str:
    values = {}
    for name, value in found.groupdict().items():
        value = value or ""
        values[name] = angka(value) if name.startswith("n_") else _word(value) if name.startswith("w_") else value
    return sentence.format(**values)


def _particulars(code: str, detail: str) -> str | None:
    for pattern, sentence in _BY_CODE.get(code, ()):
        found = pattern.fullmatch(detail.strip())
        if found:
            return _fill(sentence, found)
    return None


def pesan(code: str, message: str, page: int | None = None) -> str:
    """The warning in Indonesian: the code's meaning, then the message's particulars (see the module docstring)."""
    entry = WARNING_CODES.get(code)
    meaning = entry.meaning_id if entry else code
    subject, detail = "", message or ""
    found = _SUBJECT.match(detail)
    if found and code != "indicator_unmatched":
        no = f" {found['no']}" if found["no"] else ""
        name = f" {found['name']}" if found["name"] else ""
        field = f" {_word(found['field'])}" if found["field"].strip() else ""
        subject, detail = f"{_word(found['what'])}{no}{name}{field}: ", found["detail"]
    particulars = _particulars(code, detail)
    if particulars is None:
        quoted = re.findall(_QUOTED, detail)
        particulars = ", ".join(quoted) if quoted else ""
    where = f" (hlm. {page})" if page else ""
    text = f"{subject}{particulars}".strip().rstrip(":")
    return f"{meaning} Rincian{where}: {text}." if text else f"{meaning}{where}"
