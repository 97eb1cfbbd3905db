"""Goals and indicators the variant reports draw from (taken from the seed
report and from other KPU LKj reports), with the kind of value each has."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Ind:
    text: str
    kind: str                  # pct | count | grade | lower | index
    targets: tuple = (100,)
    label: str | None = None   # printed count label ("Lap", "Kali", ...)
    satuan: str | None = None  # what a Satuan column prints


@dataclass
class Goal:
    key: str
    text: str
    inds: list = field(default_factory=list)


def pct(text, *targets):
    return Ind(text, "pct", targets or (100,), satuan="%")


CATALOG = [
    Goal("sarpras", "Terwujudnya Dukungan Sarana dan Prasarana Guna Meningkatkan Kelancaran Tugas KPU", [
        pct("Persentase Tersedianya Sarana dan Prasarana untuk Memenuhi Kebutuhan Kerja Pegawai yang Berfungsi dengan Baik", 100, 95)]),
    Goal("sdm", "Meningkatnya Kapasitas SDM yang Berkompeten", [
        pct("Persentase kesesuaian kompetensi pegawai terhadap standar kompetensi penugasannya", 100, 90, 80),
        Ind("Jumlah pegawai yang mengikuti pendidikan dan pelatihan peningkatan kompetensi", "count", (2, 4, 6), "Orang", "Orang")]),
    Goal("akip", "Meningkatnya Akuntabilitas Keuangan dan Kinerja KPU", [
        Ind("Nilai Evaluasi atas Akuntabilitas Kinerja KPU", "grade", ("B", "BB"), None, "Nilai")]),
    Goal("monev", "Terwujudnya sistem administrasi penyelenggaraan Pemilu yang tertib, efektif dan efisien", [
        pct("Persentase laporan Monitoring dan Evaluasi yang Akuntabel dan Tepat Waktu", 75, 80, 100),
        pct("Persentase KPU Kabupaten/Kota yang Target Kinerjanya Tercapai sesuai dengan Perjanjian Kinerja", 90, 85)]),
    Goal("akuntansi", "Terlaksananya sistem akuntansi dan pelaporan keuangan", [
        Ind("Jumlah laporan sistem akuntansi dan pelaporan keuangan", "count", (2, 4), "Lap", "Laporan")]),
    Goal("keuangan", "Terselesaikannya permasalahan pengelolaan keuangan", [
        pct("Persentase permasalahan dalam pengelolaan keuangan yang dapat diselesaikan", 90, 100),
        Ind("Jumlah temuan BPK atas pengelolaan keuangan yang belum ditindaklanjuti", "lower", (2, 3), "Temuan", "Temuan")]),
    Goal("lpj", "Tersusunnya laporan pertanggungjawaban penggunaan anggaran", [
        pct("Persentase KPU Provinsi dan KPU Kabupaten/Kota yang Menyampaikan Laporan Pertanggungjawaban Penggunaan Anggaran berbasis SIMONIKA yang Tepat Waktu dan Valid", 95, 100)]),
    Goal("bmn", "Terwujudnya Pengelolaan Barang Milik Negara sesuai dengan Peraturan dan Perundangan yang berlaku", [
        pct("Persentase KPU Provinsi dan KPU Kabupaten/Kota yang Patuh dan Tertib dalam Pengelolaan Barang Milik Negara yang Material", 98, 100),
        Ind("Jumlah Laporan Barang Milik Negara Berdasarkan SIMAK BMN yang Datanya Sesuai dengan Data SAK", "count", (5, 4, 2), "Lap", "Laporan")]),
    Goal("arsip", "Meningkatnya Kualitas Tata Kelola Administrasi Persuratan dan Pengelolaan Arsip", [
        pct("Persentase KPU Provinsi dan KPU Kabupaten/Kota yang Mengelola Arsip Inaktif Sesuai Aturan Kearsipan", 87.5, 90, 75)]),
    Goal("keamanan", "Terwujudnya Keamanan dan Ketertiban di lingkungan KPU/KPU Provinsi/KPU Kabupaten/Kota", [
        pct("Persentase gangguan keamanan dalam lingkungan KPU/KPU Provinsi/KPU Kabupaten/Kota yang dapat ditanggulangi", 100)]),
    Goal("renja", "Terwujudnya rencana kerja dan anggaran KPU, KPU Provinsi/KIP Aceh dan KPU/KIP Kabupaten/Kota yang efektif dan efisien", [
        Ind("Jumlah revisi yang dilakukan terhadap rencana kerja yang telah ditetapkan", "lower", (12, 10, 8), "Kali", "Kali"),
        Ind("Jumlah dokumen perencanaan dan penganggaran yang disusun tepat waktu", "count", (3, 4), "Dokumen", "Dokumen")]),
    Goal("rb", "Terwujudnya Reformasi Birokrasi di KPU Provinsi dan KPU Kabupaten/Kota", [
        pct("Persentase pelaksanaan rencana aksi Reformasi Birokrasi dan Zona Integritas", 100, 90)]),
    Goal("ti", "Tersedianya data, informasi, sarana dan prasarana teknologi informasi serta penerapan e-government KPU", [
        pct("Persentase Sarana dan Prasarana Teknologi Informasi untuk Sistem Informasi yang aman, handal dan lancar", 100, 95)]),
    Goal("pemilih", "Terwujudnya Data Pemilih Tepat Waktu", [
        pct("Persentase KPU Kabupaten/Kota yang memutakhirkan Data Pemilih Tepat Waktu", 100),
        pct("Persentase pemilih yang tercatat dalam daftar pemilih berkelanjutan yang dimutakhirkan setiap bulan", 100, 95)]),
    Goal("logistik", "Ketersediaan Logistik Pemilu", [
        pct("Persentase KPU Kabupaten/Kota yang menyelenggarakan Pemilu/Pemilihan tanpa ada permasalahan anggaran dalam pemenuhan kebutuhan logistik", 100),
        Ind("Jumlah satuan kerja yang logistik Pemilunya tersedia tepat waktu", "count", (1,), "Satker", "Satker")]),
    Goal("partisipasi", "Meningkatnya partisipasi masyarakat dalam Pemilu/Pemilihan", [
        pct("Tingkat partisipasi pemilih dalam Pemilu/Pemilihan", 77.5, 80, 75),
        Ind("Indeks kepuasan pengguna layanan informasi KPU", "index", (3.5, 3.25), None, "Indeks")]),
    Goal("sengketa", "Terwujudnya penyelesaian sengketa hukum Pemilu yang baik", [
        Ind("Jumlah pengaduan/sengketa hasil Pemilu yang diajukan ke Mahkamah Konstitusi", "lower", (3, 5, 2), "Perkara", "Perkara"),
        pct("Persentase gugatan/sengketa yang dimenangkan oleh KPU", 100, 90)]),
    Goal("hukum", "Terlaksananya penetapan Peraturan KPU sesuai dengan ketentuan peraturan perundang-undangan, serta pendokumentasian informasi hukum, dan penyuluhannya", [
        pct("Persentase produk hukum yang dikelola dan didokumentasikan sesuai peraturan perundang-undangan", 100, 97),
        pct("Persentase Informasi Produk Hukum yang disajikan secara Cepat, Tepat dan Akurat sesuai dengan SOP", 93, 100),
        pct("Persentase Dokumentasi dan Informasi Produk Hukum yang terpublikasi dan dapat secara Mudah diakses oleh Masyarakat", 100)]),
    Goal("spip", "Meningkatnya Penyelenggaraan SPIP", [
        pct("Persentase penyampaian laporan SPIP KPU Provinsi dan KPU Kab./Kota ke KPU", 100)]),
    Goal("paw", "Terlaksananya layanan administrasi PAW tepat waktu dan sesuai aturan", [
        pct("Persentase proses PAW anggota DPR dan DPD, DPRD Provinsi dan DPRD Kabupaten/Kota dapat diselesaikan dalam waktu 5 hari kerja", 100)]),
    Goal("parpol", "Tersedianya pedoman laporan dan audit dana kampanye, verifikasi partai politik dan/atau anggota perorangan DPD", [
        pct("Persentase data kepengurusan dan keanggotaan partai politik yang dimutakhirkan", 100, 95)]),
    Goal("informasi", "Meningkatnya kualitas layanan informasi dan data yang cepat serta akurat", [
        pct("Persentase informasi dan publikasi tahapan Pemilu/Pemilihan yang ditampilkan di media publikasi KPU paling lambat 1 (satu) hari kerja", 100, 90)]),
    Goal("sosialisasi", "Sosialisasi Kebijakan KPU Kepada Stakeholder (Partai Politik, LSM, Ormas, Pemerintah Daerah, Perguruan Tinggi, dan Masyarakat)", [
        pct("Persentase penyampaian informasi dan publikasi dalam tahapan Pemilu/Pemilihan yang ditampilkan di media publikasi", 100),
        Ind("Jumlah kegiatan sosialisasi dan pendidikan pemilih yang dilaksanakan", "count", (12, 10, 24), "Kegiatan", "Kegiatan")]),
]

BY_KEY = {g.key: g for g in CATALOG}

# canonical unit of what a Satuan column prints
SATUAN_UNIT = {"%": "%", "Persen": "%", "Persentase": "%", "Laporan": "laporan", "Lap": "laporan", "Kali": "kali",
               "Orang": "orang", "Dokumen": "dokumen", "Satker": "satker", "Nilai": "grade",
               "Indeks": "indeks", "Perkara": "perkara", "Temuan": "temuan", "Kegiatan": "kegiatan"}

# SAKIP evaluation grades and the scores used to compute an achievement for them
GRADE_SCORE = {"CC": 50, "B": 60, "BB": 70, "A": 80}
