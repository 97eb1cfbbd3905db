"""The words the rules read, in one place, grouped by what they mean.

LKj reports are written in Indonesian, with a few English and abbreviated words
beside it (``Table``, ``Rp``, ``pct``). Every rule of the readers that looks for a word
(a unit's kind, a column header, a caption, a total row, a spelled-out number) reads
it here, so that a spelling found in a new report is added once and every rule that
needs it sees it. A rule that needs only part of a group derives that part in its own
module by a stated rule (the province words are the region kind words whose kind is
``provinsi``); it never keeps a list of its own. ``tests/test_vocabulary.py`` fails when
a module outside this one defines a word list, and checks that the groups agree.

Words are lower-case unless case is what they are read by (the SAKIP grades, the
one-letter money scales, the agencies as ``units.agency`` stores them). Where two
groups hold the same word they mean different things: ``pusat`` names the central
level after an agency (``KPU Pusat``) but is no region kind (``Kota Jakarta Pusat`` is a
kota), ``jumlah`` opens a total row and an indicator that counts.

This module imports nothing from ``lkj``: every reader may import it.
"""
from __future__ import annotations

# --------------------------------------------------------------------- units and bodies

#: Words that name a region's kind, each with the kind (``units.kind``) it names.
#: ``Propinsi`` is the old spelling, still printed in reports of the 2010s; ``Prov.``,
#: ``Prop.`` and ``Kab.`` are the abbreviations. A kota was a ``Kotamadya`` (short
#: ``Kodya``) until 1999; ``Kotamadja`` is the pre-1972 spelling and ``Kotamadia`` a
#: common misspelling, both found in archived names.
REGION_KIND_WORDS: dict[str, str] = {
    "provinsi": "provinsi", "propinsi": "provinsi", "prov": "provinsi", "prop": "provinsi",
    "kabupaten": "kabupaten", "kab": "kabupaten",
    "kota": "kota", "kotamadya": "kota", "kotamadia": "kota", "kodya": "kota", "kotamadja": "kota",
}

#: Words that, right after the agency, name the central level as a kind (``KPU Pusat``).
#: Kept apart from the region kinds: ``Pusat`` is also the last word of a real place
#: (``Kota Jakarta Pusat``), so it neither ends a place name nor names a region.
CENTRAL_KIND_WORDS: dict[str, str] = {"pusat": "pusat"}

#: ``RI`` (Republik Indonesia) after a body's name names the national body (``KPU RI``),
#: and so ends a place name in prose.
NATIONAL_ABBREVIATIONS = frozenset({"ri"})

#: The whole rest of the national body's name after the agency, as word sets: ``KPU RI``,
#: a letter-spaced ``K P U R I``, ``KPU Republik Indonesia``, ``KPU Indonesia``, ``KPU Pusat``.
CENTRAL_TAILS: tuple[frozenset[str], ...] = (
    *(frozenset({word}) for word in NATIONAL_ABBREVIATIONS),
    frozenset({"r", "i"}),
    frozenset({"republik", "indonesia"}),
    frozenset({"indonesia"}),
    *(frozenset({word}) for word in CENTRAL_KIND_WORDS),
)

#: How the national body is named in prose; counted when a report names no unit of a region.
NATIONAL_BODY_NAMES = ("komisi pemilihan umum republik indonesia", "kpu ri", "sekretariat jenderal komisi pemilihan umum")

#: Words between a kind and a place in Jakarta's administrative kota and kabupaten
#: (``Kota Administrasi Jakarta Pusat``, ``Kab. Adm. Kepulauan Seribu``).
ADMINISTRATIVE_WORDS = frozenset({"administrasi", "adm"})

#: Words inside place names printed otherwise than the gazetteer spells them: ``Kep.`` and
#: ``Kepl.`` for Kepulauan, the English-style ``Sumatra`` for Sumatera.
PLACE_WORD_VARIANTS: dict[str, str] = {"kep": "kepulauan", "kepl": "kepulauan", "sumatra": "sumatera"}

#: The election commissions as ``units.agency`` stores them. KIP (Komisi Independen
#: Pemilihan) is the KPU of Aceh.
ELECTION_AGENCIES = ("KPU", "KIP")

#: One-word names of a commission, with the agency each names. ``KPUD`` (KPU Daerah) is
#: the regional commissions' older name, still printed.
AGENCY_WORDS: dict[str, str] = {"kpu": "KPU", "kpud": "KPU", "kip": "KIP"}

#: The commissions' names in full.
AGENCY_PHRASES: dict[str, str] = {"komisi pemilihan umum": "KPU", "komisi independen pemilihan": "KIP"}

#: The word that names a regional government as a unit (``Pemerintah Provinsi Jawa Barat``):
#: its agencies (OPD) report under it and name it everywhere.
GOVERNMENT = "pemerintah"

#: Names under which a government itself is the reporting unit.
GOVERNMENT_NAMES = (GOVERNMENT, f"{GOVERNMENT} daerah")

#: Words that open a government agency's (OPD's) name: ``Dinas Tenaga Kerja``, ``Badan
#: ...``, ``Biro ...`` (of the regional secretariat), ``Rumah Sakit Jiwa``, ``Satuan Polisi
#: Pamong Praja``, ``Kantor ...``.
AGENCY_HEADS = ("dinas", "badan", "biro", "inspektorat", "sekretariat", "rumah sakit", "satuan polisi", "kantor")

#: Words that open the name of a body of the central government, which names no region
#: (``Kementerian Pertanian``, ``Badan Pusat Statistik``, ``Lembaga Administrasi Negara``):
#: the agency heads and the central government's own kinds of body.
CENTRAL_AGENCY_HEADS = (*AGENCY_HEADS, "kementerian", "lembaga", "direktorat", "komisi", "kejaksaan", "kepolisian")

#: Levels of the bodies a vertical unit's cover stacks (``KEMENTERIAN PERHUBUNGAN`` / ``DIREKTORAT
#: JENDERAL PERHUBUNGAN UDARA`` / ``KANTOR UPBU KELAS III TARDAMU SABU``): the opening words of a body's
#: name to its level, 0 the top. The reporting unit is the lowest body printed; the longest opening wins.
BODY_LEVELS: dict[str, int] = {
    "kementerian": 0, "kejaksaan agung": 0, "kejaksaan republik": 0, "kejaksaan ri": 0, "mahkamah agung": 0,
    "lembaga": 0, "komisi": 0, "kepolisian": 0, "badan": 0,
    "direktorat": 1, "direktorat jenderal": 1, "sekretariat jenderal": 1, "inspektorat jenderal": 1, "deputi": 1,
    "kantor wilayah": 1, "kanwil": 1, "kejaksaan tinggi": 1, "pengadilan tinggi": 1, "kepolisian daerah": 1,
    "kantor": 2, "balai": 2, "loka": 2, "upt": 2, "unit": 2, "kejaksaan negeri": 2, "pengadilan negeri": 2,
    "pengadilan agama": 2, "kepolisian resor": 2, "dinas": 2, "inspektorat": 2, "biro": 2,
}

#: Words that join the parts of an agency's name (``Kesatuan Bangsa dan Politik``); an
#: abbreviation of the name (``Kesbangpol``) skips them.
NAME_JOINING_WORDS = frozenset({"dan", "&", "serta"})

#: Acronyms that are a government agency's whole name (Badan Perencanaan Pembangunan
#: Daerah, Rumah Sakit Umum Daerah), printed upper-case before the place.
AGENCY_ACRONYMS = ("bappeda", "rsud")

# --------------------------------------------------------------------- the report and its names

#: Names of the report itself: ``Laporan`` and the acronyms LKj, LKjIP (Laporan Kinerja
#: Instansi Pemerintah, since 2014), LAKIP (the same before 2014), LKIP and LKI.
REPORT_NAMES = frozenset({"laporan", "lkj", "lkjip", "lakip", "lkip", "lki"})

#: The rest of the report's full title, ``Laporan Kinerja Instansi Pemerintah``.
REPORT_TITLE_WORDS = frozenset({"kinerja", "instansi", GOVERNMENT})

#: Further words of a report's title before the unit's name (``Laporan Akuntabilitas Kinerja``,
#: ``Laporan Tahunan``).
REPORT_TITLE_MORE_WORDS = frozenset({"akuntabilitas", "tahunan"})

#: The offices that print a commission's report under their own name before the
#: commission's: ``Sekretariat Jenderal KPU`` (short ``Setjen``, misspelled ``Jendral``),
#: ``Sekretariat KPU Provinsi ...``, ``Kantor KPU ...``.
SECRETARIAT_WORDS = frozenset({"sekretariat", "jenderal", "jendral", "setjen", "kantor"})

#: Phrases that name the year's measurement in prose (``Pengukuran Kinerja Tahun 2024``),
#: so that a year in the same sentence is the reporting year.
MEASUREMENT_PHRASES = frozenset({"pengukuran kinerja", "capaian kinerja"})

#: Words that say "year" before a year: ``Tahun 2024``, ``TA 2024`` (tahun anggaran),
#: ``Th``/``Thn``.
YEAR_WORDS = frozenset({"tahun", "ta", "th", "thn"})

#: Phrases before a year that make it a fiscal year: ``Tahun Anggaran 2024``, ``TA 2024``.
FISCAL_YEAR_PHRASES = ("tahun anggaran", "ta")

#: How an indicator's extra value is labelled when a comparison table (the year against another
#: year's target) prints it under a header the main table also uses (``Capaian (%)``).
COMPARISON_TABLE = "tabel perbandingan"

#: Words that end a unit's name in a title or a file name: a year word, ``Periode
#: 2020-2024``, ``Nomor``/``No.`` of a decree, ``Tanggal``.
NAME_END_WORDS = YEAR_WORDS | {"periode", "nomor", "no", "tanggal"}

#: Words that open a citation of a legal instrument (``Keputusan KPU RI Nomor 21 Tahun
#: 2019``, ``Surat Edaran ...``, ``PKPU ...``): a body or a year named in a citation is the
#: issuer's or the instrument's, never the reporting unit or the reporting year.
CITATION_WORDS = frozenset({"keputusan", "peraturan", "surat", "edaran", "instruksi", "pkpu", "sk", "undang-undang",
                            "uu", "perpres", "permendagri", "permenpan", "nota", "memorandum"})

#: Words of a legal instrument's number: the year after ``Nomor 21 Tahun`` is the instrument's.
CITATION_NUMBER_WORDS = frozenset({"nomor", "no", "nomer"})

#: Lower-case words of the sentence around a name. A place name printed in capitals
#: (``KOTA SURABAYA YANG ...``) ends before them; ``dan`` may join an agency's name
#: (``Dinas Tenaga Kerja dan Transmigrasi``).
CLAUSE_WORDS = frozenset({"yang", "dan", "dalam", "pada", "sebagai", "untuk", "di", "sebesar", "dengan", "telah",
                          "adalah", "tentang"})

# --------------------------------------------------------------------- tables: pages, headers, captions

#: Header words of performance and budget tables (PermenPAN-RB 53/2014); a page needs two
#: different ones to be read for tables.
TABLE_WORDS = ("target", "realisasi", "capaian", "indikator", "pagu", "anggaran", "satuan", "sasaran", "program",
               "belanja")

#: Pairs of :data:`TABLE_WORDS` that, printed on one page, make a borderless table worth a stream pass.
STRONG_PAIRS = (("target", "realisasi"), ("pagu", "realisasi"), ("anggaran", "realisasi"), ("indikator", "target"))

#: Column roles and the header words that name them, checked in order; the first role
#: one of whose word sets is all in a header wins. Budget roles come before the
#: performance roles whose words they share (``Realisasi Anggaran`` is money, not an
#: indicator's realization). ``reference`` columns compare the year with something else
#: (``Capaian Thn Lalu``, ``Target Akhir Renstra``, ``Nasional``); ``goal_achievement`` is
#: the capaian of the goal (``Capaian Sasaran``) printed once per goal. Both are kept as
#: extras, never as the year's values.
COLUMN_ROLE_WORDS: tuple[tuple[str, tuple[tuple[str, ...], ...]], ...] = (
    ("reference", (("lalu",), ("sebelumnya",), ("akhir", "renstra"), ("akhir", "rpjmd"), ("akhir", "periode"),
                   ("nasional",), ("terhadap", "renstra"), ("terhadap", "rpjmd"), ("terhadap", "tahun"), ("thdp",))),
    ("goal_achievement", (("capaian", "sasaran"), ("capaian", "tujuan"))),
    ("absorption", (("%", "realisasi"), ("persentase", "realisasi"), ("penyerapan",), ("serapan",), ("realisasi", "(%)"))),
    ("budget_realization", (("realisasi", "anggaran"), ("realisasi", "keuangan"), ("realisasi", "rp"))),
    ("remaining", (("sisa",),)),
    ("pagu", (("pagu",), ("alokasi",), ("anggaran",))),
    ("achievement", (("capaian",), ("pencapaian",), ("persentase", "capaian"), ("kinerja", "%"))),
    ("realization", (("realisasi",),)),
    ("target", (("target",), ("rencana",))),
    ("unit", (("satuan",),)),
    ("indicator", (("indikator",),)),
    ("goal", (("sasaran",),)),
    ("program", (("program",), ("kegiatan",), ("uraian",))),
    ("note", (("keterangan",), ("ket.",), ("penjelasan",))),
    ("no", (("no",), ("no.",), ("nomor",))),
    ("assessment", (("kategori",), ("predikat",), ("kriteria",))),
)

#: A header word that, with a year (``Hasil Tahun 2017``), names the year's realisation.
REALIZED_RESULT_WORD = "hasil"

#: Words that make a row a header row rather than data (``NO | SASARAN | INDIKATOR ...``).
HEADER_WORDS = frozenset({
    "no", "no.", "nomor", "sasaran", "strategis", "indikator", "kinerja", "target", "realisasi",
    "capaian", "satuan", "pagu", "anggaran", "program", "kegiatan", "keterangan", "uraian",
    "tujuan", "rencana", "persentase", "(%)", "%", "pencapaian", "sisa", "jenis", "belanja",
    "utama", "iku", "formulasi", "tahun", "penetapan", "perubahan", "serapan",
})

#: Words that open a table's caption; reports in English-style templates print ``Table``.
TABLE_CAPTION_WORDS = ("tabel", "table")

#: Words that open a figure's caption (``Gambar 3.1``, ``Grafik 2``).
FIGURE_CAPTION_WORDS = ("gambar", "grafik")

#: Words that open an appendix heading, numbered like a table's caption (``Lampiran 1``).
APPENDIX_WORDS = ("lampiran",)

#: The heading of one strategic goal (``Sasaran Strategis 2``), printed between two tables.
GOAL_HEADING = "sasaran strategis"

#: Phrases that name the year's measurement in a caption (PermenPAN-RB 53/2014, Bab III);
#: the words may be printed glued (``CapaianKinerja``).
MEASUREMENT_TITLES = (
    "pengukuran", "target dan realisasi", "tingkat capaian", "capaian kinerja", "capaian indikator kinerja",
    "evaluasi kinerja", "evaluasi indikator kinerja", "realisasi kinerja", "realisasi indikator kinerja",
)

#: Words of a caption that make it a measurement even when it names the plan too
#: (``Realisasi Perjanjian Kinerja``).
MEASUREMENT_WORDS = ("pengukuran", "realisasi", "capaian", "evaluasi")

#: Phrases that name the year's plan in a caption: Perjanjian Kinerja, Penetapan
#: (Indikator) Kinerja, Rencana Kinerja/Aksi/Tindak (Lanjut)/Strategis/Kerja.
PLAN_TITLES = (
    "perjanjian kinerja", "penetapan kinerja", "penetapan indikator kinerja", "rencana kinerja", "rencana aksi",
    "rencana tindak", "rencana strategis", "rencana kerja",
)

#: Words after which a caption names what the year is compared with (``dibandingkan dengan
#: tahun lalu``; ``thdp`` is short for terhadap).
COMPARISON_WORDS = ("dengan", "terhadap", "thdp", "dibandingkan", "dibanding")

#: ``sesuai dengan`` (in accordance with) names the plan the targets come from, and compares nothing.
NOT_A_COMPARISON_BEFORE = "sesuai"

#: What a comparison compares with, found anywhere in the caption's tail: the national
#: figure, the medium-term plan (Renstra, RPJMD, jangka menengah), the previous year, a standard.
COMPARED_WITH = ("nasional", "jangka menengah", "renstra", "rpjmd", "sebelumnya", "standar")

#: The same, matched as whole words only: ``lalu`` is inside ``melalui`` (through) and
#: ``akhir`` (the end of the plan period) inside ``berakhir``.
COMPARED_WITH_WORDS = ("lalu", "akhir")

#: Words that head a goal's text (``Sasaran Strategis 1 : ...``, ``Tujuan : ...``), cut in
#: this order so that the longer heading goes first.
GOAL_LABELS = (GOAL_HEADING, "strategis", "sasaran", "tujuan")

#: The levels of the strategic plan above its goals (Visi, Misi, Tujuan): rows naming
#: them head the goals and are no goal of the measurement.
PLAN_LEVELS = ("visi", "misi", "tujuan")

#: Words that open a group row of a table, which no wrapped line continues: a goal, a
#: level above it, or a budget program (``Program Dukungan Manajemen ...``).
GROUP_ROW_WORDS = ("sasaran", *PLAN_LEVELS, "program")

# --------------------------------------------------------------------- budgets

#: Prefixes of spending-type words (Belanja Pegawai, Barang, Modal, Bunga, Subsidi, Hibah,
#: Bantuan Sosial/Bansos, Lain-lain, Transfer) and the category (``spending.category``) each names.
SPENDING_WORDS: dict[str, str] = {
    "pegawai": "pegawai",
    "barang": "barang",
    "modal": "modal",
    "bunga": "beban_bunga",
    "subsidi": "subsidi",
    "hibah": "hibah",
    "bansos": "bansos",
    "sosial": "bansos",
    "lain": "lain_lain",
    "lainlain": "lain_lain",
    "transfer": "transfer",
}

#: Labels of a total row or column (``JUMLAH``, ``Total``, ``Grand Total``).
#: Labels of a subtotal row (of one program's kegiatan): a total of part of the table, never the budget's.
SUBTOTAL_WORDS = ("sub total", "subtotal", "sub jumlah", "jumlah sub")

#: Words of a pagu header naming the revised budget (``Pagu Perubahan``, ``Pagu Setelah Revisi``), against
#: which realisation is measured, and words naming the initial one (``Pagu Awal``, ``Sebelum Perubahan``).
REVISED_BUDGET_WORDS = ("perubahan", "revisi", "setelah", "sesudah", "akhir")
INITIAL_BUDGET_WORDS = ("awal", "murni", "sebelum", "semula", "induk", "penetapan")

#: Words that alone head a pagu column, naming the budget's stage (``Penetapan | Perubahan | Serapan | %``:
#: the APBD as enacted and as revised), with the money words printed beside them.
PAGU_STAGE_WORDS = frozenset({"penetapan", "perubahan", "murni", "induk"})
MONEY_HEADER_WORDS = frozenset({"rp", "rp.", "(rp)", "(rp.)", "apbd"})
#: Words that head a percentage column printed without ``%`` in its cells (``PERSEN``: absorption in a budget table).
PERCENT_HEADER_WORDS = frozenset({"persen", "persentase", "prosentase"})
#: Nouns that make a header label name money (``Pagu Dana (Rp)``, ``Dana Sesudah Perubahan``, ``Penyerapan
#: Dana``) even under a group label of the performance columns (``TARGET KINERJA`` over ``PAGU DANA | DANA
#: SESUDAH PERUBAHAN | PENYERAPAN DANA``, ``REALISASI KINERJA`` over ``DANA (%) | FISIK (%)``).
FUND_WORDS = frozenset({"dana", "anggaran", "pagu", "alokasi"})
#: Words of a money label that make it the amount spent (``Penyerapan Dana (Rp)``), not the budget.
SPENT_WORDS = frozenset({"penyerapan", "serapan", "realisasi", "terealisasi"})
#: Words of a budget table's column that names where the money comes from (``Sumber Dana``: APBD, DAK), no amount.
FUND_SOURCE_WORDS = frozenset({"sumber"})
#: Words of the physical-progress column of a budget or activity table (``Fisik (%)``, ``Realisasi Fisik``):
#: the works' progress, neither money nor an indicator's achievement.
PHYSICAL_PROGRESS_WORDS = frozenset({"fisik"})
#: Words of a money label that make it what is left of the budget (``Sisa Anggaran``).
REMAINDER_WORDS = frozenset({"sisa"})
#: Words of the money labels of a budget table's header row, beside :data:`HEADER_WORDS` (``PAGU DANA (Rp) |
#: DANA SESUDAH PERUBAHAN | PENYERAPAN DANA (Rp) | FISIK``): a header row printed under a group label.
MONEY_LABEL_WORDS = FUND_WORDS | SPENT_WORDS | PHYSICAL_PROGRESS_WORDS | frozenset(
    {"(rp)", "(rp.)", "sesudah", "sebelum", "setelah"})

TOTAL_WORDS = ("total", "jumlah", "grand total")

#: Header words of a column that holds one period of the year (``Realisasi TW I``, ``Triwulan 2``,
#: ``Semester I``): UPBU Tardamu prints the realisation per quarter beside a ``Total`` column.
PERIOD_WORDS = ("tw", "triwulan", "trw", "twl", "semester", "smt", "kuartal", "quarter")
#: Header words of a column that sums the periods, or runs through the last one (``s.d. TW IV``).
CUMULATIVE_WORDS = ("total", "jumlah", "akumulasi", "kumulatif", "s.d", "s.d.", "s/d", "sd")

#: Words of a budget table's caption or row labels that name revenue (``Realisasi Pendapatan Asli Daerah``),
#: spending (``Belanja Langsung``) and indirect spending, which has no programmes (salaries by account).
REVENUE_WORDS = ("pendapatan",)
SPENDING_CAPTION_WORDS = ("belanja",)
INDIRECT_SPENDING_WORDS = ("tidak langsung",)

#: Header words of a budget table's account-code column (``Kode``, ``Kode Rekening``, ``Rek``, ``Kd. Rek``).
CODE_HEADER_WORDS = ("kode", "kd", "rek", "rekening", "koderekening")

#: Labels of an average row (``RATA-RATA``, ``Rerata``) closing a measurement table.
AVERAGE_WORDS = ("rata-rata", "rerata")

#: First words of the rows of a spending table printed with types as columns
#: (``PAGU``/``ALOKASI``/``ANGGARAN``, ``REALISASI``, ``SISA``), and the value each row holds.
BUDGET_ROW_LABELS: dict[str, str] = {"pagu": "pagu", "alokasi": "pagu", "anggaran": "pagu", "realisasi": "realization",
                                     "sisa": "remaining"}

#: Words before an amount in prose that make it the budget's realization (``terealisasi
#: sebesar Rp ...``, ``penyerapan anggaran``); checked before :data:`PROSE_PAGU_WORDS`.
PROSE_REALIZATION_WORDS = frozenset({"realisasi", "terealisasi", "penyerapan"})

#: Words before an amount in prose that make it the budget (``pagu anggaran sebesar Rp ...``).
PROSE_PAGU_WORDS = frozenset({"pagu", "anggaran", "dianggarkan", "alokasi", "sebesar"})

# --------------------------------------------------------------------- values: units, scales, numbers

#: Canonical units of a value that are no count: percent, rupiah, a SAKIP grade.
PERCENT = "%"
RUPIAH = "rupiah"
GRADE = "grade"

#: Canonical unit -> the spellings and abbreviations printed after a number (``2 Lap``,
#: ``3 Dok``, ``12 Kali``, ``100 Persen``), and the words of a Satuan column (``Persentase``: a
#: percentage spelt out). ``Prosen`` is the old spelling of persen;
#: ``Doc``/``Dokument`` and ``Point`` are English and Dutch-style spellings. Looked up
#: lower-case with a trailing full stop removed.
UNIT_ALIASES: dict[str, tuple[str, ...]] = {
    PERCENT: ("persen", "prosen", "persentase", "percent", "pct"),
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
#: Words between the two ends of a range printed in one cell (``75,70 - 76,20``, ``2 s/d 3
#: Dokumen``, ``80 sampai dengan 85 %``); a dash is the other way to print one.
#: How the two ends of a range are labelled beside the field that printed it (``target (batas bawah)``).
RANGE_END_LABELS = ("batas bawah", "batas atas")

RANGE_WORDS = ("s/d", "s.d.", "s.d", "sd", "sampai dengan", "sampai", "hingga")

QUALIFIER_WORDS = frozenset({"min", "minimal", "minimum", "maks", "maksimal", "maksimum", "max"})

# --------------------------------------------------------------------- indicator wordings

#: Words that turn an indicator into its opposite (``belum ditindaklanjuti``).
NEGATIONS = frozenset({"tidak", "belum", "tanpa", "bukan"})

#: Words of spaCy's Indonesian stop list that carry meaning in an indicator and are kept
#: in match forms: negations, measures, time limits, amounts (``tanpa ada permasalahan``,
#: ``Jumlah``, ``tepat waktu``, ``setiap bulan``, ``paling lambat 1 hari``).
KEEP_WORDS = NEGATIONS | {
    "kurang", "lebih", "jumlah", "tepat", "waktu", "hari", "bulan", "tahun", "setiap", "paling", "lambat",
    "sebelum", "sesudah", "setelah", "akhir", "awal", "sampai", "sudah", "baik", "umum", "benar", "sama", "bagian",
}

#: Words that say how an indicator is measured, as its first word; two indicators
#: measured differently differ.
#: Word endings that a narrow table cell breaks off without a hyphen (``Perlindung`` / ``an``,
#: ``Meningk`` / ``atnya``, ``komunika`` / ``si``) and that are no Indonesian word of their own.
BROKEN_WORD_TAILS = frozenset({"an", "aan", "kan", "nya", "atnya", "si", "kannya", "annya"})

#: Words of an indicator's code printed before its text (``IKS 1.1`` Indikator Kinerja Sasaran,
#: ``IKU 2`` Indikator Kinerja Utama, ``IK 3``).
INDICATOR_CODE_WORDS = frozenset({"iks", "iku", "ik", "iki"})

MEASURE_WORDS = frozenset({"persentase", "jumlah", "nilai", "tingkat", "indeks", "rasio", "rata", "predikat", "opini"})

#: Spelling variants found in LKj reports and the spelling labels get: ``Prosentase`` and
#: ``Percentase`` beside Persentase; ``Propinsi`` is the old spelling of Provinsi.
SPELLING: dict[str, str] = {
    "percentase": "persentase", "prosentase": "persentase", "presentase": "persentase",
    "prosentasi": "persentase", "persentasi": "persentase", "propinsi": "provinsi",
}

#: Typos of repeated letters and syllables (regular expression, replacement), from the
#: seed report's ``memutakhirkkan`` and ``memutakhirkankan``: Indonesian words have no
#: ``kk``, no tripled letter and no ``-kankan``. Other one-letter typos (``penugasananya``)
#: are left to the matcher: a rule for them would also change real words (``rencananya``).
TYPOS = ((r"([a-z])\1{2,}", r"\1"), (r"kk", "k"), (r"(kan){2,}$", "kan"))

#: Words printed as two (``Pertanggung jawaban``, ``Data Base``) and read as one.
JOINED_WORDS = (("pertanggung", "jawaban"), ("data", "base"))

#: Abbreviations expanded in match forms (labels keep what was printed). A short list:
#: expanding a word that is also a common word would create matches. The kinds' and the
#: commissions' abbreviations come from :data:`REGION_KIND_WORDS` and :data:`AGENCY_WORDS`.
ABBREVIATIONS: dict[str, str] = {
    "kec": "kecamatan", "bmn": "barang milik negara", "sdm": "sumber daya manusia", "ti": "teknologi informasi",
    "tik": "teknologi informasi komunikasi", "diklat": "pendidikan pelatihan", "bimtek": "bimbingan teknis",
    "lap": "laporan", "dpt": "daftar pemilih tetap", "renja": "rencana kerja", "renstra": "rencana strategis",
    "monev": "monitoring evaluasi", "parpol": "partai politik", "pemilu": "pemilihan umum",
    "pilkada": "pemilihan kepala daerah",
}

#: The level a region kind belongs to, as KPU RI's indicator templates name it
#: (``KPU Kabupaten/Kota``, ``KPU Provinsi``): a unit's own name in an indicator becomes its level.
LEVEL_NAMES: dict[str, str] = {"kabupaten": "Kabupaten/Kota", "kota": "Kabupaten/Kota", "provinsi": "Provinsi"}

# --------------------------------------------------------------------- what a document is

#: The title a document prints on its cover, by the kind of document it names
#: (``reports.document_type``). A performance report (``lkj``) is the LKj and its older names
#: (LAKIP, LKjIP, LKIP: ``Laporan Akuntabilitas Kinerja Instansi Pemerintah``); ``renstra`` the
#: five-year strategic plan; ``pk`` the performance agreement (``Penetapan Kinerja`` before
#: 2015); ``renaksi`` the action plan and its monitoring; ``lra`` the budget realisation
#: report. ``other`` collects the titles of documents that are none of these and print
#: indicators or budgets too: regulations and decrees (a ``Keputusan`` setting the IKU, the
#: PermenPAN-RB on LKj), a Renja and its evaluation, a physical and financial realisation
#: report (RFK). Phrases are lower-case and matched as whole words on a title line.
DOCUMENT_TITLES: dict[str, tuple[str, ...]] = {
    "lkj": ("laporan kinerja", "laporan akuntabilitas kinerja", "lakip", "lkjip", "lkip", "lkj", "lki"),
    "renstra": ("rencana strategis", "renstra"),
    "pk": ("perjanjian kinerja", "penetapan kinerja"),
    "renaksi": ("rencana aksi", "renaksi"),
    "lra": ("laporan realisasi anggaran",),
    "other": ("peraturan", "keputusan", "rencana kerja", "renja", "realisasi fisik dan keuangan"),
}

#: Words with which a document names itself in its prose, when its cover is an image or
#: missing: ``penyusunan Laporan Kinerja ...``, ``Renstra ini``. ``tentang`` opens the title of a
#: cited instrument (``Permenpan ... tentang Pedoman Penyusunan Penetapan Kinerja``), which
#: names another document.
DOCUMENT_SELF_BEFORE = ("penyusunan", "menyusun", "disusunnya")
DOCUMENT_SELF_AFTER = ("ini",)
CITED_TITLE_WORD = "tentang"

#: What lkj's warning messages name, in the Indonesian a report prints (``db/messages.py``
#: writes each message for a researcher in Indonesian beside the English): value fields, the
#: readings of a separator, value kinds, totals' sources and the tables compared.
MESSAGE_WORDS_ID: dict[str, str] = {
    "target": "target", "realization": "realisasi", "achievement": "capaian", "pagu": "pagu", "absorption": "penyerapan",
    "remaining": "sisa", "thousands": "ribuan", "decimal": "desimal", "count": "jumlah", "percent": "persen",
    "money": "uang", "number": "angka", "text": "teks", "grade": "nilai huruf", "range": "rentang",
    "program_total": "baris total program", "program_sum": "jumlah program", "spending_total": "total belanja",
    "prose": "uraian teks", "before": "sebelum", "after": "sesudah",
    "convention id": "format angka dokumen (1.234,5)", "convention en": "format angka dokumen (1,234.5)",
    "percent context (no document convention)": "konteks persen (format angka dokumen tidak diketahui)",
    "default convention id (no document convention)": "format angka 1.234,5 (format angka dokumen tidak diketahui)",
    "indicator": "indikator", "spending": "belanja", "program": "program",
}

#: Header words of columns that grade or comment on a row (``Kategori`` / ``Predikat`` over
#: ``Sangat Baik``, ``Keterangan`` over ``Tercapai``) and of other years' columns (``Target
#: Akhir Renstra``, ``Realisasi Tahun Lalu``). With :data:`HEADER_WORDS` and the words of
#: :data:`COLUMN_ROLE_WORDS` they are what a borderless table's header lines are made of.
ASSESSMENT_HEADER_WORDS = frozenset({"kategori", "predikat", "kriteria", "keterangan", "ket", "status",
                                     "akhir", "renstra", "rpjmd", "lalu", "sebelumnya", "nasional"})

#: Glyphs that open a list item (``• Melakukan monitoring ...``): a line they open is prose, never a table header.
BULLET_GLYPHS = ("•", "·", "▪", "➢", "\uf0d8", "\uf0b7", "\uf0a7")
#: What opens a sub-item row under an indicator (``- Daging``, ``• Telur``, ``o Padi``).
SUB_ITEM_BULLETS = ("-", "–", *BULLET_GLYPHS, "o")
