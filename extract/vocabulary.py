"""The words the rules read, in one place, grouped by what they mean.

LKj reports are written in Indonesian, with a few English and abbreviated words
beside it (``Table``, ``Rp``, ``pct``). Every rule of the readers that looks for a word
(a unit's kind, a column header, a caption, a total row, a spelled-out number) reads
it here, so that a spelling found in a new report is added once and every rule that
needs it sees it. A rule that needs only part of a group derives that part in its own
module by a stated rule (the province words are the region kind words whose kind is
``provinsi``); it never keeps a list of its own.

Words are lower-case unless case is what they are read by (the SAKIP grades, the
one-letter money scales, the agencies as ``units.agency`` stores them). Where two
groups hold the same word they mean different things: ``pusat`` names the central
level after an agency (``KPU Pusat``) but is no region kind (``Kota Jakarta Pusat`` is a
kota), ``jumlah`` opens a total row and an indicator that counts.

This module imports nothing from ``lkj``: every reader may import it.
"""
from __future__ import annotations

# --------------------------------------------------------------------- values: units, scales, numbers

#: Canonical units of a value that are no count: percent, rupiah, a SAKIP grade.
PERCENT = "%"
RUPIAH = "rupiah"
GRADE = "grade"

#: Canonical unit -> the spellings and abbreviations printed after a number (``2 Lap``,
#: ``3 Dok``, ``12 Kali``, ``100 Persen``). ``Prosen`` is the old spelling of persen;
#: ``Doc``/``Dokument`` and ``Point`` are English and Dutch-style spellings. Looked up
#: lower-case with a trailing full stop removed.
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

#: Words printed before a value that make it rupiah (``Rp 1.000``, ``IDR 1,000``).
CURRENCY_PREFIXES = frozenset({"rp", "idr"})

#: Money multipliers after a number (``3,2 miliar``, ``750 jt``); ``milyar`` and
#: ``trilyun`` are the older spellings of miliar and triliun.
SCALE_WORDS: dict[str, int] = {
    "ribu": 10**3, "rb": 10**3,
    "juta": 10**6, "jt": 10**6,
    "miliar": 10**9, "milyar": 10**9,
    "triliun": 10**12, "trilyun": 10**12,
}

#: One-letter money multipliers (``Rp3,17 M``), read by case and only in a money value:
#: ``5 M`` elsewhere may be metres.
SHORT_SCALES: dict[str, int] = {"M": 10**9, "T": 10**12}

#: Spelled-out whole numbers. Formal writing repeats a number in words (``2 (dua)
#: Laporan``), and indicators print small ones in words (``tiga hari kerja``).
NUMBER_NAMES: dict[str, int] = {
    "nol": 0, "satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7, "delapan": 8,
    "sembilan": 9, "sepuluh": 10, "sebelas": 11, "seratus": 100, "seribu": 1000,
}

#: Words that only build a spelled-out number with the names above (``dua belas``,
#: ``tiga puluh``, ``lima ratus``, ``dua ribu``, ``satu juta``).
NUMBER_PARTS = frozenset({"belas", "puluh", "ratus", "ribu", "juta"})

#: SAKIP grades (evaluation of performance accountability), printed upper-case, alone or
#: after a score (``70.65 (BB)``).
SAKIP_GRADES = frozenset({"AA", "A", "BB", "B", "CC", "C", "D"})

#: Whole cells that mean "no value" (``Tidak ada``, ``Nihil``, ``N/A``); compared
#: lower-case with a trailing full stop removed.
PLACEHOLDERS = frozenset({"n/a", "na", "n.a", "tidak ada", "nihil", "nil", "none", "null", "tidak tersedia"})

#: Words before a value that bound it rather than state it (``Min 80%``, ``Maks. 3 hari``).
QUALIFIER_WORDS = frozenset({"min", "minimal", "minimum", "maks", "maksimal", "maksimum", "max"})
