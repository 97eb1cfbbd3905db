"""Vocabulary of the words printed next to numbers in LKj tables.

Kept apart from the parser so that adding a spelling is a one-line data change
(`extract.numbers` holds the rules, this module only the words).

- `UNIT_ALIASES`: canonical unit name -> the spellings and abbreviations seen
  after a number ("2 Lap", "3 Dok", "12 Kali", "100 Persen").
- `CURRENCY_PREFIXES`: words that mark a value as rupiah when printed before it.
- `SCALE_WORDS` / `SHORT_SCALES`: Indonesian money multipliers ("3,2 miliar",
  "Rp3,17 M"). The one-letter forms are case-sensitive and only trusted when
  the value is already known to be money, because "5 M" could be metres.
- `NUMBER_WORDS`: spelled-out numbers that Indonesian formal writing repeats in
  parentheses ("2 (dua) Laporan"), so the parser can drop them silently.

All lookups are lower-case with a trailing full stop removed ("Lap." == "lap").
"""

from __future__ import annotations

PERCENT = "%"
RUPIAH = "rupiah"
GRADE = "grade"

UNIT_ALIASES: dict[str, tuple[str, ...]] = {
    PERCENT: ("persen", "prosen", "percent", "pct"),
    RUPIAH: ("rupiah", "rp", "idr"),
    "laporan": ("laporan", "lap", "lapor", "lpr"),
    "kali": ("kali", "kl", "x"),
    "satker": ("satker", "satuan kerja"),
    "orang": ("orang", "org"),
    "dokumen": ("dokumen", "dok", "doc", "dokument"),
    "kegiatan": ("kegiatan", "keg", "kgt"),
    "bulan": ("bulan", "bln"),
    "hari": ("hari", "hr"),
    "minggu": ("minggu", "mgg"),
    "tahun": ("tahun", "thn"),
    "aplikasi": ("aplikasi", "apl", "aplk"),
    "unit": ("unit", "unt"),
    "paket": ("paket", "pkt"),
    "berkas": ("berkas", "bks"),
    "eksemplar": ("eksemplar", "eks", "expl"),
    "buku": ("buku",),
    "program": ("program",),
    "sistem": ("sistem",),
    "inovasi": ("inovasi",),
    "layanan": ("layanan",),
    "rekomendasi": ("rekomendasi",),
    "keputusan": ("keputusan",),
    "surat": ("surat",),
    "kasus": ("kasus",),
    "sengketa": ("sengketa",),
    "peserta": ("peserta",),
    "pemilih": ("pemilih",),
    "tps": ("tps",),
    "desa": ("desa",),
    "kecamatan": ("kecamatan",),
    "lembaga": ("lembaga",),
    "poin": ("poin", "point"),
}

CURRENCY_PREFIXES: frozenset[str] = frozenset({"rp", "idr"})

SCALE_WORDS: dict[str, int] = {
    "ribu": 10**3,
    "rb": 10**3,
    "juta": 10**6,
    "jt": 10**6,
    "miliar": 10**9,
    "milyar": 10**9,
    "triliun": 10**12,
    "trilyun": 10**12,
}
SHORT_SCALES: dict[str, int] = {"M": 10**9, "T": 10**12}

NUMBER_WORDS: frozenset[str] = frozenset(
    {
        "nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh",
        "delapan", "sembilan", "sepuluh", "sebelas", "seratus", "seribu",
        "belas", "puluh", "ratus", "ribu", "juta", "persen",
    }
)

_ALIAS_TO_UNIT: dict[str, str] = {
    alias: unit for unit, aliases in UNIT_ALIASES.items() for alias in aliases
}


def fold(word: str) -> str:
    """Lookup key of a printed word: lower-case, without a trailing full stop."""
    return word.lower().rstrip(".")


def canonical_unit(words: str) -> str | None:
    """Canonical unit for a printed unit word or phrase, or None when unknown."""
    return _ALIAS_TO_UNIT.get(" ".join(fold(w) for w in words.split()))


def is_count_unit(unit: str | None) -> bool:
    """True for known units that count things, whose values are whole numbers."""
    return unit in UNIT_ALIASES and unit not in (PERCENT, RUPIAH)


def scale_of(word: str, money: bool) -> int | None:
    """Multiplier of a money scale word; one-letter forms only when `money`."""
    if money and word.rstrip(".") in SHORT_SCALES:
        return SHORT_SCALES[word.rstrip(".")]
    return SCALE_WORDS.get(fold(word))
