"""The seed report (KPU Kabupaten Lampung Utara, LKj 2024) typed by hand.

Source: shared/seeds/lkj-kpu-lampung-utara-2024.txt.  Every string below is as
printed there (typos included: "memutakhirkkan", "penugasananya",
"perundang- undangan", "Percentase", "10..").  The typed values next to the
raw strings are written by hand, not parsed.
"""
from .fmt import V

P = lambda raw, v: V(float(v), "%", raw)          # noqa: E731  percent
C = lambda raw, n, u: V(n, u, raw)                # noqa: E731  count
G = lambda raw: V(None, "grade", raw)             # noqa: E731  grade letter
B = V(None, None, "")                             # blank cell

# ---------------------------------------------------------------- Tabel 3/4/5
# goal no as printed, goal text, [(indicator, target)]; texts as in Tabel 3.
T3 = [
    ("1.", "Terwujudnya Dukungan Sarana dan Prasarana Guna Meningkatkan Kelancaran Tugas KPU",
     [("Persentase Tersedianya Sarana dan Prasarana untuk Memenuhi Kebutuhan Kerja Pegawai yang Berfungsi dengan Baik", "100%")]),
    ("2.", "Meningkatnya Kapasitas SDM yang Berkompeten",
     [("Persentase kesesuaian kompetensi pegawai terhadap standar kompetensi penugasannya", "100%")]),
    ("3.", "Meningkatnya Akuntabilitas Keuangan dan Kinerja KPU",
     [("Nilai Evaluasi atas Akuntabilitas Kinerja KPU", "B")]),
    ("4.", "Terwujudnya sistem administrasi penyelenggaraan Pemilu yang tertib, efektif dan efisien",
     [("Persentase laporan Monitoring dan Evaluasi yang Akuntabel dan Tepat Waktu", "75%"),
      ("Persentase KPU Kabupaten/Kota yang Target Kinerjanya Tercapai sesuai dengan Perjanjian Kinerja", "90%")]),
    ("5.", "Terlaksananya sistem akuntansi dan pelaporan keuangan",
     [("Jumlah laporan sistem akuntansi dan pelaporan keuangan", "2 Lap")]),
    ("6.", "Terselesaikannya permasalahan pengelolaan keuangan",
     [("Persentase permasalahan dalam pengelolaan keuangan yang dapat diselesaikan", "90%")]),
    ("7.", "Tersusunnya laporan pertanggungjawaban penggunaan anggaran",
     [("Persentase KPU Provinsi dan KPU Kabupaten/Kota yang Menyampaikan Laporan Pertanggungjawaban Penggunaan Anggaran berbasis SIMONIKA yang Tepat Waktu dan Valid", "95%")]),
    ("8.", "Terwujudnya Pengelolaan Barang Milik Negara sesuai dengan Peraturan dan Perundangan yang berlaku",
     [("Persentase KPU Provinsi dan KPU Kabupaten/Kota yang Patuh dan Tertib dalam Pengelolaan Barang Milik Negara yang Material", "98%"),
      ("Jumlah Laporan Barang Milik Negara Berdasarkan SIMAK BMN yang Datanya Sesuai dengan Data SAK", "5 Lap")]),
    ("9.", "Meningkatnya Kualitas Tata Kelola Administrasi Persuratan dan Pengelolaan Arsip",
     [("Persentase KPU Provinsi dan KPU Kabupaten/Kota yang Mengelola Arsip Inaktif Sesuai Aturan Kearsipan", "87,5%")]),
    ("10..", "Terwujudnya Keamanan dan Ketertiban di lingkungan KPU/KPU Provinsi/KPU Kabupaten/Kota",
     [("Persentase gangguan keamanan dalam lingkungan KPU/KPU Provinsi/KPU Kabupaten/Kota yang dapat ditanggulangi", "100%")]),
    ("11.", "Terwujudnya rencana kerja dan anggaran KPU, KPU Provinsi/KIP Aceh dan KPU/KIP Kabupaten/Kota yang efektif dan efisien",
     [("Jumlah revisi yang dilakukan terhadap rencana kerja yang telah ditetapkan", "12 Kali")]),
    ("12.", "Terwujudnya Reformasi Birokrasi di KPU Provinsi dan KPU Kabupaten/Kota",
     [("Terwujudnya Reformasi Birokrasi di KPU Provinsi dan KPU Kabupaten/Kota", "100%")]),
    ("13.", "Tersedianya data, informasi, sarana dan prasarana teknologi informasi serta penerapan e-government KPU",
     [("Persentase Sarana dan Prasarana Teknologi Informasi untuk Sistem Informasi yang aman, handal dan lancar", "100%")]),
    ("14.", "Terwujudnya Data Pemilih Tepat Waktu",
     [("Persentase KPU Kabupaten Lampung Utara yang memutakhirkkan Data Pemilih Tepat Waktu", "100%")]),
    ("15.", "Persentase Sarana dan Prasarana Teknologi Informasi untuk SistemInformasi yang aman, handal dan lancar",
     [("Persentase KPU Kabupaten Lampung Utara yang menyelenggarakan Pemilu/Pemilihan tanpa ada permasalahan anggaran dalam pemenuhan kebutuhan logistik", "100%"),
      ("Persentase KPU Kabupaten Lampung Utara melaksanakan pengadaan logistik keperluan Pemilu/Pemilihan dengan tanpa ada kasus terhadap proses pengadaan yang mengakibatkan kerugian negara atau pemborosan uang negara", "100%"),
      ("Persentase KPU Kabupaten Lampung Utara yang menginventarisir dan memelihara logistik Pemilu/Pemilihan 1 (satu) hari sebelum pelaksanaan pemungutan suara dalam Pemilu/Pemilihan", "100%")]),
    ("16.", "Ketersediaan Logistik Pemilu",
     [("Persentase penyediaan logistik Pemilu", "1 Satker")]),
    ("17.", "Ketersediaan Suara Pemilih Hasil Pemilu",
     [("Persentase Pelaksanaan Pemungutan sampai dengan penetapan hasil Pemilu", "1 Satker")]),
    ("18.", "Tersedianya data dan informasi kepegawaian",
     [("Persentase Pegawai yang Tercatat secara akurat dalam Data Base Kepegawaian berbasis teknologi informasi", "95%")]),
    ("19.", "Tata Kelola Kelembagaan Publik Bidang Politik dan Hukum",
     [("Persentase Pelaksanaan Bimtek dan Penerapan Regulasi Kepemiluan Oleh KPU Kabupaten/Kota", "100%")]),
    ("20.", "Terlaksananya Penyusunan Rancangan Peraturan KPU sesuai dengan Peraturan Perundang-undangan",
     [("Persentase Rancangan Peraturan KPU yang disusun dan diharmonisasi Tepat Waktu sesuai dengan Regulasi KPU", "100%")]),
    ("21.", "Terlaksananya penetapan Peraturan KPU sesuai dengan ketentuan peraturan perundang- undangan, serta Pendokumentasian informasi hukum, dan penyuluhananya",
     [("Persentase produk hukum yang dikelola dan didokumentasikan sesuai peraturan perundang-undangan", "100%"),
      ("Persentase Informasi Produk Hukum yang disajikan secara Cepat, Tepat dan Akurat sesuai dengan SOP", "100%"),
      ("Persentase Dokumentasi dan Informasi Produk Hukum yang terpublikasi dan dapat secara Mudah diakses oleh Masyarakat", "100%")]),
    ("22.", "Meningkatnya Penyelenggaraan SPIP",
     [("Persentase penyampaian laporan SPIP KPU Provinsi dan KPU Kab./Kota ke KPU", "100%")]),
    ("23.", "Terlaksananya layanan administrasi PAW tepat waktu dan sesuai aturan",
     [("Persentase proses PAW anggota DPR dan DPD, DPRD Provinsi dan DPRD Kabupaten/Kota dapat diselesaikan dalam waktu 5 hari kerja", "100%")]),
    ("24.", "Tersedianya pedoman laporan dan audit dana kampanye, verifikasi partai politik dan/ atau anggota perorangan DPD",
     [("Persentase data kepengurusan dan keanggotaan partai politik yang dimutakhirkan", "100%")]),
    ("25.", "Meningkatnya kualitas layanan informasi dan data yang cepat serta akurat",
     [("Persentase informasi dan publikasi tahapan Pemilu/Pemilihan yang ditampilkan di media publikasi KPU paling lambat 1 (satu) hari kerja", "100%")]),
    ("26.", "Sosialisasi Kebijakan KPU Kepada Stakeholder (Partai Politik, LSM, Ormas, Pemerintah Daerah, Perguruan Tinggi, dan Masyarakat)",
     [("Persentase penyampaian informasi dan publikasi dalam tahapan Pemilu/Pemilihan yang ditampilkan di media publikasi", "100%")]),
]

# Tabel 4 differs from Tabel 3 in one word.
T4_INDICATOR_OVERRIDES = {
    ("2.", 0): "Persentase kesesuaian kompetensi pegawai terhadap standar kompetensi penugasananya",
}

# Tabel 5 texts that differ from Tabel 3.
T5_GOAL_OVERRIDES = {
    "15.": "Persentase Sarana dan Prasarana Teknologi Informasi untuk Sistem Informasi yang aman, handal dan lancar",
    "21.": "Terlaksananya penetapan Peraturan KPU sesuai dengan ketentuan peraturan perundang- undangan, serta Pendokumentasian informasi hukum, dan penyuluhan",
}
T5_INDICATOR_OVERRIDES = {
    ("2.", 0): "Persentase kesesuaian kompetensi pegawai terhadap standar kompetensi penugasananya",
    ("14.", 0): "Persentase KPU Kabupaten Lampung Utara yang memutakhirkankan Data Pemilih Tepat Waktu",
    ("21.", 0): "Persentase produk hukum yang dikelola dan didokumentasikan sesuai peraturan perundang- undangan",
}

# Tabel 5 values: (Target (%), Target (Kegiatan), Realisasi, Capaian (%)), typed by hand.
P100 = P("100%", 100)
T5_VALUES = {
    ("1.", 0): (P100, P100, P100, P100),
    ("2.", 0): (P100, P100, B, B),
    ("3.", 0): (G("B"), G("B"), G("BB"), P("88%", 88)),
    ("4.", 0): (P("75%", 75), P("75%", 75), P("75%", 75), P100),
    ("4.", 1): (P("90%", 90), P("90%", 90), P("90%", 90), P100),
    ("5.", 0): (C("2 Lap", 2, "laporan"), C("2 Lap", 2, "laporan"), C("2 Lap", 2, "laporan"), P100),
    ("6.", 0): (P("90%", 90), P("90%", 90), P("90%", 90), P100),
    ("7.", 0): (P("95%", 95), P("95%", 95), P("95%", 95), P100),
    ("8.", 0): (P("98%", 98), P("98%", 98), P("98%", 98), P100),
    ("8.", 1): (C("5 Lap", 5, "laporan"), C("5 Lap", 5, "laporan"), C("5 Lap", 5, "laporan"), P100),
    ("9.", 0): (P("87,5%", 87.5), P("87,5%", 87.5), P("87,5%", 87.5), P100),
    ("11.", 0): (C("12 Kali", 12, "kali"), C("12 Kali", 12, "kali"), B, B),
    ("12.", 0): (P100, P100, B, B),
    ("16.", 0): (C("1 Satker", 1, "satker"), C("1 Satker", 1, "satker"), C("1 Satker", 1, "satker"), P100),
    ("17.", 0): (C("1 Satker", 1, "satker"), C("1 Satker", 1, "satker"), C("1 Satker", 1, "satker"), P100),
    ("18.", 0): (P("95%", 95), P("95%", 95), P("95%", 95), P100),
}  # every other row: 100% in all four columns

T5_TITLE = ("Tabel 5. Pengukuran Kinerja Terhadap Perjanjian Kinerja (PK) Komisi Pemilihan "
            "Umum Lampung Utara Tahun 2024.")
T6_TITLE = ("Tabel 6. Pengukuran Kinerja Terhadap Perjanjian Kinerja (PK) Komisi Pemilihan "
            "Umum Lampung Utara Tahun 2024.")

# ---------------------------------------------------------------- per-goal tables
# Each goal: goal text, rows; a row is (indicator lines, target lines, target
# kegiatan lines, realisasi lines, capaian lines).  Several lines in one cell
# are the seed's "two values in one cell" rows (goals 8, 15, 21).
D = {
    1: ("Terwujudnya Dukungan Sarana dan Prasarana Guna Meningkatkan Kelancaran Tugas KPU",
        [(["Persentase Tersedianya Sarana dan Prasarana untuk Memenuhi Kebutuhan Kerja Pegawai yang Berfungsi dengan Baik"], [P100], [P100], [P100], [P100])]),
    2: ("Meningkatnya kapasitas SDM yang berkompeten.",
        [(["Percentase Pegawai yang telah Mengikuti Pendidikan dan Pelatihan dalam Rangka Peningkatan Kompetensi SDM"],
          [P("90%", 90)], [C("2 Orang", 2, "orang")], [C("0 orang", 0, "orang")], [P("0 %", 0)])]),
    3: ("Meningkatnya Akuntabilitas Keuangan dan Kinerja KPU",
        [(["Nilai Evaluasi atas Akuntabilitas Kinerja KPU"], [G("B")], [G("B")], [G("BB")], [P("88%", 88)])]),
    4: ("Terwujudnya sistem administrasi penyelenggaraan Pemilu yang tertib, efektif dan efisien",
        [(["Persentase laporan Monitoring dan Evaluasi yang Akuntabel dan Tepat Waktu"],
          [P("75%", 75)], [P("75%", 75)], [P("75%", 75)], [P100]),
         (["Persentase KPU Kabupaten/Kota yang Target Kinerjanya Tercapai sesuai dengan Perjanjian Kinerja"],
          [P("90 %", 90)], [P("90 %", 90)], [P("90 %", 90)], [P100])]),
    5: ("Terlaksananya sistem akuntansi dan pelaporan keuangan",
        [(["Jumlah laporan sistem akuntansi dan pelaporan keuangan"],
          [C("2 Lap", 2, "laporan")], [C("2 Lap", 2, "laporan")], [C("2 Lap", 2, "laporan")], [P100])]),
    6: ("Terselesaikannya permasalahan pengelolaan keuangan",
        [(["Persentase permasalahan dalam pengelolaan keuangan yang dapat diselesaikan"],
          [P("90 %", 90)], [P("90 %", 90)], [P("90 %", 90)], [P100])]),
    7: ("Tersusunnya Laporan Pertanggungjawaban Penggunaan Anggaran",
        [(["Persentase KPU Provinsi dan KPU Kabupaten/Kota yang menyampaikan Laporan Pertanggung jawaban Penggunaan Anggaran berbasis Simonika yang tepat waktu dan valid"],
          [P("95%", 95)], [P("95%", 95)], [P("95%", 95)], [P100])]),
    8: ("Terwujudnya Pengelolaan Barang Milik Negara sesuai dengan peraturan dan Perundangan yang berlaku",
        [(["Percentase KPU Provinsi, dan KPU Kabupaten/Kota yang Patuh dan tertib dalam Pengelolaan Barang Milik Negara yang material",
           "Jumlah Laporan Barang Milik Negara Berdasarkan SIMAK BMN yang Datanya Sesuai dengan Data SAK"],
          [P("98%", 98)], [P("98%", 98)], [C("2 laporan", 2, "laporan"), C("5 Lap", 5, "laporan")],
          [P100, P("80%", 80)])]),
    9: ("Meningkatnya Kualitas Tata Kelola Administrasi Persuratan dan Pengelolaan Arsip",
        [(["Persentase KPU Provinsi dan KPU Kabupaten/Kota yang Mengelola Arsip Inaktif Sesuai Aturan Kearsipan"],
          [P("87.5%", 87.5)], [P("87.5%", 87.5)], [P("87.5%", 87.5)], [P100])]),
    10: ("Terwujudnya Keamanan dan Ketertiban di lingkungan KPU/KPU Provinsi/KPU Kabupaten/Kota",
         [(["Persentase gangguan keamanan dalam lingkungan KPU/KPU Provinsi/KPU Kabupaten/Kota yang dapat ditanggulangi"],
           [P100], [P100], [P100], [P100])]),
    11: ("Terwujudnya rencana kerja dan anggaran KPU, KPU Provinsi/ KIP Aceh dan KPU/KIP Kabupaten/Kota yang efektif dan efisien",
         [(["Jumlah revisi yang dilakukan terhadap rencana kerja yang telah ditetapkan"],
           [C("10 Kali", 10, "kali")], [C("10 Kali", 10, "kali")], [C("25 Kali", 25, "kali")], [P("250 %", 250)])]),
    12: ("Terwujudnya Reformasi Birokrasi di KPU Provinsi dan KPU Kabupaten/Kota",
         [(["Terwujudnya Reformasi Birokrasi di KPU Provinsi dan KPU Kabupaten/Kota"],
           [P100], [P100], [P("75 %", 75)], [P("75 %", 75)])]),
    13: ("Tersedianya data, informasi, sarana dan prasarana teknologi informasi serta penerapan e-government KPU",
         [(["Persentase Sarana dan Prasarana Teknologi Informasi untuk Sistem Informasi yang aman, handal dan lancar"],
           [P100], [P100], [P100], [P100])]),
    14: ("Terwujudnya Data Pemilih Tepat Waktu",
         [(["Persentase KPU Kabupaten Lampung Utara yang memutakhirkkan Data Pemilih Tepat Waktu"],
           [P100], [P100], [P100], [P100])]),
    15: ("Persentase Sarana dan Prasarana Teknologi Informasi untuk Sistem Informasi yang aman, handal dan lancar",
         [(["Persentase KPU Kabupaten Lampung Utara yang menyelenggarakan Pemilu/Pemilihan tanpa ada permasalahan anggaran dalam pemenuhan kebutuhan logistik",
            "Persentase KPU Kabupaten Lampung Utara melaksanakan pengadaan logistik keperluan Pemilu/Pemilihan dengan tanpa ada kasus terhadap proses pengadaan yang mengakibatkan kerugian negara atau pemborosan uang negara",
            "Persentase KPU Kabupaten Lampung Utara yang menginventarisir dan memelihara logistik Pemilu/Pemilihan 1 (satu) hari sebelum pelaksanaan pemungutan suara dalam Pemilu/Pemilihan"],
           [P100] * 3, [P100] * 3, [P100] * 3, [P100] * 3)]),
    16: ("Ketersediaan Logistik Pemilu",
         [(["Persentase penyediaan logistik Pemilu"], [C("1 Satker", 1, "satker")], [C("1 Satker", 1, "satker")],
           [C("1 Satker", 1, "satker")], [C("1 Satker", 1, "satker")])]),
    17: ("Ketersediaan Suara Pemilih Hasil Pemilu",
         [(["Persentase Pelaksanaan Pemungutan sampai dengan penetapan hasil Pemilu"],
           [C("1 Satker", 1, "satker")], [C("1 Satker", 1, "satker")], [C("1 Satker", 1, "satker")], [P("100 %", 100)])]),
    18: ("Tersedianya data dan informasi kepegawaian",
         [(["Persentase Pegawai yang Tercatat secara akurat dalam Data Base Kepegawaian berbasis teknologi informasi"],
           [C("1 Satker", 1, "satker")], [C("1 Satker", 1, "satker")], [C("1 Satker", 1, "satker")], [P("100 %", 100)])]),
    19: ("Tata Kelola Kelembagaan Publik Bidang Politik dan Hukum",
         [(["Persentase Pelaksanaan Bimtek dan Penerapan Regulasi Kepemiluan Oleh KPU Kabupaten/ Kota"],
           [P100], [P100], [P100], [P100])]),
    20: ("Terlaksananya Penyusunan Rancangan Peraturan KPU sesuai dengan Peraturan Perundang-undangan",
         [(["Persentase Rancangan Peraturan KPU yang disusun dan diharmonisasi Tepat Waktu sesuai dengan Regulasi KPU"],
           [P100], [P100], [P100], [P100])]),
    21: ("Terlaksananya penetapan Peraturan KPU sesuai dengan ketentuan peraturan perundang-undangan, serta pendokumentasian informasi hukum, dan penyuluhanya",
         [(["Persentase produk hukum yang dikelola dan didokumentasikan sesuai peraturan perundang-undangan"],
           [P("97%", 97)], [P("97%", 97)], [P("97 %", 97)], [P("100 %", 100)]),
          (["Persentase Informasi Produk Hukum yang disajikan secara Cepat, Tepat dan Akurat sesuai dengan SOP",
            "Persentase Dokumentasi dan Informasi Produk Hukum yang terpublikasi dan dapat secara Mudah diakses oleh Masyarakat"],
           [P("93%", 93), P100], [P("93%", 93), P100], [P("93 %", 93), P100], [P("100 %", 100), P100])]),
    22: ("Meningkatnya Penyelenggaraan SPIP",
         [(["Persentase penyampaian laporan SPIP KPU Provinsi dan KPU Kab./Kota ke KPU"], [P100], [P100], [P100], [P100])]),
    23: ("Terlaksananya layanan administrasi PAW tepat waktu dan sesuai aturan",
         [(["Persentase proses PAW anggota DPR dan DPD, DPRD Provinsi dan DPRD Kabupaten/Kota dapat diselesaikan dalam waktu 5 hari kerja"],
           [P100], [P100], [P100], [P100])]),
    24: ("Tersedianya pedoman laporan dan audit dana kampanye, verifikasi partai politik dan/atau anggota perorangan DPD",
         [(["Persentase data kepengurusan dan keanggotaan partai politik yang dimutakhirkan"], [P100], [P100], [P100], [P100])]),
    25: ("Meningkatnya kualitas layanan informasi dan data yang cepat serta akurat",
         [(["Persentase informasi dan publikasi tahapan Pemilu/Pemilihan yang ditampilkan di media publikasi KPU paling lambat 1 (satu) hari kerja"],
           [P100], [P100], [P100], [P100])]),
    26: ("Sosialisasi Kebijakan KPU Kepada Stakeholder (Partai Politik, LSM, Ormas, Pemerintah Daerah, Perguruan Tinggi, dan Masyarakat)",
         [(["Percentase penyampaian informasi dan publikasi dalam tahapan Pemilu/Pemilihan yang ditampilkan di media publikasi"],
           [P100], [P100], [P100], [P100])]),
}

# Short analysis text printed under each per-goal table (first sentence(s) of the seed's).
D_TEXT = {
    1: "Dukungan Sarana dan Prasarana Guna Meningkatkan Kelancaran Tugas KPU Lampung Utara berupa terfasilitasinya layanan perkantoran dan Operasional Perkantoran dalam rangka memenuhi kebutuhan kerja Pegawai, dan pada tahun 2024 realisasi nya mencapai 100% dari target yang telah ditetapkan sebesar 100%.",
    2: "KPU Lampung Utara selama tahun 2024, tidak ada mengikuti pendidikan dan pelatihan peningkatan kapasitas pegawai dikarenakan di tahun 2024 KPU Lampung Utara sedang melaksanakan Pemilu dan Pemilihan Serentak Tahun 2024, sehingga capaian pada tahun 2024 0%.",
    3: "Penilaian atas Sistem akuntabilitas kinerja Instansi Pemerintah Pada Tahun 2023 , KPU Kabupaten Lampung Utara mendapatkan Nilai dengan Bobot 70.65 (BB) mengalami kenaikan 8.85% dibanding kan Tahun 2022 yang mendapat Bobot 61.80",
    4: "KPU Lampung Utara dalam melakukan monitoring dan Evaluasi dilakukan melalui Aplikasi e Monev Bappenas dan Aplikasi Sakti dengan melaporkan realisasi anggaran dan realisasi kegiatan yang dilakukan setiap Bulan.",
    5: "KPU Kabupaten Lampung Utara pada tahun 2024 telah menyusun laporan keuangan 2 laporan yaitu Laporan Semester I dan Laporan Keuangan Semester II dengan sasaran strategis terlaksananya sistem akuntansi pelaporan keuangan telah tercapai 100% capaian",
    6: "Permasalahan dalam pengelolaan keuangan di KPU Lampung Utara pada Tahun 2024 tidak ada permasalahan.",
    7: "KPU Kabupaten Lampung Utara pada tahun 2024 telah menyusun Laporan Pertanggungjawaban Penggunaan Anggaran dengan sasaran strategis Tersusunnya Laporan Pertanggungjawaban Penggunaan Anggaran telah tercapai 100% capaian.",
    8: "Pada tahun 2024 pengelolaan BMN pada KPU Kabupaten Lampung Utara telah dituangkan ke dalam laporan CALBM semester I dan Semester II dan telah direview oleh Inspektorat Jenderal KPU dengan hasil baik.",
    9: "Pada Tahun 2024 KPU Lampung Utara telah Mengelola arsip inaktif sesuai dengan aturan kearsipan sesuai dengan target kegiatan yang telah di tetapkan sehingga pada Tahun 2024 memperoleh capaian 100%",
    10: "Pada Tahun 2024 Tidak adanya identifikasi potensi gangguan keamanan yang mengganggu keamanan dalam lingkungan KPU Kabupaten Lampung Utara.",
    11: "Jumlah revisi anggaran yang dilaksanakan pada tahun 2024 terealisasi 25 kali revisi dari target yang ditetapkan 10 kali.",
    12: "Kemenpan dan RB melakukan Evaluasi atas Implementasi Sistem Akuntabilitas Kinerja Instansi Pemerintah yang bertujuan meningkatkan akuntabilitas atau pertanggungjawaban atas hasil (outcome) terhadap penggunaan anggaran.",
    13: "KPU Lampung Utara pada Tahun 2024 menggunakan Sarana dan Prasarana Teknologi dalam pengelolaan Data dan Monitoring untuk mendukung Tahapan Pemilu dan Pemilihan yang dilaksanakan di Tahun 2024.",
    14: "KPU Kabupaten Lampung Utara pada Pemilu Tahun 2024 dan Pemilihan Serentak Tahun 2024 sudah dilaksanakan sesuai dengan Jadwal Tahapan Pemutakhiran Data Pemilih",
    15: "Pengadaan logistik pemilihan adalah serangkaian kegiatan yang bertujuan untuk menyediakan perlengkapan yang dibutuhkan selama proses Pemilihan 2024 di Kabupaten Lampung Utara. KPU Kabupaten Lampung Utara menggunakan Metode E-Purchasing yang memungkinkan pengadaan dilakukan secara transparan, efisien, dan sesuai anggaran yang telah disetujui.",
    16: "Persentase penyediaan logistik Pemilu untuk memenuhi kebutuhan Logistik Pemilihan telah sesuai dengan target sehingga mencapai realisasi 100% dari target capaian 100%.",
    17: "Realisasi telah sesuai dengan target yang telah ditetapkan yaitu 1 Satker sehingga capaian yang diperoleh sebesar 100 %.",
    18: "Database kepegawaian yang digunakan dalam rangka pencatatan data kepegawaian yakni aplikasi My ASN dan E Kinerja, sehingga capaian nya mencapai 100%.",
    19: "Persentase Pelaksanaan bimtek dan penerapan regulasi kepemiluan oleh KPU Kabupaten Lampung Utara telah dilaksanakan sesuai Tahapan dengan realisasi capaian 100%.",
    20: "Persentase Peraturan KPU yang dikelola oleh KPU Kabupaten Lampung Utara telah susun dan diharmonisasikan tepat waktu dengan realisasi capaian 100%.",
    21: "Persentase produk hukum yang dikelola oleh KPU Kabupaten Lampung Utara telah dikelola dengan sangat baik dan telah di dokumentasikan serta di publikasikan dengan tepat waktu melalui laman JDIH KPU Kabupaten Lampung Utara.",
    22: "Persentase Laporan SPIP KPU Kabupaten Lampung Utara Tahun 2024 tercatat secara update dalam data base aplikasi e-SPIP",
    23: None,
    24: "Dalam rangka Pemilu 2024 KPU Lampung Utara Menerima Perubahan kepengurusan Partai Politik dan di Mutakhirkan melalui Aplikasi Silon.",
    25: "Pada tahun 2024 KPU Kabupaten Lampung Utara banyak menerima permohonan informasi pemilu 2024 dan ditindaklanjuti Pejabat Pengelola Informasi dan Dokumentasi (PPID)",
    26: None,
}

# ---------------------------------------------------------------- budget
BUDGET_ROWS = [  # as printed: No, Program, Pagu, Realisasi, % Realisasi
    ("1", "Dukungan Manajemen", "3.174.505.000", "3.171.335.436", "99.90%"),
    ("2", "Penyelenggaraan Pemilu Dalam Proses Konsolidasi Demokrasi", "74.277.981.000",
     "74.148.050.026", "99,82%"),
]
BUDGET_TOTAL = ("", "Total", "77.452.486.000", "77.319.385.462", "99,83%")
BUDGET_PROGRAMS = [  # typed by hand
    {"program": "Dukungan Manajemen", "pagu": 3174505000, "realization": 3171335436,
     "absorption_pct": 99.9},
    {"program": "Penyelenggaraan Pemilu Dalam Proses Konsolidasi Demokrasi",
     "pagu": 74277981000, "realization": 74148050026, "absorption_pct": 99.82},
]
BUDGET_TOTALS = {"pagu": 77452486000, "realization": 77319385462, "absorption_pct": 99.83}

# Spending-type table: the cells exactly where the seed's text puts them.
SPEND_HEADER = ["PEGAWAI", "BARANG", "MODAL", "BEBAN BUNGA", "SUBSIDI", "HIBAH", "BANSOS",
                "LAINLAIN", "TRANSFER", ""]
SPEND_PAGU = ["2,999,452,000", "73,463,786,000", "989,248,000", "0", "0", "0", "0", "0", "0", "0",
              "77,452,486,000"]
SPEND_REAL_1 = ["2,996,870,206", "73,333,268,090", "989,247,166", "(99.91%)", "(100.00%)",
                "0.00%", "0.00%", "0.00%", "0.00%", "0.00%", ["77,319,385,462", "(99.83%)"]]
SPEND_REAL_T = ["2,996,870,206", "73,333,268,090", "989,247,166", "(99.91%)", "(100.00%)",
                "(0.00%)", "(0.00%)", "(0.00%)", "(0.00%)", "(0.00%)", ["77,319,385,462", "(99.83%)"]]
SPEND_SISA = ["2,581,794", "130,517,910", "834", "0", "0", "0", "0", "0", "0", "0", "133,100,538"]
_pct_note = "the REALISASI cell of this column prints a percentage ({}), not an amount"
SPENDING = [
    {"category": "pegawai", "pagu": 2999452000, "realization": 2996870206, "remaining": 2581794},
    {"category": "barang", "pagu": 73463786000, "realization": 73333268090, "remaining": 130517910},
    {"category": "modal", "pagu": 989248000, "realization": 989247166, "remaining": 834},
    {"category": "beban_bunga", "pagu": 0, "realization": None, "remaining": 0,
     "notes": _pct_note.format("(99.91%)")},
    {"category": "subsidi", "pagu": 0, "realization": None, "remaining": 0,
     "notes": _pct_note.format("(100.00%)")},
    {"category": "hibah", "pagu": 0, "realization": None, "remaining": 0,
     "notes": _pct_note.format("0.00%")},
    {"category": "bansos", "pagu": 0, "realization": None, "remaining": 0,
     "notes": _pct_note.format("0.00%")},
    {"category": "lain_lain", "pagu": 0, "realization": None, "remaining": 0,
     "notes": _pct_note.format("0.00%")},
    {"category": "transfer", "pagu": 0, "realization": None, "remaining": 0,
     "notes": _pct_note.format("0.00%")},
]
